"""Automatic persisted queries: unknown hash, registration, then the hash alone (POST, GET)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import asyncpg
import httpx
import pytest
from pydantic import SecretStr

from service.app import create_app
from service.config import Settings
from service.graphql.persisted import PersistedQueryStore

QUERY = "{ outlets { name } }"
HASH = hashlib.sha256(QUERY.encode()).hexdigest()


def _extensions(digest: str = HASH) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


async def _post(client: httpx.AsyncClient, body: dict[str, Any], **kwargs: Any) -> httpx.Response:
    return await client.post("/graphql", json=body, **kwargs)


async def test_unknown_hash_then_registered_then_hash_alone(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = "{ outlets { id name } }"  # a text no other test registers on this app
    digest = hashlib.sha256(query.encode()).hexdigest()
    unknown = await _post(seeded_client, {"extensions": _extensions(digest)})
    assert unknown.status_code == 200
    assert unknown.json()["errors"] == [
        {"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}
    ]
    registered = await _post(seeded_client, {"query": query, "extensions": _extensions(digest)})
    assert registered.status_code == 200
    answer = registered.json()
    assert answer["data"]["outlets"], answer
    by_post = await _post(seeded_client, {"extensions": _extensions(digest)})
    assert by_post.json() == answer
    by_get = await seeded_client.get(
        "/graphql", params={"extensions": json.dumps(_extensions(digest))}
    )
    assert by_get.status_code == 200
    assert by_get.json() == answer


async def test_unknown_hash_is_a_400_for_graphql_response_clients(
    seeded_client: httpx.AsyncClient,
) -> None:
    response = await _post(
        seeded_client,
        {"extensions": _extensions("0" * 64)},
        headers={"accept": "application/graphql-response+json"},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_hash_that_does_not_match_is_refused(seeded_client: httpx.AsyncClient) -> None:
    wrong = hashlib.sha256(b"{ outlets { id } }").hexdigest()
    response = await _post(seeded_client, {"query": QUERY, "extensions": _extensions(wrong)})
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "persisted_query_hash_mismatch"
    assert HASH in error["message"]  # the hash it should have been
    # Nothing was registered under the wrong hash.
    later = await _post(seeded_client, {"extensions": _extensions(wrong)})
    assert later.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.parametrize(
    "persisted",
    [{"version": 2, "sha256Hash": HASH}, {"version": 1, "sha256Hash": "abc"}, "x"],
)
async def test_a_malformed_persisted_query_is_refused(
    seeded_client: httpx.AsyncClient, persisted: object
) -> None:
    response = await _post(seeded_client, {"extensions": {"persistedQuery": persisted}})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "invalid_persisted_query"


async def test_a_query_over_the_limits_is_never_stored(seeded_client: httpx.AsyncClient) -> None:
    deep = "{ outlets { " + "articles { edges { node { outlet { " * 4 + "name" + " } } } }" * 4
    deep += " } }"
    digest = hashlib.sha256(deep.encode()).hexdigest()
    refused = await _post(seeded_client, {"query": deep, "extensions": _extensions(digest)})
    assert refused.json()["errors"][0]["extensions"]["code"] == "query_too_deep"
    later = await _post(seeded_client, {"extensions": _extensions(digest)})
    assert later.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_persisted_mutation_is_refused_over_get(pool: asyncpg.Pool) -> None:
    mutation = 'mutation { ingestArticle(input: {text: ""}) { created } }'
    digest = hashlib.sha256(mutation.encode()).hexdigest()
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_api_keys=SecretStr("k")))
    app.state.pool = pool
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        await _post(
            client,
            {"query": mutation, "extensions": _extensions(digest)},
            headers={"authorization": "Bearer k"},
        )
        response = await client.get(
            "/graphql",
            params={"extensions": json.dumps(_extensions(digest))},
            headers={"authorization": "Bearer k"},
        )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "method_not_allowed"


def test_the_store_forgets_the_least_recently_used() -> None:
    store = PersistedQueryStore(max_entries=2)
    store.put("a", "A")
    store.put("b", "B")
    assert store.get("a") == "A"  # now "b" is the least recently used
    store.put("c", "C")
    assert (store.get("a"), store.get("b"), store.get("c"), len(store)) == ("A", None, "C", 2)
