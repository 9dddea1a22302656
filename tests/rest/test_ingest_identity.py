"""POST /api/v1/articles: copies a reader cannot tell apart are one article, counted once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests.rest.conftest import AUTH, row_counts

URL = "/api/v1/articles"
PLAIN = {**AUTH, "Content-Type": "text/plain"}


STRAIGHT = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def straighten(text: str) -> str:
    return text.translate(STRAIGHT)


@pytest.fixture
def curly_text(seeds_dir: Path) -> str:
    """A seed with typographic quotes, as a JSON client sends it: no final newline."""
    text = (seeds_dir / "004_d5dc6f06da05cd96.txt").read_text(encoding="utf-8").strip()
    assert straighten(text) != text
    return text


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t + "\n",
        lambda t: t.replace("\n", "\r\n") + "\r\n",
        straighten,
    ],
    ids=["trailing-newline", "crlf", "straight-quotes"],
)
async def test_the_same_copy_told_apart_only_by_typography_is_one_article(
    api: httpx.AsyncClient, pool: asyncpg.Pool, curly_text: str, variant: Callable[[str], str]
) -> None:
    first = await api.post(URL, json={"text": curly_text, "outlet": "Wire"}, headers=AUTH)
    assert first.status_code == 201, first.text
    counts = await row_counts(pool)
    assert counts["figures"] > 0

    again = await api.post(URL, content=variant(curly_text).encode(), headers=PLAIN)
    assert again.status_code == 200, again.text
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["contentHash"] == first.json()["contentHash"]
    assert await row_counts(pool) == counts  # one article, each value counted once
