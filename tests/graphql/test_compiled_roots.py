"""The root connections `entities`, `facts`, `quotes`, `figures` and `changes`, compiled,
answer with the executor's bytes.

Every window (forwards and back, from each cursor) in each order and direction, narrowed
by each filter, is asked of a compiling app and of the plain executor on the seeds; and
so are generated queries: random selections below the items of a random window. The
change feed is read from the primary, as the executor reads it.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import httpx
import orjson
import pytest
import pytest_asyncio
from graphql import parse
from hypothesis import given, settings
from hypothesis import strategies as st

from service.config import Settings
from service.db.pool import create_pool
from service.db.scratch import with_database
from service.graphql import compiler
from service.graphql.compiled_answers import answer_known
from service.graphql.context import build_context
from service.graphql.limits import GraphQLLimits
from service.graphql.schema import limited_schema
from tests.graphql.compiled_apps import compiled_and_executed
from tests.graphql.test_compiled import EXAMPLES, same_answer
from tests.graphql.test_round_trips import _is_connection_setup
from tests.graphql.test_trees import selection

ITEMS = {"entities": "Entity", "facts": "Fact", "quotes": "Quote", "figures": "Figure"}
# What a generated window may be of (the change feed is read forwards only).
DRAWN = [*ITEMS, "changes"]
ORDERS = {
    "entities": ["NAME", "STORED"],
    "facts": ["LABEL", "PROPERTY", "STORED"],
    "quotes": ["STORED"],
    "figures": ["VALUE", "STORED"],
}
NODES = {
    "entities": "{ id name kind aliases }",
    "facts": "{ id label property unit disputed subject { name } }",
    "quotes": "{ id text speakerText speaker { name } article { headline } }",
    "figures": "{ id value unit property text subject { name } }",
}
FILTERS = {"entities": "EntityFilter", "facts": "FactFilter", "quotes": "QuoteFilter"}
FILTERS["figures"] = "FigureFilter"
ORDER_TYPES = {"entities": "EntityOrder", "facts": "FactOrder", "quotes": "QuoteOrder"}
ORDER_TYPES["figures"] = "FigureOrder"
PAGE = """totalCount __typename pageInfo { hasNextPage hasPreviousPage startCursor endCursor
    __typename } edges { __typename cursor node NODE }"""


def window_query(root: str) -> str:
    variables = (
        f"$first: Int, $after: String, $last: Int, $before: String, $filter: {FILTERS[root]}, "
        f"$order: {ORDER_TYPES[root]}"
    )
    arguments = (
        "first: $first, after: $after, last: $last, before: $before, filter: $filter, "
        "orderBy: $order"
    )
    page = PAGE.replace("NODE", NODES[root])
    return f"query({variables}) {{ {root}({arguments}) {{ {page} }} }}"


# The statements the compiling app sends (a request it compiled sends exactly one; one
# whose statement failed sends it and then the executor's).
sent: list[str] = []


@asynccontextmanager
async def logged_apps(
    executor_pool: asyncpg.Pool, dsn: str
) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    """Both apps; the compiling one reads through a pool that logs its statements in
    ``sent`` (for ``one_statement``)."""
    logged = await create_pool(dsn, max_size=2, query_logger=lambda r: sent.append(r.query))
    try:
        async with compiled_and_executed(executor_pool, logged) as clients:
            yield clients
    finally:
        await logged.close()


@pytest_asyncio.fixture(scope="module")
async def apps(
    seeded_pool: asyncpg.Pool, server_dsn: str
) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    async with logged_apps(seeded_pool, with_database(server_dsn, "factdesk_seeded")) as clients:
        yield clients


async def one_statement(
    apps: dict[bool, httpx.AsyncClient], query: str, variables: dict[str, Any]
) -> bytes:
    """The executor's bytes, answered by the compiling app with one statement."""
    sent.clear()
    answer = await same_answer(apps, query, variables)
    statements = [q for q in sent if not _is_connection_setup(q)]
    assert len(statements) == 1, (query, variables, [q[:60] for q in statements])
    return answer


