"""SQL for facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.db.entities import RELABELED
from service.db.paging import IdPage, page_by_id
from service.db.pool import Connection
from service.db.rows import FactRow

COLUMNS = "id, subject_id, property, qualifier, unit, label, disputed"


@dataclass(frozen=True, slots=True)
class NewClaim:
    subject_id: int | None
    property: str
    qualifier: str | None
    unit: str
    label: str


ClaimKey = tuple[int | None, str, str | None]


@dataclass(frozen=True, slots=True)
class ClaimedFact:
    id: int
    disputed: bool
    agreed: tuple[float, float] | None  # what all its reports allow; None: not known yet


async def upsert_facts(
    conn: Connection, *, claims: Sequence[NewClaim]
) -> dict[ClaimKey, ClaimedFact]:
    """The fact of each (subject, property, qualifier), created when new and locked either
    way, in one statement. A claim repeated keeps its first unit and label; new facts are
    numbered in the order given."""
    first: dict[ClaimKey, NewClaim] = {}
    for claim in claims:
        first.setdefault((claim.subject_id, claim.property, claim.qualifier), claim)
    unique = list(first.values())
    rows = await conn.fetch(
        """
        INSERT INTO facts (subject_id, property, qualifier, unit, label)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])
        ON CONFLICT ON CONSTRAINT facts_claim_unique DO UPDATE SET label = facts.label
        RETURNING id, subject_id, property, qualifier, disputed, agreed_low, agreed_high
        """,
        [c.subject_id for c in unique],
        [c.property for c in unique],
        [c.qualifier for c in unique],
        [c.unit for c in unique],
        [c.label for c in unique],
    )
    return {
        (r["subject_id"], r["property"], r["qualifier"]): ClaimedFact(
            int(r["id"]),
            r["disputed"],
            (r["agreed_low"], r["agreed_high"]) if r["agreed_low"] is not None else None,
        )
        for r in rows
    }


async def relabel_facts(conn: Connection, *, fact_ids: Sequence[int]) -> None:
    """Labels made from an article's own name for the subject ('Toqaev: age') take the
    subject's canonical name, so a fact reads like its entity wherever it is shown."""
    await conn.execute(
        f"""
        UPDATE facts f SET label = {RELABELED}
        FROM entities e
        WHERE f.id = ANY($1::bigint[]) AND e.id = f.subject_id AND strpos(f.label, ': ') > 0
          AND left(f.label, strpos(f.label, ': ') - 1) <> e.name
        """,
        list(fact_ids),
    )


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
    count: bool = True,
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
        count=count,
    )
