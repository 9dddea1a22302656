"""SQL for facts."""

from __future__ import annotations

from collections.abc import Sequence

from service.db.paging import IdPage, page_by_id
from service.db.pool import Connection
from service.db.rows import FactRow

COLUMNS = "id, subject_id, property, qualifier, unit, label, disputed"


async def upsert_fact(
    conn: Connection,
    *,
    subject_id: int | None,
    property: str,
    qualifier: str | None,
    unit: str,
    label: str,
) -> int:
    """The fact for (subject, property, qualifier), created when new and locked either way."""
    value = await conn.fetchval(
        """
        INSERT INTO facts (subject_id, property, qualifier, unit, label)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT ON CONSTRAINT facts_claim_unique DO UPDATE SET label = facts.label
        RETURNING id
        """,
        subject_id,
        property,
        qualifier,
        unit,
        label,
    )
    return int(value)


async def set_disputed(conn: Connection, *, disputed_by_fact: dict[int, bool]) -> None:
    await conn.execute(
        """
        UPDATE facts f SET disputed = d.disputed
        FROM unnest($1::bigint[], $2::bool[]) AS d(id, disputed) WHERE f.id = d.id
        """,
        list(disputed_by_fact),
        list(disputed_by_fact.values()),
    )


async def list_facts_by_ids(conn: Connection, *, ids: Sequence[int]) -> list[FactRow]:
    rows = await conn.fetch(f"SELECT {COLUMNS} FROM facts WHERE id = ANY($1::bigint[])", list(ids))
    return FactRow.from_records(rows)


async def list_facts_for_subjects(conn: Connection, *, subject_ids: Sequence[int]) -> list[FactRow]:
    rows = await conn.fetch(
        f"SELECT {COLUMNS} FROM facts WHERE subject_id = ANY($1::bigint[]) ORDER BY subject_id, id",
        list(subject_ids),
    )
    return FactRow.from_records(rows)


async def page_facts(
    conn: Connection,
    *,
    subject_id: int | None,
    property: str | None,
    disputed: bool | None,
    first: int,
    after: int | None,
) -> IdPage:
    return await page_by_id(
        conn,
        source="facts t",
        where="""($3::bigint IS NULL OR t.subject_id = $3)
            AND ($4::text IS NULL OR t.property = $4)
            AND ($5::bool IS NULL OR t.disputed = $5)""",
        args=[subject_id, property, disputed],
        first=first,
        after=after,
    )
