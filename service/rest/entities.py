"""/api/v1/entities: people, organisations, places and events, searchable by any spelling."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request
from starlette.responses import Response

from service.db import entities as entities_db
from service.db.pool import Connection
from service.ids import decode_id_cursor, encode_id
from service.ingest.model import EntityKind
from service.lookup import name_keys
from service.problems import ProblemError
from service.rest.params import choice_param, page_params, path_id, reads_of, search_param
from service.rest.representations import Json, JsonResponse, id_page_json

KINDS = frozenset(kind.name for kind in EntityKind)


async def _entities(conn: Connection, ids: Sequence[int]) -> list[Json]:
    """Entities with their aliases, in the order of `ids`: two queries for any number."""
    rows = {row.id: row for row in await entities_db.list_entities_by_ids(conn, ids=ids)}
    aliases = await entities_db.list_aliases_for_entities(conn, ids=ids)
    return [
        {
            "id": encode_id("Entity", row.id),
            "kind": row.kind,
            "name": row.name,
            "description": row.description,
            "aliases": aliases.get(row.id, []),
        }
        for row in (rows.get(i) for i in ids)
        if row is not None
    ]


async def list_entities(request: Request) -> Response:
    query = request.query_params
    page = page_params(query)
    kind = choice_param(query, "kind", KINDS)
    search = search_param(query)
    async with reads_of(request).acquire() as conn:
        flt = entities_db.EntityFilter(
            kind=kind, search=search, search_keys=name_keys(search) if search else ()
        )
        found = await entities_db.ENTITIES.page(conn, flt, window=page.window(decode_id_cursor))
        items = await _entities(conn, found.ids)
    return JsonResponse(id_page_json(items, found))


async def get_entity(request: Request) -> Response:
    entity_id = path_id(request, "Entity")
    async with reads_of(request).acquire() as conn:
        items = await _entities(conn, [entity_id])
    if not items:
        raise ProblemError("not_found", "no entity has this id")
    return JsonResponse(items[0])
