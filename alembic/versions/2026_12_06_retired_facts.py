"""Facts whose every value was taken out, kept for what was known before.

A correction or retraction that leaves a fact with no figure deletes the fact; its
figures live on in ``withdrawn_figures``. ``retired_facts`` keeps the fact's own row
(subject, property, qualifier, unit, label) and when it went, so that the fact as known
before then (``asOf``) and its history can still be answered. No foreign keys: the
subject may be merged away, and the row is history.

Revision ID: 2026_12_06_retired_facts
Revises: 2026_12_06_judged_figures
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_06_retired_facts"
down_revision = "2026_12_06_judged_figures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE retired_facts (
            id bigint CONSTRAINT retired_facts_pkey PRIMARY KEY,
            subject_id bigint,
            property text NOT NULL,
            qualifier text,
            unit text NOT NULL,
            label text NOT NULL,
            retired_at timestamptz NOT NULL DEFAULT now()
        )
        """
    )
    op.execute("CREATE INDEX retired_facts_subject_idx ON retired_facts (subject_id)")


def downgrade() -> None:
    op.execute("DROP TABLE retired_facts")
