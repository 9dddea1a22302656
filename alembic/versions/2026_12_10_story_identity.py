"""Articles know their story's hash, so that the same story under another outlet's
furniture is a republication, not a second article.

The content hash covers the whole copy, so a second outlet's print of a wire story with
an "Original source: Reuters" credit, an agency tag in the dateline, its own byline or
the headline sent as a field instead of a line became a second article, and each of its
values was counted twice. `story_hash` covers only the dateline's place and what values
are read from (the standfirst, the captions and the body; service/ingest/parse/identity.py),
and ingest looks an article up by either hash. Every stored article gets its story hash
from its stored parts with the function ingest uses (imported, not copied: a stored
hash that differed from the one ingest computes would let the duplicates back in).

Articles stored before that already tell one story twice stay two articles: merging
them would delete judgements, versions and change-feed rows that name them. A new copy
of that story is recorded against the one with the same whole copy, else the oldest.

Revision ID: 2026_12_10_story_identity
Revises: 2026_12_10_value_subtraction
Create Date: 2026-12-10
"""

from __future__ import annotations

from sqlalchemy import text

from alembic import op
from service.ingest.parse.identity import story_hash

revision = "2026_12_10_story_identity"
down_revision = "2026_12_10_value_subtraction"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    # Null only for rows written by hand (tests' and benchmarks' fixtures): no lookup
    # matches them, as before.
    op.execute("ALTER TABLE articles ADD COLUMN story_hash text")
    connection = op.get_bind()
    last = 0
    while True:
        rows = connection.execute(
            text(
                "SELECT id, dateline, standfirst, captions, body FROM articles"
                " WHERE id > :last ORDER BY id LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        connection.execute(
            text(
                """
                UPDATE articles a SET story_hash = n.hash
                FROM unnest(CAST(:ids AS bigint[]), CAST(:hashes AS text[])) AS n(id, hash)
                WHERE a.id = n.id
                """
            ),
            {
                "ids": [int(r[0]) for r in rows],
                "hashes": [story_hash(r[1], r[2], list(r[3] or []), r[4]) for r in rows],
            },
        )
        last = int(rows[-1][0])
    op.execute(
        "CREATE INDEX articles_story_hash_live_idx ON articles (story_hash)"
        " WHERE retracted_at IS NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX articles_story_hash_live_idx")
    op.execute("ALTER TABLE articles DROP COLUMN story_hash")
