"""What the `fact_values` triggers (migration 2026_12_08_fact_values) cost at ingest:
the same new articles stored into copies of one loaded corpus, with the triggers and with
them disabled, alternately; and a third copy whose retractions count each value they
leave again from every figure left (the trigger before migration 2026_12_10, kept as
fd_recount_figures), so the subtraction's gain is measured in the same run.

Parse and extraction (pure, the same either way) run once, before any timing; then each
round stores every article with the pipeline's own `store_article`, one transaction per
article, into a scratch database made from the corpus (`CREATE DATABASE ... TEMPLATE`),
once with the triggers and once after `ALTER TABLE ... DISABLE TRIGGER`. Reported: store
time per article, the triggers' own time (`pg_stat_user_functions`, track_functions=pl),
and what that makes of a whole ingest (extraction included) per second. Then some of the
new articles are retracted (`retract_article`): a figure leaving a value takes its
report off the count, or, at the value's earliest or latest time, recounts it from its
figures left (`recount`: always so).

Run it on a server whose database `--template` holds a corpus (e.g. 10k articles:
`bench.desk_corpus --times 10` over a copy of a 1k cluster) and nothing else connected:

    .venv/bin/python -m bench.ingest_triggers --dsn DSN --articles 200 --rounds 3 --retract 20

(`--scratch NAME` when another run may be using the default copy's name.)
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from dataclasses import dataclass

import asyncpg

from bench.corpus import Generator
from bench.load import parse_and_extract
from service.db import articles as articles_db
from service.db.pool import create_pool
from service.db.scratch import drop_database, with_database
from service.ingest.corrections import retract_article
from service.ingest.model import Extraction, ParsedArticle
from service.ingest.storage import store_article

# Each set of triggers measured (`--set`): their tables, names and functions. fact_values:
# figures and publications, insert, delete, update; report_times (migration
# 2026_12_11_report_times): the same, and articles corrected for the first time;
# entity_articles (migration 2026_12_10_entity_articles): mentions, and articles whose
# time or retraction changes.
TRIGGER_SETS: dict[str, tuple[dict[str, tuple[str, ...]], tuple[str, ...]]] = {
    "fact_values": (
        {
            "figures": (
                "figures_count_added",
                "figures_recount_removed",
                "figures_recount_changed",
            ),
            "publications": (
                "publications_widen_times",
                "publications_recount_removed",
                "publications_recount_changed",
            ),
        },
        (
            "fd_count_added_figures",
            "fd_recount_figures",
            "fd_recount_values",
            "fd_widen_value_times",
            "fd_recount_publications",
            "fd_subtract_figures",
        ),
    ),
    "report_times": (
        {
            "figures": (
                "figures_add_report_times",
                "figures_subtract_report_times",
                "figures_rebuild_report_times",
            ),
            "publications": (
                "publications_add_report_times",
                "publications_rebuild_report_times_removed",
                "publications_rebuild_report_times_changed",
            ),
            "articles": ("articles_rebuild_report_times",),
        },
        (
            "fd_add_report_times",
            "fd_subtract_report_times",
            "fd_recount_report_days",
            "fd_rebuild_report_times",
            "fd_rebuild_changed_report_times",
            "fd_add_publication_report_times",
            "fd_rebuild_publication_report_times",
            "fd_rebuild_corrected_report_times",
        ),
    ),
    "entity_articles": (
        {
            "mentions": ("mentions_file_added", "mentions_file_removed", "mentions_file_changed"),
            "articles": ("articles_refile_entity_articles",),
        },
        ("fd_file_entity_articles", "fd_refile_entity_articles"),
    ),
    # Migration 2026_12_11_entity_article_counts: entity_articles' own rows counted.
    "entity_article_counts": (
        {"entity_articles": ("entity_articles_count_added", "entity_articles_count_removed")},
        ("fd_count_entity_articles",),
    ),
}
TRIGGERS, FUNCTIONS = TRIGGER_SETS["fact_values"]  # set by main from --set
TRIGGER_TIME = """SELECT coalesce(sum(self_time), 0) FROM pg_stat_user_functions
    WHERE funcname = ANY($1::text[])"""
# The `recount` variant (fact_values only): a figure deleted counts its value again from
# every figure left, as before migration 2026_12_10_value_subtraction.
RECOUNT_REMOVED = """DROP TRIGGER figures_recount_removed ON figures;
    CREATE TRIGGER figures_recount_removed AFTER DELETE ON figures
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION fd_recount_figures()"""
VARIANTS = ("on", "recount", "off")
SCRATCH = "fd_ingest_triggers"  # --scratch
FIRST_NEW = 1_000_000  # the generator's articles from here on are in no loaded corpus

Prepared = list[tuple[ParsedArticle, Extraction, str | None]]


@dataclass(frozen=True, slots=True)
class Run:
    variant: str  # VARIANTS
    seconds: float  # storing every article
    trigger_ms: float  # inside the fact_values trigger functions
    stored: int
    retract_seconds: float  # retracting `retracted` of them
    retract_trigger_ms: float
    retracted: int


async def _scratch(server: str, template: str, scratch: str, *, variant: str) -> str:
    await drop_database(server, scratch)
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f'CREATE DATABASE "{scratch}" TEMPLATE "{template}"')
        await admin.execute(f'ALTER DATABASE "{scratch}" SET track_functions = pl')
    finally:
        await admin.close()
    dsn = with_database(server, scratch)
    conn = await asyncpg.connect(dsn)
    try:
        if variant == "off":
            for table, names in TRIGGERS.items():
                for name in names:
                    await conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER {name}")
        elif variant == "recount":
            await conn.execute(RECOUNT_REMOVED)
    finally:
        await conn.close()
    return dsn


async def _store(dsn: str, prepared: Prepared) -> tuple[float, list[int]]:
    conn = await asyncpg.connect(dsn)
    stored = []
    try:
        started = time.perf_counter()
        for parsed, extraction, url in prepared:
            async with conn.transaction():
                result = await store_article(conn, parsed, extraction, url=url)
            if result.created:
                stored.append(result.article_id)
        return time.perf_counter() - started, stored
    finally:
        await conn.close()  # its function statistics are flushed as it ends


async def _retract(dsn: str, article_ids: list[int]) -> float:
    pool = await create_pool(dsn, min_size=1, max_size=1)
    try:
        started = time.perf_counter()
        for article_id in article_ids:
            await retract_article(pool, article_id, by="bench", reason="bench")
        return time.perf_counter() - started
    finally:
        await pool.close()


async def _trigger_ms(dsn: str, *, above: float = 0.0) -> float:
    """The fact_values trigger functions' time so far (once it has grown past `above`,
    when they ran: a backend's statistics reach the others shortly after it ends)."""
    conn = await asyncpg.connect(dsn)
    try:
        total = 0.0
        for _ in range(30):
            total = float(await conn.fetchval(TRIGGER_TIME, list(FUNCTIONS)))
            if total > above:
                break
            await asyncio.sleep(0.1)
            await conn.execute("SELECT pg_stat_clear_snapshot()")
        return total
    finally:
        await conn.close()


