"""`/search`: any spelling, best match first, as GraphQL's search."""

from __future__ import annotations

import httpx

from service.ids import decode_id
from tests.desk.pages import hrefs, page, texts_of


async def test_a_transliteration_finds_the_entity_first(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, "/search", q="Toqaev")
    hits = texts_of(html, "hit")
    assert hits[0].startswith("Entity Kassym-Jomart Tokayev")
    entity = hrefs(html, "/entities/")[0]
    assert decode_id(entity.removeprefix("/entities/"))[0] == "Entity"
    assert "/api/v1/entities?search=Toqaev" in html


async def test_search_finds_facts_by_label(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, "/search", q="share of the vote")
    assert any(h.startswith("Fact ") and "share of the vote" in h for h in texts_of(html, "hit"))


async def test_a_blank_search_goes_home(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.get("/search", params={"q": "  "})
    assert response.status_code == 303
    assert response.headers["location"] == "/"


async def test_a_search_too_long_is_a_400_page(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.get("/search", params={"q": "x" * 501})
    assert response.status_code == 400
    assert "at most 500 characters" in response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"


async def test_search_finds_articles_by_their_words(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, "/search", q="police arrest protesters")
    article = "Article Kazakh police arrest protesters in Almaty over disputed election results"
    assert any(h.startswith(article) for h in texts_of(html, "hit"))
    assert hrefs(html, "/articles/")
