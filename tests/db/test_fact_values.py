"""`fact_values` (kept by triggers) always equals each fact's values counted again from
every report and publication: through ingest, republication, correction, judgement and
retraction, writes of rows by hand, and the migration's backfill."""

from __future__ import annotations

import asyncio
import datetime as dt

import asyncpg
from alembic.script import ScriptDirectory

from service.db import fact_values as fact_values_db
from service.db import migrate
from service.db.pool import Connection, create_pool
from service.db.rows import FactValueRow
from service.db.scratch import recreate_database
from service.ingest.corrections import correct_article, retract_article
from service.ingest.facts.ranks import Kind
from service.ingest.judgements import judge_value
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article

TOLL_12 = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people on Monday, police said."
TOLL_15 = "Quake toll\n\nThe earthquake in Almaty killed 15 people on Monday, police said."
TOLL_12_AGAIN = "Almaty mourns\n\nThe earthquake in Almaty killed 12 people, officials said."
BY = "fingerprint-of-a-key"
REVISION = "2026_12_08_fact_values"

# Each fact's values counted from scratch: what the triggers must keep.
RECOUNT = """
SELECT g.fact_id, g.value, g.upper_bound, g.approximation, min(g.id) AS first_figure_id,
       count(*)::int AS reports,
       min((SELECT min(coalesce(p.published_at, p.received_at)) FROM publications p
            WHERE p.article_id = g.article_id)) AS first_reported_at,
       max((SELECT max(coalesce(p.published_at, p.received_at)) FROM publications p
            WHERE p.article_id = g.article_id)) AS last_reported_at
FROM figures g WHERE g.fact_id IS NOT NULL
GROUP BY g.fact_id, g.value, g.upper_bound, g.approximation
ORDER BY g.fact_id, min(g.id)
"""


async def _kept_and_recounted(
    conn: Connection,
) -> tuple[list[FactValueRow], list[FactValueRow]]:
    fact_ids = [r["id"] for r in await conn.fetch("SELECT id FROM facts ORDER BY id")]
    kept = await fact_values_db.list_values_for_facts(conn, fact_ids=fact_ids)
    recounted = FactValueRow.from_records(await conn.fetch(RECOUNT))
    return kept, recounted


async def _check(pool: asyncpg.Pool) -> list[FactValueRow]:
    """The values kept, after checking they are the values counted again."""
    async with pool.acquire() as conn:
        kept, recounted = await _kept_and_recounted(conn)
    assert kept == recounted
    return kept


def _deaths(kept: list[FactValueRow]) -> list[tuple[float, int, str, str]]:
    """(value, reports, first and last reported as month-day hour) of the tolls."""
    return [
        (
            v.value,
            v.reports,
            f"{v.first_reported_at:%d %H}" if v.first_reported_at else "-",
            f"{v.last_reported_at:%d %H}" if v.last_reported_at else "-",
        )
        for v in kept
        if v.value in (12.0, 15.0)
    ]


def _on(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.UTC)


async def test_counts_and_times_follow_every_write(pool: asyncpg.Pool) -> None:
    daily = await ingest_article(pool, TOLL_12, ArticleMeta("Daily", published_at=_on(17)))
    weekly = await ingest_article(pool, TOLL_15, ArticleMeta("Weekly", published_at=_on(18)))
    assert _deaths(await _check(pool)) == [(12.0, 1, "17 09", "17 09"), (15.0, 1, "18 09", "18 09")]

    # A republication by a wire: the same report, a later publication.
    wire = await ingest_article(pool, TOLL_12, ArticleMeta("Wire", published_at=_on(20)))
    assert wire.republished
    assert _deaths(await _check(pool)) == [(12.0, 1, "17 09", "20 09"), (15.0, 1, "18 09", "18 09")]

    # Weekly corrects 15 to 12: 15 has no report left, 12 has two.
    await correct_article(pool, weekly.article_id, TOLL_12_AGAIN, by=BY, reason="toll was 12")
    assert _deaths(await _check(pool)) == [(12.0, 2, "17 09", "20 09")]

    # A judgement ranks the value; it adds or takes no report.
    async with pool.acquire() as conn:
        figure_id = await conn.fetchval(
            "SELECT id FROM figures WHERE article_id = $1 AND value = 12", daily.article_id
        )
    await judge_value(pool, figure_id, Kind.NOT_A_FIGURE, "a typo", editor="ed", by=BY)
    assert _deaths(await _check(pool)) == [(12.0, 2, "17 09", "20 09")]

    # Retracting Daily's copy takes its report and both its publications away.
    await retract_article(pool, daily.article_id, by=BY, reason="wrong town")
    assert _deaths(await _check(pool)) == [(12.0, 1, "18 09", "18 09")]


