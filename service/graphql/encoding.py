"""A GraphQL answer written as JSON within the response cap and the request's deadline.

The answer's size is measured before it is written: aliases of one body share one string,
so an answer can be far larger encoded than in memory, and one surely too large is never
written at all. That measure walks every value of the answer in Python (about 0.15 us a
value, against orjson's 0.01 us), so on an answer of millions of small values it is the
slow part of the encoding. The view measures each answer with `measure_answer`, which
hands the event loop back every few thousand values (so /healthz and other requests are
served while a large answer is measured) and looks at the request's deadline as it goes,
as execution does between fields; `encode_answer` then writes a measured answer without
walking it again. orjson holds the GIL for its whole pass (a thread would not free the
loop) and 8 MiB of small values take it 17-47 ms, so `write_answer` writes an answer longer
than PIECE in pieces of about that size (each container the walk found longer is split
into its members), the loop served between them; the pieces join into the very bytes one
pass would write (bench/response_encoding.py and bench/answer_walk.py measure both). They
are kept in runs of about PIECE and sent as they are, never joined (`written_pieces`): a
join held a second copy of the answer, and one send of megabytes a third in the socket's
buffer while a slow client read it (bench/answer_memory.py measures both).
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Generator, Iterable, Iterator
from time import monotonic

import orjson

from service.graphql.pacing import SLICE, after_next_poll, turn_with_time_left

# Values walked between two looks at the clock and two turns of the event loop (each
# takes a fraction of a microsecond: a pause every 0.5-1 ms of walking).
_CHECK_EVERY = 4096
# Bytes of JSON (the walk's lower bound) orjson writes in one go: 0.2-0.8 ms of CPU.
PIECE = 128 * 1024
# A piece longer than this (a long string) is sent in slices of PIECE (`sent_pieces`).
SENT_AT_ONCE = 4 * PIECE


class EncodingTimedOutError(Exception):
    """The request's deadline passed while its answer was being measured."""


class MeasuredAnswer(dict[str, object]):
    """An answer `measure_answer` found within the cap: written without walking it again,
    or sent as the pieces `written` once `write_answer` has written it."""

    __slots__ = ("holds_large", "large", "written")

    def __init__(self, data: dict[str, object], large: dict[int, int], holds: set[int]) -> None:
        super().__init__(data)
        # By id(): the containers longer than PIECE, with their length; those holding one.
        self.large = large
        self.holds_large = holds
        self.written: list[bytes] | None = None


def encode_answer(data: object, *, limit: int, deadline: float = math.inf) -> bytes:
    """``data`` as JSON bytes; a ``response_too_large`` error in its place when it would
    be longer than ``limit`` bytes; EncodingTimedOutError once ``deadline``
    (``time.monotonic``) passes while measuring it (a MeasuredAnswer is not measured
    again)."""
    if isinstance(data, MeasuredAnswer) and data.written is not None:
        return b"".join(data.written)
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
    large: dict[int, int] = {}
    holds: set[int] = set()
    steps = _walk(data, limit, large, holds)
    if monotonic() > deadline:  # execution may have taken all of it
        raise EncodingTimedOutError
    while True:
        try:
            next(steps)
        except StopIteration as done:
            if done.value:
                return too_large(limit)
            answer = MeasuredAnswer(data, large, holds)
            if id(data) in large:  # the copy stands for it
                large[id(answer)] = large.pop(id(data))
            return answer
        if monotonic() > deadline:
            raise EncodingTimedOutError
        await after_next_poll()  # what arrived meanwhile runs before the next step


async def write_answer(
    answer: MeasuredAnswer, *, limit: int, deadline: float = math.inf, seconds: float = SLICE
) -> list[bytes]:
    """The measured ``answer`` as JSON in pieces of about PIECE bytes (kept as its
    ``written``): one at once when it is at most PIECE long, else a piece at a time, the
    event loop served once a turn's ``seconds`` are spent; the ``response_too_large``
    answer past ``limit``. EncodingTimedOutError once ``deadline`` passes between two
    pieces."""
    if id(answer) not in answer.large:
        pieces = [orjson.dumps(answer)]
    else:
        pieces = []
        run: list[bytes] = []  # the small pieces of the next run, `length` bytes
        length = 0
        for part in _pieces(answer, answer.large, answer.holds_large):
            if len(part) >= PIECE:  # kept as orjson wrote it, never copied into a run
                if run:
                    pieces.append(b"".join(run))
                    run, length = [], 0
                pieces.append(part)
            else:
                run.append(part)
                length += len(part)
                if length >= PIECE:
                    pieces.append(b"".join(run))
                    run, length = [], 0
            await turn_with_time_left(seconds)
            if monotonic() > deadline:
                raise EncodingTimedOutError
        if run:
            pieces.append(b"".join(run))
    if sum(map(len, pieces)) > limit:
        pieces = [orjson.dumps(too_large(limit))]
    answer.written = pieces
    return pieces


