"""REST lists page backwards as GraphQL connections do: `last` and `before`."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.rest.test_reads import _get


def _ids(page: dict[str, Any]) -> list[str]:
    return [item["id"] for item in page["items"]]


@pytest.mark.parametrize("path", ["articles", "entities", "quotes", "figures", "facts"])
async def test_last_and_before_walk_every_list_backwards(
    seeded_api: httpx.AsyncClient, path: str
) -> None:
    url = f"/api/v1/{path}"
    whole = _ids(await _get(seeded_api, url, first=100))
    assert len(whole) >= 3
    walked: list[str] = []
    params: dict[str, Any] = {"last": 2}
    while True:
        page = await _get(seeded_api, url, **params)
        info = page["pageInfo"]
        assert info["hasNextPage"] is ("before" in params)
        walked = _ids(page) + walked
        if not info["hasPreviousPage"]:
            break
        params = {"last": 2, "before": info["startCursor"]}
    assert walked == whole


async def test_a_backward_page_meets_the_forward_one(seeded_api: httpx.AsyncClient) -> None:
    forward = await _get(seeded_api, "/api/v1/articles", first=2)
    after_it = await _get(seeded_api, "/api/v1/articles", after=forward["pageInfo"]["endCursor"])
    back = await _get(
        seeded_api, "/api/v1/articles", last=2, before=after_it["pageInfo"]["startCursor"]
    )
    assert _ids(back) == _ids(forward)
    assert back["pageInfo"]["hasPreviousPage"] is False
