"""Publications: every outlet that published an article's copy.

The same copy republished by a second outlet answered 200 with the first article and
the second publication was never recorded. An article now has one publication per
outlet (the first is its own outlet); the copy, and so each value, is stored once.
Every stored article gets its first publication from its own columns.

Revision ID: 2026_12_05_publications
Revises: 2026_12_05_figure_statuses
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_05_publications"
down_revision = "2026_12_05_figure_statuses"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE publications (
            id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT publications_pkey PRIMARY KEY,
            article_id bigint NOT NULL CONSTRAINT publications_article_id_fkey
                REFERENCES articles (id) ON DELETE CASCADE,
            outlet_id bigint NOT NULL
                CONSTRAINT publications_outlet_id_fkey REFERENCES outlets (id),
            url text,
            published_at timestamptz,
            received_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT publications_article_outlet_unique UNIQUE (article_id, outlet_id)
        )
        """
    )
    op.execute("CREATE INDEX publications_outlet_idx ON publications (outlet_id)")
    op.execute(
        """
        INSERT INTO publications (article_id, outlet_id, url, published_at, received_at)
        SELECT id, outlet_id, url, published_at, ingested_at FROM articles ORDER BY id
        """
    )


def downgrade() -> None:
    op.execute("DROP TABLE publications")
