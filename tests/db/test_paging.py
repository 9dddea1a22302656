"""Keyset pages count their total only when asked to, and page the same either way."""

from __future__ import annotations

from typing import Any

import asyncpg

from service.db import entities as entities_db
from service.db import facts as facts_db
from service.db import quotes as quotes_db
from service.db.paging import Window


async def test_pages_count_only_when_asked(seeded_pool: asyncpg.Pool) -> None:
    statements: list[str] = []

    def log(record: Any) -> None:
        statements.append(record.query)

    async with seeded_pool.acquire() as conn:
        conn.add_query_logger(log)
        try:
            every_quote = quotes_db.QuoteFilter()
            counted = await quotes_db.QUOTES.page(conn, every_quote, window=Window(3))
            uncounted = await quotes_db.QUOTES.page(
                conn, every_quote, window=Window(3), count=False
            )
            every = await conn.fetchval("SELECT count(*) FROM quotes")
        finally:
            conn.remove_query_logger(log)
    assert counted.total == every > 3
    assert uncounted.total == 0
    assert uncounted.ids == counted.ids
    assert uncounted.has_next == counted.has_next is True
    assert "count(*)" in statements[0]
    assert "count(*)" not in statements[1]


async def test_pages_per_parent_count_only_when_asked(seeded_pool: asyncpg.Pool) -> None:
    async with seeded_pool.acquire() as conn:
        speakers = [
            int(r["speaker_id"])
            for r in await conn.fetch(
                "SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL "
                "GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 3"
            )
        ]
        counted = await quotes_db.page_quotes_per_speaker(
            conn, speaker_ids=speakers, window=Window(1)
        )
        uncounted = await quotes_db.page_quotes_per_speaker(
            conn, speaker_ids=speakers, window=Window(1), count=False
        )
        mentions = await entities_db.page_mentions_per_entity(
            conn, entity_ids=speakers, window=Window(1), count=False
        )
    assert [counted[s].ids for s in speakers] == [uncounted[s].ids for s in speakers]
    assert all(counted[s].total >= 1 for s in speakers)
    assert all(uncounted[s].total == 0 for s in speakers)
    assert all(len(mentions[s].ids) == 1 for s in speakers)


async def test_facts_per_subject_stop_at_the_bound(seeded_pool: asyncpg.Pool) -> None:
    async with seeded_pool.acquire() as conn:
        subjects = [
            r["subject_id"]
            for r in await conn.fetch(
                "SELECT subject_id FROM facts WHERE subject_id IS NOT NULL "
                "GROUP BY subject_id HAVING count(*) > 2"
            )
        ]
        every = await facts_db.list_facts_for_subjects(conn, subject_ids=subjects)
        first_two = await facts_db.list_facts_for_subjects(
            conn, subject_ids=subjects, per_subject=2
        )
    assert len(subjects) > 1
    expected = [
        fact for subject in subjects for fact in [f for f in every if f.subject_id == subject][:2]
    ]
    assert sorted(first_two, key=lambda f: (f.subject_id or 0, f.id)) == sorted(
        expected, key=lambda f: (f.subject_id or 0, f.id)
    )
