"""The lines intake left out of the story, served beside it as the desk shows them:
REST's `removedLines`, GraphQL's `Article.removedLines` (executor and one-statement paths),
under `fact(asOf:)` the lines of the copy as it stood then, and each publication's own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from service.db.versions import bump_data_version
from tests.rest.conftest import AUTH, post_republished
from tests.rest.schemas import assert_matches

CMS = Path(__file__).parent.parent / "ingest" / "fixtures" / "cms"
COPY = (
    "Skip to main content\n\nQuake toll rises\n\n"
    "An earthquake in Almaty killed 12 people, police said.\n\n"
    "Related stories\n\nAnother quake <in> Nepal\n"
)
REMOVED = ["Skip to main content", "Related stories", "Another quake <in> Nepal"]
CORRECTED = (
    "Quake toll rises\n\nAn earthquake in Almaty killed 16 people, police said.\n\nMost read\n"
)
BY_ID = """query($id: ID!) { article(id: $id) { removedLines } }"""
PAGE = """{ articles(first: 5) { edges { node { id removedLines } } } }"""
AS_OF = """query($id: ID!, $at: DateTime) { fact(id: $id, asOf: $at) {
    reports(first: 5) { citation { article { removedLines } } } } }"""


PUBLICATIONS_BY_ID = """query($id: ID!) { article(id: $id) {
    publications(first: 5) { outlet { name } removedLines } } }"""
PUBLICATIONS_PAGE = """{ articles(first: 5) { edges { node {
    publications(first: 5) { outlet { name } removedLines } } } } }"""


async def _graphql(api: httpx.AsyncClient, query: str, **variables: object) -> dict[str, object]:
    answer = (await api.post("/graphql", json={"query": query, "variables": variables})).json()
    assert "errors" not in answer, answer
    data: dict[str, object] = answer["data"]
    return data


async def test_rest_and_graphql_serve_the_removed_lines(
    api: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    posted = await api.post("/api/v1/articles", json={"text": COPY, "outlet": "Wire"}, headers=AUTH)
    assert posted.status_code == 201, posted.text
    assert posted.json()["removedLines"] == REMOVED
    article_id = posted.json()["id"]
    read = (await api.get(f"/api/v1/articles/{article_id}")).json()
    assert_matches(read, "Article")
    assert read["removedLines"] == REMOVED
    assert "Related stories" not in read["body"]
    listed = (await api.get("/api/v1/articles")).json()["items"]
    assert [a["removedLines"] for a in listed] == [REMOVED]

    assert await _graphql(api, BY_ID, id=article_id) == {"article": {"removedLines": REMOVED}}
    assert await _graphql(api, PAGE) == {
        "articles": {"edges": [{"node": {"id": article_id, "removedLines": REMOVED}}]}
    }

    # A correction keeps the lines of each copy with it.
    corrected = await api.put(
        f"/api/v1/articles/{article_id}", json={"text": CORRECTED}, headers=AUTH
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["removedLines"] == ["Most read"]
    fact_id = (await api.get("/api/v1/facts", params={"property": "deaths"})).json()["items"][0][
        "id"
    ]
    async with pool.acquire() as conn:
        correction: dt.datetime = await conn.fetchval("SELECT replaced_at FROM article_versions")
    before = correction - dt.timedelta(microseconds=1)
    then = await _graphql(api, AS_OF, id=fact_id, at=before.isoformat())
    assert then == {"fact": {"reports": [{"citation": {"article": {"removedLines": REMOVED}}}]}}


async def test_a_pages_chrome_is_among_its_removed_lines(api: httpx.AsyncClient) -> None:
    """An HTML page posted as such: what trafilatura left out is stored and served."""
    page = (CMS / "harbour-fire.html").read_text(encoding="utf-8")
    posted = await api.post(
        "/api/v1/articles",
        content=page.encode(),
        headers={**AUTH, "Content-Type": "text/html; charset=utf-8"},
    )
    assert posted.status_code == 201, posted.text
    removed = posted.json()["removedLines"]
    for chrome in ("The Coastal Ledger", "Politics", "Related stories", "Privacy policy"):
        assert chrome in removed
    assert "Politics" not in posted.json()["body"]


async def test_each_publication_serves_the_lines_removed_from_its_own_page(
    api: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    article_id = await post_republished(api)

    def lines(publications: list[dict[str, Any]]) -> dict[str, list[str] | None]:
        return {p["outlet"]["name"]: p["removedLines"] for p in publications}

    read = (await api.get(f"/api/v1/articles/{article_id}")).json()
    assert_matches(read, "Article")
    rest = lines(read["publications"])
    assert list(rest) == ["Daily", "Wire"]
    daily, wire = rest["Daily"], rest["Wire"]
    assert daily is not None
    assert wire is not None
    assert "Daily home" in daily
    assert "Daily most read" in daily
    assert "Wire front page" in wire
    assert "Wire newsletter" in wire
    assert not any("Daily" in line for line in wire)

    by_id = await _graphql(api, PUBLICATIONS_BY_ID, id=article_id)
    assert lines(by_id["article"]["publications"]) == rest  # type: ignore[index]
    page = await _graphql(api, PUBLICATIONS_PAGE)
    node = page["articles"]["edges"][0]["node"]  # type: ignore[index]
    assert lines(node["publications"]) == rest

    # Publications stored before they kept their lines: null, not recorded; nothing made up.
    async with pool.acquire() as conn:
        await conn.execute("UPDATE publications SET removed = NULL")
        await bump_data_version(conn)  # as a write does: cached answers of before go stale
    read = (await api.get(f"/api/v1/articles/{article_id}")).json()
    assert_matches(read, "Article")
    assert lines(read["publications"]) == {"Daily": None, "Wire": None}
    by_id = await _graphql(api, PUBLICATIONS_BY_ID, id=article_id)
    assert lines(by_id["article"]["publications"]) == {"Daily": None, "Wire": None}  # type: ignore[index]
    page = await _graphql(api, PUBLICATIONS_PAGE)
    node = page["articles"]["edges"][0]["node"]  # type: ignore[index]
    assert lines(node["publications"]) == {"Daily": None, "Wire": None}
