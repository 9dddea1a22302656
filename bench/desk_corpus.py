"""Grows a loaded corpus N-fold in SQL, fast: the 100k corpus for the desk's timings
without 100k runs of extraction (10k took ~25 min through the pipeline on this machine).

Every article of the database (a corpus loaded once by `bench.load`) is copied N-1 times
under new ids, with its extracted rows (publications, figures, mentions, quotes, entity
resolutions, change rows) pointing at the copy. The world stays the generator's: the same
entities and facts, each reported N times as often, as `bench.corpus` does when asked for
N times the articles (its people, organisations and stories are fixed; only reports
grow). A copy is published `k` minutes after its original, has its own slug, URL and
content hash, and one copy in twenty was republished by a second outlet three hours later.
The five seeds are loaded after the copies, once, through the pipeline.

Run it on a copy of a cluster, never on data you keep:

    cp -a /tmp/fd18-cluster-1000 /tmp/desk-100k      # a 1k corpus (bench.load --size 1000)
    .venv/bin/python -m bench.desk_corpus --dsn DSN --times 100
"""

from __future__ import annotations

import argparse
import asyncio
import time

import asyncpg

from service.config import REPO_ROOT
from service.db import migrate
from service.db.pool import create_pool
from service.ingest.seeds import load_seeds

# Each statement copies one table, with the parameters it names: `k` runs over the
# copies, ids move by a stride past the largest id (read once before any copy).
COPIES: list[tuple[str, tuple[str, ...]]] = [
    (
        """
        INSERT INTO articles (id, slug, outlet_id, original_source_id, headline, standfirst,
            dateline, bylines, body, captions, raw_text, content_hash, url, published_at,
            ingested_at, removed)
        OVERRIDING SYSTEM VALUE
        SELECT a.id + k * $2, a.slug || '-' || k, a.outlet_id, a.original_source_id, a.headline,
            a.standfirst, a.dateline, a.bylines, a.body, a.captions, a.raw_text,
            encode(sha256(convert_to(a.content_hash || ':' || k, 'UTF8')), 'hex'),
            a.url || '?copy=' || k, a.published_at + k * interval '1 minute',
            a.ingested_at + k * interval '1 second', a.removed
        FROM articles a, generate_series(1, $1 - 1) k WHERE a.id <= $2
        """,
        ("times", "articles"),
    ),
    (
        """
        INSERT INTO publications (article_id, outlet_id, url, published_at, received_at)
        SELECT p.article_id + k * $2, p.outlet_id, p.url || '?copy=' || k,
            p.published_at + k * interval '1 minute', p.received_at + k * interval '1 second'
        FROM publications p, generate_series(1, $1 - 1) k WHERE p.article_id <= $2
        """,
        ("times", "articles"),
    ),
    # One copy in twenty also carried by another outlet (a republication), later.
    (
        """
        INSERT INTO publications (article_id, outlet_id, url, published_at, received_at)
        SELECT a.id, o.id, a.url || '&via=' || o.id, a.published_at + interval '3 hours',
            a.ingested_at + interval '3 hours'
        FROM articles a
        JOIN LATERAL (SELECT id FROM outlets WHERE id <> a.outlet_id
                      ORDER BY (id * 7919 + a.id) % 101 LIMIT 1) o ON true
        WHERE a.id > $1 AND a.id % 20 = 0
        """,
        ("articles",),
    ),
    (
        """
        INSERT INTO figures (id, article_id, fact_id, subject_id, attributed_to_id,
            attributed_to_text, value, upper_bound, approximation, unit, text, property,
            qualifier, status, refers_to, start_offset, end_offset, sentence_start,
            sentence_end, part, caption_index)
        OVERRIDING SYSTEM VALUE
        SELECT f.id + k * $3, f.article_id + k * $2, f.fact_id, f.subject_id,
            f.attributed_to_id, f.attributed_to_text, f.value, f.upper_bound, f.approximation,
            f.unit, f.text, f.property, f.qualifier, f.status, f.refers_to, f.start_offset,
            f.end_offset, f.sentence_start, f.sentence_end, f.part, f.caption_index
        FROM figures f, generate_series(1, $1 - 1) k WHERE f.article_id <= $2
        """,
        ("times", "articles", "figures"),
    ),
    (
        """
        INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text,
            sentence_index)
        SELECT m.article_id + k * $2, m.entity_id, m.start_offset, m.end_offset, m.text,
            m.sentence_index
        FROM mentions m, generate_series(1, $1 - 1) k WHERE m.article_id <= $2
        """,
        ("times", "articles"),
    ),
    (
        """
        INSERT INTO quotes (article_id, speaker_id, speaker_text, text, start_offset,
            end_offset, sentence_start, sentence_end, is_partial, cue, statement_key)
        SELECT q.article_id + k * $2, q.speaker_id, q.speaker_text, q.text, q.start_offset,
            q.end_offset, q.sentence_start, q.sentence_end, q.is_partial, q.cue,
            q.statement_key
        FROM quotes q, generate_series(1, $1 - 1) k WHERE q.article_id <= $2
        """,
        ("times", "articles"),
    ),
    (
        """
        INSERT INTO entity_resolutions (entity_id, article_id, local_name, decision, reason)
        SELECT r.entity_id, r.article_id + k * $2, r.local_name, 'merged', r.reason
        FROM entity_resolutions r, generate_series(1, $1 - 1) k WHERE r.article_id <= $2
        """,
        ("times", "articles"),
    ),
    (
        """
        INSERT INTO changes (kind, article_id, fact_ids, at)
        SELECT c.kind, c.article_id + k * $2, c.fact_ids, c.at + k * interval '1 second'
        FROM changes c, generate_series(1, $1 - 1) k WHERE c.article_id <= $2
        """,
        ("times", "articles"),
    ),
]

