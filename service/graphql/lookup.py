"""Finding rows by what a client sends: global ids, slugs, names in any spelling."""

from __future__ import annotations

from service.db import entities as entities_db
from service.db import outlets as outlets_db
from service.db.pool import Connection
from service.errors import InvalidIdError
from service.graphql.context import Info
from service.graphql.ids import decode_id
from service.ingest.model import EntityKind
from service.ingest.names import (
    DERIVED_PREFIXES,
    INITIALS_PREFIX,
    acronym_key,
    alias_keys,
    is_acronym,
)


def name_keys(name: str) -> list[str]:
    """Every resolution key a name could be stored under, whatever its kind.

    Not the initials of a name of several words: "Almaty protests" must not find the
    Associated Press. An acronym ("CEC") looks for the names it abbreviates."""
    keys = {
        key
        for kind in EntityKind
        for key in alias_keys(name, kind)
        if not key.startswith(INITIALS_PREFIX)
    }
    if is_acronym(name):
        keys.add(INITIALS_PREFIX + acronym_key(name))
    return sorted(keys)


def word_keys(text: str) -> list[str]:
    """The name keys of each word of a search of several words (none for one word)."""
    words = [w for w in text.split() if len(w) >= 3 and any(c.isalpha() for c in w)]
    if len(words) < 2:
        return []
    return sorted({key for word in words for key in name_keys(word)})


async def entity_ids_named(conn: Connection, name: str) -> list[int]:
    """Entities called `name` in any spelling, accent or case, the likeliest first: those
    known by the name itself before those sharing only its surname or acronym."""
    keys = name_keys(name)
    return await entities_db.find_entity_ids_by_name(
        conn,
        name_keys=[key for key in keys if not key.startswith(DERIVED_PREFIXES)],
        other_keys=[key for key in keys if key.startswith(DERIVED_PREFIXES)],
        folded=name,
    )


async def entity_id_by_name(info: Info, name: str) -> int | None:
    """The likeliest entity called `name` (see `entity_ids_named`); None if none."""
    async with info.context.reads.acquire() as conn:
        ids = await entity_ids_named(conn, name)
    return ids[0] if ids else None


async def outlet_id_from(info: Info, value: str) -> int:
    """An outlet named by global id or by name; -1 (matches nothing) when unknown."""
    try:
        return decode_id(value, "Outlet")[1]
    except InvalidIdError:
        pass
    async with info.context.reads.acquire() as conn:
        found = await outlets_db.find_outlet_id(conn, name=value)
    return found if found is not None else -1


def optional_id(value: str | None, type_name: str) -> int | None:
    return decode_id(value, type_name)[1] if value is not None else None
