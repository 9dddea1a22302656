"""What was known at a past time, read from `fact_report_times` (kept by triggers,
migration 2026_12_11_report_times: known_values.list_known_reports), is what the walk over
every figure known then answers (`list_known_reports_walked`, the definition): at every
moment of a history with corrections, retractions, republications (later, earlier than
the first, at the same time, a month on) and undated articles, over the seeds and a
generated corpus, at each write's time, the instant before it and the bounds of its day
and month; and after rows written by hand. The table itself always equals its buckets
counted again from scratch, and the migration counts what was stored before it."""

from __future__ import annotations

import asyncio
import datetime as dt
import re

import asyncpg
from alembic.script import ScriptDirectory

from bench.corpus import Generator
from service.config import REPO_ROOT
from service.db import known_values as known_values_db
from service.db import migrate
from service.db.pool import Connection, create_pool
from service.db.scratch import recreate_database
from service.ingest.corrections import correct_article, retract_article
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from service.ingest.seeds import load_seeds

BY = "fingerprint-of-a-key"
REVISION = "2026_12_11_report_times"
ARTICLES = 24
# (first, budget): the value page's, the fact page's (with its budget and without), a
# budget that leaves a value less than first.
FIRSTS = ((1, None), (20, 60), (20, None), (3, 2))

# The buckets counted from scratch: each pair of a figure still stored, of an article
# never corrected, and a publication of its article, in the month and the day (UTC) of
# the publication; a figure counted where its first publication (earliest, then id) is,
# and a day's earliest and latest time.
RECOUNT = """
SELECT g.fact_id, g.value, g.upper_bound, g.approximation, g.text, s.span,
       date_trunc(s.span, coalesce(p.published_at, p.received_at), 'UTC') AS bucket,
       count(*) FILTER (WHERE p.id = (
           SELECT q.id FROM publications q WHERE q.article_id = p.article_id
           ORDER BY coalesce(q.published_at, q.received_at), q.id LIMIT 1))::int AS figures,
       count(*)::int AS pairs,
       CASE WHEN s.span = 'day' THEN min(coalesce(p.published_at, p.received_at)) END,
       CASE WHEN s.span = 'day' THEN max(coalesce(p.published_at, p.received_at)) END
FROM figures g
JOIN articles a ON a.id = g.article_id AND a.corrected_at IS NULL
JOIN publications p ON p.article_id = g.article_id
CROSS JOIN (VALUES ('month'), ('day')) s(span)
WHERE g.fact_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7
"""
KEPT = """SELECT fact_id, value, upper_bound, approximation, text, span, bucket, figures,
    pairs, first_at, last_at FROM fact_report_times"""


def _sorted(rows: list[asyncpg.Record]) -> list[tuple[object, ...]]:
    return sorted((tuple(r) for r in rows), key=repr)


async def _moments(conn: Connection) -> list[dt.datetime]:
    """Every write's time, the instant before it, and the first instant of its day and
    month (UTC) and the one before; and a time after all of them."""
    writes = await conn.fetch(
        """SELECT replaced_at AS at FROM article_versions
        UNION SELECT withdrawn_at FROM withdrawn_figures
        UNION SELECT coalesce(published_at, received_at) FROM publications"""
    )
    tick = dt.timedelta(microseconds=1)
    found: set[dt.datetime] = set()
    for write in writes:
        at = write["at"].astimezone(dt.UTC)
        day = at.replace(hour=0, minute=0, second=0, microsecond=0)
        for bound in (at, day, day.replace(day=1)):
            found |= {bound, bound - tick}
    return [*sorted(found), dt.datetime(2100, 1, 1, tzinfo=dt.UTC)]


async def _check(pool: asyncpg.Pool) -> int:
    """Asserts the table is its buckets counted again, and the counted reading is the
    walk at every moment; returns how many reports were known at some moment."""
    async with pool.acquire() as conn:
        assert _sorted(await conn.fetch(KEPT)) == _sorted(await conn.fetch(RECOUNT))
        fact_ids = [
            r["id"]
            for r in await conn.fetch(
                "SELECT id FROM facts UNION SELECT fact_id FROM withdrawn_figures ORDER BY 1"
            )
        ]
        known = 0
        for at in await _moments(conn):
            for first, budget in FIRSTS:
                counted = await known_values_db.list_known_reports(
                    conn, fact_ids=fact_ids, as_of=at, first=first, budget=budget
                )
                walked = await known_values_db.list_known_reports_walked(
                    conn, fact_ids=fact_ids, as_of=at, first=first, budget=budget
                )
                assert counted == walked, (at, first, budget)
            known += len(counted)
    return known


