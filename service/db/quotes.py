"""SQL for quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from service.db.paging import (
    Filters,
    IdPage,
    PagedTable,
    Window,
    optional_where,
    page_by_id_per_parent,
)
from service.db.pool import Connection
from service.db.rows import QuoteRow

COLUMNS = """id, article_id, speaker_id, speaker_text, text, start_offset, end_offset,
    sentence_start, sentence_end, is_partial, cue, statement_key"""


async def list_quotes_by_ids(conn: Connection, *, ids: Sequence[int]) -> list[QuoteRow]:
    rows = await conn.fetch(f"SELECT {COLUMNS} FROM quotes WHERE id = ANY($1::bigint[])", list(ids))
    return QuoteRow.from_records(rows)


async def list_quotes_for_articles(
    conn: Connection, *, article_ids: Sequence[int]
) -> list[QuoteRow]:
    rows = await conn.fetch(
        f"""SELECT {COLUMNS} FROM quotes WHERE article_id = ANY($1::bigint[])
        ORDER BY article_id, start_offset, id""",
        list(article_ids),
    )
    return QuoteRow.from_records(rows)


async def list_quotes_by_statement_keys(conn: Connection, *, keys: Sequence[str]) -> list[QuoteRow]:
    rows = await conn.fetch(
        f"SELECT {COLUMNS} FROM quotes WHERE statement_key = ANY($1::text[]) ORDER BY id",
        list(keys),
    )
    return QuoteRow.from_records(rows)


QUOTE_FILTERS: Filters = {
    "speaker": ("bigint", "t.speaker_id = {}"),
    "article": ("bigint", "t.article_id = {}"),
    "search": ("text", "to_tsvector('english', t.text) @@ websearch_to_tsquery('english', {})"),
}
QUOTE_WHERE = optional_where(QUOTE_FILTERS)
# The orders a client may choose (`orderBy`), by field: an expression of `t` and its type.
QUOTE_ORDERS = {"STORED": ("t.id", "bigint")}


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Which quotes: by this speaker, in this article, with these words (None: any)."""

    speaker_id: int | None = None
    article_id: int | None = None
    search: str | None = None
    where: ClassVar[str] = QUOTE_WHERE

    def args(self) -> list[object]:
        return [self.speaker_id, self.article_id, self.search]


QUOTES: PagedTable[QuoteFilter] = PagedTable("quotes t", QUOTE_ORDERS)


async def page_quotes_per_speaker(
    conn: Connection,
    *,
    speaker_ids: Sequence[int],
    window: Window[int],
    count: bool = True,
) -> dict[int, IdPage]:
    return await page_by_id_per_parent(
        conn,
        source="quotes t",
        link="t.speaker_id = p.id",
        parent_ids=speaker_ids,
        window=window,
        count=count,
    )
