"""Reading the seeds over /api/v1: same ids as GraphQL, filters, pagination, provenance."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import pytest

from service.ids import encode_id
from tests.rest.conftest import AUTH, api_client
from tests.rest.schemas import assert_matches


async def _get(client: httpx.AsyncClient, url: str, **params: Any) -> dict[str, Any]:
    response = await client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    return body


async def _gql(client: httpx.AsyncClient, query: str) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query})
    payload = response.json()
    assert "errors" not in payload, payload
    data: dict[str, Any] = payload["data"]
    return data


async def test_articles_carry_the_graphql_ids(seeded_api: httpx.AsyncClient) -> None:
    page = await _get(seeded_api, "/api/v1/articles", first=10)
    assert_matches(page, "ArticlePage")
    assert page["totalCount"] == 5
    assert page["pageInfo"]["hasNextPage"] is False
    data = await _gql(seeded_api, "{ articles(first: 10) { edges { node { id headline } } } }")
    graphql = [(e["node"]["id"], e["node"]["headline"]) for e in data["articles"]["edges"]]
    assert [(a["id"], a["headline"]) for a in page["items"]] == graphql
    for article in page["items"]:
        assert article["outlet"]["name"]
        assert article["body"].strip()
        one = await _get(seeded_api, f"/api/v1/articles/{article['id']}")
        assert_matches(one, "Article")
        assert one == article
        by_slug = await _get(seeded_api, f"/api/v1/articles/{article['slug']}")
        assert by_slug["id"] == article["id"]


async def test_article_pages_walk_every_article_once(seeded_api: httpx.AsyncClient) -> None:
    seen: list[str] = []
    after = None
    while True:
        params: dict[str, Any] = {"first": 2} | ({"after": after} if after else {})
        page = await _get(seeded_api, "/api/v1/articles", **params)
        assert page["totalCount"] == 5
        assert len(page["items"]) <= 2
        seen += [a["id"] for a in page["items"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 5


async def test_article_filters(seeded_api: httpx.AsyncClient) -> None:
    by_outlet = await _get(seeded_api, "/api/v1/articles", outlet="rfe/rl")
    assert by_outlet["totalCount"] >= 1
    assert {a["outlet"]["name"] for a in by_outlet["items"]} == {"RFE/RL"}
    outlet_id = by_outlet["items"][0]["outlet"]["id"]
    by_outlet_id = await _get(seeded_api, "/api/v1/articles", outlet=outlet_id)
    assert by_outlet_id["items"] == by_outlet["items"]
    unknown = await _get(seeded_api, "/api/v1/articles", outlet="No Such Outlet")
    assert unknown == {
        "items": [],
        "pageInfo": {
            "hasNextPage": False,
            "endCursor": None,
            "hasPreviousPage": False,
            "startCursor": None,
        },
        "totalCount": 0,
    }

    mentioning = await _get(seeded_api, "/api/v1/articles", entity="Nazarbaev", first=10)
    assert 1 <= mentioning["totalCount"] <= 5
    assert all("Nazarbayev" in a["body"] or "Nazarbaev" in a["body"] for a in mentioning["items"])

    after = await _get(seeded_api, "/api/v1/articles", publishedAfter="2019-06-11T00:00:00Z")
    before = await _get(seeded_api, "/api/v1/articles", publishedBefore="2019-06-11")
    assert after["totalCount"] + before["totalCount"] <= 5
    assert all(a["publishedAt"] >= "2019-06-11" for a in after["items"])
    assert all(a["publishedAt"] < "2019-06-11" for a in before["items"])

    found = await _get(seeded_api, "/api/v1/articles", search="folk singer")
    assert found["totalCount"] >= 1
    assert all("singer" in a["body"] for a in found["items"])


async def test_entity_search_by_any_spelling(seeded_api: httpx.AsyncClient) -> None:
    ids = set()
    for spelling in ("Toqaev", "Kassym-Jomart Tokayev", "tokayev", "Qasym-Zhomart Toqaev"):
        page = await _get(seeded_api, "/api/v1/entities", search=spelling)
        assert_matches(page, "EntityPage")
        names = {e["name"] for e in page["items"]}
        assert "Kassym-Jomart Tokayev" in names, (spelling, names)
        ids |= {e["id"] for e in page["items"] if e["name"] == "Kassym-Jomart Tokayev"}
    assert len(ids) == 1
    entity = await _get(seeded_api, f"/api/v1/entities/{ids.pop()}")
    assert_matches(entity, "Entity")
    assert entity["kind"] == "PERSON"
    assert "Toqaev" in " ".join(entity["aliases"])
    people = await _get(seeded_api, "/api/v1/entities", kind="person", first=100)
    assert people["totalCount"] > 0
    assert {e["kind"] for e in people["items"]} == {"PERSON"}


async def test_quotes_by_speaker_and_article(seeded_api: httpx.AsyncClient) -> None:
    everything = await _get(seeded_api, "/api/v1/quotes", first=100)
    assert_matches(everything, "QuotePage")
    assert everything["totalCount"] > 0
    spoken = next(q for q in everything["items"] if q["speaker"] is not None)
    by_speaker = await _get(seeded_api, "/api/v1/quotes", speaker=spoken["speaker"]["id"])
    assert by_speaker["totalCount"] >= 1
    assert {q["speaker"]["id"] for q in by_speaker["items"]} == {spoken["speaker"]["id"]}
    article_id = spoken["citation"]["article"]["id"]
    by_article = await _get(seeded_api, "/api/v1/quotes", article=article_id, first=100)
    assert {q["citation"]["article"]["id"] for q in by_article["items"]} == {article_id}
    assert spoken["id"] in {q["id"] for q in by_article["items"]}
    # The span points at the quoted words in the article body.
    article = await _get(seeded_api, f"/api/v1/articles/{article_id}")
    span = spoken["citation"]["span"]
    assert article["body"][span["start"] : span["end"]] == spoken["text"]
    assert spoken["text"] in spoken["citation"]["excerpt"]
    assert await _get(seeded_api, f"/api/v1/quotes/{spoken['id']}") == spoken


async def test_figures_filters(seeded_api: httpx.AsyncClient) -> None:
    shares = await _get(seeded_api, "/api/v1/figures", property="vote_share", unit="percent")
    assert_matches(shares, "FigurePage")
    assert shares["totalCount"] >= 4
    assert {f["unit"] for f in shares["items"]} == {"percent"}
    first = shares["items"][0]
    one = await _get(seeded_api, f"/api/v1/figures/{first['id']}")
    assert one == first
    article = await _get(seeded_api, f"/api/v1/articles/{first['citation']['article']['id']}")
    span = first["citation"]["span"]
    assert article["body"][span["start"] : span["end"]] == first["text"]
    by_subject = await _get(seeded_api, "/api/v1/figures", subject="Tokayev", first=100)
    assert by_subject["totalCount"] >= 1
    assert {f["subject"]["name"] for f in by_subject["items"]} == {"Kassym-Jomart Tokayev"}
    in_article = await _get(
        seeded_api, "/api/v1/figures", article=first["citation"]["article"]["id"], first=100
    )
    assert first["id"] in {f["id"] for f in in_article["items"]}


async def test_vote_share_fact_keeps_every_sourced_value(seeded_api: httpx.AsyncClient) -> None:
    facts = await _get(
        seeded_api, "/api/v1/facts", subject="Toqaev", property="vote_share", first=100
    )
    assert_matches(facts, "FactPage")
    fact = next(f for f in facts["items"] if f["qualifier"] is None)
    assert fact["disputed"] is True
    values = {v["value"] for v in fact["values"]}
    assert {70.76, 70.96} <= values
    outlets = {s["outlet"]["name"] for v in fact["values"] for s in v["sources"]}
    assert len(outlets) >= 3
    # The same shape and grouping as GraphQL's Fact.values.
    query = '{ fact(id: "%s") { values { value text sources { span { start } } } } }'
    data = await _gql(seeded_api, query % fact["id"])
    assert [
        (v["value"], v["text"], [s["span"]["start"] for s in v["sources"]])
        for v in data["fact"]["values"]
    ] == [
        (v["value"], v["text"], [s["span"]["start"] for s in v["sources"]]) for v in fact["values"]
    ]
    assert await _get(seeded_api, f"/api/v1/facts/{fact['id']}") == fact
    undisputed = await _get(seeded_api, "/api/v1/facts", disputed="false", first=100)
    assert all(f["disputed"] is False for f in undisputed["items"])


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/articles?first=0", "first"),
        ("/api/v1/articles?first=101", "first"),
        ("/api/v1/articles?first=ten", "first"),
        ("/api/v1/articles?after=garbage", "after"),
        ("/api/v1/entities?after=garbage", "after"),
        ("/api/v1/facts?before=garbage&last=2", "before"),
        ("/api/v1/articles?last=101", "last"),
        ("/api/v1/quotes?first=2&last=2", "last"),
        ("/api/v1/articles?publishedAfter=last%20tuesday", "publishedAfter"),
        ("/api/v1/entities?kind=ROBOT", "kind"),
        ("/api/v1/facts?disputed=maybe", "disputed"),
        ("/api/v1/quotes?article=not-an-id", "article"),
        ("/api/v1/figures?article=" + encode_id("Quote", 1), "article"),
    ],
)
async def test_bad_parameters_are_400_problems(
    seeded_api: httpx.AsyncClient, url: str, field: str
) -> None:
    response = await seeded_api.get(url)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert_matches(problem, "Problem")
    assert problem["field"] == field
    assert problem["type"].startswith("https://factdesk.dev/problems/")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/" + encode_id("Article", 999_999),
        "/api/v1/articles/no-such-slug",
        "/api/v1/entities/" + encode_id("Entity", 999_999),
        "/api/v1/entities/" + encode_id("Article", 1),
        "/api/v1/quotes/garbage",
        "/api/v1/figures/" + encode_id("Figure", 999_999),
        "/api/v1/facts/" + encode_id("Fact", 999_999),
        "/api/v1/nothing-here",
    ],
)
async def test_unknown_resources_are_404_problems(seeded_api: httpx.AsyncClient, url: str) -> None:
    response = await seeded_api.get(url)
    assert response.status_code == 404
    problem = response.json()
    assert problem["code"] == "not_found"
    assert problem["type"] == "https://factdesk.dev/problems/not-found"


async def test_wrong_method_is_405_with_allow(seeded_api: httpx.AsyncClient) -> None:
    response = await seeded_api.delete("/api/v1/articles")
    assert response.status_code == 405
    assert "POST" in response.headers["allow"]
    assert response.json()["code"] == "method_not_allowed"


async def test_round_trips_do_not_grow_with_page_size(seeded_pool: asyncpg.Pool) -> None:
    """Lists with nested data (fact values and sources, outlets) batch their SQL."""
    from service.db.pool import create_pool

    dsn = seeded_pool._connect_args[0]  # type: ignore[attr-defined]
    counts: dict[tuple[str, int], int] = {}
    for resource in ("articles", "entities", "quotes", "figures", "facts"):
        for first in (10, 50):
            queries: list[str] = []

            def log(record: Any) -> None:
                if "typeinfo_tree" not in record.query and "'jit'" not in record.query:
                    queries.append(record.query)  # noqa: B023

            pool = await create_pool(dsn, max_size=2, query_logger=log)
            try:
                async with api_client(pool) as client:
                    page = await _get(client, f"/api/v1/{resource}", first=first)
            finally:
                await pool.close()
            assert len(page["items"]) == min(first, page["totalCount"])
            counts[(resource, first)] = len(queries)
        assert counts[(resource, 10)] == counts[(resource, 50)], (resource, counts)
    # the most, a page of facts: page, facts, their times, figures, articles and outlets,
    # entities, judgements in force, their values' times
    assert max(counts.values()) <= 9, counts


async def test_protected_reads_need_a_key(seeded_pool: asyncpg.Pool) -> None:
    async with api_client(seeded_pool, factdesk_protect_reads=True) as client:
        missing = await client.get("/api/v1/articles")
        assert missing.status_code == 401
        assert missing.headers["www-authenticate"].startswith("Bearer")
        assert missing.json()["code"] == "unauthorized"
        wrong = await client.get("/api/v1/entities", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403
        assert wrong.json()["code"] == "forbidden"
        assert (await client.get("/api/v1/articles", headers=AUTH)).status_code == 200
        graphql = await client.post("/graphql", json={"query": "{ outlets { name } }"})
        assert graphql.status_code == 401
        authorized = await client.post(
            "/graphql", json={"query": "{ outlets { name } }"}, headers=AUTH
        )
        assert authorized.status_code == 200
        assert authorized.json()["data"]["outlets"]
        # The contract stays readable: it says how to authenticate.
        assert (await client.get("/api/v1/openapi.json")).status_code == 200


async def test_reads_are_open_by_default(seeded_api: httpx.AsyncClient) -> None:
    response = await seeded_api.get("/api/v1/facts", headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 200


async def test_options_and_unknown_methods_are_problem_documents(
    seeded_api: httpx.AsyncClient,
) -> None:
    for method in ("OPTIONS", "TRACE", "PURGE"):
        response = await seeded_api.request(method, "/api/v1/articles")
        assert response.status_code == 405, method
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "method_not_allowed"
        assert "GET" in response.headers["allow"]


async def test_two_authorization_headers_are_a_400(seeded_pool: asyncpg.Pool) -> None:
    doubled = [("authorization", AUTH["Authorization"]), ("authorization", "")]
    async with api_client(seeded_pool, factdesk_protect_reads=True) as client:
        read = await client.get("/api/v1/articles", headers=doubled)
        write = await client.post("/api/v1/articles", json={"text": "x"}, headers=doubled)
        keyed = await client.get("/api/v1/articles", headers=AUTH)
    for refused in (read, write):
        assert refused.status_code == 400
        assert refused.json()["code"] == "duplicate_header"
    assert keyed.status_code == 200


async def test_figure_spans_count_in_the_text_their_part_names(
    seeded_api: httpx.AsyncClient,
) -> None:
    """A figure printed only in a caption (seed 002's "At least 700 people") is cited to
    that caption: its span cuts the figure's text from the caption, not from the body."""
    figures = await _get(seeded_api, "/api/v1/figures", first=100)
    assert figures["totalCount"] <= 100
    articles: dict[str, dict[str, Any]] = {}
    parts = set()
    for figure in figures["items"]:
        citation = figure["citation"]
        article_id = citation["article"]["id"]
        if article_id not in articles:
            articles[article_id] = await _get(seeded_api, f"/api/v1/articles/{article_id}")
        article, span = articles[article_id], citation["span"]
        text = {
            "BODY": article["body"],
            "STANDFIRST": article["standfirst"],
            "CAPTION": article["captions"][span["caption"]]
            if span["caption"] is not None
            else None,
        }[span["part"]]
        parts.add(span["part"])
        assert text[span["start"] : span["end"]] == figure["text"]
        assert citation["excerpt"] in text
    assert "CAPTION" in parts


async def test_the_seeds_disagreements_meet_in_one_fact(seeded_api: httpx.AsyncClient) -> None:
    """Issue 15's seed complaints: "more than 100" and "about 200" protesters outside the
    police building on June 10, and the 500 detained on election day, each one fact."""

    async def fact(subject: str, prop: str, qualifier: str) -> dict[str, Any]:
        page = await _get(seeded_api, "/api/v1/facts", subject=subject, property=prop, first=100)
        (found,) = [f for f in page["items"] if f["qualifier"] == qualifier]
        assert isinstance(found, dict)
        return found

    protesters = await fact("Almaty", "protesters", "2019-06-10")
    printed = {(v["value"], v["approximation"]) for v in protesters["values"]}
    assert {(100.0, "MORE_THAN"), (200.0, "ABOUT")} <= printed
    detained = await fact("Kazakhstan", "detained", "2019-06-09")
    five_hundred = [v for v in detained["values"] if v["value"] == 500.0]
    articles = {s["article"]["id"] for v in five_hundred for s in v["sources"]}
    assert len(articles) >= 2
