"""`/entities/{id}`: names and why they were merged, facts, every value with its sources."""

from __future__ import annotations

import httpx

from tests.desk.pages import hrefs, page, texts_of


async def _tokayev(client: httpx.AsyncClient) -> str:
    html = await page(client, "/search", q="Toqaev")
    return hrefs(html, "/entities/")[0]


async def test_names_and_why_they_are_one(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, await _tokayev(seeded_client))
    assert texts_of(html, "aliases") == [
        "Kassym-Jomart Tokayev (canonical) Qasym-Zhomart Toqaev Toqaev Tokayev"
    ]
    reasons = texts_of(html, "resolutions")[0]
    assert "Kassym-Jomart Tokayev merged same name up to transliteration" in reasons


async def test_each_value_with_every_source(seeded_client: httpx.AsyncClient) -> None:
    path = await _tokayev(seeded_client)
    html = await page(seeded_client, path)
    facts = texts_of(html, "fact")
    vote = next(f for f in facts if "share of the vote" in f)
    for printed in ("more than 70 percent", "70.76 percent", "70.96 percent", "nearly 71 percent"):
        assert printed in vote
    assert "The CEC said on June 11 that Toqaev took 70.96 percent of the ballots" in vote
    assert "according to Central Election Commission" in vote
    assert "70.96 percent" in texts_of(html, "figure")
    assert hrefs(html, "/api/v1" + path) == ["/api/v1" + path] * 2  # head link and footer


async def test_an_unknown_entity_is_a_404_page(seeded_client: httpx.AsyncClient) -> None:
    for missing in ("/entities/RW50aXR5Ojk5OTk5", "/entities/not-an-id"):
        response = await seeded_client.get(missing)
        assert response.status_code == 404
        assert "<h1>Not found</h1>" in response.text
