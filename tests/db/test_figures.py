"""A fact's first reports per value: the same groups as Fact.values, counted in full."""

from __future__ import annotations

import datetime as dt

import asyncpg

from service.db import facts as facts_db
from service.db import figures as figures_db
from service.db import known as known_db
from service.desk.values import value_groups


async def test_each_value_keeps_its_first_reports_and_counts_all(
    seeded_pool: asyncpg.Pool,
) -> None:
    async with seeded_pool.acquire() as conn:
        fact_ids = [int(r["id"]) for r in await conn.fetch("SELECT id FROM facts ORDER BY id")]
        every = await figures_db.list_figures_for_facts(conn, fact_ids=fact_ids)
        sampled = await figures_db.list_first_reports_for_facts(
            conn, fact_ids=fact_ids, per_value=1
        )
        two = await figures_db.list_first_reports_for_facts(conn, fact_ids=fact_ids, per_value=2)
        facts = await facts_db.list_facts_by_ids(conn, ids=fact_ids)
    for fact in facts:
        whole = value_groups([f for f in every if f.fact_id == fact.id])
        first = [s for s in sampled if s.figure.fact_id == fact.id]
        assert [s.figure for s in first] == [g.first for g in whole]
        assert [s.reports for s in first] == [len(g.reports) for g in whole]
    assert any(s.reports > 1 for s in sampled)  # the seeds have values several report
    assert len(two) > len(sampled)


# (value, upper bound, approximation) of reports added to a fact, in the order stored, and
# the values they make: equal triples are one value (an absent upper bound equals another),
# values in order of first report.
ADDED = [
    (123456.0, None, "EXACT"),
    (123456.0, None, "ABOUT"),
    (123456.0, None, "EXACT"),
    (1000.0, 2000.0, "EXACT"),
    (1000.0, 2000.0, "EXACT"),
    (1000.0, None, "EXACT"),
]
VALUES = [[0, 2], [1], [3, 4], [5]]


async def test_a_facts_values_are_grouped_by_the_query_now_and_as_of(
    seeded_pool: asyncpg.Pool,
) -> None:
    async with seeded_pool.acquire() as conn:
        transaction = conn.transaction()  # rolled back: nothing added stays
        await transaction.start()
        fact_id = await conn.fetchval("SELECT fact_id FROM figures WHERE fact_id IS NOT NULL")
        added = [
            await conn.fetchval(
                """INSERT INTO figures (article_id, fact_id, subject_id, attributed_to_id,
                    attributed_to_text, value, upper_bound, approximation, unit, text,
                    property, qualifier, status, refers_to, start_offset, end_offset,
                    sentence_start, sentence_end, part, caption_index)
                SELECT article_id, fact_id, subject_id, attributed_to_id, attributed_to_text,
                    $2, $3, $4, unit, text, property, qualifier, status, refers_to,
                    start_offset, end_offset, sentence_start, sentence_end, part, caption_index
                FROM figures WHERE fact_id = $1 ORDER BY id LIMIT 1 RETURNING id""",
                fact_id,
                *triple,
            )
            for triple in ADDED
        ]
        now = await figures_db.list_figures_for_facts(conn, fact_ids=[fact_id])
        then = await known_db.list_figures_known_at(
            conn, fact_ids=[fact_id], as_of=dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
        )
        await transaction.rollback()
    for rows in (now, then):
        values = figures_db.split_values(rows)
        ours = [[added.index(r.id) for r in value] for value in values if value[0].id in added]
        assert ours == VALUES
        assert sum(len(v) for v in values) == len(rows)  # every report, once
