"""Judgements: an editor's rank on a reported value, or a flag on an extraction.

A layer over the figures, which are never changed: ``judgements`` holds each judgement
(kind, reason, who, when) and, once withdrawn, who withdrew it, when and why; a withdrawn
judgement stays as history. At most one judgement per figure is in force (a new one
withdraws the one before). A figure taken out by a correction or retraction ends its
judgements' force (``figure_id`` set to NULL; the rows stay). ``audit_log`` records
judging and withdrawing (with the judgement's id and the caller's key fingerprint), and
the change feed gets a ``judgement`` kind for judgements that change a fact.

Revision ID: 2026_12_05_judgements
Revises: 2026_12_05_changes
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_05_judgements"
down_revision = "2026_12_05_changes"
branch_labels = None
depends_on = None

KINDS = "'PREFERRED', 'DEPRECATED', 'NOT_A_FIGURE', 'WRONG_SUBJECT', 'WRONG_UNIT', 'WRONG_PROPERTY'"

UPGRADE = [
    f"""
    CREATE TABLE judgements (
        id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT judgements_pkey PRIMARY KEY,
        figure_id bigint CONSTRAINT judgements_figure_id_fkey
            REFERENCES figures (id) ON DELETE SET NULL,
        article_id bigint NOT NULL CONSTRAINT judgements_article_id_fkey
            REFERENCES articles (id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT judgements_kind_valid CHECK (kind IN ({KINDS})),
        reason text NOT NULL CONSTRAINT judgements_reason_given CHECK (btrim(reason) <> ''),
        made_by text NOT NULL,
        made_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        withdrawn_at timestamptz,
        withdrawn_by text,
        withdrawal_reason text,
        CONSTRAINT judgements_withdrawn_whole
            CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
    )
    """,
    """
    CREATE UNIQUE INDEX judgements_in_force_unique
        ON judgements (figure_id) WHERE withdrawn_at IS NULL
    """,
    "CREATE INDEX judgements_figure_idx ON judgements (figure_id, id)",
    "ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_valid",
    """
    ALTER TABLE audit_log
        ADD CONSTRAINT audit_log_action_valid
            CHECK (action IN ('correct', 'retract', 'judge', 'withdraw_judgement')),
        ADD COLUMN judgement_id bigint CONSTRAINT audit_log_judgement_id_fkey
            REFERENCES judgements (id) ON DELETE CASCADE
    """,
    "ALTER TABLE changes DROP CONSTRAINT changes_kind_valid",
    """
    ALTER TABLE changes ADD CONSTRAINT changes_kind_valid
        CHECK (kind IN ('ingest', 'republication', 'correction', 'retraction', 'judgement'))
    """,
]

DOWNGRADE = [
    "DELETE FROM changes WHERE kind = 'judgement'",
    "ALTER TABLE changes DROP CONSTRAINT changes_kind_valid",
    """
    ALTER TABLE changes ADD CONSTRAINT changes_kind_valid
        CHECK (kind IN ('ingest', 'republication', 'correction', 'retraction'))
    """,
    "DELETE FROM audit_log WHERE action IN ('judge', 'withdraw_judgement')",
    "ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_valid, DROP COLUMN judgement_id",
    """
    ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_valid
        CHECK (action IN ('correct', 'retract'))
    """,
    "DROP TABLE judgements",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
