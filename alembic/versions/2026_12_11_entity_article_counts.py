"""Each entity's number of live articles, kept by triggers: `Entity.articles { totalCount }`
is one row read instead of a count of the entity's entity_articles.

Counting an entity's rows of entity_articles_order_idx is an index-only scan, but it is
O(the entity's articles): for 95 much-named entities at 100k articles about 0.5 s (issue
19). Here a row per entity holds that count. Statement triggers on entity_articles itself
keep it, so whatever files or unfiles a pair there (the mentions triggers, the refiling of
a corrected or retracted article, an entity removed) moves the count in the same
transaction: pairs added are counted up, pairs removed down, per entity, the rows taken in
entity order (concurrent ingests naming the same entities lock them in one order, so never
in a cycle).

Revision ID: 2026_12_11_entity_article_counts
Revises: 2026_12_11_figures_by_value
Create Date: 2026-12-11
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_11_entity_article_counts"
down_revision = "2026_12_11_figures_by_value"
branch_labels = None
depends_on = None

UPGRADE = [
    """
    CREATE TABLE entity_article_counts (
        entity_id bigint PRIMARY KEY
            CONSTRAINT entity_article_counts_entity_id_fkey REFERENCES entities (id)
            ON DELETE CASCADE,
        articles bigint NOT NULL CONSTRAINT entity_article_counts_articles_check
            CHECK (articles >= 0)
    )
    """,
    """
    CREATE FUNCTION fd_count_entity_articles() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO entity_article_counts AS c (entity_id, articles)
            SELECT entity_id, count(*) FROM added GROUP BY entity_id ORDER BY entity_id
            ON CONFLICT (entity_id) DO UPDATE SET articles = c.articles + EXCLUDED.articles;
        ELSE
            -- Rows locked in entity order first; an entity removed has no row left.
            PERFORM 1 FROM entity_article_counts
            WHERE entity_id IN (SELECT entity_id FROM removed)
            ORDER BY entity_id FOR UPDATE;
            UPDATE entity_article_counts c SET articles = c.articles - r.articles
            FROM (SELECT entity_id, count(*) AS articles FROM removed GROUP BY entity_id) r
            WHERE c.entity_id = r.entity_id;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER entity_articles_count_added AFTER INSERT ON entity_articles
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_count_entity_articles()
    """,
    """
    CREATE TRIGGER entity_articles_count_removed AFTER DELETE ON entity_articles
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION fd_count_entity_articles()
    """,
    # entity_articles is only ever inserted into and deleted from; an update would move a
    # pair to another entity, which the counts would miss: refused.
    """
    CREATE FUNCTION fd_refuse_entity_article_updates() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.entity_id IS DISTINCT FROM OLD.entity_id THEN
            RAISE EXCEPTION 'entity_articles rows are deleted and inserted, not moved';
        END IF;
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER entity_articles_not_moved BEFORE UPDATE OF entity_id ON entity_articles
        FOR EACH ROW EXECUTE FUNCTION fd_refuse_entity_article_updates()
    """,
    # The counts of the pairs filed so far.
    """
    INSERT INTO entity_article_counts (entity_id, articles)
    SELECT entity_id, count(*) FROM entity_articles GROUP BY entity_id
    """,
    "ANALYZE entity_article_counts",
]

DOWNGRADE = [
    "DROP TRIGGER entity_articles_not_moved ON entity_articles",
    "DROP TRIGGER entity_articles_count_removed ON entity_articles",
    "DROP TRIGGER entity_articles_count_added ON entity_articles",
    "DROP FUNCTION fd_refuse_entity_article_updates()",
    "DROP FUNCTION fd_count_entity_articles()",
    "DROP TABLE entity_article_counts",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
