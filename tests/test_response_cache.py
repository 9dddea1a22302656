"""The GraphQL response cache answers repeated reads and never serves data older than a
committed ingest."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg
import httpx
import orjson
import pytest
from starlette.types import ASGIApp, Receive, Scope, Send

from service import response_cache
from service.app import create_app, graphql_response_cache
from service.config import Settings
from service.db.pool import create_pool
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from service.response_cache import CachedResponse, ResponseStore

COUNT = {"query": "{ articles(first: 5) { totalCount edges { node { headline } } } }"}


def _uncached_app(pool: asyncpg.Pool) -> ASGIApp:
    # The app's own cache off, so the store under test is the only one.
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = pool
    return app


def _cached_client(pool: asyncpg.Pool, store: ResponseStore) -> httpx.AsyncClient:
    cached = graphql_response_cache(_uncached_app(pool), pool=lambda scope: pool, store=store)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=cached), base_url="http://test")


async def test_repeated_read_is_served_from_the_cache(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    text = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")  # noqa: ASYNC240
    await ingest_article(pool, text, ArticleMeta(outlet="RFE/RL"))
    store = ResponseStore()
    async with _cached_client(pool, store) as client:
        first = await client.post("/graphql", json=COUNT)
        second = await client.post("/graphql", json=COUNT)
    assert first.json()["data"]["articles"]["totalCount"] == 1
    assert second.content == first.content
    assert (store.hits, store.misses) == (1, 1)


async def test_an_ingest_makes_the_next_read_fresh(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))[:2]]  # noqa: ASYNC240
    await ingest_article(pool, texts[0], ArticleMeta(outlet="RFE/RL"))
    store = ResponseStore()
    async with _cached_client(pool, store) as client:
        before = await client.post("/graphql", json=COUNT)
        await ingest_article(pool, texts[1], ArticleMeta(outlet="Al Jazeera"))
        after = await client.post("/graphql", json=COUNT)
    assert before.json()["data"]["articles"]["totalCount"] == 1
    assert after.json()["data"]["articles"]["totalCount"] == 2
    assert store.hits == 0


async def test_errors_and_mutations_are_not_kept(pool: asyncpg.Pool) -> None:
    store = ResponseStore()
    bad = {"query": "{ articles(first: 5) { nope } }"}
    mutation = {"query": 'mutation { ingestArticle(input: {text: ""}) { __typename } }'}
    async with _cached_client(pool, store) as client:
        for body in (bad, bad, mutation, mutation):
            await client.post("/graphql", json=body)
    assert store.hits == 0
    assert store.size == 0


async def test_an_answer_too_large_to_keep_is_not_parsed(
    pool: asyncpg.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[bytes] = []

    def has_errors(answer: bytes) -> bool:
        parsed.append(answer)
        return False

    monkeypatch.setattr(response_cache, "MAX_ENTRY_BYTES", 20)
    monkeypatch.setattr(response_cache, "_has_errors", has_errors)
    store = ResponseStore()
    async with _cached_client(pool, store) as client:
        for _ in range(2):
            assert len((await client.post("/graphql", json=COUNT)).content) > 20
    assert parsed == []
    assert (store.hits, store.size) == (0, 0)


async def test_answers_are_kept_unless_they_hold_errors(
    pool: asyncpg.Pool, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")  # noqa: ASYNC240
    await ingest_article(pool, text, ArticleMeta(outlet="RFE/RL"))
    parsed: list[bytes] = []
    loads = orjson.loads

    def counted(text: bytes | str) -> object:
        if isinstance(text, bytes) and text.startswith(b'{"data"'):
            parsed.append(text)  # an answer, not a request body
        return loads(text)

    monkeypatch.setattr(orjson, "loads", counted)
    store = ResponseStore()
    # A field named "errors" inside the data is not an error: kept, after a parse.
    named = {"query": "{ articles(first: 2) { edges { node { errors: headline } } } }"}
    async with _cached_client(pool, store) as client:
        for body in (COUNT, COUNT, named, named):
            assert "errors" not in (await client.post("/graphql", json=body)).json()
    assert (store.hits, store.misses) == (2, 2)
    assert len(parsed) == 1  # the answer without "errors" in it was kept unparsed


def test_the_store_evicts_the_least_recently_used() -> None:

    store = ResponseStore(max_entries=2)
    for n in range(3):
        store.put(("e:1", b"", bytes([n])), CachedResponse(200, [], b"x"))
    assert store.get(("e:1", b"", bytes([0]))) is None
    assert store.get(("e:1", b"", bytes([2]))) is not None


async def test_mutations_and_large_requests_are_never_cached(pool: asyncpg.Pool) -> None:
    store = ResponseStore()
    # "mutation" spelled with a JSON escape is still a mutation.
    escaped = b'{"query": "\\u006dutation { ingestArticle(input: {text: \\"x\\"}) { created } }"}'
    padded = {**COUNT, "variables": {"pad": "x" * 100_000}}
    async with _cached_client(pool, store) as client:
        for _ in range(2):
            await client.post(
                "/graphql", content=escaped, headers={"content-type": "application/json"}
            )
            await client.post("/graphql", json=padded)
    assert (store.hits, store.misses, store.size) == (0, 0, 0)


async def test_a_rebuilt_version_table_is_a_new_epoch(pool: asyncpg.Pool) -> None:
    from service.db.versions import current_data_version

    async with pool.acquire() as conn:
        before = await current_data_version(conn)
        # What a rebuilt or restored database looks like: the counter starts over.
        await conn.execute("DELETE FROM data_version")
        await conn.execute("INSERT INTO data_version (singleton, version) VALUES (true, 1)")
        after = await current_data_version(conn)
    assert before.split(":")[0] != after.split(":")[0]
    assert after.endswith(":1")


async def test_identical_reads_in_flight_are_answered_once(pool: asyncpg.Pool) -> None:
    app = _uncached_app(pool)
    started = 0
    both_started, release = asyncio.Event(), asyncio.Event()

    async def slow_app(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal started
        started += 1
        if started == 2:
            both_started.set()
        await release.wait()
        await app(scope, receive, send)

    # A store that keeps nothing: the waiters cannot be answered from it.
    store = ResponseStore(max_entries=0)
    cached = graphql_response_cache(slow_app, pool=lambda scope: pool, store=store)
    transport = httpx.ASGITransport(app=cached)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        requests = [asyncio.create_task(client.post("/graphql", json=COUNT)) for _ in range(5)]
        other = asyncio.create_task(client.post("/graphql", json={"query": "{ __typename }"}))
        await both_started.wait()
        await asyncio.sleep(0.2)  # the other four identical reads reach the cache meanwhile
        release.set()
        answers = await asyncio.gather(*requests)
        await other
    assert started == 2  # the five identical reads ran once; the other read ran too
    assert {a.content for a in answers} == {answers[0].content}
    assert answers[0].json()["data"]["articles"]["totalCount"] == 0


async def test_waiters_answer_alone_when_the_shared_answer_fails(pool: asyncpg.Pool) -> None:
    app = _uncached_app(pool)
    calls = 0
    first_started, release = asyncio.Event(), asyncio.Event()

    async def first_fails(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            first_started.set()
            await release.wait()
            raise RuntimeError("the first answer breaks")
        await app(scope, receive, send)

    cached = graphql_response_cache(first_fails, pool=lambda scope: pool, store=ResponseStore())
    transport = httpx.ASGITransport(app=cached, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        first = asyncio.create_task(client.post("/graphql", json=COUNT))
        await first_started.wait()
        waiters = [asyncio.create_task(client.post("/graphql", json=COUNT)) for _ in range(3)]
        await asyncio.sleep(0.2)  # they reach the cache and wait for the first answer
        release.set()
        assert (await first).status_code == 500
        answers = await asyncio.gather(*waiters)
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert calls == 4


async def test_get_reads_are_kept_and_never_stale(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    texts = sorted(seeds_dir.glob("*.txt"))  # noqa: ASYNC240
    store = ResponseStore()
    async with _cached_client(pool, store) as client:
        first = await client.get("/graphql", params=COUNT)
        second = await client.get("/graphql", params=COUNT)
        assert (store.hits, store.misses) == (1, 1)
        assert second.content == first.content
        await ingest_article(pool, texts[0].read_text(encoding="utf-8"), ArticleMeta())
        fresh = await client.get("/graphql", params=COUNT)
        ide = await client.get("/graphql", headers={"accept": "text/html"})
        mutation = await client.get(
            "/graphql",
            params={"query": 'mutation { ingestArticle(input: {text: "x"}) { created } }'},
        )
    assert first.json()["data"]["articles"]["totalCount"] == 0
    assert fresh.json()["data"]["articles"]["totalCount"] == 1
    assert ide.headers["content-type"].startswith("text/html")
    assert mutation.status_code == 405
    assert len(store._entries) == 2  # the two GET answers, one a version each


async def test_a_get_reads_the_data_version_once(pool: asyncpg.Pool, test_dsn: str) -> None:
    statements: list[str] = []
    counting = await create_pool(
        test_dsn, min_size=1, max_size=2, query_logger=lambda r: statements.append(r.query)
    )
    try:
        app = create_app(Settings(factdesk_load_seeds=False))  # the response cache on
        app.state.pool = counting
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            await client.get("/graphql", params=COUNT)
            statements.clear()
            cached = await client.get("/graphql", params=COUNT)
    finally:
        await counting.close()
    assert cached.status_code == 200
    assert "etag" in cached.headers
    # Revalidation and the cache share one read of the version; nothing else runs.
    assert [s for s in statements if "data_version" in s] == statements
    assert len(statements) == 1
