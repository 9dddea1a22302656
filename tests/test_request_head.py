"""A request's line and headers are bounded in size and in time, by a real `factdesk serve`
read over raw sockets (an HTTP client refuses to send what these tests send)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import pytest
import pytest_asyncio

from tests.servers import seeded_database, served

HEAD_TIMEOUT = 1.0  # the server's FACTDESK_REQUEST_HEAD_TIMEOUT in these tests
WAIT = 30.0  # seconds a test waits for the server's answer before failing

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def address(
    server_dsn: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[str, int]]:
    dsn = await seeded_database(server_dsn, "factdesk_request_head")
    log = tmp_path_factory.mktemp("request_head") / "server.log"
    settings = {"FACTDESK_REQUEST_HEAD_TIMEOUT": str(HEAD_TIMEOUT)}
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
