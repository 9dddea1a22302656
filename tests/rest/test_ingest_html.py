"""A CMS page through every door: REST and the GraphQL mutation make the same article."""

from __future__ import annotations

import asyncpg
import httpx

from tests.ingest.parse.test_html_story import HARBOUR, PAGES
from tests.rest.conftest import AUTH, row_counts

INGEST = """mutation($input: IngestArticleInput!) {
  ingestArticle(input: $input) { created article { id } errors { code } }
}"""


async def test_a_cms_page_is_one_article_whichever_door_it_comes_through(
    api: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    page = (PAGES / HARBOUR.file).read_text(encoding="utf-8")
    created = await api.post(
        "/api/v1/articles",
        content=page.encode(),
        headers={**AUTH, "Content-Type": "text/html"},
    )
    assert created.status_code == 201, created.text
    assert created.headers["factdesk-converted-from"] == "text/html"
    article = created.json()
    assert article["headline"] == HARBOUR.headline
    assert article["bylines"] == list(HARBOUR.bylines)
    assert article["captions"] == list(HARBOUR.captions)
    assert article["publishedAt"].startswith("2026-11-17T09:30:00")
    assert article["body"].split("\n\n") == list(HARBOUR.paragraphs)

    # The same page as JSON text, and through the GraphQL mutation: the same article.
    as_json = await api.post("/api/v1/articles", json={"text": page}, headers=AUTH)
    assert as_json.status_code == 200, as_json.text
    assert as_json.json()["id"] == article["id"]
    mutation = await api.post(
        "/graphql", json={"query": INGEST, "variables": {"input": {"text": page}}}, headers=AUTH
    )
    result = mutation.json()["data"]["ingestArticle"]
    assert result == {"created": False, "article": {"id": article["id"]}, "errors": []}
    assert (await row_counts(pool))["articles"] == 1


async def test_the_caption_figure_is_read_from_the_caption(api: httpx.AsyncClient) -> None:
    page = (PAGES / HARBOUR.file).read_text(encoding="utf-8")
    created = await api.post(
        "/api/v1/articles", content=page.encode(), headers={**AUTH, "Content-Type": "text/html"}
    )
    assert created.status_code == 201, created.text
    figures = await api.get("/api/v1/figures", params={"article": created.json()["id"]})
    assert figures.status_code == 200, figures.text
    parts = {(f["text"], f["citation"]["span"]["part"]) for f in figures.json()["items"]}
    assert ("40", "CAPTION") in parts, parts
