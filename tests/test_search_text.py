"""Search text is bounded in length on every search of both APIs, so no search reaches
PostgreSQL too long for it (a 1 MB search overflowed its stack: an internal error)."""

from __future__ import annotations

import httpx
import pytest

from service.search_text import MAX_SEARCH_CHARS

LONG = "word " * 40_000  # 200 KB: under the body cap

GRAPHQL_SEARCHES = [
    ("query($s: String!) { search(query: $s) { __typename } }", "query"),
    ("query($s: String) { articles(filter: {search: $s}) { totalCount } }", "filter.search"),
    ("query($s: String) { entities(filter: {search: $s}) { totalCount } }", "filter.search"),
    ("query($s: String) { quotes(filter: {search: $s}) { totalCount } }", "filter.search"),
]
REST_SEARCHES = ["/api/v1/articles", "/api/v1/entities", "/api/v1/quotes"]
# The longest searches allowed, in the shapes that make the deepest query trees.
HARDEST = ["a " * 250, "a | " * 125, "!(" * 250, '"a b' * 125, "-a " * 166, "Tokayev" * 71]


@pytest.mark.parametrize(("query", "field"), GRAPHQL_SEARCHES)
async def test_a_long_graphql_search_is_refused_clearly(
    seeded_client: httpx.AsyncClient, query: str, field: str
) -> None:
    response = await seeded_client.post("/graphql", json={"query": query, "variables": {"s": LONG}})
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "search_too_long", "field": field}
    assert f"at most {MAX_SEARCH_CHARS} characters" in error["message"]


@pytest.mark.parametrize("path", REST_SEARCHES)
async def test_a_long_rest_search_is_a_400(seeded_client: httpx.AsyncClient, path: str) -> None:
    response = await seeded_client.get(path, params={"search": "word " * 2000})
    assert response.status_code == 400
    problem = response.json()
    assert problem["code"] == "invalid_parameter"
    assert problem["field"] == "search"


@pytest.mark.parametrize("text", HARDEST)
async def test_the_longest_allowed_searches_are_answered(
    seeded_client: httpx.AsyncClient, text: str
) -> None:
    assert len(text) <= MAX_SEARCH_CHARS
    for query, _ in GRAPHQL_SEARCHES:
        response = await seeded_client.post(
            "/graphql", json={"query": query, "variables": {"s": text}}
        )
        assert "errors" not in response.json(), response.text
    for path in REST_SEARCHES:
        assert (await seeded_client.get(path, params={"search": text})).status_code == 200
