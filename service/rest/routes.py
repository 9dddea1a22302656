"""The /api/v1 routes. Every handler answers errors as RFC 9457 problem documents."""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Receive, Scope, Send

from service.config import Settings
from service.deadline import by_deadline
from service.problems import ProblemError
from service.rest import (
    articles,
    batch,
    changes,
    corrections,
    entities,
    facts,
    figures,
    history,
    judgements,
    quotes,
)
from service.rest.auth import require_read
from service.rest.change_stream import stream_handler
from service.rest.openapi import openapi_document
from service.rest.problems import Handler, endpoint
from service.rest.representations import JsonResponse

PREFIX = "/api/v1"


def protected_read(handler: Handler, settings: Settings) -> Handler:
    """A read: open, unless FACTDESK_PROTECT_READS asks for a key (REST and /metrics)."""

    async def guarded(request: Request) -> Response:
        require_read(request.headers, settings)
        return await handler(request)

    guarded.__name__ = handler.__name__
    guarded.__doc__ = handler.__doc__
    return endpoint(guarded)


def bounded_read(handler: Handler, settings: Settings) -> Handler:
    """A read that ends by the request's deadline (FACTDESK_REQUEST_TIMEOUT, shared with the
    data-version read before it: service/deadline.py): past it, its queries are cancelled,
    its connections given back, and the answer is 503 `request_timeout`."""

    async def bounded(request: Request) -> Response:
        limit = settings.factdesk_request_timeout
        answer = await by_deadline(request.scope, limit, door="rest", work=lambda: handler(request))
        if answer is None:
            raise ProblemError(
                "request_timeout",
                f"the read took longer than {limit:g} s and was stopped; retry shortly",
                headers={"Retry-After": "1"},
            )
        return answer

    bounded.__name__ = handler.__name__
    bounded.__doc__ = handler.__doc__
    return bounded


def _fallback(routes: list[BaseRoute]) -> Handler:
    """404 for paths the API does not have, 405 (with Allow) for methods a path does not take."""

    async def not_found(request: Request) -> Response:
        allowed = sorted(
            {
                method
                for route in routes
                if isinstance(route, Route) and route.matches(request.scope)[0] is Match.PARTIAL
                for method in route.methods or ()
            }
        )
        if allowed:
            raise ProblemError(
                "method_not_allowed",
                f"{request.method} is not allowed here; use {', '.join(allowed)}",
                headers={"Allow": ", ".join(allowed)},
            )
        raise ProblemError(
            "not_found", f"no resource at {request.url.path}; see {PREFIX}/openapi.json"
        )

    return not_found


class _AnyMethod:
    """A handler as an ASGI app, which a Route serves for every method (a function it would
    serve for GET alone). OPTIONS and unknown methods reach the fallback, whose 405 is a
    problem document with Allow, instead of starlette's text/plain one."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self.handler(Request(scope, receive))
        await response(scope, receive, send)


def rest_routes(settings: Settings) -> list[BaseRoute]:
    document = openapi_document()

    async def openapi(request: Request) -> Response:
        # The contract itself is never protected: clients need it to learn how to authenticate.
        return JsonResponse(document)

    reads: list[tuple[str, Handler]] = [
        ("/articles", articles.list_articles),
        ("/articles/{id}", articles.get_article),
        ("/entities", entities.list_entities),
        ("/entities/{id}", entities.get_entity),
        ("/quotes", quotes.list_quotes),
        ("/quotes/{id}", quotes.get_quote),
        ("/figures", figures.list_figures),
        ("/figures/{id}", figures.get_figure),
        ("/facts", facts.list_facts),
        ("/facts/{id}", facts.get_fact),
        ("/facts/{id}/history", history.get_fact_history),
        ("/articles/{id}/versions", history.get_article_versions),
        ("/judgements/{id}", judgements.get_judgement),
        ("/changes", changes.list_changes),
    ]
    reads = [(path, bounded_read(handler, settings)) for path, handler in reads]
    # An event stream never ends, so it has no deadline.
    reads.append(("/changes/stream", stream_handler(settings)))
    routes: list[BaseRoute] = [
        Route(f"{PREFIX}/openapi.json", openapi, methods=["GET"]),
        Route(f"{PREFIX}/articles", endpoint(articles.ingest_handler(settings)), methods=["POST"]),
        Route(
            f"{PREFIX}/articles:batch", endpoint(batch.batch_handler(settings)), methods=["POST"]
        ),
        Route(
            f"{PREFIX}/articles/{{id}}",
            endpoint(corrections.correct_handler(settings)),
            methods=["PUT"],
        ),
        Route(
            f"{PREFIX}/articles/{{id}}",
            endpoint(corrections.retract_handler(settings)),
            methods=["DELETE"],
        ),
        Route(
            f"{PREFIX}/figures/{{id}}/judgements",
            endpoint(judgements.judge_handler(settings)),
            methods=["POST"],
        ),
        Route(
            f"{PREFIX}/judgements/{{id}}",
            endpoint(judgements.withdraw_handler(settings)),
            methods=["DELETE"],
        ),
    ]
    routes += [
        Route(PREFIX + path, protected_read(h, settings), methods=["GET"]) for path, h in reads
    ]
    known = list(routes)
    routes.append(
        Route(
            PREFIX + "/{path:path}",
            _AnyMethod(endpoint(_fallback(known))),
        )
    )
    return routes


def cors_middleware(settings: Settings) -> list[Middleware]:
    """CORS for the origins in FACTDESK_CORS_ORIGINS; none configured, no CORS headers at all."""
    origins = [o.strip() for o in settings.factdesk_cors_origins.split(",") if o.strip()]
    if not origins:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "If-None-Match", "Idempotency-Key"],
            expose_headers=[
                "Location",
                "ETag",
                "Idempotent-Replayed",
                "Factdesk-Correction",
                "Factdesk-Article-Version",
            ],
            max_age=600,
        )
    ]
