"""GraphQL over HTTP (the graphql-over-http spec): the media type of an answer, and which
answers are request errors that say so with their status.

A client that accepts `application/graphql-response+json` gets it, and a request that
never executed (it did not parse, validate, fit its variables' types or the limits, or
named an unknown persisted query) answers 400 without a `data` entry: status alone tells
a gateway or a retrying client that nothing ran. Everyone else (`application/json`, `*/*`,
no Accept) keeps the legacy answer the spec allows: 200 with `errors`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import orjson
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from service.graphql.errors import BAD_USER_INPUT, PARSE_FAILED, TOO_MANY_TOKENS, VALIDATION_FAILED
from service.graphql.persisted import NOT_FOUND_CODE

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"

# Codes of errors raised before execution starts (service/graphql/errors.py, limits.py).
UNEXECUTED_CODES = frozenset(
    {
        PARSE_FAILED,
        VALIDATION_FAILED,
        BAD_USER_INPUT,
        NOT_FOUND_CODE,
        TOO_MANY_TOKENS,
        "query_too_deep",
        "too_many_aliases",
        "query_too_costly",
        "page_size_out_of_range",
    }
)


def response_media_type(headers: Mapping[str, str]) -> str:
    """`application/graphql-response+json` when the client's Accept weighs it at least as
    high as `application/json`; else `application/json`. `*/*` alone keeps JSON, so
    browsers and curl see what they always saw."""
    accept = headers.get("accept", "")
    return _remembered(accept) if len(accept) <= CACHED_ACCEPT else _media_type_for(accept)


CACHED_ACCEPT = 256  # characters: a longer Accept (a client's own) is parsed each time


def _media_type_for(accept_header: str) -> str:
    accept = parse_accept_header(accept_header, MIMEAccept)
    wanted = accept.quality(GRAPHQL_RESPONSE) if GRAPHQL_RESPONSE in accept.values() else 0
    if wanted <= 0:
        return JSON
    return GRAPHQL_RESPONSE if wanted >= accept[JSON] else JSON


# Clients send a few Accept values and each request asks up to three times (the gate, the
# compiled answer, the view): each short one parsed once (256 of them at most kept).
_remembered = functools.lru_cache(maxsize=256)(_media_type_for)


def never_executed(payload: Mapping[str, object]) -> bool:
    """Whether an answer reports a request refused before execution: no data, and only
    errors whose codes say so."""
    errors = payload.get("errors")
    if payload.get("data") is not None or not isinstance(errors, list) or not errors:
        return False
    return all(_code(error) in UNEXECUTED_CODES for error in errors)


def _code(error: object) -> object:
    extensions = error.get("extensions") if isinstance(error, dict) else None
    return extensions.get("code") if isinstance(extensions, dict) else None


def is_plain_read(body: bytes) -> bool:
    """A JSON request whose document has no mutation (escapes decoded before looking): one
    whose answer the response cache (service/response_cache.py) may keep.

    Persisted queries are never kept: a hash alone shows no document to look into, and a
    text sent with its hash must reach the view, which registers it."""
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    if not isinstance(payload, dict):
        return False
    extensions = payload.get("extensions")
    if isinstance(extensions, dict) and "persistedQuery" in extensions:
        return False
    query = payload.get("query")
    return isinstance(query, str) and "mutation" not in query.lower()
