"""Throughput of the extraction stages alone, on one core, with the NLP model.

    .venv/bin/python -m bench.extraction_speed [--rounds 10] [--processes N] [--batch]

Runs parse, the model (tokens, tags, parse, names) and every extraction stage over the
seed and gold articles (the copy we wrote and the real copy in tests/gold/real),
`rounds` times, in this one process (no database, no I/O inside the loop), and prints
articles and words per second for the whole chain, the time each stage takes per article,
and the process's peak resident memory. The model is loaded (and its files verified)
before the clock starts: that is once per process. With --processes, the same articles
go through the bulk path's worker pool (service/ingest/workers.py) instead, and only the
articles per second of the whole pool are printed (the pool runs the model over chunks
of articles), with the workers' CPU time: articles per worker CPU second, and how many
cores the workers kept busy (CPU seconds over wall seconds; about N on an idle machine).
Articles per CPU second is the per-core rate on a shared machine, where other processes
take a share of the wall time. With --batch, the one-core run is followed by the same
articles in the bulk path's chunks (``extract_many``), and the ratio of the two.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from service.config import REPO_ROOT
from service.ingest.figures import find_figures
from service.ingest.mentions.entities import find_mentions
from service.ingest.nlp.model import analyse, pipeline
from service.ingest.parse.article import parse_article
from service.ingest.parse.sentences import split_sentences
from service.ingest.quotes.quotations import find_quotes


def _texts() -> list[str]:
    paths = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    paths += sorted((REPO_ROOT / "tests" / "gold" / "articles").glob("*.txt"))
    paths += sorted((REPO_ROOT / "tests" / "gold" / "real").glob("*/articles/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def run(rounds: int) -> dict[str, Any]:
    texts = _texts()
    pipeline()
    words = 0
    spent: dict[str, float] = defaultdict(float)
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text in texts:
            mark = time.perf_counter()

            def lap(stage: str) -> None:
                nonlocal mark
                now = time.perf_counter()
                spent[stage] += now - mark
                mark = now

            parsed = parse_article(text)
            lap("parse")
            body = parsed.body
            sentences = split_sentences(body)
            lap("sentences")
            doc = analyse(body)
            words += len(doc)
            lap("model")
            mentions, entities = find_mentions(body, sentences, doc)
            lap("mentions")
            find_quotes(body, sentences, mentions, entities)
            lap("quotes")
            published = parsed.published_at.date() if parsed.published_at else None
            find_figures(body, sentences, mentions, entities, published_on=published, doc=doc)
            lap("figures")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    articles = rounds * len(texts)
    return {
        "articles": articles,
        "seconds": elapsed,
        "articles_per_second": articles / elapsed,
        "articles_per_cpu_second": articles / cpu,
        "tokens_per_second": words / elapsed,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "ms_per_article": {k: 1000 * v / articles for k, v in spent.items()},
    }


def run_batched(rounds: int) -> dict[str, Any]:
    """The whole chain (parse, then ``extract_many``) in this process, the model run over
    chunks of the bulk path's size, as a worker of the pool does."""
    from service.ingest.extract import extract_many
    from service.ingest.workers import CHUNK

    texts = _texts()
    pipeline()
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for first in range(0, len(texts), CHUNK):
            extract_many([parse_article(t) for t in texts[first : first + CHUNK]])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    articles = rounds * len(texts)
    return {
        "articles": articles,
        "seconds": elapsed,
        "articles_per_second": articles / elapsed,
        "articles_per_cpu_second": articles / cpu,
    }


def run_pool(rounds: int, processes: int) -> dict[str, Any]:
    import asyncio

    import psutil

    from service.ingest.workers import ExtractionPool

    texts = _texts()
    pool = ExtractionPool(processes)

    async def drain(items: list[tuple[int, str, None]]) -> int:
        return sum([1 async for _ in pool.extracted(items)])

    def workers_cpu() -> float:
        times = [w.cpu_times() for w in psutil.Process().children()]
        return float(sum(t.user + t.system for t in times))

    try:
        asyncio.run(drain([(i, t, None) for i, t in enumerate(texts[: 2 * processes])]))  # warm
        items = [(i, t, None) for i, t in enumerate(texts * rounds)]
        started, cpu = time.perf_counter(), workers_cpu()
        articles = asyncio.run(drain(items))
        elapsed, cpu = time.perf_counter() - started, workers_cpu() - cpu
        peak_rss = [_peak_rss_mb(w.pid) for w in psutil.Process().children()]
    finally:
        pool.close()
    return {
        "articles": articles,
        "seconds": elapsed,
        "articles_per_second": articles / elapsed,
        "articles_per_cpu_second": articles / cpu,
        "cores_busy": cpu / elapsed,
        "worker_peak_rss_mb": peak_rss,
    }


def _peak_rss_mb(pid: int) -> float:
    """A process's peak resident memory (Linux: VmHWM), 0 where it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    kb = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), "0")
    return int(kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--processes", type=int, default=0)
    parser.add_argument(
        "--batch", action="store_true", help="also the bulk path's batches, on one core"
    )
    args = parser.parse_args()
    if args.processes:
        pooled = run_pool(args.rounds, args.processes)
        print(
            f"{pooled['articles']} articles in {pooled['seconds']:.2f} s: "
            f"{pooled['articles_per_second']:.1f} articles/s on {args.processes} processes; "
            f"{pooled['articles_per_cpu_second']:.1f} articles per worker CPU second, "
            f"{pooled['cores_busy']:.2f} cores busy with the workers; "
            "peak RSS of the pool's processes "
            + ", ".join(f"{mb:.0f} MB" for mb in pooled["worker_peak_rss_mb"])
        )
        return
    result = run(args.rounds)
    print(
        f"{result['articles']} articles in {result['seconds']:.2f} s: "
        f"{result['articles_per_second']:.1f} articles/s on one core, "
        f"{result['tokens_per_second']:.0f} tokens/s, peak RSS {result['peak_rss_mb']:.0f} MB; "
        f"{result['articles_per_cpu_second']:.1f} articles per CPU second"
    )
    for stage, ms in result["ms_per_article"].items():
        print(f"  {stage:10} {ms:.3f} ms/article")
    if args.batch:
        batched = run_batched(args.rounds)
        print(
            f"in batches: {batched['articles_per_second']:.1f} articles/s on one core "
            f"({batched['articles_per_second'] / result['articles_per_second']:.2f}x "
            f"one at a time, same run); {batched['articles_per_cpu_second']:.1f} articles per "
            "CPU second"
        )


if __name__ == "__main__":
    main()
