"""REST handlers answer errors as problem documents (service.problems)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from service.db.pool import is_connection_failure
from service.errors import UNSTORABLE_MESSAGE, FactdeskError, is_unstorable_input
from service.problems import ProblemError, from_domain_error, problem_response

log = logging.getLogger(__name__)

Handler = Callable[[Request], Awaitable[Response]]


def endpoint(handler: Handler) -> Handler:
    """Wraps a REST handler: Problems and domain errors become problem responses, and an
    unexpected exception a 500 problem that reveals nothing of its cause."""

    @functools.wraps(handler)
    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        except ProblemError as problem:
            return problem_response(problem, instance=request.url.path)
        except FactdeskError as error:
            return problem_response(from_domain_error(error), instance=request.url.path)
        except Exception as error:
            if is_unstorable_input(error):
                # Only values the request carried reach SQL; a write refuses the field (422,
                # the pipeline's transaction rolled back), a read the parameter (400).
                code = "invalid_field" if request.method in ("POST", "PUT") else "invalid_parameter"
                refusal = ProblemError(code, UNSTORABLE_MESSAGE)
                return problem_response(refusal, instance=request.url.path)
            if is_connection_failure(error):
                unavailable = ProblemError(
                    "database_unavailable",
                    "the database is unavailable; retry shortly",
                    headers={"Retry-After": "5"},
                )
                return problem_response(unavailable, instance=request.url.path)
            log.exception("unexpected error on %s %s", request.method, request.url.path)
            return problem_response(
                ProblemError("internal_error", "an unexpected error occurred"),
                instance=request.url.path,
            )

    return wrapped
