"""What a query selects, as the statement writer sees it (db/selection.Pick): the walk of a
validated operation that service/graphql/compiler.py plans.

Fragments on the type itself, on Node or SearchHit, aliases and repeated fields are merged
as GraphQL merges them; `@skip`/`@include` with a literal are applied here, with a
variable once per value it may take (each an operation shape of its own, chosen per
request). A plain list's `first` is a literal or a variable; a connection below an object
(an entity's mentions, articles or quotes, an outlet's articles, an article's copies, a
fact's history) keeps its field, whose paging arguments are read per request, and so does
a root connection (LISTED). Anything else raises
NotCompiledError, naming what the executor is left to answer (bench/fallback_rate.py
counts them).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from graphql import (
    BooleanValueNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    Visitor,
    visit,
)

from service.db import trees as trees_db
from service.db.operations import Root
from service.db.selection import Pick
from service.relations import Cardinality, relation

# The roots a statement answers, and the arguments each may be given.
ROOTS = {
    "fact": {"id", "asOf"},
    "entity": {"id", "name"},
    "article": {"id", "slug"},
    "outlets": {"first"},
    **{
        name: {"first", "after", "last", "before", "filter", "orderBy"}
        for name in ("articles", "entities", "facts", "quotes", "figures")
    },
    "node": {"id"},
    "nodes": {"ids"},
    "search": {"query", "first"},
    "changes": {"first", "after"},
}
ROOT_TYPES = {"fact": "Fact", "entity": "Entity", "article": "Article", "outlets": "Outlet"}
# The root connections, and the type of their items.
LISTED = {
    "articles": "Article",
    "entities": "Entity",
    "facts": "Fact",
    "quotes": "Quote",
    "figures": "Figure",
    "changes": "Change",
}
# What `node` and `nodes` may be (ids.TYPE_NAMES), and each abstract type of the schema with
# the object types it stands for (tests/graphql/test_compiled_nodes.py checks both).
NODE_TYPES = ("Article", "Entity", "Fact", "Figure", "Judgement", "Outlet", "Quote")
ABSTRACT = {
    "Node": frozenset(NODE_TYPES),
    "SearchHit": frozenset({"Article", "Entity", "Quote", "Fact"}),
}
CONNECTION = {"edges", "pageInfo", "totalCount", "__typename"}
# Variables a document's @skip/@include may read: each is a shape per combination.
MAX_CONDITIONS = 3


class NotCompiledError(Exception):
    """Something in the operation only the executor answers (the message says what)."""


@dataclass(frozen=True, slots=True)
class Paged:
    """A connection below an object: the type it is a field of, the field as written (its
    paging arguments are read per request) and the type of its items."""

    parent: str
    node: FieldNode
    child: str


@dataclass(frozen=True, slots=True)
class Shape:
    """The roots an operation selects under one set of @skip/@include conditions."""

    roots: tuple[Root, ...]
    nodes: Mapping[str, FieldNode]  # root key -> the field
    pages: Mapping[str, Paged]  # Pick.page -> the connection
    per_request: bool  # a list's `first` is a variable, or a page's window is read per request


@dataclass
class _Walk:
    fragments: Mapping[str, FragmentDefinitionNode]
    conditions: Mapping[str, bool]  # this shape's value of each condition variable
    pages: dict[str, Paged] = field(default_factory=dict)


def operation_of(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
        raise NotCompiledError("not one query")
    return operations[0]


class _ConditionVariables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_directive(self, node: DirectiveNode, *_: object) -> None:
        given = node.arguments or ()
        self.names |= {a.value.name.value for a in given if isinstance(a.value, VariableNode)}


def condition_variables(document: DocumentNode) -> tuple[str, ...]:
    """The variables @skip/@include read anywhere in the document, sorted."""
    found = _ConditionVariables()
    visit(document, found)
    if len(found.names) > MAX_CONDITIONS:
        raise NotCompiledError("conditions")
    return tuple(sorted(found.names))


def shapes_of(
    document: DocumentNode, operation: OperationDefinitionNode, names: tuple[str, ...]
) -> dict[tuple[bool, ...], Shape | None]:
    """The operation's shape for each combination of its condition variables (None where
    that one holds what only the executor answers); raises when none compiles."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    shapes: dict[tuple[bool, ...], Shape | None] = {}
    refused: NotCompiledError | None = None
    for values in itertools.product((False, True), repeat=len(names)):
        try:
            walk = _Walk(fragments, dict(zip(names, values, strict=True)))
            shapes[values] = _shape(operation, walk)
        except NotCompiledError as error:
            shapes[values], refused = None, error
    if refused is not None and not any(shapes.values()):
        raise refused
    return shapes


