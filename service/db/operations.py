"""A whole GraphQL operation as one statement that returns its `data` JSON as text.

The roots it answers (`fact(id:)` now or as of a past time, `entity(id:|name:)`,
`article`, `outlets`, `node`, `nodes`, `search`, and a window of a root connection:
`articles`, `entities`, `facts`, `quotes`, `figures`, db/root_pages.py) each become one
expression; their objects are db/trees.py's. The text
is compact JSON written as orjson writes the executor's answer, so the view sends it as it
is: tests/graphql/test_compiled.py asks both for the same bytes.

Parameters are numbered as the roots are written, in order; `Statement.arguments` says
which argument of the request each one takes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from service.db.entities import ENTITY_IDS_NAMED
from service.db.json_text import list_json
from service.db.known import FACTS_EVER, known_sql
from service.db.pool import Connection
from service.db.root_pages import LISTINGS, window_sql
from service.db.search import SEARCH_HITS
from service.db.selection import NAME, Pick, Scope
from service.db.trees import object_json


@dataclass(frozen=True, slots=True)
class Root:
    """One root field: its key in `data`, what it reads (`fact`, `entity`, `entity_named`,
    a root connection such as `articles`, `typename`, ...) and its selection (for a
    connection: the connection's)."""

    key: str
    kind: str
    picks: tuple[Pick, ...] = ()
    # For a root connection, what the request's arguments make of the statement:
    # "from_end" (a window read backwards, `last`), "order:FIELD:DIRECTION", "size:N",
    # "after"/"before" (the cursors given) and the filters given (db/root_pages.py); for
    # `fact`, "as_of" (answered as known at a past time, db/known.py); for `entity_named`,
    # "keys:N:M" (its name's N own and M other keys, each a parameter).
    options: tuple[str, ...] = ()
    # For `node`, `nodes` and `search`: the selection as each type a row may be sees it.
    by_type: tuple[tuple[str, tuple[Pick, ...]], ...] = ()


@dataclass
class Statement:
    """The statement's text and, per parameter, the (root key, argument) it takes."""

    sql: str = ""
    arguments: list[tuple[str, str]] = field(default_factory=list)
    # Read from the primary, never a replica: the change feed, which a client pages right
    # after a write (types/change.change_connection reads it there too).
    primary: bool = False

    def parameter(self, key: str, argument: str, cast: str) -> str:
        self.arguments.append((key, argument))
        return f"${len(self.arguments)}::{cast}"


TABLES = {"fact": ("Fact", "facts"), "entity": ("Entity", "entities")}


@lru_cache(maxsize=1024)
def operation_sql(roots: tuple[Root, ...]) -> Statement | None:
    """The statement answering `roots`, or None when a selection holds something only the
    executor answers."""
    statement = Statement()
    parts: list[str] = []
    for root in roots:
        if NAME.match(root.key) is None:
            return None
        expression = _root(root, statement)
        if expression is None:
            return None
        parts.append(f"'{',' if parts else '{'}\"{root.key}\":' || {expression}")
    if not parts:
        return None
    statement.sql = f"SELECT {' || '.join(parts)} || '}}'"
    statement.primary = any(root.kind == "changes" for root in roots)
    return statement


def _root(root: Root, statement: Statement) -> str | None:
    if root.kind == "typename":
        return "'\"Query\"'"
    listing = LISTINGS.get(root.kind)
    if listing is not None:  # a window of a root connection
        scope = Scope(parameter=statement.parameter)
        return window_sql(
            listing,
            root.picks,
            root.options,
            lambda argument, cast: statement.parameter(root.key, argument, cast),
            lambda picks, row: object_json(listing.type_name, picks, row, scope),
        )
    if root.kind in ("node", "nodes"):
        return _nodes(root, statement)
    if root.kind == "search":
        return _search(root, statement)
    scope = Scope(parameter=statement.parameter)
    if root.kind == "outlets":  # by name A to Z, as outlets.list_outlets reads them
        limit = statement.parameter(root.key, "first", "int")
        built = object_json("Outlet", root.picks, "t0", scope)
        if built is None:
            return None
        return f"""(SELECT {list_json(built, "t0.name, t0.id")}
            FROM (SELECT * FROM outlets t0 ORDER BY t0.name, t0.id LIMIT {limit}) t0)"""
    if root.kind == "article":  # by id or by slug; a retracted one is the executor's
        column, cast = ("slug", "text") if "slug" in root.options else ("id", "bigint")
        where = f"t0.{column} = {statement.parameter(root.key, column, cast)}"
        built = object_json("Article", root.picks, "t0", scope)
        if built is None:
            return None
        # Its error says when and why it was retracted: the statement fails (a cast
        # error) and the executor answers instead.
        gone = "('retracted article: ' || t0.id)::int::text"
        return f"""coalesce((SELECT CASE WHEN t0.retracted_at IS NULL THEN {built}
            ELSE {gone} END FROM articles t0 WHERE {where}), 'null')"""
    if root.kind == "entity_named":
        type_name, table = TABLES["entity"]
        counts = next((o.split(":")[1:] for o in root.options if o.startswith("keys:")), None)
        if counts is None:  # more keys than KEYS_WRITTEN: as arrays
            first = statement.parameter(root.key, "name_keys", "text[]")
            other = statement.parameter(root.key, "other_keys", "text[]")
        else:
            first = _keys(statement, root.key, "name_key", int(counts[0]))
            other = _keys(statement, root.key, "other_key", int(counts[1]))
        name = statement.parameter(root.key, "name", "text")
        numbered = {"1": first, "2": other, "3": name}
        found = re.sub(r"\$(\d)(::[a-z\[\]]+)?", lambda m: numbered[m.group(1)], ENTITY_IDS_NAMED)
        where = f"t0.id = (SELECT n.id FROM ({found}) n LIMIT 1)"
    else:
        type_name, table = TABLES[root.kind]
        where = f"t0.id = {statement.parameter(root.key, 'id', 'bigint')}"
        if "as_of" in root.options:  # the fact as known then: null before its first value
            scope.as_of = statement.parameter(root.key, "as_of", "timestamptz")
            table = f"({FACTS_EVER})"
            where += f" AND EXISTS ({known_sql('= t0.id', scope.as_of)})"
    built = object_json(type_name, root.picks, "t0", scope)
    if built is None:
        return None
    return f"coalesce((SELECT {built} FROM {table} t0 WHERE {where}), 'null')"


# A name's keys (lookup.split_name_keys: one of its own, one to three others) up to this many
# of each kind are written one parameter each, as an ARRAY[...] of them: PostgreSQL then
# counts them when it plans. With an array parameter it assumes ten matches of each kind
# when it weighs the plan it would keep (generic) against planning each request (custom),
# and planned `entity(name:)` every time (planning cost as much as running it).
KEYS_WRITTEN = 4


def _keys(statement: Statement, key: str, argument: str, count: int) -> str:
    """`ARRAY[$a, $b, ...]::text[]` of `count` parameters named `argument_0`, ..."""
    given = [statement.parameter(key, f"{argument}_{i}", "text") for i in range(count)]
    return f"ARRAY[{', '.join(given)}]::text[]"


# Where `node` finds each type an id names (a retracted article is none: the loaders'
# articles are the live ones).
NODE_TABLES = {
    "Article": ("articles", " AND {}.retracted_at IS NULL"),
    "Entity": ("entities", ""),
    "Fact": ("facts", ""),
    "Figure": ("figures", ""),
    "Judgement": ("judgements", ""),
    "Outlet": ("outlets", ""),
    "Quote": ("quotes", ""),
}


def _nodes(root: Root, statement: Statement) -> str | None:
    """`node(id:)` or `nodes(ids:)`: the ids as (type, key) pairs, given as two arrays (a
    NULL type for an id Factdesk never issued), each answered by its type's selection;
    null where no such row is."""
    kinds = statement.parameter(root.key, "kinds", "text[]")
    ids = statement.parameter(root.key, "ids", "bigint[]")
    item = _node_json(root, statement)
    if item is None:
        return None
    pairs = f"unnest({kinds}, {ids}) WITH ORDINALITY AS u(kind, id, n)"
    if root.kind == "node":
        return f"(SELECT {item} FROM {pairs})"
    return f"(SELECT {list_json(item, 'u.n')} FROM {pairs})"


# search_db.SEARCH_HITS's parameters: their names (search_db.search_arguments) and types.
_SEARCH_PARAMETERS = (
    ("query", "text"),
    ("keys", "text[]"),
    ("limit", "int"),
    ("candidates", "int"),
    ("recent", "int"),
    ("examined", "int"),
    ("bonus", "float8"),
    ("word_keys", "text[]"),
)


def _search(root: Root, statement: Statement) -> str | None:
    """`search(query:, first:)`: the hits of search_db.SEARCH_HITS, best first, each as its
    type's selection; none for a blank query (the empty text)."""
    given = [statement.parameter(root.key, name, cast) for name, cast in _SEARCH_PARAMETERS]
    hits = re.sub(r"\$(\d)(::[a-z\[\]]+)?", lambda m: given[int(m.group(1)) - 1], SEARCH_HITS)
    item = _node_json(root, statement)
    if item is None:
        return None
    found = f"""(SELECT coalesce('[' || string_agg(x.j, ',' ORDER BY u.n) || ']', '[]')
        FROM ({hits}) u CROSS JOIN LATERAL (SELECT {item} AS j) x WHERE x.j <> 'null')"""
    return f"CASE WHEN {given[0]} = '' THEN '[]' ELSE {found} END"


def _node_json(root: Root, statement: Statement) -> str | None:
    """The JSON of the row `u.id` of the type `u.kind`, as `root.by_type` selects it; null
    where no such row is."""
    scope = Scope(parameter=statement.parameter)
    cases: list[str] = []
    for type_name, picks in root.by_type:
        table, live = NODE_TABLES[type_name]
        row = scope.next()
        built = object_json(type_name, picks, row, scope) if picks else "'{}'"
        if built is None:
            return None
        found = f"SELECT {built} FROM {table} {row} WHERE {row}.id = u.id{live.format(row)}"
        cases.append(f"WHEN '{type_name}' THEN coalesce(({found}), 'null')")
    return f"CASE u.kind {' '.join(cases)} ELSE 'null' END"


async def fetch_operation(conn: Connection, *, sql: str, arguments: list[object]) -> str:
    """The `data` JSON of a whole operation, as the statement writes it."""
    return str(await conn.fetchval(sql, *arguments))
