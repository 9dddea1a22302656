"""Each publication keeps the lines intake removed from its own copy.

An article keeps the lines intake left out of its story (2026_12_06_removed_lines), but
a republication of the same story on another outlet's page (its own navigation, asides,
share bars) kept nothing: the desk showed the first page's chrome alone (issue 17).
Each publication now keeps its own. NULL: not kept (every publication stored before this
revision; nothing is made up for them); an empty array: intake removed nothing.

Revision ID: 2026_12_08_publication_chrome
Revises: 2026_12_08_fact_values
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_08_publication_chrome"
down_revision = "2026_12_08_fact_values"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE publications ADD COLUMN removed text[]")


def downgrade() -> None:
    op.execute("ALTER TABLE publications DROP COLUMN removed")
