"""A GraphQL answer written as JSON within the response cap and the request's deadline.

The answer's size is measured before it is written: aliases of one body share one string,
so an answer can be far larger encoded than in memory, and one surely too large is never
written at all. That measure walks every value of the answer in Python (about 0.15 us a
value, against orjson's 0.01 us), so on an answer of millions of small values it is the
slow part of the encoding. The view measures each answer with `measure_answer`, which
hands the event loop back every few thousand values (so /healthz and other requests are
served while a large answer is measured) and looks at the request's deadline as it goes,
as execution does between fields; `encode_answer` then writes a measured answer without
walking it again. orjson's own pass, which cannot be stopped, is bounded by the cap
(bench/response_encoding.py and bench/answer_walk.py measure both).
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Generator, Iterable, Iterator
from time import monotonic

import orjson

# Values walked between two looks at the clock and two turns of the event loop (each
# takes a fraction of a microsecond: a pause every 0.5-1 ms of walking).
_CHECK_EVERY = 4096


class EncodingTimedOutError(Exception):
    """The request's deadline passed while its answer was being measured."""


class MeasuredAnswer(dict[str, object]):
    """An answer `measure_answer` found within the cap (its strings alone): written
    without walking it again."""


def encode_answer(data: object, *, limit: int, deadline: float = math.inf) -> bytes:
    """``data`` as JSON bytes; a ``response_too_large`` error in its place when it would
    be longer than ``limit`` bytes; EncodingTimedOutError once ``deadline``
    (``time.monotonic``) passes while measuring it (a MeasuredAnswer is not measured
    again)."""
    if isinstance(data, MeasuredAnswer) or not _text_exceeds(data, limit, deadline):
        encoded = orjson.dumps(data)
        if len(encoded) <= limit:
            return encoded
    return orjson.dumps(too_large(limit))


def too_large(limit: int) -> dict[str, object]:
    """The answer in place of one longer than `limit` bytes."""
    # The cost limit bounds nodes, not bytes (a page of long bodies): past the cap the
    # client gets a clear error instead of an answer its parser may choke on.
    message = (
        f"The answer would be larger than {limit} bytes; ask for smaller pages with "
        "`first`, or fewer fields."
    )
    error = {"message": message, "extensions": {"code": "response_too_large"}}
    return {"data": None, "errors": [error]}


async def measure_answer(
    data: dict[str, object], *, limit: int, deadline: float = math.inf
) -> dict[str, object]:
    """``data`` as a MeasuredAnswer when its strings fit within ``limit`` bytes, else the
    ``response_too_large`` answer; measured a few thousand values at a time, the event
    loop served between them. EncodingTimedOutError once ``deadline`` passes."""
    steps = _walk(data, limit)
    if monotonic() > deadline:  # execution may have taken all of it
        raise EncodingTimedOutError
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return too_large(limit) if done.value else MeasuredAnswer(data)
        if monotonic() > deadline:
            raise EncodingTimedOutError
        await asyncio.sleep(0)


def _text_exceeds(data: object, limit: int, deadline: float) -> bool:
    """`_walk` at once, looking at the clock at each of its pauses."""
    steps = _walk(data, limit)
    if monotonic() > deadline:
        raise EncodingTimedOutError
    while True:
        try:
            next(steps)
        except StopIteration as done:
            exceeds: bool = done.value
            return exceeds
        if monotonic() > deadline:
            raise EncodingTimedOutError


def _walk(data: object, limit: int) -> Generator[None, None, bool]:
    """Whether ``data``'s JSON is surely longer than ``limit`` bytes: a lower bound on its
    length (every character orjson must write: quotes, brackets, separators, each number's
    digits), found without encoding it, stopping as soon as it is over; pausing (a yield)
    every few thousand values. Lists are walked in place, never copied: copying one of
    millions of items holds the event loop as long as writing it."""
    total = 0
    stack: list[Iterator[object]] = [iter((data,))]
    countdown = _CHECK_EVERY
    while stack:
        for item in stack[-1]:
            inner: Iterable[object] | None = None
            if isinstance(item, str):
                total += len(item) + 2
            elif isinstance(item, dict):
                # Its keys, each quoted with a colon and a comma, counted without a visit.
                total += sum(map(len, item)) + 4 * len(item) + 1
                inner = item.values()
            elif isinstance(item, list | tuple):
                total += len(item) + 1  # brackets and commas
                inner = item
            elif item is None or item is True:
                total += 4
            elif item is False:
                total += 5
            elif isinstance(item, int):
                # orjson writes an int as str does. (A number once counted as one character:
                # 4 million of them passed as 4 MB and orjson wrote 30 MB, then refused it.)
                total += len(str(item))
            else:  # a float: orjson writes at least three characters ("0.0", "1e5")
                total += 3
            if total > limit:
                return True
            countdown -= 1
            if countdown <= 0:
                countdown = _CHECK_EVERY
                yield
            if inner is not None:
                stack.append(iter(inner))
                break
        else:
            stack.pop()
    return False
