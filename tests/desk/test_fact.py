"""`/facts/{id}`: the values on a number line, conflicts marked, first and last reported."""

from __future__ import annotations

import re

import httpx

from tests.desk.pages import hrefs, page, texts_of


async def _vote_share(client: httpx.AsyncClient) -> str:
    html = await page(client, "/search", q="Tokayev share of the vote")
    return next(h for h in hrefs(html, "/facts/"))


async def test_values_conflicts_and_statuses(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, await _vote_share(seeded_client))
    assert texts_of(html, "printed") == [
        "more than 70 percent",
        "70.76 percent",
        "70.96 percent",
        "nearly 71 percent",
        "70.8 per cent",
    ]
    assert texts_of(html, "conflicts") == [
        "conflicts with value 3",
        "conflicts with value 2, value 5",
        "conflicts with value 3",
    ]
    assert "preliminary" in texts_of(html, "status-preliminary")
    assert texts_of(html, "status-final") == ["final", "final"]
    assert texts_of(html, "status-result") == ["result", "result"]


async def test_the_number_line(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, await _vote_share(seeded_client))
    bars = re.findall(r'<g class="bar (conflict|agrees)" id="bar-(\d)">', html)
    assert bars == [
        ("agrees", "1"),
        ("conflict", "2"),
        ("conflict", "3"),
        ("agrees", "4"),
        ("conflict", "5"),
    ]
    assert html.count('class="open"') == 1  # "more than 70" runs on to the right
    assert '<rect class="agreed"' not in html  # no value fits every report


async def test_first_and_last_reported(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, await _vote_share(seeded_client))
    assert '<time class="first" datetime="2019-06-10T06:00:00+00:00">' in html
    assert '<time class="last" datetime="2019-06-11T06:00:00+00:00">' in html
    firsts = texts_of(html, "first-reported")
    assert firsts[2] == "First reported 2019-06-11 06:00 UTC; 1 source."


async def test_an_agreed_fact_shades_what_every_report_allows(
    seeded_client: httpx.AsyncClient,
) -> None:
    html = await page(seeded_client, "/search", q="Tokayev age")
    fact = next(h for h in hrefs(html, "/facts/"))
    html = await page(seeded_client, fact)
    assert '<rect class="agreed"' in html
    assert 'class="bar conflict"' not in html
