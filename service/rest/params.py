"""What REST handlers read from a request: query parameters parsed strictly (every mistake a
400 naming the parameter), the id in the path, and the pool."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import asyncpg
from starlette.datastructures import QueryParams
from starlette.requests import Request

from service.conditional import DATA_VERSION
from service.db.paging import DEFAULT_PAGE, MAX_PAGE, Window
from service.db.replicas import Reads, request_reads
from service.errors import InvalidIdError, SearchTooLongError
from service.ids import decode_id
from service.problems import ProblemError
from service.search_text import bounded_search

K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class PageParams:
    first: int
    after: str | None
    last: int | None = None
    before: str | None = None

    def window(self, decode: Callable[[str | None, str], K | None]) -> Window[K]:
        """The page asked for, cursors decoded by `decode(cursor, parameter name)`."""
        return Window(
            size=self.last if self.last is not None else self.first,
            after=decode(self.after, "after"),
            before=decode(self.before, "before"),
            from_end=self.last is not None,
        )


def _size(query: QueryParams, name: str) -> int | None:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        size = int(raw)
    except ValueError:
        raise ProblemError(
            "invalid_parameter", f"{name} must be an integer, got {raw!r}", field=name
        ) from None
    if not 1 <= size <= MAX_PAGE:
        raise ProblemError(
            "invalid_parameter", f"{name} must be between 1 and {MAX_PAGE}", field=name
        )
    return size


def page_params(query: QueryParams) -> PageParams:
    """`first` (1..100, default 20) and the opaque `after` cursor of a previous page; or,
    paging backwards, `last` (1..100) and the `before` cursor of a following page."""
    first, last = _size(query, "first"), _size(query, "last")
    if first is not None and last is not None:
        raise ProblemError("invalid_parameter", "pass first or last, not both", field="last")
    return PageParams(
        first=first if first is not None else DEFAULT_PAGE,
        after=query.get("after") or None,
        last=last,
        before=query.get("before") or None,
    )


def text_param(query: QueryParams, name: str) -> str | None:
    value = query.get(name)
    if value is None or not value.strip():
        return None
    return value.strip()


def search_param(query: QueryParams, name: str = "search") -> str | None:
    """A search text parameter; 400 when it is longer than search texts may be."""
    try:
        return bounded_search(text_param(query, name), field=name)
    except SearchTooLongError as error:
        raise ProblemError("invalid_parameter", error.message, field=name) from None


def id_param(query: QueryParams, name: str, type_name: str) -> int | None:
    """The primary key behind a global id parameter; 400 when it is not an id of that type."""
    value = text_param(query, name)
    if value is None:
        return None
    try:
        return decode_id(value, type_name)[1]
    except InvalidIdError as error:
        raise ProblemError("invalid_parameter", error.message, field=name) from None


def datetime_param(query: QueryParams, name: str) -> dt.datetime | None:
    """An RFC 3339 / ISO 8601 time; a date alone means midnight UTC, no offset means UTC."""
    value = text_param(query, name)
    if value is None:
        return None
    return parse_datetime(value, field=name, problem_code="invalid_parameter")


def parse_datetime(value: str, *, field: str, problem_code: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ProblemError(
            problem_code,
            f"{field} must be an ISO 8601 date or time such as 2019-06-10T09:00:00Z, got {value!r}",
            field=field,
        ) from None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def bool_param(query: QueryParams, name: str) -> bool | None:
    value = text_param(query, name)
    if value is None:
        return None
    if value.lower() in {"true", "1", "yes"}:
        return True
    if value.lower() in {"false", "0", "no"}:
        return False
    raise ProblemError("invalid_parameter", f"{name} must be true or false", field=name)


def choice_param(query: QueryParams, name: str, choices: frozenset[str]) -> str | None:
    value = text_param(query, name)
    if value is None:
        return None
    if value.upper() not in choices:
        allowed = ", ".join(sorted(choices))
        raise ProblemError("invalid_parameter", f"{name} must be one of {allowed}", field=name)
    return value.upper()


def path_id(request: Request, type_name: str) -> int:
    """The primary key in the path's global id; 404 when it is not an id of that type."""
    value: str = request.path_params["id"]
    try:
        return decode_id(value, type_name)[1]
    except InvalidIdError:
        raise ProblemError("not_found", f"no {type_name.lower()} has the id {value!r}") from None


def pool_of(request: Request) -> asyncpg.Pool:
    """The primary: for writes, and for reading back what this request wrote."""
    # On app.state, as for GraphQL, so tests can hand the app their own pool.
    pool: asyncpg.Pool = request.app.state.pool
    return pool


def reads_of(request: Request) -> Reads:
    """For GET handlers: an up-to-date replica (FACTDESK_READ_DATABASE_URL) or the primary."""
    router = getattr(request.app.state, "reads", None)
    return request_reads(pool_of(request), router, request.scope.get(DATA_VERSION))
