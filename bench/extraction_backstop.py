"""The extraction backstop on a loaded machine, and the article after a stopped worker.

    .venv/bin/python -m bench.extraction_backstop [--before TREE] [--rounds N (default 2)]
        [--busy N (default: one per core)] [--busy-nice 5] [--worker-nice 19]

An `ExtractionPool` as `serve` runs it (one worker, the CPU budget of the settings, and a
spare where the tree has one) in a process of its own, started from this tree and, with
`--before TREE` (a `git archive` of the commit to compare with), from that one, in turn
in every round so both see the same machine. Each round:

- "loaded": `--busy` processes spin at `--busy-nice` while the workers run at
  `--worker-nice` (a machine whose other work keeps the worker waiting for a core), and
  the attack suite's "1 MiB of numbers" is parsed and extracted with the server's
  backstop (FACTDESK_EXTRACTION_BUDGET, 8 s): its outcome, wall seconds and the worker's
  CPU seconds.
- "after a stop": the busy processes stopped, a runaway (4,000 sentences, no stage
  budget) is sent with a 0.3 s backstop and refused; the seconds until the next ordinary
  article is extracted are measured.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

TRIAL = """
import asyncio, json, os, sys, time
import psutil
from service.errors import ArticleTooComplexError
from service.ingest.parse import parse_article
from service.ingest.workers import ExtractionPool
from tests.attacks import NUMBER_FLOODS

worker_nice, busy, busy_nice = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
SHORT = "Headline\\n\\nOfficials counted 12 dead in Jajarkot on Sunday.\\n"
LONG = "Headline\\n\\n" + "The toll rose to 157 on Sunday, police said. " * 4000
SPIN = "import os, sys; os.nice(int(sys.argv[1]))\\nwhile True: pass"


def workers():
    return [
        p for p in psutil.Process().children()
        if "multiprocessing" in " ".join(p.cmdline())
        and "resource_tracker" not in " ".join(p.cmdline())
    ]


async def main():
    try:
        pool = ExtractionPool(1, cpu_budget=2.0, spares=1)
    except TypeError:  # a tree without spares
        pool = ExtractionPool(1, cpu_budget=2.0)
    pool.warm()
    out = {}
    for process in workers():
        process.nice(worker_nice)
    loaded = {p.pid: p for p in workers()}
    cpu = {pid: p.cpu_times().user + p.cpu_times().system for pid, p in loaded.items()}
    spinners = [
        psutil.Popen([sys.executable, "-c", SPIN, str(busy_nice)]) for _ in range(busy)
    ]
    started = time.monotonic()
    try:
        parsed = await pool.parse(NUMBER_FLOODS["1 MiB of numbers"], None, budget=8.0)
        await pool.extract(parsed, budget=8.0)
        out["loaded"] = "stored"
    except ArticleTooComplexError as error:
        out["loaded"] = "refused: " + error.message
    out["loaded_wall"] = time.monotonic() - started
    try:  # the CPU of the workers that ran it (None: a worker was stopped)
        out["loaded_cpu"] = sum(
            p.cpu_times().user + p.cpu_times().system - cpu[pid] for pid, p in loaded.items()
        )
    except psutil.NoSuchProcess:
        out["loaded_cpu"] = None
    for spinner in spinners:
        spinner.kill()
        spinner.wait()
    for process in workers():
        process.nice(0)
    pool.cpu_budget = None
    try:
        await pool.extract(parse_article(LONG), budget=0.3)
        out["runaway"] = "stored"
    except ArticleTooComplexError:
        out["runaway"] = "refused"
    started = time.monotonic()
    await pool.extract(parse_article(SHORT), budget=8.0)
    out["next"] = time.monotonic() - started
    pool.close()
    print(json.dumps(out))


asyncio.run(main())
"""


def trial(tree: Path, *, worker_nice: int, busy: int, busy_nice: int) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    args = [str(worker_nice), str(busy), str(busy_nice)]
    done = subprocess.run(
        [sys.executable, "-c", TRIAL, *args], cwd=tree, env=env, capture_output=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def _seconds(value: object) -> str:
    return "n/a (stopped)" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path, help="a source tree to compare with")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--busy", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--busy-nice", type=int, default=5)
    parser.add_argument("--worker-nice", type=int, default=19)
    args = parser.parse_args()
    trees = {"after": Path(__file__).resolve().parent.parent}
    if args.before is not None:
        trees = {"before": args.before.resolve(), **trees}
    print("| round | tree | 1 MiB of numbers, loaded | wall s | worker CPU s | next article s |")
    print("|---|---|---|---:|---:|---:|")
    for round_ in range(1, args.rounds + 1):
        for name, tree in trees.items():
            r = trial(tree, worker_nice=args.worker_nice, busy=args.busy, busy_nice=args.busy_nice)
            print(
                f"| {round_} | {name} | {r['loaded']} | {r['loaded_wall']:.2f} "
                f"| {_seconds(r['loaded_cpu'])} | {r['next']:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
