"""A GraphQL answer written as JSON within the response cap and the request's deadline.

The answer's size is measured before it is written: aliases of one body share one string,
so an answer can be far larger encoded than in memory, and one surely too large is never
written at all. That measure walks every value of the answer in Python (about 0.15 us a
value, against orjson's 0.01 us), so on an answer of millions of small values it is the
slow part of the encoding: it looks at the request's deadline as it goes, as execution
does between fields. orjson's own pass, which cannot be stopped, is bounded by the cap
(bench/response_encoding.py measures both).
"""

from __future__ import annotations

import math
from time import monotonic

import orjson

# Values walked between two looks at the clock (each takes a fraction of a microsecond).
_CHECK_EVERY = 4096


class EncodingTimedOutError(Exception):
    """The request's deadline passed while its answer was being measured."""


def encode_answer(data: object, *, limit: int, deadline: float = math.inf) -> bytes:
    """``data`` as JSON bytes; a ``response_too_large`` error in its place when it would
    be longer than ``limit`` bytes; EncodingTimedOutError once ``deadline``
    (``time.monotonic``) passes while measuring it."""
    if not _text_exceeds(data, limit, deadline):
        encoded = orjson.dumps(data)
        if len(encoded) <= limit:
            return encoded
    # The cost limit bounds nodes, not bytes (a page of long bodies): past the cap the
    # client gets a clear error instead of an answer its parser may choke on.
    message = (
        f"The answer would be larger than {limit} bytes; ask for smaller pages with "
        "`first`, or fewer fields."
    )
    error = {"message": message, "extensions": {"code": "response_too_large"}}
    return orjson.dumps({"data": None, "errors": [error]})


def _text_exceeds(data: object, limit: int, deadline: float) -> bool:
    """Whether the strings in `data` (keys included) alone are longer than `limit`: a lower
    bound on its JSON, found without encoding it, stopping as soon as it is over."""
    total = 0
    pending = [data]
    countdown = 0  # the first value looks at the clock
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, dict):
            total += sum(map(len, item))  # its keys, strings, counted without a visit each
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
        else:
            total += 1
        if total > limit:
            return True
        countdown -= 1
        if countdown <= 0:
            countdown = _CHECK_EVERY
            if monotonic() > deadline:
                raise EncodingTimedOutError
    return False
