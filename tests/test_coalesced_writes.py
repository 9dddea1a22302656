"""An answer's head and body leave `factdesk serve`'s protocol in one write to the socket;
a large answer still goes in its pieces, and nothing held is lost or reordered.

The server is uvicorn with serve's protocol (service/request_head.py) in this process over
a real TCP socket, the app the real one on the seeds; the transport under the protocol is
the loop's own, watched by a spy that counts the writes it passes on."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any, cast

import asyncpg
import pytest
import pytest_asyncio
import uvicorn

from service.app import create_app
from service.coalesced_writes import HOLD_BYTES, CoalescedTransport
from service.config import Settings
from service.request_head import BoundedHeadProtocol

pytestmark = pytest.mark.asyncio(loop_scope="session")

WAIT = 30.0
writes: list[bytes] = []  # what reached the loop's transport, write by write


class Spy:
    """The loop's transport, with every write it is given noted in `writes`."""

    def __init__(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def write(self, data: bytes | bytearray | memoryview) -> None:
        writes.append(bytes(data))
        cast(asyncio.Transport, self.transport).write(data)

    def __getattr__(self, name: str) -> Any:  # everything else is the transport's own
        return getattr(self.transport, name)


def spied(transport: asyncio.BaseTransport) -> asyncio.Transport:
    return cast(asyncio.Transport, Spy(transport))


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def address(seeded_pool: asyncpg.Pool) -> AsyncIterator[tuple[str, int]]:
    settings = Settings(factdesk_load_seeds=False, factdesk_response_cache=False)
    app = create_app(settings)
    app.state.pool = seeded_pool

    class Watched(BoundedHeadProtocol):  # serve's protocol, its limits at their defaults
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(spied(transport))

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, lifespan="off", log_level="warning", http=Watched)
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110 (uvicorn sets a flag, no event)
        await asyncio.sleep(0.01)
    yield sock.getsockname()
    server.should_exit = True
    await task


async def _answer(address: tuple[str, int], request: bytes) -> bytes:
    """The whole answer to `request`, sent on a connection closed after it."""
    reader, writer = await asyncio.open_connection(*address)
    try:
        writer.write(request)
        await writer.drain()
        return await asyncio.wait_for(reader.read(), WAIT)
    finally:
        writer.close()


def _post(body: bytes) -> bytes:
    head = (
        "POST /graphql HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\n"
        f"connection: close\r\ncontent-length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def test_a_compiled_answer_is_one_write(address: tuple[str, int]) -> None:
    body = b'{"query": "{ articles(first: 5) { edges { node { headline outlet { name } } } } }"}'
    await _answer(address, _post(body))  # compiled now; the next one takes the known path
    writes.clear()
    answer = await _answer(address, _post(body))
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert b'{"data":{"articles":{"edges":[{"node":{"headline":' in answer
    assert writes == [answer], [w[:60] for w in writes]


async def test_an_executed_answer_and_a_page_are_one_write_each(
    address: tuple[str, int],
) -> None:
    for request in (
        _post(b'{"query": "{ __schema { queryType { name } } }"}'),
        b"GET /healthz HTTP/1.1\r\nhost: test\r\nconnection: close\r\n\r\n",
    ):
        writes.clear()
        answer = await _answer(address, request)
        assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]
        assert writes == [answer], [w[:60] for w in writes]


class Socket(asyncio.Protocol):
    """The reading end: every byte that arrives, in order."""

    def __init__(self) -> None:
        self.received = bytearray()
        self.closed = asyncio.get_running_loop().create_future()

    def data_received(self, data: bytes) -> None:
        self.received += data

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed.set_result(None)


async def _pair() -> tuple[CoalescedTransport, Socket, asyncio.Server]:
    """A coalescing transport (over a spy) writing to a real socket, and its reader."""
    loop = asyncio.get_running_loop()
    reader = Socket()
    server = await loop.create_server(lambda: reader, "127.0.0.1", 0)
    transport, _ = await loop.create_connection(asyncio.Protocol, *server.sockets[0].getsockname())
    return CoalescedTransport(spied(transport), loop), reader, server


async def test_a_large_answer_is_written_in_its_pieces_not_joined() -> None:
    coalesced, reader, server = await _pair()
    writes.clear()
    head, pieces = b"H" * 200, [b"a" * 200_000, b"b" * 200_000, b"c" * 100]
    coalesced.write(head)
    for piece in pieces:
        coalesced.write(piece)
    coalesced.close()
    await asyncio.wait_for(reader.closed, WAIT)
    server.close()
    assert bytes(reader.received) == head + b"".join(pieces)
    # The head went ahead of the first large piece, never copied onto it; the small last
    # piece went on its own at the close.
    assert [len(w) for w in writes] == [200, 200_000, 200_000, 100]


async def test_a_held_write_goes_out_at_the_end_of_the_loops_turn() -> None:
    coalesced, reader, server = await _pair()
    writes.clear()
    coalesced.write(b"x" * HOLD_BYTES)
    assert writes == []  # held for a write that may follow in this turn
    await asyncio.sleep(0)
    assert writes == [b"x" * HOLD_BYTES]
    coalesced.write(b"y" * (HOLD_BYTES + 1))  # too large to hold
    assert writes[-1] == b"y" * (HOLD_BYTES + 1)
    coalesced.write(b"z")
    coalesced.write_eof()  # what is held goes before the end
    await asyncio.sleep(0.05)
    coalesced.close()
    await asyncio.wait_for(reader.closed, WAIT)
    server.close()
    assert bytes(reader.received) == b"x" * HOLD_BYTES + b"y" * (HOLD_BYTES + 1) + b"z"