async def sent_pieces(pieces: list[bytes]) -> AsyncIterator[bytes]:
    """The pieces in order, each let go of once sent (the list is emptied); one longer than
    SENT_AT_ONCE in slices of PIECE bytes, so the socket's buffer never holds a copy of
    megabytes while a slow client reads (the sender waits whenever it is full)."""
    pieces.reverse()
    while pieces:
        piece = pieces.pop()
        if len(piece) <= SENT_AT_ONCE:
            yield piece
            continue
        for start in range(0, len(piece), PIECE):
            yield piece[start : start + PIECE]
        del piece


def written_pieces(data: object, *, limit: int) -> list[bytes]:
    """What is sent of ``data``: the pieces `write_answer` wrote of it, else its JSON in one
    piece (`encode_answer`)."""
    if isinstance(data, MeasuredAnswer) and data.written is not None:
        return data.written
    return [encode_answer(data, limit=limit)]


def _pieces(value: object, large: dict[int, int], holds: set[int]) -> Iterator[bytes]:
    """``value``'s JSON in pieces that join into ``orjson.dumps(value)``: a container in
    ``large`` is split into its members (a list's small members in runs of about PIECE
    bytes, by its measured length), anything else is written whole."""
    length = large.get(id(value))
    if length is None or not value:  # (empty: only when PIECE is tiny)
        yield orjson.dumps(value)
    elif isinstance(value, dict):
        opening = b"{"
        for key, member in value.items():
            yield opening + orjson.dumps(key) + b":"
            opening = b","
            yield from _pieces(member, large, holds)
        yield b"}"
    else:
        assert isinstance(value, list | tuple)
        run = max(1, len(value) * PIECE // length)  # members a piece, were they all as long
        look = id(value) in holds
        start, end = 0, len(value)
        yield b"["
        while start < end:
            if start:
                yield b","
            if look and id(value[start]) in large:
                yield from _pieces(value[start], large, holds)
                start += 1
                continue
            stop = min(end, start + run)
            if look:  # a run stops short of a long member
                stop = next((i for i in range(start + 1, stop) if id(value[i]) in large), stop)
            yield orjson.dumps(value[start:stop])[1:-1]
            start = stop
        yield b"]"


def _text_exceeds(data: object, limit: int, deadline: float) -> bool:
    """`_walk` at once, looking at the clock at each of its pauses."""
    steps = _walk(data, limit, None, None)
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


def _walk(
    data: object, limit: int, large: dict[int, int] | None, holds: set[int] | None
) -> Generator[None, None, bool]:
    """Whether ``data``'s JSON is surely longer than ``limit`` bytes: a lower bound on its
    length (every character orjson must write: quotes, brackets, separators, each number's
    digits), found without encoding it, stopping as soon as it is over; pausing (a yield)
    every few thousand values. Lists are walked in place, never copied: copying one of
    millions of items holds the event loop as long as writing it. Given ``large`` and
    ``holds``, it notes there (by id) each container longer than PIECE with its length,
    and each container holding one."""
    total = 0
    stack: list[Iterator[object]] = [iter((data,))]
    opened: list[tuple[object, int]] = []  # the containers of stack[1:], each's start
    countdown = _CHECK_EVERY
    while stack:
        for item in stack[-1]:
            inner: Iterable[object] | None = None
            start = total
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
                opened.append((item, start))
                break
        else:
            stack.pop()
            if opened:
                container, start = opened.pop()
                if large is not None and total - start > PIECE:
                    large[id(container)] = total - start
                    if opened and holds is not None:
                        holds.add(id(opened[-1][0]))
    return False
