"""The OpenAPI document: valid 3.1, served, committed, and in step with the code."""

from __future__ import annotations

import httpx
import orjson
import pytest
from openapi_spec_validator import validate

from service.config import REPO_ROOT
from service.rest.openapi import export_openapi, openapi_document
from tests.rest.schemas import assert_matches

REGENERATE = "regenerate with: scripts/factdesk export-openapi"


def test_committed_openapi_json_is_fresh() -> None:
    committed = (REPO_ROOT / "openapi.json").read_text(encoding="utf-8")
    assert committed == export_openapi(), f"openapi.json is stale; {REGENERATE}"


async def test_served_document_is_valid_openapi_3_1(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    document = response.json()
    assert document["openapi"] == "3.1.0"
    validate(document)
    assert document == orjson.loads(orjson.dumps(openapi_document()))


async def test_every_route_is_documented(client: httpx.AsyncClient) -> None:
    paths = openapi_document()["paths"]
    assert set(paths) == {
        "/api/v1/openapi.json",
        "/api/v1/articles:batch",
        "/api/v1/changes",
        "/api/v1/changes/stream",
        "/api/v1/figures/{id}/judgements",
        "/api/v1/judgements/{id}",
        "/api/v1/facts/{id}/history",
        "/api/v1/articles/{id}/versions",
        *(f"/api/v1/{r}" for r in ("articles", "entities", "quotes", "figures", "facts")),
        *(f"/api/v1/{r}/{{id}}" for r in ("articles", "entities", "quotes", "figures", "facts")),
    }
    assert set(paths["/api/v1/articles"]) == {"get", "post"}
    assert set(paths["/api/v1/articles/{id}"]) == {"get", "put", "delete"}
    # Every documented GET answers (an empty database: empty pages, 404 for an unknown id).
    # (The endless event stream is read from a real server in test_change_stream.py.)
    gets = [p for p, operations in paths.items() if "get" in operations]
    for path in (p for p in gets if p != "/api/v1/changes/stream"):
        url = path.replace("{id}", "nope")
        response = await client.get(url)
        assert response.status_code in {200, 404}, (url, response.text)


def test_response_check_notices_a_wrong_shape() -> None:
    with pytest.raises(AssertionError):
        assert_matches({"id": 1, "headline": "x"}, "Article")
    with pytest.raises(AssertionError):
        assert_matches({"type": "x", "title": "t", "status": 400, "detail": "d"}, "Problem")
