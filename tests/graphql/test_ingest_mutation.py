"""The ingestArticle mutation: UserErrors with codes for bad input and missing keys, no rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from pydantic import SecretStr

from tests.rest.conftest import AUTH, api_client, row_counts

INGEST = """mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    created article { id headline outlet { name } }
    errors { field message code }
  }
}"""


async def _ingest(
    client: httpx.AsyncClient, headers: dict[str, str] | None = None, **fields: Any
) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": INGEST, "variables": {"input": fields}}, headers=headers
    )
    assert response.status_code == 200, response.text
    payload = response.json()
    assert "errors" not in payload, payload["errors"]
    result: dict[str, Any] = payload["data"]["ingestArticle"]
    return result


async def _nothing_written(pool: asyncpg.Pool) -> None:
    assert set((await row_counts(pool)).values()) == {0}


async def test_ingest_with_a_key_creates_then_finds(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    text = (seeds_dir / "002_5ff466a66850c255.txt").read_text(encoding="utf-8")
    async with api_client(pool) as client:
        first = await _ingest(client, AUTH, text=text, outlet="Al Jazeera")
        again = await _ingest(client, AUTH, text=text)
    assert first["errors"] == []
    assert first["created"] is True
    assert first["article"]["outlet"]["name"] == "Al Jazeera"
    assert again == {**first, "created": False}
    assert (await row_counts(pool))["articles"] == 1


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty_article"),
        ("   \n\t\n  ", "empty_article"),
        ("Police detained 500 people.\u0000 More text.", "invalid_article"),
        ("\u0000" * 50, "invalid_article"),
        ("\u0001\u0002\u0003\u0004" * 30, "invalid_article"),
    ],
)
async def test_bad_text_is_a_user_error_and_writes_nothing(
    pool: asyncpg.Pool, text: str, code: str
) -> None:
    async with api_client(pool) as client:
        result = await _ingest(client, AUTH, text=text)
    assert result["article"] is None
    assert result["created"] is False
    assert len(result["errors"]) == 1
    error = result["errors"][0]
    assert error["code"] == code
    assert error["field"] == "input.text"
    assert error["message"]
    await _nothing_written(pool)


async def test_bad_date_is_a_graphql_validation_error(pool: asyncpg.Pool) -> None:
    async with api_client(pool) as client:
        response = await client.post(
            "/graphql",
            json={
                "query": INGEST,
                "variables": {"input": {"text": "Some copy.", "publishedAt": "last Tuesday"}},
            },
            headers=AUTH,
        )
    payload = response.json()
    assert payload.get("data") is None
    assert payload["errors"]
    await _nothing_written(pool)


@pytest.mark.parametrize(
    "headers",
    [None, {"Authorization": "Bearer wrong-key"}, {"Authorization": "Basic abc"}],
)
async def test_mutation_without_a_valid_key_is_unauthorized(
    pool: asyncpg.Pool, seeds_dir: Path, headers: dict[str, str] | None
) -> None:
    text = (seeds_dir / "002_5ff466a66850c255.txt").read_text(encoding="utf-8")
    async with api_client(pool) as client:
        result = await _ingest(client, headers, text=text)
    assert result["article"] is None
    assert [e["code"] for e in result["errors"]] == ["unauthorized"]
    assert "Bearer" in result["errors"][0]["message"]
    await _nothing_written(pool)


async def test_mutation_with_no_key_configured_explains_why(
    pool: asyncpg.Pool, seeds_dir: Path
) -> None:
    text = (seeds_dir / "002_5ff466a66850c255.txt").read_text(encoding="utf-8")
    async with api_client(pool, factdesk_api_keys=SecretStr("")) as client:
        result = await _ingest(client, AUTH, text=text)
    assert [e["code"] for e in result["errors"]] == ["unauthorized"]
    assert "FACTDESK_API_KEYS" in result["errors"][0]["message"]
    await _nothing_written(pool)


async def test_text_over_the_size_cap_is_refused(pool: asyncpg.Pool) -> None:
    async with api_client(pool) as client:
        result = await _ingest(client, AUTH, text="Police detained 500 people. " * 50_000)
    assert result["created"] is False
    assert result["errors"][0]["code"] == "article_too_large"
    await _nothing_written(pool)


KEYED = """mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { created replayed article { id } errors { field code } }
}"""


async def _keyed(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    response = await client.post(
        "/graphql", json={"query": KEYED, "variables": {"input": fields}}, headers=AUTH
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()["data"]["ingestArticle"]
    return result


async def test_an_idempotency_key_answers_a_retry_and_refuses_other_input(
    pool: asyncpg.Pool, seeds_dir: Path
) -> None:
    texts = [
        (seeds_dir / n).read_text(encoding="utf-8")
        for n in ("002_5ff466a66850c255.txt", "003_e2791c5ec8a80bf6.txt")
    ]
    async with api_client(pool) as client:
        first = await _keyed(client, text=texts[0], idempotencyKey="gq-1")
        again = await _keyed(client, text=texts[0], idempotencyKey="gq-1")
        other = await _keyed(client, text=texts[1], idempotencyKey="gq-1")
        bad = await _keyed(client, text=texts[1], idempotencyKey="")
    assert first == {**first, "created": True, "replayed": False, "errors": []}
    assert again == {**first, "replayed": True}  # created, as first answered
    assert other["article"] is None
    assert other["errors"] == [{"field": "input.idempotencyKey", "code": "idempotency_key_reused"}]
    assert bad["errors"] == [{"field": "input.idempotencyKey", "code": "invalid_idempotency_key"}]
    assert (await row_counts(pool))["articles"] == 1


REPUBLISH = """mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    created republished errors { code }
    article { id publications { outlet { name } url publishedAt receivedAt } }
  }
}"""


async def test_another_outlet_is_a_publication_of_the_same_article(
    pool: asyncpg.Pool, seeds_dir: Path
) -> None:
    text = (seeds_dir / "003_e2791c5ec8a80bf6.txt").read_text(encoding="utf-8")
    async with api_client(pool) as client:
        answers = []
        for outlet, url in (("Wire", None), ("Daily Paper", "https://daily.example/b")):
            response = await client.post(
                "/graphql",
                json={
                    "query": REPUBLISH,
                    "variables": {"input": {"text": text, "outlet": outlet, "url": url}},
                },
                headers=AUTH,
            )
            answers.append(response.json()["data"]["ingestArticle"])
    first, second = answers
    assert (first["created"], first["republished"]) == (True, False)
    assert (second["created"], second["republished"]) == (False, True)
    assert second["article"]["id"] == first["article"]["id"]
    publications = second["article"]["publications"]
    assert [(p["outlet"]["name"], p["url"]) for p in publications] == [
        ("Wire", None),
        ("Daily Paper", "https://daily.example/b"),
    ]
    assert all(p["receivedAt"] for p in publications)
    assert (await row_counts(pool))["articles"] == 1
