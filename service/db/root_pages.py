"""The windows of the root connections a whole operation's statement answers
(db/operations.py): `articles` (live ones narrowed by db/articles.FILTERS, newest first or
in an ARTICLE_ORDERS order) and `entities`, `facts`, `quotes`, `figures` (narrowed by their
module's WHERE, oldest stored first or in its ORDERS order).

Each is read as the executor's db function reads it (db/articles.page_articles,
db/paging.page_by_id, db/paging.page_sorted): the same WHERE, one row past the page towards
the side read, so that side knows whether more follow (`connections.flags`); cursors as
service.ids.encode_cursor writes them. The root's options say what this request's arguments
make of the statement: `order:FIELD:DIRECTION` (an orderBy), `from_end` (`last`),
`size:N` (the page size, written in), `after`/`before` (the cursors given), and the
filters given (articles: db/articles.FILTERS names; entities: `search`). The change feed,
`changes` (first/after only), is read the same way, by id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from service.db.articles import ARTICLE_ORDERS, FILTERS, SORT_KEY, filter_sql
from service.db.connections import ID_CURSOR, TIME_CURSOR, Page, connection_json, flags
from service.db.entities import ENTITY_ORDERS, entity_where
from service.db.facts import FACT_FILTERS, FACT_ORDERS
from service.db.figures import FIGURE_FILTERS, FIGURE_ORDERS
from service.db.json_text import b64
from service.db.paging import Filters, given_where
from service.db.quotes import QUOTE_FILTERS, QUOTE_ORDERS
from service.db.selection import Pick

# (argument, SQL type) -> the parameter that takes this request's value of it ("$n::type").
Parameter = Callable[[str, str], str]
# Writes one item of the page (db/trees.object_json of the row alias it is given).
NodeWriter = Callable[[tuple[Pick, ...], str], str | None]


@dataclass(frozen=True, slots=True)
class Order:
    """How a window is ordered: `key` of the listed row, cursor values cast to `cast`, the
    list `descending` or not, the SQL of a page row `p`'s cursor; `paired`: the keyset is
    (key, id), else the key is the id itself; `printed`: a chosen order, whose cursors
    carry the key as PostgreSQL prints it (`sk`)."""

    key: str
    cast: str
    descending: bool
    cursor: str
    paired: bool = True
    printed: bool = False


@dataclass(frozen=True, slots=True)
class Listing:
    """A root connection: its items' type, table and alias, the orders `orderBy` may choose
    (field -> (expression, SQL type)), the order without one, and its WHERE for the root's
    options (each value a parameter)."""

    type_name: str
    table: str
    alias: str
    orders: Mapping[str, tuple[str, str]]
    default: Order
    where: Callable[[tuple[str, ...], Parameter], str]


def _numbered(where: str, arguments: Sequence[tuple[str, str]]) -> str:
    """`where` (a db module's, its values numbered from $3, as db/paging.py passes them)
    with the n-th taking `arguments[n - 3]`, as `parameter` writes them."""
    return re.sub(r"\$(\d)(::[a-z\[\]]+)?", lambda m: arguments[int(m.group(1)) - 3][0], where)


def _given(filters: Filters) -> Callable[[tuple[str, ...], Parameter], str]:
    """The WHERE of a listing's filters given (options naming them), only theirs written:
    `$n IS NULL OR` for the others kept PostgreSQL's generic plan from their indexes."""
    return lambda options, parameter: given_where(filters, options, parameter)


def _entities_where(options: tuple[str, ...], parameter: Parameter) -> str:
    """db/entities.entity_where: the kind, and the search's keys and text when given."""
    searched, kind = "search" in options, "kind" in options
    names = [("kind", "text")] if kind else [("", "")]  # $3 unwritten when no kind is given
    names += [("search_keys", "text[]"), ("search", "text")] if searched else []
    where = entity_where(searched, kind=kind)
    return _numbered(where, [(parameter(n, c) if n else "", c) for n, c in names])


def _articles_where(options: tuple[str, ...], parameter: Parameter) -> str:
    return filter_sql([name for name in FILTERS if name in options], parameter)


_BY_ID = Order("t.id", "bigint", False, ID_CURSOR.format(r="p"), paired=False)
LISTINGS = {
    "articles": Listing(
        "Article",
        "articles",
        "a",
        ARTICLE_ORDERS,
        Order(SORT_KEY, "timestamptz", True, TIME_CURSOR.format(r="p")),
        _articles_where,
    ),
    "entities": Listing("Entity", "entities", "t", ENTITY_ORDERS, _BY_ID, _entities_where),
    "facts": Listing(
        "Fact",
        "facts",
        "t",
        FACT_ORDERS,
        _BY_ID,
        _given(FACT_FILTERS),
    ),
    "quotes": Listing(
        "Quote",
        "quotes",
        "t",
        QUOTE_ORDERS,
        _BY_ID,
        _given(QUOTE_FILTERS),
    ),
    # The change feed: every change, by id (db/changes.list_changes_after).
    "changes": Listing("Change", "changes", "t", {}, _BY_ID, lambda options, parameter: "TRUE"),
    "figures": Listing(
        "Figure",
        "figures",
        "t",
        FIGURE_ORDERS,
        _BY_ID,
        _given(FIGURE_FILTERS),
    ),
}


def _chosen(listing: Listing, option: str) -> Order:
    """The `order:FIELD:DIRECTION` option: the listing's FIELD, ties by id; a cursor as
    service.ids.encode_cursor writes a SortCursor (["s", field, text, id])."""
    _, name, direction = option.split(":")
    expression, type_name = listing.orders[name]
    raw = f"convert_to('[\"s\",\"{name}\",' || to_json(p.sk)::text || ',' || p.id || ']', 'UTF8')"
    cursor = f"'\"' || {b64(raw)} || '\"'"
    return Order(expression, f"text::{type_name}", direction == "DESC", cursor, printed=True)


def _size(options: tuple[str, ...], parameter: Parameter) -> str:
    """The page size: the `size:N` option's N, written into the statement (with a LIMIT
    parameter PostgreSQL plans each execution anew, its generic plan guessing a tenth of
    the table: two thirds of a page's time in the database, bench/RESULTS.md, compiler7).
    N is an int (a clamped `first`/`last`), so the text holds none of the request's input.
    Without the option (a statement built only to see that it can be), a parameter."""
    for option in options:
        if option.startswith("size:"):
            return str(int(option.removeprefix("size:")))
    return parameter("size", "int")


def window_sql(
    listing: Listing,
    picks: tuple[Pick, ...],
    options: tuple[str, ...],
    parameter: Parameter,
    node: NodeWriter,
) -> str | None:
    """The connection JSON of one window of `listing` as `picks` select it, or None when
    they ask what it does not hold."""
    chosen = [o for o in options if o.startswith("order:")]
    order = _chosen(listing, chosen[0]) if chosen else listing.default
    t = listing.alias
    size = _size(options, parameter)
    later, earlier = (">", "<") if not order.descending else ("<", ">")
    # Only the sides a cursor is given for (options "after", "before") are written, NULL
    # standing for the others: a `$n IS NULL OR` keyset, like a LIMIT parameter, made
    # PostgreSQL plan the statement anew on every execution.
    after = before = "NULL"
    keyset = ["TRUE"]
    if order.paired:
        key_cast = "text" if order.printed else order.cast
        row_key = f"({order.key}, {t}.id)"
        if "after" in options:
            after = parameter("after_key", key_cast)
            keyset.append(
                f"{row_key} {later} ({after}::{order.cast}, {parameter('after_id', 'bigint')})"
            )
        if "before" in options:
            before = parameter("before_key", key_cast)
            keyset.append(
                f"{row_key} {earlier} ({before}::{order.cast}, {parameter('before_id', 'bigint')})"
            )
    else:
        if "after" in options:
            after = parameter("after", "bigint")
            keyset.append(f"{order.key} {later} {after}")
        if "before" in options:
            before = parameter("before", "bigint")
            keyset.append(f"{order.key} {earlier} {before}")
    where = listing.where(options, parameter)
    from_end = "from_end" in options
    listed, back = ("DESC", "ASC") if order.descending else ("ASC", "DESC")
    reads = back if from_end else listed
    page = Page(
        rows="page",
        row="p",
        listed=f"p.k {listed}, p.id {listed}",
        first=f"p.k {listed}, p.id {listed}",
        last=f"p.k {back}, p.id {back}",
        cursor=order.cursor,
        total=f"SELECT count(*) FROM {listing.table} {t} WHERE {where}",
        flags=flags(size, "found", after, before, from_end=from_end),
    )
    built = connection_json(picks, listing.type_name, page, node)
    if built is None:
        return None
    printed = f", ({order.key})::text AS sk" if order.printed else ""
    ties = f", {t}.id {reads}" if order.paired else ""
    # The window is found by its keys alone and the page's rows read after: sorting whole
    # rows (a seq scan's top-N) cost a third more (figures by value, 10k).
    return f"""(WITH found AS (
            SELECT {t}.id, {order.key} AS k{printed} FROM {listing.table} {t}
            WHERE {where} AND {" AND ".join(keyset)}
            ORDER BY {order.key} {reads}{ties} LIMIT {size} + 1
        ), page AS (SELECT {t}.*, f.k{", f.sk" if order.printed else ""}
            FROM (SELECT * FROM found ORDER BY k {reads}, id {reads} LIMIT {size}) f
            JOIN {listing.table} {t} ON {t}.id = f.id)
        SELECT {built})"""
