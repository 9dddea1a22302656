"""A Relay connection's JSON text written by a statement: the page's edges (cursor, node),
`pageInfo` and `totalCount`, for `articles` at the root (db/operations.py) and for the
connections below an object (`nested_page`, which db/trees.py follows: an entity's
mentions, articles and quotes, an outlet's articles, an article's replaced copies).

A page is read as the loaders read it (db/paging.py, db/articles.py): one row more than
its size towards the side read, so that side knows whether more follow, the other says
whether its cursor was given (`paging.Window.flags`). Cursors are written as
`service.ids.encode_cursor` writes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from service.db.articles import LIVE, SORT_KEY
from service.db.json_text import b64, isoformat_sql, list_json
from service.db.selection import NAME, Answer, Pick, Scope
from service.relations import Relation

# How an object is written (db/trees.object_json): (type, picks, row alias, scope) -> SQL.
ObjectWriter = Callable[[str, tuple[Pick, ...], str, Scope], str | None]

# An article's position in the default order (["t", published time, id]). An undated
# article (-infinity) makes the statement fail (a cast error), and the executor answers.
TIME_CURSOR = (
    "'\"' || "
    + b64(
        'convert_to(\'["t","\' || CASE WHEN isfinite({r}.k) THEN '
        + isoformat_sql("{r}.k")
        + " ELSE ('undated article: ' || {r}.id)::int::text END || '\",' || {r}.id || ']', 'UTF8')"
    )
    + " || '\"'"
)
# A position in a list ordered by one integer (["i", id]; an article's copies: its version).
ID_CURSOR = "'\"' || " + b64("convert_to('[\"i\",' || {r}.k || ']', 'UTF8')") + " || '\"'"


@dataclass(frozen=True, slots=True)
class Page:
    """The page's rows as the connection's fields read them: `rows` (a WITH query's name)
    holds the page, each row aliased `row` with its key `k` (and `id`), listed in `listed`
    (SQL: ORDER BY); `cursor` is the SQL of a row's cursor; `total` counts the whole list;
    `flags` are (hasNextPage, hasPreviousPage)."""

    rows: str
    row: str
    listed: str
    first: str  # ORDER BY of the page's first item first
    last: str  # and of its last item first
    cursor: str
    total: str
    flags: tuple[str, str]


def connection_json(
    picks: tuple[Pick, ...],
    type_name: str,
    page: Page,
    node: Callable[[tuple[Pick, ...], str], str | None],
) -> str | None:
    """The connection of `type_name` items (`node` writes one of a page row), or None when
    the selection asks what it does not hold."""
    values: dict[str, Callable[[Pick], str | None]] = {
        "__typename": lambda pick: f"'\"{type_name}Connection\"'",
        "totalCount": lambda pick: f"({page.total})::text",
        "edges": lambda pick: _edges(pick.picks, type_name, page, node),
        "pageInfo": lambda pick: _page_info(pick.picks, page),
    }
    return _object(picks, values)


def _edges(
    picks: tuple[Pick, ...],
    type_name: str,
    page: Page,
    node: Callable[[tuple[Pick, ...], str], str | None],
) -> str | None:
    values: dict[str, Callable[[Pick], str | None]] = {
        "__typename": lambda pick: f"'\"{type_name}Edge\"'",
        "cursor": lambda pick: page.cursor,
        "node": lambda pick: node(pick.picks, page.row),
    }
    edge = _object(picks, values)
    if edge is None:
        return None
    return f"(SELECT {list_json(edge, page.listed)} FROM {page.rows} {page.row})"


def _page_info(picks: tuple[Pick, ...], page: Page) -> str | None:
    def end(order: str) -> str:
        return (
            f"coalesce((SELECT {page.cursor} FROM {page.rows} {page.row} ORDER BY {order} "
            "LIMIT 1), 'null')"
        )

    values: dict[str, Callable[[Pick], str | None]] = {
        "__typename": lambda pick: "'\"PageInfo\"'",
        "hasNextPage": lambda pick: page.flags[0],
        "hasPreviousPage": lambda pick: page.flags[1],
        "startCursor": lambda pick: end(page.first),
        "endCursor": lambda pick: end(page.last),
    }
    return _object(picks, values)


def _object(picks: tuple[Pick, ...], values: dict[str, Callable[[Pick], str | None]]) -> str | None:
    parts: list[str] = []
    for pick in picks:
        write = values.get(pick.field)
        if NAME.match(pick.key) is None or write is None:
            return None
        value = write(pick)
        if value is None:
            return None
        parts.append(f"'{',' if parts else '{'}\"{pick.key}\":' || {value}")
    return f"({' || '.join(parts)} || '}}')" if parts else None


def flags(size: str, found: str, after: str, before: str, *, from_end: bool) -> tuple[str, str]:
    """(hasNextPage, hasPreviousPage) of a page read one row past `size` into `found`."""
    more = f"CASE WHEN (SELECT count(*) FROM {found}) > {size} THEN 'true' ELSE 'false' END"
    given = {c: f"CASE WHEN {c} IS NULL THEN 'false' ELSE 'true' END" for c in (after, before)}
    return (given[before], more) if from_end else (more, given[after])


def nested_page(relation: Relation, write: ObjectWriter) -> Answer:
    """A connection below an object (Entity.mentions/quotes/articles, Outlet.articles,
    Article.versions): a window of the rows tied to `row`, in the relation's order (articles:
    newest first, as db/articles.page_articles_per_parent reads them), its arguments the
    statement's parameters named by `pick.page`; each item written by `write`
    (trees.object_json)."""
    child, table = relation.child, relation.table
    assert child is not None
    assert table is not None
    by_time = child == "Article"

    through = relation.through
    # A link table that holds the child's place (entity_articles) is read first, in the
    # order of its index: a page is a range of it, not a walk of every article.
    placed = through is not None and through.place is not None

    def source(alias: str) -> str:
        if placed:
            assert through is not None
            return (
                f"{through.table} {alias}_t JOIN {table} {alias} "
                f"ON {alias}.{relation.child_column} = {alias}_t.{through.to_column}"
            )
        return f"{table} {alias}"

    def link(alias: str, row: str) -> str:
        if through is None:
            tied = f"{alias}.{relation.child_column} = {row}.id"
        elif placed:
            tied = f"{alias}_t.{through.from_column} = {row}.id"
        else:
            tied = (
                f"EXISTS (SELECT 1 FROM {through.table} m WHERE m.{through.to_column} = "
                f"{alias}.{relation.child_column} AND m.{through.from_column} = {row}.id)"
            )
        return f"{tied} AND {LIVE.replace('a.', f'{alias}.')}" if by_time else tied

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        parameter, window = names.parameter, pick.page
        if parameter is None or window is None or names.as_of is not None:
            return None
        a, found, rows, r = names.next(), names.next(), names.next(), names.next()
        size = parameter(window, "size", "int")
        if by_time:  # (published time, id), newest first
            key, descending, cast = SORT_KEY.replace("a.", f"{a}."), True, "timestamptz"
            place, tie = key, f"{a}.id"
            if placed:
                assert through is not None
                place, tie = f"{a}_t.{through.place}", f"{a}_t.{through.to_column}"
            after = parameter(window, "after", cast)
            after_id = parameter(window, "after_id", "bigint")
            before = parameter(window, "before", cast)
            before_id = parameter(window, "before_id", "bigint")
            bounds = [(after, f"({place}, {tie})", f"({after}, {after_id})")]
            bounds.append((before, f"({place}, {tie})", f"({before}, {before_id})"))
        else:  # one integer, ascending
            key, descending = f"{a}.{relation.order[0]}", False
            after = parameter(window, "after", "bigint")
            before = parameter(window, "before", "bigint")
            bounds = [(after, key, after), (before, key, before)]
        total = f"SELECT count(*) FROM {table} {a} WHERE {link(a, row)}"
        if placed:  # live articles only: counted from its index alone
            assert through is not None
            total = (
                f"SELECT count(*) FROM {through.table} {a}_t "
                f"WHERE {a}_t.{through.from_column} = {row}.id"
            )
        if through is not None and through.counted is not None:  # a count kept by triggers
            counts, column = through.counted
            total = (
                f"SELECT coalesce((SELECT {a}_c.{column} FROM {counts} {a}_c "
                f"WHERE {a}_c.{through.from_column} = {row}.id), 0)"
            )
        later, earlier = ("<", ">") if descending else (">", "<")
        keyset = " AND ".join(
            f"({given} IS NULL OR {mine} {way} {theirs})"
            for (given, mine, theirs), way in zip(bounds, (later, earlier), strict=True)
        )
        listed, back = ("DESC", "ASC") if descending else ("ASC", "DESC")
        from_end = "from_end" in pick.options
        reads = back if from_end else listed

        def by(alias: str, way: str) -> str:
            return f"{alias}.k {way}, {alias}.id {way}" if by_time else f"{alias}.k {way}"

        page = Page(
            rows=rows,
            row=r,
            listed=by(r, listed),
            first=by(r, listed),
            last=by(r, back),
            cursor=(TIME_CURSOR if by_time else ID_CURSOR).format(r=r),
            total=total,
            flags=flags(size, found, after, before, from_end=from_end),
        )
        built = connection_json(
            pick.picks, child, page, lambda picks, item: write(child, picks, item, names)
        )
        if built is None:
            return None
        ordered = f"{place} {reads}, {tie} {reads}" if by_time else f"{key} {reads}"
        return f"""(WITH {found} AS (
                SELECT {a}.*, {key} AS k FROM {source(a)} WHERE {link(a, row)} AND {keyset}
                ORDER BY {ordered} LIMIT {size} + 1
            ), {rows} AS (SELECT * FROM {found} {a} ORDER BY {by(a, reads)} LIMIT {size})
            SELECT {built})"""

    return answer