@pytest_asyncio.fixture(scope="module")
async def seen(apps: dict[bool, httpx.AsyncClient]) -> dict[str, list[Any]]:
    """Ids and values the filters are given: seeded entities, articles, properties, units."""
    query = """{ entities(first: 100) { edges { node { id kind name } } }
        articles(first: 100) { edges { node { id } } }
        figures(first: 100) { edges { node { property unit } } } }"""
    data = (await apps[False].post("/graphql", json={"query": query})).json()["data"]
    entities = [e["node"] for e in data["entities"]["edges"]]
    figures = [e["node"] for e in data["figures"]["edges"]]
    return {
        "entity": [e["id"] for e in entities],
        "kind": sorted({e["kind"] for e in entities}),
        "name": [e["name"] for e in entities[:5]],
        "article": [e["node"]["id"] for e in data["articles"]["edges"]],
        "property": sorted({f["property"] for f in figures if f["property"] is not None}),
        "unit": sorted({f["unit"] for f in figures if f["unit"] is not None}),
    }


def filters(root: str, seen: dict[str, list[Any]]) -> list[dict[str, Any] | None]:
    """None, an empty filter and each field alone (a match, a miss), some together."""
    entity, article = seen["entity"], seen["article"]
    by_root: dict[str, list[dict[str, Any] | None]] = {
        "entities": [
            {"kind": seen["kind"][0]},
            {"kind": seen["kind"][-1], "search": "a"},
            {"search": seen["name"][0]},
            {"search": "tokaev"},
            {"search": ""},
        ],
        "facts": [
            {"subject": entity[0]},
            {"property": seen["property"][0]},
            {"disputed": True},
            {"disputed": False, "property": seen["property"][-1]},
        ],
        "quotes": [
            {"speaker": entity[0]},
            {"article": article[0]},
            {"search": "election"},
            {"search": ""},
        ],
        "figures": [
            {"article": article[1]},
            {"subject": entity[1]},
            {"property": seen["property"][0], "unit": seen["unit"][0]},
            {"unit": seen["unit"][-1]},
        ],
    }
    return [None, {}, *by_root[root]]


def edges_of(answer: bytes, root: str) -> list[dict[str, Any]]:
    edges: list[dict[str, Any]] = orjson.loads(answer)["data"][root]["edges"]
    return edges


