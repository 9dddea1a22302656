"""The answer is written within the response cap and the request's deadline (issue 19)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import asyncpg
import httpx
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.app import create_app
from service.config import Settings
from service.graphql import encoding, pacing
from service.graphql.encoding import (
    PIECE,
    EncodingTimedOutError,
    MeasuredAnswer,
    encode_answer,
    measure_answer,
    sent_pieces,
    write_answer,
    written_pieces,
)
from tests.graphql.arrivals import arriving_requests
from tests.graphql.compiled_apps import executed

# The executor's (compiled_apps.executed): its answer is measured as it is written (a
# compiled statement's is sent as the bytes PostgreSQL wrote).
QUERY = executed("""{ articles(first: 5) { edges { node {
    headline figures(first: 20) { text } } } } }""")


def _clock(*readings: float) -> Iterator[float]:
    yield from readings
    while True:
        yield readings[-1]


def test_an_answer_within_the_cap_is_written_as_orjson_writes_it() -> None:
    data = {"data": {"a": [1, "two", None, True, {"b": 2.5}]}}
    assert encode_answer(data, limit=1000) == orjson.dumps(data)


def test_an_answer_over_the_cap_is_an_error() -> None:
    body = "x" * 600
    answer = orjson.loads(encode_answer({"data": {"a": body, "b": body}}, limit=1000))
    assert answer["data"] is None
    assert answer["errors"][0]["extensions"] == {"code": "response_too_large"}


# JSON values as an answer holds them (floats finite, integers in 64 bits: orjson's range).
_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_VALUES = st.recursive(
    _LEAVES, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=30
)


@given(_VALUES)
def test_the_measure_never_refuses_an_answer_that_fits(data: object) -> None:
    """The measure is a lower bound on the JSON: an answer exactly as long as the cap is
    written."""
    encoded = orjson.dumps(data)
    assert encode_answer(data, limit=len(encoded)) == encoded


def test_numbers_count_every_digit() -> None:
    # 6.9 MB of JSON; when a number counted as one character it measured 2 MB, passed,
    # and orjson wrote all of it before the cap refused it.
    data: dict[str, object] = {"data": list(range(1_000_000))}
    refused = asyncio.run(measure_answer(data, limit=3_000_000))
    assert refused["errors"][0]["extensions"] == {"code": "response_too_large"}  # type: ignore[index]
    assert isinstance(asyncio.run(measure_answer(data, limit=7_000_000)), MeasuredAnswer)


def test_the_measure_stops_when_the_deadline_passes_midway(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The clock reads 0 at the first value and 100 at every look after it.
    monkeypatch.setattr(encoding, "monotonic", _clock(0.0, 100.0).__next__)
    with pytest.raises(EncodingTimedOutError):
        encode_answer({"data": list(range(10_000))}, limit=10**9, deadline=50.0)
    monkeypatch.setattr(encoding, "monotonic", _clock(0.0, 100.0).__next__)
    # An answer of fewer values than one stretch between looks is measured at its first.
    assert encode_answer({"data": list(range(1_000))}, limit=10**9, deadline=50.0)


async def test_the_request_timeout_holds_while_the_answer_is_written(
    seeded_pool: asyncpg.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No response cache: the second request must be answered, not served from it.
    settings = Settings(
        factdesk_load_seeds=False, factdesk_request_timeout=60, factdesk_response_cache=False
    )
    app = create_app(settings)
    app.state.pool = seeded_pool
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        answered = (await client.post("/graphql", json={"query": QUERY})).json()
        # Execution keeps its own clock; the writing of the answer finds it a day later.
        monkeypatch.setattr(encoding, "monotonic", lambda: 10.0**12)
        late = (await client.post("/graphql", json={"query": QUERY})).json()
    assert len(answered["data"]["articles"]["edges"]) == 5
    assert late["data"] is None
    assert late["errors"][0]["extensions"] == {"code": "request_timeout"}
    assert "60 s" in late["errors"][0]["message"]


async def test_measuring_an_answer_hands_the_event_loop_back() -> None:
    """Another task (/healthz, another request) runs while a large answer is measured:
    the measure pauses every few thousand values, so it never holds the loop for long."""
    ticks = 0
    measuring = True

    async def other_work() -> None:
        nonlocal ticks
        while measuring:
            ticks += 1
            await asyncio.sleep(0)

    other = asyncio.ensure_future(other_work())
    await asyncio.sleep(0)
    ticks = 0
    answer: dict[str, object] = {"data": {"x": [{"a": 1, "b": "two"} for _ in range(200_000)]}}
    measured = await measure_answer(answer, limit=10**9)
    measuring = False
    await other
    assert isinstance(measured, MeasuredAnswer)
    assert measured == answer
    assert ticks > 20  # 600,000 values: a turn of the loop every 4,096 of them


async def test_a_measured_answer_over_the_cap_or_late_is_refused() -> None:
    body = "x" * 600
    refused = await measure_answer({"data": {"a": body, "b": body}}, limit=1000)
    assert refused["data"] is None
    assert refused["errors"] == [
        {
            "message": encoding.too_large(1000)["errors"][0]["message"],  # type: ignore[index]
            "extensions": {"code": "response_too_large"},
        }
    ]
    with pytest.raises(EncodingTimedOutError):
        await measure_answer({"data": list(range(10_000))}, limit=10**9, deadline=0.0)


async def _measured(data: dict[str, object], limit: int = 10**9) -> MeasuredAnswer:
    measured = await measure_answer(data, limit=limit)
    assert isinstance(measured, MeasuredAnswer)
    return measured


@given(st.dictionaries(st.text(), _VALUES), st.integers(0, 40))
def test_an_answer_written_in_pieces_is_what_one_pass_writes(
    data: dict[str, object], piece: int
) -> None:
    """Pieces as short as a few bytes (every container split, runs of any length) join
    into the bytes orjson writes in one pass."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(encoding, "PIECE", piece)
        measured = asyncio.run(_measured(data))
        pieces = asyncio.run(write_answer(measured, limit=10**9, seconds=0.0))
    written = b"".join(pieces)
    assert written == orjson.dumps(data)
    assert encode_answer(measured, limit=10**9) == written  # sent as written
    assert written_pieces(measured, limit=10**9) is pieces
    # Runs of at least a piece, but for the last and one cut short by a long piece after
    # it; never empty.
    for run, after in itertools.pairwise(pieces):
        assert len(run) >= piece or len(after) >= piece
    assert all(pieces)


