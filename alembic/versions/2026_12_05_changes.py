"""The change feed's outbox: one row per ingest, republication, correction and retraction.

A writer appends its change in the transaction that makes it, so a change is never lost
nor announced before it is committed. Ids are handed out under a lock held until commit
(see service/db/changes.py), so they follow commit order: a reader that has seen change
n never later finds a committed change below n. ``fact_ids`` are the facts whose values
the change added, took out or counted again (a fact later deleted as empty keeps its id
here: no foreign key).

Revision ID: 2026_12_05_changes
Revises: 2026_12_05_corrections
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_05_changes"
down_revision = "2026_12_05_corrections"
branch_labels = None
depends_on = None

UPGRADE = [
    """
    CREATE TABLE changes (
        id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT changes_pkey PRIMARY KEY,
        kind text NOT NULL CONSTRAINT changes_kind_valid
            CHECK (kind IN ('ingest', 'republication', 'correction', 'retraction')),
        article_id bigint NOT NULL CONSTRAINT changes_article_id_fkey
            REFERENCES articles (id) ON DELETE CASCADE,
        fact_ids bigint[] NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
    )
    """,
    "CREATE INDEX changes_article_idx ON changes (article_id)",
]

DOWNGRADE = ["DROP TABLE changes"]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
