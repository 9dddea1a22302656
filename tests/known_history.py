"""More to the history of tests/graphql/test_compiled_as_of.py (one report of each
value): values with several reports published at different times, and every moment worth
asking about once they are in."""

from __future__ import annotations

import datetime as dt

import asyncpg
import httpx

from tests.rest.conftest import post_article

# More reports of the corrected value (16) and of 15, a day apart.
MORE = (
    ("Herald", "Almaty mourns\n\nThe quake in Almaty killed 16 people, officials said.", 20),
    ("Post", "Almaty count\n\nAn earthquake in Almaty killed 16 people, rescuers said.", 21),
    ("Times", "Almaty dead\n\nThe earthquake in Almaty killed 15 people, medics said.", 22),
)


async def add_reports(client: httpx.AsyncClient) -> None:
    """Ingests MORE through the API."""
    for outlet, copy, day in MORE:
        await post_article(client, copy, outlet, dt.datetime(2026, 11, day, 9, tzinfo=dt.UTC))


async def moments(pool: asyncpg.Pool) -> list[dt.datetime]:
    """Every write's time and the instant before it, and a time after all of them."""
    async with pool.acquire() as conn:
        writes = await conn.fetch(
            """SELECT replaced_at AS at FROM article_versions
            UNION ALL SELECT made_at FROM judgements
            UNION ALL SELECT retracted_at FROM articles WHERE retracted_at IS NOT NULL
            UNION ALL SELECT coalesce(published_at, received_at) FROM publications"""
        )
    tick = dt.timedelta(microseconds=1)
    found = {w["at"] + step for w in writes for step in (-tick, dt.timedelta(0))}
    return [*sorted(found), dt.datetime(2100, 1, 1, tzinfo=dt.UTC)]
