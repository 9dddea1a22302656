"""One statement answers fact(id:), entity(...) and pages of articles as the resolvers do.

Random selections below a seeded fact, entity or page of articles (aliases, repeated
fields, fragments, __typename, and now and then a field, argument or directive only the
resolvers handle) are asked of two apps on the seeds, one with FACTDESK_SQL_TREES on and
one with it off. The answers must be the same bytes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import pytest_asyncio
from graphql import GraphQLNonNull, GraphQLObjectType, Undefined, get_named_type
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.app import create_app
from service.config import Settings
from service.db.pool import create_pool
from service.graphql.schema import schema
from tests.graphql.compiled_apps import executed
from tests.graphql.test_articles import gql
from tests.graphql.test_round_trips import _ingest_variants, _is_connection_setup

TYPES = schema._schema.type_map
# What a selection may reach: the statement's types and a few only resolvers answer.
REACHABLE = (
    *("Fact", "SourcedValue", "Citation", "Span", "Entity", "Article", "Outlet", "Quote"),
    *("Figure", "Publication"),
)
CONNECTIONS = (
    *("MentionConnection", "ArticleConnection", "QuoteConnection", "ArticleVersionConnection"),
)
HOW = ["plain"] * 12 + ["alias", "fragment", "twice", "include", "skip"]
COMPARE = settings(
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def selection(draw: st.DrawFn, type_name: str, pure: bool, depth: int = 0) -> str:
    """A selection set on `type_name`, as GraphQL text; `pure`: only what trees answer."""
    object_type = TYPES[type_name]
    assert isinstance(object_type, GraphQLObjectType)
    fields = {
        name: get_named_type(f.type)
        for name, f in object_type.fields.items()
        if not any(
            isinstance(a.type, GraphQLNonNull) and a.default_value is Undefined
            for a in f.args.values()
        )
    }
    bounded = {name for name, f in object_type.fields.items() if "first" in f.args}
    # Objects three times as likely as leaves, so that answers reach deep.
    names = [n for n, t in sorted(fields.items()) for _ in range(_weight(t, depth, pure))]
    parts = ["__typename"] if draw(st.booleans()) else []
    for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=5)):
        child = fields[name]
        if not isinstance(child, GraphQLObjectType):
            text = name
        elif child.name in CONNECTIONS:
            text = draw(connection(name, child, pure, depth))
        else:
            below = draw(selection(child.name, pure, depth + 1))
            # A plain list's bound, now and then: the statement applies it as LIMIT.
            first = draw(st.sampled_from([None, None, 0, 1, 2]))
            if name in bounded and first is not None:
                text = f"{name}(first: {first}) {below}"
            else:
                text = f"{name} {below}"
        how = draw(st.sampled_from(HOW))
        if how == "alias":
            text = f"a{draw(st.integers(0, 9))}{name}: {text}"
        elif how == "fragment":
            on = "Node" if name == "id" and draw(st.booleans()) else type_name
            text = f"... on {on} {{ {text} }}"
        elif how == "twice":
            text = f"{text} {text}"
        elif how in ("include", "skip"):  # kept or dropped before the statement is written
            condition = draw(st.sampled_from(["true", "false"]))
            if how == "include":
                text = f"{text} @include(if: {condition})"
            else:
                text = f"... on {type_name} @skip(if: {condition}) {{ {text} }}"
        parts.append(text)
    return "{ " + " ".join(parts or ["__typename"]) + " }"


@st.composite
def connection(draw: st.DrawFn, name: str, of: GraphQLObjectType, pure: bool, depth: int) -> str:
    """A page of a connection below an object: forwards or back, with what a page holds."""
    window = draw(st.sampled_from(["first: 2", "last: 1", "first: 0", "last: 3"]))
    parts = draw(
        st.lists(
            st.sampled_from(["totalCount", "__typename", "pageInfo", "edges"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    if "pageInfo" in parts:
        info = "hasNextPage hasPreviousPage startCursor endCursor"
        parts[parts.index("pageInfo")] = f"pageInfo {{ {info} }}"
    if "edges" in parts:
        node = get_named_type(of.fields["edges"].type).fields["node"].type
        below = draw(selection(get_named_type(node).name, pure, depth + 2))
        parts[parts.index("edges")] = f"edges {{ cursor node {below} }}"
    return f"{name}({window}) {{ {' '.join(parts)} }}"


def _weight(field_type: Any, depth: int, pure: bool) -> int:
    if not isinstance(field_type, GraphQLObjectType):
        return 1
    if field_type.name in CONNECTIONS:
        return 1 if depth < 2 else 0
    if field_type.name in ("Figure", "Mention") and pure:
        return 0
    return 3 if field_type.name in REACHABLE and depth < 4 else 0


@st.composite
def requests(draw: st.DrawFn, ids: dict[str, list[str]]) -> str:
    root = draw(st.sampled_from(["fact(id", "entity(id", "entity(name", "articles"]))
    # Mostly selections the statement answers whole; the rest go to the resolvers.
    pure = draw(st.sampled_from([True, True, True, False]))
    if root == "articles":  # a page of a connection: its nodes in one statement
        first = draw(st.integers(1, 6))
        node = draw(selection("Article", pure))
        edges = f"edges {{ cursor node {node} }}"
        if draw(st.booleans()):
            edges = f"totalCount pageInfo {{ hasNextPage endCursor }} {edges}"
        return f"{{ articles(first: {first}) {{ {edges} }} }}"
    below = draw(selection("Fact" if root == "fact(id" else "Entity", pure))
    value = draw(st.sampled_from(ids[root]))
    return f'{{ {root}: "{value}") {below} }}'


@pytest_asyncio.fixture
async def apps(seeded_pool: asyncpg.Pool) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    clients = {}
    for trees in (True, False):
        app = create_app(
            Settings(
                factdesk_load_seeds=False, factdesk_response_cache=False, factdesk_sql_trees=trees
            )
        )
        app.state.pool = seeded_pool
        transport = httpx.ASGITransport(app=app)
        clients[trees] = httpx.AsyncClient(transport=transport, base_url="http://test")
    yield clients
    for client in clients.values():
        await client.aclose()


@pytest_asyncio.fixture
async def ids(apps: dict[bool, httpx.AsyncClient]) -> dict[str, list[str]]:
    """Every seeded fact's id, and every seeded entity's id and name."""
    found = await gql(
        apps[False],
        "{ facts(first: 100) { edges { node { id } } }"
        " entities(first: 100) { edges { node { id name } } } }",
    )
    facts = [e["node"] for e in found["facts"]["edges"]]
    entities = [e["node"] for e in found["entities"]["edges"]]
    assert len(facts) > 10  # the seeds are there
    assert len(entities) > 20
    return {
        "fact(id": [f["id"] for f in facts],
        "entity(id": [e["id"] for e in entities],
        "entity(name": [e["name"] for e in entities],
    }


@COMPARE
@given(data=st.data())
async def test_a_tree_answers_as_the_resolvers_do(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]], data: st.DataObject
) -> None:
    query = data.draw(requests(ids))
    fast = await apps[True].post("/graphql", json={"query": query})
    slow = await apps[False].post("/graphql", json={"query": query})
    assert (fast.status_code, fast.content) == (slow.status_code, slow.content), query


TIMES = """{ firstReportedAt updatedAt
    values(first: 100) { value firstReportedAt lastReportedAt } }"""


async def test_times_from_a_tree_are_the_resolvers_times(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]]
) -> None:
    """Every seeded fact's times and its values' times, by both paths."""
    values = []
    for id in ids["fact(id"]:
        query = f'{{ fact(id: "{id}") {TIMES} }}'
        fast = await gql(apps[True], query)
        assert fast == await gql(apps[False], query)
        values += fast["fact"]["values"]
    assert len({v["firstReportedAt"] for v in values}) > 1  # the seeds differ in time
    assert all(v["firstReportedAt"] <= v["lastReportedAt"] for v in values)


VALUES = """values(first: 5) { value firstReportedAt lastReportedAt sources(first: 5) {
    excerpt outlet { name } article { headline publishedAt } attributedTo { name } } }"""
FACT = """query($v: ID!) { fact(id: $v) {
    label firstReportedAt updatedAt subject { name aliases } VALUES } }"""
ENTITY = """query($v: String!) { entity(name: $v) { name facts {
    label firstReportedAt updatedAt VALUES } } }"""
PAGES = """query($v: Int!) { outlets(first: 10) { name articles(first: $v) { edges { node {
    headline quotes(first: 5) { text speaker { name facts(first: 3) { label VALUES } } }
} } } } }"""
# The same kept the executor's (compiled_apps.executed): graphql/trees.py answers each level.
EXECUTED = executed(PAGES)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (FACT, 1),  # compiled whole (service/graphql/compiler.py)
        (ENTITY, 1),  # compiled whole: the name is looked up inside the statement
        (PAGES, 1),  # compiled whole: each outlet's window of articles inside it
        (EXECUTED, 3),  # outlets, every outlet's page, its articles
    ],
)
async def test_a_whole_tree_is_one_statement(
    pool: asyncpg.Pool, test_dsn: str, seeds_dir: Path, query: str, expected: int
) -> None:
    await _ingest_variants(pool, seeds_dir, 14)  # 7 outlets, 2 articles each
    sent: list[str] = []
    logged = await create_pool(test_dsn, max_size=2, query_logger=lambda r: sent.append(r.query))
    try:
        app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
        app.state.pool = logged
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            facts = await gql(client, "{ facts(first: 1) { edges { node { id } } } }")
            value = {FACT: facts["facts"]["edges"][0]["node"]["id"], ENTITY: "Tokayev"}
            sent.clear()
            found = await gql(client, query.replace("VALUES", VALUES), v=value.get(query, 2))
    finally:
        await logged.close()
    if query in (PAGES, EXECUTED):
        pages = [o["articles"]["edges"] for o in found["outlets"]]
        assert len(pages) >= 7  # every outlet's page, each its own list
        assert all(len(page) == 2 for page in pages if page)
        speakers = [q["speaker"] for p in pages for e in p for q in e["node"]["quotes"]]
        values = [v for s in speakers if s for f in s["facts"] for v in f["values"]]
    elif query is FACT:
        values = found["fact"]["values"]
    else:
        values = found["entity"]["facts"][0]["values"]
    assert values  # the whole tree is there
    assert values[0]["sources"][0]["excerpt"]
    statements = [q for q in sent if not _is_connection_setup(q)]
    assert len(statements) == expected, [q[:80] for q in statements]
