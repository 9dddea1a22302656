"""What was known at a past time, read alone: `known_values.list_known_reports` (counted
by month and day, migration 2026_12_11_report_times) against the walk over every figure
known then that it must equal (`list_known_reports_walked`), on the most reported facts
at points across the corpus's time span, in turn; each pair of answers compared.

    .venv/bin/python -m bench.known_reports --dsn DSN
    .venv/bin/python -m bench.known_reports --dsn DSN --budget 0   # 20 ids of every report
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

import asyncpg

from service.db import known_values as known_values_db

FACTS = """SELECT fact_id FROM figures WHERE fact_id IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC LIMIT $1"""
SPAN = """SELECT min(coalesce(published_at, received_at)), max(coalesce(published_at,
    received_at)) FROM publications"""
POINTS = (0.1, 0.5, 0.93, 1.0)  # of the time span


async def measure(dsn: str, facts: int, repeat: int, first: int, budget: int | None) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        fact_ids = [r[0] for r in await conn.fetch(FACTS, facts)]
        span = await conn.fetchrow(SPAN)
        assert span is not None, "no publication"
        low, high = span[0], span[1]
        print(f"| fact | at | reports | counted ms (median of {repeat}) | walked ms |")
        print("|---|---:|---:|---:|---:|")
        for fact_id in fact_ids:
            for point in POINTS:
                at = low + (high - low) * point
                times: dict[bool, list[float]] = {True: [], False: []}
                answers = {}
                for _ in range(repeat):
                    for counted in (True, False):
                        read = (
                            known_values_db.list_known_reports
                            if counted
                            else known_values_db.list_known_reports_walked
                        )
                        started = time.perf_counter()
                        answers[counted] = await read(
                            conn, fact_ids=[fact_id], as_of=at, first=first, budget=budget
                        )
                        times[counted].append((time.perf_counter() - started) * 1000)
                assert answers[True] == answers[False], (fact_id, at)
                print(
                    f"| {fact_id} | {point:.0%} | {len(answers[True])} "
                    f"| {statistics.median(times[True]):.1f} "
                    f"| {statistics.median(times[False]):.1f} |"
                )
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--facts", type=int, default=3, help="the most reported facts")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--first", type=int, default=20, help="first ids per report")
    parser.add_argument(
        "--budget", type=int, default=60, help="ids per fact (0: none); the fact page's 60"
    )
    args = parser.parse_args()
    asyncio.run(measure(args.dsn, args.facts, args.repeat, args.first, args.budget or None))


if __name__ == "__main__":
    main()