async def test_writing_a_large_answer_hands_the_event_loop_back() -> None:
    """orjson holds the loop (and the GIL) for its whole pass: an answer of megabytes is
    written a piece at a time, another task running between the pieces."""
    turns = 0
    writing = True

    async def other_work() -> None:
        nonlocal turns
        while writing:
            turns += 1
            await asyncio.sleep(0)

    answer: dict[str, object] = {
        "data": {"x": [{"a": 1, "b": "two", "c": [i, None]} for i in range(100_000)]}
    }
    measured = await _measured(answer)
    other = asyncio.ensure_future(other_work())
    await asyncio.sleep(0)
    turns = 0
    written = b"".join(await write_answer(measured, limit=10**9, seconds=0.0))
    writing = False
    await other
    assert written == orjson.dumps(answer)
    # 3 MB of JSON, 128 KiB a piece, a turn of the loop after every other piece.
    assert len(written) > 20 * PIECE
    assert turns >= 10


async def test_a_written_answer_over_the_cap_or_late_is_refused() -> None:
    # The measure counts a float as 3 characters; orjson writes 7 for most of these.
    floats: dict[str, object] = {"data": [0.1 + i for i in range(20_000)]}
    measured = await _measured(floats, limit=100_000)
    refused = orjson.loads(b"".join(await write_answer(measured, limit=100_000)))
    assert refused["errors"][0]["extensions"] == {"code": "response_too_large"}
    large = await _measured({"data": ["x" * 1000] * 1000})
    with pytest.raises(EncodingTimedOutError):
        await write_answer(large, limit=10**9, deadline=0.0)
    small = await _measured({"data": ["x" * 10] * 10})
    assert await write_answer(small, limit=10**9, deadline=0.0)  # at once, no look


