"""The story-identity migration: stored articles get the story hash ingest computes, so
the same story under another outlet's furniture finds them."""

from __future__ import annotations

import asyncio

import asyncpg

from service.db import migrate
from service.db.pool import create_pool
from service.db.scratch import recreate_database
from service.ingest.model import ArticleMeta
from service.ingest.parse.article import parse_article
from service.ingest.parse.identity import story_hash
from service.ingest.pipeline import ingest_article

BEFORE = "2026_12_10_value_subtraction"
CAPTION = "The old town after the quake."
BODY = (
    "Rescuers searched through the night.\n\n"
    "An earthquake in Almaty killed 12 people on Monday, police said."
)
RAW = f"Quake hits Almaty\n\nCaption: {CAPTION}\n\n{BODY}\n"


async def _store_old_article(conn: asyncpg.Connection) -> int:
    """An article as the earlier code stored it: its parts, its whole copy hashed, no
    story hash."""
    parsed = parse_article(RAW)
    assert (parsed.captions, parsed.body) == ((CAPTION,), BODY)
    outlet = await conn.fetchval(
        "INSERT INTO outlets (name, name_key) VALUES ('Wire', 'wire') RETURNING id"
    )
    article = await conn.fetchval(
        """INSERT INTO articles (slug, outlet_id, headline, standfirst, captions, body,
               raw_text, content_hash)
           VALUES ('quake', $1, $2, $3, $4, $5, $6, $7) RETURNING id""",
        outlet,
        parsed.headline,
        parsed.standfirst,
        list(parsed.captions),
        parsed.body,
        RAW,
        parsed.content_hash,
    )
    return int(article)


async def test_stored_articles_are_found_by_their_story(server_dsn: str) -> None:
    dsn = await recreate_database(server_dsn, "factdesk_story_identity")
    await asyncio.to_thread(migrate.upgrade, dsn, BEFORE)
    conn = await asyncpg.connect(dsn)
    try:
        stored = await _store_old_article(conn)
        await asyncio.to_thread(migrate.upgrade, dsn)
        hashed = await conn.fetchval("SELECT story_hash FROM articles WHERE id = $1", stored)
        assert hashed == story_hash(None, None, [CAPTION], BODY)

        # The story again, with another outlet's headline, byline and credit around it.
        pool = await create_pool(dsn)
        try:
            other = (
                f"Deadly quake in Almaty\n\nCaption: {CAPTION}\n\n{BODY}\n\nOriginal source: Wire\n"
            )
            result = await ingest_article(pool, other, ArticleMeta(outlet="Daily"))
        finally:
            await pool.close()
        assert (result.article_id, result.created, result.republished) == (stored, False, True)
        assert await conn.fetchval("SELECT count(*) FROM articles") == 1

        await asyncio.to_thread(migrate.downgrade, dsn, BEFORE)
        columns = await conn.fetchval(
            "SELECT count(*) FROM information_schema.columns"
            " WHERE table_name = 'articles' AND column_name = 'story_hash'"
        )
        assert columns == 0
    finally:
        await conn.close()
