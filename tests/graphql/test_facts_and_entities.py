"""Entities, quotes, figures and facts over GraphQL, on the seeds."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.graphql.test_articles import gql

TOKAYEV_FACTS = """query($name: String) { entity(name: $name) { id name aliases kind
    facts(first: 10) { id label property disputed values(first: 5) { value text approximation
        sources(first: 5) { outlet { name } excerpt span { start end } attributedTo { name }
                  attributedToText article { body } } } } } }"""


async def test_tokayev_vote_share_has_five_sourced_values(seeded_client: httpx.AsyncClient) -> None:
    entity = (await gql(seeded_client, TOKAYEV_FACTS, name="Tokayev"))["entity"]
    assert entity["kind"] == "PERSON"
    [vote] = [f for f in entity["facts"] if f["property"] == "vote_share"]
    assert vote["disputed"] is True  # 70.76 and 70.96 cannot both be true
    texts = sorted(v["text"] for v in vote["values"])
    assert texts == sorted(
        ["more than 70 percent", "70.76 percent", "70.96 percent", "nearly 71 percent",
         "70.8 per cent"]
    )  # fmt: skip
    outlets = {s["outlet"]["name"] for v in vote["values"] for s in v["sources"]}
    assert len(outlets) == 4  # 000 gives two values; 003 (Reuters) gives none
    for value in vote["values"]:
        for source in value["sources"]:
            body = source["article"]["body"]
            start, end = source["span"]["start"], source["span"]["end"]
            assert body[start:end] == value["text"]  # the span highlights the value itself
            assert value["text"] in source["excerpt"]
            assert source["attributedTo"] or source["attributedToText"]


@pytest.mark.parametrize(
    "spelling",
    ["Tokayev", "Toqaev", "tokayev", "TOKAYÉV", "Kassym-Jomart Tokayev", "Qasym-Zhomart Toqaev"],
)
async def test_entity_by_any_spelling(seeded_client: httpx.AsyncClient, spelling: str) -> None:
    query = "query($name: String) { entity(name: $name) { id aliases } }"
    reference = (await gql(seeded_client, query, name="Kassym-Jomart Tokayev"))["entity"]
    assert (await gql(seeded_client, query, name=spelling))["entity"]["id"] == reference["id"]


async def test_distinct_people_stay_distinct(seeded_client: httpx.AsyncClient) -> None:
    query = "query($name: String) { entity(name: $name) { id name } }"
    father = (await gql(seeded_client, query, name="Nursultan Nazarbayev"))["entity"]
    daughter = (await gql(seeded_client, query, name="Dariga Nazarbayeva"))["entity"]
    assert father["id"] != daughter["id"]


async def test_entities_search_filter(seeded_client: httpx.AsyncClient) -> None:
    query = """{ entities(filter: {search: "Kosanov", kind: PERSON}) {
        totalCount edges { node { name aliases } } } }"""
    data = (await gql(seeded_client, query))["entities"]
    assert data["totalCount"] >= 1
    names = {data["edges"][0]["node"]["name"], *data["edges"][0]["node"]["aliases"]}
    assert {"Amirzhan Qosanov", "Amirzhan Kosanov"} <= names


async def test_quotes_by_speaker_and_other_reports(seeded_client: httpx.AsyncClient) -> None:
    osce = (await gql(seeded_client, '{ entity(name: "OSCE") { id } }'))["entity"]["id"]
    query = """query($speaker: ID) { quotes(first: 50, filter: {speaker: $speaker}) {
        totalCount edges { node { text isPartial speaker { id } article { id }
            citation { excerpt } otherReports { article { id } text } } } } }"""
    quotes = (await gql(seeded_client, query, speaker=osce))["quotes"]
    assert quotes["totalCount"] >= 3
    assert all(e["node"]["speaker"]["id"] == osce for e in quotes["edges"])
    # RFE/RL's statement appears in 000 and 001: each report links the other.
    linked = [e["node"] for e in quotes["edges"] if e["node"]["otherReports"]]
    assert linked
    for node in linked:
        assert all(o["article"]["id"] != node["article"]["id"] for o in node["otherReports"])


async def test_unnamed_speaker_is_described(seeded_client: httpx.AsyncClient) -> None:
    query = "{ quotes(first: 100) { edges { node { text speaker { name } speakerText } } } }"
    nodes = [e["node"] for e in (await gql(seeded_client, query))["quotes"]["edges"]]
    [young] = [n for n in nodes if n["text"].startswith("I want to change this regime")]
    assert young["speaker"] is None
    assert young["speakerText"] == "an unnamed young woman"


async def test_facts_filter_and_fact_refetch(seeded_client: httpx.AsyncClient) -> None:
    query = """{ facts(first: 100, filter: {disputed: true}) { totalCount
        edges { node { id disputed property reports { id } } } } }"""
    facts = (await gql(seeded_client, query))["facts"]
    assert facts["totalCount"] >= 1
    assert all(e["node"]["disputed"] for e in facts["edges"])
    fact_id = facts["edges"][0]["node"]["id"]
    refetched = await gql(
        seeded_client, "query($id: ID!) { fact(id: $id) { id reports { id } } }", id=fact_id
    )
    assert refetched["fact"]["reports"] == facts["edges"][0]["node"]["reports"]


async def test_figures_filter_by_property(seeded_client: httpx.AsyncClient) -> None:
    query = """{ figures(first: 100, filter: {property: "age"}) { totalCount
        edges { node { value unit text subject { name } } } } }"""
    figures = (await gql(seeded_client, query))["figures"]
    ages = {(e["node"]["subject"]["name"], e["node"]["value"]) for e in figures["edges"]}
    assert ("Kassym-Jomart Tokayev", 66.0) in ages
    assert ("Nursultan Nazarbayev", 78.0) in ages
    assert all(e["node"]["unit"] == "years" for e in figures["edges"])


async def test_search_finds_every_kind(seeded_client: httpx.AsyncClient) -> None:
    query = """{ search(query: "Tokayev", first: 30) { __typename
        ... on Entity { name } ... on Article { headline } ... on Fact { label } } }"""
    hits = (await gql(seeded_client, query))["search"]
    assert hits[0] == {"__typename": "Entity", "name": "Kassym-Jomart Tokayev"}
    assert {"Entity", "Article"} <= {h["__typename"] for h in hits}


async def test_outlets_and_their_articles(seeded_client: httpx.AsyncClient) -> None:
    query = "{ outlets { id name articles(first: 5) { totalCount edges { node { id } } } } }"
    outlets = (await gql(seeded_client, query))["outlets"]
    assert sum(o["articles"]["totalCount"] for o in outlets) == 5
    reuters = next(o for o in outlets if o["name"] == "Reuters")
    assert reuters["articles"]["totalCount"] == 0  # only the original source of 003


async def test_entity_mentions_and_articles_paginate(seeded_client: httpx.AsyncClient) -> None:
    query = """query($after: String) { entity(name: "Tokayev") {
        articles { totalCount }
        mentions(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor }
            edges { node { text span { start end } article { id body } } } } } }"""
    first = (await gql(seeded_client, query))["entity"]
    assert first["articles"]["totalCount"] == 5
    mentions = first["mentions"]
    assert mentions["totalCount"] > 3
    assert mentions["pageInfo"]["hasNextPage"] is True
    for edge in mentions["edges"]:
        node = edge["node"]
        assert node["article"]["body"][node["span"]["start"] : node["span"]["end"]] == node["text"]
    after = mentions["pageInfo"]["endCursor"]
    second = (await gql(seeded_client, query, after=after))["entity"]["mentions"]

    def keys(page: dict[str, Any]) -> set[tuple[str, int]]:
        return {(e["node"]["article"]["id"], e["node"]["span"]["start"]) for e in page["edges"]}

    assert second["edges"]
    assert keys(second).isdisjoint(keys(mentions))


async def test_search_wildcards_are_literal(seeded_client: httpx.AsyncClient) -> None:
    query = '{ entities(filter: {search: "%"}) { totalCount } }'
    assert (await gql(seeded_client, query))["entities"]["totalCount"] == 0
