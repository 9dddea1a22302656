"""What REST handlers read from a request: query parameters parsed strictly (every mistake a
400 naming the parameter), the id in the path, and the pool."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import asyncpg
from starlette.datastructures import QueryParams
from starlette.requests import Request

from service.db.paging import DEFAULT_PAGE, MAX_PAGE
from service.errors import InvalidIdError, SearchTooLongError
from service.ids import decode_id
from service.problems import ProblemError
from service.search_text import bounded_search


@dataclass(frozen=True, slots=True)
class PageParams:
    first: int
    after: str | None


def page_params(query: QueryParams) -> PageParams:
    """`first` (1..100, default 20) and the opaque `after` cursor of a previous page."""
    raw = query.get("first")
    first = DEFAULT_PAGE
    if raw is not None:
        try:
            first = int(raw)
        except ValueError:
            raise ProblemError(
                "invalid_parameter", f"first must be an integer, got {raw!r}", field="first"
            ) from None
        if not 1 <= first <= MAX_PAGE:
            raise ProblemError(
                "invalid_parameter", f"first must be between 1 and {MAX_PAGE}", field="first"
            )
    after = query.get("after")
    return PageParams(first=first, after=after or None)


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
    # On app.state, as for GraphQL, so tests can hand the app their own pool.
    pool: asyncpg.Pool = request.app.state.pool
    return pool
