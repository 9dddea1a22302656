"""The seed articles served over GraphQL, end to end through the ASGI app."""

from __future__ import annotations

from typing import Any

import httpx

from service.config import REPO_ROOT
from service.ingest.seeds import read_manifest_entries

ARTICLES = """
{ articles(first: 10) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id slug headline outlet { name } originalSource { name } body
                        captions bylines dateline contentHash publishedAt } } } }
"""


async def gql(client: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    payload = response.json()
    assert "errors" not in payload, payload["errors"]
    data: dict[str, Any] = payload["data"]
    return data


def _manifest() -> dict[str, Any]:
    return read_manifest_entries(REPO_ROOT / "seeds" / "manifest.yaml")


async def test_five_seed_articles_with_their_outlets(seeded_client: httpx.AsyncClient) -> None:
    data = await gql(seeded_client, ARTICLES)
    connection = data["articles"]
    assert connection["totalCount"] == 5
    assert connection["pageInfo"]["hasNextPage"] is False
    expected = {(e.get("outlet"), e.get("original_source")) for e in _manifest().values()}
    served = {
        (edge["node"]["outlet"]["name"], (edge["node"]["originalSource"] or {}).get("name"))
        for edge in connection["edges"]
    }
    assert served == expected
    for edge in connection["edges"]:
        node = edge["node"]
        assert node["body"].strip()
        assert node["headline"].strip()
        assert len(node["contentHash"]) == 64


async def test_bodies_are_clean(seeded_client: httpx.AsyncClient) -> None:
    data = await gql(seeded_client, ARTICLES)
    boilerplate = [
        "Accessibility links",
        "16x9 Image",
        "Leave a Reply",
        "Original source",
        "Copyright",
        "More Information",
        "Akismet",
        "More details",
        "Picture credit",
        "Get a daily dose",
        "SOURCE: Al Jazeera",
    ]
    for edge in data["articles"]["edges"]:
        body = edge["node"]["body"]
        for line in boilerplate:
            assert line not in body, (edge["node"]["headline"], line)


async def test_pagination_walks_every_article_once(seeded_client: httpx.AsyncClient) -> None:
    seen: list[str] = []
    after = None
    query = """query($after: String) { articles(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }"""
    while True:
        page = (await gql(seeded_client, query, after=after))["articles"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 5


async def test_node_refetch_and_slug(seeded_client: httpx.AsyncClient) -> None:
    first = (await gql(seeded_client, ARTICLES))["articles"]["edges"][0]["node"]
    query = """query($id: ID!, $slug: String) {
        node(id: $id) { id ... on Article { headline } }
        nodes(ids: [$id]) { id }
        article(slug: $slug) { id } }"""
    data = await gql(seeded_client, query, id=first["id"], slug=first["slug"])
    assert data["node"] == {"id": first["id"], "headline": first["headline"]}
    assert data["nodes"] == [{"id": first["id"]}]
    assert data["article"] == {"id": first["id"]}


async def test_outlet_filter(seeded_client: httpx.AsyncClient) -> None:
    query = """query($outlet: String) { articles(filter: {outlet: $outlet}) {
        totalCount edges { node { outlet { name } } } } }"""
    data = await gql(seeded_client, query, outlet="al jazeera")
    assert data["articles"]["totalCount"] == 1
    assert data["articles"]["edges"][0]["node"]["outlet"]["name"] == "Al Jazeera"


async def test_invalid_id_is_a_clear_error(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post(
        "/graphql", json={"query": '{ node(id: "nonsense") { id } }'}
    )
    errors = response.json()["errors"]
    assert "not a Factdesk id" in errors[0]["message"]


FIGURE_SPANS = """
{ articles(first: 10) { edges { node { body standfirst captions
    figures { text citation { excerpt span { start end part caption } } } } } } }
"""
FACT_SPANS = """
{ entity(name: "Kazakhstan") { facts { values(first: 3) { text sources(first: 3) {
    excerpt span { start end part caption } article { body standfirst captions } } } } } }
"""


def _part_text(article: dict[str, Any], span: dict[str, Any]) -> str:
    if span["part"] == "STANDFIRST":
        text: str = article["standfirst"]
        return text
    if span["part"] == "CAPTION":
        caption: str = article["captions"][span["caption"]]
        return caption
    assert span["caption"] is None
    body: str = article["body"]
    return body


async def test_every_figure_span_slices_the_text_its_part_names(
    seeded_client: httpx.AsyncClient,
) -> None:
    """Seed 002 prints "At least 700 people have been arrested since Sunday" only in a
    caption: it is a figure cited to that caption, and every span, wherever it counts,
    cuts exactly the figure's text (through the resolvers and the fact's SQL tree)."""
    data = await gql(seeded_client, FIGURE_SPANS)
    parts = set()
    for edge in data["articles"]["edges"]:
        article = edge["node"]
        for figure in article["figures"]:
            span = figure["citation"]["span"]
            parts.add(span["part"])
            text = _part_text(article, span)
            assert text[span["start"] : span["end"]] == figure["text"]
            assert figure["text"] in figure["citation"]["excerpt"]
            assert figure["citation"]["excerpt"] in text
    assert "CAPTION" in parts
    facts = (await gql(seeded_client, FACT_SPANS))["entity"]["facts"]
    cited = [(v, s) for f in facts for v in f["values"] for s in v["sources"]]
    assert any(s["span"]["part"] == "CAPTION" for _, s in cited)
    for _, source in cited:
        text = _part_text(source["article"], source["span"])
        printed = text[source["span"]["start"] : source["span"]["end"]]
        assert printed
        assert printed in source["excerpt"]
        assert source["excerpt"] in text
