"""Each distinct report of each fact counted by month and by day of publication, kept
by triggers, so that what was known at a past time T is a sum over the buckets before
T's day plus the publications of T's own day, instead of a walk over every figure known
then (~1 s a page for the most reported fact at 100k articles).

A report is a fact's figures of equal value, upper bound, approximation and text
(known_values.KnownReport). Only the figures counted simply are bucketed: a figure still
stored whose article was never corrected (`corrected_at` NULL), which counts at T
exactly when a publication of its article was made by T (service/db/known.py). The rest
(figures of a corrected article, figures taken out since) are few and read as before.

For each such figure g and each publication p of its article (a pair, at p's time: the
outlet's, else its arrival), the bucket of p's month and of p's day (UTC) holds:
- `figures`: the figures whose first publication (earliest time, then id) is p;
- `pairs`: how many pairs it holds (the row goes with its last);
- a day's row only: `first_at`, `last_at`, the earliest and latest time of its pairs.
The reports known at T are then, for the months before T's month and the days of T's
month before T's day, a sum of `figures`; T's own day is read from its publications
(publications_time_idx). When a report was first and last reported by T is the earliest
day's `first_at` and the latest day's `last_at` before T's day (a figure's first
publication is its earliest pair), or T's day's own.

The triggers keep that true through every write: figures inserted add their pairs;
figures deleted take theirs off (a day whose earliest or latest time they held is counted
again from that day's publications; a month holds no time, so never); a publication
added adds its pairs (one before an article's first moves its figures' count there); a
publication deleted or changed, a figure changed, an article corrected for the first
time, or figures whose article was deleted with them count their reports again from all
their figures. Rows are locked in key order, as fact_values' triggers lock theirs.

Revision ID: 2026_12_11_report_times
Revises: 2026_12_10_story_identity
Create Date: 2026-12-11
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_11_report_times"
down_revision = "2026_12_10_story_identity"
branch_labels = None
depends_on = None

# A publication's time (known.published_sql).
AT = "coalesce(p.published_at, p.received_at)"


def first(at: str = AT) -> str:
    """Whether publication p (at time `at`) is its article's first (the earliest, then the
    least id)."""
    return f"""NOT EXISTS (SELECT 1 FROM publications q WHERE q.article_id = p.article_id
    AND (coalesce(q.published_at, q.received_at), q.id) < ({at}, p.id))"""


FIRST = first()
REPORT = "fact_id, value, upper_bound, approximation, text"
KEY = f"{REPORT}, span, bucket"
SPANS = "(VALUES ('month'), ('day')) s(span)"
# The pairs of figures `g` (a table of figures' rows) counted simply, as bucket rows.
PAIRS = f"""
    SELECT g.fact_id, g.value, g.upper_bound, g.approximation, g.text, s.span,
           date_trunc(s.span, {AT}, 'UTC') AS bucket,
           count(*) FILTER (WHERE {FIRST})::int AS figures, count(*)::int AS pairs,
           CASE WHEN s.span = 'day' THEN min({AT}) END AS first_at,
           CASE WHEN s.span = 'day' THEN max({AT}) END AS last_at
    FROM {{figures}} g
    JOIN articles a ON a.id = g.article_id AND a.corrected_at IS NULL
    JOIN publications p ON p.article_id = g.article_id
    CROSS JOIN {SPANS}
    WHERE g.fact_id IS NOT NULL {{where}}
    GROUP BY 1, 2, 3, 4, 5, 6, 7
