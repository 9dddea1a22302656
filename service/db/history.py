"""SQL for the history of facts and articles: what changed a fact, and when (the union the
relation map calls `fact_events`), and the copies a correction replaced.

A fact's events are its values' reports (one per figure and publication, at the time it
started to count: its publication, or the correction that brought it), their taking out
(by a correction or a retraction, kept in `withdrawn_figures`), and the judgements made on
them and withdrawn. The times are those `service/db/known.py` answers `asOf` with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from service.db.known import published_sql
from service.db.pool import Connection


@dataclass(frozen=True, slots=True)
class FactEventRow:
    fact_id: int
    at: dt.datetime
    kind: str  # REPORTED, CORRECTED, RETRACTED, JUDGED, JUDGEMENT_WITHDRAWN
    figure_id: int
    value: float
    upper_bound: float | None
    approximation: str
    text: str
    article_id: int
    outlet: str | None  # REPORTED: the outlet of that publication
    reason: str | None
    by: str | None  # JUDGED, JUDGEMENT_WITHDRAWN: the editor
    judgement: str | None  # JUDGED, JUDGEMENT_WITHDRAWN: what the judgement said


# Every figure a fact ever had: live ones, and those taken out, with when their article
# version became current (`since`; NULL: version 1) and when they were taken out.
_FIGURES = """
    SELECT g.id, g.fact_id, g.article_id, g.value, g.upper_bound, g.approximation, g.text,
           a.corrected_at AS since, NULL::timestamptz AS until, NULL::text AS cause
    FROM figures g JOIN articles a ON a.id = g.article_id
    WHERE g.fact_id = ANY($1::bigint[])
    UNION ALL
    SELECT (w.figure->>'id')::bigint, w.fact_id, w.article_id, (w.figure->>'value')::float8,
           (w.figure->>'upper_bound')::float8, w.figure->>'approximation', w.figure->>'text',
           (SELECT max(v.replaced_at) FROM article_versions v
            WHERE v.article_id = w.article_id AND v.replaced_at < w.withdrawn_at),
           w.withdrawn_at, w.cause
    FROM withdrawn_figures w WHERE w.fact_id = ANY($1::bigint[])
"""

_EVENTS = f"""
    SELECT f.fact_id, greatest({published_sql("p")}, f.since) AS at, 'REPORTED' AS kind,
           f.id AS figure_id, f.value, f.upper_bound, f.approximation, f.text, f.article_id,
           o.name AS outlet, NULL::text AS reason, NULL::text AS by, NULL::text AS judgement
    FROM figures_ f JOIN publications p ON p.article_id = f.article_id
    JOIN outlets o ON o.id = p.outlet_id
    UNION ALL
    SELECT f.fact_id, f.until, CASE f.cause WHEN 'correction' THEN 'CORRECTED'
               ELSE 'RETRACTED' END,
           f.id, f.value, f.upper_bound, f.approximation, f.text, f.article_id, NULL,
           CASE f.cause WHEN 'correction' THEN (
               SELECT v.reason FROM article_versions v
               WHERE v.article_id = f.article_id AND v.replaced_at = f.until
           ) ELSE a.retraction_reason END,
           NULL, NULL
    FROM figures_ f JOIN articles a ON a.id = f.article_id WHERE f.until IS NOT NULL
    UNION ALL
    SELECT f.fact_id, j.made_at, 'JUDGED', f.id, f.value, f.upper_bound, f.approximation,
           f.text, f.article_id, NULL, j.reason, j.made_by, j.kind
    FROM judgements j JOIN figures_ f ON f.id = j.judged_figure_id
    UNION ALL
    SELECT f.fact_id, j.withdrawn_at, 'JUDGEMENT_WITHDRAWN', f.id, f.value, f.upper_bound,
           f.approximation, f.text, f.article_id, NULL, j.withdrawal_reason, j.withdrawn_by,
           j.kind
    FROM judgements j JOIN figures_ f ON f.id = j.judged_figure_id
    WHERE j.withdrawn_at IS NOT NULL
"""
# Within one time: a value reported before it is judged, judged before it is taken out.
_ORDER = """e.at, CASE e.kind WHEN 'REPORTED' THEN 0 WHEN 'JUDGED' THEN 1
    WHEN 'JUDGEMENT_WITHDRAWN' THEN 2 ELSE 3 END, e.figure_id, e.outlet"""


async def list_fact_events(
    conn: Connection, *, fact_ids: Sequence[int], per_fact: int
) -> list[FactEventRow]:
    """The first `per_fact` events of each fact, oldest first."""
    rows = await conn.fetch(
        f"""
        WITH figures_ AS ({_FIGURES}), events AS ({_EVENTS})
        SELECT fact_id, at, kind, figure_id, value, upper_bound, approximation, text,
               article_id, outlet, reason, by, judgement
        FROM (
            SELECT e.*, row_number() OVER (PARTITION BY e.fact_id ORDER BY {_ORDER}) AS n
            FROM events e
        ) e
        WHERE n <= $2
        ORDER BY fact_id, n
        """,
        list(fact_ids),
        per_fact,
    )
    return [FactEventRow(**dict(r.items())) for r in rows]


@dataclass(frozen=True, slots=True)
class ArticleVersionRow:
    """A copy of an article that a correction replaced."""

    article_id: int
    version: int
    headline: str
    standfirst: str | None
    body: str
    url: str | None
    published_at: dt.datetime | None
    stored_at: dt.datetime
    replaced_at: dt.datetime
    reason: str | None


async def list_versions_for_articles(
    conn: Connection, *, article_ids: Sequence[int]
) -> list[ArticleVersionRow]:
    """The articles' replaced copies, each article's oldest first. The key that replaced
    one (`replaced_by`, a fingerprint) stays in the audit log's keeping."""
    rows = await conn.fetch(
        """
        SELECT article_id, version, headline, standfirst, body, url, published_at, stored_at,
               replaced_at, reason
        FROM article_versions WHERE article_id = ANY($1::bigint[])
        ORDER BY article_id, version
        """,
        list(article_ids),
    )
    return [ArticleVersionRow(**dict(r.items())) for r in rows]


async def list_fact_event_times(
    conn: Connection, *, fact_id: int, limit: int
) -> list[tuple[dt.datetime, list[str]]]:
    """The first `limit` distinct times something changed the fact, oldest first, each
    with what happened then (kinds, in the order `list_fact_events` gives): the steps of
    the desk's time slider."""
    rows = await conn.fetch(
        f"""
        WITH figures_ AS ({_FIGURES}), events AS ({_EVENTS})
        SELECT e.at, array_agg(DISTINCT e.kind) AS kinds FROM events e
        GROUP BY e.at ORDER BY e.at LIMIT $2
        """,
        [fact_id],
        limit,
    )
    return [(r["at"], list(r["kinds"])) for r in rows]
