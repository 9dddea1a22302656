"""A fact's values, compiled, are read from fact_values: a page of values and each
value's first sources, never every report of the fact grouped, and the same bytes as the
executor (which groups every report itself, figures.list_figures_for_facts). An entity
asked by name keeps one plan (its keys are counted when PostgreSQL plans).

The fact here has many reports over values told apart by each grouped column: the same
number with and without an upper bound, and with another approximation; reports of a
value interleaved with others', so its first report is not its neighbour's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg
import orjson
import pytest

from service.db.pool import create_pool
from service.ids import encode_id
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from tests.graphql.compiled_apps import compiled_and_executed
from tests.graphql.test_compiled import compiled, same_answer

TOLL = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people on Monday, police said."
# (value, upper bound, approximation) of each added report, in the order stored.
REPORTED = [
    (12.0, None, "EXACT"),
    (12.0, 15.0, "EXACT"),
    (12.0, None, "ABOUT"),
    (20.0, None, "EXACT"),
    (12.0, 15.0, "EXACT"),
    (7.5, 9.0, "UP_TO"),
]
COPIES = 12  # each added this many times, interleaved: 73 reports over 5 values

VALUES = """query($id: ID!) { fact(id: $id) { label values(first: VALUES) {
    value upperBound approximation text firstReportedAt lastReportedAt rank conflicting
    sources(first: SOURCES) { excerpt attributedToText article { headline } }
    oldest: sources(first: 1) { span { end } } } } }"""
SHAPES = [
    ("3", "2"),
    ("5", "50"),
    ("20", "1"),
    ("0", "2"),
    ("2", "0"),
]


@pytest.fixture
async def fact_id(pool: asyncpg.Pool) -> int:
    """The toll fact, its reports added by hand after one ingest (the triggers keep its
    fact_values rows), each span ending one further than the one before (so a source's
    place among its value's shows)."""
    meta = ArticleMeta("Daily", published_at=dt.datetime(2026, 11, 17, 9, tzinfo=dt.UTC))
    await ingest_article(pool, TOLL, meta)
    async with pool.acquire() as conn:
        fact = await conn.fetchval("SELECT fact_id FROM figures WHERE value = 12")
        assert fact is not None
        added = [(v, u, a) for _ in range(COPIES) for v, u, a in REPORTED]
        await conn.execute(
            """
            INSERT INTO figures (article_id, fact_id, subject_id, attributed_to_id,
                attributed_to_text, value, upper_bound, approximation, unit, text, property,
                qualifier, status, refers_to, start_offset, end_offset, sentence_start,
                sentence_end, part, caption_index)
            SELECT f.article_id, f.fact_id, f.subject_id, f.attributed_to_id,
                f.attributed_to_text, n.value, n.upper_bound, n.approximation, f.unit,
                f.text || ' #' || n.i, f.property, f.qualifier, f.status, f.refers_to,
                f.start_offset, f.end_offset + n.i, f.sentence_start, f.sentence_end, f.part,
                f.caption_index
            FROM figures f,
                unnest($2::float8[], $3::float8[], $4::text[]) WITH ORDINALITY
                    AS n(value, upper_bound, approximation, i)
            WHERE f.fact_id = $1
            ORDER BY n.i
            """,
            fact,
            [v for v, _, _ in added],
            [u for _, u, _ in added],
            [a for _, _, a in added],
        )
    return int(fact)


@pytest.mark.parametrize(("values", "sources"), SHAPES)
async def test_values_and_their_sources_answer_as_the_executor(
    pool: asyncpg.Pool, fact_id: int, values: str, sources: str
) -> None:
    query = VALUES.replace("VALUES", values).replace("SOURCES", sources)
    async with compiled_and_executed(pool) as apps:
        answer = await same_answer(apps, query, {"id": encode_id("Fact", fact_id)})
    found: dict[str, Any] = orjson.loads(answer)["data"]["fact"]
    assert len(found["values"]) == min(int(values), 5)  # 12 (the ingested), 4 added
    for value in found["values"]:
        assert len(value["sources"]) <= int(sources)


async def test_a_page_of_values_reads_only_the_figures_it_shows(
    pool: asyncpg.Pool, fact_id: int, test_dsn: str
) -> None:
    """3 values with 2 sources each read at most 3 x 2 figures and each value's first
    (its text), not the fact's 73 reports. (`rank` and `conflicting` still read every
    distinct report: the rules' inputs, known_values.value_inputs_sql.)"""
    sent: list[tuple[str, tuple[object, ...]]] = []
    logged = await create_pool(
        test_dsn, max_size=1, query_logger=lambda r: sent.append((r.query, r.args))
    )
    query = """query($id: ID!) { fact(id: $id) { values(first: 3) { value upperBound text
        firstReportedAt sources(first: 2) { excerpt article { headline } } } } }"""
    try:
        async with compiled_and_executed(pool, logged) as apps:
            await same_answer(apps, query, {"id": encode_id("Fact", fact_id)})
        statement, arguments = next((q, a) for q, a in sent if q.startswith("SELECT '{\"fact"))
        async with logged.acquire() as conn:
            plan = await conn.fetchval(
                f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", *arguments, column=0
            )
    finally:
        await logged.close()
    read = _rows_read(orjson.loads(plan)[0]["Plan"], "figures")
    assert 0 < read <= 3 * 2 + 3, read


def _rows_read(node: dict[str, Any], table: str) -> int:
    """The rows the plan's scans of `table` returned, over all their loops."""
    own = 0
    if node.get("Relation Name") == table:
        own = int(node["Actual Rows"] * node["Actual Loops"])
    return own + sum(_rows_read(child, table) for child in node.get("Plans", ()))


ENTITY = """query($name: String!) { entity(name: $name) { name facts { label
    values { value sources { excerpt } } } } }"""


async def test_an_entity_by_name_is_planned_once_not_per_request(
    pool: asyncpg.Pool, fact_id: int, test_dsn: str
) -> None:
    """Its name's keys are each a parameter, so PostgreSQL counts them when it weighs the
    plan it keeps against planning again: after five requests the kept plan answers.
    (Arrays of keys made it assume ten of each, and plan every request anew.)"""
    one = await create_pool(test_dsn, max_size=1)
    try:
        async with compiled_and_executed(pool, one) as apps:
            for _ in range(8):
                answer = await same_answer(apps, ENTITY, {"name": "Almaty"})
                assert b'"errors"' not in answer, answer
                assert orjson.loads(answer)["data"]["entity"] is not None
            async with one.acquire() as conn:
                plans = await conn.fetch(
                    "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                    " WHERE statement LIKE 'SELECT ''{\"entity\":''%'"
                )
    finally:
        await one.close()
    assert [tuple(p) for p in plans] == [(3, 5)], [dict(p) for p in plans]


SEVERAL = """query($id: ID!) { fact(id: $id) { values(first: 3) { text sources(first: 5) { excerpt
    outlet { name } article { headline outlet { name } quotes(first: 3) { text
        citation { excerpt outlet { name } }
        otherReports(first: 2) { citation { outlet { name } } } } } } } } }"""
SECOND = (
    "Almaty earthquake toll\n\nAn earthquake in Almaty killed 12 people on Monday, "
    'officials said. "We are still searching the rubble," said Aidar Bekov, the city\'s '
    "emergency chief."
)
THIRD = (
    "Rescuers dig on in Almaty\n\nRescue teams worked through the night. "
    '"We are still searching the rubble," said Aidar Bekov, the city\'s emergency chief.'
)


async def test_each_source_names_its_own_articles_outlet(pool: asyncpg.Pool) -> None:
    """A value's sources come from articles of two outlets: each citation's outlet is its
    own article's (joined to the figure's row, _sources), and a citation below it (an
    article's quote's, and the same quote's in a third outlet's article) still finds its
    own article's outlet."""
    for outlet, day, text in (("Daily", 17, TOLL), ("Courier", 18, SECOND), ("Wire", 19, THIRD)):
        meta = ArticleMeta(outlet, published_at=dt.datetime(2026, 11, day, 9, tzinfo=dt.UTC))
        await ingest_article(pool, text, meta)
    async with pool.acquire() as conn:
        fact_id = await conn.fetchval("SELECT fact_id FROM figures WHERE value = 12 LIMIT 1")
    async with compiled_and_executed(pool) as apps:
        answer = await same_answer(apps, SEVERAL, {"id": encode_id("Fact", fact_id)})
    assert compiled(SEVERAL)
    found: dict[str, Any] = orjson.loads(answer)["data"]["fact"]
    outlets = {
        (source["outlet"]["name"], source["article"]["outlet"]["name"])
        for value in found["values"]
        for source in value["sources"]
    }
    assert outlets == {("Daily", "Daily"), ("Courier", "Courier")}, outlets
    quoted = [
        quote["citation"]["outlet"]["name"]
        for value in found["values"]
        for source in value["sources"]
        for quote in source["article"]["quotes"]
    ]
    assert "Courier" in quoted, found
    elsewhere = [
        other["citation"]["outlet"]["name"]
        for value in found["values"]
        for source in value["sources"]
        for quote in source["article"]["quotes"]
        for other in quote["otherReports"]
    ]
    assert "Wire" in elsewhere, found
