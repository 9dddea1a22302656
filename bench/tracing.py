"""What tracing costs: the same GraphQL reads with tracing off and on, in process, on the
seeds, interleaved rounds (medians). Tracing on sends every span over OTLP/HTTP to a
receiver in this process that only counts the requests (as a collector would, elsewhere);
"on, 10% sampled" keeps one trace in ten (OTEL_TRACES_SAMPLER=traceidratio, arg 0.1).

    .venv/bin/python -m bench.tracing --requests 400 --clients 8 --rounds 5
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench.topologies import POOL, measure_reads
from service.config import REPO_ROOT, Settings
from service.db import migrate
from service.db.embedded import start_embedded
from service.db.pool import create_pool
from service.ingest.seeds import load_seeds
from service.tracing import start_tracing, stop_tracing

SAMPLERS: dict[str, tuple[str, str] | None] = {
    "off": None,
    "on": ("always_on", ""),
    "on, 10% sampled": ("traceidratio", "0.1"),
}


class Sink(BaseHTTPRequestHandler):
    """Reads each export and answers 200."""

    exports = 0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        Sink.exports += 1
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


async def main(requests: int, clients: int, rounds: int) -> None:
    sink = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{sink.server_address[1]}"
    traced = Settings(otel_exporter_otlp_endpoint=endpoint)
    with tempfile.TemporaryDirectory(prefix="factdesk-tracing-") as tmp:
        server = await asyncio.to_thread(start_embedded, Path(tmp) / "pg")
        try:
            await asyncio.to_thread(migrate.upgrade, server.uri())
            pool = await create_pool(server.uri(), max_size=POOL)
            await load_seeds(pool, REPO_ROOT / "seeds")
            results: dict[str, list[tuple[float, float]]] = {k: [] for k in SAMPLERS}
            for _ in range(rounds):  # interleaved: the machine's load drifts
                for label, sampler in SAMPLERS.items():
                    if sampler is None:
                        results[label].append(await measure_reads(pool, None, requests, clients))
                        continue
                    # The SDK reads its sampler from the environment, as in production.
                    os.environ["OTEL_TRACES_SAMPLER"], os.environ["OTEL_TRACES_SAMPLER_ARG"] = (
                        sampler
                    )
                    start_tracing(traced)
                    try:
                        results[label].append(await measure_reads(pool, None, requests, clients))
                    finally:
                        stop_tracing()  # sends what is queued before the next round
            await pool.close()
        finally:
            await asyncio.to_thread(server.stop)
            sink.shutdown()
    off_rate = statistics.median(m[0] for m in results["off"])
    print(f"{requests} reads per round, {clients} clients, pool {POOL}")
    for label, measured in results.items():
        rate = statistics.median(m[0] for m in measured)
        p50 = statistics.median(m[1] for m in measured)
        print(
            f"tracing {label:<16} {rate:6.0f} req/s ({rate / off_rate:.2f}x)   "
            f"p50 {p50:6.1f} ms (median of {rounds})"
        )
    print(f"OTLP exports received: {Sink.exports}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.clients, args.rounds))
