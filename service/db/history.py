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

from service.db.connections import ObjectWriter, Page, connection_json, flags
from service.db.json_text import b64, isoformat_sql
from service.db.known import published_sql
from service.db.paging import RowPage, Window, counted, parent_pages
from service.db.pool import Connection
from service.db.selection import Answer, Pick, Scope

# A position in a fact's history: (at, the kind's place within one time, figure id, the
# publication's or judgement's id; 0 for a taking out). Unique per event, and the order.
EventKey = tuple[dt.datetime, int, int, int]


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
    kind_order: int  # within one time: reported, judged, withdrawn, taken out
    tie_id: int  # REPORTED: the publication; judgements: the judgement; else 0

    @property
    def key(self) -> EventKey:
        return (self.at, self.kind_order, self.figure_id, self.tie_id)


# The figures a fact had that were taken out, with when their article version became
# current (`since`; NULL: version 1) and when they were taken out.
_WITHDRAWN = """
    SELECT (w.figure->>'id')::bigint AS id, w.fact_id, w.article_id,
           (w.figure->>'value')::float8 AS value, (w.figure->>'upper_bound')::float8 AS upper_bound,
           w.figure->>'approximation' AS approximation, w.figure->>'text' AS text,
           (SELECT max(v.replaced_at) FROM article_versions v
            WHERE v.article_id = w.article_id AND v.replaced_at < w.withdrawn_at) AS since,
           w.withdrawn_at AS until, w.cause
    FROM withdrawn_figures w WHERE w.fact_id = ANY($1::bigint[])
"""
# Every figure a fact ever had: live ones (`since` as above, `until` NULL), and those taken
# out. Only corrected articles are joined (articles_corrected_idx): joining all of them
# for `corrected_at` read every article of a much reported fact.
_FIGURES = f"""
    SELECT g.id, g.fact_id, g.article_id, g.value, g.upper_bound, g.approximation, g.text,
           a.corrected_at AS since, NULL::timestamptz AS until, NULL::text AS cause
    FROM figures g LEFT JOIN articles a ON a.id = g.article_id AND a.corrected_at IS NOT NULL
    WHERE g.fact_id = ANY($1::bigint[])
    UNION ALL
    {_WITHDRAWN}
"""

_EVENTS = f"""
    SELECT f.fact_id, greatest({published_sql("p")}, f.since) AS at, 'REPORTED' AS kind,
           f.id AS figure_id, f.value, f.upper_bound, f.approximation, f.text, f.article_id,
           o.name AS outlet, NULL::text AS reason, NULL::text AS by, NULL::text AS judgement,
           0 AS kind_order, p.id AS tie_id
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
           NULL, NULL, 3, 0::bigint
    FROM figures_ f JOIN articles a ON a.id = f.article_id WHERE f.until IS NOT NULL
    UNION ALL
    SELECT f.fact_id, j.made_at, 'JUDGED', f.id, f.value, f.upper_bound, f.approximation,
           f.text, f.article_id, NULL, j.reason, j.made_by, j.kind, 1, j.id
    FROM judgements j JOIN figures_ f ON f.id = j.judged_figure_id
    UNION ALL
    SELECT f.fact_id, j.withdrawn_at, 'JUDGEMENT_WITHDRAWN', f.id, f.value, f.upper_bound,
           f.approximation, f.text, f.article_id, NULL, j.withdrawal_reason, j.withdrawn_by,
           j.kind, 2, j.id
    FROM judgements j JOIN figures_ f ON f.id = j.judged_figure_id
    WHERE j.withdrawn_at IS NOT NULL
"""
# The moments a fact's values changed, for the desk's time slider: when each value now
# reported was first reported (fact_values: one row per value, where its reports number
# thousands), and every event of the figures taken out (their reports, the correction or
# retraction) and of the judgements. `figures_` holds the figures taken out only.
_MOMENTS = f"""
    SELECT v.fact_id, v.first_reported_at AS at, 'REPORTED' AS kind FROM fact_values v
    WHERE v.fact_id = ANY($1::bigint[]) AND v.first_reported_at IS NOT NULL
    UNION ALL
    SELECT e.fact_id, e.at, e.kind FROM ({_EVENTS}) e
    UNION ALL
    SELECT g.fact_id, t.at, t.kind
    FROM judgements j JOIN figures g ON g.id = j.judged_figure_id
    CROSS JOIN LATERAL (VALUES (j.made_at, 'JUDGED'), (j.withdrawn_at, 'JUDGEMENT_WITHDRAWN'))
        AS t(at, kind)
    WHERE g.fact_id = ANY($1::bigint[]) AND t.at IS NOT NULL
"""
_KEY = "(e.at, e.kind_order, e.figure_id, e.tie_id)"
_COLUMNS = """fact_id, at, kind, figure_id, value, upper_bound, approximation, text, article_id,
    outlet, reason, by, judgement, kind_order, tie_id"""


