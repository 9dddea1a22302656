"""A fact's reports counted in the database as known at a time (db/known_values.py) are
the figures GraphQL's loaders read one by one then (`known.list_figures_known_at`,
`known.list_value_times`), at every moment of a real history
(tests/graphql/test_compiled_as_of.py: two outlets, a republication, a correction,
judgements, retractions; tests/known_history.py adds values of several reports)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import asyncpg

from service.db import known as known_db
from service.db import known_values as known_values_db
from service.ids import decode_id
from tests.graphql.test_compiled_as_of import history
from tests.known_history import add_reports, moments
from tests.rest.conftest import api_client

__all__ = ["history"]  # the module-scoped fixture this file's tests use


async def test_known_reports_are_the_figures_known_then(
    history: dict[str, Any], pool: asyncpg.Pool
) -> None:
    async with api_client(pool) as client:
        await add_reports(client)
    fact_ids = [decode_id(i, "Fact")[1] for i in history["ids"]]
    known = 0
    several = 0
    async with pool.acquire() as conn:
        for when in await moments(pool):
            at = when.isoformat()
            figures = await known_db.list_figures_known_at(conn, fact_ids=fact_ids, as_of=when)
            times = await known_db.list_value_times(conn, fact_ids=fact_ids, as_of=when)
            reports = await known_values_db.list_known_reports(
                conn, fact_ids=fact_ids, as_of=when, first=2
            )
            printed = Counter(
                (f.fact_id, f.value, f.upper_bound, f.approximation, f.text) for f in figures
            )
            assert {(r.fact_id, *r.key, r.text): r.figures for r in reports} == printed, at
            first: dict[tuple[Any, ...], list[int]] = {}
            for f in figures:  # oldest first
                key = (f.fact_id, f.value, f.upper_bound, f.approximation, f.text)
                first[key] = [*first.get(key, []), f.id][:2]
            assert {(r.fact_id, *r.key, r.text): r.first_ids for r in reports} == first
            spans: dict[tuple[Any, ...], tuple[dt.datetime, dt.datetime]] = {}
            for r in reports:
                low, high = spans.get(
                    (r.fact_id, *r.key), (r.first_reported_at, r.last_reported_at)
                )
                spans[(r.fact_id, *r.key)] = (
                    min(low, r.first_reported_at),
                    max(high, r.last_reported_at),
                )
            assert spans == {
                (t.fact_id, t.value, t.upper_bound, t.approximation): (
                    t.first_reported_at,
                    t.last_reported_at,
                )
                for t in times
            }, at
            shown = await known_values_db.list_figures_known_at_by_ids(
                conn, fact_ids=fact_ids, ids=[i for r in reports for i in r.first_ids], as_of=when
            )
            shown_ids = {i for ids in first.values() for i in ids}
            assert shown == [f for f in figures if f.id in shown_ids]
            known += bool(figures)
            several = max([several, *printed.values()])
    assert known >= 5
    assert several >= 3  # reports printed by several figures were counted