@pytest.mark.parametrize("root", list(ITEMS))
async def test_every_window_in_each_order_answers_alike(
    apps: dict[bool, httpx.AsyncClient], root: str
) -> None:
    """Each order both ways and none, paged forwards and back by the cursors it gave."""
    query = window_query(root)
    orders = [None] + [{"field": f, "direction": d} for f in ORDERS[root] for d in ("ASC", "DESC")]
    for order in orders:
        whole = await one_statement(apps, query, {"first": 100, "order": order})
        cursors = [edge["cursor"] for edge in edges_of(whole, root)]
        assert len(cursors) >= 5, whole
        for cursor in [None, *cursors[:: max(1, len(cursors) // 5)]]:
            for size in (0, 1, 3):
                for way in ({"first": size, "after": cursor}, {"last": size, "before": cursor}):
                    answer = await one_statement(apps, query, {**way, "order": order})
                    assert b'"errors"' not in answer, answer


@pytest.mark.parametrize("root", list(ITEMS))
async def test_every_filter_answers_alike(
    apps: dict[bool, httpx.AsyncClient], seen: dict[str, list[Any]], root: str
) -> None:
    query = window_query(root)
    found = 0
    for flt in filters(root, seen):
        for order in (None, {"field": ORDERS[root][0], "direction": "DESC"}):
            whole = await one_statement(apps, query, {"first": 100, "filter": flt, "order": order})
            assert b'"errors"' not in whole, whole
            edges = edges_of(whole, root)
            found += len(edges)
            if len(edges) > 2:  # and a window inside the narrowed list
                cursor = edges[1]["cursor"]
                for way in ({"first": 1, "after": cursor}, {"last": 1, "before": cursor}):
                    await one_statement(apps, query, {**way, "filter": flt, "order": order})
    assert found > 0


BAD: list[dict[str, Any]] = [
    {"first": 101},
    {"first": 1, "last": 1},
    {"after": "nonsense"},
    {"before": "WyJ0IiwiMjAyNC0wMS0wMVQwMDowMDowMCswMDowMCIsMV0"},  # an article's cursor
]


@pytest.mark.parametrize("root", list(ITEMS))
async def test_bad_arguments_get_the_executors_error(
    apps: dict[bool, httpx.AsyncClient], seen: dict[str, list[Any]], root: str
) -> None:
    query = window_query(root)
    article = seen["article"][0]  # an id of the wrong type for an entity filter
    wrong: dict[str, list[dict[str, Any]]] = {
        "entities": [{"filter": {"search": "x" * 501}}],
        "facts": [{"filter": {"subject": article}}],
        "quotes": [{"filter": {"speaker": article}}, {"filter": {"search": "x" * 501}}],
        "figures": [{"filter": {"subject": article}}, {"filter": {"article": seen["entity"][0]}}],
    }
    order = {"order": {"field": ORDERS[root][0], "direction": "ASC"}, "after": "x"}
    for variables in [*BAD, *wrong[root], order]:
        answer = await same_answer(apps, query, variables)
        assert b'"errors"' in answer, (variables, answer)


BY_OUTLET = """query($outlet: String, $first: Int, $last: Int) {
    articles(first: $first, last: $last, filter: {outlet: $outlet}) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { headline outlet { name } } } } }"""


async def test_articles_of_an_outlet_by_id_or_name_answer_alike(
    apps: dict[bool, httpx.AsyncClient], seen: dict[str, list[Any]]
) -> None:
    """The outlet looked up inside the statement: by id, by name however it is written,
    unknown (nothing), another type's id (a name nobody has), empty (every article)."""
    found = await apps[False].post("/graphql", json={"query": "{ outlets { id name } }"})
    outlets = found.json()["data"]["outlets"]
    assert len(outlets) >= 2
    names = [o["name"] for o in outlets]
    given = [o["id"] for o in outlets] + names + [f"  {n.upper()} " for n in names[:2]]
    given += ["No Such Outlet", seen["entity"][0], ""]
    matched = 0
    for outlet in given:
        for way in ({"first": 3}, {"last": 2}, {"first": 100}):
            answer = await one_statement(apps, BY_OUTLET, {"outlet": outlet, **way})
            assert b'"errors"' not in answer, answer
            matched += len(edges_of(answer, "articles"))
    assert matched > 0


CHANGES = """query($first: Int, $after: String) { changes(first: $first, after: $after) {
    totalCount __typename pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { __typename cursor node { __typename kind articleId factIds at } } } }"""


async def test_every_window_of_the_change_feed_answers_alike(
    apps: dict[bool, httpx.AsyncClient],
) -> None:
    whole = await one_statement(apps, CHANGES, {"first": 100})
    edges = edges_of(whole, "changes")
    assert len(edges) >= 5, whole
    assert any(edge["node"]["factIds"] for edge in edges)
    for cursor in [None, *[edge["cursor"] for edge in edges]]:
        for size in (0, 1, 3, None):
            answer = await one_statement(apps, CHANGES, {"first": size, "after": cursor})
            assert b'"errors"' not in answer, answer
    for bad in ({"first": 101}, {"after": "x"}, {"after": edges[0]["node"]["articleId"]}):
        assert b'"errors"' in await same_answer(apps, CHANGES, bad)


async def test_the_change_feed_is_read_from_the_primary(
    apps: dict[bool, httpx.AsyncClient], seeded_pool: asyncpg.Pool, pool: asyncpg.Pool
) -> None:
    """With reads going elsewhere (here: an empty database), the compiled feed still
    answers from the primary, as change_connection does."""
    settings = Settings(factdesk_load_seeds=False, factdesk_response_cache=False)
    limits = GraphQLLimits.from_settings(settings)
    schema = limited_schema(limits)._schema
    assert compiler.plan_of(limits, CHANGES, None, parse(CHANGES)) is not None
    context = build_context(seeded_pool, settings, reads=pool)
    answer = await answer_known(CHANGES, None, {"first": 3}, context, limits, schema)
    assert answer is not None  # compiled
    expected = orjson.loads(await same_answer(apps, CHANGES, {"first": 3}))["data"]
    assert orjson.loads(orjson.dumps(answer.data)) == expected
    assert len(expected["changes"]["edges"]) == 3


@st.composite
def listed(draw: st.DrawFn, seen: dict[str, list[Any]]) -> tuple[str, dict[str, Any]]:
    """A window of a root connection, its arguments literals or variables, with a random
    selection below its items (now and then one only the executor answers)."""
    root = draw(st.sampled_from(DRAWN))
    if root == "changes":
        return draw(changes_window())
    pure = draw(st.sampled_from([True] * 4 + [False]))
    node = draw(st.one_of(selection(ITEMS[root], pure), st.just(NODES[root])))
    size, cursor = draw(st.sampled_from([("first", "after"), ("last", "before")]))
    arguments = [f"{size}: {draw(st.integers(0, 4))}"]
    variables: dict[str, Any] = {}
    declared: list[str] = []
    flt = draw(st.sampled_from(filters(root, seen)))
    if flt is not None and draw(st.booleans()):
        declared.append(f"$filter: {FILTERS[root]}")
        variables["filter"] = flt
        arguments.append("filter: $filter")
    elif flt is not None:
        # An enum (kind) is written bare, anything else as JSON writes it.
        fields = ", ".join(
            f"{k}: {v if k == 'kind' else orjson.dumps(v).decode()}" for k, v in flt.items()
        )
        arguments.append(f"filter: {{ {fields} }}")
    if draw(st.booleans()):
        field = draw(st.sampled_from(ORDERS[root]))
        direction = draw(st.sampled_from(["ASC", "DESC"]))
        arguments.append(f"orderBy: {{ field: {field}, direction: {direction} }}")
    elif draw(st.booleans()):
        arguments.append(f"{cursor}: null")
    parts = draw(
        st.lists(
            st.sampled_from(
                ["totalCount", "__typename", "pageInfo { hasNextPage startCursor endCursor }"]
            ),
            max_size=2,
            unique=True,
        )
    )
    edges = f"edges {{ cursor node {node} }}"
    alias = draw(st.sampled_from(["", "page: "]))
    head = f"query({', '.join(declared)})" if declared else "query"
    text = f"{head} {{ {alias}{root}({', '.join(arguments)}) {{ {' '.join(parts)} {edges} }} }}"
    return text, variables


@st.composite
def changes_window(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A page of the change feed: a random part of what a change holds."""
    fields = draw(
        st.lists(st.sampled_from(["kind", "articleId", "factIds", "at", "__typename"]), min_size=1)
    )
    first = draw(st.sampled_from(["", "first: 2", "first: 0", "first: $n"]))
    head = "query($n: Int)" if "$n" in first else "query"
    parts = draw(st.sampled_from(["", "totalCount", "pageInfo { hasPreviousPage endCursor }"]))
    arguments = f"({first})" if first else ""
    node = " ".join(fields)
    query = f"{head} {{ changes{arguments} {{ {parts} edges {{ cursor node {{ {node} }} }} }} }}"
    return query, {"n": draw(st.integers(0, 5))} if "$n" in first else {}


counted = {"drawn": 0, "compiled": 0}


@settings(EXAMPLES, max_examples=200)
@given(data=st.data())
async def test_generated_windows_answer_alike(
    apps: dict[bool, httpx.AsyncClient], seen: dict[str, list[Any]], data: st.DataObject
) -> None:
    query, variables = data.draw(listed(seen))
    sent.clear()
    await same_answer(apps, query, variables)
    counted["drawn"] += 1
    statements = [q for q in sent if not _is_connection_setup(q)]
    counted["compiled"] += len(statements) == 1 and statements[0].startswith("SELECT '{")


def test_most_generated_windows_were_compiled() -> None:
    # Runs after the test above (file order): the comparison was of compiled answers.
    assert counted["drawn"] >= 150
    assert counted["compiled"] >= counted["drawn"] * 0.6, counted


PLANNED = """query($first: Int, $after: String, $before: String) {
    articles(first: $first, after: $after, before: $before) {
    edges { cursor node { headline publishedAt outlet { name } } } } }"""


async def test_a_window_is_planned_once_not_per_request(
    apps: dict[bool, httpx.AsyncClient], server_dsn: str
) -> None:
    """A root window's statement holds the page size, and cursor conditions only for the
    cursors given: PostgreSQL plans a first page once and reuses the plan, as a statement
    with no parameters. (A LIMIT parameter, or `$n IS NULL OR` for an absent cursor, made
    it plan every execution anew: two thirds of a page's time in the database.)"""
    whole = orjson.loads(await same_answer(apps, PLANNED, {"first": 100}))["data"]
    cursor = whole["articles"]["edges"][1]["cursor"]
    one = await create_pool(with_database(server_dsn, "factdesk_seeded"), max_size=1)
    plans = {}
    try:
        async with compiled_and_executed(one) as clients:
            for name, variables in (
                ("first", {"first": 20}),
                ("after", {"first": 2, "after": cursor}),
            ):
                for _ in range(8):
                    answer = await same_answer(clients, PLANNED, variables)
                    assert b'"errors"' not in answer, answer
                async with one.acquire() as conn:
                    plans[name] = await conn.fetch(
                        "SELECT statement, generic_plans, custom_plans"
                        " FROM pg_prepared_statements"
                        " WHERE statement LIKE 'SELECT ''{\"articles\":''%'"
                    )
    finally:
        await one.close()
    assert len(plans["first"]) == 1, [p["statement"][:300] for p in plans["first"]]
    first_page = dict(plans["first"][0])
    assert (first_page["custom_plans"], first_page["generic_plans"]) == (0, 8), first_page
    # After a cursor: its two values are the statement's only parameters.
    after = [p for p in plans["after"] if p["statement"] != first_page["statement"]]
    assert len(after) == 1, [p["statement"][:300] for p in plans["after"]]
    assert "$2" in after[0]["statement"]
    assert "$3" not in after[0]["statement"]
    assert " IS NULL OR " not in after[0]["statement"]


BY_VALUE = """query($direction: OrderDirection!) { figures(first: 5,
    orderBy: {field: VALUE, direction: $direction}) { edges { node { id value } } } }"""


async def test_figures_by_value_are_read_from_an_index(
    seeded_pool: asyncpg.Pool, server_dsn: str
) -> None:
    """A page of figures in value order, either way, is a range of figures_value_idx
    (migration 2026_12_11_figures_by_value), not every figure sorted: with sorting made a
    last resort, its plan still holds no Sort."""
    statements: list[tuple[str, tuple[object, ...]]] = []
    logged = await create_pool(
        with_database(server_dsn, "factdesk_seeded"),
        max_size=1,
        query_logger=lambda r: statements.append((r.query, r.args)),
    )
    try:
        async with compiled_and_executed(seeded_pool, logged) as clients:
            for direction in ("ASC", "DESC"):
                statements.clear()
                answer = await same_answer(clients, BY_VALUE, {"direction": direction})
                assert b'"errors"' not in answer, answer
                compiled = [s for s in statements if s[0].startswith('SELECT \'{"figures":')]
                assert len(compiled) == 1, [s[0][:80] for s in statements]
                sql, args = compiled[0]
                async with logged.acquire() as conn, conn.transaction():
                    await conn.execute("SET LOCAL enable_sort = off")
                    plan = "\n".join(r[0] for r in await conn.fetch(f"EXPLAIN {sql}", *args))
                assert "figures_value_idx" in plan, plan[:400]
                assert "Sort" not in plan, plan[:400]
    finally:
        await logged.close()


FILTERED = """query($property: String) { facts(first: 5, filter: {property: $property}) {
    edges { node { id label } } } }"""


async def test_a_filter_given_is_written_and_its_index_kept_by_the_generic_plan(
    apps: dict[bool, httpx.AsyncClient], server_dsn: str
) -> None:
    """Only the filters given are in a root window's statement: with `$n IS NULL OR` for
    each, the plan PostgreSQL keeps for the statement (generic, after five) could use no
    index for any of them, and one planned before an index came stayed so."""
    one = await create_pool(with_database(server_dsn, "factdesk_seeded"), max_size=1)
    try:
        async with compiled_and_executed(one) as clients:
            for _ in range(8):
                answer = await same_answer(clients, FILTERED, {"property": "vote_share"})
                assert b'"errors"' not in answer, answer
            async with one.acquire() as conn:
                kept = await conn.fetch(
                    "SELECT statement, generic_plans FROM pg_prepared_statements"
                    " WHERE statement LIKE 'SELECT ''{\"facts\":''%'"
                )
                assert len(kept) == 1, [k["statement"][:300] for k in kept]
                sql = kept[0]["statement"]
                assert " IS NULL OR " not in sql, sql
                assert kept[0]["generic_plans"] > 0, dict(kept[0])
                async with conn.transaction():  # the plan kept for any value
                    await conn.execute("SET LOCAL enable_seqscan = off")
                    await conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
                    await conn.execute(f"PREPARE filtered AS {sql}")
                    explained = await conn.fetch("EXPLAIN EXECUTE filtered('deaths')")
                    await conn.execute("DEALLOCATE filtered")
                plan = "\n".join(r[0] for r in explained)
    finally:
        await one.close()
    assert "facts_property_idx" in plan, plan
    assert re.search(r"Index Cond: \(.*property = \$1", plan), plan
