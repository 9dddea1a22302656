"""How long the worst answers the response cap allows take to measure and write (issue 19).

    .venv/bin/python -m bench.response_encoding

An answer's size is measured by a walk over its values (service/graphql/encoding.py)
before orjson writes it. The walk is the slow part and looks at the request's deadline;
orjson's pass cannot be stopped, and this shows what it costs at the cap. Each shape is
built at FACTDESK_GRAPHQL_MAX_RESPONSE_BYTES' default (8 MiB); times are this thread's CPU
seconds, the best of three.

Then, for each answer orjson writes, the longest the event loop is held while it is written
(a ticker task asks for a turn every millisecond; this thread's CPU ms between its turns,
least and median of seven): in one orjson pass, and by `write_answer` (in pieces, the loop
served between them, as the view writes a measured answer).
"""

from __future__ import annotations

import asyncio
import functools
import math
import statistics
import time
from collections.abc import Awaitable, Callable

import orjson

from service.config import Settings
from service.graphql.encoding import MeasuredAnswer, encode_answer, measure_answer, write_answer

LIMIT = Settings().factdesk_graphql_max_response_bytes


def _small_nodes(count: int) -> object:
    node = {"a": 1, "b": None, "c": True, "d": 2}
    return {"data": {"x": [dict(node) for _ in range(count)]}}


# name, the answer, whether orjson writes it (the walk stops an answer surely too large)
SHAPES: list[tuple[str, Callable[[], object], bool]] = [
    (
        "nodes of four one-letter fields, just under the cap",
        lambda: _small_nodes(LIMIT // 33),
        True,
    ),
    # Refused by the walk since it counts each number's digits (it counted one character
    # a number, and orjson wrote 30 MB before the cap refused them).
    ("4 million bare numbers, 30 MB", lambda: {"x": [*range(4_000_000)]}, False),
    ("nodes of four fields, three times the cap", lambda: _small_nodes(3_000_000), False),
    (
        "20 aliases of 500 bodies of 1 MiB (one string)",
        lambda: {"x": [["b" * 2**20] * 20] * 500},
        False,
    ),
    ("one 8 MiB string", lambda: {"x": "b" * (LIMIT - 32)}, True),
]


def _best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        started = time.thread_time()
        run()
        times.append(time.thread_time() - started)
    return min(times)


async def _longest_hold(write: Callable[[], Awaitable[object]]) -> float:
    """The most CPU seconds this thread spent between two turns of the loop while `write`
    ran."""
    longest, writing = 0.0, True

    async def tick() -> None:
        nonlocal longest
        while writing:
            cpu = time.thread_time()
            await asyncio.sleep(0.001)
            longest = max(longest, time.thread_time() - cpu)

    ticker = asyncio.ensure_future(tick())
    await asyncio.sleep(0.01)
    longest = 0.0
    await write()
    writing = False
    await ticker
    return longest


async def _holds(data: dict[str, object]) -> str:
    measured = await measure_answer(data, limit=LIMIT)
    assert isinstance(measured, MeasuredAnswer)

    async def at_once() -> None:
        orjson.dumps(measured)

    async def in_pieces() -> None:
        measured.written = None
        await write_answer(measured, limit=LIMIT)

    cells = []
    for write in (at_once, in_pieces):
        held = [await _longest_hold(write) * 1000 for _ in range(7)]
        cells.append(f"{min(held):.1f} / {statistics.median(held):.1f}")
    return " | ".join(cells)


def main() -> None:
    print("| answer | bytes answered | measure + write s | of which orjson s |")
    print("|---|---:|---:|---:|")
    for name, build, written in SHAPES:
        data = build()
        answered = len(encode_answer(data, limit=LIMIT, deadline=math.inf))
        total = _best(functools.partial(encode_answer, data, limit=LIMIT))
        alone = f"{_best(functools.partial(orjson.dumps, data)):.3f}" if written else "not run"
        print(f"| {name} | {answered:,} | {total:.3f} | {alone} |")
    print()
    print("| answer | loop held, one pass, CPU ms least / median | in pieces |")
    print("|---|---:|---:|")
    for name, build, written in SHAPES:
        if written:
            answer = build()
            assert isinstance(answer, dict)
            print(f"| {name} | {asyncio.run(_holds(answer))} |")


if __name__ == "__main__":
    main()
