"""Figure statuses beyond preliminary and final: result, exit poll, poll answer, forecast,
estimate.

Open-domain extraction tells an exit poll, a survey answer, a forecast and an estimate
from a result (docs/extraction.md, "Status"); the check constraint admits them.

Revision ID: 2026_12_05_figure_statuses
Revises: 2026_11_23_figure_groups_index
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_05_figure_statuses"
down_revision = "2026_11_23_figure_groups_index"
branch_labels = None
depends_on = None

STATUSES = ("result", "preliminary", "final", "exit_poll", "poll_answer", "forecast", "estimate")


def upgrade() -> None:
    op.execute("ALTER TABLE figures DROP CONSTRAINT figures_status_valid")
    listed = ", ".join(f"'{s}'" for s in STATUSES)
    op.execute(
        f"ALTER TABLE figures ADD CONSTRAINT figures_status_valid CHECK (status IN ({listed}))"
    )


def downgrade() -> None:
    op.execute("UPDATE figures SET status = NULL WHERE status NOT IN ('preliminary', 'final')")
    op.execute("ALTER TABLE figures DROP CONSTRAINT figures_status_valid")
    op.execute(
        "ALTER TABLE figures ADD CONSTRAINT figures_status_valid "
        "CHECK (status IN ('preliminary', 'final'))"
    )
