"""OpenTelemetry tracing: off unless an OTLP endpoint is configured.

When on (`start_tracing`, called by `serve`), spans go in batches over OTLP/HTTP: one per
HTTP request (the ASGI instrumentation, which honours a W3C `traceparent`), one per
GraphQL operation, one per ingest stage and one per SQL statement (the asyncpg
instrumentation). When off, no OpenTelemetry module is even imported: `span` costs one
global read.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from starlette.middleware import Middleware

from service.config import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.trace import Span, Tracer

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

# Probes and scrapes would be most of the spans and tell nothing.
UNTRACED_PATHS = "/healthz,/readyz,/metrics"

_tracer: Tracer | None = None
_provider: TracerProvider | None = None


def traces_endpoint(settings: Settings) -> str | None:
    """Where spans are sent (OTLP/HTTP), or None when tracing is off. As the OpenTelemetry
    specification says, the per-signal endpoint is used as given, the general one gets
    `/v1/traces` appended."""
    if settings.otel_sdk_disabled:
        return None
    if settings.otel_exporter_otlp_traces_endpoint:
        return settings.otel_exporter_otlp_traces_endpoint
    if settings.otel_exporter_otlp_endpoint:
        return settings.otel_exporter_otlp_endpoint.rstrip("/") + "/v1/traces"
    return None


def start_tracing(settings: Settings) -> bool:
    """Make a tracer provider (ours, not OpenTelemetry's global one, so that it can be
    stopped and started again) and instrument asyncpg with it when an endpoint is
    configured; True if tracing is now on."""
    global _tracer, _provider
    endpoint = traces_endpoint(settings)
    if endpoint is None:
        return False
    # Imported here so that a process without tracing never loads OpenTelemetry.
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    # Resource.create adds OTEL_RESOURCE_ATTRIBUTES (host, deployment, ...) to the name.
    resource = Resource.create({SERVICE_NAME: settings.otel_service_name})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    # The instrumentor's constructor has no annotations (the package is otherwise typed).
    AsyncPGInstrumentor().instrument(tracer_provider=provider)  # type: ignore[no-untyped-call]
    _provider = provider
    _tracer = provider.get_tracer("factdesk")
    log.info("tracing on: spans to %s", endpoint)
    return True


def stop_tracing() -> None:
    """Send the spans still queued, stop exporting and undo the asyncpg instrumentation
    (at shutdown; a benchmark turns tracing on and off)."""
    global _tracer, _provider
    if _provider is None:
        return
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor

    AsyncPGInstrumentor().uninstrument()  # type: ignore[no-untyped-call]
    _provider.shutdown()
    _tracer = _provider = None


def tracing_enabled() -> bool:
    return _tracer is not None


def tracing_middleware() -> list[Middleware]:
    """The ASGI instrumentation as the app's outermost middleware when tracing is on."""
    if _tracer is None:
        return []
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    # No spans for each receive and send message: one span per request is what is read.
    return [
        Middleware(
            OpenTelemetryMiddleware,
            tracer_provider=_provider,
            excluded_urls=UNTRACED_PATHS,
            exclude_spans=["receive", "send"],
        )
    ]


@contextmanager
def span(name: str) -> Iterator[Span | None]:
    """A span named `name`, child of the current one, for the duration of the block;
    nothing (None) when tracing is off."""
    if _tracer is None:
        yield None
        return
    with _tracer.start_as_current_span(name) as current:
        yield current


def current_trace_id() -> str | None:
    """The id of the trace being recorded (32 hex digits), for log lines; None when off."""
    if _tracer is None:
        return None
    from opentelemetry import trace

    context = trace.get_current_span().get_span_context()
    return trace.format_trace_id(context.trace_id) if context.is_valid else None


def traced(name: str) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    """Decorates a coroutine function: each call is a span named `name` (when on)."""

    def decorate(function: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(function)
        async def run(*args: P.args, **kwargs: P.kwargs) -> R:
            if _tracer is None:
                return await function(*args, **kwargs)
            with _tracer.start_as_current_span(name):
                return await function(*args, **kwargs)

        return run

    return decorate
