"""Pages of entities' articles on a large corpus, before and after a change (issue 19).

    .venv/bin/python -m bench.entity_pages --dsn DSN [--before TREE] [--requests N (default 5)]

`factdesk serve` (the response cache off, no migration or seeds of its own) is started on
DSN from this tree and, with `--before`, from another source tree (a `git archive` of the
commit to compare with) beside it; each query of QUERIES is then sent to one server and
the other in turn, `--requests` times each, so both see the same machine and database.
Prints, per query and server, the answer (`ok` or the first error's code), its bytes, and
the median and slowest seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import orjson

from tests.servers import free_port

ARTICLES = "articles(first: 5) { edges { node { headline } } }"
QUERIES = {
    # The executor's loader (db/articles.page_articles_per_parent).
    "95 entities, 5 articles each with bodies": (
        "{ entities(first: 95) { edges { node { name articles(first: 5) { edges { node { "
        "body } } } } } } }"
    ),
    "95 entities, 5 articles each, totalCount": (
        "{ entities(first: 95) { edges { node { name articles(first: 5) { totalCount "
        "edges { node { headline } } } } } } }"
    ),
    # The compiled statement (db/connections.nested_page).
    "5 articles' entities, 5 articles each (compiled)": (
        "{ articles(first: 5) { edges { node { mentions(first: 40) { entity { name "
        + ARTICLES
        + " } } } } } }"
    ),
    "5 articles' entities, 5 articles each, totalCount (compiled)": (
        "{ articles(first: 5) { edges { node { mentions(first: 40) { entity { name "
        "articles(first: 5) { totalCount edges { node { headline } } } } } } } } }"
    ),
}

IDS = "{ entities(first: 95) { edges { node { id } } } }"
# The same 95 entities as nodes: one compiled statement.
NODES = "the same 95 entities by id, 5 articles each, totalCount (compiled)"
NODES_QUERY = (
    "{ nodes(ids: %s) { ... on Entity { name articles(first: 5) { totalCount edges { node { "
    "headline } } } } } }"
)


def _serve(tree: Path, dsn: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`factdesk serve` from the code of `tree` (its CLI module run by this interpreter)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_")}
    env |= {
        "PYTHONPATH": str(tree),
        "DATABASE_URL": dsn,
        "FACTDESK_LOAD_SEEDS": "false",
        "FACTDESK_MIGRATE_ON_START": "false",
        "FACTDESK_RESPONSE_CACHE": "false",
        "FACTDESK_LOG_LEVEL": "warning",
    }
    command = [sys.executable, "-m", "service.cli", "serve", "--host", "127.0.0.1"]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*command, "--port", str(port)], cwd=tree, env=env, stdout=sink, stderr=sink
        )
    return process, f"http://127.0.0.1:{port}"


async def _wait_live(client: httpx.AsyncClient, process: subprocess.Popen[bytes]) -> None:
    """Until /healthz answers (not /readyz: the tree before a migration is not at head)."""
    for _ in range(2400):
        assert process.poll() is None, "the server exited while starting"
        try:
            if (await client.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass  # not listening yet
        await asyncio.sleep(0.05)
    raise AssertionError("the server did not start")


async def _ask(client: httpx.AsyncClient, query: str) -> tuple[str, int, float]:
    started = time.monotonic()
    response = await client.post("/graphql", json={"query": query}, timeout=120)
    seconds = time.monotonic() - started
    answer = response.json()
    errors = answer.get("errors")
    outcome = "ok" if not errors else str(errors[0].get("extensions", {}).get("code"))
    return outcome, len(response.content), seconds


async def run(dsn: str, trees: dict[str, Path], requests: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        servers = {
            label: _serve(tree, dsn, Path(tmp) / f"{index}.log")
            for index, (label, tree) in enumerate(trees.items())
        }
        try:
            clients = {
                label: httpx.AsyncClient(base_url=base) for label, (_, base) in servers.items()
            }
            for label, (process, _) in servers.items():
                await _wait_live(clients[label], process)
            first = next(iter(clients.values()))
            ids = await first.post("/graphql", json={"query": IDS}, timeout=120)
            entities = [e["node"]["id"] for e in ids.json()["data"]["entities"]["edges"]]
            queries = {**QUERIES, NODES: NODES_QUERY % orjson.dumps(entities).decode()}
            print("| query | server | answer | bytes | median s | slowest s |")
            print("|---|---|---|---:|---:|---:|")
            for name, query in queries.items():
                asked: dict[str, list[tuple[str, int, float]]] = {label: [] for label in trees}
                for _ in range(requests):
                    for label, client in clients.items():
                        asked[label].append(await _ask(client, query))
                for label, answers in asked.items():
                    seconds = [s for _, _, s in answers]
                    outcome, size, _ = answers[-1]
                    print(
                        f"| {name} | {label} | {outcome} | {size:,} | "
                        f"{statistics.median(seconds):.3f} | {max(seconds):.3f} |",
                        flush=True,
                    )
            for client in clients.values():
                await client.aclose()
        finally:
            for process, _ in servers.values():
                process.terminate()
                process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--before", type=Path, help="a source tree to compare with")
    parser.add_argument("--requests", type=int, default=5)
    args = parser.parse_args()
    trees = {"this tree": Path.cwd()}
    if args.before is not None:
        trees = {"before": args.before.resolve(), **trees}
    asyncio.run(run(args.dsn, trees, args.requests))


if __name__ == "__main__":
    main()
