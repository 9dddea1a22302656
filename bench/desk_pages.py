"""The desk pages' server time on a loaded database: each page asked in-process through
the real app (no HTTP server, no response cache), p50 / p95 / max per kind of page.

Entities, facts and articles are sampled at random among those the pages would show, and
each kind also has its heaviest case (the most reported entity and fact). A database of
the 100k corpus comes from `bench.desk_corpus`:

    .venv/bin/python -m bench.desk_pages --dsn DSN --requests 200
    .venv/bin/python -m bench.desk_pages --dsn DSN --only "most reported"
    .venv/bin/python -m bench.desk_pages --dsn DSN --only "as of"

A page as of a past time is timed twice, in turn: as served (its reports counted by
time, `known_values.list_known_reports`) and "walked", with that reading replaced by the
walk over every figure known then that it must equal (`list_known_reports_walked`, what
pages did before migration 2026_12_11_report_times).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import time
from dataclasses import dataclass
from urllib.parse import quote

import httpx

from service.app import create_app
from service.config import Settings
from service.db import known_values as known_values_db
from service.db.pool import Connection, create_pool
from service.desk import links
from service.ids import encode_id

SAMPLE = 50  # distinct entities, facts and articles per kind
SEARCHES = ("Toqaev", "Tokayev election", "turnout", "police detained", "Nazarbaev")

# The heaviest entity and fact: the most figures in their facts.
HEAVIEST_ENTITY = """
SELECT f.subject_id FROM facts f JOIN figures g ON g.fact_id = f.id
WHERE f.subject_id IS NOT NULL GROUP BY f.subject_id ORDER BY count(*) DESC LIMIT 1
"""
# The entity whose facts have the most values (a share of the vote with a thousand).
MOST_VALUES_ENTITY = """
SELECT f.subject_id FROM facts f JOIN fact_values v ON v.fact_id = f.id
WHERE f.subject_id IS NOT NULL GROUP BY f.subject_id ORDER BY count(*) DESC LIMIT 1
"""
HEAVIEST_FACT = "SELECT fact_id FROM figures WHERE fact_id IS NOT NULL GROUP BY 1 "
HEAVIEST_FACT += "ORDER BY count(*) DESC LIMIT 1"
SAMPLED = {
    "Entity": "SELECT DISTINCT subject_id FROM facts WHERE subject_id IS NOT NULL",
    "Fact": "SELECT id FROM facts",
    "Article": "SELECT id FROM articles WHERE retracted_at IS NULL",
}
TOKAYEV = "SELECT entity_id FROM entity_aliases WHERE alias = 'Tokayev' LIMIT 1"
# The most reported value, its first report, and the report 2,000 on (a later page).
HEAVIEST_VALUE = """
SELECT v.fact_id, v.first_figure_id, (
    SELECT f.id FROM figures f WHERE f.fact_id = v.fact_id AND f.value = v.value
        AND f.upper_bound IS NOT DISTINCT FROM v.upper_bound
        AND f.approximation = v.approximation
    ORDER BY f.id OFFSET 2000 LIMIT 1) AS later
