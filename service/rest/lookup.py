"""Finding rows from what a REST client sends: the pool, outlet and entity filters."""

from __future__ import annotations

import asyncpg
from starlette.requests import Request

from service.conditional import DATA_VERSION
from service.db import outlets as outlets_db
from service.db.pool import Connection
from service.db.replicas import Reads, request_reads
from service.errors import InvalidIdError
from service.graphql.ids import decode_id
from service.graphql.lookup import entity_ids_named
from service.problems import ProblemError

NO_MATCH = -1  # an id no row has: an unknown outlet or entity filters everything out


def pool_of(request: Request) -> asyncpg.Pool:
    """The primary: for writes, and for reading back what this request wrote."""
    # On app.state, as for GraphQL, so tests can hand the app their own pool.
    pool: asyncpg.Pool = request.app.state.pool
    return pool


def reads_of(request: Request) -> Reads:
    """For GET handlers: an up-to-date replica (FACTDESK_READ_DATABASE_URL) or the primary."""
    router = getattr(request.app.state, "reads", None)
    return request_reads(pool_of(request), router, request.scope.get(DATA_VERSION))


async def outlet_filter(conn: Connection, value: str | None) -> int | None:
    """An outlet named by global id or by name."""
    if value is None:
        return None
    try:
        return decode_id(value, "Outlet")[1]
    except InvalidIdError:
        found = await outlets_db.find_outlet_id(conn, name=value)
    return found if found is not None else NO_MATCH


async def entity_filter(conn: Connection, value: str | None) -> int | None:
    """An entity named by global id, or by any name it is known by (any spelling)."""
    if value is None:
        return None
    try:
        return decode_id(value, "Entity")[1]
    except InvalidIdError:
        ids = await entity_ids_named(conn, value)
    return ids[0] if ids else NO_MATCH


def path_id(request: Request, type_name: str) -> int:
    """The primary key in the path's global id; 404 when it is not an id of that type."""
    value: str = request.path_params["id"]
    try:
        return decode_id(value, type_name)[1]
    except InvalidIdError:
        raise ProblemError("not_found", f"no {type_name.lower()} has the id {value!r}") from None
