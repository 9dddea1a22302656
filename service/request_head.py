"""uvicorn's HTTP/1.1 protocol (httptools) with a bound on each request's head and body time.

httptools hands uvicorn the request line and the headers piece by piece, and uvicorn keeps
them all, with no limit on their size and no time limit on their arrival: a client sending
100 MB of header doubled the process's memory and was never answered, and a client that
connects and trickles a head one byte at a time (slow loris) holds a connection, and a file
descriptor, for as long as it likes. Here a head (URL and headers) larger than
FACTDESK_MAX_REQUEST_HEAD_BYTES is answered 431 and its connection closed as soon as the
limit is passed, and a head not received whole within FACTDESK_REQUEST_HEAD_TIMEOUT
seconds of its first byte (or of the connection, for the first request) is answered 408
and closed. A body's size is the app's to cap (graphql/gate.py, rest/), but not the time it
takes to arrive: a client that sent `Content-Length: 1000000` and then one byte a second held
its connection and its request (app task, pool wait, the route's reads) for as long as it
liked, outside the request deadline. Here a body gets FACTDESK_REQUEST_BODY_TIMEOUT seconds
plus one second per FACTDESK_REQUEST_BODY_MIN_RATE bytes received (Apache's mod_reqtimeout
rule: a trickle is cut early, a large body at a fair rate is not), else it is answered 408
and closed; the app sees the client go (`http.disconnect`). Time the server itself holds the
body back (reading paused, 100-continue not yet sent) is not counted against the client.
"""

from __future__ import annotations

import asyncio
from http import HTTPStatus
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from service.coalesced_writes import CoalescedTransport
from service.config import Settings
from service.problems import PROBLEM_MEDIA_TYPE, PROBLEMS, ProblemError, problem_body

LINGER = 2.0  # seconds a refused connection is read (and dropped) before it is closed


class BoundedHeadProtocol(HttpToolsProtocol):
    """HttpToolsProtocol with a size and a time limit on each request's head."""

    max_head_bytes = 65_536
    head_timeout = 10.0
    body_timeout = 10.0
    body_min_rate = 16_384  # bytes a second that each buy one more second; 0: none

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_head = True  # the bytes arriving are a request's line and headers
        self._head_bytes = 0  # of the head being read
        self._head_timer: asyncio.TimerHandle | None = None
        self._refused = False
        self._body_timer: asyncio.TimerHandle | None = None
        self._body_started = 0.0  # loop time the body's clock started
        self._body_bytes = 0  # received since then

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        # An answer's head and body in one send (service/coalesced_writes.py).
        super().connection_made(CoalescedTransport(transport, self.loop))
        self._start_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_timer()
        self._stop_body_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        # A head is fed to the parser no further than the limit: httptools keeps a header's
        # value to itself until it is whole, so counting in its callbacks would let one
        # 100 MB header through.
        while self._in_head and data and not self._refused:
            room = self.max_head_bytes - self._head_bytes
            if room <= 0:
                detail = (
                    f"The request's URL and headers are larger than {self.max_head_bytes} bytes."
                )
                self._refuse(ProblemError("request_head_too_large", detail))
                return
            piece, data = data[:room], data[room:]
            self._head_bytes += len(piece)
            super().data_received(piece)
        if data and not self._refused:  # after a refusal, whatever else arrives is dropped
            super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        if not self._refused:
            super().send_400_response(msg)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._head_timer is None:
            self._start_head_timer()

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._stop_head_timer()
        super().on_headers_complete()
        if not (self.parser.should_upgrade() and self._should_upgrade()):
            # A websocket upgrade hands the connection to another protocol: no body here.
            self._start_body_clock()

    def on_body(self, body: bytes) -> None:
        self._body_bytes += len(body)
        super().on_body(body)

    def on_message_complete(self) -> None:
        self._stop_body_timer()
        super().on_message_complete()
        self._in_head = True  # what arrives next is the next request's head
        self._head_bytes = 0

    def _start_head_timer(self) -> None:
        self._head_timer = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _stop_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            return  # a request is being answered: its head arrived whole
        detail = f"The request's head did not arrive within {self.head_timeout:g} s."
        self._refuse(ProblemError("request_head_timeout", detail))

    def _start_body_clock(self) -> None:
        # Started for every request; one without a body completes in the same read and
        # cancels it at once.
        self._body_started = self.loop.time()
        self._body_bytes = 0
        self._body_timer = self.loop.call_later(self.body_timeout, self._body_timer_fired)

    def _stop_body_timer(self) -> None:
        if self._body_timer is not None:
            self._body_timer.cancel()
            self._body_timer = None

    def _body_timer_fired(self) -> None:
        self._body_timer = None
        cycle = self.cycle
        if self.transport.is_closing() or cycle is None or not cycle.more_body:
            return
        if self.flow.read_paused or cycle.waiting_for_100_continue:
            self._start_body_clock()  # the server holds the body back, not the client
            return
        allowed = self.body_timeout
        if self.body_min_rate > 0:
            allowed += self._body_bytes / self.body_min_rate
        left = self._body_started + allowed - self.loop.time()
        if left > 0:  # the bytes received bought more time
            self._body_timer = self.loop.call_later(left, self._body_timer_fired)
            return
        if cycle.response_started:
            # Answered already (or answering): what is left of the body only holds the
            # connection, and no 408 can follow a started answer.
            cycle.keep_alive = False
            if cycle.response_complete:
                self.transport.close()
            return
        # The app may still be waiting for the body: it hears the client is gone, and
        # whatever it sends after is dropped (uvicorn ignores sends once disconnected).
        cycle.disconnected = True
        cycle.message_event.set()
        detail = f"The request's body did not arrive within {self.body_timeout:g} s"
        if self.body_min_rate > 0:
            detail += f" and {self.body_min_rate} bytes a second"
        self._refuse(ProblemError("request_body_timeout", detail + "."))

    def _refuse(self, problem: ProblemError) -> None:
        self._refused = True
        self._stop_head_timer()
        self._stop_body_timer()
        status = HTTPStatus(PROBLEMS[problem.code][0])
        body = problem_body(problem)
        head = (
            f"HTTP/1.1 {status.value} {status.phrase}\r\ncontent-type: {PROBLEM_MEDIA_TYPE}\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
        )
        self.transport.write(head.encode("ascii") + body)
        # Closed at once with the client's bytes unread, the socket would send a reset,
        # which may reach the client before the answer does: say no more, drop whatever
        # else arrives for a moment, then close (a lingering close, as nginx does).
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER, self.transport.close)


def bounded_head_protocol(settings: Settings) -> type[BoundedHeadProtocol]:
    """The protocol class `serve` gives uvicorn, with the limits of `settings`."""

    class Configured(BoundedHeadProtocol):
        max_head_bytes = settings.factdesk_max_request_head_bytes
        head_timeout = settings.factdesk_request_head_timeout
        body_timeout = settings.factdesk_request_body_timeout
        body_min_rate = settings.factdesk_request_body_min_rate

    return Configured