FROM fact_values v ORDER BY v.reports DESC LIMIT 1
"""


# When the heaviest fact was first and last reported: its page as known at the last
# report (every report known) and halfway between.
FACT_TIMES = """
SELECT min(first_reported_at), max(last_reported_at) FROM fact_values WHERE fact_id = $1
"""


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    paths: list[str]
    walked: bool = False  # past reports read by the walk (list_known_reports_walked)


COUNTED = known_values_db.list_known_reports


async def _kinds(conn: Connection, rng: random.Random) -> list[Kind]:
    def sample(ids: list[int]) -> list[int]:
        return rng.sample(ids, min(SAMPLE, len(ids)))

    ids = {k: [r[0] for r in await conn.fetch(sql)] for k, sql in SAMPLED.items()}
    entity = await conn.fetchval(HEAVIEST_ENTITY)
    most_values = await conn.fetchval(MOST_VALUES_ENTITY)
    fact = await conn.fetchval(HEAVIEST_FACT)
    tokayev = await conn.fetchval(TOKAYEV)
    kinds = [
        Kind("/", ["/"]),
        Kind("search", [f"/search?q={quote(q)}" for q in SEARCHES]),
        Kind(
            "entity (sampled)",
            [f"/entities/{encode_id('Entity', i)}" for i in sample(ids["Entity"])],
        ),
        Kind("entity (most reported)", [f"/entities/{encode_id('Entity', entity)}"]),
        Kind("entity (most values)", [f"/entities/{encode_id('Entity', most_values)}"]),
        Kind("fact (sampled)", [f"/facts/{encode_id('Fact', i)}" for i in sample(ids["Fact"])]),
        Kind("fact (most reported)", [f"/facts/{encode_id('Fact', fact)}"]),
        *_as_of_kinds(fact, *(await conn.fetchrow(FACT_TIMES, fact) or (None, None))),
        Kind(
            "article (sampled)",
            [f"/articles/{encode_id('Article', i)}" for i in sample(ids["Article"])],
        ),
    ]
    value = await conn.fetchrow(HEAVIEST_VALUE)
    if value is not None:
        path = f"/facts/{encode_id('Fact', value[0])}/values/{encode_id('Figure', value[1])}"
        later = [f"{path}?after={encode_id('Figure', value[2])}"] if value[2] else []
        kinds.append(Kind("value sources (most reported)", [path, *later]))
    if tokayev is not None:
        kinds.insert(
            3, Kind("entity Tokayev (seeds)", [f"/entities/{encode_id('Entity', tokayev)}"])
        )
    return kinds


def _as_of_kinds(fact: int, first: dt.datetime | None, last: dt.datetime | None) -> list[Kind]:
    """The heaviest fact's page `?as_of=` its last report and halfway to it."""
    if first is None or last is None:
        return []
    path = f"/facts/{encode_id('Fact', fact)}"
    halfway = first + (last - first) / 2
    return [
        Kind(
            f"fact (most reported) as of {name}{', walked' * walked}",
            [links.as_of(path, at)],
            walked,
        )
        for name, at in (("its last report", last), ("halfway", halfway))
        for walked in (False, True)
    ]


async def measure(dsn: str, requests: int, seed: int, only: list[str]) -> None:
    pool = await create_pool(dsn, min_size=1, max_size=2)
    app = create_app(Settings(factdesk_load_seeds=False, factdesk_response_cache=False))
    app.state.pool = pool
    async with pool.acquire() as conn:
        articles = await conn.fetchval("SELECT count(*) FROM articles")
        figures = await conn.fetchval("SELECT count(*) FROM figures")
        kinds = await _kinds(conn, random.Random(seed))
    kinds = [k for k in kinds if not only or any(o in k.name for o in only)]
    print(f"{articles:,} articles, {figures:,} figures; {requests} requests per kind")
    print("| page | p50 ms | p95 ms | max ms | bytes (median) |\n|---|---:|---:|---:|---:|")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for kind in kinds:
            known_values_db.list_known_reports = (
                known_values_db.list_known_reports_walked if kind.walked else COUNTED
            )
            for path in kind.paths[:5]:  # warm: statements prepared, plans cached
                answer = await client.get(path)
                assert answer.status_code == 200, (path, answer.status_code)
            times, sizes = [], []
            for n in range(requests):
                path = kind.paths[n % len(kind.paths)]
                started = time.perf_counter()
                answer = await client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                sizes.append(len(answer.content))
            times.sort()
            p50, p95 = statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]
            size = int(statistics.median(sizes))
            print(f"| {kind.name} | {p50:.1f} | {p95:.1f} | {times[-1]:.1f} | {size:,} |")
    await pool.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per kind")
    parser.add_argument("--seed", type=int, default=16, help="which entities etc. to sample")
    parser.add_argument(
        "--only", nargs="*", default=[], help="kinds of page whose name holds one of these"
    )
    args = parser.parse_args()
    asyncio.run(measure(args.dsn, args.requests, args.seed, args.only))


if __name__ == "__main__":
    main()