def _shape(operation: OperationDefinitionNode, walk: _Walk) -> Shape:
    roots: list[Root] = []
    nodes: dict[str, FieldNode] = {}
    for key, merged in _merged(_fields(operation.selection_set, "Query", walk)).items():
        name = merged[0].name.value
        if name == "__typename":
            roots.append(Root(key, "typename"))
            continue
        if name not in ROOTS or len(merged) != 1:
            raise NotCompiledError(f"Query.{name}")
        node = nodes[key] = merged[0]
        given = {a.name.value for a in node.arguments or ()}
        if not given <= ROOTS[name]:
            raise NotCompiledError(f"Query.{name}({', '.join(sorted(given - ROOTS[name]))}:)")
        if name in LISTED:
            picks = _connection(merged, LISTED[name], walk, key)
            roots.append(Root(key, name, picks))
        elif name in ("node", "nodes", "search"):
            # Which type a row is is known per request: a selection for each it may be.
            below = _child_selections(merged)
            types = sorted(ABSTRACT["SearchHit"]) if name == "search" else NODE_TYPES
            by_type = tuple((t, _picks(below, t, walk, f"{key}/{t}")) for t in types)
            roots.append(Root(key, name, by_type=by_type))
        else:
            picks = _picks(_child_selections(merged), ROOT_TYPES[name], walk, key)
            roots.append(Root(key, name, picks))
    per_request = bool(walk.pages) or any(
        _has_variable_first(root.picks) or any(_has_variable_first(p) for _, p in root.by_type)
        for root in roots
    )
    return Shape(tuple(roots), nodes, walk.pages, per_request)


def _has_variable_first(picks: tuple[Pick, ...]) -> bool:
    return any(p.first_variable is not None or _has_variable_first(p.picks) for p in picks)


def _included(directives: Iterable[DirectiveNode], walk: _Walk) -> bool:
    """Whether @skip/@include (with a literal, or this shape's value of a variable) keep
    the selection; any other directive is the executor's."""
    keep = True
    for directive in directives:
        name, arguments = directive.name.value, directive.arguments or ()
        if name not in ("skip", "include") or len(arguments) != 1:
            raise NotCompiledError(f"@{name}")
        value = arguments[0].value
        if isinstance(value, BooleanValueNode):
            condition = value.value
        elif isinstance(value, VariableNode):
            condition = walk.conditions[value.name.value]
        else:
            raise NotCompiledError(f"@{name}")
        keep = keep and (condition if name == "include" else not condition)
    return keep


def _fields(
    selection_set: SelectionSetNode | None,
    type_name: str,
    walk: _Walk,
    visited: set[str] | None = None,
) -> list[FieldNode]:
    """The fields selected on `type_name`, through fragments on it or on an abstract type
    it belongs to; a fragment on another type (below `node`, say, `... on Quote` or `... on
    SearchHit` asked of a Figure) selects nothing of it. Each named fragment is read once
    per selection, as GraphQL's CollectFields reads it (`visited`): a fragment spread twice
    in each of 25 fragments is 25 fragments, not 2**25."""
    visited = set() if visited is None else visited
    found: list[FieldNode] = []
    for selection in selection_set.selections if selection_set else ():
        if not _included(selection.directives or (), walk):
            continue
        if isinstance(selection, FieldNode):
            found.append(selection)
            continue
        if isinstance(selection, FragmentSpreadNode):
            if selection.name.value in visited:
                continue
            visited.add(selection.name.value)
            fragment: InlineFragmentNode | FragmentDefinitionNode = walk.fragments[
                selection.name.value
            ]
            if fragment.directives:
                raise NotCompiledError("directive on a fragment definition")
        else:
            assert isinstance(selection, InlineFragmentNode)
            fragment = selection
        condition = fragment.type_condition.name.value if fragment.type_condition else None
        if condition in (None, type_name) or type_name in ABSTRACT.get(condition, ()):
            found += _fields(fragment.selection_set, type_name, walk, visited)
    return found


def _merged(fields: Iterable[FieldNode]) -> dict[str, list[FieldNode]]:
    """Fields by response key, in order of first appearance, as GraphQL merges them
    (validation has checked that one key means one field with one set of arguments)."""
    merged: dict[str, list[FieldNode]] = {}
    for f in fields:
        merged.setdefault(f.alias.value if f.alias else f.name.value, []).append(f)
    return merged


def _child_selections(nodes: list[FieldNode]) -> SelectionSetNode:
    """The selections below every node of one response key, together."""
    return SelectionSetNode(
        selections=tuple(s for n in nodes if n.selection_set for s in n.selection_set.selections)
    )


