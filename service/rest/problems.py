"""REST handlers answer errors as problem documents (service.problems)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable

import asyncpg
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from service.db.pool import is_connection_failure
from service.errors import UNSTORABLE_MESSAGE, FactdeskError, is_unstorable_input
from service.problems import ProblemError, from_domain_error, problem_response

log = logging.getLogger(__name__)

Handler = Callable[[Request], Awaitable[Response]]


def problem_of(error: Exception, *, write: bool, where: str) -> ProblemError:
    """The problem an error raised while answering becomes: the request's own mistakes
    as themselves, an outage as 503, anything else a 500 that reveals nothing (logged)."""
    if isinstance(error, ProblemError):
        return error
    if isinstance(error, FactdeskError):
        return from_domain_error(error)
    if is_unstorable_input(error):
        # Only values the request carried reach SQL; a write refuses the field (422,
        # the pipeline's transaction rolled back), a read the parameter (400).
        return ProblemError("invalid_field" if write else "invalid_parameter", UNSTORABLE_MESSAGE)
    if isinstance(error, asyncpg.QueryCanceledError):
        # PostgreSQL's statement_timeout (FACTDESK_STATEMENT_TIMEOUT): as GraphQL's
        # query_timeout, not an unexpected error.
        return ProblemError(
            "query_timeout",
            "a query took too long and was cancelled; retry shortly",
            headers={"Retry-After": "1"},
        )
    if is_connection_failure(error):
        return ProblemError(
            "database_unavailable",
            "the database is unavailable; retry shortly",
            headers={"Retry-After": "5"},
        )
    log.error("unexpected error on %s", where, exc_info=(type(error), error, error.__traceback__))
    return ProblemError("internal_error", "an unexpected error occurred")


def endpoint(handler: Handler) -> Handler:
    """Wraps a REST handler: Problems and domain errors become problem responses, and an
    unexpected exception a 500 problem that reveals nothing of its cause."""

    @functools.wraps(handler)
    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        except ClientDisconnect:
            # The client left, or `serve` cut a body that arrived too slowly (408 sent
            # already): nobody reads this answer, and it is no error of ours to log.
            detail = "the request's body did not arrive whole"
            problem = ProblemError("request_body_timeout", detail)
            return problem_response(problem, instance=request.url.path)
        except Exception as error:
            write = request.method in ("POST", "PUT")
            where = f"{request.method} {request.url.path}"
            problem = problem_of(error, write=write, where=where)
            return problem_response(problem, instance=request.url.path)

    return wrapped
