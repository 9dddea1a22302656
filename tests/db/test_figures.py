"""A fact's first reports per value: the same groups as Fact.values, counted in full."""

from __future__ import annotations

import asyncpg

from service.db import facts as facts_db
from service.db import figures as figures_db
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