def _picks(
    selection_set: SelectionSetNode, type_name: str, walk: _Walk, path: str
) -> tuple[Pick, ...]:
    picks = []
    for key, nodes in _merged(_fields(selection_set, type_name, walk)).items():
        name = nodes[0].name.value
        known = trees_db.field_of(type_name, name)
        if known is None:
            raise NotCompiledError(f"{type_name}.{name}")
        if known.type is not None and any(n.selection_set is None for n in nodes):
            raise NotCompiledError(f"{type_name}.{name}")
        here = f"{path}.{key}"
        tied = relation(type_name, name)
        if tied is not None and tied.cardinality is Cardinality.PAGE and known.type is not None:
            walk.pages[here] = Paged(type_name, nodes[0], known.type)
            picks.append(Pick(key, name, _connection(nodes, known.type, walk, here), page=here))
            continue
        first, first_variable = _first(nodes[0])
        children: tuple[Pick, ...] = ()
        if known.type is not None:
            children = _picks(_child_selections(nodes), known.type, walk, here)
        picks.append(Pick(key, name, children, first, first_variable))
    return tuple(picks)


def _first(node: FieldNode) -> tuple[int | None, str | None]:
    """A plain list's `first`: (a literal's value, or a variable's name). An `asOf: null`
    asks for now, as no `asOf` does; any other argument is the executor's."""
    arguments = [
        a
        for a in node.arguments or ()
        if not (a.name.value == "asOf" and isinstance(a.value, NullValueNode))
    ]
    if not arguments:
        return None, None
    if len(arguments) != 1 or arguments[0].name.value != "first":
        raise NotCompiledError(f"{node.name.value}({arguments[-1].name.value}:)")
    value = arguments[0].value
    if isinstance(value, VariableNode):
        return None, value.name.value
    if not isinstance(value, IntValueNode):
        raise NotCompiledError(f"{node.name.value}(first: null)")
    return int(value.value), None


def _connection(nodes: list[FieldNode], child: str, walk: _Walk, path: str) -> tuple[Pick, ...]:
    """A page of `child` items: edges (cursor, node), pageInfo and totalCount."""
    picks = []
    selected = _fields(_child_selections(nodes), f"{child}Connection", walk)
    for key, below in _merged(selected).items():
        name = below[0].name.value
        if name not in CONNECTION or any(n.arguments for n in below):
            raise NotCompiledError(f"{child}Connection.{name}")
        if name == "edges":
            edge_picks = []
            edges = _fields(_child_selections(below), f"{child}Edge", walk)
            for edge_key, edge_nodes in _merged(edges).items():
                edge_field = edge_nodes[0].name.value
                if edge_field == "node":
                    node = _picks(_child_selections(edge_nodes), child, walk, f"{path}.{edge_key}")
                    edge_picks.append(Pick(edge_key, "node", node))
                elif edge_field in ("cursor", "__typename"):
                    edge_picks.append(Pick(edge_key, edge_field))
                else:
                    raise NotCompiledError(f"{child}Edge.{edge_field}")
            picks.append(Pick(key, name, tuple(edge_picks)))
        elif name == "pageInfo":
            info = _merged(_fields(_child_selections(below), "PageInfo", walk))
            picks.append(Pick(key, name, tuple(Pick(k, n[0].name.value) for k, n in info.items())))
        else:
            picks.append(Pick(key, name))
    return tuple(picks)


def resolved(
    roots: tuple[Root, ...],
    values: Mapping[str, Any] | None,
    windows: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[Root, ...]:
    """The roots with each variable `first` as this request gives it and each page read
    as its window asks (`values` None: the lists' bounds and pages read forwards, to see
    whether a statement can be built at all)."""
    return tuple(
        replace(
            root,
            picks=_with_request(root.picks, values, windows or {}),
            by_type=tuple((t, _with_request(p, values, windows or {})) for t, p in root.by_type),
        )
        for root in roots
    )


Windows = Mapping[str, tuple[str, ...]]  # Pick.page -> its options this request


def _with_request(
    picks: tuple[Pick, ...], values: Mapping[str, Any] | None, windows: Windows
) -> tuple[Pick, ...]:
    found = []
    for pick in picks:
        first = pick.first
        if pick.first_variable is not None and values is not None:
            first = values.get(pick.first_variable)
            if not isinstance(first, int):
                raise NotCompiledError("first: null")  # the executor reports it
        options = windows.get(pick.page, ()) if pick.page is not None else ()
        below = _with_request(pick.picks, values, windows)
        found.append(replace(pick, picks=below, first=first, first_variable=None, options=options))
    return tuple(found)
