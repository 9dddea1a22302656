"""Indexes that let the cross-type search read a bounded number of rows.

- Trigram GiST indexes on entity aliases and fact labels answer "the nearest names first"
  (`ORDER BY ... <-> ... LIMIT n`). The GIN trigram index on fact labels handed every
  label sharing a few trigrams to a recheck: ~1,700 labels for "police detained" at 100k
  articles (7-11 ms); nothing else reads it, so the GiST index replaces it. The aliases
  keep their GIN index, which the entity name filter uses.
- The full-text GIN indexes the search reads keep a pending list of at most 256 kB instead
  of the 4 MB default. Every search scans the whole pending list (~5 us a page): a full
  list cost each search ~2.5 ms on articles and ~1 ms on quotes. Inserts now merge it into
  the index every ~100 articles instead of every ~1,500.

Revision ID: 2026_11_22_search_speed
Revises: 2026_11_22_data_version_epoch
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "2026_11_22_search_speed"
down_revision = "2026_11_22_data_version_epoch"
branch_labels = None
depends_on = None

FULL_TEXT_INDEXES = ("articles_search_idx", "quotes_text_search_idx")

UPGRADE = [
    "CREATE INDEX entity_aliases_folded_trgm_gist_idx"
    " ON entity_aliases USING gist (fd_fold(alias) gist_trgm_ops)",
    "CREATE INDEX facts_label_trgm_gist_idx ON facts USING gist (fd_fold(label) gist_trgm_ops)",
    "DROP INDEX facts_label_trgm_idx",
    *(f"ALTER INDEX {name} SET (gin_pending_list_limit = 256)" for name in FULL_TEXT_INDEXES),
    # Merge what is pending now; the smaller limit only triggers on the next insert.
    *(f"SELECT gin_clean_pending_list('{name}'::regclass)" for name in FULL_TEXT_INDEXES),
]

DOWNGRADE = [
    *(f"ALTER INDEX {name} RESET (gin_pending_list_limit)" for name in FULL_TEXT_INDEXES),
    "CREATE INDEX facts_label_trgm_idx ON facts USING gin (fd_fold(label) gin_trgm_ops)",
    "DROP INDEX facts_label_trgm_gist_idx",
    "DROP INDEX entity_aliases_folded_trgm_gist_idx",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
