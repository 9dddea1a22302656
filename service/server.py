"""`factdesk serve`: uvicorn with JSON logs, readiness that drops on SIGTERM, and a clean exit.

On SIGTERM the app's /readyz turns 503 at once; the server keeps serving for
FACTDESK_SHUTDOWN_GRACE seconds (so load balancers stop routing to it), then stops accepting,
lets in-flight requests finish (up to GRACEFUL_SHUTDOWN_TIMEOUT; an ingest only up to
shutdown.STOP_WINDOW, then it is stopped whole and answered 503), runs the lifespan
shutdown and exits 0.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

import uvicorn
from starlette.applications import Starlette

from service import shutdown
from service.app import create_app
from service.config import Settings
from service.logs import configure_logging
from service.request_head import bounded_head_protocol
from service.tracing import start_tracing, stop_tracing

GRACEFUL_SHUTDOWN_TIMEOUT = 10  # seconds in-flight requests get to finish


class DrainingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, app: Starlette, grace: float) -> None:
        super().__init__(config)
        self.app = app
        self.grace = grace
        self._timer: threading.Timer | None = None

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.app.state.draining = True
        if sig == signal.SIGTERM and self.grace > 0 and self._timer is None:
            # From a signal handler: only flip flags here; uvicorn's loop polls should_exit.
            self._timer = threading.Timer(self.grace, self._stop, args=(sig, frame))
            self._timer.daemon = True
            self._timer.start()
            return
        self._stop(sig, frame)

    def _stop(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        # Stops accepting now: an ingest in flight gets a short window, then is stopped
        # whole and answered 503, so the exit never waits for a long article.
        shutdown.begin()
        if sig == signal.SIGTERM:
            # uvicorn re-raises captured signals after its graceful shutdown, which would end
            # the process "killed by SIGTERM" (status 143). A requested, completed shutdown is
            # a success: exit 0.
            self._captured_signals.remove(sig)


def serve(settings: Settings, *, host: str, port: int) -> int:
    configure_logging(settings.factdesk_log_level, settings.factdesk_log_format)
    start_tracing(settings)  # before the app is built: it adds the tracing middleware
    app = create_app(settings)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,  # configure_logging above owns the handlers
        log_level=settings.factdesk_log_level,
        access_log=False,  # the request middleware writes one JSON access line per request
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_TIMEOUT,
        proxy_headers=True,
        http=bounded_head_protocol(settings),  # httptools, with a bounded request head
    )
    try:
        DrainingServer(config, app, settings.factdesk_shutdown_grace).run()
    finally:
        stop_tracing()  # sends the spans still queued
    return 0
