"""SQL for judgements: an editor's rank on a reported value or flag on an extraction,
kept apart from the figures they judge. The caller owns the transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from service.db.pool import Connection
from service.db.rows import JudgementRow

COLUMNS = """id, figure_id, article_id, kind, reason, made_by, made_at, withdrawn_at,
    withdrawn_by, withdrawal_reason"""
SUPERSEDED = "superseded by a later judgement of the same figure"


@dataclass(frozen=True, slots=True)
class JudgedFigure:
    """The figure a judgement is about, locked until commit."""

    id: int
    article_id: int
    fact_id: int | None


@dataclass(frozen=True, slots=True)
class InForce:
    """A judgement in force on a report of a fact, with the value that report printed."""

    id: int
    figure_id: int
    fact_id: int
    kind: str
    value: float
    upper_bound: float | None
    approximation: str
    text: str
    reason: str
    made_by: str
    made_at: dt.datetime


async def lock_figure(conn: Connection, *, figure_id: int) -> JudgedFigure | None:
    """The figure, locked until commit so judgements of one figure queue; None if none."""
    row = await conn.fetchrow(
        "SELECT id, article_id, fact_id FROM figures WHERE id = $1 FOR UPDATE", figure_id
    )
    return JudgedFigure(**dict(row.items())) if row is not None else None


async def withdraw_in_force(
    conn: Connection, *, figure_id: int, by: str, reason: str
) -> JudgementRow | None:
    """Withdraws the figure's judgement in force, if it has one, and returns it."""
    row = await conn.fetchrow(
        f"""
        UPDATE judgements SET withdrawn_at = clock_timestamp(), withdrawn_by = $2,
            withdrawal_reason = $3
        WHERE figure_id = $1 AND withdrawn_at IS NULL
        RETURNING {COLUMNS}
        """,
        figure_id,
        by,
        reason,
    )
    return JudgementRow.from_record(row) if row is not None else None


async def insert_judgement(
    conn: Connection, *, figure: JudgedFigure, kind: str, reason: str, by: str
) -> JudgementRow:
    row = await conn.fetchrow(
        f"""
        INSERT INTO judgements (figure_id, judged_figure_id, article_id, kind, reason, made_by)
        VALUES ($1, $1, $2, $3, $4, $5) RETURNING {COLUMNS}
        """,
        figure.id,
        figure.article_id,
        kind,
        reason,
        by,
    )
    assert row is not None
    return JudgementRow.from_record(row)


async def lock_judgement(conn: Connection, *, judgement_id: int) -> JudgementRow | None:
    """The judgement, locked until commit; None when there is none."""
    row = await conn.fetchrow(
        f"SELECT {COLUMNS} FROM judgements WHERE id = $1 FOR UPDATE", judgement_id
    )
    return JudgementRow.from_record(row) if row is not None else None


async def mark_withdrawn(
    conn: Connection, *, judgement_id: int, by: str, reason: str | None
) -> JudgementRow:
    row = await conn.fetchrow(
        f"""
        UPDATE judgements SET withdrawn_at = clock_timestamp(), withdrawn_by = $2,
            withdrawal_reason = $3
        WHERE id = $1 RETURNING {COLUMNS}
        """,
        judgement_id,
        by,
        reason,
    )
    assert row is not None, "the caller locked the judgement"
    return JudgementRow.from_record(row)


async def find_fact_of_figure(conn: Connection, *, figure_id: int | None) -> int | None:
    if figure_id is None:
        return None
    value = await conn.fetchval("SELECT fact_id FROM figures WHERE id = $1", figure_id)
    return int(value) if value is not None else None


async def list_judgements_by_ids(conn: Connection, *, ids: Sequence[int]) -> list[JudgementRow]:
    rows = await conn.fetch(
        f"SELECT {COLUMNS} FROM judgements WHERE id = ANY($1::bigint[])", list(ids)
    )
    return JudgementRow.from_records(rows)


async def list_judgements_for_figures(
    conn: Connection, *, figure_ids: Sequence[int]
) -> list[JudgementRow]:
    """Every judgement of the figures, withdrawn ones too, oldest first."""
    rows = await conn.fetch(
        f"""SELECT {COLUMNS} FROM judgements WHERE figure_id = ANY($1::bigint[])
        ORDER BY figure_id, id""",
        list(figure_ids),
    )
    return JudgementRow.from_records(rows)


def in_force_sql(fact_id: str) -> str:
    """The rows (judgement `j`, its figure `k`) of the judgements in force on the figures
    of the facts whose id is `fact_id` (an SQL condition on it)."""
    return f"""FROM judgements j JOIN figures k ON k.id = j.figure_id
        WHERE j.withdrawn_at IS NULL AND k.fact_id {fact_id}"""


async def list_in_force_for_facts(conn: Connection, *, fact_ids: Sequence[int]) -> list[InForce]:
    """The judgements in force on the facts' reports, oldest first. Few figures are ever
    judged: the statement starts from the judgements in force, not from the facts'
    figures (a popular fact has tens of thousands)."""
    rows = await conn.fetch(
        f"""
        SELECT j.id, j.figure_id, k.fact_id, j.kind, k.value, k.upper_bound, k.approximation,
               k.text, j.reason, j.made_by, j.made_at
        {in_force_sql("= ANY($1::bigint[])")}
        ORDER BY j.id
        """,
        list(fact_ids),
    )
    return [InForce(**dict(r.items())) for r in rows]


async def count_judgements(conn: Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM judgements"))


async def list_judged_fact_ids(conn: Connection, *, fact_ids: Sequence[int]) -> set[int]:
    """Of `fact_ids`, those with a judgement in force on one of their reports."""
    rows = await conn.fetch(
        """
        SELECT DISTINCT g.fact_id FROM judgements j JOIN figures g ON g.id = j.figure_id
        WHERE j.withdrawn_at IS NULL AND g.fact_id = ANY($1::bigint[])
        """,
        list(fact_ids),
    )
    return {int(r["fact_id"]) for r in rows}
