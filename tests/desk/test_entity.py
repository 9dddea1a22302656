"""`/entities/{id}`: names and why they were merged, facts, every value with its sources."""

from __future__ import annotations

import re

import asyncpg
import httpx
import pytest

from service.desk.entity import SOURCES_PER_FACT
from service.desk.entity import VALUES_PER_FACT as ENTITY_VALUES
from service.ids import encode_id
from service.ingest.facts.ranks import Kind
from service.ingest.judgements import judge_value
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
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


async def test_a_fact_with_many_values_shows_its_most_reported(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    """A much reported entity's fact has a hundred values: its page shows each fact's most
    reported few and links to the fact's page for the rest (and for the conflicts)."""
    told = [*range(10, 20), 12, 12, 19, 19]
    for n, killed in enumerate(told):
        copy = (
            "Quake hits Almaty\n\n"
            f"An earthquake in Almaty killed {killed} people, police said in update {n}.\n"
        )
        await ingest_article(pool, copy, ArticleMeta(f"Outlet {n}"))
    async with pool.acquire() as conn:
        row = await conn.fetchrow("SELECT id, subject_id FROM facts WHERE property = 'deaths'")
    assert row is not None
    fact_id, subject_id = row
    html = await page(client, f"/entities/{encode_id('Entity', subject_id)}")
    printed = texts_of(html, "printed")
    assert len(printed) == ENTITY_VALUES
    assert {"12 people", "19 people"} <= set(printed)
    # Fewer sources per fact (SOURCES_PER_FACT) than values shown: the first of each.
    assert SOURCES_PER_FACT < ENTITY_VALUES
    assert html.count('<li class="source">') == ENTITY_VALUES
    assert texts_of(html, "more-values") == [
        f"The {ENTITY_VALUES} most reported of 10 values; all of them on the fact's page."
    ]
    fact_page = f"/facts/{encode_id('Fact', fact_id)}"
    assert f'href="{fact_page}#value-2"' in html  # value 1 conflicts with value 2 there
    assert 'id="value-' not in html  # the anchors are the fact page's, never repeated here


async def test_a_much_reported_fact_shows_a_budget_of_sources(
    pool: asyncpg.Pool, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each fact shows about SOURCES_PER_FACT sources, at least one per value shown, and
    links to every source of a value it cuts short."""
    for outlet, copy in (
        ("Daily", "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people."),
        ("Weekly", "Almaty mourns\n\nThe earthquake in Almaty killed 12 people."),
        ("Herald", "Almaty count\n\nThe earthquake in Almaty killed 15 people."),
    ):
        await ingest_article(pool, copy, ArticleMeta(outlet))
    async with pool.acquire() as conn:
        place = await conn.fetchval("SELECT subject_id FROM facts WHERE property = 'deaths'")
    path = f"/entities/{encode_id('Entity', place)}"
    assert texts_of(await page(client, path), "outlet") == ["Daily", "Weekly", "Herald"]
    monkeypatch.setattr("service.desk.entity.SOURCES_PER_FACT", 2)
    html = await page(client, path)
    assert texts_of(html, "outlet") == ["Daily", "Herald"]
    assert len(hrefs(html, "/facts/")) > 0
    assert "all 2 sources" in texts_of(html, "first-reported")[0]


async def test_an_entity_with_many_facts_shows_a_page_budget_of_sources(
    pool: asyncpg.Pool, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sources on the page in all are about SOURCES_PER_PAGE, shared among the facts: a
    much reported place's page shows the first source of each value it lists, and links
    to the others."""
    for outlet, copy in (
        ("Daily", "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people and injured 40."),
        ("Weekly", "Almaty mourns\n\nThe quake in Almaty killed 12 people and injured 40 people."),
        ("Herald", "Almaty count\n\nThe quake in Almaty killed 15 people, injuring 40 people."),
    ):
        await ingest_article(pool, copy, ArticleMeta(outlet))
    async with pool.acquire() as conn:
        place = await conn.fetchval("SELECT subject_id FROM facts WHERE property = 'deaths'")
        facts = await conn.fetchval("SELECT count(*) FROM facts WHERE subject_id = $1", place)
    assert facts == 2
    path = f"/entities/{encode_id('Entity', place)}"
    html = await page(client, path)
    assert html.count('<li class="source">') == 6  # every source: 3 of each fact
    monkeypatch.setattr("service.desk.entity.SOURCES_PER_PAGE", 2)
    html = await page(client, path)
    # One source per fact's budget, and never fewer than one per value: 12 and 15 killed,
    # 40 injured.
    assert html.count('<li class="source">') == 3
    assert "all 3 sources" in " ".join(texts_of(html, "first-reported"))


async def test_an_entity_with_many_facts_lists_the_others_a_row_each(
    pool: asyncpg.Pool, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A much reported place is the subject of thousands of facts: the page shows the
    disputed and most reported few in full, and the others a row each (values, reports,
    a link), a page of rows at a time."""
    for outlet, copy in (
        ("Daily", "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people and injured 40."),
        ("Weekly", "Almaty mourns\n\nThe quake in Almaty killed 12 people and injured 40 people."),
        ("Herald", "Almaty count\n\nThe quake in Almaty killed 15 people, injuring 40 people."),
    ):
        await ingest_article(pool, copy, ArticleMeta(outlet))
    async with pool.acquire() as conn:
        place = await conn.fetchval("SELECT subject_id FROM facts WHERE property = 'deaths'")
    path = f"/entities/{encode_id('Entity', place)}"
    whole = await page(client, path)
    assert len(texts_of(whole, "fact")) == 2
    assert texts_of(whole, "other-fact") == []

    monkeypatch.setattr("service.desk.entity.FACTS_IN_FULL", 1)
    html = await page(client, path)
    [shown] = texts_of(html, "fact")
    assert shown.startswith("Almaty: deaths disputed")  # the disputed one in full
    assert texts_of(html, "other-fact") == ["Almaty: people injured agreed 1 3"]
    assert len(hrefs(html, "/facts/")) > 1

    monkeypatch.setattr("service.desk.entity.FACTS_IN_FULL", 0)
    monkeypatch.setattr("service.desk.entity.FACTS_LISTED", 1)
    first = await page(client, path)
    assert texts_of(first, "fact") == []
    assert texts_of(first, "other-fact") == ["Almaty: deaths disputed 2 3"]
    later = re.findall(r'<a class="facts-later" href="([^"]+)"', first)
    assert later == [f"{path}?facts_from=1"]
    second = await page(client, path, facts_from="1")
    assert texts_of(second, "other-fact") == ["Almaty: people injured agreed 1 3"]
    assert re.findall(r'<a class="facts-earlier" href="([^"]+)"', second) == [
        f"{path}?facts_from=0"
    ]
    assert 'class="facts-later"' not in second
    wrong = await client.get(path, params={"facts_from": "-1"})
    assert wrong.status_code == 400
    assert "facts_from must be a whole number" in wrong.text


def _value_heads(html: str) -> dict[str, tuple[str, list[str]]]:
    """Each value block's number: (what it prints, whom it conflicts with)."""
    blocks = {}
    for block in html.split('<section class="value ')[1:]:
        head = block.split("</h4>")[0]
        [number] = texts_of(head, "number")
        [printed] = texts_of(head, "printed")
        blocks[number] = (printed, texts_of(head, "conflicts"))
    return blocks


async def test_values_shown_are_numbered_and_conflict_as_on_the_fact_page(
    pool: asyncpg.Pool, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entity page reads only its most reported values whole (a fact can have
    thousands); each still has the number and the conflicts the fact's page gives it,
    among all the values, a deprecated one left out of them."""
    monkeypatch.setattr("service.desk.values.CONFLICTS_NAMED", 100)
    told = [19, 10, 11, 12, 13, 14, 15, 16, 17, 18, 11, 12, 12, 13, 13, 14, 15, 16, 17, 18]
    for n, killed in enumerate(told):
        copy = f"Quake hits Almaty\n\nAn earthquake in Almaty killed {killed} people, update {n}."
        await ingest_article(pool, copy, ArticleMeta(f"Outlet {n}"))
    async with pool.acquire() as conn:
        fact_id, place = await conn.fetchrow(
            "SELECT id, subject_id FROM facts WHERE property = 'deaths'"
        ) or (0, 0)
        ten = await conn.fetchval("SELECT id FROM figures WHERE value = 10")
    await judge_value(pool, ten, Kind.DEPRECATED, "a typo", editor="ed", by="key")
    entity = await page(client, f"/entities/{encode_id('Entity', place)}")
    fact = await page(client, f"/facts/{encode_id('Fact', fact_id)}")
    shown, every = _value_heads(entity), _value_heads(fact)
    assert len(shown) == ENTITY_VALUES < len(every) == 10
    assert {"1.", "2."}.isdisjoint(shown)  # 19 and 10: one report each
    for number, head in shown.items():
        assert head == every[number], number
    named = [re.findall(r"value (\d+)", c) for _, conflicts in shown.values() for c in conflicts]
    assert any("1" in n for n in named)  # 19, not shown here, conflicts with the others
    assert not any("2" in n for n in named)  # 10 is deprecated: in conflict with nothing