# The per-row trigger that counts resolutions is off while they are copied (a million
# upserts), and the counts are taken again at once, as the migration that made them does.
RECOUNT = [
    "TRUNCATE entity_name_counts",
    """
    INSERT INTO entity_name_counts
        (entity_id, local_name, words, resolutions, first_resolution_id)
    SELECT entity_id, local_name, fd_name_words(local_name), count(*), min(id)
    FROM entity_resolutions GROUP BY entity_id, local_name
    """,
]

# The copies took ids by hand: each identity goes on from the largest.
IDENTITIES = """
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['articles', 'publications', 'figures', 'mentions', 'quotes',
                             'changes'] LOOP
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), '
                       '(SELECT max(id) FROM %I))', t, t);
    END LOOP;
END $$
"""


async def _copy(conn: asyncpg.Connection, times: int) -> None:
    max_article = await conn.fetchval("SELECT coalesce(max(id), 0) FROM articles")
    max_figure = await conn.fetchval("SELECT coalesce(max(id), 0) FROM figures")
    print(f"{max_article} articles, {max_figure} figures; copying {times - 1} times")
    params = {"times": times, "articles": max_article, "figures": max_figure}
    async with conn.transaction():
        await conn.execute(
            "ALTER TABLE entity_resolutions DISABLE TRIGGER entity_resolutions_count"
        )
        for statement, names in COPIES:
            started = time.perf_counter()
            status = await conn.execute(statement, *(params[n] for n in names))
            table = statement.split()[2]
            print(f"  {table}: {status} in {time.perf_counter() - started:.0f} s")
        await conn.execute("ALTER TABLE entity_resolutions ENABLE TRIGGER entity_resolutions_count")
        for statement in RECOUNT:
            await conn.execute(statement)
        await conn.execute(IDENTITIES)
        await conn.execute("UPDATE data_version SET version = version + 1")


async def grow(dsn: str, times: int) -> None:
    """Copies, then the seeds through the pipeline, then statistics for the planner."""
    # Not the service's pool: its 30 s command timeout is for requests, not bulk copies.
    conn = await asyncpg.connect(dsn, command_timeout=None)
    try:
        await _copy(conn, times)
        pool = await create_pool(dsn, min_size=1, max_size=2)
        try:
            print(f"seeds: {len(await load_seeds(pool, REPO_ROOT / 'seeds'))} loaded")
        finally:
            await pool.close()
        started = time.perf_counter()
        await conn.execute("VACUUM (ANALYZE)")
        print(f"VACUUM (ANALYZE) in {time.perf_counter() - started:.0f} s")
        total = await conn.fetchval("SELECT count(*) FROM articles")
        print(f"{total} articles now")
    finally:
        await conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dsn", required=True, help="a COPY of a loaded corpus")
    parser.add_argument("--times", type=int, default=100, help="articles afterwards / before")
    args = parser.parse_args()
    migrate.upgrade(args.dsn)
    asyncio.run(grow(args.dsn, args.times))


if __name__ == "__main__":
    main()
