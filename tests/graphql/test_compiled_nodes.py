"""`node(id:)`, `nodes(ids:)` and `search` compiled answer with the executor's bytes.

Ids of every type the seeds hold (and ids no row has, ids Factdesk never issued), and
searches for names, words, phrases and nothing, are asked with random selections, one per
type in an inline fragment, of a compiling app and of the plain executor
(tests/graphql/compiled_apps.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import orjson
import pytest_asyncio
from graphql import GraphQLInterfaceType, GraphQLUnionType
from hypothesis import given, settings
from hypothesis import strategies as st

from service.graphql import shapes
from service.graphql.schema import schema
from service.ids import TYPE_NAMES, encode_id
from tests.graphql.compiled_apps import compiled_and_executed
from tests.graphql.test_compiled import EXAMPLES, compiled, same_answer
from tests.graphql.test_trees import selection

IDS = """{ facts(first: 100) { edges { node { id } } }
    entities(first: 100) { edges { node { id } } }
    articles(first: 100) { edges { node { id } } }
    quotes(first: 100) { edges { node { id } } }
    figures(first: 100) { edges { node { id } } }
    outlets { id } }"""
seen = {"asked": 0, "compiled": 0, "searched": 0, "searches compiled": 0}
SEARCHES = [
    *("Tokayev", "election", "oil price", "Almaty", '"central election commission"'),
    *("-election", "Nazarbayev Kazakhstan", "Tokaev", "", "   ", "zzzz qqqq", "vote share"),
]


@pytest_asyncio.fixture(scope="module")
async def apps(seeded_pool: asyncpg.Pool) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    async with compiled_and_executed(seeded_pool) as clients:
        yield clients


@pytest_asyncio.fixture(scope="module")
async def node_ids(apps: dict[bool, httpx.AsyncClient]) -> list[str]:
    """Seeded ids of each type, ids of each type no row has, and ids never issued."""
    data = (await apps[False].post("/graphql", json={"query": IDS})).json()["data"]
    found = [o["id"] for o in data.pop("outlets")]
    for connection in data.values():
        found += [e["node"]["id"] for e in connection["edges"]][::5]
    assert len(found) > 30, found
    missing = [encode_id(t, 10**9) for t in sorted(TYPE_NAMES)]
    judgements = [encode_id("Judgement", pk) for pk in (1, 2, 3)]
    return found + missing + judgements + ["not-an-id", encode_id("Mention", 1)]


def test_the_types_a_node_may_be_are_the_schemas() -> None:
    types = schema._schema.type_map
    abstract = {
        name: frozenset(t.name for t in schema._schema.get_possible_types(kind))
        for name, kind in types.items()
        if isinstance(kind, GraphQLInterfaceType | GraphQLUnionType) and not name.startswith("__")
    }
    assert abstract == shapes.ABSTRACT
    assert set(shapes.NODE_TYPES) == TYPE_NAMES == abstract["Node"]


@st.composite
def below(draw: st.DrawFn, types: frozenset[str]) -> str:
    """A selection on Node or SearchHit: a fragment per type (some on Node or SearchHit)."""
    parts = ["__typename"] if draw(st.booleans()) else []
    if draw(st.booleans()):
        ids = ["... on Node { id }", "... on Node { i: id }"]
        parts.append(draw(st.sampled_from(ids + ["id", "i: id"] * (types == TYPE_NAMES))))
    for type_name in draw(st.lists(st.sampled_from(sorted(types)), max_size=4, unique=True)):
        pure = draw(st.sampled_from([True] * 4 + [False]))
        parts.append(f"... on {type_name} {draw(selection(type_name, pure))}")
    if draw(st.booleans()):
        parts.append("... on SearchHit { __typename }")
    return "{ " + " ".join(parts or ["__typename"]) + " }"


@st.composite
def refetches(draw: st.DrawFn, node_ids: list[str]) -> tuple[str, dict[str, Any]]:
    """`node` or `nodes` with a selection per type, ids as literals or variables."""
    selected = draw(below(frozenset(TYPE_NAMES)))
    if draw(st.booleans()):
        value: Any = draw(st.sampled_from(node_ids))
        root, kind = "node(id: $id)", "ID!"
    else:
        value = draw(st.lists(st.sampled_from(node_ids), max_size=6))
        root, kind = "nodes(ids: $id)", "[ID!]!"
    if draw(st.booleans()):
        return f"query($id: {kind}) {{ {root} {selected} }}", {"id": value}
    literal = root.replace("$id", orjson.dumps(value).decode())
    return f"{{ {literal} {selected} }}", {}


@settings(EXAMPLES, max_examples=200)
@given(data=st.data())
async def test_refetched_nodes_answer_alike(
    apps: dict[bool, httpx.AsyncClient], node_ids: list[str], data: st.DataObject
) -> None:
    query, variables = data.draw(refetches(node_ids))
    await same_answer(apps, query, variables)
    seen["asked"] += 1
    seen["compiled"] += compiled(query)


def test_most_refetches_were_compiled() -> None:
    # Runs after the test above (file order): the comparison was of compiled answers.
    assert seen["asked"] >= 150
    assert seen["compiled"] >= seen["asked"] * 0.5, seen


async def test_every_seeded_node_answers_alike_in_one_request(
    apps: dict[bool, httpx.AsyncClient], node_ids: list[str]
) -> None:
    query = """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Article { headline outlet { name } }
        ... on Fact { label subject { name } values { value } }
        ... on Figure { text value refersTo subject { name } fact { id } }
        ... on Quote { text speaker { name } article { slug } }
        ... on Entity { name aliases } ... on Outlet { name }
        ... on Judgement { kind inForce madeAt } } }"""
    answer = await same_answer(apps, query, {"ids": node_ids})
    assert compiled(query)
    items = orjson.loads(answer)["data"]["nodes"]
    assert len(items) == len(node_ids)
    assert sum(item is None for item in items) >= len(TYPE_NAMES) + 2  # missing, never issued
    assert {item["__typename"] for item in items if item} >= TYPE_NAMES - {"Judgement"}


@settings(EXAMPLES, max_examples=160)
@given(data=st.data())
async def test_searches_answer_alike(
    apps: dict[bool, httpx.AsyncClient], data: st.DataObject
) -> None:
    selected = data.draw(below(shapes.ABSTRACT["SearchHit"]))
    words = data.draw(st.sampled_from(SEARCHES))
    first = data.draw(st.sampled_from([None, 0, 1, 5, 100]))
    if data.draw(st.booleans()):
        query = "query($q: String!, $n: Int) { search(query: $q, first: $n) " + selected + " }"
        answer = await same_answer(apps, query, {"q": words, "n": first})
    else:
        given = f"query: {orjson.dumps(words).decode()}" + (
            "" if first is None else f", first: {first}"
        )
        query = f"{{ search({given}) {selected} }}"
        answer = await same_answer(apps, query)
    if b'"errors"' not in answer:  # within the limits: answered by one path or the other
        seen["searched"] += 1
        seen["searches compiled"] += compiled(query)


def test_most_searches_were_compiled() -> None:
    assert seen["searched"] >= 60
    assert seen["searches compiled"] >= seen["searched"] * 0.6, seen


async def test_a_search_is_one_statement_with_hits_of_each_type(
    apps: dict[bool, httpx.AsyncClient],
) -> None:
    query = """query($q: String!) { search(query: $q, first: 30) { __typename
        ... on Node { id } ... on Entity { name } ... on Article { headline }
        ... on Quote { text } ... on Fact { label } } }"""
    kinds: set[str] = set()
    for words in SEARCHES:
        answer = await same_answer(apps, query, {"q": words})
        kinds |= {hit["__typename"] for hit in orjson.loads(answer)["data"]["search"]}
    assert compiled(query)
    assert kinds >= {"Entity", "Article", "Quote"}, kinds
