"""A fact's values read from the index alone.

Grouping a fact's reports into its values (Fact.values, service/db/trees.py) read every
figure row of the fact from the heap: the most reported people's facts hold ~2,000
figures over ~1,450 pages. The fact index now carries the grouped columns, so the values
come from an index-only scan: the Q4 statement at 100k went from 134 to 55 ms. It
replaces figures_fact_idx, which has the same key, so a figure insert maintains no more
indexes than before.

Revision ID: 2026_11_22_figure_values_index
Revises: 2026_11_22_fact_labels
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "2026_11_22_figure_values_index"
down_revision = "2026_11_22_fact_labels"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """CREATE INDEX figures_fact_values_idx ON figures (fact_id, id)
        INCLUDE (value, upper_bound, approximation, text)"""
    )
    op.execute("DROP INDEX figures_fact_idx")


def downgrade() -> None:
    op.execute("CREATE INDEX figures_fact_idx ON figures (fact_id, id)")
    op.execute("DROP INDEX figures_fact_values_idx")
