"""Figures deleted (a retraction, a correction) take their reports off their values'
counts in `fact_values` instead of counting each value again from every figure left.

At 100k articles a retraction spent 107 ms in the triggers (of 384 ms): each value it
left was recounted from all its figures and their publications, and the most reported
value has thousands. Now a value's row is recounted only when it must be:
- the figures leaving are all its reports: the row goes;
- they held its earliest or latest publication time (or their articles' publications
  were deleted with them, so nothing says when they were reported), or it has no row:
  counted again from the figures left, as before (fd_recount_values);
- else its count drops by theirs, and its first report, if it was one of them, is the
  least id left (an index probe: figures_fact_groups_idx).
A figure moved to another value (UPDATE, which the service never does) still recounts.

Revision ID: 2026_12_10_value_subtraction
Revises: 2026_12_10_entity_articles
Create Date: 2026-12-10
"""

from __future__ import annotations

from alembic import op

revision = "2026_12_10_value_subtraction"
down_revision = "2026_12_10_entity_articles"
branch_labels = None
depends_on = None

UPGRADE = [
    """
    CREATE FUNCTION fd_subtract_figures() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        keys record;
    BEGIN
        WITH gone AS (
            SELECT r.fact_id, r.value, r.upper_bound, r.approximation, count(*)::int AS n,
                   array_agg(r.id) AS ids, min(t.first_at) AS first_at,
                   max(t.last_at) AS last_at, bool_and(t.first_at IS NOT NULL) AS timed
            FROM removed r
            LEFT JOIN LATERAL (
                SELECT min(coalesce(p.published_at, p.received_at)) AS first_at,
                       max(coalesce(p.published_at, p.received_at)) AS last_at
                FROM publications p WHERE p.article_id = r.article_id
            ) t ON true
            WHERE r.fact_id IS NOT NULL
            GROUP BY r.fact_id, r.value, r.upper_bound, r.approximation
        ), locked AS (
            SELECT v.ctid AS row_id, v.reports, v.first_figure_id, v.first_reported_at,
                   v.last_reported_at, g.*,
                   v.reports > g.n AND coalesce(g.timed AND g.first_at > v.first_reported_at
                       AND g.last_at < v.last_reported_at, false) AS inside
            FROM fact_values v JOIN gone g ON v.fact_id = g.fact_id AND v.value = g.value
                AND v.upper_bound IS NOT DISTINCT FROM g.upper_bound
                AND v.approximation = g.approximation
            ORDER BY v.fact_id, v.value, v.upper_bound, v.approximation
            FOR UPDATE OF v
        ), emptied AS (
            DELETE FROM fact_values v USING locked l
            WHERE v.ctid = l.row_id AND l.reports <= l.n
        ), subtracted AS (
            UPDATE fact_values v SET reports = v.reports - l.n,
                first_figure_id = CASE WHEN v.first_figure_id <> ALL (l.ids)
                    THEN v.first_figure_id
                    ELSE (SELECT min(f.id) FROM figures f
                          WHERE f.fact_id = v.fact_id AND f.value = v.value
                              AND f.upper_bound IS NOT DISTINCT FROM v.upper_bound
                              AND f.approximation = v.approximation) END
            FROM locked l WHERE v.ctid = l.row_id AND l.inside
        )
        SELECT array_agg(k.fact_id) AS f, array_agg(k.value) AS v,
               array_agg(k.upper_bound) AS u, array_agg(k.approximation) AS a
        INTO keys FROM (
            SELECT l.fact_id, l.value, l.upper_bound, l.approximation FROM locked l
            WHERE l.reports > l.n AND NOT l.inside
            UNION ALL
            SELECT g.fact_id, g.value, g.upper_bound, g.approximation FROM gone g
            WHERE NOT EXISTS (
                SELECT 1 FROM locked l WHERE l.fact_id = g.fact_id AND l.value = g.value
                    AND l.upper_bound IS NOT DISTINCT FROM g.upper_bound
                    AND l.approximation = g.approximation)
        ) k;
        IF keys.f IS NOT NULL THEN
            PERFORM fd_recount_values(keys.f, keys.v, keys.u, keys.a);
        END IF;
        RETURN NULL;
    END
    $$
    """,
    "DROP TRIGGER figures_recount_removed ON figures",
    """
    CREATE TRIGGER figures_recount_removed AFTER DELETE ON figures
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION fd_subtract_figures()
    """,
]

DOWNGRADE = [
    "DROP TRIGGER figures_recount_removed ON figures",
    """
    CREATE TRIGGER figures_recount_removed AFTER DELETE ON figures
        REFERENCING OLD TABLE AS removed
        FOR EACH STATEMENT EXECUTE FUNCTION fd_recount_figures()
    """,
    "DROP FUNCTION fd_subtract_figures()",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
