"""An entity's articles, read from entity_articles (kept by triggers), are the live articles
that mention it in list order: every window, flag and total, through ingests, a correction
that moves an article and changes its mentions, a retraction, undated copy and ties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import asyncpg
import httpx
import orjson

from service.config import REPO_ROOT
from service.db import articles as articles_db
from service.db import corrections as corrections_db
from service.db import entities as entities_db
from service.db.articles import ArticleCursor, ArticleFilter, ArticlePage, NewCopy
from service.db.paging import Window
from service.db.pool import Connection
from service.ids import decode_id, encode_id
from service.ingest.parse.identity import story_hash
from service.ingest.seeds import load_seeds
from tests.graphql.compiled_apps import compiled_and_executed
from tests.rest.conftest import AUTH, api_client, post_article

ALMATY = "Quake hits Almaty\n\nAn earthquake in Almaty killed {n} people, Kassym Tokayev said."
ATYRAU = "Flood in Atyrau\n\nThe flood in Atyrau displaced {n} families, Kassym Tokayev said."
Listed = list[tuple[int, ArticleCursor]]


def _at(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.UTC)


async def _history(pool: asyncpg.Pool) -> list[int]:
    """The seeds and stories naming the same places and people: two at one time (a tie),
    one undated, one corrected to another time and other names, one retracted. The ids of
    every article stored, retracted ones too."""
    await load_seeds(pool, REPO_ROOT / "seeds")
    async with api_client(pool) as api:
        for n, day in ((3, 17), (4, 18), (5, 18), (6, 20)):
            await post_article(api, ALMATY.format(n=n), "Daily", _at(day))
        answer = await api.post(
            "/api/v1/articles", json={"text": ALMATY.format(n=7), "outlet": "Wire"}, headers=AUTH
        )
        assert answer.status_code == 201, answer.text  # undated
        moved = await post_article(api, ALMATY.format(n=8), "Daily", _at(19))
        corrected = await api.put(
            f"/api/v1/articles/{moved}",
            json={"text": ATYRAU.format(n=9), "publishedAt": _at(16).isoformat()},
            headers=AUTH,
        )
        assert corrected.status_code == 200, corrected.text
        gone = await post_article(api, ATYRAU.format(n=10), "Daily", _at(21))
        retracted = await api.delete(f"/api/v1/articles/{gone}", headers=AUTH)
        assert retracted.status_code == 200, retracted.text
    async with pool.acquire() as conn:
        live = await articles_db.page_articles(conn, flt=ArticleFilter(), window=Window(1000))
        await _move(conn, live.items[-2][0], _at(22))  # a time changed, its mentions kept
    return [article for article, _ in live.items] + [decode_id(gone, "Article")[1]]


async def _move(conn: Connection, article_id: int, published: dt.datetime) -> None:
    """The article's copy stored again with another publication time, nothing else done."""
    [(row, _)] = await articles_db.list_articles_with_outlets_by_ids(conn, ids=[article_id])
    story = story_hash(row.dateline, row.standfirst, row.captions, row.body)
    copy = NewCopy(
        row.original_source_id, row.headline, row.standfirst, row.dateline, row.bylines,
        row.body, row.captions, row.removed, row.body, row.content_hash, story, row.url,
        published,
    )  # fmt: skip
    await corrections_db.replace_copy(conn, article_id=article_id, copy=copy)


async def _expected(pool: asyncpg.Pool, stored: list[int]) -> dict[int, Listed]:
    """Each entity's articles by the definition: the live articles (in list order) that
    have a mention of it."""
    async with pool.acquire() as conn:
        live = await articles_db.page_articles(conn, flt=ArticleFilter(), window=Window(1000))
        mentioned = await entities_db.list_entity_ids_for_articles(conn, article_ids=stored)
    expected: dict[int, Listed] = {e: [] for ids in mentioned.values() for e in ids}
    for article, place in live.items:
        for entity in mentioned[article]:
            expected[entity].append((article, place))
    return expected


