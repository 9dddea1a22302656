"""How often each entity was resolved under each local name, kept by a trigger.

An entity's canonical name is its fullest local name, the one most articles use. Counting
that from entity_resolutions on every merge reads every resolution of the entity: at 100k
articles a country is merged in most articles and each count reads ~100k rows, so ingest
slowed down linearly with the corpus. The counts kept here make the choice read one row
per distinct local name.

Revision ID: 2026_11_22_entity_name_counts
Revises: 2026_11_22_domain
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "2026_11_22_entity_name_counts"
down_revision = "2026_11_22_domain"
branch_labels = None
depends_on = None

UPGRADE = [
    r"""
    CREATE TABLE entity_name_counts (
        entity_id bigint NOT NULL CONSTRAINT entity_name_counts_entity_id_fkey
            REFERENCES entities (id) ON DELETE CASCADE,
        local_name text NOT NULL,
        words integer NOT NULL,
        resolutions integer NOT NULL CONSTRAINT entity_name_counts_resolutions_positive
            CHECK (resolutions > 0),
        first_resolution_id bigint NOT NULL,
        CONSTRAINT entity_name_counts_pkey PRIMARY KEY (entity_id, local_name)
    )
    """,
    # Words as the canonical-name rule counts them: 'Kassym-Jomart Tokayev' has three.
    r"""
    CREATE FUNCTION fd_name_words(name text) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN cardinality(regexp_split_to_array(btrim(name), '[[:space:]-]+'))
    """,
    r"""
    CREATE FUNCTION fd_count_resolution() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO entity_name_counts AS c
                (entity_id, local_name, words, resolutions, first_resolution_id)
            VALUES (NEW.entity_id, NEW.local_name, fd_name_words(NEW.local_name), 1, NEW.id)
            ON CONFLICT ON CONSTRAINT entity_name_counts_pkey DO UPDATE
                SET resolutions = c.resolutions + 1,
                    first_resolution_id = least(c.first_resolution_id, NEW.id);
            RETURN NULL;
        END IF;
        -- DELETE (an article or entity removed): recount this one name.
        DELETE FROM entity_name_counts
        WHERE entity_id = OLD.entity_id AND local_name = OLD.local_name;
        INSERT INTO entity_name_counts
            (entity_id, local_name, words, resolutions, first_resolution_id)
        SELECT OLD.entity_id, OLD.local_name, fd_name_words(OLD.local_name), count(*), min(r.id)
        FROM entity_resolutions r
        WHERE r.entity_id = OLD.entity_id AND r.local_name = OLD.local_name
          AND EXISTS (SELECT 1 FROM entities e WHERE e.id = OLD.entity_id)
        HAVING count(*) > 0;
        RETURN NULL;
    END
    $$
    """,
    r"""
    CREATE TRIGGER entity_resolutions_count
        AFTER INSERT OR DELETE ON entity_resolutions
        FOR EACH ROW EXECUTE FUNCTION fd_count_resolution()
    """,
    r"""
    INSERT INTO entity_name_counts
        (entity_id, local_name, words, resolutions, first_resolution_id)
    SELECT entity_id, local_name, fd_name_words(local_name), count(*), min(id)
    FROM entity_resolutions GROUP BY entity_id, local_name
    """,
]

DOWNGRADE = [
    "DROP TRIGGER entity_resolutions_count ON entity_resolutions",
    "DROP FUNCTION fd_count_resolution()",
    "DROP TABLE entity_name_counts",
    "DROP FUNCTION fd_name_words(text)",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
