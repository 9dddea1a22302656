"""The same copy from another outlet: one article, its values counted once, every outlet
listed as a publication of it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from tests.rest.conftest import AUTH, row_counts

URL = "/api/v1/articles"


@pytest.fixture
def wire_copy(seeds_dir: Path) -> str:
    return (seeds_dir / "003_e2791c5ec8a80bf6.txt").read_text(encoding="utf-8")


def _outlets(article: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(p["outlet"]["name"], p["url"]) for p in article["publications"]]


async def test_a_second_outlet_is_recorded_as_a_publication(
    api: httpx.AsyncClient, pool: asyncpg.Pool, wire_copy: str
) -> None:
    first = await api.post(
        URL,
        json={"text": wire_copy, "outlet": "Wire", "url": "https://wire.example/a"},
        headers=AUTH,
    )
    assert first.status_code == 201, first.text
    assert "factdesk-republication" not in first.headers
    assert _outlets(first.json()) == [("Wire", "https://wire.example/a")]
    counts = await row_counts(pool)

    second = await api.post(
        URL,
        json={
            "text": wire_copy + "\n",
            "outlet": "Daily Paper",
            "url": "https://daily.example/b",
            "publishedAt": "2019-06-12T08:00:00Z",
        },
        headers=AUTH,
    )
    assert second.status_code == 200, second.text
    assert second.headers["factdesk-republication"] == "recorded"
    article = second.json()
    assert article["id"] == first.json()["id"]
    assert article["outlet"]["name"] == "Wire"  # the article's own outlet stays
    assert _outlets(article) == [
        ("Wire", "https://wire.example/a"),
        ("Daily Paper", "https://daily.example/b"),
    ]
    assert article["publications"][1]["publishedAt"].startswith("2019-06-12T08:00:00")
    # One more outlet, and the republication's entry in the change feed.
    grown = {"outlets": counts["outlets"] + 1, "changes": counts["changes"] + 1}
    assert (await row_counts(pool)) == {**counts, **grown}

    # The same outlet again, or no outlet at all: nothing new to record.
    for payload in ({"text": wire_copy, "outlet": "daily paper"}, {"text": wire_copy}):
        again = await api.post(URL, json=payload, headers=AUTH)
        assert again.status_code == 200
        assert "factdesk-republication" not in again.headers
        assert len(again.json()["publications"]) == 2
    fetched = await api.get(f"{URL}/{article['slug']}")
    assert fetched.json()["publications"] == article["publications"]
    listed = await api.get(URL)
    assert listed.json()["items"][0]["publications"] == article["publications"]


async def test_concurrent_outlets_of_new_copy_are_both_recorded(
    api: httpx.AsyncClient, pool: asyncpg.Pool, wire_copy: str
) -> None:
    answers = await asyncio.gather(
        *(
            api.post(URL, json={"text": wire_copy, "outlet": name}, headers=AUTH)
            for name in ("Wire", "Daily Paper", "Evening Post")
        )
    )
    assert sorted(a.status_code for a in answers) == [200, 200, 201]
    assert (await row_counts(pool))["articles"] == 1
    final = await api.get(answers[0].headers["location"])
    assert sorted(name for name, _ in _outlets(final.json())) == [
        "Daily Paper",
        "Evening Post",
        "Wire",
    ]
