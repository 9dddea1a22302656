"""Find a fact's entries in the change feed by index: Fact.updatedAt reads the latest.

``changes.fact_ids && $1`` with a GIN index reads only the changes that name the facts
asked for, instead of every change ever made.

Revision ID: 2026_12_05_change_fact_index
Revises: 2026_12_05_changes
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_05_change_fact_index"
down_revision = "2026_12_05_order_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX changes_fact_ids_idx ON changes USING gin (fact_ids)")


def downgrade() -> None:
    op.execute("DROP INDEX changes_fact_ids_idx")
