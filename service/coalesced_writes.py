"""One send for an answer's head and its body: a transport that holds a small write back
until the next write or the end of the event loop's turn.

uvicorn writes a response's status line and headers as soon as the app sends
`http.response.start`, and its body at `http.response.body`: two `send()` calls, two TCP
segments, for an answer that has all its bytes at once. On loopback a `send()` costs the
sender the receiver's side too (bench/RESULTS.md, compiler7: a third of a compiled page's
CPU in the server was its three sends). Here a write of at most HOLD_BYTES is held; the
next write goes out with it in one call (copied together only when small), and one not
followed within the loop's turn goes out at its end. Nothing is reordered, at most one
small piece waits, and a large streamed answer is written piece by piece as before (the
memory bound of service/graphql/encoding.py's pieces holds).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

HOLD_BYTES = 16_384  # a head, or a small answer: held for the write that follows
JOIN_BYTES = 65_536  # a following write this small is copied after the held bytes


class CoalescedTransport(asyncio.Transport):
    """`transport`, with a small write held for the write that follows it."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None

    def write(self, data: bytes | bytearray | memoryview) -> None:
        held = self._held
        if held is not None:
            self._held = None
            if len(data) <= JOIN_BYTES:
                self._transport.write(held + bytes(data))
                return
            self._transport.write(held)
        elif 0 < len(data) <= HOLD_BYTES and not self._transport.is_closing():
            self._held = bytes(data)
            self._loop.call_soon(self._flush)
            return
        if data:
            self._transport.write(data)

    def _flush(self) -> None:
        held, self._held = self._held, None
        if held is not None and not self._transport.is_closing():
            self._transport.write(held)

    def writelines(self, list_of_data: Iterable[bytes | bytearray | memoryview]) -> None:
        for data in list_of_data:
            self.write(data)

    def write_eof(self) -> None:
        self._flush()
        self._transport.write_eof()

    def can_write_eof(self) -> bool:
        return self._transport.can_write_eof()

    def close(self) -> None:
        self._flush()  # close sends what is buffered first; the held bytes are buffered
        self._transport.close()

    def abort(self) -> None:
        self._held = None
        self._transport.abort()

    def is_closing(self) -> bool:
        return self._transport.is_closing()

    def get_write_buffer_size(self) -> int:
        held = len(self._held) if self._held is not None else 0
        return self._transport.get_write_buffer_size() + held

    def get_write_buffer_limits(self) -> tuple[int, int]:
        return self._transport.get_write_buffer_limits()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        self._transport.set_write_buffer_limits(high, low)

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self._transport.get_extra_info(name, default)

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        self._transport.set_protocol(protocol)

    def get_protocol(self) -> asyncio.BaseProtocol:
        return self._transport.get_protocol()

    def is_reading(self) -> bool:
        return self._transport.is_reading()

    def pause_reading(self) -> None:
        self._transport.pause_reading()

    def resume_reading(self) -> None:
        self._transport.resume_reading()
