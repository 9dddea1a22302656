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


WIRE_STORY = (
    "ATHENS - Firefighters battled a wildfire north of Athens on Tuesday that forced "
    "about 3,000 residents from their homes, the fire service said.\n\n"
    "More than 250 firefighters were deployed, spokesman Yannis Artopios told reporters.\n"
)
HEADLINE = "Wildfire forces 3,000 from homes in Attica"


# The wire's story as other outlets print it: furniture of their own around the same
# standfirst, captions and body, where no value is read from.
CREDITED = {
    "credit-line": {"text": f"{HEADLINE}\n\n{WIRE_STORY}\nOriginal source: Reuters\n"},
    "dateline-agency": {"text": f"{HEADLINE}\n\n" + WIRE_STORY.replace("S -", "S (Reuters) -")},
    "byline": {"text": f"{HEADLINE}\n\nBy Eleni Markou\n\n{WIRE_STORY}"},
    "headline-field": {"text": WIRE_STORY, "headline": HEADLINE},
}


async def test_a_wire_story_credited_by_other_outlets_is_one_article(
    api: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    first = await api.post(
        URL, json={"text": f"{HEADLINE}\n\n{WIRE_STORY}", "outlet": "Reuters"}, headers=AUTH
    )
    assert first.status_code == 201, first.text
    counts = await row_counts(pool)
    assert counts["figures"] > 0
    for n, (name, payload) in enumerate(CREDITED.items()):
        again = await api.post(URL, json={**payload, "outlet": f"Outlet {n}"}, headers=AUTH)
        assert again.status_code == 200, (name, again.text)
        assert again.headers["factdesk-republication"] == "recorded", name
        assert again.json()["id"] == first.json()["id"], name
    article = (await api.get(first.headers["location"])).json()
    assert [name for name, _ in _outlets(article)] == [
        "Reuters",
        *(f"Outlet {n}" for n in range(4)),
    ]
    # Each value counted once: no article, figure or fact more; four outlets and their
    # republications in the change feed.
    grown = {"outlets": counts["outlets"] + 4, "changes": counts["changes"] + 4}
    assert (await row_counts(pool)) == {**counts, **grown}


async def test_outlets_sending_one_story_at_once_make_one_article(
    api: httpx.AsyncClient, pool: asyncpg.Pool
) -> None:
    # Each copy differs (its content hash too), so only the story decides.
    answers = await asyncio.gather(
        *(
            api.post(URL, json={**payload, "outlet": name}, headers=AUTH)
            for name, payload in CREDITED.items()
        )
    )
    assert sorted(a.status_code for a in answers) == [200, 200, 200, 201]
    assert (await row_counts(pool))["articles"] == 1
    final = await api.get(answers[0].headers["location"])
    assert sorted(name for name, _ in _outlets(final.json())) == sorted(CREDITED)
