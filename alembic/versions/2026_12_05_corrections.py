"""Corrections and retractions: earlier versions of an article, tombstones, an audit log.

A newsroom corrects copy and retracts it. A correction replaces the article's copy in
place (its id and slug stay) and keeps what it replaced in ``article_versions``; a
retraction keeps the article row as a tombstone (``retracted_at``, ``retraction_reason``)
whose values leave every fact. ``withdrawn_figures`` is the facts' history: each figure
a correction or retraction took out of a fact, with when and why (no foreign key to
``facts``: a fact left with no figure is deleted, and its history stays). ``audit_log``
says who (a SHA-256 fingerprint of the API key, never the key) did what, when and why.

The content hash is unique among live articles only, so a retracted article's copy
never blocks re-ingesting it (corrected or not) as a new article.

Revision ID: 2026_12_05_corrections
Revises: 2026_12_05_figure_parts
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_05_corrections"
down_revision = "2026_12_05_figure_parts"
branch_labels = None
depends_on = None

UPGRADE = [
    """
    ALTER TABLE articles
        ADD COLUMN version integer NOT NULL DEFAULT 1
            CONSTRAINT articles_version_positive CHECK (version > 0),
        ADD COLUMN corrected_at timestamptz,
        ADD COLUMN retracted_at timestamptz,
        ADD COLUMN retraction_reason text
    """,
    "ALTER TABLE articles DROP CONSTRAINT articles_content_hash_unique",
    """
    CREATE UNIQUE INDEX articles_content_hash_live_unique
        ON articles (content_hash) WHERE retracted_at IS NULL
    """,
    """
    CREATE TABLE article_versions (
        id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT article_versions_pkey PRIMARY KEY,
        article_id bigint NOT NULL CONSTRAINT article_versions_article_id_fkey
            REFERENCES articles (id) ON DELETE CASCADE,
        version integer NOT NULL,
        original_source_id bigint
            CONSTRAINT article_versions_original_source_id_fkey REFERENCES outlets (id),
        headline text NOT NULL,
        standfirst text,
        dateline text,
        bylines text[] NOT NULL,
        body text NOT NULL,
        captions text[] NOT NULL,
        raw_text text NOT NULL,
        content_hash text NOT NULL,
        url text,
        published_at timestamptz,
        stored_at timestamptz NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now(),
        replaced_by text NOT NULL,
        reason text,
        CONSTRAINT article_versions_article_version_unique UNIQUE (article_id, version)
    )
    """,
    """
    CREATE TABLE withdrawn_figures (
        id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT withdrawn_figures_pkey PRIMARY KEY,
        fact_id bigint NOT NULL,
        fact_label text NOT NULL,
        article_id bigint NOT NULL CONSTRAINT withdrawn_figures_article_id_fkey
            REFERENCES articles (id) ON DELETE CASCADE,
        figure jsonb NOT NULL,
        cause text NOT NULL
            CONSTRAINT withdrawn_figures_cause_valid CHECK (cause IN ('correction', 'retraction')),
        withdrawn_at timestamptz NOT NULL DEFAULT now()
    )
    """,
    "CREATE INDEX withdrawn_figures_fact_idx ON withdrawn_figures (fact_id, id)",
    """
    CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT audit_log_pkey PRIMARY KEY,
        action text NOT NULL
            CONSTRAINT audit_log_action_valid CHECK (action IN ('correct', 'retract')),
        article_id bigint NOT NULL CONSTRAINT audit_log_article_id_fkey
            REFERENCES articles (id) ON DELETE CASCADE,
        key_fingerprint text NOT NULL,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
    )
    """,
    "CREATE INDEX audit_log_article_idx ON audit_log (article_id, id)",
]

DOWNGRADE = [
    "DROP TABLE audit_log",
    "DROP TABLE withdrawn_figures",
    "DROP TABLE article_versions",
    # Tombstones may share a hash with live copy: the earlier schema cannot hold them.
    "DELETE FROM articles WHERE retracted_at IS NOT NULL",
    "DROP INDEX articles_content_hash_live_unique",
    "ALTER TABLE articles ADD CONSTRAINT articles_content_hash_unique UNIQUE (content_hash)",
    """
    ALTER TABLE articles DROP COLUMN retraction_reason, DROP COLUMN retracted_at,
        DROP COLUMN corrected_at, DROP COLUMN version
    """,
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
