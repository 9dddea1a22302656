"""Every page has a stable address, a JSON twin and the same query in GraphiQL: each
page's twin answers JSON and its GraphiQL link's query runs and answers about the page's
subject (as of the page's time, for a fact as known then)."""

from __future__ import annotations

import re
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from tests.desk.pages import hrefs, page, texts_of


def _link(html: str, css_class: str) -> str:
    [href] = [unescape(h) for h in re.findall(rf'<a class="{css_class}" href="([^"]+)"', html)]
    return href


async def _twins(client: httpx.AsyncClient, path: str) -> tuple[str, Any, dict[str, Any]]:
    """The page at `path`, its JSON twin's answer, and its GraphiQL query's data."""
    path, _, query = path.partition("?")
    html = await page(client, path, **{k: v for k, [v] in parse_qs(query).items()})
    twin = await client.get(_link(html, "json-twin"))
    assert twin.status_code == 200, (path, twin.text)
    assert twin.headers["content-type"].startswith("application/json"), path
    graphiql = urlsplit(_link(html, "graphiql-link"))
    assert graphiql.path == "/graphql"
    [query] = parse_qs(graphiql.query)["q"]
    answer = (await client.post("/graphql", json={"query": query})).json()
    assert "errors" not in answer, (path, answer)
    data: dict[str, Any] = answer["data"]
    assert all(v for v in data.values()), (path, data)
    return html, twin.json(), data


async def test_each_page_has_a_json_twin_and_its_query(seeded_client: httpx.AsyncClient) -> None:
    home, _, _ = await _twins(seeded_client, "/")
    search, found, _ = await _twins(seeded_client, "/search?q=Toqaev")
    assert found["items"][0]["name"] == "Kassym-Jomart Tokayev"
    entity_path = hrefs(search, "/entities/")[0]
    entity, twin, data = await _twins(seeded_client, entity_path)
    assert twin["id"] == entity_path.removeprefix("/entities/")
    assert data["entity"]["name"] == twin["name"] == "Kassym-Jomart Tokayev"
    fact_path = next(h for h in hrefs(entity, "/facts/") if "/values/" not in h)
    _, twin, data = await _twins(seeded_client, fact_path)
    assert twin["id"] == fact_path.removeprefix("/facts/")
    assert data["fact"]["label"] == twin["label"]
    value_path = f"{fact_path}/values/{twin['values'][0]['figureIds'][0]}"
    _, twin, data = await _twins(seeded_client, value_path)
    assert data["fact"]["label"] == twin["label"]
    article_path = hrefs(home, "/articles/")[0]
    article, twin, data = await _twins(seeded_client, article_path)
    assert data["article"]["headline"] == twin["headline"]
    assert twin["headline"] in article


async def test_a_past_pages_query_asks_as_of_its_time(seeded_client: httpx.AsyncClient) -> None:
    """The vote share as known on the evening of 10 June: fewer values than now, and the
    twin and the GraphiQL query know the same ones."""
    search = await page(seeded_client, "/search", q="Tokayev share of the vote")
    fact_path = hrefs(search, "/facts/")[0]
    html, twin, data = await _twins(seeded_client, fact_path + "?as_of=2019-06-10T18:00:00Z")
    printed = texts_of(html, "printed")
    assert 0 < len(printed) < 5
    assert [v["text"] for v in twin["values"]] == printed
    assert [v["text"] for v in data["fact"]["values"]] == printed