"""


def pairs(figures: str, where: str = "") -> str:
    """The bucket rows of the pairs of `figures` (a table of figures' rows)."""
    return PAIRS.format(figures=figures, where=where)


UPSERT = f"""
    INSERT INTO fact_report_times AS r ({KEY}, figures, pairs, first_at, last_at)
    SELECT * FROM ({{pairs}}) n ORDER BY {KEY}
    ON CONFLICT ON CONSTRAINT fact_report_times_key DO UPDATE SET
        figures = r.figures + excluded.figures, pairs = r.pairs + excluded.pairs,
        first_at = least(r.first_at, excluded.first_at),
        last_at = greatest(r.last_at, excluded.last_at)
"""

UPGRADE = [
    """
    CREATE TABLE fact_report_times (
        fact_id bigint NOT NULL
            CONSTRAINT fact_report_times_fact_id_fkey REFERENCES facts (id) ON DELETE CASCADE,
        value double precision NOT NULL,
        upper_bound double precision,
        approximation text NOT NULL,
        text text NOT NULL,
        span text NOT NULL CONSTRAINT fact_report_times_span_valid
            CHECK (span IN ('month', 'day')),
        bucket timestamptz NOT NULL,
        figures integer NOT NULL CONSTRAINT fact_report_times_figures_valid
            CHECK (figures >= 0),
        pairs integer NOT NULL CONSTRAINT fact_report_times_pairs_positive CHECK (pairs > 0),
        first_at timestamptz,
        last_at timestamptz,
        CONSTRAINT fact_report_times_days_timed CHECK (
            (span = 'day') = (first_at IS NOT NULL) AND (span = 'day') = (last_at IS NOT NULL)),
        CONSTRAINT fact_report_times_key UNIQUE NULLS NOT DISTINCT
            (fact_id, value, upper_bound, approximation, text, span, bucket)
    )
    """,
    # A fact's months before a time, and the days of one month (what a reading sums).
    "CREATE INDEX fact_report_times_time_idx ON fact_report_times (fact_id, span, bucket)",
    # The publications of one day (what a reading counts itself).
    f"""CREATE INDEX publications_time_idx ON publications (({AT.replace("p.", "")}))
        INCLUDE (article_id)""",
    # The given reports' rows counted again from all their figures counted simply.
    f"""
    CREATE FUNCTION fd_rebuild_report_times(
        fact_ids bigint[], vals double precision[], uppers double precision[],
        approxs text[], texts text[]
    ) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM 1 FROM fact_report_times r
        JOIN unnest(fact_ids, vals, uppers, approxs, texts) AS k(f, v, u, a, t)
            ON r.fact_id = k.f AND r.value = k.v AND r.upper_bound IS NOT DISTINCT FROM k.u
            AND r.approximation = k.a AND r.text = k.t
        ORDER BY r.fact_id, r.value, r.upper_bound, r.approximation, r.text, r.span, r.bucket
        FOR UPDATE OF r;
        DELETE FROM fact_report_times r
        USING unnest(fact_ids, vals, uppers, approxs, texts) AS k(f, v, u, a, t)
        WHERE r.fact_id = k.f AND r.value = k.v AND r.upper_bound IS NOT DISTINCT FROM k.u
            AND r.approximation = k.a AND r.text = k.t;
        INSERT INTO fact_report_times ({KEY}, figures, pairs, first_at, last_at)
        SELECT * FROM ({
        pairs(
            "(SELECT g.* FROM (SELECT DISTINCT * FROM unnest(fact_ids, vals, uppers, approxs,"
            " texts)) AS k(f, v, u, a, t) JOIN figures g ON g.fact_id = k.f AND g.value = k.v"
            " AND g.upper_bound IS NOT DISTINCT FROM k.u AND g.approximation = k.a"
            " AND g.text = k.t)"
        )
    }) n ORDER BY {KEY};
    END
    $$
    """,
    # The given days' rows counted again from those days' publications (a day holds a
    # hundred at 100k articles; the report may have thousands of figures).
    f"""
    CREATE FUNCTION fd_recount_report_days(
        fact_ids bigint[], vals double precision[], uppers double precision[],
        approxs text[], texts text[], days timestamptz[]
    ) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM fact_report_times r
        USING unnest(fact_ids, vals, uppers, approxs, texts, days) AS k(f, v, u, a, t, b)
        WHERE r.fact_id = k.f AND r.value = k.v AND r.upper_bound IS NOT DISTINCT FROM k.u
            AND r.approximation = k.a AND r.text = k.t AND r.span = 'day' AND r.bucket = k.b;
        WITH keys AS MATERIALIZED (
            SELECT DISTINCT * FROM unnest(fact_ids, vals, uppers, approxs, texts, days)
                AS k(f, v, u, a, t, b)
        ), published AS MATERIALIZED (
            SELECT k.b, p.id, p.article_id, {AT} AS at
            FROM (SELECT DISTINCT b FROM keys) k
            JOIN publications p ON {AT} >= k.b
                AND {AT} < date_add(k.b, interval '1 day', 'UTC')
        )
        INSERT INTO fact_report_times ({KEY}, figures, pairs, first_at, last_at)
        SELECT k.f, k.v, k.u, k.a, k.t, 'day', k.b,
               count(*) FILTER (WHERE {first("p.at")})::int, count(*)::int, min(p.at),
               max(p.at)
        FROM published p
        JOIN keys k ON k.b = p.b
        JOIN figures g ON g.article_id = p.article_id AND g.fact_id = k.f AND g.value = k.v
            AND g.upper_bound IS NOT DISTINCT FROM k.u AND g.approximation = k.a
            AND g.text = k.t
        JOIN articles a ON a.id = g.article_id AND a.corrected_at IS NULL
        GROUP BY k.f, k.v, k.u, k.a, k.t, k.b
        ORDER BY k.f, k.v, k.u, k.a, k.t, k.b;
    END
    $$
    """,
    f"""
    CREATE FUNCTION fd_add_report_times() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {UPSERT.format(pairs=pairs("added"))};
        RETURN NULL;
    END
    $$
    """,
    f"""
    CREATE FUNCTION fd_subtract_report_times() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        keys record;
    BEGIN
        -- Figures whose article went with them (and its publications): nothing says
        -- where they were counted, so their reports are counted again.
        IF EXISTS (SELECT 1 FROM removed r WHERE r.fact_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)) THEN
            SELECT array_agg(fact_id) AS f, array_agg(value) AS v,
                   array_agg(upper_bound) AS u, array_agg(approximation) AS a,
                   array_agg(text) AS t
            INTO keys FROM (
                SELECT DISTINCT {REPORT} FROM removed WHERE fact_id IS NOT NULL) k;
            PERFORM fd_rebuild_report_times(keys.f, keys.v, keys.u, keys.a, keys.t);
            RETURN NULL;
        END IF;
        WITH gone AS ({pairs("removed")}),
        locked AS (
            SELECT r.ctid AS row_id, r.pairs AS held, g.*,
                   r.pairs > g.pairs AND (r.span = 'month' OR
                       g.first_at > r.first_at AND g.last_at < r.last_at) AS inside
            FROM fact_report_times r JOIN gone g ON r.fact_id = g.fact_id
                AND r.value = g.value AND r.upper_bound IS NOT DISTINCT FROM g.upper_bound
                AND r.approximation = g.approximation AND r.text = g.text
                AND r.span = g.span AND r.bucket = g.bucket
            ORDER BY r.fact_id, r.value, r.upper_bound, r.approximation, r.text, r.span,
                r.bucket
            FOR UPDATE OF r
        ), emptied AS (
            DELETE FROM fact_report_times r USING locked l
            WHERE r.ctid = l.row_id AND l.held <= l.pairs
        ), subtracted AS (
            UPDATE fact_report_times r
            SET figures = r.figures - l.figures, pairs = r.pairs - l.pairs
            FROM locked l WHERE r.ctid = l.row_id AND l.inside
        )
        SELECT array_agg(l.fact_id) AS f, array_agg(l.value) AS v,
               array_agg(l.upper_bound) AS u, array_agg(l.approximation) AS a,
               array_agg(l.text) AS t, array_agg(l.bucket) AS b
        INTO keys FROM locked l WHERE l.held > l.pairs AND NOT l.inside;
        IF keys.f IS NOT NULL THEN
            PERFORM fd_recount_report_days(keys.f, keys.v, keys.u, keys.a, keys.t, keys.b);
        END IF;
        RETURN NULL;
    END
    $$
    """,
    # A figure moved (the service never does): its reports, old and new, counted again.
    f"""
    CREATE FUNCTION fd_rebuild_changed_report_times() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        keys record;
    BEGIN
        SELECT array_agg(fact_id) AS f, array_agg(value) AS v, array_agg(upper_bound) AS u,
               array_agg(approximation) AS a, array_agg(text) AS t
        INTO keys FROM (
            SELECT {REPORT} FROM removed UNION SELECT {REPORT} FROM added
        ) k WHERE fact_id IS NOT NULL;
        IF keys.f IS NOT NULL THEN
            PERFORM fd_rebuild_report_times(keys.f, keys.v, keys.u, keys.a, keys.t);
        END IF;
        RETURN NULL;
    END
    $$
    """,
    # A publication added (a republication): its pairs. One now first of its article
    # takes its figures' count from the one that was.
    f"""
    CREATE FUNCTION fd_add_publication_report_times() RETURNS trigger LANGUAGE plpgsql
    AS $$
    BEGIN
        WITH new AS (
            SELECT g.fact_id, g.value, g.upper_bound, g.approximation, g.text, s.span,
                   date_trunc(s.span, {AT}, 'UTC') AS bucket, {FIRST} AS first, {AT} AS at
            FROM added p
            JOIN articles a ON a.id = p.article_id AND a.corrected_at IS NULL
            JOIN figures g ON g.article_id = p.article_id AND g.fact_id IS NOT NULL
            CROSS JOIN {SPANS}
        )
        {
        UPSERT.format(
            pairs=f'''SELECT {KEY}, count(*) FILTER (WHERE first)::int, count(*)::int,
                CASE WHEN span = 'day' THEN min(at) END,
                CASE WHEN span = 'day' THEN max(at) END
                FROM new GROUP BY {KEY}'''
        )
    };
        -- The publication that was first (the earliest not added) when one added is now.
        WITH was AS (
            SELECT g.fact_id, g.value, g.upper_bound, g.approximation, g.text, s.span,
                   date_trunc(s.span, o.at, 'UTC') AS bucket, count(*)::int AS n
            FROM (SELECT DISTINCT article_id FROM added) d
            JOIN articles a ON a.id = d.article_id AND a.corrected_at IS NULL
            CROSS JOIN LATERAL (
                SELECT {AT} AS at, p.id FROM publications p
                WHERE p.article_id = d.article_id
                    AND p.id NOT IN (SELECT id FROM added)
                ORDER BY {AT}, p.id LIMIT 1
            ) o
            JOIN figures g ON g.article_id = d.article_id AND g.fact_id IS NOT NULL
            CROSS JOIN {SPANS}
            WHERE EXISTS (SELECT 1 FROM added p WHERE p.article_id = d.article_id AND {FIRST})
            GROUP BY 1, 2, 3, 4, 5, 6, 7
        ), locked AS (
            SELECT r.ctid AS row_id, w.n FROM fact_report_times r JOIN was w
                ON r.fact_id = w.fact_id AND r.value = w.value
                AND r.upper_bound IS NOT DISTINCT FROM w.upper_bound
                AND r.approximation = w.approximation AND r.text = w.text
                AND r.span = w.span AND r.bucket = w.bucket
            ORDER BY r.fact_id, r.value, r.upper_bound, r.approximation, r.text, r.span,
                r.bucket
            FOR UPDATE OF r
        )
        UPDATE fact_report_times r SET figures = r.figures - l.n
        FROM locked l WHERE r.ctid = l.row_id;
        RETURN NULL;
    END
    $$
    """,
    # A publication deleted or changed (the service never does), or an article corrected
    # for the first time or back: its figures' reports counted again.
    f"""
    CREATE FUNCTION fd_rebuild_publication_report_times() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        keys record;
    BEGIN
        SELECT array_agg(fact_id) AS f, array_agg(value) AS v, array_agg(upper_bound) AS u,
               array_agg(approximation) AS a, array_agg(text) AS t
        INTO keys FROM (
            SELECT DISTINCT {REPORT} FROM figures g
            WHERE g.fact_id IS NOT NULL AND g.article_id IN (SELECT article_id FROM removed)
        ) k;
        IF TG_OP = 'UPDATE' THEN  -- a publication moved to another article (none do)
            SELECT array_cat(keys.f, array_agg(fact_id)) AS f,
                   array_cat(keys.v, array_agg(value)) AS v,
                   array_cat(keys.u, array_agg(upper_bound)) AS u,
                   array_cat(keys.a, array_agg(approximation)) AS a,
                   array_cat(keys.t, array_agg(text)) AS t
            INTO keys FROM (
                SELECT DISTINCT {REPORT} FROM figures g
                WHERE g.fact_id IS NOT NULL AND g.article_id IN (SELECT article_id FROM added)
            ) k;
        END IF;
        IF keys.f IS NOT NULL THEN
            PERFORM fd_rebuild_report_times(keys.f, keys.v, keys.u, keys.a, keys.t);
        END IF;
        RETURN NULL;
    END
    $$
    """,
    f"""
    CREATE FUNCTION fd_rebuild_corrected_report_times() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        keys record;
    BEGIN
        SELECT array_agg(fact_id) AS f, array_agg(value) AS v, array_agg(upper_bound) AS u,
               array_agg(approximation) AS a, array_agg(text) AS t
        INTO keys FROM (
            SELECT DISTINCT {REPORT} FROM figures g
            WHERE g.fact_id IS NOT NULL AND g.article_id = NEW.id
        ) k;
        IF keys.f IS NOT NULL THEN
            PERFORM fd_rebuild_report_times(keys.f, keys.v, keys.u, keys.a, keys.t);
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER figures_add_report_times AFTER INSERT ON figures
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_add_report_times()
    """,
    """
    CREATE TRIGGER figures_subtract_report_times AFTER DELETE ON figures
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION fd_subtract_report_times()
    """,
    """
    CREATE TRIGGER figures_rebuild_report_times AFTER UPDATE ON figures
        REFERENCING OLD TABLE AS removed NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_rebuild_changed_report_times()
    """,
    """
    CREATE TRIGGER publications_add_report_times AFTER INSERT ON publications
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_add_publication_report_times()
    """,
    """
    CREATE TRIGGER publications_rebuild_report_times_removed AFTER DELETE ON publications
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION fd_rebuild_publication_report_times()
    """,
    """
    CREATE TRIGGER publications_rebuild_report_times_changed AFTER UPDATE ON publications
        REFERENCING OLD TABLE AS removed NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_rebuild_publication_report_times()
    """,
    """
    CREATE TRIGGER articles_rebuild_report_times AFTER UPDATE OF corrected_at ON articles
        FOR EACH ROW WHEN ((OLD.corrected_at IS NULL) <> (NEW.corrected_at IS NULL))
        EXECUTE FUNCTION fd_rebuild_corrected_report_times()
    """,
    # The reports of the figures stored so far.
    f"INSERT INTO fact_report_times ({KEY}, figures, pairs, first_at, last_at) " + pairs("figures"),
    "ANALYZE fact_report_times",
]

DOWNGRADE = [
    "DROP TRIGGER articles_rebuild_report_times ON articles",
    "DROP TRIGGER publications_rebuild_report_times_changed ON publications",
    "DROP TRIGGER publications_rebuild_report_times_removed ON publications",
    "DROP TRIGGER publications_add_report_times ON publications",
    "DROP TRIGGER figures_rebuild_report_times ON figures",
    "DROP TRIGGER figures_subtract_report_times ON figures",
    "DROP TRIGGER figures_add_report_times ON figures",
    "DROP FUNCTION fd_rebuild_corrected_report_times()",
    "DROP FUNCTION fd_rebuild_publication_report_times()",
    "DROP FUNCTION fd_add_publication_report_times()",
    "DROP FUNCTION fd_rebuild_changed_report_times()",
    "DROP FUNCTION fd_subtract_report_times()",
    "DROP FUNCTION fd_add_report_times()",
    """DROP FUNCTION fd_recount_report_days(bigint[], double precision[],
        double precision[], text[], text[], timestamptz[])""",
    """DROP FUNCTION fd_rebuild_report_times(bigint[], double precision[],
        double precision[], text[], text[])""",
    "DROP INDEX publications_time_idx",
    "DROP TABLE fact_report_times",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
