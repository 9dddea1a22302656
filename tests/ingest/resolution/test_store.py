"""Resolution against real PostgreSQL: the names it keeps are the names the counts give."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import pytest

from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from service.ingest.resolution.store import name_words

GOLD_ARTICLES = Path(__file__).parents[2] / "gold" / "articles"


@pytest.mark.parametrize(
    "name",
    ["Tokayev", "Kassym-Jomart Tokayev", "  Jean-Luc   Picard ", "a\tb\nc", "-lead", "trail-",
     "Ali\u00a0Khan", "O'Brien-Smith Jr.", ""],
)  # fmt: skip
async def test_words_are_counted_as_the_database_counts_them(
    seeded_pool: asyncpg.Pool, name: str
) -> None:
    async with seeded_pool.acquire() as conn:
        assert name_words(name) == await conn.fetchval("SELECT fd_name_words($1)", name)


async def test_names_and_labels_follow_the_name_counts(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    """Resolution renames entities in memory as it merges; after many articles spelling
    the same people differently, the counts must be those of the log, every stored name
    the one the counts rank first, and every fact label must carry its subject's name."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]  # noqa: ASYNC240
    texts += [p.read_text(encoding="utf-8") for p in sorted(GOLD_ARTICLES.glob("*.txt"))]
    for n, text in enumerate(texts):
        await ingest_article(pool, text, ArticleMeta(outlet=f"Outlet {n % 7}"))
    async with pool.acquire() as conn:
        renamed = await conn.fetchval(
            "SELECT count(DISTINCT entity_id) FROM entity_name_counts WHERE resolutions > 1"
        )
        wrong = await conn.fetch(
            """
            SELECT e.id, e.name, best.local_name FROM entities e
            CROSS JOIN LATERAL (
                SELECT c.local_name FROM entity_name_counts c WHERE c.entity_id = e.id
                ORDER BY c.words DESC, c.resolutions DESC, c.first_resolution_id LIMIT 1
            ) AS best
            WHERE e.name <> best.local_name
            """
        )
        miscounted = await conn.fetch(
            """
            SELECT * FROM entity_name_counts c FULL JOIN (
                SELECT entity_id, local_name, count(*) AS resolutions, min(id) AS first
                FROM entity_resolutions GROUP BY entity_id, local_name
            ) AS r USING (entity_id, local_name)
            WHERE c.resolutions IS DISTINCT FROM r.resolutions
               OR c.first_resolution_id IS DISTINCT FROM r.first
            """
        )
        mislabelled = await conn.fetch(
            """
            SELECT f.label, e.name FROM facts f JOIN entities e ON e.id = f.subject_id
            WHERE NOT starts_with(f.label, e.name || ': ')
            """
        )
    assert renamed > 10  # the test means something only when names compete
    assert [tuple(r) for r in miscounted] == []
    assert [tuple(r) for r in wrong] == []
    assert [tuple(r) for r in mislabelled] == []


async def test_a_full_name_does_not_complete_a_surname_its_article_kept_apart(
    pool: asyncpg.Pool,
) -> None:
    text = (
        "Boy praised\n\nThe boy, Mohamed, was arrested at his school. Mohamed said he was "
        "surprised. His father Mohamed El-Hassan Mohamed said the family would travel to "
        "New York."
    )
    await ingest_article(pool, text, ArticleMeta(outlet="Wire"))
    async with pool.acquire() as conn:
        names = {r["name"] for r in await conn.fetch("SELECT name FROM entities")}
    assert {"Mohamed", "Mohamed El-Hassan Mohamed"} <= names
