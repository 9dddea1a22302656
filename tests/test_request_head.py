"""A request's line and headers are bounded in size and in time, and its body in time, by a
real `factdesk serve` read over raw sockets (an HTTP client refuses to send what these tests
send)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import pytest_asyncio

from tests.servers import seeded_database, served

HEAD_TIMEOUT = 1.0  # the server's FACTDESK_REQUEST_HEAD_TIMEOUT in these tests
BODY_TIMEOUT = 1.0  # and its FACTDESK_REQUEST_BODY_TIMEOUT
KEY = "request-head-key"  # its write key
WAIT = 30.0  # seconds a test waits for the server's answer before failing

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.fixture(scope="module")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("request_head") / "server.log"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def address(server_dsn: str, server_log: Path) -> AsyncIterator[tuple[str, int]]:
    dsn = await seeded_database(server_dsn, "factdesk_request_head")
    log = server_log
    settings = {
        "FACTDESK_REQUEST_HEAD_TIMEOUT": str(HEAD_TIMEOUT),
        "FACTDESK_REQUEST_BODY_TIMEOUT": str(BODY_TIMEOUT),
        "FACTDESK_API_KEYS": KEY,
    }
    async with served(dsn, log=log, settings=settings) as base:
        parts = urlsplit(base)
        assert parts.hostname is not None
        assert parts.port is not None
        yield parts.hostname, parts.port


async def _exchange(address: tuple[str, int], chunks: list[bytes]) -> bytes:
    """Sends `chunks` (as far as the server lets it) and reads until the server closes."""
    reader, writer = await asyncio.open_connection(*address)
    try:
        for chunk in chunks:
            try:
                writer.write(chunk)
                await writer.drain()
            except ConnectionError:
                break  # the server answered and closed before the whole head was sent
        return await asyncio.wait_for(reader.read(), WAIT)
    finally:
        writer.close()


def _status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


async def test_a_head_past_the_limit_is_refused_as_soon_as_it_passes(
    address: tuple[str, int],
) -> None:
    # 100 MB of header: before, the process kept all of it (RSS 2x) and never answered.
    start = b"GET /healthz HTTP/1.1\r\nhost: x\r\nx-big: "
    chunks = [start] + [b"v" * 1_000_000] * 100
    answer = await _exchange(address, chunks)
    assert _status(answer) == 431
    assert b'"code":"request_head_too_large"' in answer


async def test_a_url_past_the_limit_is_refused(address: tuple[str, int]) -> None:
    answer = await _exchange(address, [b"GET /api/v1/articles?x=" + b"a" * 200_000])
    assert _status(answer) == 431


async def test_many_headers_past_the_limit_are_refused(address: tuple[str, int]) -> None:
    headers = b"".join(b"x-h%d: %s\r\n" % (n, b"v" * 100) for n in range(1000))
    answer = await _exchange(address, [b"GET /healthz HTTP/1.1\r\nhost: x\r\n" + headers + b"\r\n"])
    assert _status(answer) == 431


async def test_a_head_within_the_limit_is_served(address: tuple[str, int]) -> None:
    headers = b"".join(b"x-h%d: %s\r\n" % (n, b"v" * 100) for n in range(400))  # ~44 KB
    request = b"GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n" + headers + b"\r\n"
    answer = await _exchange(address, [request])
    assert _status(answer) == 200


async def test_a_head_that_trickles_in_is_closed(address: tuple[str, int]) -> None:
    # Slow loris: a request line, then nothing. Before, the connection stayed open for good.
    answer = await _exchange(address, [b"GET /healthz HTTP/1.1\r\nhost: x\r\n"])
    assert _status(answer) == 408
    assert b'"code":"request_head_timeout"' in answer


async def test_a_connection_that_sends_nothing_is_closed(address: tuple[str, int]) -> None:
    answer = await _exchange(address, [])
    assert _status(answer) == 408


async def test_keep_alive_requests_each_get_their_head_read(address: tuple[str, int]) -> None:
    reader, writer = await asyncio.open_connection(*address)
    try:
        for _ in range(3):
            writer.write(b"GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n")
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), WAIT)
            assert _status(head) == 200
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            await reader.readexactly(length)
    finally:
        writer.close()


def _ingest_head(length: int) -> bytes:
    return (
        b"POST /api/v1/articles HTTP/1.1\r\nhost: x\r\ncontent-type: text/plain\r\n"
        b"authorization: Bearer %s\r\ncontent-length: %d\r\n\r\n" % (KEY.encode(), length)
    )


async def test_a_body_that_trickles_in_is_closed(
    address: tuple[str, int], server_log: Path
) -> None:
    # Slow loris on the body: 1 MB announced, then a byte at a time. Before, the request
    # waited for its body for as long as the client liked, and was never answered.
    reader, writer = await asyncio.open_connection(*address)

    async def trickle() -> None:
        writer.write(_ingest_head(1_000_000))
        try:
            while not reader.at_eof():
                writer.write(b"x")
                await writer.drain()
                await asyncio.sleep(0.1)  # the attacker's pace, far below the minimum rate
        except ConnectionError:
            pass  # the server closed

    sender = asyncio.create_task(trickle())
    try:
        answer = await asyncio.wait_for(reader.read(), WAIT)
    finally:
        sender.cancel()
        writer.close()
    assert _status(answer) == 408
    assert b'"code":"request_body_timeout"' in answer
    assert b"connection: close" in answer.lower()
    # The route saw its client go: not an unexpected error with a traceback in the log
    # (a request served after it means the route has had its turn on the loop).
    healthz = b"GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"
    assert _status(await _exchange(address, [healthz])) == 200
    assert "unexpected error" not in await asyncio.to_thread(server_log.read_text)


async def test_a_graphql_body_that_stops_is_closed(address: tuple[str, int]) -> None:
    head = (
        b"POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
        b"content-length: 100\r\n\r\n"
    )
    answer = await _exchange(address, [head + b'{"query": "{ outlets'])
    assert _status(answer) == 408
    assert b'"code":"request_body_timeout"' in answer


async def test_a_large_body_sent_at_full_speed_is_read(address: tuple[str, int]) -> None:
    # 1 MB of spaces: read whole by the route, which finds no text in it.
    body = b" " * 1_000_000
    answer = await _exchange(address, [_ingest_head(len(body)) + body])
    assert _status(answer) == 422
    assert b'"code":"empty_article"' in answer


async def test_a_large_body_at_a_fair_rate_may_take_longer_than_the_timeout(
    address: tuple[str, int],
) -> None:
    # 1 MB in 100 KB pieces over ~1.5 s (BODY_TIMEOUT 1 s): every byte received buys time,
    # so a slow but honest upload is not cut off as a trickle would be.
    body = b" " * 1_000_000
    pieces = [body[i : i + 100_000] for i in range(0, len(body), 100_000)]
    reader, writer = await asyncio.open_connection(*address)
    try:
        writer.write(_ingest_head(len(body)))
        for piece in pieces:
            writer.write(piece)
            await writer.drain()
            await asyncio.sleep(BODY_TIMEOUT * 0.15)  # the client's pace
        answer = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), WAIT)
    finally:
        writer.close()
    assert _status(answer) == 422
