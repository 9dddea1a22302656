"""Conditional GET: ETag from the data version, Cache-Control, 304 on If-None-Match."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import httpx
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article

COUNT = {"query": "{ articles { totalCount } }"}


async def test_graphql_get_is_tagged_and_revalidated(
    seeded_client: httpx.AsyncClient,
) -> None:
    first = await seeded_client.get("/graphql", params=COUNT)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert first.headers["cache-control"] == "public, no-cache"
    assert first.headers["vary"] == "Accept"
    again = await seeded_client.get("/graphql", params=COUNT, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    # Weak comparison: the strong form of the tag, or one of several, matches too.
    strong = etag.removeprefix("W/")
    for header in (strong, f'"other", {etag}', "*"):
        matched = await seeded_client.get(
            "/graphql", params=COUNT, headers={"if-none-match": header}
        )
        assert matched.status_code == 304, header
    stale = await seeded_client.get("/graphql", params=COUNT, headers={"if-none-match": '"x"'})
    assert stale.status_code == 200
    assert stale.json() == first.json()


async def test_the_tag_follows_the_request(seeded_client: httpx.AsyncClient) -> None:
    query = "query($n: Int) { articles(first: $n) { edges { node { headline } } } }"
    one = await seeded_client.get("/graphql", params={"query": query, "variables": '{"n": 1}'})
    two = await seeded_client.get("/graphql", params={"query": query, "variables": '{"n": 2}'})
    modern = await seeded_client.get(
        "/graphql",
        params={"query": query, "variables": '{"n": 1}'},
        headers={"accept": "application/graphql-response+json"},
    )
    tags = {one.headers["etag"], two.headers["etag"], modern.headers["etag"]}
    assert len(tags) == 3


async def test_an_ingest_changes_the_tag(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    text = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")  # noqa: ASYNC240
    app = create_app(Settings(factdesk_load_seeds=False))
    app.state.pool = pool
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        before = await client.get("/graphql", params=COUNT)
        rest_before = await client.get("/api/v1/articles")
        await ingest_article(pool, text, ArticleMeta())
        revalidated = await client.get(
            "/graphql", params=COUNT, headers={"if-none-match": before.headers["etag"]}
        )
        rest_revalidated = await client.get(
            "/api/v1/articles", headers={"if-none-match": rest_before.headers["etag"]}
        )
    assert before.json()["data"]["articles"]["totalCount"] == 0
    assert revalidated.status_code == 200  # not 304: the data changed
    assert revalidated.json()["data"]["articles"]["totalCount"] == 1
    assert revalidated.headers["etag"] != before.headers["etag"]
    assert rest_revalidated.status_code == 200
    assert rest_revalidated.json()["totalCount"] == 1
    assert rest_revalidated.headers["etag"] != rest_before.headers["etag"]


async def test_rest_reads_are_tagged_and_revalidated(seeded_client: httpx.AsyncClient) -> None:
    first = await seeded_client.get("/api/v1/entities", params={"first": 2})
    assert first.status_code == 200
    assert first.headers["cache-control"] == "public, no-cache"
    again = await seeded_client.get(
        "/api/v1/entities", params={"first": 2}, headers={"if-none-match": first.headers["etag"]}
    )
    assert again.status_code == 304
    other = await seeded_client.get("/api/v1/entities", params={"first": 3})
    assert other.headers["etag"] != first.headers["etag"]


async def test_errors_and_writes_get_no_tag(seeded_client: httpx.AsyncClient) -> None:
    invalid = await seeded_client.get("/graphql", params={"query": "{ outlets { nope } }"})
    assert invalid.status_code == 200
    assert "errors" in invalid.json()
    missing = await seeded_client.get("/api/v1/articles/no-such-article")
    assert missing.status_code == 404
    posted = await seeded_client.post("/graphql", json=COUNT)
    for response in (invalid, missing, posted):
        assert "etag" not in response.headers
    mutation = await seeded_client.get(
        "/graphql", params={"query": 'mutation { ingestArticle(input: {text: "x"}) { created } }'}
    )
    assert mutation.status_code == 405
    assert mutation.headers["allow"] == "POST"


async def test_protected_reads_are_private_and_per_key(seeded_pool: asyncpg.Pool) -> None:
    settings = Settings(
        factdesk_load_seeds=False,
        factdesk_protect_reads=True,
        factdesk_api_keys=SecretStr("one,two"),
    )
    app = create_app(settings)
    app.state.pool = seeded_pool
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        one = await client.get("/graphql", params=COUNT, headers={"authorization": "Bearer one"})
        two = await client.get("/graphql", params=COUNT, headers={"authorization": "Bearer two"})
        anonymous = await client.get(
            "/graphql", params=COUNT, headers={"if-none-match": one.headers["etag"]}
        )
    assert one.headers["cache-control"] == "private, no-cache"
    assert one.headers["vary"] == "Accept, Authorization"
    assert one.headers["etag"] != two.headers["etag"]
    assert anonymous.status_code == 401  # never a 304 for a caller who may not read
