"""SQL for facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from service.db.paging import (
    Filters,
    PagedTable,
    optional_where,
)
from service.db.pool import Connection
from service.db.rows import FactRow, FactTimesRow

COLUMNS = "id, subject_id, property, qualifier, unit, label, disputed"


ClaimKey = tuple[int | None, str, str | None]


@dataclass(frozen=True, slots=True)
class ClaimedFact:
    id: int
    disputed: bool
    agreed: tuple[float, float] | None  # what all its reports allow; None: not known yet


@dataclass(frozen=True, slots=True)
class Agreement:
    disputed: bool
    low: float  # the interval every report allows (empty when low > high)
    high: float


async def set_agreement(conn: Connection, *, by_fact: dict[int, Agreement]) -> None:
    await conn.execute(
        """
        UPDATE facts f SET disputed = d.disputed, agreed_low = d.low, agreed_high = d.high
        FROM unnest($1::bigint[], $2::bool[], $3::float8[], $4::float8[])
            AS d(id, disputed, low, high)
        WHERE f.id = d.id
        """,
        list(by_fact),
        [a.disputed for a in by_fact.values()],
        [a.low for a in by_fact.values()],
        [a.high for a in by_fact.values()],
    )


async def list_facts_by_ids(conn: Connection, *, ids: Sequence[int]) -> list[FactRow]:
    rows = await conn.fetch(f"SELECT {COLUMNS} FROM facts WHERE id = ANY($1::bigint[])", list(ids))
    return FactRow.from_records(rows)


def _reporting_articles(fact: str) -> str:
    return f"""FROM articles a LEFT JOIN publications p ON p.article_id = a.id
        WHERE a.id IN (SELECT g.article_id FROM figures g WHERE g.fact_id = {fact}.id)"""


def first_reported_sql(fact: str) -> str:
    """When the fact `fact` (a row alias) was first reported: the earliest publication
    (its stated time, else when it arrived) of an article holding one of its values,
    republications included; NULL for a fact with no value."""
    return f"""(SELECT least(min(coalesce(a.published_at, a.ingested_at)),
            min(coalesce(p.published_at, p.received_at)))
        {_reporting_articles(fact)})"""


def updated_sql(fact: str) -> str:
    """When the fact `fact`'s values last changed: the latest arrival of an article or
    republication holding one of them, or entry of the change feed naming the fact (a
    correction or retraction changes values without a new arrival)."""
    return f"""(SELECT greatest(max(a.ingested_at), max(p.received_at), (
            SELECT max(c.at) FROM changes c WHERE c.fact_ids @> ARRAY[{fact}.id]))
        {_reporting_articles(fact)})"""


async def list_fact_times(conn: Connection, *, ids: Sequence[int]) -> list[FactTimesRow]:
    """`first_reported_sql` and `updated_sql` of each fact. Facts without a value have no
    row (they are deleted in the transaction that empties them)."""
    rows = await conn.fetch(
        f"""
        SELECT id, first_reported_at, updated_at FROM (
            SELECT f.id, {first_reported_sql("f")} AS first_reported_at,
                   {updated_sql("f")} AS updated_at
            FROM unnest($1::bigint[]) AS f(id)
        ) t WHERE first_reported_at IS NOT NULL
        """,
        list(ids),
    )
    return FactTimesRow.from_records(rows)


async def list_facts_for_subjects(
    conn: Connection, *, subject_ids: Sequence[int], per_subject: int | None = None
) -> list[FactRow]:
    """Each subject's facts, oldest first; only the first `per_subject` of each when given
    (a much-reported person can be the subject of thousands)."""
    if per_subject is None:
        rows = await conn.fetch(
            f"SELECT {COLUMNS} FROM facts WHERE subject_id = ANY($1::bigint[]) "
            "ORDER BY subject_id, id",
            list(subject_ids),
        )
    else:
        rows = await conn.fetch(
            f"""SELECT f.* FROM unnest($1::bigint[]) AS s(id) CROSS JOIN LATERAL (
                SELECT {COLUMNS} FROM facts WHERE subject_id = s.id ORDER BY id LIMIT $2
            ) f ORDER BY f.subject_id, f.id""",
            list(subject_ids),
            per_subject,
        )
    return FactRow.from_records(rows)


# The orders a client may choose (`orderBy`), by field: an expression of `t` and its type.
FACT_ORDERS = {
    "STORED": ("t.id", "bigint"),
    "LABEL": ("t.label", "text"),
    "PROPERTY": ("t.property", "text"),
}
FACT_FILTERS: Filters = {
    "subject": ("bigint", "t.subject_id = {}"),
    "property": ("text", "t.property = {}"),
    "disputed": ("bool", "t.disputed = {}"),
}
FACT_WHERE = optional_where(FACT_FILTERS)


@dataclass(frozen=True, slots=True)
class FactFilter:
    """Which facts: of this subject and property, disputed or not (None: any)."""

    subject_id: int | None = None
    property: str | None = None
    disputed: bool | None = None
    where: ClassVar[str] = FACT_WHERE

    def args(self) -> list[object]:
        return [self.subject_id, self.property, self.disputed]


FACTS: PagedTable[FactFilter] = PagedTable("facts t", FACT_ORDERS)


# The newest disputed facts ranked by how disputed they are: reading every disputed fact's
# figures would grow with the corpus.
DISPUTED_CANDIDATES = 300


async def list_most_disputed_facts(conn: Connection, *, limit: int) -> list[FactRow]:
    """Among the newest disputed facts, those reported with the most distinct values first
    (then the most reports), newest first among equals. The values are counted as groups
    in figures_fact_groups_idx's order (`count(DISTINCT (...))` sorted every report of
    every candidate: 3x slower at 100k, bench/desk_pages.py)."""
    rows = await conn.fetch(
        f"""
        SELECT {", ".join("f." + c.strip() for c in COLUMNS.split(","))}
        FROM (SELECT * FROM facts WHERE disputed ORDER BY id DESC LIMIT $2) f
        CROSS JOIN LATERAL (
            SELECT count(*) AS distinct_values, sum(v.reports) AS reports FROM (
                SELECT count(*) AS reports FROM figures g WHERE g.fact_id = f.id
                GROUP BY g.value, g.upper_bound, g.approximation
            ) v
        ) r
        ORDER BY r.distinct_values DESC, r.reports DESC, f.id DESC
        LIMIT $1
        """,
        limit,
        DISPUTED_CANDIDATES,
    )
    return FactRow.from_records(rows)
