"""hypothesis-graphql over schema.graphql, through the real ASGI app on real PostgreSQL.

Valid queries go to the seeded database (read only); mutations, with and without a key, to
the test database, which the `pool` fixture empties afterwards. Invalid documents (schema
violations, random text, valid documents with bytes cut out or spliced in) must be refused
with GraphQL errors. Whatever arrives, the answer is never a 5xx, always a GraphQL JSON
response, and no error shows a traceback, SQL, a driver or a Python class name; an
unexpected exception (masked as `internal_error`) is a bug too. The service's own limits
(depth, tokens, aliases, cost, page size) answering instead is a fine result.

Deterministic (`derandomize`) and bounded: a few dozen examples per test.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries
from pydantic import SecretStr

from service.app import create_app
from service.config import REPO_ROOT, Settings
from tests.fuzz.newsroom import news_copy

SDL = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")
API_KEY = "fuzz-key"
AUTH = {"Authorization": f"Bearer {API_KEY}"}

# Mostly well-formed values for the custom scalars, sometimes junk the scalar must refuse.
SCALARS = {
    "DateTime": st.one_of(
        st.datetimes(
            min_value=dt.datetime(1900, 1, 1),
            max_value=dt.datetime(2100, 1, 1),
            timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=6))]),
        ).map(dt.datetime.isoformat),
        st.text(max_size=12),
    ).map(nodes.String),
    "Date": st.one_of(st.dates().map(dt.date.isoformat), st.text(max_size=12)).map(nodes.String),
}

FUZZ = settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

LEAKS = re.compile(
    r"Traceback|asyncpg|psycopg|SELECT |INSERT |UPDATE |DELETE FROM|File \"|\.py\b"
    r"|\b[A-Z][A-Za-z]*(?:Error|Exception|Warning):"
)


def _app_client(pool: asyncpg.Pool) -> httpx.AsyncClient:
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_api_keys=SecretStr(API_KEY)))
    app.state.pool = pool
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


@pytest_asyncio.fixture
async def reads(seeded_pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    async with _app_client(seeded_pool) as client:
        yield client


@pytest_asyncio.fixture
async def writes(pool: asyncpg.Pool) -> AsyncIterator[httpx.AsyncClient]:
    async with _app_client(pool) as client:
        yield client


def assert_graphql_answer(response: httpx.Response, *, valid: bool) -> dict[str, Any]:
    """Not a 5xx; a GraphQL JSON answer; errors that tell nothing about the insides."""
    assert response.status_code < 500, response.text
    assert response.status_code in ((200,) if valid else (200, 400)), response.text
    assert response.headers["content-type"].startswith("application/json"), response.text
    payload = response.json()
    assert isinstance(payload, dict), payload
    assert "data" in payload or "errors" in payload, payload
    for error in payload.get("errors") or ():
        assert isinstance(error["message"], str), error
        assert not LEAKS.search(error["message"]), error
        code = (error.get("extensions") or {}).get("code")
        assert isinstance(code, str), f"no extensions.code on {error}"
        assert code != "internal_error", f"unexpected exception behind {error}"
        assert "stacktrace" not in (error.get("extensions") or {}), error
    if not valid:
        assert payload.get("errors"), payload
    return payload


async def _post(client: httpx.AsyncClient, query: str, **kwargs: Any) -> httpx.Response:
    return await client.post("/graphql", json={"query": query}, **kwargs)


@FUZZ
@given(query=queries(SDL, custom_scalars=SCALARS))
async def test_valid_queries(reads: httpx.AsyncClient, query: str) -> None:
    assert_graphql_answer(await _post(reads, query), valid=True)


@FUZZ
@given(mutation=mutations(SDL, custom_scalars=SCALARS), with_key=st.booleans())
async def test_mutations(writes: httpx.AsyncClient, mutation: str, with_key: bool) -> None:
    response = await _post(writes, mutation, headers=AUTH if with_key else {})
    payload = assert_graphql_answer(response, valid=True)
    result = (payload.get("data") or {}).get("ingestArticle")
    if not with_key and result is not None:
        assert result.get("article") is None, result
        codes = {e.get("code", "unauthorized") for e in result.get("errors", ())}
        assert codes <= {"unauthorized"}, result


@FUZZ
@given(query=queries(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE))
async def test_queries_violating_the_schema(reads: httpx.AsyncClient, query: str) -> None:
    assert_graphql_answer(await _post(reads, query), valid=False)


@FUZZ
@given(mutation=mutations(SDL, custom_scalars=SCALARS, mode=Mode.NEGATIVE))
async def test_mutations_violating_the_schema(writes: httpx.AsyncClient, mutation: str) -> None:
    assert_graphql_answer(await _post(writes, mutation, headers=AUTH), valid=False)


@FUZZ
@given(text=st.text(max_size=200))
async def test_random_text(reads: httpx.AsyncClient, text: str) -> None:
    payload = assert_graphql_answer(await _post(reads, text), valid=False)
    assert payload.get("data") is None


@st.composite
def damaged_documents(draw: st.DrawFn) -> str:
    """A valid document with a slice removed, replaced by noise, or duplicated."""
    document = draw(queries(SDL, custom_scalars=SCALARS))
    start = draw(st.integers(0, len(document)))
    end = draw(st.integers(start, min(len(document), start + 12)))
    noise = draw(
        st.one_of(st.text(max_size=6), st.sampled_from(["{", "}", "(", ")", ":", "$", "...", '"']))
    )
    how = draw(st.sampled_from(["cut", "replace", "repeat"]))
    if how == "cut":
        return document[:start] + document[end:]
    if how == "replace":
        return document[:start] + noise + document[end:]
    return document[:end] + document[start:]


@FUZZ
@given(document=damaged_documents())
async def test_damaged_documents(reads: httpx.AsyncClient, document: str) -> None:
    # A damage may leave a valid document (an argument cut off): then it simply answers.
    response = await _post(reads, document)
    assert_graphql_answer(response, valid=response.status_code != 400)


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)


@FUZZ
@given(
    body=st.fixed_dictionaries(
        {},
        optional={
            "query": st.one_of(JSON, queries(SDL, custom_scalars=SCALARS)),
            "variables": JSON,
            "operationName": JSON,
            "extensions": JSON,
        },
    )
)
async def test_random_request_bodies(reads: httpx.AsyncClient, body: dict[str, Any]) -> None:
    response = await reads.post("/graphql", json=body)
    assert response.status_code < 500, response.text
    if response.headers["content-type"].startswith("application/json"):
        assert_graphql_answer(response, valid=response.status_code == 200)


INGEST = """mutation Ingest($input: IngestArticleInput!) { ingestArticle(input: $input) {
    created errors { field message code }
    article { id headline outlet { name } quotes { text speaker { name } }
        figures { text value unit fact { label disputed } } entities { name kind } } } }"""


@FUZZ
@given(
    copy=news_copy(),
    outlet=st.none() | st.text(max_size=30),
    published_at=st.none() | st.text(max_size=25) | st.datetimes().map(dt.datetime.isoformat),
    with_key=st.booleans(),
)
async def test_ingest_news_like_copy(
    writes: httpx.AsyncClient,
    copy: str,
    outlet: str | None,
    published_at: str | None,
    with_key: bool,
) -> None:
    variables = {"input": {"text": copy, "outlet": outlet, "publishedAt": published_at}}
    response = await writes.post(
        "/graphql",
        json={"query": INGEST, "variables": variables},
        headers=AUTH if with_key else {},
    )
    payload = assert_graphql_answer(response, valid=True)
    if payload.get("errors"):  # only a publishedAt the DateTime scalar refuses
        assert published_at is not None, payload
        return
    result = payload["data"]["ingestArticle"]
    if with_key:
        # Refused only for metadata PostgreSQL cannot store (a NUL in the outlet).
        refused = {e["code"] for e in result["errors"]}
        assert result["article"] is not None or refused == {"invalid_field"}, (copy, result)
    else:
        assert [e["code"] for e in result["errors"]] == ["unauthorized"], result
