"""Prefetching: load a whole answer's rows, level by level, before graphql-core walks it.

A root field that returns objects calls `prefetch` with their rows. It reads what the
client selected below them and loads, for each level of the selection, every row that
level needs through this request's batched loaders: one query per field per level,
whatever the number of parents. Afterwards every resolver below finds its rows in the
loaders and answers at once (`now_or_later`), so graphql-core completes the whole tree in
one synchronous pass instead of a task and an event loop turn per field.

Prefetching only warms the loaders: a field it does not know still resolves through them.
What it follows is derived from the relation map (service/relations.py); `loaders.BY_ID`,
`BY_COLUMN` and `THROUGH` say which loader reads which table.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from service.graphql.context import Info
from service.graphql.loaders import BY_COLUMN, BY_ID, THROUGH, Loaders, load_now
from service.relations import RELATIONS, Cardinality, Link, Relation

Load = Callable[[Loaders, Sequence[Any]], Awaitable[list[Any]]]


@dataclass(frozen=True, slots=True)
class Edge:
    load: Load  # the parents' rows -> the rows this field reads (flattened)
    child: str | None  # the GraphQL type of those rows, to prefetch below them


def _present(values: Iterable[Any]) -> list[Any]:
    """The distinct values that are not None, in order (many citations share an article)."""
    return [v for v in dict.fromkeys(values) if v is not None]


def _flat(groups: Iterable[list[Any]]) -> list[Any]:
    return [row for group in groups for row in group]


def _by_id(table: str, column: str) -> Load:
    """The `table` rows whose ids are the parents' `column`."""
    name = BY_ID[table]

    async def load(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
        ids = _present(getattr(r, column) for r in rows)
        return [r for r in await load_now(getattr(loaders, name), ids) if r is not None]

    return load


def _by_column(table: str, column: str, parent_column: str) -> Load:
    """The `table` rows whose `column` is one of the parents' `parent_column`."""
    name = BY_COLUMN[(table, column)]

    async def load(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
        keys = _present(getattr(r, parent_column) for r in rows)
        return _flat(await load_now(getattr(loaders, name), keys))

    return load


def _one_through(relation: Relation, link: Link) -> Load:
    """The rows the parents' link rows point at (Citation.outlet: the article's outlet)."""
    assert relation.table is not None
    assert link.from_column == "id"  # the link rows are read by id
    links = _by_id(link.table, relation.parent_column)
    targets = _by_id(relation.table, link.to_column)

    async def load(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
        return await targets(loaders, await links(loaders, rows))

    return load


def _many_through(relation: Relation, link: Link) -> Load:
    """The rows a link table ties to the parents (Article.entities, through mentions)."""
    assert relation.table is not None
    name, table = THROUGH[(link.table, link.from_column, link.to_column)], BY_ID[relation.table]

    async def load(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
        keys = _present(getattr(r, relation.parent_column) for r in rows)
        ids = _present(_flat(await load_now(getattr(loaders, name), keys)))
        return [r for r in await load_now(getattr(loaders, table), ids) if r is not None]

    return load


async def _same(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
    """The parents' own rows, seen as another type (a figure's row as its Citation)."""
    return list(rows)


def edge(relation: Relation) -> Edge | None:
    """How to load what a relation of the map reads; None for a connection, which loads a
    page of its own."""
    table, link = relation.table, relation.through
    if relation.cardinality is Cardinality.SAME:
        return Edge(_same, relation.child)
    if relation.cardinality is Cardinality.PAGE or table is None:
        return None
    if relation.cardinality is Cardinality.ONE:
        if link is not None:
            return Edge(_one_through(relation, link), relation.child)
        return Edge(_by_id(table, relation.parent_column), relation.child)
    if link is not None:
        return Edge(_many_through(relation, link), relation.child)
    return Edge(_by_column(table, relation.child_column, relation.parent_column), relation.child)


def _graph() -> dict[str, dict[str, Edge]]:
    graph: dict[str, dict[str, Edge]] = {}
    for type_name, fields in RELATIONS.items():
        for field_name, relation in fields.items():
            found = edge(relation)
            if found is not None:
                graph.setdefault(type_name, {})[field_name] = found
    return graph


def _warm(loader: str, column: str) -> Load:
    """The rows `loader` holds for the parents' `column` (judgements, read beside the map)."""

    async def load(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
        return _flat(
            await load_now(getattr(loaders, loader), _present(getattr(r, column) for r in rows))
        )

    return load


async def _preferred(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
    """Fact.preferred reads the fact's judgements in force and its figures."""
    ids = _present(r.id for r in rows)
    await load_now(loaders.judgements_in_force_by_fact, ids)
    return _flat(await load_now(loaders.figures_by_fact, ids))


# Fields that read judgements: a layer over the relations, warmed here the same way.
JUDGED: dict[str, dict[str, Edge]] = {
    "Fact": {"preferred": Edge(_preferred, "SourcedValue")},
    "SourcedValue": {
        "rank": Edge(_warm("judgements_in_force_by_fact", "fact_id"), None),
        "conflicting": Edge(_warm("judgements_in_force_by_fact", "fact_id"), None),
    },
}

# type -> field -> how to load the rows that field reads, and their type (from the map).
GRAPH = _graph()
for _type, _edges in JUDGED.items():
    GRAPH.setdefault(_type, {}).update(_edges)


def _fields(selections: Iterable[Selection], type_name: str) -> Iterable[SelectedField]:
    """The fields selected on `type_name`, through fragments that can apply to it."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, (FragmentSpread, InlineFragment)):
            condition = selection.type_condition
            # An interface or union condition (Node, SearchHit) may apply: over-fetching
            # costs a query, missing a field only an awaited resolver.
            if condition is None or condition == type_name or condition not in GRAPH:
                yield from _fields(selection.selections, type_name)


async def prefetch(info: Info, objects: Sequence[Any], path: Sequence[str] = ()) -> None:
    """Loads what the selection below the current field reads from `objects`.

    `objects` are what the field returns (Article, Entity, ...: anything with a `row`), of
    one type or several (search, nodes); `path` leads from the field to them, e.g.
    ("edges", "node") for a connection.
    """
    fields = list(_fields(info.selected_fields, ""))
    for name in path:
        fields = [f for parent in fields for f in _fields(parent.selections, "") if f.name == name]
    selections = [child for field in fields for child in field.selections]
    rows: dict[str, list[Any]] = {}
    for obj in objects:
        rows.setdefault(type(obj).__name__, []).append(obj.row)
    if selections and rows:
        await asyncio.gather(
            *(_prefetch(info.context.loaders, name, of, selections) for name, of in rows.items())
        )


async def _prefetch(
    loaders: Loaders, type_name: str, rows: Sequence[Any], selections: list[Selection]
) -> None:
    edges = GRAPH.get(type_name, {})
    wanted: dict[str, list[Selection]] = {}
    for field in _fields(selections, type_name):
        if field.name in edges:
            wanted.setdefault(field.name, []).extend(field.selections)
    if wanted:
        await asyncio.gather(
            *(_follow(loaders, edges[name], rows, below) for name, below in wanted.items())
        )


async def _follow(
    loaders: Loaders, edge: Edge, rows: Sequence[Any], below: list[Selection]
) -> None:
    children = await edge.load(loaders, rows)
    if edge.child is not None and children and below:
        await _prefetch(loaders, edge.child, children, below)
