"""Figures in value order read from an index.

`figures(orderBy: {field: VALUE})` (compiled, db/root_pages.py, and the executor's
db/figures.page_sorted_figures) sorts by (value, id): without an index on that key every
page sorted all figures (a top-N over a sequential scan, 710k rows at 100k articles). With
it, a page is a range of the index read in either direction (ASC from its start, DESC
from its end, NULL values first as ORDER BY value DESC puts them); a cursor's page starts
inside it. Measured in bench/RESULTS.md (compiler7).

Revision ID: 2026_12_11_figures_by_value
Revises: 2026_12_11_report_times
Create Date: 2026-12-11
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_11_figures_by_value"
down_revision = "2026_12_11_report_times"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX figures_value_idx ON figures (value, id)")


def downgrade() -> None:
    op.execute("DROP INDEX figures_value_idx")