async def page_fact_events(
    conn: Connection, *, fact_ids: Sequence[int], window: Window[EventKey], count: bool
) -> dict[int, RowPage[FactEventRow]]:
    """One window of each fact's events, oldest first (within one time: a value reported
    before it is judged, judged before it is taken out), with each fact's total."""
    order = "DESC" if window.from_end else "ASC"
    after, before = window.after or (None,) * 4, window.before or (None,) * 4
    rows = await conn.fetch(
        f"""
        WITH figures_ AS ({_FIGURES}), events AS ({_EVENTS})
        SELECT p.id AS parent_id,
               {counted(count, "SELECT count(*) FROM events c WHERE c.fact_id = p.id")} AS total,
               e.*
        FROM unnest($1::bigint[]) AS p(id)
        LEFT JOIN LATERAL (
            SELECT {_COLUMNS} FROM events e
            WHERE e.fact_id = p.id
                AND ($2::timestamptz IS NULL
                     OR {_KEY} > ($2::timestamptz, $3::int, $4::bigint, $5::bigint))
                AND ($6::timestamptz IS NULL
                     OR {_KEY} < ($6::timestamptz, $7::int, $8::bigint, $9::bigint))
            ORDER BY e.at {order}, e.kind_order {order}, e.figure_id {order}, e.tie_id {order}
            LIMIT $10
        ) e ON TRUE
        ORDER BY p.id, e.at {order}, e.kind_order {order}, e.figure_id {order},
            e.tie_id {order}
        """,
        list(fact_ids),
        *after,
        *before,
        window.size + 1,
    )
    return parent_pages(window, fact_ids, rows, FactEventRow, "fact_id")


# An event's key, part by part: (name of its window parameter, SQL type, column).
_KEY_PARTS = (
    ("at", "timestamptz", "at"),
    ("order", "int", "kind_order"),
    ("figure", "bigint", "figure_id"),
    ("tie", "bigint", "tie_id"),
)
# Its cursor, as service.ids.encode_cursor writes an EventKey (["e", at, order, figure, tie]).
_EVENT_CURSOR = (
    "'\"' || "
    + b64(
        'convert_to(\'["e","\' || '
        + isoformat_sql("{r}.at")
        + " || '\",' || {r}.kind_order || ',' || {r}.figure_id || ',' || {r}.tie_id || ']', "
        "'UTF8')"
    )
    + " || '\"'"
)


def history_page(write: ObjectWriter) -> Answer:
    """Fact.history in a whole operation's statement: one window of the fact's events as
    `page_fact_events` reads it (the same union, for the one fact of the row), its
    arguments the statement's parameters named by `pick.page`; each event written by
    `write` (trees.object_json). The history is the whole one under `asOf` too."""

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        parameter, window = names.parameter, pick.page
        if parameter is None or window is None:
            return None
        found, rows, r = names.next(), names.next(), names.next()
        size = parameter(window, "size", "int")
        after = [parameter(window, f"after_{n}", cast) for n, cast, _ in _KEY_PARTS]
        before = [parameter(window, f"before_{n}", cast) for n, cast, _ in _KEY_PARTS]
        key = f"({', '.join(f'e.{column}' for _, _, column in _KEY_PARTS)})"
        keyset = (
            f"({after[0]} IS NULL OR {key} > ({', '.join(after)}))"
            f" AND ({before[0]} IS NULL OR {key} < ({', '.join(before)}))"
        )
        from_end = "from_end" in pick.options
        reads = "DESC" if from_end else "ASC"

        def by(alias: str, way: str) -> str:
            return ", ".join(f"{alias}.{column} {way}" for _, _, column in _KEY_PARTS)

        page = Page(
            rows=rows,
            row=r,
            listed=by(r, "ASC"),
            first=by(r, "ASC"),
            last=by(r, "DESC"),
            cursor=_EVENT_CURSOR.format(r=r),
            total="SELECT count(*) FROM events",
            flags=flags(size, found, after[0], before[0], from_end=from_end),
        )
        built = connection_json(
            pick.picks,
            "FactEvent",
            page,
            lambda picks, item: write("FactEvent", picks, item, names),
        )
        if built is None:
            return None
        figures = _FIGURES.replace("$1::bigint[]", f"ARRAY[{row}.id]")
        return f"""(WITH figures_ AS ({figures}), events AS ({_EVENTS}),
            {found} AS (
                SELECT {_COLUMNS} FROM events e WHERE {keyset}
                ORDER BY {by("e", reads)} LIMIT {size} + 1
            ), {rows} AS (SELECT * FROM {found} e ORDER BY {by("e", reads)} LIMIT {size})
            SELECT {built})"""

    return answer


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


