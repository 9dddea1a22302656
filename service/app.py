"""The ASGI application."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import HTTPConnection
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Scope

from service.conditional import ConditionalGet
from service.config import Settings, get_settings
from service.deadline import RequestDeadline
from service.desk.graphiql import GRAPHIQL_HEADERS, graphiql_html
from service.desk.routes import PAGE_PATHS, PAGE_PREFIXES, desk_routes
from service.desk.templating import pages_identity
from service.graphql.gate import GraphQLGate
from service.graphql.negotiation import is_plain_read, response_media_type
from service.graphql.schema import GraphQLView, export_schema
from service.lifespan import lifespan_for
from service.metrics import metrics_endpoint
from service.observability import RequestObservabilityMiddleware, healthz, readyz
from service.response_cache import ResponseCache, ResponseStore
from service.rest.openapi import openapi_document
from service.rest.routes import cors_middleware, protected_read, rest_routes
from service.tracing import tracing_middleware


def _pool(conn: HTTPConnection) -> asyncpg.Pool:
    # On app.state rather than the lifespan state, so tests can hand the app their own pool.
    pool: asyncpg.Pool = conn.app.state.pool
    return pool


def _scope_pool(scope: Scope) -> asyncpg.Pool:
    pool: asyncpg.Pool = scope["app"].state.pool
    return pool


def graphql_response_cache(
    app: ASGIApp,
    *,
    pool: Callable[[Scope], asyncpg.Pool],
    store: ResponseStore | None = None,
    request_timeout: float | None = None,
) -> ResponseCache:
    """The response cache in front of /graphql, with GraphQL's rules for what is a read and
    which media type an answer is sent as."""
    return ResponseCache(
        app,
        pool=pool,
        is_read=is_plain_read,
        variant=response_media_type,
        store=store,
        request_timeout=request_timeout,
    )


def api_identity() -> str:
    """A digest of the shape of every answer (GraphQL SDL, OpenAPI document, the desk's
    templates): part of each ETag, so a deploy that changes answers changes their tags."""
    shape = export_schema().encode() + orjson.dumps(openapi_document(), option=orjson.OPT_SORT_KEYS)
    shape += pages_identity().encode()
    return hashlib.sha256(shape).hexdigest()[:16]


def create_app(settings: Settings | None = None, *, lifespan: Any = None) -> Starlette:
    """The app. Tests pass their own lifespan to share one database across tests."""
    settings = settings or get_settings()
    graphql = GraphQLView(_pool, settings, ide_html=graphiql_html(), ide_headers=GRAPHIQL_HEADERS)
    return Starlette(
        routes=[
            Route(
                "/graphql",
                # Every method reaches the gate, which answers the ones not served in JSON.
                GraphQLGate(
                    graphql_response_cache(
                        graphql,
                        pool=_scope_pool,
                        request_timeout=settings.factdesk_request_timeout,
                    )
                    if settings.factdesk_response_cache
                    else graphql,
                    settings,
                ),
            ),
            # Subscriptions (graphql-transport-ws); the view checks the read key itself.
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", protected_read(metrics_endpoint, settings)),
            *rest_routes(settings),
            *desk_routes(settings),
        ],
        middleware=[
            # Outermost, so a request's span covers everything and its trace id is known to
            # every log line below (empty unless `start_tracing` turned tracing on).
            *tracing_middleware(),
            Middleware(RequestObservabilityMiddleware),
            # Every wait of a request spends from one deadline, started here (service/deadline.py).
            Middleware(RequestDeadline, seconds=settings.factdesk_request_timeout),
            *cors_middleware(settings),
            Middleware(
                ConditionalGet,
                pool=_scope_pool,
                settings=settings,
                api_identity=api_identity(),
                prefixes=("/graphql", "/api/v1/", *PAGE_PREFIXES),
                paths=PAGE_PATHS,
            ),
        ],
        lifespan=lifespan or lifespan_for(settings),
    )
