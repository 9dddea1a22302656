"""Renders a benchmark run (bench/run.py's results) as bench/RESULTS.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.queries import MEASURED

NOTES_MARKER = "<!-- notes: kept across runs -->"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _errors(cell: dict[str, Any]) -> str:
    """wrk's failed requests (timeouts, socket errors, statuses above 399) of one server."""
    errors = cell["errors"] + cell["non2xx"]
    return f" ({errors} errors)" if errors else ""


def _size_section(size: dict[str, Any]) -> list[str]:
    lines = [f"### {size['articles']:,} articles (corpus {size['size']:,})", ""]
    if "bulk_load" in size:
        b = size["bulk_load"]
        lines.append(
            f"Loaded by the bulk path in {b['seconds']:,} s: **{b['per_second']} articles/s**."
        )
    else:
        lines.append("Cluster reused (loaded by an earlier run).")
    if size.get("vacuum_analyzed"):
        lines.append("`VACUUM (ANALYZE)` before measuring.")
    if size.get("postgraphile_index"):
        lines.append(
            "PostGraphile's sort order has its own index, `articles (published_at DESC, id DESC)`"
            ", while the queries run."
        )
    p = size["params"]
    lines += [
        f"Q2 entity: {p['entity_name']!r} ({p['entity_figures']} figures in its facts); "
        f"Q3 fact id {p['fact_id']} ({p['fact_figures']} figures); Q5 search {p['search']!r}.",
        "",
        "| query | clients | Factdesk req/s | p50 / p95 / p99 ms | PostGraphile req/s "
        "| p50 / p95 / p99 ms | ratio FD/PG |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    by_key = {(r["query"], r["server"], r["connections"]): r for r in size["latency"]}
    connections = sorted({r["connections"] for r in size["latency"]})
    for q in MEASURED:
        for c in connections:
            fd = by_key.get((q.name, "factdesk", c))
            pg = by_key.get((q.name, "postgraphile", c))
            if fd is None:
                continue
            fd_lat = f"{fd['p50_ms']:.1f} / {fd['p95_ms']:.1f} / {fd['p99_ms']:.1f}"
            if pg is not None:
                pg_rps = _fmt(pg["rps"]) + _errors(pg)
                pg_lat = f"{pg['p50_ms']:.1f} / {pg['p95_ms']:.1f} / {pg['p99_ms']:.1f}"
                ratio = (
                    f"**{fd['rps'] / pg['rps']:.2f}**"
                    if pg["requests"]
                    else f"n/a: PostGraphile answered none in {pg['seconds']:.0f} s"
                )
            else:
                pg_rps, pg_lat, ratio = "n/a", "n/a", "n/a"
            fd_rps = _fmt(fd["rps"]) + _errors(fd)
            lines.append(
                f"| {q.name} | {c} | {fd_rps} | {fd_lat} | {pg_rps} | {pg_lat} | {ratio} |"
            )
    rt = size["round_trips"]
    sizes = {
        r["query"]: (r["bytes"], by_key.get((r["query"], "postgraphile", r["connections"])))
        for r in size["latency"]
        if r["server"] == "factdesk"
    }
    lines += [
        "",
        "SQL round trips per request (Factdesk): "
        + ", ".join(f"{name} {n}" for name, n in rt.items())
        + ". Response bytes (Factdesk / PostGraphile): "
        + ", ".join(
            f"{name} {b:,} / {pg['bytes']:,}" if pg else f"{name} {b:,}"
            for name, (b, pg) in sizes.items()
        )
        + ".",
        "",
    ]
    ingest = size.get("http_ingest", {})
    if ingest:
        lines.append(
            "Ingest over HTTP (POST /api/v1/articles, new synthetic articles): "
            + "; ".join(_ingest_run(name, run) for name, run in ingest.items())
            + "."
        )
    rss = size["peak_rss_mb"]
    lines += [
        f"Peak RSS of the Factdesk server: {rss['max_process']} MiB in the largest process, "
        f"{rss['sum']} MiB summed over the supervisor and its workers.",
        "",
    ]
    return lines


def _ingest_run(name: str, run: dict[str, Any]) -> str:
    text = f"{name}: **{run['per_second']} articles/s**"
    cpu = run.get("cpu_ms_per_article")
    if cpu:  # runs before this was measured have none
        text += (
            f" (CPU per article: server {cpu['server']} ms, PostgreSQL {cpu['postgres']} ms;"
            f" {run['per_cpu_second']} articles per CPU-second)"
        )
    return text


def render_run(results: dict[str, Any]) -> list[str]:
    s = results["settings"]
    v = results["versions"]
    cache = (
        " with the GraphQL response cache"
        if s.get("cache")
        else " without the response cache (every request executed)"
    )
    lines = [
        f"## Run {results['date']}{cache}",
        "",
        f"Machine: {results['machine']}.",
        "",
        "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".",
        "",
        f"Command: `{results['command']}` (wrk, {s['duration']} s per cell, "
        f"{s['workers']} Factdesk server processes (uvicorn) and "
        f"{s.get('postgraphile_workers') or s['workers']} PostGraphile (--cluster-workers), "
        f"Factdesk pool {s['pool']} per process, both on the same "
        "embedded PostgreSQL over its unix socket, wrk on the same 2 cores).",
        "",
    ]
    if "empty_start_seconds" in results:
        lines += [
            "Start from an empty data directory (`factdesk serve`: initdb, migrations, the five "
            f"seeds, until /readyz answers 200): **{results['empty_start_seconds']} s**.",
            "",
        ]
    for size in results["sizes"]:
        lines += _size_section(size)
    return lines


def render(runs: list[dict[str, Any]], notes: str) -> str:
    lines = ["# Benchmark results", ""]
    for results in runs:
        lines += render_run(results)
    lines += ["## Queries", ""]
    for q in MEASURED:
        lines.append(f"- **{q.name}** {q.title}." + (f" {q.note}" if q.note else ""))
    lines += ["", NOTES_MARKER, notes.strip(), ""]
    return "\n".join(lines)


def write_report(runs: list[dict[str, Any]], path: Path) -> None:
    """Writes the runs' tables; the notes below the marker survive a rewrite."""
    notes = ""
    if path.exists() and NOTES_MARKER in path.read_text():
        notes = path.read_text().split(NOTES_MARKER, 1)[1]
    path.write_text(render(runs, notes))


if __name__ == "__main__":
    # python -m bench.report bench/corpus/results-A.json [results-B.json ...]
    runs = [json.loads(Path(name).read_text()) for name in sys.argv[1:]]
    write_report(runs, Path(__file__).resolve().parent / "RESULTS.md")
