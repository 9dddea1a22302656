"""Answering `fact(id:)`, `entity(...)` and a page's articles in one statement.

A root field (or a connection's nodes) whose selection holds only fields
`service/db/trees.py` knows (no argument but a list's `first`, no directives, fragments
only on the type itself or Node) is answered by one statement that builds the JSON, and
the executor returns that JSON as the field's completed value (`Tree`). Anything else goes
through the resolvers, prefetch and loaders as before.
FACTDESK_SQL_TREES=false turns this off.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from strawberry.types.nodes import SelectedField, Selection

from service.db import trees as trees_db
from service.db.selection import Pick
from service.graphql.context import Info


@dataclass(frozen=True, slots=True)
class Tree:
    """A field's answer, already completed: the executor returns `answer` as it is."""

    answer: Any


async def answer_tree(info: Info, type_name: str, id: int) -> Tree | None:
    """The answer of the current root field (a `type_name` or null) from one statement,
    or None when its selection needs the resolvers."""
    sql = _statement(info, type_name, selections_below(info), many=False)
    if sql is None:
        return None
    async with info.context.reads.acquire() as conn:
        return Tree(await trees_db.fetch_tree(conn, sql=sql, id=id))


async def answer_nodes(
    info: Info, type_name: str, ids: Sequence[int], path: Sequence[str]
) -> dict[int, Tree] | None:
    """The answers of the `type_name` objects `ids` that the current field returns at
    `path` (a connection's ("edges", "node")) by id, or None when their selection needs
    the resolvers."""
    selections: list[Selection] | None = selections_below(info)
    for name in path:
        selections = _below(selections or [], name)
    sql = None if selections is None else _statement(info, type_name, selections, many=True)
    if sql is None:
        return None
    found = await _fetch(info, sql, ids)
    return {id: Tree(answer) for id, answer in found.items()}


async def _fetch(info: Info, sql: str, ids: Sequence[int]) -> dict[int, Any]:
    """A root field runs once per request: its statement goes straight out. A field below
    may run once per parent (every outlet's `articles`): the request's `trees` loader
    sends one statement for all of them. (The loader's futures and extra turns of the
    event loop cost a root field ~0.1 ms: 10% of Q1.)"""
    if info.path.prev is None:
        async with info.context.reads.acquire() as conn:
            return await trees_db.fetch_trees(conn, sql=sql, ids=ids)
    found = await info.context.loaders.trees.load_many([(sql, id) for id in ids])
    return {id: answer for id, answer in zip(ids, found, strict=True) if answer is not None}


def _statement(
    info: Info, type_name: str, selections: list[Selection], *, many: bool
) -> str | None:
    if not info.context.settings.factdesk_sql_trees:
        return None
    picks = picks_of(selections, type_name)
    return None if picks is None else trees_db.tree_sql(type_name, picks, many=many)


def selections_below(info: Info) -> list[Selection]:
    return [s for field in info.selected_fields for s in field.selections]


def _below(selections: list[Selection], name: str) -> list[Selection] | None:
    """What is selected below the field `name`, when it is selected under one key only
    (the same objects cannot answer `a: node { x }` and `b: node { y }` at once)."""
    fields = _fields(selections, "")
    if fields is None:
        return None
    named = [f for f in fields if f.name == name]
    if len({f.alias or f.name for f in named}) != 1:
        return None
    if any(f.arguments or f.directives for f in named):
        return None
    return [s for f in named for s in f.selections]


def picks_of(selections: Iterable[Selection], type_name: str) -> tuple[Pick, ...] | None:
    """The selection as Picks, fields of one key merged as GraphQL merges them; None when
    something in it needs the resolvers."""
    fields = _fields(selections, type_name)
    if fields is None:
        return None
    merged: dict[str, tuple[str, int | None, list[Selection]]] = {}
    for f in fields:
        key = f.alias or f.name
        first = _first(f.arguments)
        if first is False or f.directives:
            return None
        if merged.get(key, (f.name, first))[:2] != (f.name, first):
            return None
        merged.setdefault(key, (f.name, first, []))[2].extend(f.selections)
    picks = []
    for key, (name, first, below) in merged.items():
        known = trees_db.field_of(type_name, name)
        if known is None:
            return None
        children: tuple[Pick, ...] = ()
        if known.type is not None:
            found = picks_of(below, known.type)
            if found is None:
                return None
            children = found
        picks.append(Pick(key, name, children, first))
    return tuple(picks)


def _first(arguments: dict[str, Any]) -> int | Literal[False] | None:
    """A list's `first` (None when not given), or False for any other argument. A literal
    arrives as its text, a variable as its value; the cost check has checked its range."""
    if not arguments:
        return None
    value = arguments.get("first")
    if set(arguments) != {"first"} or isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return False


def _fields(selections: Iterable[Selection], type_name: str) -> list[SelectedField] | None:
    """The fields selected on `type_name` through its fragments; None for a fragment that
    is conditional or on another type (a union member, say)."""
    found: list[SelectedField] = []
    for selection in selections:
        if isinstance(selection, SelectedField):
            found.append(selection)
            continue
        if selection.directives or selection.type_condition not in (None, type_name, "Node"):
            return None
        inner = _fields(selection.selections, type_name)
        if inner is None:
            return None
        found += inner
    return found
