"""Which figure a judgement judged, kept after the figure is taken out.

A correction or retraction deletes the article's figures, and ``judgements.figure_id``
becomes NULL (its force ends). What was known at an earlier time (``asOf``) needs the
judgements in force then and the figures they judged, which live on in
``withdrawn_figures``: ``judged_figure_id`` keeps the figure's id, without a foreign key.
Judgements whose figure was already taken out before this migration cannot be tied back.

Revision ID: 2026_12_06_judged_figures
Revises: 2026_12_06_removed_lines
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_06_judged_figures"
down_revision = "2026_12_06_removed_lines"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE judgements ADD COLUMN judged_figure_id bigint")
    op.execute("UPDATE judgements SET judged_figure_id = figure_id")
    op.execute("CREATE INDEX judgements_judged_figure_idx ON judgements (judged_figure_id)")


def downgrade() -> None:
    op.execute("ALTER TABLE judgements DROP COLUMN judged_figure_id")
