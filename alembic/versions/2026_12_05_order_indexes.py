"""Indexes for the orders a client may choose (`orderBy`): each order's expression then
id, so a keyset page in any order reads only its rows (service/db/paging.page_sorted).
Orders by id, facts by property and articles by publication time already have theirs.

Revision ID: 2026_12_05_order_indexes
Revises: 2026_12_05_changes
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_05_order_indexes"
down_revision = "2026_12_05_judgements"
branch_labels = None
depends_on = None

INDEXES = {
    "articles_headline_idx": "articles (headline, id)",
    "entities_name_idx": "entities (name, id)",
    "facts_label_idx": "facts (label, id)",
}


def upgrade() -> None:
    for name, on in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {on}")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX {name}")
