"""Every GraphQL error carries an `extensions.code` a client can branch on."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

CASES = {
    "syntax error": ("{ outlets { name }", None, "GRAPHQL_PARSE_FAILED"),
    "empty document": ("   ", None, "GRAPHQL_PARSE_FAILED"),
    "unknown field": ("{ outlets { nope } }", None, "GRAPHQL_VALIDATION_FAILED"),
    "wrong literal type": (
        '{ entities(first: "ten") { totalCount } }',
        None,
        "GRAPHQL_VALIDATION_FAILED",
    ),
    "fragment cycle": (
        "{ outlets { ...A } } fragment A on Outlet { ...A }",
        None,
        "GRAPHQL_VALIDATION_FAILED",
    ),
    "string for an Int variable": (
        "query($n: Int) { entities(first: $n) { totalCount } }",
        {"n": "abc"},
        "BAD_USER_INPUT",
    ),
    "missing required variable": (
        "query($id: ID!) { fact(id: $id) { label } }",
        {},
        "BAD_USER_INPUT",
    ),
    "unparseable DateTime variable": (
        "query($t: DateTime) { articles(filter: {publishedAfter: $t}) { totalCount } }",
        {"t": "yesterday"},
        "BAD_USER_INPUT",
    ),
    "first out of range": (
        "{ articles(first: 101) { totalCount } }",
        None,
        "page_size_out_of_range",
    ),
    "malformed id": ('{ fact(id: "nonsense") { label } }', None, "invalid_id"),
}


@pytest.mark.parametrize("case", CASES)
async def test_error_codes(seeded_client: httpx.AsyncClient, case: str) -> None:
    query, variables, code = CASES[case]
    body: dict[str, Any] = {"query": query, "variables": variables}
    response = await seeded_client.post("/graphql", json=body)
    errors = response.json()["errors"]
    assert [e["extensions"]["code"] for e in errors] == [code] * len(errors), errors