def _window_of(items: Listed, window: Window[ArticleCursor]) -> tuple[list[int], bool, bool]:
    """The page `window` asks of `items` (list order), with its flags, as Relay says."""
    keys = [place for _, place in items]
    start = keys.index(window.after) + 1 if window.after else 0
    end = keys.index(window.before) if window.before else len(items)
    between = [article for article, _ in items[start:end]]
    if window.from_end:
        page = between[max(0, len(between) - window.size) :]
        return page, window.before is not None, len(between) > window.size
    return between[: window.size], len(between) > window.size, window.after is not None


def _windows(items: Listed) -> list[Window[ArticleCursor]]:
    cursors: list[ArticleCursor | None] = [None, *(place for _, place in items)]
    windows: list[Window[ArticleCursor]] = []
    for cursor in cursors:
        for size in (0, 1, 2, 100):
            windows.append(Window(size, after=cursor))
            windows.append(Window(size, before=cursor, from_end=True))
    return windows


async def _pages(
    pool: asyncpg.Pool, entities: Sequence[int], window: Window[ArticleCursor]
) -> dict[int, ArticlePage]:
    async with pool.acquire() as conn:
        return await articles_db.page_articles_per_parent(
            conn, parent="entity", parent_ids=entities, window=window
        )


async def test_every_window_of_an_entitys_articles_is_the_definitions(
    pool: asyncpg.Pool,
) -> None:
    stored = await _history(pool)
    expected = await _expected(pool, stored)
    assert all(article != stored[-1] for items in expected.values() for article, _ in items)
    assert max(len(items) for items in expected.values()) >= 6
    asked = 0
    for entity, items in expected.items():
        for window in _windows(items):
            page = (await _pages(pool, [entity], window))[entity]
            found = ([article for article, _ in page.items], page.has_next, page.has_previous)
            assert found == _window_of(items, window), (entity, window)
            assert page.total == len(items)
            asked += 1
    assert asked > 200


async def test_an_entitys_articles_answer_the_definition_compiled_and_executed(
    pool: asyncpg.Pool,
) -> None:
    expected = await _expected(pool, await _history(pool))
    query = """query($id: ID!) { entity(id: $id) {
        all: articles(first: 100) { totalCount edges { cursor node { id } } }
        last: articles(last: 2) { totalCount edges { node { id } } pageInfo { hasPreviousPage } }
    } }"""
    after = """query($id: ID!, $after: String) { entity(id: $id) {
        articles(first: 2, after: $after) { edges { node { id } } } } }"""
    async with compiled_and_executed(pool) as apps:
        for entity, items in expected.items():
            ids = [encode_id("Article", article) for article, _ in items]
            for app in apps.values():
                answer = await _ask(app, query, {"id": encode_id("Entity", entity)})
                found = answer["data"]["entity"]
                assert [e["node"]["id"] for e in found["all"]["edges"]] == ids
                assert [e["node"]["id"] for e in found["last"]["edges"]] == ids[-2:]
                assert found["all"]["totalCount"] == found["last"]["totalCount"] == len(ids)
                assert found["last"]["pageInfo"]["hasPreviousPage"] == (len(ids) > 2)
                cursors = [e["cursor"] for e in found["all"]["edges"]]
                for at, cursor in enumerate(cursors):
                    variables = {"id": encode_id("Entity", entity), "after": cursor}
                    page = (await _ask(app, after, variables))["data"]["entity"]["articles"]
                    assert [e["node"]["id"] for e in page["edges"]] == ids[at + 1 : at + 3]


async def _ask(app: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> Any:
    response = await app.post("/graphql", json={"query": query, "variables": variables})
    answer = orjson.loads(response.content)
    assert "errors" not in answer, answer
    return answer


async def test_each_entitys_kept_count_is_its_number_of_live_articles(
    pool: asyncpg.Pool,
) -> None:
    """entity_article_counts (kept by triggers) against the definition, through the whole
    history (pairs added, moved by a correction, dropped by a retraction)."""
    expected = await _expected(pool, await _history(pool))
    async with pool.acquire() as conn:
        rows = await conn.fetch("SELECT entity_id, articles FROM entity_article_counts")
    kept = {int(r["entity_id"]): int(r["articles"]) for r in rows}
    assert {e: kept.get(e, 0) for e in expected} == {e: len(i) for e, i in expected.items()}
    assert all(count == 0 for e, count in kept.items() if e not in expected)