async def measure(
    server: str, template: str, scratch: str, count: int, rounds: int, retract: int
) -> None:
    generator = Generator()
    started = time.perf_counter()
    prepared = parse_and_extract([generator.article(FIRST_NEW + i) for i in range(count)])
    extract_s = (time.perf_counter() - started) / count
    conn = await asyncpg.connect(with_database(server, template))
    try:
        articles = await articles_db.count_articles(conn)
    finally:
        await conn.close()
    print(f"{articles:,} articles in {template}; {count} new ones stored per run")
    print(f"parse + extract: {extract_s * 1000:.1f} ms per article (once, not timed below)")
    runs: list[Run] = []
    # the recount variant replaces a fact_values trigger: only that set has it
    variants = (
        VARIANTS if "figures_recount_removed" in TRIGGERS.get("figures", ()) else ("on", "off")
    )
    for _ in range(rounds):
        for variant in variants:
            dsn = await _scratch(server, template, scratch, variant=variant)
            seconds, stored = await _store(dsn, prepared)
            timed = variant != "off"
            stored_ms = await _trigger_ms(dsn) if timed else 0.0
            gone = stored[:: max(1, len(stored) // retract)][:retract] if retract else []
            retract_s = await _retract(dsn, gone)
            retract_ms = await _trigger_ms(dsn, above=stored_ms) - stored_ms if timed else 0.0
            runs.append(
                Run(variant, seconds, stored_ms, len(stored), retract_s, retract_ms, len(gone))
            )
    await drop_database(server, scratch)
    print("| triggers | store ms / article (each round) | median | in triggers ms / article |")
    print("|---|---|---:|---:|")
    medians = {}
    for variant in variants:
        mine = [r for r in runs if r.variant == variant]
        per = [r.seconds * 1000 / r.stored for r in mine]
        medians[variant] = statistics.median(per)
        inside = statistics.median(r.trigger_ms / r.stored for r in mine)
        each = ", ".join(f"{p:.2f}" for p in per)
        print(f"| {variant} | {each} | {medians[variant]:.2f} | {inside:.2f} |")
    print("| triggers | retract ms / article (each round) | median | in triggers ms / article |")
    print("|---|---|---:|---:|")
    for variant in variants:
        mine = [r for r in runs if r.variant == variant and r.retracted]
        if not mine:
            continue
        per = [r.retract_seconds * 1000 / r.retracted for r in mine]
        inside = statistics.median(r.retract_trigger_ms / r.retracted for r in mine)
        each = ", ".join(f"{p:.1f}" for p in per)
        print(f"| {variant} | {each} | {statistics.median(per):.1f} | {inside:.2f} |")
    on, off = medians["on"], medians["off"]
    print(f"store throughput on/off: {off / on:.3f} ({1000 / on:.1f} vs {1000 / off:.1f} /s)")
    whole_on, whole_off = extract_s * 1000 + on, extract_s * 1000 + off
    print(
        f"whole ingest (extraction + store, one process) on/off: {whole_off / whole_on:.3f} "
        f"({1000 / whole_on:.1f} vs {1000 / whole_off:.1f} articles/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dsn", required=True, help="the server (any database on it)")
    parser.add_argument("--template", default="factdesk", help="the database with the corpus")
    parser.add_argument("--articles", type=int, default=200, help="new articles per run")
    parser.add_argument("--rounds", type=int, default=3, help="runs with and without")
    parser.add_argument("--retract", type=int, default=20, help="new articles retracted")
    parser.add_argument("--set", choices=TRIGGER_SETS, default="fact_values")
    parser.add_argument("--scratch", default=SCRATCH, help="the copy made (and dropped) per run")
    args = parser.parse_args()
    global TRIGGERS, FUNCTIONS  # one run measures one set
    TRIGGERS, FUNCTIONS = TRIGGER_SETS[args.set]
    server = with_database(args.dsn, "postgres")
    asyncio.run(
        measure(server, args.template, args.scratch, args.articles, args.rounds, args.retract)
    )


if __name__ == "__main__":
    main()
