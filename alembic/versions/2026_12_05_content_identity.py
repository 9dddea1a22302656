"""Content hashes over normalised text (service/ingest/parse/identity.py).

The hash was taken over the copy as given, so the same story with a trailing newline,
CRLF line ends or curly quotes became a second article and its figures were counted
twice. Every stored article is hashed again from its raw text with the function ingest
now uses (imported, not copied: a stored hash that differed from the one ingest computes
would let the duplicates back in). Articles that now share a hash are one copy: the
oldest is kept and the later ones are deleted with what was extracted from them, so
each value is counted once; a fact left with no figure goes with them. Their outlets are
kept as publications of the article kept (an outlet it already lists is not repeated).

Revision ID: 2026_12_05_content_identity
Revises: 2026_12_05_publications
Create Date: 2026-12-05
"""

from __future__ import annotations

from sqlalchemy import text

from alembic import op
from service.ingest.parse.identity import content_hash

revision = "2026_12_05_content_identity"
down_revision = "2026_12_05_publications"
branch_labels = None
depends_on = None

BATCH = 500


def _new_hashes() -> dict[int, str]:
    """Every article's id with its new hash, read in batches (raw texts can be large)."""
    connection = op.get_bind()
    hashes: dict[int, str] = {}
    last = 0
    while True:
        rows = connection.execute(
            text("SELECT id, raw_text FROM articles WHERE id > :last ORDER BY id LIMIT :batch"),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            return hashes
        for article_id, raw_text in rows:
            hashes[int(article_id)] = content_hash(raw_text)
        last = int(rows[-1][0])


def upgrade() -> None:
    connection = op.get_bind()
    hashes = _new_hashes()
    kept: dict[str, int] = {}
    for article_id in sorted(hashes):  # oldest first: it keeps its id and slug
        kept.setdefault(hashes[article_id], article_id)
    duplicates = sorted(set(hashes) - set(kept.values()))
    if duplicates:
        facts = connection.execute(
            text(
                "SELECT DISTINCT fact_id FROM figures"
                " WHERE article_id = ANY(CAST(:ids AS bigint[])) AND fact_id IS NOT NULL"
            ),
            {"ids": duplicates},
        ).scalars()
        fact_ids = [int(f) for f in facts]
        connection.execute(
            text(
                """
                INSERT INTO publications (article_id, outlet_id, url, published_at, received_at)
                SELECT d.kept, p.outlet_id, p.url, p.published_at, p.received_at
                FROM unnest(CAST(:ids AS bigint[]), CAST(:kept AS bigint[])) AS d(id, kept)
                JOIN publications p ON p.article_id = d.id
                ORDER BY p.received_at, p.id
                ON CONFLICT ON CONSTRAINT publications_article_outlet_unique DO NOTHING
                """
            ),
            {"ids": duplicates, "kept": [kept[hashes[d]] for d in duplicates]},
        )
        connection.execute(
            text("DELETE FROM articles WHERE id = ANY(CAST(:ids AS bigint[]))"),
            {"ids": duplicates},
        )
        connection.execute(
            text(
                "DELETE FROM facts f WHERE f.id = ANY(CAST(:ids AS bigint[]))"
                " AND NOT EXISTS (SELECT 1 FROM figures g WHERE g.fact_id = f.id)"
            ),
            {"ids": fact_ids},
        )
    changed = [(i, h) for h, i in kept.items()]
    connection.execute(
        text(
            """
            UPDATE articles a SET content_hash = n.hash
            FROM unnest(CAST(:ids AS bigint[]), CAST(:hashes AS text[])) AS n(id, hash)
            WHERE a.id = n.id AND a.content_hash <> n.hash
            """
        ),
        {"ids": [i for i, _ in changed], "hashes": [h for _, h in changed]},
    )


def downgrade() -> None:
    # The earlier hash (the copy with its line ends normalised); deleted duplicates stay
    # deleted, and the articles kept had distinct copies, so their earlier hashes differ.
    op.execute(
        r"""
        UPDATE articles SET content_hash = encode(sha256(convert_to(
            replace(replace(raw_text, E'\r\n', E'\n'), E'\r', E'\n'), 'UTF8')), 'hex')
        """
    )
