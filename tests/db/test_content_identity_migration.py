"""The content-identity migration: stored hashes are redone, duplicates merged into one."""

from __future__ import annotations

import asyncio
import hashlib

import asyncpg

from service.db import migrate
from service.db.scratch import recreate_database
from service.ingest.parse.identity import content_hash

BEFORE = "2026_12_05_figure_statuses"
RAW = "Officials said 12 people died.\n\u201cA tragedy,\u201d the mayor said."


def _old_hash(raw: str) -> str:
    return hashlib.sha256(raw.replace("\r\n", "\n").encode()).hexdigest()


async def _store_old_copies(conn: asyncpg.Connection, raws: list[str]) -> list[int]:
    """Articles as the earlier code stored them, each from an outlet of its own and with
    one figure of one fact."""
    fact = await conn.fetchval(
        "INSERT INTO facts (property, unit, label) VALUES ('deaths', 'people', 'deaths')"
        " RETURNING id"
    )
    ids = []
    for n, raw in enumerate(raws):
        outlet = await conn.fetchval(
            "INSERT INTO outlets (name, name_key) VALUES ($1, $1) RETURNING id", f"outlet{n}"
        )
        article = await conn.fetchval(
            """INSERT INTO articles (slug, outlet_id, headline, body, raw_text, content_hash)
               VALUES ($1, $2, 'Twelve dead', $3, $3, $4) RETURNING id""",
            f"twelve-dead-{n}",
            outlet,
            raw,
            _old_hash(raw),
        )
        await conn.execute(
            """INSERT INTO figures (article_id, fact_id, value, approximation, unit, text,
                   property, start_offset, end_offset, sentence_start, sentence_end)
               VALUES ($1, $2, 12, 'EXACT', 'people', '12 people', 'deaths', 15, 24, 0, 30)""",
            article,
            fact,
        )
        ids.append(int(article))
    return ids


async def test_rehash_keeps_the_oldest_of_each_copy_and_counts_its_values_once(
    server_dsn: str,
) -> None:
    dsn = await recreate_database(server_dsn, "factdesk_identity")
    await asyncio.to_thread(migrate.upgrade, dsn, BEFORE)
    other = "Another story entirely, with 3 people hurt."
    conn = await asyncpg.connect(dsn)
    try:
        first, *_ = await _store_old_copies(
            conn, [RAW, RAW + "\n", RAW.replace("\u201c", '"').replace("\u201d", '"'), other]
        )
        await asyncio.to_thread(migrate.upgrade, dsn)
        rows = await conn.fetch("SELECT id, content_hash FROM articles ORDER BY id")
        assert [(r["id"], r["content_hash"]) for r in rows] == [
            (first, content_hash(RAW)),
            (first + 3, content_hash(other)),
        ]
        assert await conn.fetchval("SELECT count(*) FROM figures") == 2
        assert await conn.fetchval("SELECT count(*) FROM facts") == 1
        # Each duplicate's outlet stays as a publication of the article kept.
        publications = await conn.fetch(
            "SELECT o.name FROM publications p JOIN outlets o ON o.id = p.outlet_id"
            " WHERE p.article_id = $1 ORDER BY p.id",
            first,
        )
        assert [r["name"] for r in publications] == ["outlet0", "outlet1", "outlet2"]

        await asyncio.to_thread(migrate.downgrade, dsn, BEFORE)
        hashes = await conn.fetch("SELECT content_hash FROM articles ORDER BY id")
        assert [r["content_hash"] for r in hashes] == [_old_hash(RAW), _old_hash(other)]
    finally:
        await conn.close()
