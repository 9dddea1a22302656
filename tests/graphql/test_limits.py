"""GraphQL limits hold against hostile queries, before any SQL runs; errors are masked."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import httpx
import pytest
from graphql import (
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
    get_nullable_type,
    is_list_type,
    parse,
    validate,
)
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache

from service.app import create_app
from service.config import REPO_ROOT, Settings
from service.db.pool import create_pool
from service.graphql import execution
from service.graphql.limits import GraphQLLimits, check_cost
from service.graphql.schema import CACHE_SIZE, limited_schema

COSTLY = """{ articles(first: 100) { edges { node { entities {
    articles(first: 100) { edges { node { headline } } } } } } } }"""

NESTED = """query($first: Int) { articles(first: $first) { totalCount edges { node {
    headline outlet { name } originalSource { name }
    quotes { text speaker { name aliases } otherReports { id } }
    figures { text subject { name } fact { label values { value sources {
        outlet { name } excerpt attributedTo { name } } } } }
    entities { name kind }
} } } }"""

# A front page as a client writes it once every list is bounded: each says how many it shows.
FRONT_PAGE = """{ articles(first: 20) { totalCount edges { node {
    headline outlet { name } originalSource { name }
    quotes(first: 5) { text speaker { name aliases } otherReports(first: 3) { id } }
    figures(first: 10) { text subject { name } fact { label values(first: 5) {
        value sources(first: 5) { outlet { name } excerpt attributedTo { name } } } } }
    entities(first: 20) { name kind }
} } } }"""


def _is_connection_setup(query: str) -> bool:
    return "typeinfo_tree" in query or "'jit'" in query


@asynccontextmanager
async def _client(pool: asyncpg.Pool, **settings: Any) -> AsyncIterator[httpx.AsyncClient]:
    # Without the response cache: its one data-version query per request is not the
    # GraphQL layer's, and these tests count the SQL that GraphQL itself sends.
    settings.setdefault("factdesk_response_cache", False)
    app = create_app(Settings(factdesk_load_seeds=False, **settings))
    app.state.pool = pool
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def _query(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    payload: dict[str, Any] = response.json()
    return payload


def _deep_query(levels: int) -> str:
    inner = "name"
    for _ in range(levels):
        inner = f"articles(first: 1) {{ edges {{ node {{ entities {{ {inner} }} }} }} }}"
    return '{ entity(name: "Tokayev") { ' + inner + " } }"


async def test_deep_query_is_rejected(seeded_client: httpx.AsyncClient) -> None:
    payload = await _query(seeded_client, _deep_query(4))  # 1 + 4 * 4 + 1 levels
    assert payload["data"] is None
    assert "exceeds maximum operation depth of 12" in payload["errors"][0]["message"]
    assert payload["errors"][0]["extensions"] == {"code": "query_too_deep", "maxDepth": 12}
    shallow = await _query(seeded_client, _deep_query(2))
    assert "errors" not in shallow, shallow


async def test_many_aliases_are_rejected(seeded_client: httpx.AsyncClient) -> None:
    fields = " ".join(f"a{n}: articles(first: 1) {{ totalCount }}" for n in range(21))
    payload = await _query(seeded_client, "{ " + fields + " }")
    assert payload["data"] is None
    assert payload["errors"][0]["message"] == "21 aliases found. Allowed: 20"
    assert payload["errors"][0]["extensions"] == {"code": "too_many_aliases", "maxAliases": 20}


async def test_token_flood_is_rejected_while_parsing(seeded_client: httpx.AsyncClient) -> None:
    payload = await _query(seeded_client, "{ " + "__typename " * 5000 + "}")
    assert payload["data"] is None
    assert "more than 2000 tokens" in payload["errors"][0]["message"]
    assert payload["errors"][0]["extensions"] == {"code": "too_many_tokens"}


async def test_costly_query_is_rejected_before_any_sql(seeded_pool: asyncpg.Pool) -> None:
    queries: list[str] = []
    counting = await create_pool(
        _dsn_of(seeded_pool), max_size=2, query_logger=lambda r: queries.append(r.query)
    )
    try:
        async with _client(counting) as client:
            payload = await _query(client, COSTLY)
            rejected = [q for q in queries if not _is_connection_setup(q)]
            allowed = await _query(client, FRONT_PAGE)
    finally:
        await counting.close()
    assert payload["data"] is None
    error = payload["errors"][0]
    assert error["extensions"]["code"] == "query_too_costly"
    assert error["extensions"]["maxCost"] == 25_000
    assert "smaller pages" in error["message"]
    assert rejected == []  # not one statement reached PostgreSQL
    assert "errors" not in allowed, allowed  # a real front-page query fits the budget


def _dsn_of(pool: asyncpg.Pool) -> str:
    # The seeded database's DSN, from one of its connections' parameters.
    params = pool._connect_args  # type: ignore[attr-defined]
    return str(params[0])


@pytest.mark.parametrize("first", [101, 1000, -1])
async def test_first_out_of_range_is_an_error(seeded_client: httpx.AsyncClient, first: int) -> None:
    literal = await _query(seeded_client, f"{{ articles(first: {first}) {{ totalCount }} }}")
    variable = await _query(
        seeded_client,
        "query($n: Int) { entities(first: $n) { totalCount } }",
        {"n": first},
    )
    for payload in (literal, variable):
        assert payload["data"] is None
        error = payload["errors"][0]
        assert error["extensions"]["code"] == "page_size_out_of_range"
        assert "between 0 and 100" in error["message"]


async def test_first_from_a_variable_default_is_range_checked(
    seeded_client: httpx.AsyncClient,
) -> None:
    payload = await _query(
        seeded_client, "query($n: Int = 1000) { entities(first: $n) { totalCount } }"
    )
    assert payload["data"] is None
    assert payload["errors"][0]["extensions"]["code"] == "page_size_out_of_range"
    assert "got 1000" in payload["errors"][0]["message"]


async def test_wrong_typed_variable_is_bad_user_input(seeded_client: httpx.AsyncClient) -> None:
    # Type-checked before `first` is range-checked: not page_size_out_of_range.
    payload = await _query(
        seeded_client, "query($n: Int) { entities(first: $n) { totalCount } }", {"n": "abc"}
    )
    assert payload["data"] is None
    error = payload["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith("Variable '$n' has invalid value")
    assert "'abc'" in error["message"]


async def test_nested_plain_lists_are_refused_before_any_sql(seeded_pool: asyncpg.Pool) -> None:
    # Answered with 204,000 nodes (20.7 MB) when a list of mentions counted as 5.
    mentions = "mentions { article { " * 3 + "headline" + " } }" * 3
    queries: list[str] = []
    counting = await create_pool(
        _dsn_of(seeded_pool), max_size=2, query_logger=lambda r: queries.append(r.query)
    )
    try:
        async with _client(counting) as client:
            payload = await _query(
                client, "{ articles(first: 5) { edges { node { " + mentions + " } } } }"
            )
    finally:
        await counting.close()
    assert payload["data"] is None
    assert payload["errors"][0]["extensions"]["code"] == "query_too_costly"
    assert [q for q in queries if not _is_connection_setup(q)] == []


async def test_an_answer_over_the_response_cap_is_an_error(seeded_pool: asyncpg.Pool) -> None:
    query = "{ articles(first: 5) { edges { node { body } } } }"
    async with _client(seeded_pool, factdesk_graphql_max_response_bytes=4096) as client:
        capped = await _query(client, query)
        small = await _query(client, "{ articles(first: 1) { totalCount } }")
    assert capped["data"] is None
    error = capped["errors"][0]
    assert error["extensions"] == {"code": "response_too_large"}
    assert "4096 bytes" in error["message"]
    assert small["data"]["articles"]["totalCount"] == 5


def _fan_out(fragments: int) -> str:
    """Each fragment spreads the next twice: 2^fragments paths through a short document."""
    chain = " ".join(
        f"fragment F{n} on Outlet {{ name ...F{n + 1} ...F{n + 1} }}" for n in range(fragments)
    )
    return f"query {{ outlets {{ ...F0 }} }} {chain} fragment F{fragments} on Outlet {{ id }}"


FAN_OUT_CHECK = """
import sys
from graphql import (
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
    get_nullable_type,
    is_list_type,
    parse,
    validate,
)

