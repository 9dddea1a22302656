"""GraphQL over HTTP: application/graphql-response+json, and 400 for requests never run."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from service.graphql.negotiation import response_media_type

GRAPHQL_RESPONSE = "application/graphql-response+json"
ACCEPT = {"accept": f"{GRAPHQL_RESPONSE}, application/json;q=0.9"}

NEVER_EXECUTED = {
    "syntax error": ("{ outlets { name }", None, "GRAPHQL_PARSE_FAILED"),
    "unknown field": ("{ outlets { nope } }", None, "GRAPHQL_VALIDATION_FAILED"),
    "variable of the wrong type": (
        "query($n: Int) { entities(first: $n) { totalCount } }",
        {"n": "abc"},
        "BAD_USER_INPUT",
    ),
    "too costly": (
        "{ articles(first: 100) { edges { node { entities {"
        " articles(first: 100) { edges { node { headline } } } } } } } }",
        None,
        "query_too_costly",
    ),
}


async def _post(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    return await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )


@pytest.mark.parametrize("case", NEVER_EXECUTED)
async def test_a_request_never_executed_is_a_400(
    seeded_client: httpx.AsyncClient, case: str
) -> None:
    query, variables, code = NEVER_EXECUTED[case]
    response = await _post(seeded_client, query, variables, ACCEPT)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    payload = response.json()
    assert "data" not in payload  # nothing ran, so there is no data entry at all
    assert [e["extensions"]["code"] for e in payload["errors"]] == [code]


@pytest.mark.parametrize("accept", [None, "application/json", "*/*"])
@pytest.mark.parametrize("case", NEVER_EXECUTED)
async def test_legacy_json_keeps_200_with_errors(
    seeded_client: httpx.AsyncClient, case: str, accept: str | None
) -> None:
    query, variables, code = NEVER_EXECUTED[case]
    headers = {"accept": accept} if accept else None
    response = await _post(seeded_client, query, variables, headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    payload = response.json()
    assert payload["data"] is None
    assert [e["extensions"]["code"] for e in payload["errors"]] == [code]


async def test_an_answer_is_in_the_media_type_accepted(seeded_client: httpx.AsyncClient) -> None:
    query = "{ outlets { name } }"
    legacy = await _post(seeded_client, query)
    # Same request text: the response cache must not hand back the JSON answer.
    modern = await _post(seeded_client, query, headers=ACCEPT)
    assert legacy.headers["content-type"] == "application/json"
    assert modern.status_code == 200
    assert modern.headers["content-type"] == GRAPHQL_RESPONSE
    assert modern.json() == legacy.json()
    again = await _post(seeded_client, query, headers=ACCEPT)
    assert again.headers["content-type"] == GRAPHQL_RESPONSE


async def test_an_error_while_executing_is_still_a_200(seeded_client: httpx.AsyncClient) -> None:
    response = await _post(seeded_client, '{ fact(id: "nonsense") { label } }', headers=ACCEPT)
    assert response.status_code == 200
    payload = response.json()
    assert payload["data"] == {"fact": None}
    assert payload["errors"][0]["extensions"]["code"] == "invalid_id"


async def test_refusals_at_the_door_use_the_accepted_type(
    seeded_client: httpx.AsyncClient,
) -> None:
    refused = await seeded_client.put("/graphql", headers=ACCEPT)
    assert refused.status_code == 405
    assert refused.headers["content-type"] == GRAPHQL_RESPONSE
    not_json = await seeded_client.post(
        "/graphql", content="{ outlets { name } }", headers={**ACCEPT, "content-type": "text/x"}
    )
    assert not_json.status_code == 400
    assert not_json.headers["content-type"] == GRAPHQL_RESPONSE
    assert not_json.json()["errors"][0]["extensions"]["code"] == "bad_request"


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("", "application/json"),
        ("*/*", "application/json"),
        ("application/json", "application/json"),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"application/json;q=0.9, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE};q=0.5", "application/json"),
        (f"{GRAPHQL_RESPONSE};q=0", "application/json"),
        (f"{GRAPHQL_RESPONSE}, */*;q=0.8", GRAPHQL_RESPONSE),
    ],
)
def test_media_type_follows_the_weights_of_accept(accept: str, media: str) -> None:
    assert response_media_type({"accept": accept}) == media
