"""The ASGI application."""

from __future__ import annotations

from typing import Any

import asyncpg
from starlette.applications import Starlette
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from service.config import Settings, get_settings
from service.graphql.schema import GraphQLView
from service.lifespan import lifespan_for


def _pool(conn: HTTPConnection) -> asyncpg.Pool:
    # On app.state rather than the lifespan state, so tests can hand the app their own pool.
    pool: asyncpg.Pool = conn.app.state.pool
    return pool


async def healthz(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


async def readyz(request: Request) -> JSONResponse:
    try:
        async with _pool(request).acquire(timeout=2) as conn:
            await conn.fetchval("SELECT 1")
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return JSONResponse({"ready": False, "reason": type(error).__name__}, status_code=503)
    return JSONResponse({"ready": True})


def create_app(settings: Settings | None = None, *, lifespan: Any = None) -> Starlette:
    """The app. Tests pass their own lifespan to share one database across tests."""
    settings = settings or get_settings()
    graphql = GraphQLView(_pool, settings)
    return Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
        ],
        lifespan=lifespan or lifespan_for(settings),
    )
