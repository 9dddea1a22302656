"""Idempotency keys (draft-ietf-httpapi-idempotency-key-header) for ingest.

One row per (caller, key): the caller is a digest of the API key (never the key), the
fingerprint a digest of what was asked, and the answer as sent (status, body, headers)
with the article it is about. The row is inserted in the article's transaction before
anything else is written, so of two concurrent requests with one key, the second waits
on the primary key and then finds the first's answer; it ingests nothing.

Revision ID: 2026_12_05_idempotency_keys
Revises: 2026_12_05_content_identity
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_05_idempotency_keys"
down_revision = "2026_12_05_content_identity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE idempotency_keys (
            caller text NOT NULL,
            key text NOT NULL CONSTRAINT idempotency_keys_key_not_blank CHECK (key <> ''),
            fingerprint text NOT NULL,
            article_id bigint CONSTRAINT idempotency_keys_article_id_fkey
                REFERENCES articles (id) ON DELETE CASCADE,
            created boolean,
            republished boolean,
            status integer,
            body bytea,
            headers jsonb NOT NULL DEFAULT '{}',
            stored_at timestamptz NOT NULL DEFAULT now(),
            expires_at timestamptz NOT NULL,
            CONSTRAINT idempotency_keys_pkey PRIMARY KEY (caller, key)
        )
        """
    )
    op.execute("CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at)")


def downgrade() -> None:
    op.execute("DROP TABLE idempotency_keys")
