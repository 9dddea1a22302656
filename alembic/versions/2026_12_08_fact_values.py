"""Each value of each fact with its count of reports, its first report and when it was
first and last reported, kept by triggers.

At 100k articles the most reported fact has 30,000 reports over 116 values; its desk
page counted them, numbered its values and read every report's publications on each
request (~1 s). A value is a fact's reports of equal value, upper bound and approximation
(relations.GROUPED_VALUES, figures.value_group_sql); when it was first and last reported
is the earliest and latest publication of an article reporting it (republications
included: known.list_value_times; a publication's time is the outlet's, else its arrival:
known.published_sql). The triggers keep that true through every write:
figures inserted (ingest, correction) add to their values; figures deleted (correction,
retraction, an article removed) or moved recount the values they left, from the figures
left; a publication added (a republication) widens its article's values' times, one
removed or changed recounts them. A value with no report left has no row.

Ingests insert figures one article at a time (the resolution lock), and every trigger
locks the rows it changes in key order, so a republication and an ingest touching the
same values cannot deadlock.

Revision ID: 2026_12_08_fact_values
Revises: 2026_12_07_desk_indexes
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_08_fact_values"
down_revision = "2026_12_07_desk_indexes"
branch_labels = None
depends_on = None

UPGRADE = [
    """
    CREATE TABLE fact_values (
        fact_id bigint NOT NULL
            CONSTRAINT fact_values_fact_id_fkey REFERENCES facts (id) ON DELETE CASCADE,
        value double precision NOT NULL,
        upper_bound double precision,
        approximation text NOT NULL,
        first_figure_id bigint NOT NULL,
        reports integer NOT NULL CONSTRAINT fact_values_reports_positive CHECK (reports > 0),
        first_reported_at timestamptz,
        last_reported_at timestamptz,
        CONSTRAINT fact_values_key
            UNIQUE NULLS NOT DISTINCT (fact_id, value, upper_bound, approximation)
    )
    """,
    # A fact's values in order of first report (how pages number them).
    "CREATE INDEX fact_values_order_idx ON fact_values (fact_id, first_figure_id)",
    # The values given as four arrays counted again from the figures left: rows of values
    # with no report left go, the others are replaced (or added).
    """
    CREATE FUNCTION fd_recount_values(
        fact_ids bigint[], vals double precision[], uppers double precision[], approxs text[]
    ) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM 1 FROM fact_values v
        JOIN unnest(fact_ids, vals, uppers, approxs) AS k(fact_id, value, upper_bound, approx)
            ON v.fact_id = k.fact_id AND v.value = k.value
            AND v.upper_bound IS NOT DISTINCT FROM k.upper_bound
            AND v.approximation = k.approx
        ORDER BY v.fact_id, v.value, v.upper_bound, v.approximation
        FOR UPDATE OF v;
        DELETE FROM fact_values v
        USING unnest(fact_ids, vals, uppers, approxs) AS k(fact_id, value, upper_bound, approx)
        WHERE v.fact_id = k.fact_id AND v.value = k.value
            AND v.upper_bound IS NOT DISTINCT FROM k.upper_bound
            AND v.approximation = k.approx;
        INSERT INTO fact_values (fact_id, value, upper_bound, approximation, first_figure_id,
            reports, first_reported_at, last_reported_at)
        SELECT g.fact_id, g.value, g.upper_bound, g.approximation, min(g.id), count(*),
               min(t.first_at), max(t.last_at)
        FROM (SELECT DISTINCT * FROM unnest(fact_ids, vals, uppers, approxs)) AS
            k(fact_id, value, upper_bound, approx)
        JOIN figures g ON g.fact_id = k.fact_id AND g.value = k.value
            AND g.upper_bound IS NOT DISTINCT FROM k.upper_bound AND g.approximation = k.approx
        LEFT JOIN LATERAL (
            SELECT min(coalesce(p.published_at, p.received_at)) AS first_at,
                   max(coalesce(p.published_at, p.received_at)) AS last_at
            FROM publications p WHERE p.article_id = g.article_id
        ) t ON true
        GROUP BY g.fact_id, g.value, g.upper_bound, g.approximation
        ORDER BY g.fact_id, g.value, g.upper_bound, g.approximation;
    END
    $$
    """,
    """
    CREATE FUNCTION fd_count_added_figures() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO fact_values AS v (fact_id, value, upper_bound, approximation,
            first_figure_id, reports, first_reported_at, last_reported_at)
        SELECT n.fact_id, n.value, n.upper_bound, n.approximation, min(n.id), count(*),
               min(t.first_at), max(t.last_at)
        FROM added n
        LEFT JOIN LATERAL (
            SELECT min(coalesce(p.published_at, p.received_at)) AS first_at,
                   max(coalesce(p.published_at, p.received_at)) AS last_at
            FROM publications p WHERE p.article_id = n.article_id
        ) t ON true
        WHERE n.fact_id IS NOT NULL
        GROUP BY n.fact_id, n.value, n.upper_bound, n.approximation
        ORDER BY n.fact_id, n.value, n.upper_bound, n.approximation
        ON CONFLICT ON CONSTRAINT fact_values_key DO UPDATE SET
            reports = v.reports + excluded.reports,
            first_figure_id = least(v.first_figure_id, excluded.first_figure_id),
            first_reported_at = least(v.first_reported_at, excluded.first_reported_at),
            last_reported_at = greatest(v.last_reported_at, excluded.last_reported_at);
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE FUNCTION fd_recount_figures() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        keys record;
    BEGIN
        IF TG_OP = 'DELETE' THEN
            SELECT array_agg(fact_id) AS f, array_agg(value) AS v, array_agg(upper_bound) AS u,
                   array_agg(approximation) AS a
            INTO keys FROM removed WHERE fact_id IS NOT NULL;
        ELSE
            SELECT array_agg(fact_id) AS f, array_agg(value) AS v, array_agg(upper_bound) AS u,
                   array_agg(approximation) AS a
            INTO keys FROM (
                SELECT fact_id, value, upper_bound, approximation FROM removed
                UNION SELECT fact_id, value, upper_bound, approximation FROM added
            ) k WHERE fact_id IS NOT NULL;
        END IF;
        IF keys.f IS NOT NULL THEN
            PERFORM fd_recount_values(keys.f, keys.v, keys.u, keys.a);
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE FUNCTION fd_widen_value_times() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        WITH times AS (
            SELECT g.fact_id, g.value, g.upper_bound, g.approximation,
                   min(coalesce(p.published_at, p.received_at)) AS first_at,
                   max(coalesce(p.published_at, p.received_at)) AS last_at
            FROM added p JOIN figures g ON g.article_id = p.article_id
            WHERE g.fact_id IS NOT NULL
            GROUP BY g.fact_id, g.value, g.upper_bound, g.approximation
        ), locked AS (
            SELECT v.ctid AS row, t.first_at, t.last_at FROM fact_values v
            JOIN times t ON v.fact_id = t.fact_id AND v.value = t.value
                AND v.upper_bound IS NOT DISTINCT FROM t.upper_bound
                AND v.approximation = t.approximation
            ORDER BY v.fact_id, v.value, v.upper_bound, v.approximation
            FOR UPDATE OF v
        )
        UPDATE fact_values v
        SET first_reported_at = least(v.first_reported_at, l.first_at),
            last_reported_at = greatest(v.last_reported_at, l.last_at)
        FROM locked l WHERE v.ctid = l.row;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE FUNCTION fd_recount_publications() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        keys record;
    BEGIN
        SELECT array_agg(fact_id) AS f, array_agg(value) AS v, array_agg(upper_bound) AS u,
               array_agg(approximation) AS a
        INTO keys FROM (
            SELECT DISTINCT g.fact_id, g.value, g.upper_bound, g.approximation
            FROM figures g
            WHERE g.article_id IN (SELECT article_id FROM removed) AND g.fact_id IS NOT NULL
        ) k;
        IF TG_OP = 'UPDATE' THEN  -- a publication moved to another article (none do)
            SELECT array_cat(keys.f, array_agg(fact_id)) AS f,
                   array_cat(keys.v, array_agg(value)) AS v,
                   array_cat(keys.u, array_agg(upper_bound)) AS u,
                   array_cat(keys.a, array_agg(approximation)) AS a
            INTO keys FROM (
                SELECT DISTINCT g.fact_id, g.value, g.upper_bound, g.approximation
                FROM figures g
                WHERE g.article_id IN (SELECT article_id FROM added) AND g.fact_id IS NOT NULL
            ) k;
        END IF;
        IF keys.f IS NOT NULL THEN
            PERFORM fd_recount_values(keys.f, keys.v, keys.u, keys.a);
        END IF;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER figures_count_added AFTER INSERT ON figures
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_count_added_figures()
    """,
    """
    CREATE TRIGGER figures_recount_removed AFTER DELETE ON figures
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION fd_recount_figures()
    """,
    """
    CREATE TRIGGER figures_recount_changed AFTER UPDATE ON figures
        REFERENCING OLD TABLE AS removed NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_recount_figures()
    """,
    """
    CREATE TRIGGER publications_widen_times AFTER INSERT ON publications
        REFERENCING NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_widen_value_times()
    """,
    """
    CREATE TRIGGER publications_recount_removed AFTER DELETE ON publications
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION fd_recount_publications()
    """,
    """
    CREATE TRIGGER publications_recount_changed AFTER UPDATE ON publications
        REFERENCING OLD TABLE AS removed NEW TABLE AS added
        FOR EACH STATEMENT EXECUTE FUNCTION fd_recount_publications()
    """,
    # A value's reports are a page of figures_fact_groups_idx, in index order; estimated
    # column by column, the planner took a much reported value (4,300 reports) for a
    # dozen and chose a bitmap scan and a sort of all of them (13 ms instead of 0.1 ms for
    # a page of 50 on the 100k corpus). The most common combinations, counted, say so.
    """
    CREATE STATISTICS figures_values_stats (mcv)
        ON fact_id, value, upper_bound, approximation FROM figures
    """,
    "ANALYZE figures",
    # The values of the figures stored so far.
    """
    INSERT INTO fact_values (fact_id, value, upper_bound, approximation, first_figure_id,
        reports, first_reported_at, last_reported_at)
    SELECT g.fact_id, g.value, g.upper_bound, g.approximation, min(g.id), count(*),
           min(t.first_at), max(t.last_at)
    FROM figures g
    LEFT JOIN (
        SELECT p.article_id, min(coalesce(p.published_at, p.received_at)) AS first_at,
               max(coalesce(p.published_at, p.received_at)) AS last_at
        FROM publications p GROUP BY p.article_id
    ) t ON t.article_id = g.article_id
    WHERE g.fact_id IS NOT NULL
    GROUP BY g.fact_id, g.value, g.upper_bound, g.approximation
    """,
]

DOWNGRADE = [
    "DROP TRIGGER publications_recount_changed ON publications",
    "DROP TRIGGER publications_recount_removed ON publications",
    "DROP TRIGGER publications_widen_times ON publications",
    "DROP TRIGGER figures_recount_changed ON figures",
    "DROP TRIGGER figures_recount_removed ON figures",
    "DROP TRIGGER figures_count_added ON figures",
    "DROP FUNCTION fd_recount_publications()",
    "DROP FUNCTION fd_widen_value_times()",
    "DROP FUNCTION fd_recount_figures()",
    "DROP FUNCTION fd_count_added_figures()",
    "DROP FUNCTION fd_recount_values(bigint[], double precision[], double precision[], text[])",
    "DROP TABLE fact_values",
    "DROP STATISTICS figures_values_stats",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
