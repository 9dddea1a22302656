"""SQL for what was known when: when each value was reported, and a fact's figures and
judgements as they stood at a past time.

A figure counts at time T when T is at or after a publication of its article (the time
the outlet states, else when it reached Factdesk) and after the article version holding
it became current (version 1 from publication, a later one from the correction that
made it), and before it was taken out (`withdrawn_figures.withdrawn_at`: the correction
or retraction). A judgement counts when made at or before T and not withdrawn by then,
on a figure that counts. The caller owns the transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields

from service.db.articles import NewCopy, with_outlets
from service.db.figures import COLUMNS as FIGURE_COLUMNS
from service.db.figures import value_group_sql
from service.db.judgements import InForce
from service.db.pool import Connection
from service.db.rows import ArticleRow, FactRow, FigureRow, OutletRow


def published_sql(publication: str) -> str:
    """When a publication was published: the time the outlet states, else its arrival."""
    return f"coalesce({publication}.published_at, {publication}.received_at)"


def reported_sql(figure: str, aggregate: str, at: str | None = None) -> str:
    """The `aggregate` (min or max) of the publication times of `figure`'s article: when
    it was first or last reported (a correction keeps its article's publications); with
    `at` (an SQL time), of the publications made by then."""
    by_then = "" if at is None else f" AND {published_sql('p')} <= {at}"
    return (
        f"(SELECT {aggregate}({published_sql('p')}) FROM publications p "
        f"WHERE p.article_id = {figure}.article_id{by_then})"
    )


def known_sql(
    fact_id: str,
    at: str,
    *,
    published: bool = True,
    uncorrected: bool = True,
    figures: str | None = None,
) -> str:
    """The figures whose fact_id is `fact_id` (an SQL condition on it: `= ANY($1)`,
    `= t0.id`) that counted at `at` (an SQL time), with `figures`' columns (and `since`,
    `until`; only corrected articles joined for `since`, as history's figures are).
    Without `published`, the caller tests that the article was published by then. Without
    `uncorrected`, only those of corrected articles and those taken out since (what
    `fact_report_times` does not count: known_values.py), found from the corrected
    articles, not from every figure of the facts. With `figures` (an SQL condition on the
    figure's id), only those figures."""
    stored_ids, kept_ids = (
        ("", "") if figures is None else (f" AND g.id {figures}", f" AND r.id {figures}")
    )
    by_then = f"""AND EXISTS (SELECT 1 FROM publications p
                    WHERE p.article_id = k.article_id AND {published_sql("p")} <= {at})"""
    stored = (
        """FROM figures g LEFT JOIN articles a ON a.id = g.article_id AND a.corrected_at IS NOT NULL
        WHERE g.fact_id"""
        if uncorrected
        else """FROM articles a JOIN figures g ON g.article_id = a.id
        WHERE a.corrected_at IS NOT NULL AND g.fact_id"""
    )
    return f"""
    SELECT k.* FROM (
        SELECT g.*, a.corrected_at AS since, NULL::timestamptz AS until
        {stored} {fact_id}{stored_ids}
        UNION ALL
        SELECT r.*,
            (SELECT max(v.replaced_at) FROM article_versions v
             WHERE v.article_id = w.article_id AND v.replaced_at < w.withdrawn_at),
            w.withdrawn_at
        FROM withdrawn_figures w CROSS JOIN LATERAL jsonb_populate_record(
            NULL::figures, w.figure || jsonb_build_object('fact_id', w.fact_id)) r
        WHERE w.fact_id {fact_id} AND w.withdrawn_at > {at}{kept_ids}
    ) k
    WHERE (k.since IS NULL OR k.since <= {at}) AND (k.until IS NULL OR k.until > {at})
        {by_then if published else ""}
"""


# The figures of the facts $1 that counted at $2.
KNOWN = known_sql("= ANY($1::bigint[])", "$2")

# The facts, and those whose every value was since taken out (`retired_facts`, with
# `disputed` false: only what was known at a time says more).
FACTS_EVER = """
    SELECT id, subject_id, property, qualifier, unit, label, disputed FROM facts
    UNION ALL
    SELECT id, subject_id, property, qualifier, unit, label, false FROM retired_facts
"""


def _known_publications(fact: str, at: str) -> str:
    """The rows of (figure `k` that counted at `at`, publication `p` of it made by then)
    of the fact row `fact`."""
    return f"""FROM ({known_sql(f"= {fact}.id", at)}) k JOIN publications p
        ON p.article_id = k.article_id AND {published_sql("p")} <= {at}"""


def first_known_sql(fact: str, at: str) -> str:
    """When the fact row `fact` was first reported as known at `at`: the earliest
    publication made by then of a figure that counted then (NULL: no value then)."""
    return f"(SELECT min({published_sql('p')}) {_known_publications(fact, at)})"


def updated_known_sql(fact: str, at: str) -> str:
    """When the fact row `fact` last changed as known at `at`: the latest arrival of those
    publications (their stated time for one that arrived later: `at` knew it as
    published) and of the change feed's entries naming the fact by then."""
    return f"""(SELECT greatest(
            max(CASE WHEN p.received_at <= {at} THEN p.received_at
                ELSE {published_sql("p")} END),
            (SELECT max(c.at) FROM changes c
             WHERE c.fact_ids @> ARRAY[{fact}.id] AND c.at <= {at}))
        {_known_publications(fact, at)})"""


async def list_facts_ever_by_ids(conn: Connection, *, ids: Sequence[int]) -> list[FactRow]:
    """The facts, and those whose every value was since taken out (`retired_facts`, with
    `disputed` false: only what was known at a time says more)."""
    rows = await conn.fetch(
        f"SELECT * FROM ({FACTS_EVER}) f WHERE f.id = ANY($1::bigint[])", list(ids)
    )
    return FactRow.from_records(rows)


async def list_figures_known_at(
    conn: Connection, *, fact_ids: Sequence[int], as_of: dt.datetime
) -> list[FigureRow]:
    """The facts' figures that counted at `as_of`, taken out since or not, oldest first,
    each with its value among them (as `list_figures_for_facts` gives them now)."""
    rows = await conn.fetch(
        f"""SELECT {FIGURE_COLUMNS}, {value_group_sql("known")} AS value_group
        FROM ({KNOWN}) known ORDER BY fact_id, id""",
        list(fact_ids),
        as_of,
    )
    return FigureRow.from_records(rows)


@dataclass(frozen=True, slots=True)
class PublicationTime:
    """One publication of an article: which outlet, and when it was reported there."""

    article_id: int
    outlet_id: int
    outlet_name: str
    reported_at: dt.datetime  # published_sql: the outlet's stated time, else arrival
    dated: bool  # whether the outlet stated a time


async def list_publication_times(
    conn: Connection, *, article_ids: Sequence[int], as_of: dt.datetime | None = None
) -> list[PublicationTime]:
    """The articles' publications (made by `as_of`, when given), each article's in the
    order they were received: the first is the article's own outlet, later ones are
    republications."""
    rows = await conn.fetch(
        f"""
        SELECT p.article_id, p.outlet_id, o.name AS outlet_name,
               {published_sql("p")} AS reported_at, p.published_at IS NOT NULL AS dated
        FROM publications p JOIN outlets o ON o.id = p.outlet_id
        WHERE p.article_id = ANY($1::bigint[])
            AND ($2::timestamptz IS NULL OR {published_sql("p")} <= $2)
        ORDER BY p.article_id, p.received_at, p.id
        """,
        list(article_ids),
        as_of,
    )
    return [PublicationTime(**dict(r.items())) for r in rows]


@dataclass(frozen=True, slots=True)
class ValueTimes:
    """When one value of a fact was first and last reported."""

    fact_id: int
    value: float
    upper_bound: float | None
    approximation: str
    first_reported_at: dt.datetime
    last_reported_at: dt.datetime

    @property
    def key(self) -> tuple[int, float, float | None, str]:
        return (self.fact_id, self.value, self.upper_bound, self.approximation)


async def list_value_times(
    conn: Connection, *, fact_ids: Sequence[int], as_of: dt.datetime | None = None
) -> list[ValueTimes]:
    """Each value of the facts (equal value, upper bound and approximation) with the
    earliest and latest publication of an article reporting it (`fact_values`); with
    `as_of`, of the figures that counted then and the publications made by then."""
    if as_of is None:  # kept in fact_values as reports and publications come and go
        rows = await conn.fetch(
            """
            SELECT fact_id, value, upper_bound, approximation, first_reported_at,
                   last_reported_at
            FROM fact_values WHERE fact_id = ANY($1::bigint[])
                AND first_reported_at IS NOT NULL
            """,
            list(fact_ids),
        )
    else:
        rows = await conn.fetch(
            f"""
            SELECT k.fact_id, k.value, k.upper_bound, k.approximation,
                   min({published_sql("p")}) AS first_reported_at,
                   max({published_sql("p")}) AS last_reported_at
            FROM ({KNOWN}) k JOIN publications p
                ON p.article_id = k.article_id AND {published_sql("p")} <= $2
            GROUP BY k.fact_id, k.value, k.upper_bound, k.approximation
            """,
            list(fact_ids),
            as_of,
        )
    return [ValueTimes(**dict(r.items())) for r in rows]


async def list_in_force_at(
    conn: Connection, *, fact_ids: Sequence[int], as_of: dt.datetime
) -> list[InForce]:
    """The judgements in force at `as_of` on the facts' figures that counted then, oldest
    first (as `judgements.list_in_force_for_facts` gives those in force now)."""
    rows = await conn.fetch(
        f"""
        SELECT j.id, k.id AS figure_id, k.fact_id, j.kind, k.value, k.upper_bound,
               k.approximation, k.text, j.reason, j.made_by, j.made_at
        {in_force_at_sql("= ANY($1::bigint[])", "$2")}
        ORDER BY j.id
        """,
        list(fact_ids),
        as_of,
    )
    return [InForce(**dict(r.items())) for r in rows]


def in_force_at_sql(fact_id: str, at: str) -> str:
    """The rows (judgement `j`, figure `k`) of the judgements in force at `at` on the
    figures that counted then of the facts whose id is `fact_id` (an SQL condition)."""
    return f"""FROM judgements j JOIN ({known_sql(fact_id, at)}) k ON k.id = j.judged_figure_id
        WHERE j.made_at <= {at} AND (j.withdrawn_at IS NULL OR j.withdrawn_at > {at})"""


async def list_fact_times_at(
    conn: Connection, *, fact_ids: Sequence[int], as_of: dt.datetime
) -> dict[int, tuple[dt.datetime, dt.datetime]]:
    """Each fact's (first reported, updated) as known at `as_of`: the earliest
    publication made by then of a figure that counted then; and the latest arrival of
    those publications (their stated time for one that arrived later: `as_of` knew it as
    published) and of the change feed's entries naming the fact by then. Facts with no
    value then have none."""
    rows = await conn.fetch(
        f"""
        SELECT * FROM (
            SELECT f.id AS fact_id, {first_known_sql("f", "$2")} AS first_reported_at,
                   {updated_known_sql("f", "$2")} AS updated_at
            FROM unnest($1::bigint[]) AS f(id)
        ) t WHERE first_reported_at IS NOT NULL
        """,
        list(fact_ids),
        as_of,
    )
    return {int(r["fact_id"]): (r["first_reported_at"], r["updated_at"]) for r in rows}


# What a correction replaces (article_versions keeps it); the rest stays the article's.
_VERSIONED = {f.name for f in fields(NewCopy)} - {"raw_text"}
# ArticleRow's columns, from the version `v` current at $2 when there is one (a later
# correction replaced it), else from the article's row.
_AS_STOOD = ", ".join(
    f"CASE WHEN v.id IS NULL THEN a.{c} ELSE v.{c} END AS {c}" if c in _VERSIONED else f"a.{c}"
    for c in (f.name for f in fields(ArticleRow))
)


def article_as_of_sql(article_id: str, at: str) -> str:
    """The articles whose id is `article_id` (an SQL condition on it) as they stood at
    `at` (an SQL time), with ArticleRow's columns: the copy of then when a later
    correction replaced it."""
    return f"""SELECT {_AS_STOOD}
        FROM articles a LEFT JOIN LATERAL (
            SELECT * FROM article_versions v WHERE v.article_id = a.id AND v.replaced_at > {at}
            ORDER BY v.replaced_at LIMIT 1
        ) v ON true
        WHERE a.id {article_id}"""


async def list_articles_as_of(
    conn: Connection, *, ids: Sequence[int], as_of: dt.datetime
) -> list[tuple[ArticleRow, list[OutletRow]]]:
    """The articles as they stood at `as_of`, retracted ones too (a figure that counted
    then cites them): the copy of then when a later correction replaced it. Each with its
    outlet and original source, as `articles.list_articles_with_outlets_by_ids` gives."""
    rows = await conn.fetch(
        f"""
        SELECT t.*, o.name AS outlet_name, s.name AS source_name
        FROM ({article_as_of_sql("= ANY($1::bigint[])", "$2")}) t
        JOIN outlets o ON o.id = t.outlet_id
        LEFT JOIN outlets s ON s.id = t.original_source_id
        """,
        list(ids),
        as_of,
    )
    return with_outlets(rows)
