"""Why an entity's names were merged, read from an index alone.

An entity page lists the distinct (name, decision, reason) of the first resolutions of
the entity (entities.list_resolutions_for_entity). At 100k articles the most reported
place is resolved in ~60,000 articles, its rows one in sixteen of the table, and the read
of its first 1,000 scanned ~17,000 rows over ~400 pages (10-15 ms on a loaded machine, a
third of the page's SQL). Keyed by (entity_id, id) and carrying what the page shows, the
first 1,000 are a few leaf pages of this index, oldest first. It replaces
entity_resolutions_entity_idx, whose key it begins with.

Revision ID: 2026_12_09_resolution_reasons
Revises: 2026_12_08_publication_chrome
Create Date: 2026-12-09
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_09_resolution_reasons"
down_revision = "2026_12_08_publication_chrome"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """CREATE INDEX entity_resolutions_reasons_idx ON entity_resolutions (entity_id, id)
        INCLUDE (article_id, local_name, decision, reason)"""
    )
    op.execute("DROP INDEX entity_resolutions_entity_idx")


def downgrade() -> None:
    op.execute("CREATE INDEX entity_resolutions_entity_idx ON entity_resolutions (entity_id)")
    op.execute("DROP INDEX entity_resolutions_reasons_idx")
