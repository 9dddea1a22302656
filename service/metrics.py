"""Prometheus metrics: HTTP requests by route, GraphQL operations, requests past their
deadline, pool usage, ingest.

The metrics live in prometheus-client's process-wide registry; each replica exposes its
own at /metrics and Prometheus aggregates across replicas.
"""

from __future__ import annotations

import re
import threading
from typing import Any, TypeVar, cast

import asyncpg
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Gauge, Histogram
from prometheus_client.exposition import generate_latest
from starlette.requests import Request
from starlette.responses import Response

# Seconds; request latency spans a cached lookup (ms) to a heavy nested page (s).
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

HTTP_REQUESTS = Counter(
    "factdesk_http_requests_total",
    "HTTP requests answered, by route template, method and status code.",
    ["route", "method", "status"],
)
HTTP_LATENCY = Histogram(
    "factdesk_http_request_duration_seconds",
    "Time from request to the end of the response body, by route template and method.",
    ["route", "method"],
    buckets=LATENCY_BUCKETS,
)
HTTP_IN_FLIGHT = Gauge("factdesk_http_requests_in_flight", "HTTP requests being answered.")
GRAPHQL_OPERATIONS = Counter(
    "factdesk_graphql_operations_total",
    "GraphQL operations, by operation name and type, and whether errors were returned.",
    ["operation", "type", "outcome"],
)
GRAPHQL_LATENCY = Histogram(
    "factdesk_graphql_operation_duration_seconds",
    "Time to parse, validate and execute a GraphQL operation, by operation name.",
    ["operation", "type"],
    buckets=LATENCY_BUCKETS,
)
GRAPHQL_PAUSES = Counter(
    "factdesk_graphql_completion_pauses_total",
    "Times the completion of a GraphQL answer handed the event loop back to other requests "
    "because the loop's slice (FACTDESK_GRAPHQL_COMPLETION_SLICE) was spent.",
)
COMPILED_FALLBACKS = Counter(
    "factdesk_graphql_compiled_fallbacks_total",
    "GraphQL queries the compiled path (one SQL statement) left to the executor, by reason: "
    "not_compiled (the document asks what the relation map does not cover), arguments (ones "
    "the statement cannot take; the executor reports them), statement_failed, too_large "
    "(over FACTDESK_GRAPHQL_MAX_RESPONSE_BYTES).",
    ["reason"],
)
FALLBACK_REASONS = ("not_compiled", "arguments", "statement_failed", "too_large")
for _reason in FALLBACK_REASONS:  # each shown from the start, at 0
    COMPILED_FALLBACKS.labels(_reason)
REQUEST_TIMEOUTS = Counter(
    "factdesk_request_timeouts_total",
    "Requests stopped at their deadline (FACTDESK_REQUEST_TIMEOUT), by door: graphql (a "
    "request_timeout error, HTTP 200), rest (503 request_timeout) or desk (a 503 page).",
    ["door"],
)
POOL_SIZE = Gauge("factdesk_db_pool_connections", "Open connections in the asyncpg pool.")
POOL_IDLE = Gauge("factdesk_db_pool_idle_connections", "Open connections not lent out.")
POOL_MAX = Gauge("factdesk_db_pool_max_connections", "Most connections the pool may open.")
INGESTS = Counter(
    "factdesk_ingest_articles_total",
    "Articles through the ingest pipeline: created, existing (same copy again), republished "
    "(same copy, another outlet), replayed (an Idempotency-Key seen before) or failed.",
    ["outcome"],
)
INGEST_LATENCY = Histogram(
    "factdesk_ingest_duration_seconds",
    "Time to parse, extract and store one article.",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)

# Operation names come from clients: bound the label's cardinality.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
MAX_OPERATION_NAMES = 200
_operation_names: set[str] = set()
_names_lock = threading.Lock()


def operation_label(name: str | None) -> str:
    """The operation name as a metric label: 'anonymous', or 'other' past the cap."""
    if not name:
        return "anonymous"
    if not _NAME.fullmatch(name):
        return "other"
    with _names_lock:
        if name in _operation_names:
            return name
        if len(_operation_names) >= MAX_OPERATION_NAMES:
            return "other"
        _operation_names.add(name)
    return name


M = TypeVar("M", Counter, Histogram)
# A labelled metric's children by label values: prometheus-client's labels() validates and
# locks on every call, and a request asks for four. Bounded as the labels are (routes are
# templates, operation names capped above; the client's method as prometheus keeps it).
_children: dict[tuple[object, tuple[str, ...]], Any] = {}


def child(metric: M, *values: str) -> M:
    """`metric.labels(*values)`, looked up once per label values."""
    key = (metric, values)
    found = _children.get(key)
    if found is None:
        found = _children[key] = metric.labels(*values)
    return cast(M, found)


def observe_pool(pool: asyncpg.Pool | None) -> None:
    if pool is None:
        return
    POOL_SIZE.set(pool.get_size())
    POOL_IDLE.set(pool.get_idle_size())
    POOL_MAX.set(pool.get_max_size())


async def metrics_endpoint(request: Request) -> Response:
    """Prometheus text exposition of this process's metrics."""
    observe_pool(getattr(request.app.state, "pool", None))
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
