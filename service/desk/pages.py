"""What every desk page shares: the read check, and errors as pages rather than JSON."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Awaitable, Callable

import asyncpg
from starlette.requests import Request
from starlette.responses import Response

from service.auth import read_denial
from service.config import Settings
from service.db.pool import is_connection_failure
from service.deadline import by_deadline
from service.desk.templating import render
from service.errors import (
    ArticleRetractedError,
    DatabaseUnavailableError,
    FactdeskError,
    InvalidIdError,
    NotFoundError,
)

log = logging.getLogger(__name__)

Page = Callable[[Request], Awaitable[Response]]


def pool_of(request: Request) -> asyncpg.Pool:
    # On app.state, as for the APIs, so tests can hand the app their own pool.
    pool: asyncpg.Pool = request.app.state.pool
    return pool


def error_page(
    request: Request, status: int, title: str, detail: str, *, retry_after: int = 5
) -> Response:
    response = render(request, "error.html", status_code=status, title=title, detail=detail)
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="factdesk"'
    if status == 503:
        response.headers["Retry-After"] = str(retry_after)
    return response


def _retraction(gone: ArticleRetractedError) -> str:
    at = gone.retracted_at
    when = f" on {at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC" if at is not None else ""
    why = f": {gone.reason}" if gone.reason else "."
    return f"This article was retracted{when}{why} Its values left every fact."


def desk_page(handler: Page, settings: Settings) -> Page:
    """A page is a read: open unless FACTDESK_PROTECT_READS asks for a key. Unknown ids
    are a 404 page, a retracted article a 410 page (when and why), bad input a 400 page,
    an unreachable database a 503 page, and so is a page not made by the request's
    deadline (FACTDESK_REQUEST_TIMEOUT, service/deadline.py), its queries cancelled."""

    @functools.wraps(handler)
    async def page(request: Request) -> Response:
        denial = read_denial(request.headers, settings)
        if denial is not None:
            status = 403 if denial.code == "forbidden" else 401
            return error_page(request, status, "Not allowed", denial.detail)
        limit = settings.factdesk_request_timeout
        try:
            answer = await by_deadline(
                request.scope, limit, door="desk", work=lambda: handler(request)
            )
        except TimeoutError:  # another wait's own limit (connect, acquire): an outage
            return error_page(request, 503, "Unavailable", "The database is unavailable.")
        except (NotFoundError, InvalidIdError) as missing:
            return error_page(request, 404, "Not found", str(missing))
        except ArticleRetractedError as gone:
            return error_page(request, 410, "Retracted", _retraction(gone))
        except DatabaseUnavailableError:  # no connection lent in time, or none at all
            return error_page(request, 503, "Unavailable", "The database is unavailable.")
        except FactdeskError as error:
            return error_page(request, 400, "Cannot show this", str(error))
        except Exception as error:
            if isinstance(error, asyncpg.QueryCanceledError):  # FACTDESK_STATEMENT_TIMEOUT
                detail = "A query took too long and was cancelled. Try again shortly."
                return error_page(request, 503, "Too slow", detail, retry_after=1)
            if is_connection_failure(error):
                return error_page(request, 503, "Unavailable", "The database is unavailable.")
            log.exception("unexpected error on %s", request.url.path)
            return error_page(request, 500, "Error", "An unexpected error occurred.")
        if answer is None:
            detail = f"The page took longer than {limit:g} s to make. Try again shortly."
            return error_page(request, 503, "Too slow", detail, retry_after=1)
        return answer

    return page
