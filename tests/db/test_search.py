"""The cross-type search: what ranks first, which rows are candidates, each type appears."""

from __future__ import annotations

import asyncpg

from service.db.pool import Connection
from service.db.search import RECENT_ARTICLES, search_everything


async def _outlet(conn: Connection) -> int:
    return int(
        await conn.fetchval(
            "INSERT INTO outlets (name, name_key) VALUES ('Wire', 'wire') RETURNING id"
        )
    )


async def _articles(conn: Connection, *, count: int, headline: str, body: str) -> list[int]:
    """`count` articles with the same text, in id (ingest) order."""
    outlet = await _outlet(conn)
    rows = await conn.fetch(
        """
        INSERT INTO articles (slug, outlet_id, headline, body, raw_text, content_hash)
        SELECT 'a-' || i, $1, $2, $3, $3, encode(sha256(convert_to('a-' || i, 'UTF8')), 'hex')
        FROM generate_series(1, $4) i ORDER BY i
        RETURNING id
        """,
        outlet,
        headline,
        body,
        count,
    )
    return sorted(r["id"] for r in rows)


async def _set_body(conn: Connection, article_id: int, *, headline: str, body: str) -> None:
    await conn.execute(
        "UPDATE articles SET headline = $2, body = $3, raw_text = $3 WHERE id = $1",
        article_id,
        headline,
        body,
    )


async def _entity(conn: Connection, name: str, *, aliases: list[str], keys: list[str]) -> int:
    entity = int(
        await conn.fetchval(
            "INSERT INTO entities (kind, name) VALUES ('PERSON', $1) RETURNING id", name
        )
    )
    for alias in aliases:
        await conn.execute(
            "INSERT INTO entity_aliases (entity_id, alias, origin) VALUES ($1, $2, 'seen')",
            entity,
            alias,
        )
    for key in keys:
        await conn.execute("INSERT INTO entity_keys (entity_id, key) VALUES ($1, $2)", entity, key)
    return entity


async def test_exact_name_key_outranks_fuzzy_names(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        tokayev = await _entity(
            conn,
            "Kassym-Jomart Tokayev",
            aliases=["Kassym-Jomart Tokayev", "Tokayev"],
            keys=["tokaev"],
        )
        # Spelt closer to the query than any alias of Tokayev, but only Tokayev has its key.
        toqaeva = await _entity(conn, "Toqaeva", aliases=["Toqaeva"], keys=["toqaeva"])
        hits = await search_everything(conn, query="Toqaev", keys=["tokaev"], limit=10)
        assert hits == [("Entity", tokayev), ("Entity", toqaeva)]
        # A misspelling without any key match still finds the name by trigrams.
        fuzzy = await search_everything(conn, query="Tokaev", keys=[], limit=10)
        assert ("Entity", tokayev) in fuzzy


async def test_stories_outrank_lookalike_names_and_a_named_word_leads(
    pool: asyncpg.Pool,
) -> None:
    async with pool.acquire() as conn:
        story = await _articles(
            conn,
            count=1,
            headline="Tokayev wins the election",
            body="Tokayev won the election with 70 percent.",
        )
        tokayev = await _entity(
            conn, "Kassym-Jomart Tokayev", aliases=["Tokayev"], keys=["sn:tokaev"]
        )
        lookalike = await _entity(conn, "Election Union", aliases=["Election Union"], keys=[])
        query = "Tokayev election"
        words = await search_everything(
            conn, query=query, keys=[], word_keys=["sn:tokaev"], limit=10
        )
        no_words = await search_everything(conn, query=query, keys=[], limit=10)
    assert words[:2] == [("Entity", tokayev), ("Article", story[0])]
    # Without a named word the story still outranks a name that only looks like the words.
    assert no_words.index(("Article", story[0])) < no_words.index(("Entity", lookalike))


async def test_every_kind_can_appear(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        [article] = await _articles(
            conn, count=1, headline="Strike in Zhanaozen", body="Oil workers in Zhanaozen struck."
        )
        quote = await conn.fetchval(
            """INSERT INTO quotes (article_id, text, start_offset, end_offset, sentence_start,
                   sentence_end, is_partial, statement_key)
               VALUES ($1, 'We will not leave Zhanaozen', 0, 10, 0, 10, false, 'k')
               RETURNING id""",
            article,
        )
        fact = await conn.fetchval(
            """INSERT INTO facts (property, unit, label)
               VALUES ('people_detained', 'people', 'Zhanaozen: people detained') RETURNING id"""
        )
        place = await _entity(conn, "Zhanaozen", aliases=["Zhanaozen"], keys=["zhanaozen"])
        hits = await search_everything(conn, query="Zhanaozen", keys=["zhanaozen"], limit=10)
    assert hits[0] == ("Entity", place)
    assert set(hits) == {("Entity", place), ("Article", article), ("Quote", quote), ("Fact", fact)}


async def test_common_word_ranks_the_newest_articles(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        ids = await _articles(
            conn,
            count=RECENT_ARTICLES + 50,
            headline="Vote count continues",
            body="The referendum count went on overnight.",
        )
        # Among the recent articles, one names the word in its headline: it ranks first.
        headlined = ids[-10]
        await _set_body(
            conn,
            headlined,
            headline="Referendum result due",
            body="The referendum count went on overnight.",
        )
        hits = await search_everything(conn, query="referendum", keys=[], limit=5)
    # Then equally relevant articles, newest first; none of the oldest were candidates.
    newest = [i for i in reversed(ids) if i != headlined][:4]
    assert hits == [("Article", headlined)] + [("Article", i) for i in newest]


async def test_rare_word_finds_old_articles_once(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        ids = await _articles(
            conn,
            count=RECENT_ARTICLES + 50,
            headline="Vote count continues",
            body="The count went on overnight.",
        )
        # Older than every recent article, and one that the recent ones include.
        for article in (ids[0], ids[1], ids[-1]):
            await _set_body(
                conn,
                article,
                headline="Vote count continues",
                body="The count in Shetpe went on overnight.",
            )
        hits = await search_everything(conn, query="Shetpe", keys=[], limit=20)
    assert hits == [("Article", ids[-1]), ("Article", ids[1]), ("Article", ids[0])]


async def test_phrase_matches_words_in_order_only(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as conn:
        ids = await _articles(
            conn,
            count=RECENT_ARTICLES + 50,
            headline="Vote count continues",
            body="Oil workers went on strike in Shetpe.",
        )
        phrase = ids[0]  # older than every recent article: found through the index
        await _set_body(
            conn, phrase, headline="Vote count continues", body="The Shetpe strike went on."
        )
        await _set_body(
            conn, ids[-1], headline="Vote count continues", body="A strike in Shetpe went on."
        )
        hits = await search_everything(conn, query='"Shetpe strike"', keys=[], limit=20)
        # Negations alone give the index nothing to look up: only the newest articles answer.
        negated = await search_everything(conn, query="-oil", keys=[], limit=20)
    assert hits == [("Article", phrase)]
    assert negated == [("Article", ids[-1])]
