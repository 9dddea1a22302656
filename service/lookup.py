"""Finding rows by what a client sends, for GraphQL, REST and the desk alike: global ids,
names in any spelling, outlets by name; and telling a retracted article's reader so."""

from __future__ import annotations

from service.db import corrections as corrections_db
from service.db import entities as entities_db
from service.db import outlets as outlets_db
from service.db.pool import Connection
from service.errors import ArticleRetractedError, InvalidIdError
from service.ids import decode_id
from service.ingest.mentions.names import (
    DERIVED_PREFIXES,
    INITIALS_PREFIX,
    acronym_key,
    alias_keys,
    is_acronym,
)
from service.ingest.model import EntityKind

NO_MATCH = -1  # an id no row has: an unknown outlet or entity filters everything out


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
    own, other = split_name_keys(name)
    return await entities_db.find_entity_ids_by_name(
        conn, name_keys=own, other_keys=other, folded=name
    )


def split_name_keys(name: str) -> tuple[list[str], list[str]]:
    """The keys of `name` itself, and those of its surname or acronym alone
    (entities_db.ENTITY_IDS_NAMED takes both)."""
    keys = name_keys(name)
    return (
        [key for key in keys if not key.startswith(DERIVED_PREFIXES)],
        [key for key in keys if key.startswith(DERIVED_PREFIXES)],
    )


async def outlet_id_from(conn: Connection, value: str | None) -> int | None:
    """An outlet named by global id or by name; NO_MATCH when unknown, None for None."""
    if value is None:
        return None
    try:
        return decode_id(value, "Outlet")[1]
    except InvalidIdError:
        found = await outlets_db.find_outlet_id(conn, name=value)
    return found if found is not None else NO_MATCH


async def entity_id_from(conn: Connection, value: str | None) -> int | None:
    """An entity named by global id, or by any name it is known by (the likeliest);
    NO_MATCH when unknown, None for None."""
    if value is None:
        return None
    try:
        return decode_id(value, "Entity")[1]
    except InvalidIdError:
        ids = await entity_ids_named(conn, value)
    return ids[0] if ids else NO_MATCH


async def refuse_retracted(conn: Connection, *, article_id: int) -> None:
    """ArticleRetractedError, saying when and why, if the article is a tombstone."""
    tombstone = await corrections_db.find_tombstone(conn, article_id=article_id)
    if tombstone is not None:
        raise ArticleRetractedError(
            "the article was retracted",
            retracted_at=tombstone.retracted_at,
            reason=tombstone.reason,
        )
