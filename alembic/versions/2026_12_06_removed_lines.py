"""The lines intake left out of each article's story, kept beside it.

The parse stage drops navigation, promos, credits, labels and the trailer from the copy
(``ParsedArticle.removed``); the desk's article page shows them apart, so an editor can
see what was taken out (issue 16). Articles stored before this revision have none
recorded; a correction of one records its lines.

Revision ID: 2026_12_06_removed_lines
Revises: 2026_12_05_change_fact_index
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_06_removed_lines"
down_revision = "2026_12_05_change_fact_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("articles", "article_versions"):
        op.execute(f"ALTER TABLE {table} ADD COLUMN removed text[] NOT NULL DEFAULT '{{}}'")


def downgrade() -> None:
    for table in ("articles", "article_versions"):
        op.execute(f"ALTER TABLE {table} DROP COLUMN removed")
