"""`/`: the search box, the newest articles, the most disputed facts."""

from __future__ import annotations

import httpx

from tests.desk.pages import hrefs, page, texts_of


async def test_home_lists_recent_articles_and_disputed_facts(
    seeded_client: httpx.AsyncClient,
) -> None:
    html = await page(seeded_client, "/")
    assert '<form class="search" action="/search" method="get"' in html
    assert len(hrefs(html, "/articles/")) == 5
    assert "Kazakh police arrest protesters in Almaty over disputed election results" in html
    disputed = texts_of(html, "disputed")
    assert any("Kassym-Jomart Tokayev: share of the vote" in t for t in disputed)
    assert hrefs(html, "/api/v1/articles")
    assert hrefs(html, "/graphql?q=")


async def test_home_with_no_data_says_so(client: httpx.AsyncClient) -> None:
    html = await page(client, "/")
    assert "No article yet." in html
    assert "No fact is disputed." in html
