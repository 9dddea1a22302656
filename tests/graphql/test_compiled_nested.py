"""Connections below an object, `Quote.citation`, `Mention.span` and @skip/@include,
compiled, answer with the executor's bytes.

Every window (forwards and back, from each cursor) of an entity's mentions, quotes and
articles, an outlet's articles (on the seeds) and an article's replaced copies (on a
history with a correction and retractions, tests/graphql/test_compiled_as_of.py's) is
asked of a compiling app and of the plain executor; and so are selections whose parts
@skip/@include keep or drop, by literals and by variables.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import orjson
import pytest
import pytest_asyncio

from service.graphql import compiler
from service.ids import encode_id
from tests.attacks import fan_out
from tests.graphql.compiled_apps import compiled_and_executed, id_lists, known_ids
from tests.graphql.test_compiled import compiled, same_answer, statements_built
from tests.graphql.test_compiled_as_of import history  # noqa: F401  (a fixture)

WINDOW = "(first: $first, after: $after, last: $last, before: $before)"
PAGE = """totalCount __typename pageInfo { hasNextPage hasPreviousPage startCursor endCursor
    __typename } edges { __typename cursor node NODE }"""
QUOTE = """{ id text speakerText isPartial speaker { name }
    citation { excerpt attributedToText span { start end part caption } attributedTo { name }
        outlet { name } article { slug publishedAt } } }"""
MENTION = "{ text span { start end part caption } entity { name } article { headline } }"
ARTICLE = "{ id headline publishedAt outlet { name } }"
VARIABLES = "$id: ID!, $first: Int, $after: String, $last: Int, $before: String"
NESTED = {
    "mentions": (f"entity(id: $id) {{ mentions{WINDOW} {{ {PAGE} }} }}", MENTION),
    "quotes": (f"entity(id: $id) {{ quotes{WINDOW} {{ {PAGE} }} }}", QUOTE),
    "articles": (f"entity(id: $id) {{ name articles{WINDOW} {{ {PAGE} }} }}", ARTICLE),
    "outlet": (f"node(id: $id) {{ ... on Outlet {{ articles{WINDOW} {{ {PAGE} }} }} }}", ARTICLE),
}


def query_of(name: str) -> str:
    root, node = NESTED[name]
    return f"query({VARIABLES}) {{ {root.replace('NODE', node)} }}"


def connection_in(answer: bytes) -> dict[str, Any]:
    data = orjson.loads(answer)["data"]
    found = next(iter(data.values()))
    if found is None:  # a retracted article: null, whichever path answers
        return {"edges": []}
    return next(v for v in found.values() if isinstance(v, dict))


async def every_window(
    apps: dict[bool, httpx.AsyncClient], query: str, parent: str
) -> tuple[int, int]:
    """Ask each window of the connection below `parent` of both apps: (items, windows)."""
    whole = connection_in(await same_answer(apps, query, {"id": parent, "first": 100}))
    cursors = [edge["cursor"] for edge in whole["edges"]]
    asked = 0
    for cursor in [None, *cursors[:: max(1, len(cursors) // 4)]]:
        for size in (0, 1, 3):
            for way in ({"first": size, "after": cursor}, {"last": size, "before": cursor}):
                answer = await same_answer(apps, query, {"id": parent, **way})
                assert b'"errors"' not in answer, answer
                asked += 1
    return len(cursors), asked


@pytest_asyncio.fixture(scope="module")
async def apps(seeded_pool: asyncpg.Pool) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    async with compiled_and_executed(seeded_pool) as clients:
        yield clients


@pytest_asyncio.fixture(scope="module")
async def ids(apps: dict[bool, httpx.AsyncClient]) -> dict[str, list[str]]:
    lists = id_lists(await known_ids(apps[False]))
    outlets = await apps[False].post("/graphql", json={"query": "{ outlets { id } }"})
    lists["outlet"] = [o["id"] for o in outlets.json()["data"]["outlets"]]
    return lists


@pytest.mark.parametrize("name", sorted(NESTED))
async def test_every_window_of_a_nested_connection_answers_alike_compiled(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]], name: str
) -> None:
    query = query_of(name)
    parents = ids["outlet"] if name == "outlet" else ids["entity_id"][:12]
    before = statements_built()
    items = asked = 0
    for parent in parents:
        found, windows = await every_window(apps, query, parent)
        items, asked = items + found, asked + windows
    assert items >= 5, (name, items)  # the seeds hold such rows
    assert compiled(query)
    assert statements_built() - before >= asked  # each window bound to a statement


async def test_a_bad_cursor_below_an_object_is_the_executors_error(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]]
) -> None:
    query = query_of("mentions")
    for cursor in ("nonsense", ids["cursor"][0]):  # an article's cursor is no mention's
        answer = await same_answer(apps, query, {"id": ids["entity_id"][0], "after": cursor})
        assert b"invalid_cursor" in answer or b"INVALID_CURSOR" in answer, answer


async def test_connections_nested_in_pages_and_lists_answer_alike(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]]
) -> None:
    """Pages within pages: each article's copies and each quote's speaker's mentions, one
    window for every parent, and one statement for it all."""
    query = """query($n: Int) { articles(first: 5) { edges { node { headline
        versions(first: $n) { totalCount edges { cursor node { version headline } } }
        quotes(first: 3) { citation { excerpt } speaker { quotes(last: 2) { totalCount
            pageInfo { hasPreviousPage startCursor } edges { node { text } } } } }
        mentions(first: 3) { span { start end } } } } }
        nodes(ids: $ids) { ... on Outlet { name articles(first: 2) { edges { cursor } } }
            ... on Entity { articles(last: 1) { edges { node { headline } } } } } }"""
    query = query.replace("query($n: Int)", "query($n: Int, $ids: [ID!]!)")
    chosen = ids["outlet"][:3] + ids["entity_id"][:5]
    for n in (None, 0, 2):
        answer = await same_answer(apps, query, {"n": n, "ids": chosen})
        assert b'"errors"' not in answer, answer
    assert compiled(query)


ARTICLE_BY = """query($id: ID, $slug: String) { article(id: $id, slug: $slug) { id slug
    headline publishedAt outlet { name } versions(last: 2) { totalCount edges { cursor } }
    quotes(first: 2) { citation { excerpt span { start end } } } } }"""
OUTLETS = """query($n: Int!) { outlets(first: $n) { __typename id name
    articles(first: 2) { edges { node { headline } } } }
    a: article(slug: "no-such-article") { id } }"""


async def test_article_and_outlets_roots_are_compiled_and_answer_alike(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]]
) -> None:
    before = statements_built()
    for n in (0, 1, 3, 100):
        answer = await same_answer(apps, OUTLETS, {"n": n})
        assert b'"errors"' not in answer, answer
    assert statements_built() - before >= 4  # each bound to a statement
    found = await apps[False].post(
        "/graphql", json={"query": "{ articles(first: 100) { edges { node { id slug } } } }"}
    )
    articles = [e["node"] for e in found.json()["data"]["articles"]["edges"]]
    for article in articles:
        await same_answer(apps, ARTICLE_BY, {"id": article["id"]})
        await same_answer(apps, ARTICLE_BY, {"slug": article["slug"], "id": None})
    for odd in ({"id": encode_id("Article", 10**9)}, {"slug": "nope"}, {}, {"id": "bad"}):
        await same_answer(apps, ARTICLE_BY, odd)
    await same_answer(apps, ARTICLE_BY, {"id": ids["entity_id"][0]})  # another type's id
    assert compiled(OUTLETS)
    assert compiled(ARTICLE_BY)


VERSIONS = f"""query({VARIABLES}) {{ node(id: $id) {{ ... on Article {{ headline
    versions{WINDOW} {{ {
    PAGE.replace(
        "NODE",
        '''{ version headline standfirst body url
        publishedAt storedAt replacedAt reason }''',
    )
} }} }} }} }}"""


async def test_an_articles_replaced_copies_answer_alike(
    _test_pool: asyncpg.Pool,  # noqa: PT019  (its value: the history's database)
    history: dict[str, Any],  # noqa: F811  (the fixture imported above)
) -> None:
    """On a history with a correction and retractions: each article's copies, and the
    outlets' and entities' articles (retracted ones left out, as the executor does)."""
    async with compiled_and_executed(_test_pool) as apps:
        found = await known_ids(apps[False])
        articles = [e["node"] for e in found["articles"]["edges"]]
        async with _test_pool.acquire() as conn:
            every = [r["id"] for r in await conn.fetch("SELECT id FROM articles ORDER BY id")]
        copies = 0
        for article in every:
            seen, _ = await every_window(apps, VERSIONS, encode_id("Article", article))
            copies += seen
        assert copies >= 1  # the correction kept the copy it replaced
        assert len(articles) < len(every)  # some were retracted
        assert compiled(VERSIONS)
        for entity in id_lists(found)["entity_id"]:
            await every_window(apps, query_of("articles"), entity)
            await every_window(apps, query_of("mentions"), entity)
        for article in every:  # retracted ones too: the executor's error, either way
            by_id = await same_answer(apps, ARTICLE_BY, {"id": encode_id("Article", article)})
            slug = orjson.loads(by_id)["data"]["article"]
            if slug is not None:
                await same_answer(apps, ARTICLE_BY, {"slug": slug["slug"]})
        async with _test_pool.acquire() as conn:
            gone = await conn.fetch("SELECT slug FROM articles WHERE retracted_at IS NOT NULL")
        for row in gone:
            answer = await same_answer(apps, ARTICLE_BY, {"slug": row["slug"]})
            assert b"retracted" in answer, answer
        assert compiled(ARTICLE_BY)
        outlets = await apps[False].post("/graphql", json={"query": "{ outlets { id } }"})
        live = 0
        for outlet in outlets.json()["data"]["outlets"]:
            live += (await every_window(apps, query_of("outlet"), outlet["id"]))[0]
        assert live == len(articles)


CONDITIONS = """query($id: ID!, $a: Boolean!, $b: Boolean = false) { entity(id: $id) {
    name @include(if: $a) kind @skip(if: true) description @include(if: false)
    ... on Entity @skip(if: $b) { aliases }
    facts(first: 2) @include(if: $a) { label values(first: 1) @skip(if: $b) { value } }
    ...more @include(if: $b) } }
    fragment more on Entity { id quotes(first: 1) @skip(if: $a) { totalCount } }"""


async def test_skip_and_include_are_compiled_and_answer_alike(
    apps: dict[bool, httpx.AsyncClient], ids: dict[str, list[str]]
) -> None:
    for entity in ids["entity_id"][:6]:
        for a in (True, False):
            for b in ({}, {"b": True}, {"b": False}, {"b": None}):
                await same_answer(apps, CONDITIONS, {"id": entity, "a": a, **b})
    assert compiled(CONDITIONS)
    plan = next(
        p
        for kept in compiler._plans_by_limits.values()
        for k, p in kept.items()
        if k[0] == CONDITIONS
    )
    assert plan is not None
    assert plan.conditions == ("a", "b")
    assert all(shape is not None for shape in plan.shapes.values())


async def test_fragments_spread_again_are_read_once_and_answer_alike(
    apps: dict[bool, httpx.AsyncClient],
) -> None:
    """Each fragment spread twice in the one before it (tests/attacks.fan_out): GraphQL
    collects a named fragment once per selection, and so does the compiler's walk."""
    for width in (1, 2, 6):
        query = fan_out(width)
        answer = await same_answer(apps, query)
        assert b'"errors"' not in answer, answer
        assert compiled(query)