from service.graphql import execution
from service.graphql.limits import GraphQLLimits, check_cost
from service.graphql.schema import limited_schema

limits = GraphQLLimits()
schema = limited_schema(limits)._schema
document = parse(sys.stdin.read())
assert validate(schema, document, limits.validation_rules()) == []
print(check_cost(schema, document, operation_name=None, variables={}, max_cost=25_000))
"""


def test_fragment_fan_out_is_measured_in_linear_time() -> None:
    # 2^60 paths: a walk that follows every spread never ends (21 fragments took 10 s),
    # one that measures each fragment once takes milliseconds. Run in a child process so
    # that a regression fails at the (very generous) timeout instead of hanging the suite.
    document = _fan_out(60)
    done = subprocess.run(
        [sys.executable, "-c", FAN_OUT_CHECK],
        input=document,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        check=True,
    )
    assert done.stdout.strip() == "100"  # one list of outlets (its bound); spreads merge into it


def test_depth_and_aliases_count_through_fragments() -> None:
    limits = GraphQLLimits(max_depth=3, max_aliases=3)
    schema = limited_schema(limits)._schema

    def errors(query: str) -> list[str]:
        return [e.message for e in validate(schema, parse(query), limits.validation_rules())]

    deep = "{ ...Q } fragment Q on Query { articles { edges { node { outlet { name } } } } }"
    assert errors(deep) == ["'anonymous' exceeds maximum operation depth of 3"]
    assert errors("{ articles { edges { node { headline } } } }") == []
    twice = "{ outlets { ...F ...F } } fragment F on Outlet { a: name b: id }"
    assert errors(twice) == ["4 aliases found. Allowed: 3"]
    # A cycle is graphql-core's to report (NoFragmentCyclesRule), not a hang or a crash here.
    assert (
        errors("{ outlets { ...A } } fragment A on Outlet { ...B } fragment B on Outlet { ...A }")
        == []
    )


def test_cost_multiplies_page_sizes_along_paths() -> None:
    schema = limited_schema(GraphQLLimits())._schema

    def cost(query: str, variables: dict[str, Any] | None = None) -> int:
        return check_cost(
            schema, parse(query), operation_name=None, variables=variables or {}, max_cost=10**9
        )

    assert cost("{ articles { totalCount } }") == 20  # default page
    # A plain list counts as its `first`, or its default from the schema: Article.quotes
    # and the other lists 100, Entity.facts 20.
    assert cost("{ articles(first: 10) { edges { node { quotes { text } } } } }") == 10 + 1_000
    assert cost("{ articles(first: 10) { edges { node { quotes(first: 3) { text } } } } }") == (
        10 + 30
    )
    assert cost('{ entity(name: "x") { facts { values(first: 2) { value } } } }') == 20 + 40
    assert cost("{ outlets { name } }") == 100
    assert cost(COSTLY) == 100 + 100 * 100 + 100 * 100 * 100
    quotes = 100 + 100 * 100  # each with 100 other reports
    figures = 100 + 100 * (20 + 20 * 50)  # each with a fact's 20 values of 50 sources
    assert cost(NESTED, {"first": 100}) == 100 + 100 * (quotes + figures + 100)
    assert cost(FRONT_PAGE) == 20 + 20 * ((5 + 5 * 3) + (10 + 10 * (5 + 5 * 5)) + 20)
    # Counted as 5 mentions each (later 40), this answered 20.7 MB.
    mentions = "mentions { article { " * 3 + "headline" + " } }" * 3
    assert cost("{ articles(first: 5) { edges { node { " + mentions + " } } } }") == (
        5 + 5 * 100 + 5 * 100 * 100 + 5 * 100 * 100 * 100
    )
    # A body is worth 50 nodes: twenty aliases of it on a page are no longer free.
    bodies = " ".join(f"b{n}: body" for n in range(20))
    assert cost("{ articles(first: 100) { edges { node { " + bodies + " } } } }") == (
        100 + 100 * 20 * 50
    )
    fragment = "{ ...F } fragment F on Query { entities(first: $n) { totalCount } }"
    assert cost("query($n: Int) " + fragment, {"n": 7}) == 7


def test_every_list_of_objects_says_how_many_items_it_returns() -> None:
    """The cost check counts a list by its `first` (or `last`), `nodes` by its ids, a page's
    edges by the page: a list with none of them would be counted by a guess."""
    schema = limited_schema(GraphQLLimits())._schema
    unbounded = [
        f"{type_name}.{name}"
        for type_name, named in schema.type_map.items()
        if isinstance(named, GraphQLObjectType) and not type_name.startswith("__")
        for name, field in named.fields.items()
        if is_list_type(get_nullable_type(field.type))
        and isinstance(get_named_type(field.type), (GraphQLObjectType, GraphQLUnionType))
        and not {"first", "ids"} & set(field.args)
        and not (name == "edges" and type_name.endswith("Connection"))
        and not type_name.endswith("Payload")  # a write's own errors
    ]
    assert unbounded == []


async def test_database_error_in_a_resolver_is_masked(test_dsn: str) -> None:
    # A real PostgreSQL error: the search_path hides every table.
    broken = await asyncpg.create_pool(
        test_dsn, min_size=1, max_size=1, server_settings={"search_path": "nowhere"}
    )
    assert broken is not None
    try:
        async with _client(broken) as client:
            masked = await client.post("/graphql", json={"query": "{ articles { totalCount } }"})
        async with _client(broken, factdesk_debug=True) as client:
            debug = await _query(client, "{ articles { totalCount } }")
    finally:
        await broken.close()
    body = masked.text
    assert masked.status_code == 200
    error = masked.json()["errors"][0]
    assert error["message"] == "Internal server error."
    assert error["extensions"] == {"code": "internal_error"}
    for leak in ("asyncpg", "SELECT", 'articles" does not exist', "Traceback", "Error:"):
        assert leak not in body
    assert debug["errors"][0]["message"].startswith("UndefinedTableError: ")


async def test_statement_timeout_gives_a_masked_error_not_a_hang(
    pool: asyncpg.Pool, test_dsn: str
) -> None:
    short = await create_pool(test_dsn, max_size=2, statement_timeout=0.2)
    try:
        async with pool.acquire() as locker, locker.transaction():
            # Every read of articles now waits for this lock: a stand-in for a slow query.
            await locker.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
            async with _client(short) as client:
                started = time.monotonic()
                payload = await _query(client, "{ articles { totalCount } }")
                elapsed = time.monotonic() - started
    finally:
        await short.close()
    error = payload["errors"][0]
    assert error["extensions"] == {"code": "query_timeout"}
    assert "statement timeout" not in str(payload)
    assert elapsed < 3


async def test_request_timeout_stops_a_slow_request(pool: asyncpg.Pool, test_dsn: str) -> None:
    slow = await create_pool(test_dsn, max_size=2, statement_timeout=30)
    try:
        async with pool.acquire() as locker, locker.transaction():
            await locker.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
            async with _client(slow, factdesk_request_timeout=0.3) as client:
                started = time.monotonic()
                payload = await _query(client, "{ articles { totalCount } }")
                elapsed = time.monotonic() - started
        # The cancelled statement gave its connection back in a usable state.
        async with slow.acquire() as conn:
            assert await conn.fetchval("SELECT count(*) FROM articles") == 0
    finally:
        await slow.close()
    assert payload["errors"][0]["extensions"] == {"code": "request_timeout"}
    assert elapsed < 3


async def test_request_timeout_stops_an_answer_completed_without_an_await(
    seeded_pool: asyncpg.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # asyncio's timeout fires only at an await; completing rows already loaded never
    # awaits. A clock jumping an hour per read stands for an answer that takes that long
    # (from now: the request's deadline is started on the real clock).
    now = time.monotonic()
    hours = iter(range(0, 10**6, 3600))
    monkeypatch.setattr(execution, "monotonic", lambda: now + next(hours))
    # The executor's completion (a compiled statement's answer is not completed in Python).
    async with _client(
        seeded_pool, factdesk_request_timeout=60, factdesk_sql_trees=False
    ) as client:
        payload = await _query(client, FRONT_PAGE)
    assert payload["data"] is None
    assert payload["errors"][0]["extensions"] == {"code": "request_timeout"}


async def test_introspection_and_suggestions_can_be_turned_off(
    seeded_pool: asyncpg.Pool,
) -> None:
    introspect = "{ __schema { queryType { name } } }"
    typo = "{ articlez { totalCount } }"
    async with _client(seeded_pool) as client:
        assert (await _query(client, introspect))["data"]["__schema"]["queryType"]["name"]
        assert "Did you mean" in (await _query(client, typo))["errors"][0]["message"]
    async with _client(
        seeded_pool, factdesk_graphql_introspection=False, factdesk_graphql_suggestions=False
    ) as client:
        closed = await _query(client, introspect)
        assert closed["data"] is None
        assert "introspection" in closed["errors"][0]["message"].lower()
        assert "Did you mean" not in (await _query(client, typo))["errors"][0]["message"]


SUGGESTED = [
    ("{ articles(frist: 1) { totalCount } }", None),  # an argument
    ("query($f: ArticleFiltr) { articles(filter: $f) { totalCount } }", None),  # a type
    ('{ articles(filter: {outlett: "x"}) { totalCount } }', None),  # an input field
    ("{ entities(filter: {kind: PERSN}) { totalCount } }", None),  # an enum value
    ("{ outlets { ...F } } fragment F on Outlett { name }", None),  # a fragment's type
    (  # an input field of a variable's value
        "query($f: ArticleFilter) { articles(filter: $f) { totalCount } }",
        {"f": {"outlett": "x"}},
    ),
    ("query($k: EntityKind) { entities(filter: {kind: $k}) { totalCount } }", {"k": "PERSN"}),
]


async def test_no_suggestion_of_any_kind_when_they_are_off(seeded_pool: asyncpg.Pool) -> None:
    async with _client(seeded_pool) as client:
        on = [await _query(client, query, variables) for query, variables in SUGGESTED]
    async with _client(seeded_pool, factdesk_graphql_suggestions=False) as client:
        off = [await _query(client, query, variables) for query, variables in SUGGESTED]
    for suggested, hidden in zip(on, off, strict=True):
        assert "Did you mean" in suggested["errors"][0]["message"], suggested
        message = hidden["errors"][0]["message"]
        assert "Did you mean" not in message, message
        assert message.startswith(suggested["errors"][0]["message"][:20])


async def test_parse_and_validation_caches_hit_across_requests(
    seeded_client: httpx.AsyncClient,
) -> None:
    assert limited_schema(GraphQLLimits()) is limited_schema(GraphQLLimits())
    # Both are functools.lru_cache wrappers, typed as plain callables by strawberry.
    parsed: Any = _get_parse_cache(CACHE_SIZE)
    validated: Any = _get_validate_cache(CACHE_SIZE)
    # Other variables each time, so the response cache cannot answer for GraphQL.
    query = "query CacheProbe($n: Int) { articles(first: $n) { totalCount } }"
    await _query(seeded_client, query, {"n": 2})
    parse_hits, validate_hits = parsed.cache_info().hits, validated.cache_info().hits
    second = await _query(seeded_client, query, {"n": 3})
    assert second["data"]["articles"]["totalCount"] == 5
    assert parsed.cache_info().hits == parse_hits + 1
    assert validated.cache_info().hits == validate_hits + 1
