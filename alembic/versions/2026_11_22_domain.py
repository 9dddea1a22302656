"""The whole domain: outlets, articles, entities with aliases and resolution keys,
mentions, quotes, facts and figures.

Revision ID: 2026_11_22_domain
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "2026_11_22_domain"
down_revision = None
branch_labels = None
depends_on = None

UPGRADE = r"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- unaccent() is only STABLE (it reads a dictionary); indexes need an IMMUTABLE wrapper
-- that names the dictionary explicitly.
CREATE FUNCTION fd_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

CREATE TABLE outlets (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT outlets_pkey PRIMARY KEY,
    name text NOT NULL CONSTRAINT outlets_name_not_blank CHECK (btrim(name) <> ''),
    name_key text NOT NULL CONSTRAINT outlets_name_key_unique UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE articles (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT articles_pkey PRIMARY KEY,
    slug text NOT NULL CONSTRAINT articles_slug_unique UNIQUE
        CONSTRAINT articles_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    outlet_id bigint NOT NULL CONSTRAINT articles_outlet_id_fkey REFERENCES outlets (id),
    original_source_id bigint CONSTRAINT articles_original_source_id_fkey REFERENCES outlets (id),
    headline text NOT NULL CONSTRAINT articles_headline_not_blank CHECK (btrim(headline) <> ''),
    standfirst text,
    dateline text,
    bylines text[] NOT NULL DEFAULT '{}',
    body text NOT NULL CONSTRAINT articles_body_not_blank CHECK (btrim(body) <> ''),
    captions text[] NOT NULL DEFAULT '{}',
    raw_text text NOT NULL,
    content_hash text NOT NULL CONSTRAINT articles_content_hash_unique UNIQUE
        CONSTRAINT articles_content_hash_format CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    url text,
    published_at timestamptz,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', headline), 'A')
        || setweight(to_tsvector('english', coalesce(standfirst, '')), 'B')
        || setweight(to_tsvector('english', body), 'C')
    ) STORED
);
-- Lists are ordered newest first; articles without a date sort last (as -infinity).
CREATE INDEX articles_published_idx
    ON articles ((coalesce(published_at, '-infinity'::timestamptz)) DESC, id DESC);
CREATE INDEX articles_outlet_idx
    ON articles (outlet_id, (coalesce(published_at, '-infinity'::timestamptz)) DESC, id DESC);
CREATE INDEX articles_original_source_idx ON articles (original_source_id);
CREATE INDEX articles_search_idx ON articles USING gin (search);

CREATE TABLE entities (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT entities_pkey PRIMARY KEY,
    kind text NOT NULL CONSTRAINT entities_kind_valid
        CHECK (kind IN ('PERSON', 'ORGANIZATION', 'PLACE', 'EVENT', 'OTHER')),
    name text NOT NULL CONSTRAINT entities_name_not_blank CHECK (btrim(name) <> ''),
    description text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX entities_kind_idx ON entities (kind, id);

-- Every name an entity is known by, for display and for search by any spelling.
CREATE TABLE entity_aliases (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT entity_aliases_pkey PRIMARY KEY,
    entity_id bigint NOT NULL
        CONSTRAINT entity_aliases_entity_id_fkey REFERENCES entities (id) ON DELETE CASCADE,
    alias text NOT NULL CONSTRAINT entity_aliases_alias_not_blank CHECK (btrim(alias) <> ''),
    origin text NOT NULL CONSTRAINT entity_aliases_origin_valid
        CHECK (origin IN ('seen', 'curated')),
    CONSTRAINT entity_aliases_entity_alias_unique UNIQUE (entity_id, alias)
);
CREATE INDEX entity_aliases_folded_trgm_idx
    ON entity_aliases USING gin (fd_fold(alias) gin_trgm_ops);
CREATE INDEX entity_aliases_folded_idx ON entity_aliases (fd_fold(alias));

-- Transliteration-aware keys (service.ingest.mentions.names) that resolution looks entities up by.
CREATE TABLE entity_keys (
    entity_id bigint NOT NULL
        CONSTRAINT entity_keys_entity_id_fkey REFERENCES entities (id) ON DELETE CASCADE,
    key text NOT NULL CONSTRAINT entity_keys_key_not_blank CHECK (key <> ''),
    CONSTRAINT entity_keys_pkey PRIMARY KEY (key, entity_id)
);
CREATE INDEX entity_keys_entity_idx ON entity_keys (entity_id);

-- Why each local entity of each article was merged into, or created as, an entity.
CREATE TABLE entity_resolutions (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT entity_resolutions_pkey PRIMARY KEY,
    entity_id bigint NOT NULL
        CONSTRAINT entity_resolutions_entity_id_fkey REFERENCES entities (id) ON DELETE CASCADE,
    article_id bigint NOT NULL
        CONSTRAINT entity_resolutions_article_id_fkey REFERENCES articles (id) ON DELETE CASCADE,
    local_name text NOT NULL,
    decision text NOT NULL CONSTRAINT entity_resolutions_decision_valid
        CHECK (decision IN ('created', 'merged')),
    reason text NOT NULL
);
CREATE INDEX entity_resolutions_entity_idx ON entity_resolutions (entity_id);
CREATE INDEX entity_resolutions_article_idx ON entity_resolutions (article_id);

CREATE TABLE mentions (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT mentions_pkey PRIMARY KEY,
    article_id bigint NOT NULL
        CONSTRAINT mentions_article_id_fkey REFERENCES articles (id) ON DELETE CASCADE,
    entity_id bigint NOT NULL CONSTRAINT mentions_entity_id_fkey REFERENCES entities (id),
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    text text NOT NULL,
    sentence_index integer NOT NULL,
    CONSTRAINT mentions_span_valid CHECK (0 <= start_offset AND start_offset < end_offset)
);
CREATE INDEX mentions_article_idx ON mentions (article_id, start_offset);
CREATE INDEX mentions_entity_idx ON mentions (entity_id, article_id);

CREATE TABLE quotes (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT quotes_pkey PRIMARY KEY,
    article_id bigint NOT NULL
        CONSTRAINT quotes_article_id_fkey REFERENCES articles (id) ON DELETE CASCADE,
    speaker_id bigint CONSTRAINT quotes_speaker_id_fkey REFERENCES entities (id),
    speaker_text text,
    text text NOT NULL CONSTRAINT quotes_text_not_blank CHECK (btrim(text) <> ''),
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    sentence_start integer NOT NULL,
    sentence_end integer NOT NULL,
    is_partial boolean NOT NULL,
    cue text,
    statement_key text NOT NULL,
    CONSTRAINT quotes_span_valid CHECK (0 <= start_offset AND start_offset < end_offset),
    CONSTRAINT quotes_sentence_valid CHECK (
        sentence_start <= start_offset AND end_offset <= sentence_end
    )
);
CREATE INDEX quotes_article_idx ON quotes (article_id, start_offset);
CREATE INDEX quotes_speaker_idx ON quotes (speaker_id, id);
CREATE INDEX quotes_statement_idx ON quotes (statement_key);
CREATE INDEX quotes_text_search_idx ON quotes USING gin (to_tsvector('english', text));

CREATE TABLE facts (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT facts_pkey PRIMARY KEY,
    subject_id bigint CONSTRAINT facts_subject_id_fkey REFERENCES entities (id),
    property text NOT NULL CONSTRAINT facts_property_format CHECK (property ~ '^[a-z][a-z0-9_]*$'),
    qualifier text,
    unit text NOT NULL,
    label text NOT NULL,
    disputed boolean NOT NULL DEFAULT false,
    CONSTRAINT facts_claim_unique UNIQUE NULLS NOT DISTINCT (subject_id, property, qualifier)
);
CREATE INDEX facts_property_idx ON facts (property, id);
CREATE INDEX facts_disputed_idx ON facts (id) WHERE disputed;
CREATE INDEX facts_label_trgm_idx ON facts USING gin (fd_fold(label) gin_trgm_ops);

CREATE TABLE figures (
    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT figures_pkey PRIMARY KEY,
    article_id bigint NOT NULL
        CONSTRAINT figures_article_id_fkey REFERENCES articles (id) ON DELETE CASCADE,
    fact_id bigint CONSTRAINT figures_fact_id_fkey REFERENCES facts (id),
    subject_id bigint CONSTRAINT figures_subject_id_fkey REFERENCES entities (id),
    attributed_to_id bigint CONSTRAINT figures_attributed_to_id_fkey REFERENCES entities (id),
    attributed_to_text text,
    value double precision NOT NULL,
    upper_bound double precision,
    approximation text NOT NULL CONSTRAINT figures_approximation_valid CHECK (
        approximation IN (
            'EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'NEARLY', 'UP_TO', 'LESS_THAN', 'VAGUE'
        )
    ),
    unit text NOT NULL,
    text text NOT NULL,
    property text,
    qualifier text,
    status text CONSTRAINT figures_status_valid CHECK (status IN ('preliminary', 'final')),
    refers_to date,
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    sentence_start integer NOT NULL,
    sentence_end integer NOT NULL,
    CONSTRAINT figures_span_valid CHECK (0 <= start_offset AND start_offset < end_offset),
    CONSTRAINT figures_bounds_valid CHECK (upper_bound IS NULL OR upper_bound >= value),
    CONSTRAINT figures_fact_has_property CHECK (fact_id IS NULL OR property IS NOT NULL)
);
CREATE INDEX figures_article_idx ON figures (article_id, start_offset);
CREATE INDEX figures_fact_idx ON figures (fact_id, id);
CREATE INDEX figures_subject_idx ON figures (subject_id, id);
CREATE INDEX figures_property_idx ON figures (property, id);
"""

DOWNGRADE = r"""
DROP TABLE figures;
DROP TABLE facts;
DROP TABLE quotes;
DROP TABLE mentions;
DROP TABLE entity_resolutions;
DROP TABLE entity_keys;
DROP TABLE entity_aliases;
DROP TABLE entities;
DROP TABLE articles;
DROP TABLE outlets;
DROP FUNCTION fd_fold(text);
"""


def _statements(script: str) -> list[str]:
    # asyncpg prepares each statement, so a script runs one statement at a time.
    return [part.strip() for part in script.split(";\n") if part.strip()]


def upgrade() -> None:
    for statement in _statements(UPGRADE):
        op.execute(statement)


def downgrade() -> None:
    for statement in _statements(DOWNGRADE):
        op.execute(statement)
