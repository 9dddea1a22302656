"""Tracing end to end: a real `factdesk serve` sends its spans over OTLP/HTTP to a real
receiver (an HTTP server here decoding the protobuf): the caller's `traceparent` is the
parent, a GraphQL operation is a span named like it, an ingest is a span per stage, SQL
statements are spans; and with tracing off, OpenTelemetry is never even imported."""

from __future__ import annotations

import asyncio
import gzip
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import orjson
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from service.db import migrate
from service.db.scratch import recreate_database
from tests.ingest.test_corrections import TOLL_12
from tests.servers import served

KEY = "tracing-test-key"
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
INGEST_TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
OPERATION = "query RecentArticles { articles(first: 2) { edges { node { headline } } } }"
INGEST_STAGES = {"ingest", "ingest.parse", "ingest.extract", "ingest.store", "ingest.resolve"}


class Receiver:
    """An OTLP/HTTP trace receiver: keeps every span POSTed to /v1/traces."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.requests = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                export = ExportTraceServiceRequest.FromString(body)
                with receiver.lock:
                    receiver.requests += 1
                    for resource_spans in export.resource_spans:
                        for scope_spans in resource_spans.scope_spans:
                            receiver.spans.extend(scope_spans.spans)
                self.send_response(200 if self.path == "/v1/traces" else 404)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def named(self, name: str) -> list[Span]:
        return [span for span in self.spans if span.name == name]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


def traceparent(trace_id: str, parent_id: str) -> dict[str, str]:
    return {"traceparent": f"00-{trace_id}-{parent_id}-01"}


async def _served_requests(dsn: str, log: Path, settings: dict[str, str]) -> None:
    """One GraphQL read and one ingest, each under a caller's trace; the server is stopped
    (so it has sent every span) when this returns."""
    async with served(dsn, log=log, settings=settings) as base, httpx.AsyncClient() as client:
        answer = await client.post(
            f"{base}/graphql",
            json={"query": OPERATION},
            headers=traceparent(TRACE_ID, PARENT_ID),
        )
        assert answer.status_code == 200, answer.text
        assert "errors" not in answer.json()
        ingested = await client.post(
            f"{base}/api/v1/articles",
            json={"text": TOLL_12, "outlet": "Tracing Times"},
            headers={"Authorization": f"Bearer {KEY}", **traceparent(INGEST_TRACE_ID, PARENT_ID)},
        )
        assert ingested.status_code == 201, ingested.text


async def _fresh_database(server_dsn: str) -> str:
    dsn = await recreate_database(server_dsn, "factdesk_tracing")
    await asyncio.to_thread(migrate.upgrade, dsn)
    return dsn


async def test_spans_reach_the_collector_under_the_callers_trace(
    server_dsn: str, receiver: Receiver, tmp_path: Path
) -> None:
    log = tmp_path / "server.log"
    settings = {
        "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
        "OTEL_SERVICE_NAME": "factdesk-under-test",
        "FACTDESK_API_KEYS": KEY,
        "FACTDESK_EXTRACTION_WORKERS": "0",
        "FACTDESK_LOG_LEVEL": "info",
    }
    await _served_requests(await _fresh_database(server_dsn), log, settings)

    # The GraphQL operation: a span named like it, in the caller's trace, under the request.
    (operation,) = receiver.named("query RecentArticles")
    assert operation.trace_id.hex() == TRACE_ID
    requests = {span.span_id: span for span in receiver.spans if span.kind == Span.SPAN_KIND_SERVER}
    request = requests[operation.parent_span_id]
    assert request.parent_span_id.hex() == PARENT_ID
    attributes = {a.key: a.value.string_value for a in operation.attributes}
    assert attributes["graphql.operation.name"] == "RecentArticles"
    assert attributes["graphql.operation.type"] == "query"
    # Its SQL, traced by the asyncpg instrumentation, inside it.
    statements = [
        s
        for s in receiver.spans
        if s.trace_id.hex() == TRACE_ID and s.parent_span_id == operation.span_id
    ]
    assert statements, "no SQL span under the operation"

    # The ingest: one span per stage, in the caller's trace, the stages under `ingest`.
    in_ingest = [s for s in receiver.spans if s.trace_id.hex() == INGEST_TRACE_ID]
    assert {s.name for s in in_ingest} >= INGEST_STAGES
    (ingest,) = [s for s in in_ingest if s.name == "ingest"]
    for stage in ("ingest.parse", "ingest.extract", "ingest.store"):
        (span,) = [s for s in in_ingest if s.name == stage]
        assert span.parent_span_id == ingest.span_id, stage
    assert {s.name for s in receiver.spans} & {"/healthz", "GET /readyz"} == set()

    # The access line names the operation and carries the trace id.
    lines = [orjson.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    (access,) = [
        line for line in lines if line["logger"] == "factdesk.access" and line["path"] == "/graphql"
    ]
    assert access["operation"] == "query RecentArticles"
    assert access["operation_name"] == "RecentArticles"
    assert access["trace_id"] == TRACE_ID


async def test_tracing_off_sends_nothing(
    server_dsn: str, receiver: Receiver, tmp_path: Path
) -> None:
    settings = {
        "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
        "OTEL_SDK_DISABLED": "true",
        "FACTDESK_API_KEYS": KEY,
        "FACTDESK_EXTRACTION_WORKERS": "0",
        "FACTDESK_LOG_LEVEL": "info",
    }
    log = tmp_path / "server.log"
    await _served_requests(await _fresh_database(server_dsn), log, settings)
    assert receiver.requests == 0
    lines = [orjson.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    (access,) = [
        line for line in lines if line["logger"] == "factdesk.access" and line["path"] == "/graphql"
    ]
    # The operation is named with tracing off too; there is no trace id to give.
    assert access["operation"] == "query RecentArticles"
    assert "trace_id" not in access


CHECK_IMPORTS = """
import sys
from service.app import create_app
from service.config import Settings
from service.ingest import pipeline
from service.server import serve
from service.tracing import start_tracing
settings = Settings()
assert not start_tracing(settings)
create_app(settings)
loaded = sorted(name for name in sys.modules if name.startswith("opentelemetry"))
assert not loaded, loaded
"""


def test_tracing_off_imports_no_opentelemetry() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "FACTDESK_"))}
    done = subprocess.run(
        [sys.executable, "-c", CHECK_IMPORTS], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


async def test_a_parent_based_sampler_follows_the_caller_and_samples_the_rest(
    server_dsn: str, receiver: Receiver, tmp_path: Path
) -> None:
    # The SDK's own OTEL_TRACES_SAMPLER is honoured (the operator's guidance in the README):
    # parent-based at ratio 0 keeps a trace only when the caller's traceparent says sampled.
    settings = {
        "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.url,
        "OTEL_TRACES_SAMPLER": "parentbased_traceidratio",
        "OTEL_TRACES_SAMPLER_ARG": "0",
        "FACTDESK_API_KEYS": KEY,
    }
    unsampled_trace = "5bf92f3577b34da6a3ce929d0e0e4736"
    dsn = await _fresh_database(server_dsn)
    log = tmp_path / "server.log"
    async with served(dsn, log=log, settings=settings) as base, httpx.AsyncClient() as client:
        for headers in (
            traceparent(TRACE_ID, PARENT_ID),  # sampled by the caller: kept
            {"traceparent": f"00-{unsampled_trace}-{PARENT_ID}-00"},  # not sampled: dropped
            {},  # a trace of its own, at ratio 0: dropped
        ):
            answer = await client.post(
                f"{base}/graphql", json={"query": OPERATION}, headers=headers
            )
            assert answer.status_code == 200, answer.text
    assert receiver.named("query RecentArticles"), "the caller's sampled trace was dropped"
    assert {span.trace_id.hex() for span in receiver.spans} == {TRACE_ID}