async def test_a_retraction_takes_its_reports_off_the_counts(pool: asyncpg.Pool) -> None:
    """A value's only report taken out takes its row away. Of five reports of 12, stored
    in another order than published, one whose time is inside the value's span is
    subtracted (the second is also the value's first report: the least id left is read);
    one holding the latest or the earliest time counts the value again."""
    stored = {}
    days = (("Daily", 18), ("Weekly", 17), ("Times", 21), ("Herald", 20), ("Post", 19))
    for outlet, day in days:
        copy = TOLL_12.replace("police said", f"{outlet} said")
        meta = ArticleMeta(outlet, published_at=_on(day))
        stored[outlet] = (await ingest_article(pool, copy, meta)).article_id
    meta = ArticleMeta("Monitor", published_at=_on(22))
    stored["Monitor"] = (await ingest_article(pool, TOLL_15, meta)).article_id
    assert _deaths(await _check(pool)) == [(12.0, 5, "17 09", "21 09"), (15.0, 1, "22 09", "22 09")]
    for outlet, left in (
        ("Monitor", [(12.0, 5, "17 09", "21 09")]),  # 15's only report: its row goes
        ("Post", [(12.0, 4, "17 09", "21 09")]),  # inside the span
        ("Daily", [(12.0, 3, "17 09", "21 09")]),  # the value's first report
        ("Times", [(12.0, 2, "17 09", "20 09")]),  # the latest time
        ("Weekly", [(12.0, 1, "20 09", "20 09")]),  # the earliest time
        ("Herald", []),
    ):
        await retract_article(pool, stored[outlet], by=BY, reason="taken out")
        assert _deaths(await _check(pool)) == left, outlet


async def test_rows_written_by_hand_are_counted_again(pool: asyncpg.Pool) -> None:
    """Figures moved to another value, publications changed or removed, whole articles
    deleted (none of which the service does today) leave no stale count."""
    daily = await ingest_article(pool, TOLL_12, ArticleMeta("Daily", published_at=_on(17)))
    await ingest_article(pool, TOLL_15, ArticleMeta("Weekly", published_at=_on(18)))
    async with pool.acquire() as conn:
        await conn.execute("UPDATE figures SET value = 15 WHERE value = 12")
        assert _deaths(await _check(pool)) == [(15.0, 2, "17 09", "18 09")]
        await conn.execute(
            "UPDATE publications SET published_at = $2 WHERE article_id = $1",
            daily.article_id,
            _on(16),
        )
        assert _deaths(await _check(pool)) == [(15.0, 2, "16 09", "18 09")]
        await conn.execute("DELETE FROM publications WHERE article_id = $1", daily.article_id)
        assert _deaths(await _check(pool)) == [(15.0, 2, "18 09", "18 09")]
        await conn.execute("DELETE FROM articles WHERE id = $1", daily.article_id)
        assert _deaths(await _check(pool)) == [(15.0, 1, "18 09", "18 09")]


async def test_the_seeds_values_are_kept(seeded_pool: asyncpg.Pool) -> None:
    kept = await _check(seeded_pool)
    assert any(v.reports > 1 for v in kept)


async def test_the_migration_counts_the_values_stored_before_it(server_dsn: str) -> None:
    """Values stored, the table dropped (downgraded to the revision before it), upgraded
    again: the migration counts what is there."""
    dsn = await recreate_database(server_dsn, "factdesk_fact_values")
    await asyncio.to_thread(migrate.upgrade, dsn)
    before = ScriptDirectory.from_config(migrate.alembic_config(dsn)).get_revision(REVISION)
    assert before is not None
    assert isinstance(before.down_revision, str)
    pool = await create_pool(dsn, min_size=1, max_size=2)
    try:
        await ingest_article(pool, TOLL_12, ArticleMeta("Daily", published_at=_on(17)))
        await ingest_article(pool, TOLL_15, ArticleMeta("Weekly", published_at=_on(18)))
        await ingest_article(pool, TOLL_12, ArticleMeta("Wire", published_at=_on(20)))
        await pool.expire_connections()
        await asyncio.to_thread(migrate.downgrade, dsn, before.down_revision)
        await asyncio.to_thread(migrate.upgrade, dsn)
        await pool.expire_connections()
        assert _deaths(await _check(pool)) == [
            (12.0, 1, "17 09", "20 09"),
            (15.0, 1, "18 09", "18 09"),
        ]
    finally:
        await pool.close()
