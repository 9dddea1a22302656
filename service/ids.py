"""Opaque global ids ("Article:12") and cursors, shared by GraphQL and REST."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import orjson

from service.errors import InvalidCursorError, InvalidIdError

TYPE_NAMES = frozenset({"Article", "Outlet", "Entity", "Quote", "Figure", "Fact", "Judgement"})


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@lru_cache(maxsize=4096)  # every object built for an answer encodes its id
def encode_id(type_name: str, pk: int) -> str:
    return _b64(f"{type_name}:{pk}".encode())


def decode_id(global_id: str, expected: str | None = None) -> tuple[str, int]:
    """(type name, primary key); raises InvalidIdError for anything else."""
    try:
        type_name, _, pk = _unb64(global_id).decode().partition(":")
        number = int(pk)
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise InvalidIdError(f"{global_id!r} is not a Factdesk id", field="id") from exc
    if type_name not in TYPE_NAMES or number <= 0:
        raise InvalidIdError(f"{global_id!r} is not a Factdesk id", field="id")
    if expected is not None and type_name != expected:
        raise InvalidIdError(f"{global_id!r} is not an id of a {expected}", field="id")
    return type_name, number


@dataclass(frozen=True, slots=True)
class SortCursor:
    """A position in a list in an order the client chose (`orderBy`): the order's field,
    the row's value of it as the database prints it, and the row's id."""

    field: str
    value: str
    id: int


# A position in a list: an id, (published time, id) for articles newest first, a
# position in a chosen order, or an event of a fact's history (db/history.EventKey).
EventKey = tuple[dt.datetime, int, int, int]
CursorKey = int | tuple[dt.datetime, int] | SortCursor | EventKey


def encode_cursor(key: CursorKey) -> str:
    if isinstance(key, int):
        return _b64(orjson.dumps(["i", key]))
    if isinstance(key, SortCursor):
        return _b64(orjson.dumps(["s", key.field, key.value, key.id]))
    if len(key) == 4:
        return _b64(orjson.dumps(["e", key[0].isoformat(), *key[1:]]))
    return _b64(orjson.dumps(["t", key[0].isoformat(), key[1]]))


def decode_event_cursor(cursor: str | None, field: str = "after") -> EventKey | None:
    """The event of a fact's history an event cursor points at; InvalidCursorError naming
    `field` for anything else."""
    if cursor is None:
        return None
    try:
        kind, stamp, order, figure, tie = orjson.loads(_unb64(cursor))
        when = dt.datetime.fromisoformat(stamp)
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise InvalidCursorError("invalid cursor", field=field) from exc
    if kind != "e" or not all(isinstance(n, int) for n in (order, figure, tie)):
        raise InvalidCursorError("invalid cursor", field=field)
    if when.tzinfo is None:
        raise InvalidCursorError("invalid cursor", field=field)
    return when, order, figure, tie


def decode_sort_cursor(cursor: str | None, order: str, field: str) -> tuple[str, int] | None:
    """The (value, id) a cursor of the `order` field points at; InvalidCursorError naming
    `field` for anything else, a cursor of another order included."""
    if cursor is None:
        return None
    try:
        kind, of, value, pk = orjson.loads(_unb64(cursor))
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise InvalidCursorError("invalid cursor", field=field) from exc
    if kind != "s" or of != order or not isinstance(value, str) or not isinstance(pk, int):
        raise InvalidCursorError(f"invalid cursor for this orderBy ({order})", field=field)
    return value, pk


def decode_id_cursor(cursor: str | None, field: str = "after") -> int | None:
    """The id an id cursor points at; InvalidCursorError naming `field` for anything else."""
    if cursor is None:
        return None
    try:
        kind, value = orjson.loads(_unb64(cursor))
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise InvalidCursorError("invalid cursor", field=field) from exc
    if kind != "i" or not isinstance(value, int):
        raise InvalidCursorError("invalid cursor", field=field)
    return value


def decode_time_cursor(cursor: str | None, field: str = "after") -> tuple[dt.datetime, int] | None:
    """The (published time, id) an article cursor points at; InvalidCursorError naming
    `field` for anything else."""
    if cursor is None:
        return None
    try:
        kind, stamp, value = orjson.loads(_unb64(cursor))
        when = dt.datetime.fromisoformat(stamp)
    except (ValueError, TypeError, binascii.Error, orjson.JSONDecodeError) as exc:
        raise InvalidCursorError("invalid cursor", field=field) from exc
    if kind != "t" or not isinstance(value, int):
        raise InvalidCursorError("invalid cursor", field=field)
    return when, value


def optional_id(value: str | None, type_name: str) -> int | None:
    """The primary key behind `value`, an id of a `type_name`; None for None."""
    return decode_id(value, type_name)[1] if value is not None else None
