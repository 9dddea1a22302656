"""Keyset pagination by id, for one list or one page per parent in a single query, in
either direction (Relay's `first`/`after` and `last`/`before`).

`source` and `link` are SQL fragments written in this package (never user input):
`source` names the table as `t`, `link` ties a row of `t` to the parent `p.id`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from asyncpg import Record

from service.db.pool import Connection

# Every list is read a page at a time: `first` defaults to 20 and is at most 100, in
# GraphQL and REST alike.
DEFAULT_PAGE = 20
MAX_PAGE = 100

# A list's filters: name -> (SQL type, the condition on `t` with `{}` for the value).
Filters = dict[str, tuple[str, str]]


def optional_where(filters: Filters) -> str:
    """The WHERE of `filters` with the n-th's value $n+2 (as page_by_id and page_sorted
    number them), each left out by a NULL: one statement for any filters given."""
    return "\n    AND ".join(
        f"(${n}::{cast} IS NULL OR {condition.format(f'${n}')})"
        for n, (cast, condition) in enumerate(filters.values(), start=3)
    )


def given_where(
    filters: Filters, given: Sequence[str], parameter: Callable[[str, str], str]
) -> str:
    """The WHERE of those of `filters` named in `given`, each value `parameter(name, SQL
    type)`: only the conditions given are written, so a statement keeps one plan that
    uses their indexes (`$n IS NULL OR` made a generic plan that could not)."""
    conditions = [
        condition.format(parameter(name, cast))
        for name, (cast, condition) in filters.items()
        if name in given
    ]
    return " AND ".join(conditions) or "TRUE"


K = TypeVar("K")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Window(Generic[K]):
    """Which page of a list to read: of the items after `after` and before `before` (list
    order, both exclusive), the first `size`, or the last `size` when `from_end`."""

    size: int
    after: K | None = None
    before: K | None = None
    from_end: bool = False

    def flags(self, found: int) -> tuple[bool, bool]:
        """(has next, has previous) of a page read with one item more than `size`, that
        found `found` items: the side read towards knows, the other says whether its bound
        was given (items lie beyond a cursor the client holds)."""
        more = found > self.size
        if self.from_end:
            return self.before is not None, more
        return more, self.after is not None

    def take(self, items: list[T]) -> list[T]:
        """The page, in list order, of items read towards its far end (reversed when read
        from the end), one more than `size` perhaps."""
        return items[: self.size][::-1] if self.from_end else items[: self.size]


@dataclass(frozen=True, slots=True)
class RowPage(Generic[T]):
    """One page of whole rows, in list order (lists whose rows are read with their keys:
    a fact's history, an article's replaced copies)."""

    rows: list[T]
    has_next: bool
    has_previous: bool
    total: int = 0  # 0 when the caller did not ask for the count


def row_pages(
    window: Window[K], found: dict[int, list[T]], totals: dict[int, int]
) -> dict[int, RowPage[T]]:
    """Each parent's page of rows read towards the far end of `window` (one more than its
    size perhaps), with its total."""
    pages: dict[int, RowPage[T]] = {}
    for parent, rows in found.items():
        has_next, has_previous = window.flags(len(rows))
        pages[parent] = RowPage(window.take(rows), has_next, has_previous, totals.get(parent, 0))
    return pages


def parent_pages(
    window: Window[K],
    parent_ids: Sequence[int],
    rows: Sequence[Record],
    build: Callable[..., T],
    present: str,
) -> dict[int, RowPage[T]]:
    """`row_pages` of rows read per parent by a lateral join (`parent_id`, `total`, then
    the row's own columns, all null when the parent has none: `present` is one of them)."""
    found: dict[int, list[T]] = {int(i): [] for i in parent_ids}
    totals: dict[int, int] = {}
    for r in rows:
        values = dict(r.items())
        parent = int(values.pop("parent_id"))
        totals[parent] = int(values.pop("total"))
        if values[present] is not None:
            found[parent].append(build(**values))
    return row_pages(window, found, totals)


@dataclass(frozen=True, slots=True)
class IdPage:
    ids: list[int]
    has_next: bool
    total: int  # 0 when the caller did not ask for the count
    has_previous: bool = False


def counted(count: bool, query: str) -> str:
    """`query` (a count) when asked for; counting reads every matching row, so a page that
    does not show the total does not pay for it."""
    return f"({query})" if count else "0::bigint"


def _direction(window: Window[int]) -> str:
    return "DESC" if window.from_end else "ASC"


def _id_page(window: Window[int], ids: list[int], total: int) -> IdPage:
    has_next, has_previous = window.flags(len(ids))
    return IdPage(ids=window.take(ids), has_next=has_next, total=total, has_previous=has_previous)


async def page_by_id(
    conn: Connection,
    *,
    source: str,
    where: str,
    args: Sequence[object],
    window: Window[int],
    count: bool = True,
) -> IdPage:
    """One window of the ids in ascending order; `where` uses parameters from $3 on."""
    total = counted(count, f"SELECT count(*) FROM {source} WHERE {where}")
    before = f"${3 + len(args)}"  # after the caller's parameters
    row = await conn.fetchrow(
        f"""
        SELECT
            {total} AS total,
            ARRAY(
                SELECT t.id FROM {source}
                WHERE {where} AND ($1::bigint IS NULL OR t.id > $1)
                    AND ({before}::bigint IS NULL OR t.id < {before})
                ORDER BY t.id {_direction(window)} LIMIT $2
            ) AS ids
        """,
        window.after,
        window.size + 1,
        *args,
        window.before,
    )
    assert row is not None
    return _id_page(window, [int(i) for i in row["ids"]], int(row["total"]))


async def page_by_id_per_parent(
    conn: Connection,
    *,
    source: str,
    link: str,
    parent_ids: Sequence[int],
    window: Window[int],
    count: bool = True,
) -> dict[int, IdPage]:
    """One window of ascending ids per parent, with each parent's total, in one round trip."""
    total = counted(count, f"SELECT count(*) FROM {source} WHERE {link}")
    rows = await conn.fetch(
        f"""
        SELECT p.id AS parent_id, {total} AS total, page.id
        FROM unnest($1::bigint[]) AS p(id)
        LEFT JOIN LATERAL (
            SELECT t.id FROM {source}
            WHERE {link} AND ($2::bigint IS NULL OR t.id > $2)
                AND ($4::bigint IS NULL OR t.id < $4)
            ORDER BY t.id {_direction(window)} LIMIT $3
        ) AS page ON TRUE
        """,
        list(parent_ids),
        window.after,
        window.size + 1,
        window.before,
    )
    ids: dict[int, list[int]] = {pid: [] for pid in parent_ids}
    totals: dict[int, int] = {}
    for r in rows:
        pid = int(r["parent_id"])
        totals[pid] = int(r["total"])
        if r["id"] is not None:
            ids[pid].append(int(r["id"]))
    return {pid: _id_page(window, found, totals.get(pid, 0)) for pid, found in ids.items()}


@dataclass(frozen=True, slots=True)
class Sort:
    """A list order chosen by the client: `expression` of the row (written in this package,
    never user input, never NULL), ties broken by id in the same direction."""

    expression: str
    type: str  # its SQL type: a cursor carries the value as text, cast back to this
    descending: bool = False


# A position in a sorted list: the sort value as PostgreSQL prints it, and the row's id.
# Printed and cast back by PostgreSQL itself, so no value (a timestamp's microseconds,
# -infinity, a collation's idea of text) changes on its way through a cursor.
SortKey = tuple[str, int]


@dataclass(frozen=True, slots=True)
class SortedPage:
    """One page of a sorted list: ids with their positions, in list order."""

    items: list[tuple[int, SortKey]]
    has_next: bool
    has_previous: bool
    total: int = 0  # 0 when the caller did not ask for the count


async def page_sorted(
    conn: Connection,
    *,
    source: str,
    alias: str,
    where: str,
    args: Sequence[object],
    sort: Sort,
    window: Window[SortKey],
    count: bool = True,
) -> SortedPage:
    """One window of the rows of `source` (a table named `alias`) matching `where` (which
    uses parameters from $3 on), in `sort` order then id: a keyset page, so a page costs
    the same wherever it is in the list (with an index on the expression and id)."""
    total = counted(count, f"SELECT count(*) FROM {source} WHERE {where}")
    n = 3 + len(args)  # the keyset's parameters come after the caller's
    key = f"({sort.expression}, {alias}.id)"
    later, earlier = (">", "<") if not sort.descending else ("<", ">")
    reads_down = sort.descending != window.from_end
    order = "DESC" if reads_down else "ASC"
    row = await conn.fetchrow(
        f"""
        SELECT {total} AS total,
            array_agg(q.id ORDER BY q.v {order}, q.id {order}) AS ids,
            array_agg(q.sort_key ORDER BY q.v {order}, q.id {order}) AS keys
        FROM (
            SELECT {alias}.id, {sort.expression} AS v, ({sort.expression})::text AS sort_key
            FROM {source}
            WHERE {where}
                AND ($1::text IS NULL OR {key} {later} ($1::text::{sort.type}, ${n}::bigint))
                AND (${n + 1}::text IS NULL
                     OR {key} {earlier} (${n + 1}::text::{sort.type}, ${n + 2}::bigint))
            ORDER BY {sort.expression} {order}, {alias}.id {order}
            LIMIT $2
        ) q
        """,
        window.after[0] if window.after else None,
        window.size + 1,
        *args,
        window.after[1] if window.after else None,
        window.before[0] if window.before else None,
        window.before[1] if window.before else None,
    )
    assert row is not None  # an aggregate always answers one row
    ids, keys = row["ids"] or [], row["keys"] or []
    items = [(int(i), (str(k), int(i))) for i, k in zip(ids, keys, strict=True)]
    has_next, has_previous = window.flags(len(items))
    return SortedPage(window.take(items), has_next, has_previous, int(row["total"]))


class Narrowing(Protocol):
    """Which rows of a listing a reader wants: a WHERE of `t` whose parameters run from $3
    (as page_by_id and page_sorted number them), and their values in that order."""

    @property
    def where(self) -> str: ...

    def args(self) -> list[object]: ...


N = TypeVar("N", bound=Narrowing, contravariant=True)


@dataclass(frozen=True, slots=True)
class PagedTable(Generic[N]):
    """A table that GraphQL's root connections and REST's lists read a page at a time:
    `source` names it as `t`; `orders` are the orders a client may choose (`orderBy`), by
    field: an expression of `t` and its SQL type."""

    source: str
    orders: Mapping[str, tuple[str, str]]

    async def page(
        self, conn: Connection, narrowing: N, *, window: Window[int], count: bool = True
    ) -> IdPage:
        """One window of the ids in stored order."""
        return await page_by_id(
            conn,
            source=self.source,
            where=narrowing.where,
            args=narrowing.args(),
            window=window,
            count=count,
        )

    async def page_sorted(
        self,
        conn: Connection,
        narrowing: N,
        *,
        order: str,
        descending: bool,
        window: Window[SortKey],
        count: bool = True,
    ) -> SortedPage:
        """One window in the order `order` (a key of `orders`), ties by id."""
        expression, type_name = self.orders[order]
        return await page_sorted(
            conn,
            source=self.source,
            alias="t",
            where=narrowing.where,
            args=narrowing.args(),
            sort=Sort(expression, type_name, descending),
            window=window,
            count=count,
        )
