"""Q1 without GraphQL: the ceiling a compiled GraphQL -> SQL path could reach.

A measurement, not a product path. It answers `POST /graphql` (any body) with Factdesk's
Q1 answer from the same statements its executor runs (the keyset page, then the tree of
the 20 articles), through the same pool, written with orjson; with
NO_GRAPHQL_STATEMENTS=1, from one statement that builds the whole page.

    DATABASE_URL=DSN .venv/bin/uvicorn bench.no_graphql:app --port 8099
    BENCH_BODY=FILE wrk -c32 -d10s -s bench/post.lua http://127.0.0.1:8099/graphql
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from service.db.articles import SORT_KEY, ArticleFilter, page_articles
from service.db.paging import Window
from service.db.pool import create_pool
from service.db.selection import Pick
from service.db.trees import fetch_trees, tree_sql

PICKS = (
    Pick("headline", "headline"),
    Pick("publishedAt", "publishedAt"),
    Pick("outlet", "outlet", (Pick("name", "name"),)),
)
_TREE = tree_sql("Article", PICKS, many=True)
assert _TREE is not None
TREE: str = _TREE
# The tree statement's object, for one article `t0`, inside a page query.
_OBJECT = TREE.removeprefix("SELECT t0.id, (").split(")::text AS tree FROM")[0]
# Fragments written in service/db, no input.
PAGE = f"""
SELECT coalesce(json_agg(json_build_object('node', {_OBJECT}) ORDER BY p.k DESC, p.id DESC),
                '[]')::text
FROM (SELECT a.id, {SORT_KEY} AS k FROM articles a ORDER BY 2 DESC, 1 DESC LIMIT 20) p
JOIN articles t0 ON t0.id = p.id
"""  # noqa: S608
ONE_STATEMENT = os.environ.get("NO_GRAPHQL_STATEMENTS", "2") == "1"
_pool: list[asyncpg.Pool] = []


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    pool = await create_pool(os.environ["DATABASE_URL"], max_size=3)
    _pool.append(pool)
    yield
    await pool.close()


async def graphql(request: Request) -> Response:
    orjson.loads(await request.body())
    async with _pool[0].acquire() as conn:
        if ONE_STATEMENT:
            edges = await conn.fetchval(PAGE)
            body = b'{"data":{"articles":{"edges":' + edges.encode() + b"}}}"
            return Response(body, media_type="application/json")
        page = (await page_articles(conn, flt=ArticleFilter(), window=Window(20))).items
        trees = await fetch_trees(conn, sql=TREE, ids=[id for id, _ in page])
    answer = {"data": {"articles": {"edges": [{"node": trees[id]} for id, _ in page]}}}
    return Response(orjson.dumps(answer), media_type="application/json")


app = Starlette(routes=[Route("/graphql", graphql, methods=["POST"])], lifespan=lifespan)