def _changed(text: str) -> str:
    """The copy with its first number one higher (a correction of a figure)."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) + 1), text, count=1)


def _on(day: int, hour: int = 9, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=dt.UTC)


async def test_counted_reports_are_the_walk_through_every_write(pool: asyncpg.Pool) -> None:
    await load_seeds(pool, REPO_ROOT / "seeds")
    generator = Generator()
    items = [generator.article(i) for i in range(ARTICLES)]
    stored: list[int] = []
    for item in items:
        meta = ArticleMeta(
            item["outlet"], published_at=dt.datetime.fromisoformat(item["published_at"])
        )
        stored.append((await ingest_article(pool, item["text"], meta)).article_id)
    # Undated: reported when they arrived.
    for item in items[:3]:
        undated = item["text"].replace(".", ";", 1)
        await ingest_article(pool, undated, ArticleMeta("Undated Wire"))
    # Republications: later the same day, a month on, before the first (its figures'
    # count moves there), at the very same time.
    for index, shift in enumerate(
        (dt.timedelta(hours=3), dt.timedelta(days=40), -dt.timedelta(days=2), dt.timedelta(0))
    ):
        at = dt.datetime.fromisoformat(items[index]["published_at"]) + shift
        again = await ingest_article(
            pool, items[index]["text"], ArticleMeta(f"Wire {index}", published_at=at)
        )
        assert again.republished
    assert await _check(pool) > 0

    # Corrections (one corrected twice), then retractions: of a plain article, of a
    # republished one, of a corrected one.
    await correct_article(pool, stored[5], _changed(items[5]["text"]), by=BY, reason="typo")
    await correct_article(pool, stored[6], _changed(items[6]["text"]), by=BY, reason="typo")
    await correct_article(
        pool, stored[6], _changed(_changed(items[6]["text"])), by=BY, reason="again"
    )
    for index in (7, 0, 6):
        await retract_article(pool, stored[index], by=BY, reason="taken out")
    assert await _check(pool) > 0


async def test_rows_written_by_hand_are_counted_again(pool: asyncpg.Pool) -> None:
    """Publications changed, removed or added by hand, figures moved, articles deleted
    (none of which the service does today) leave no stale bucket."""
    texts = (
        "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people on Monday, police said.",
        "Quake toll\n\nThe earthquake in Almaty killed 15 people on Monday, police said.",
        "Almaty mourns\n\nThe earthquake in Almaty killed 12 people on Monday, police said.",
    )
    ids = [
        (await ingest_article(pool, text, ArticleMeta(outlet, published_at=_on(day)))).article_id
        for text, outlet, day in zip(texts, ("Daily", "Weekly", "Times"), (17, 18, 30), strict=True)
    ]
    assert await _check(pool) > 0
    async with pool.acquire() as conn:
        for statement, args in (
            (
                "UPDATE publications SET published_at = $2 WHERE article_id = $1",
                (ids[0], _on(2, month=12)),
            ),
            (
                """INSERT INTO publications (article_id, outlet_id, published_at)
                SELECT $1, outlet_id, $2 FROM articles WHERE id = $3""",
                (ids[0], _on(1), ids[1]),
            ),
            (
                "DELETE FROM publications WHERE article_id = $1 AND published_at = $2",
                (ids[0], _on(1)),
            ),
            ("UPDATE figures SET value = 15 WHERE value = 12 AND article_id = $1", (ids[2],)),
            ("UPDATE articles SET corrected_at = $2 WHERE id = $1", (ids[1], _on(19))),
            ("DELETE FROM articles WHERE id = $1", (ids[0],)),
        ):
            await conn.execute(statement, *args)
            await _check(pool)


async def test_the_migration_counts_what_was_stored_before_it(server_dsn: str) -> None:
    """Reports stored, the table dropped (downgraded to the revision before it), upgraded
    again: the migration counts what is there."""
    dsn = await recreate_database(server_dsn, "factdesk_report_times")
    await asyncio.to_thread(migrate.upgrade, dsn)
    before = ScriptDirectory.from_config(migrate.alembic_config(dsn)).get_revision(REVISION)
    assert before is not None
    assert isinstance(before.down_revision, str)
    pool = await create_pool(dsn, min_size=1, max_size=2)
    try:
        generator = Generator()
        for index in range(6):
            item = generator.article(index)
            at = dt.datetime.fromisoformat(item["published_at"])
            await ingest_article(pool, item["text"], ArticleMeta(item["outlet"], published_at=at))
        async with pool.acquire() as conn:
            kept = _sorted(await conn.fetch(KEPT))
        await pool.expire_connections()
        await asyncio.to_thread(migrate.downgrade, dsn, before.down_revision)
        await asyncio.to_thread(migrate.upgrade, dsn)
        await pool.expire_connections()
        async with pool.acquire() as conn:
            assert kept
            assert _sorted(await conn.fetch(KEPT)) == kept
        assert await _check(pool) > 0
    finally:
        await pool.close()