async def test_the_largest_answers_are_sent_as_written(
    seeded_pool: asyncpg.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the view: an answer longer than a piece is written in pieces and sent whole."""
    pieces = 0
    write_pieces = encoding._pieces

    def counted(*args: Any) -> Iterator[bytes]:
        nonlocal pieces
        for piece in write_pieces(*args):
            pieces += 1
            yield piece

    monkeypatch.setattr(encoding, "_pieces", counted)
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = seeded_pool
    # The executor's (a compiled answer is PostgreSQL's text, sent as it is).
    bodies = executed("""{ entities(first: 95) { edges { node { name
        articles(first: 5) { edges { node { body } } } } } } }""")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/graphql", json={"query": bodies})
    assert len(response.content) > 2 * PIECE
    assert pieces > 2
    answer = orjson.loads(response.content)
    assert "errors" not in answer
    assert response.content == orjson.dumps(answer)


async def test_a_request_arriving_while_an_answer_is_written_goes_before_its_next_piece(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []
    turn = pacing.turn_with_time_left

    async def noted(seconds: float) -> None:
        order.append("piece written")  # the writer looks at its slice after each piece
        await turn(seconds)

    monkeypatch.setattr(encoding, "turn_with_time_left", noted)
    measured = await _measured({"data": ["x" * 1000] * 1000})
    with arriving_requests(order) as client:
        await asyncio.sleep(0)  # a fresh turn
        client.send(b"x")  # arrives as the answer starts to be written
        await write_answer(measured, limit=10**9, seconds=1e-9)
    # The first piece starts a slice, the second spends it; the request runs next.
    assert order[:4] == ["piece written", "piece written", "request", "piece written"]


async def _messages(app: Any, method: str, query: str) -> list[dict[str, Any]]:
    """What the app sends for one request to /graphql, message by message."""
    body = orjson.dumps({"query": query}) if method == "POST" else b""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"" if body else urlencode({"query": query}).encode(),
        "root_path": "",
        "headers": [(b"host", b"test"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
        "state": {},
    }
    received = [{"type": "http.request", "body": body, "more_body": False}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if received:
            return received.pop()
        await asyncio.Event().wait()  # no disconnect while the answer is sent
        raise AssertionError

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


async def test_a_large_answer_is_sent_in_the_pieces_written(seeded_pool: asyncpg.Pool) -> None:
    """Never joined: each piece goes out as a body message of its own, with the whole
    length announced; a GET's answer keeps its tag, and the response cache still keeps
    (and sends again) an answer within its entry limit."""
    settings = Settings(factdesk_load_seeds=False, factdesk_sql_trees=False)  # the view's
    app = create_app(settings)
    app.state.pool = seeded_pool
    query = """{ entities(first: 95) { edges { node { name
        articles(first: 5) { edges { node { body } } } } } } }"""
    answers: dict[str, bytes] = {}
    for method in ("POST", "GET", "POST"):  # the second POST: the cached answer, whole
        sent = await _messages(app, method, query)
        start, bodies = sent[0], sent[1:]
        assert start["status"] == 200
        headers = dict(start["headers"])
        assert [b.get("more_body", False) for b in bodies][-1] is False
        written = b"".join(b["body"] for b in bodies)
        assert int(headers[b"content-length"]) == len(written) > 2 * PIECE
        assert written == orjson.dumps(orjson.loads(written))
        assert "errors" not in orjson.loads(written)
        if method == "GET":
            assert headers[b"etag"].startswith(b'W/"')
        if method in answers:
            assert len(bodies) == 1
            assert written == answers[method]
        else:
            assert len([b for b in bodies if b["body"]]) >= 2
        answers[method] = written


async def test_a_long_piece_is_sent_in_slices_and_let_go() -> None:
    """A long string is one piece as orjson wrote it (never copied into a run), sent in
    slices of PIECE so that a slow reader's socket buffer never holds a copy of it."""
    long = "y" * (5 * PIECE)
    answer: dict[str, object] = {"data": {"a": "x" * 10, "b": long, "c": [1, 2]}}
    pieces = await write_answer(await _measured(answer), limit=10**9)
    assert any(len(piece) == len(long) + 2 for piece in pieces)
    sent = [piece async for piece in sent_pieces(pieces)]
    assert pieces == []  # let go of
    assert b"".join(sent) == orjson.dumps(answer)
    assert max(map(len, sent)) <= PIECE