_VERSION_COLUMNS = """article_id, version, headline, standfirst, body, url, published_at,
    stored_at, replaced_at, reason"""


async def page_versions_per_article(
    conn: Connection, *, article_ids: Sequence[int], window: Window[int], count: bool
) -> dict[int, RowPage[ArticleVersionRow]]:
    """One window of each article's replaced copies, oldest first (a copy's key is its
    version number), with each article's total. The key that replaced one (`replaced_by`,
    a fingerprint) stays in the audit log's keeping."""
    order = "DESC" if window.from_end else "ASC"
    total = counted(count, "SELECT count(*) FROM article_versions c WHERE c.article_id = p.id")
    rows = await conn.fetch(
        f"""
        SELECT p.id AS parent_id, {total} AS total, v.*
        FROM unnest($1::bigint[]) AS p(id)
        LEFT JOIN LATERAL (
            SELECT {_VERSION_COLUMNS} FROM article_versions t
            WHERE t.article_id = p.id AND ($2::int IS NULL OR t.version > $2)
                AND ($3::int IS NULL OR t.version < $3)
            ORDER BY t.version {order} LIMIT $4
        ) v ON TRUE
        ORDER BY p.id, v.version {order}
        """,
        list(article_ids),
        window.after,
        window.before,
        window.size + 1,
    )
    return parent_pages(window, article_ids, rows, ArticleVersionRow, "article_id")


@dataclass(frozen=True, slots=True)
class EventTimes:
    """One window of the distinct times a fact changed, oldest first, each with what
    happened then; and whether there are times before and after the window."""

    times: list[tuple[dt.datetime, list[str]]]
    earlier: bool
    later: bool


async def list_fact_event_times(
    conn: Connection,
    *,
    fact_id: int,
    limit: int,
    after: dt.datetime | None = None,
    before: dt.datetime | None = None,
    from_end: bool = False,
) -> EventTimes:
    """The distinct times the fact's values changed strictly between `after` and
    `before` (either open), each with what happened then (kinds, in the order
    `list_fact_events` gives): the first `limit` of them, or the last with `from_end`.
    The steps of the desk's time slider, one window at a time (the moments are read once
    for the window and for what lies beyond it). Unlike the fact's history, a value's
    later reports are no moments of their own: the first report of each value is (a
    much reported fact has thousands of reports and a hundred values)."""
    order = "DESC" if from_end else "ASC"
    rows = await conn.fetch(
        f"""
        WITH figures_ AS ({_WITHDRAWN}), events AS ({_MOMENTS}),
        steps AS (
            SELECT e.at, array_agg(DISTINCT e.kind) AS kinds FROM events e
            WHERE ($2::timestamptz IS NULL OR e.at > $2)
                AND ($3::timestamptz IS NULL OR e.at < $3)
            GROUP BY e.at ORDER BY e.at {order} LIMIT $4
        )
        SELECT at, kinds, NULL::bool AS earlier, NULL::bool AS later FROM steps
        UNION ALL
        SELECT NULL, NULL, EXISTS (SELECT 1 FROM events e WHERE e.at <= $2),
               EXISTS (SELECT 1 FROM events e WHERE e.at >= $3)
        """,
        [fact_id],
        after,
        before,
        limit + 1,
    )
    beyond = next(r for r in rows if r["at"] is None)
    found = sorted((r["at"], list(r["kinds"])) for r in rows if r["at"] is not None)
    more = len(found) > limit
    if from_end:
        return EventTimes(found[-limit:], earlier=more, later=beyond["later"])
    return EventTimes(found[:limit], earlier=beyond["earlier"], later=more)
