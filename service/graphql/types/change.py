"""Change: one entry of the change feed (service/db/changes.py)."""

from __future__ import annotations

import datetime as dt
import enum

import strawberry

from service.db import changes as changes_db
from service.db.rows import ChangeRow
from service.graphql.context import Info, page_size
from service.graphql.lookahead import counts
from service.graphql.types.common import Connection, make_connection
from service.ids import decode_id_cursor, encode_id


@strawberry.enum(description="What a change did to an article and its facts.")
class ChangeKind(enum.Enum):
    INGEST = strawberry.enum_value("ingest", description="A new article and its values.")
    REPUBLICATION = strawberry.enum_value(
        "republication", description="Another outlet published an article's copy."
    )
    CORRECTION = strawberry.enum_value(
        "correction", description="The article's copy was replaced and extracted again."
    )
    RETRACTION = strawberry.enum_value(
        "retraction", description="The article was retracted: its values left every fact."
    )
    JUDGEMENT = strawberry.enum_value(
        "judgement",
        description="An editor judged one of the article's reports, or withdrew a "
        "judgement: the fact's ranks and `disputed` were computed again.",
    )


@strawberry.type(
    description="One committed write: which article it touched and which facts' values it "
    "added, took out or counted again. Changes come in commit order."
)
class Change:
    kind: ChangeKind = strawberry.field(description="What the write did.")
    article_id: strawberry.ID = strawberry.field(
        description="The article's global id (retracted: `article` answers with an error)."
    )
    fact_ids: list[strawberry.ID] = strawberry.field(
        description="Global ids of the facts whose values changed; a fact left with no value "
        "was deleted and its id finds nothing."
    )
    at: dt.datetime = strawberry.field(description="When the write stored the change.")

    @classmethod
    def from_row(cls, row: ChangeRow) -> Change:
        return cls(
            kind=ChangeKind(row.kind),
            article_id=strawberry.ID(encode_id("Article", row.article_id)),
            fact_ids=[strawberry.ID(encode_id("Fact", f)) for f in row.fact_ids],
            at=row.at,
        )


async def change_connection(
    info: Info, *, after: str | None, first: int | None
) -> Connection[Change]:
    """The changes after the cursor `after`, oldest first."""
    after_id = decode_id_cursor(after, "after")
    size = page_size(first)
    async with info.context.pool.acquire() as conn:
        rows = await changes_db.list_changes_after(conn, after=after_id, limit=size + 1)
        total = await changes_db.count_changes(conn) if counts(info) else 0
    page = rows[:size]
    return make_connection(
        [Change.from_row(r) for r in page],
        [r.id for r in page],
        has_next=len(rows) > size,
        has_previous=after_id is not None,
        total=total,
    )
