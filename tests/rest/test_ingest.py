"""POST /api/v1/articles: 201 new, 200 again, API keys, and hostile input refusing cleanly."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import orjson
import pytest
from pydantic import SecretStr

from tests.ingest.test_intake import NOT_UTF8_AT_3
from tests.rest.conftest import AUTH, OTHER_KEY, api_client, row_counts
from tests.rest.schemas import assert_matches

URL = "/api/v1/articles"


@pytest.fixture
def seed_text(seeds_dir: Path) -> str:
    return (seeds_dir / "002_5ff466a66850c255.txt").read_text(encoding="utf-8")


async def _nothing_written(pool: asyncpg.Pool) -> None:
    assert set((await row_counts(pool)).values()) == {0}


def _problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert_matches(problem, "Problem")
    assert problem["code"] == code
    assert problem["status"] == status
    assert problem["type"] == "https://factdesk.dev/problems/" + code.replace("_", "-")
    assert problem["detail"]
    return problem


async def test_new_copy_is_201_and_the_same_copy_again_200(
    api: httpx.AsyncClient, pool: asyncpg.Pool, seed_text: str
) -> None:
    payload = {
        "text": seed_text,
        "outlet": "Al Jazeera",
        "url": "https://example.org/story",
        "publishedAt": "2019-06-10T12:00:00Z",
    }
    created = await api.post(URL, json=payload, headers=AUTH)
    assert created.status_code == 201, created.text
    article = created.json()
    assert_matches(article, "Article")
    assert article["outlet"]["name"] == "Al Jazeera"
    assert article["url"] == "https://example.org/story"
    assert article["publishedAt"].startswith("2019-06-10T12:00:00")
    assert created.headers["location"] == f"/api/v1/articles/{article['id']}"
    fetched = await api.get(created.headers["location"])
    assert fetched.json() == article
    counts = await row_counts(pool)
    assert counts["articles"] == 1
    assert counts["mentions"] > 0

    again = await api.post(URL, json=payload, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["id"] == article["id"]
    assert await row_counts(pool) == counts
    # The same copy as text/plain is the same article too.
    plain = await api.post(
        URL, content=seed_text.encode(), headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert plain.status_code == 200
    assert plain.json()["id"] == article["id"]


async def test_text_plain_takes_metadata_from_query(api: httpx.AsyncClient, seed_text: str) -> None:
    response = await api.post(
        URL,
        params={"outlet": "RFE/RL", "headline": "A headline", "publishedAt": "2019-06-11"},
        content=seed_text.encode(),
        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["outlet"]["name"] == "RFE/RL"
    assert article["headline"] == "A headline"
    assert article["publishedAt"].startswith("2019-06-11T00:00:00")


async def test_every_configured_key_is_accepted(pool: asyncpg.Pool, seed_text: str) -> None:
    async with api_client(pool) as client:
        response = await client.post(
            URL, json={"text": seed_text}, headers={"Authorization": f"Bearer {OTHER_KEY}"}
        )
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Bearer"}, 401, "unauthorized"),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, 401, "unauthorized"),
        ({"Authorization": "Bearer wrong-key"}, 403, "forbidden"),
        ({"Authorization": "Bearer test-key-one-and-more"}, 403, "forbidden"),
    ],
)
async def test_writes_need_a_valid_key(
    api: httpx.AsyncClient,
    pool: asyncpg.Pool,
    seed_text: str,
    headers: dict[str, str],
    status: int,
    code: str,
) -> None:
    response = await api.post(URL, json={"text": seed_text}, headers=headers)
    _problem(response, status, code)
    if status == 401:
        assert response.headers["www-authenticate"].startswith("Bearer")
    await _nothing_written(pool)


async def test_no_configured_key_refuses_writes(pool: asyncpg.Pool, seed_text: str) -> None:
    async with api_client(pool, factdesk_api_keys=SecretStr("")) as client:
        response = await client.post(URL, json={"text": seed_text}, headers=AUTH)
    problem = _problem(response, 401, "writes_disabled")
    assert "FACTDESK_API_KEYS" in problem["detail"]
    await _nothing_written(pool)


async def test_anonymous_writes_only_while_no_key_is_configured(
    pool: asyncpg.Pool, seed_text: str
) -> None:
    async with api_client(pool, factdesk_allow_anonymous_writes=True) as client:
        refused = await client.post(URL, json={"text": seed_text})
    _problem(refused, 401, "unauthorized")
    await _nothing_written(pool)
    async with api_client(
        pool, factdesk_api_keys=SecretStr(""), factdesk_allow_anonymous_writes=True
    ) as client:
        accepted = await client.post(URL, json={"text": seed_text})
    assert accepted.status_code == 201


JSON = {"Content-Type": "application/json"}
PLAIN = {"Content-Type": "text/plain"}
STORY = "Almaty police detained 500 people on Sunday, the interior ministry said."


def _json(value: object) -> bytes:
    return orjson.dumps(value)


HOSTILE = [
    pytest.param(_json({"text": ""}), JSON, 422, "empty_article", "text", id="empty-json"),
    pytest.param(_json({"text": " \n\t\n "}), JSON, 422, "empty_article", "text", id="blank"),
    pytest.param(b"", PLAIN, 422, "empty_article", "text", id="empty-plain"),
    pytest.param(b"  \r\n\r\n  ", PLAIN, 422, "empty_article", "text", id="blank-plain"),
    pytest.param(
        _json({"text": STORY + "\u0000"}), JSON, 422, "invalid_article", "text", id="nul-json"
    ),
    pytest.param(STORY.encode() + b"\x00", PLAIN, 422, "invalid_article", "text", id="nul"),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8",
        PLAIN,
        422,
        "invalid_encoding",
        "text",
        id="png",
    ),
    pytest.param(
        "Almaty".encode("latin-1") + b" caf\xe9 " + STORY.encode(),
        PLAIN,
        422,
        "invalid_encoding",
        "text",
        id="latin-1",
    ),
    pytest.param(b'{"text": "\xff\xfe"}', JSON, 422, "invalid_encoding", "text", id="json-bytes"),
    pytest.param(
        bytes(range(1, 32)) * 20 + STORY.encode(),
        PLAIN,
        422,
        "invalid_article",
        "text",
        id="control-chars",
    ),
    pytest.param(b'{"text": "unfinished', JSON, 400, "malformed_json", None, id="truncated"),
    pytest.param(b"text=hello", JSON, 400, "malformed_json", None, id="not-json"),
    pytest.param(b"", JSON, 400, "malformed_json", None, id="empty-json-body"),
    pytest.param(_json([STORY]), JSON, 422, "invalid_field", None, id="array"),
    pytest.param(_json({}), JSON, 422, "invalid_field", "text", id="missing-text"),
    pytest.param(_json({"text": 42}), JSON, 422, "invalid_field", "text", id="text-number"),
    pytest.param(_json({"text": None}), JSON, 422, "invalid_field", "text", id="text-null"),
    pytest.param(
        _json({"text": STORY, "outlet": 7}), JSON, 422, "invalid_field", "outlet", id="outlet"
    ),
    pytest.param(
        _json({"text": STORY, "headline": ["a"]}),
        JSON,
        422,
        "invalid_field",
        "headline",
        id="headline",
    ),
    pytest.param(
        _json({"text": STORY, "publishedAt": "last Tuesday"}),
        JSON,
        422,
        "invalid_field",
        "publishedAt",
        id="date-words",
    ),
    pytest.param(
        _json({"text": STORY, "publishedAt": "2019-13-45"}),
        JSON,
        422,
        "invalid_field",
        "publishedAt",
        id="date-impossible",
    ),
    pytest.param(
        _json({"text": STORY, "publishedAt": 1560160800}),
        JSON,
        422,
        "invalid_field",
        "publishedAt",
        id="date-number",
    ),
    pytest.param(
        _json({"text": STORY, "published_at": "2019-06-10"}),
        JSON,
        422,
        "invalid_field",
        "published_at",
        id="unknown-field",
    ),
    pytest.param(
        STORY.encode(),
        {"Content-Type": "application/xml"},
        415,
        "unsupported_media_type",
        None,
        id="xml",
    ),
    pytest.param(STORY.encode(), {}, 415, "unsupported_media_type", None, id="no-type"),
    pytest.param(
        STORY.encode(),
        {"Content-Type": "multipart/form-data; boundary=x"},
        415,
        "unsupported_media_type",
        None,
        id="form",
    ),
    pytest.param(
        STORY.encode(),
        {"Content-Type": "application/octet-stream"},
        415,
        "unsupported_media_type",
        None,
        id="octets",
    ),
    pytest.param(
        STORY.encode(),
        {"Content-Type": "text/plain; charset=latin-1"},
        415,
        "unsupported_media_type",
        None,
        id="charset",
    ),
]


@pytest.mark.parametrize(("body", "headers", "status", "code", "field"), HOSTILE)
async def test_hostile_input_is_a_clear_4xx_and_writes_nothing(
    api: httpx.AsyncClient,
    pool: asyncpg.Pool,
    body: bytes,
    headers: dict[str, str],
    status: int,
    code: str,
    field: str | None,
) -> None:
    response = await api.post(URL, content=body, headers={**AUTH, **headers})
    problem = _problem(response, status, code)
    assert problem.get("field") == field
    await _nothing_written(pool)


async def test_bytes_that_are_not_utf8_are_refused_in_the_words_of_every_door(
    api: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    latin = "Caf\u00e9 owners said 3 people were hurt.".encode("latin-1")
    response = await api.post(URL, content=latin, headers={**AUTH, **PLAIN})
    assert _problem(response, 422, "invalid_encoding")["detail"] == NOT_UTF8_AT_3
    await _nothing_written(pool)


async def test_unparseable_date_in_query_is_422(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    response = await api.post(
        URL, params={"publishedAt": "soon"}, content=STORY.encode(), headers={**AUTH, **PLAIN}
    )
    assert _problem(response, 422, "invalid_field")["field"] == "publishedAt"
    await _nothing_written(pool)


LIMIT = 4096


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(data), 1000):
        yield data[start : start + 1000]


async def test_body_over_the_cap_is_413_whatever_the_header_says(
    pool: asyncpg.Pool, seed_text: str
) -> None:
    big = (seed_text * 10).encode()
    assert len(big) > LIMIT
    async with api_client(pool, factdesk_max_article_bytes=LIMIT) as client:
        honest = await client.post(URL, content=big, headers={**AUTH, **PLAIN})
        _problem(honest, 413, "article_too_large")
        # No Content-Length at all: chunked transfer, counted as it arrives.
        streamed = await client.post(URL, content=_chunks(big), headers={**AUTH, **PLAIN})
        assert "content-length" not in streamed.request.headers
        _problem(streamed, 413, "article_too_large")
        # A Content-Length that lies about the size buys nothing either.
        lying = await client.post(
            URL, content=big, headers={**AUTH, **PLAIN, "Content-Length": "100"}
        )
        assert lying.request.headers["content-length"] == "100"
        _problem(lying, 413, "article_too_large")
        as_json = await client.post(URL, json={"text": big.decode()}, headers=AUTH)
        _problem(as_json, 413, "article_too_large")
    await _nothing_written(pool)
    # At the cap exactly, copy is accepted.
    text = seed_text.encode()[:LIMIT].decode("utf-8", "ignore")
    async with api_client(pool, factdesk_max_article_bytes=len(text.encode())) as client:
        fits = await client.post(URL, content=text.encode(), headers={**AUTH, **PLAIN})
    assert fits.status_code == 201, fits.text


HTML = """<!DOCTYPE html><html><head><title>Site name</title>
<style>p { color: red; }</style><script>var tracking = "do not keep";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Kazakh police detain protesters in Almaty</h1>
<p>ALMATY, Kazakhstan &mdash; Police in Almaty detained <b>500 people</b> on Sunday,
the interior ministry said.</p>
<p>&ldquo;We will not allow unsanctioned rallies,&rdquo; the ministry said in a statement.</p>
<script>alert("nor this")</script>
</body></html>"""


async def test_html_is_cleaned_to_text(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    response = await api.post(
        URL, content=HTML.encode(), headers={**AUTH, "Content-Type": "text/html"}
    )
    assert response.status_code == 201, response.text
    assert response.headers["factdesk-converted-from"] == "text/html"
    article = response.json()
    body = article["body"]
    assert "Police in Almaty detained 500 people on Sunday, the interior ministry said." in body
    assert "\u201cWe will not allow unsanctioned rallies,\u201d" in body
    for markup in ("<", "tracking", "nor this", "color: red", "&mdash;"):
        assert markup not in body
    assert article["headline"] == "Kazakh police detain protesters in Almaty"
    # The same markup sent as JSON text or text/plain is recognised and cleaned alike.
    again = await api.post(URL, json={"text": HTML}, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["id"] == article["id"]
    assert (await row_counts(pool))["articles"] == 1


async def test_prose_with_angle_brackets_is_not_html(api: httpx.AsyncClient) -> None:
    text = "Turnout was < 60 percent in Almaty and > 70 percent elsewhere, officials said.\n"
    response = await api.post(URL, json={"text": text}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert "factdesk-converted-from" not in response.headers
    assert "< 60 percent" in response.json()["body"]


async def test_non_english_copy_is_accepted(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    text = (
        "Алматыда наразылық акциясы өтті\n\n"
        "Полиция жексенбі күні Алматыда жүздеген адамды ұстады, деп хабарлады ішкі істер "
        "министрлігі.\n\n"
        "Оппозиция сайлау нәтижелерін мойындамайтынын мәлімдеді.\n"
    )
    response = await api.post(URL, json={"text": text, "outlet": "Azattyq"}, headers=AUTH)
    assert response.status_code == 201, response.text
    article = response.json()
    assert "Полиция жексенбі күні" in article["body"]
    counts = await row_counts(pool)
    assert counts["articles"] == 1
    figures = await api.get("/api/v1/figures", params={"article": article["id"]})
    assert figures.status_code == 200
    assert figures.json()["totalCount"] <= 1


NEPAL = (
    (
        "Reuters",
        "Nepal quake kills at least 120\n\nA powerful earthquake struck western Nepal late on "
        "Saturday, killing at least 120 people and injuring more than 400, officials said on "
        "Sunday. The magnitude 6.4 quake hit Jajarkot district, about 500 km west of "
        "Kathmandu.\n",
    ),
    (
        "AP",
        "Nepal quake toll rises to 157\n\nThe death toll from a 6.4-magnitude earthquake in "
        "western Nepal rose to 157 on Sunday, with 375 people injured, according to police. "
        "Rescuers were searching for survivors in Jajarkot district. The US Geological Survey "
        "put the quake's magnitude at 5.7.\n",
    ),
)


async def test_two_outlets_on_one_quake_meet_in_three_facts(api: httpx.AsyncClient) -> None:
    """Issue 15's sample: deaths 120 vs 157, injured 400 vs 375, magnitude 6.4 vs 5.7
    (the last on the US Geological Survey's word), each value with its outlet and span."""
    for outlet, text in NEPAL:
        created = await api.post(URL, json={"text": text, "outlet": outlet}, headers=AUTH)
        assert created.status_code == 201, created.text
    page = (await api.get("/api/v1/facts", params={"subject": "Nepal", "first": 100})).json()
    facts = {fact["property"]: fact for fact in page["items"]}
    expected = {"deaths": {120.0, 157.0}, "injured": {400.0, 375.0}, "magnitude": {6.4, 5.7}}
    for prop, values in expected.items():
        fact = facts[prop]
        assert {v["value"] for v in fact["values"]} == values, prop
        # "at least 120" then 157 is a toll that grew; "more than 400" vs 375 is not.
        assert fact["disputed"] is (prop != "deaths"), prop
        outlets = {s["outlet"]["name"] for v in fact["values"] for s in v["sources"]}
        assert outlets == {"Reuters", "AP"}, prop
    usgs = next(v for v in facts["magnitude"]["values"] if v["value"] == 5.7)["sources"][0]
    assert usgs["attributedTo"]["name"] == "US Geological Survey"
    assert (facts["magnitude"]["unit"], facts["deaths"]["unit"]) == ("magnitude", "people")
    # Reuters' magnitude sentence names no source; the officials spoke of the toll.
    (reuters,) = [
        s
        for v in facts["magnitude"]["values"]
        for s in v["sources"]
        if s["outlet"]["name"] == "Reuters"
    ]
    assert (reuters["attributedTo"], reuters["attributedToText"]) == (None, None)
