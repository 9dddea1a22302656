"""GraphiQL's page: everything it loads is served here, under a strict policy."""

from __future__ import annotations

import re

import httpx


async def test_graphiql_loads_only_from_this_server(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert "connect-src 'self';" in policy
    html = response.text
    assert "unpkg.com" not in html
    assert "<script>" not in html  # no inline script: the policy would refuse it
    assert "<style" not in html
    assets = re.findall(r'<(?:script|link) [^>]*(?:src|href)="([^"]+)"', html)
    assert len(assets) == 9
    for asset in assets:
        assert asset.startswith("/desk/static/")
        served = await seeded_client.get(asset)
        assert served.status_code == 200, asset
        assert served.content


async def test_a_query_link_opens_graphiql_rather_than_running(
    seeded_client: httpx.AsyncClient,
) -> None:
    response = await seeded_client.get(
        "/graphql", params={"q": "{ outlets { name } }"}, headers={"Accept": "text/html"}
    )
    assert response.status_code == 200
    assert "graphiql-start.js" in response.text
