"""Each entity's live articles in list order, kept by triggers: a page of them and their
count are read from an index instead of walking every article newest first.

An entity's articles (`Entity.articles`, GraphQL and the compiled statement) are the live
articles that mention it, newest first (db/articles.SORT_KEY, ties by id). Read through
`mentions`, a page walked the articles newest first and asked each whether it mentions
the entity: for an entity mentioned in one article in a thousand, a page of 5 read
thousands of articles, and `entities(first: 95) { articles(first: 5) }` took over 5 s at
100k articles (issue 19). Reading the entity's mentions first instead reads all of them
(tens of thousands for the most reported). Here each (entity, live article) pair is one
row with the article's list position: a page is a range of entity_articles_order_idx, its
length whatever the entity, and a count is read from that index alone.

The triggers keep it true through every write: mentions inserted (ingest, correction)
add their pairs; mentions deleted (correction, an article removed) drop a pair when no
mention of it is left; mentions moved re-file both sides; an article whose publication
time changes (a correction) or that is retracted (a tombstone, never listed) is filed
again from its mentions, or not at all.

Revision ID: 2026_12_10_entity_articles
Revises: 2026_12_09_resolution_reasons
Create Date: 2026-12-10
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_10_entity_articles"
down_revision = "2026_12_09_resolution_reasons"
branch_labels = None
depends_on = None

UPGRADE = [
    """
    CREATE TABLE entity_articles (
        entity_id bigint NOT NULL
            CONSTRAINT entity_articles_entity_id_fkey REFERENCES entities (id) ON DELETE CASCADE,
        article_id bigint NOT NULL
            CONSTRAINT entity_articles_article_id_fkey REFERENCES articles (id)
            ON DELETE CASCADE,
        -- The article's place in the list: coalesce(published_at, '-infinity').
        sort_key timestamptz NOT NULL,
        CONSTRAINT entity_articles_pkey PRIMARY KEY (entity_id, article_id)
    )
    """,
    """
    CREATE INDEX entity_articles_order_idx ON entity_articles (entity_id, sort_key, article_id)
    """,
    """
    CREATE FUNCTION fd_file_entity_articles() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
            DELETE FROM entity_articles e
            USING (SELECT DISTINCT entity_id, article_id FROM removed) r
            WHERE e.entity_id = r.entity_id AND e.article_id = r.article_id
                AND NOT EXISTS (
                    SELECT 1 FROM mentions m
                    WHERE m.entity_id = r.entity_id AND m.article_id = r.article_id
                );
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO entity_articles (entity_id, article_id, sort_key)
            SELECT DISTINCT m.entity_id, m.article_id,
                   coalesce(a.published_at, '-infinity'::timestamptz)
            FROM added m JOIN articles a ON a.id = m.article_id
            WHERE a.retracted_at IS NULL
            ORDER BY m.entity_id, m.article_id
            ON CONFLICT (entity_id, article_id) DO NOTHING;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE FUNCTION fd_refile_entity_articles() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM entity_articles
        WHERE article_id = NEW.id
            AND entity_id IN (SELECT entity_id FROM mentions WHERE article_id = NEW.id);
        IF NEW.retracted_at IS NULL THEN
            INSERT INTO entity_articles (entity_id, article_id, sort_key)
            SELECT DISTINCT entity_id, NEW.id,
                   coalesce(NEW.published_at, '-infinity'::timestamptz)
            FROM mentions WHERE article_id = NEW.id
            ORDER BY entity_id;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER mentions_file_added AFTER INSERT ON mentions
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_file_entity_articles()
    """,
    """
    CREATE TRIGGER mentions_file_removed AFTER DELETE ON mentions
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION fd_file_entity_articles()
    """,
    """
    CREATE TRIGGER mentions_file_changed AFTER UPDATE ON mentions
        REFERENCING OLD TABLE AS removed NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_file_entity_articles()
    """,
    """
    CREATE TRIGGER articles_refile_entity_articles
        AFTER UPDATE OF published_at, retracted_at ON articles
        FOR EACH ROW WHEN (
            OLD.published_at IS DISTINCT FROM NEW.published_at
            OR (OLD.retracted_at IS NULL) <> (NEW.retracted_at IS NULL)
        )
        EXECUTE FUNCTION fd_refile_entity_articles()
    """,
    # The pairs of the mentions stored so far.
    """
    INSERT INTO entity_articles (entity_id, article_id, sort_key)
    SELECT m.entity_id, m.article_id, coalesce(a.published_at, '-infinity'::timestamptz)
    FROM (SELECT DISTINCT entity_id, article_id FROM mentions) m
    JOIN articles a ON a.id = m.article_id
    WHERE a.retracted_at IS NULL
    """,
    "ANALYZE entity_articles",
]

DOWNGRADE = [
    "DROP TRIGGER articles_refile_entity_articles ON articles",
    "DROP TRIGGER mentions_file_changed ON mentions",
    "DROP TRIGGER mentions_file_removed ON mentions",
    "DROP TRIGGER mentions_file_added ON mentions",
    "DROP FUNCTION fd_refile_entity_articles()",
    "DROP FUNCTION fd_file_entity_articles()",
    "DROP TABLE entity_articles",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
