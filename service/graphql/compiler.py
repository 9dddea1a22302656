"""Whole operations compiled to one SQL statement whose text is the answer's `data`.

A validated query whose every root field is `fact(id:)` (now or `asOf` a past time),
`entity(id:|name:)`, a window of `articles` (`first`/`after` or `last`/`before`,
filtered by entity, time or words, in any `orderBy`) or `__typename`, and whose
selections below hold only fields db/trees.py answers (fragments on the type itself or
Node, aliases, `first` on plain lists as a literal or a variable; no directives), runs as
one statement (db/operations.py). Its JSON text goes out as it is (`orjson.Fragment`,
service/graphql/compiled_answers.py), never decoded.

Plans are kept per (document, operation name), like the parser and validation caches; the
arguments (literals, variables, defaults, explicit nulls alike) are read per request and
choose among the statements of a plan (the direction, the filters given). Anything else,
and any request whose arguments the statement cannot take (a malformed id, a blank name,
an outlet filter, a statement that fails), is answered by the
executor: the limits ran before either, and timeouts, error masking and metrics wrap both
alike. tests/graphql/test_compiled.py requires the same bytes from both.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
)
from graphql.execution.values import get_argument_values, get_variable_values

from service.db import articles as articles_db
from service.db import operations as operations_db
from service.db import search as search_db
from service.db import trees as trees_db
from service.db.operations import Root, Statement
from service.db.paging import Window
from service.db.selection import Pick
from service.errors import InvalidIdError
from service.graphql.context import page_size
from service.graphql.limits import GraphQLLimits
from service.graphql.types.common import utc, window
from service.graphql.types.order import sorted_window
from service.ids import decode_id, decode_time_cursor, optional_id
from service.lookup import name_keys, split_name_keys, word_keys
from service.search_text import bounded_search

CACHE_SIZE = 256
PASSED_SIZE = 64  # variable sets remembered per plan as within the cost limit
# The roots a statement answers, and the arguments each may be given.
ROOTS = {
    "fact": {"id", "asOf"},
    "entity": {"id", "name"},
    "articles": {"first", "after", "last", "before", "filter", "orderBy"},
    "node": {"id"},
    "nodes": {"ids"},
    "search": {"query", "first"},
}
# What `node` and `nodes` may be (ids.TYPE_NAMES), and each abstract type of the schema with
# the object types it stands for (tests/graphql/test_compiled_nodes.py checks both).
NODE_TYPES = ("Article", "Entity", "Fact", "Figure", "Judgement", "Outlet", "Quote")
ABSTRACT = {
    "Node": frozenset(NODE_TYPES),
    "SearchHit": frozenset({"Article", "Entity", "Quote", "Fact"}),
}
CONNECTION = {"edges", "pageInfo", "totalCount", "__typename"}


@dataclass(frozen=True, slots=True)
class Plan:
    """A compiled operation: its roots, and each root's field as written, whose arguments
    (literals, variables, defaults) are read per request; what they ask (a window read
    backwards, filters) picks one of the statements of these roots (operation_sql)."""

    roots: tuple[Root, ...]
    nodes: Mapping[str, FieldNode]  # root key -> the field
    operation: OperationDefinitionNode
    document: DocumentNode
    variable_firsts: bool  # a list's `first` is a variable: the roots are resolved per request
    # (limits, variables as JSON) the cost check has let through (it depends on nothing
    # else), with what they bind: the statement and its arguments, or None (the executor's).
    passed: dict[tuple[GraphQLLimits, bytes], tuple[Statement, list[object]] | None] = field(
        default_factory=dict
    )


class _NotCompiledError(Exception):
    """Something in the operation only the executor answers."""


# Per served configuration: a document another configuration's limits let through is not
# thereby let through here.
_plans_by_limits: dict[GraphQLLimits, OrderedDict[tuple[str, str | None], Plan | None]] = {}


def plan_of(
    limits: GraphQLLimits, query: str, operation_name: str | None, document: DocumentNode
) -> Plan | None:
    """The operation's plan, or None when the executor answers it; kept per document."""
    _plans = _plans_by_limits.setdefault(limits, OrderedDict())
    key = (query, operation_name)
    if key in _plans:
        _plans.move_to_end(key)
        return _plans[key]
    try:
        plan = _compile(document, operation_name)
    except _NotCompiledError:
        plan = None
    _plans[key] = plan
    if len(_plans) > CACHE_SIZE:
        _plans.popitem(last=False)
    return plan


def known_plan(limits: GraphQLLimits, query: str | None, operation_name: str | None) -> Plan | None:
    """The plan of a document that has already parsed, validated and compiled here (its
    next requests need neither again), or None."""
    # The body is the client's JSON: anything but text is the full path's to refuse.
    if not isinstance(query, str) or not isinstance(operation_name, str | None):
        return None
    plans = _plans_by_limits.get(limits)
    return None if plans is None else plans.get((query, operation_name))


def _compile(document: DocumentNode, operation_name: str | None) -> Plan:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation is not OperationType.QUERY:
        raise _NotCompiledError
    operation = operations[0]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    roots: list[Root] = []
    nodes: dict[str, FieldNode] = {}
    for key, merged in _merged(_fields(operation.selection_set, "Query", fragments)).items():
        name = merged[0].name.value
        if name == "__typename":
            roots.append(Root(key, "typename"))
            continue
        if name not in ROOTS or len(merged) != 1:
            raise _NotCompiledError
        node = nodes[key] = merged[0]
        given = {a.name.value for a in node.arguments or ()}
        if not given <= ROOTS[name]:
            raise _NotCompiledError
        if name == "articles":
            picks = _connection(node.selection_set, fragments)
            roots.append(Root(key, "articles", picks))
        elif name in ("node", "nodes", "search"):
            # Which type a row is is known per request: a selection for each it may be.
            below = _child_selections(merged)
            types = sorted(ABSTRACT["SearchHit"]) if name == "search" else NODE_TYPES
            by_type = tuple((t, _picks(below, t, fragments)) for t in types)
            roots.append(Root(key, name, by_type=by_type))
        else:
            type_name = "Fact" if name == "fact" else "Entity"
            picks = _picks(_child_selections(merged), type_name, fragments)
            roots.append(Root(key, name, picks))
    # The statement of arguments that add nothing (each other one is built alike).
    variable_firsts = any(
        _has_variable_first(root.picks) or any(_has_variable_first(p) for _, p in root.by_type)
        for root in roots
    )
    if operations_db.operation_sql(_resolved(tuple(roots), None)) is None:
        raise _NotCompiledError
    return Plan(tuple(roots), nodes, operation, document, variable_firsts)


def _has_variable_first(picks: tuple[Pick, ...]) -> bool:
    return any(p.first_variable is not None or _has_variable_first(p.picks) for p in picks)


def _fields(
    selection_set: SelectionSetNode | None,
    type_name: str,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> list[FieldNode]:
    """The fields selected on `type_name`, through fragments on it or on an abstract type
    it belongs to; a fragment on another type (below `node`, say, `... on Quote` or `... on
    SearchHit` asked of a Figure) selects nothing of it."""
    found: list[FieldNode] = []
    for selection in selection_set.selections if selection_set else ():
        if selection.directives:
            raise _NotCompiledError
        if isinstance(selection, FieldNode):
            found.append(selection)
            continue
        if isinstance(selection, FragmentSpreadNode):
            fragment: InlineFragmentNode | FragmentDefinitionNode = fragments[selection.name.value]
        else:
            assert isinstance(selection, InlineFragmentNode)
            fragment = selection
        condition = fragment.type_condition.name.value if fragment.type_condition else None
        if fragment.directives:
            raise _NotCompiledError
        if condition in (None, type_name) or type_name in ABSTRACT.get(condition, ()):
            found += _fields(fragment.selection_set, type_name, fragments)
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
    selection_set: SelectionSetNode, type_name: str, fragments: Mapping[str, FragmentDefinitionNode]
) -> tuple[Pick, ...]:
    picks = []
    for key, nodes in _merged(_fields(selection_set, type_name, fragments)).items():
        name = nodes[0].name.value
        first, first_variable = _first(nodes[0])
        known = trees_db.field_of(type_name, name)
        if known is None:
            raise _NotCompiledError
        children: tuple[Pick, ...] = ()
        if known.type is not None:
            if any(n.selection_set is None for n in nodes):
                raise _NotCompiledError
            children = _picks(_child_selections(nodes), known.type, fragments)
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
        raise _NotCompiledError
    value = arguments[0].value
    if isinstance(value, VariableNode):
        return None, value.name.value
    if not isinstance(value, IntValueNode):
        raise _NotCompiledError
    return int(value.value), None


def _with_firsts(picks: tuple[Pick, ...], values: Mapping[str, Any] | None) -> tuple[Pick, ...]:
    """The picks with each variable `first` as this request gives it (`values` None: the
    list's bound, to see whether a statement can be built at all)."""
    found = []
    for pick in picks:
        first = pick.first
        if pick.first_variable is not None and values is not None:
            first = values.get(pick.first_variable)
            if not isinstance(first, int):
                raise _NotCompiledError  # null: the executor reports it
        below = _with_firsts(pick.picks, values)
        found.append(replace(pick, picks=below, first=first, first_variable=None))
    return tuple(found)


def _resolved(roots: tuple[Root, ...], values: Mapping[str, Any] | None) -> tuple[Root, ...]:
    return tuple(
        replace(
            root,
            picks=_with_firsts(root.picks, values),
            by_type=tuple((t, _with_firsts(p, values)) for t, p in root.by_type),
        )
        for root in roots
    )


def _connection(
    selection_set: SelectionSetNode | None, fragments: Mapping[str, FragmentDefinitionNode]
) -> tuple[Pick, ...]:
    """A page of articles: edges (cursor, node), pageInfo and totalCount."""
    picks = []
    for key, nodes in _merged(_fields(selection_set, "ArticleConnection", fragments)).items():
        name = nodes[0].name.value
        if name not in CONNECTION or any(n.arguments for n in nodes):
            raise _NotCompiledError
        if name == "edges":
            below = []
            edges = _fields(_child_selections(nodes), "ArticleEdge", fragments)
            for edge_key, edge_nodes in _merged(edges).items():
                edge_field = edge_nodes[0].name.value
                if edge_field == "node":
                    node = _picks(_child_selections(edge_nodes), "Article", fragments)
                    below.append(Pick(edge_key, "node", node))
                elif edge_field in ("cursor", "__typename"):
                    below.append(Pick(edge_key, edge_field))
                else:
                    raise _NotCompiledError
            picks.append(Pick(key, name, tuple(below)))
        elif name == "pageInfo":
            info = _fields(_child_selections(nodes), "PageInfo", fragments)
            picks.append(
                Pick(key, name, tuple(Pick(k, n[0].name.value) for k, n in _merged(info).items()))
            )
        else:
            picks.append(Pick(key, name))
    return tuple(picks)


def bind(
    plan: Plan, schema: GraphQLSchema, variables: Mapping[str, Any]
) -> tuple[Statement, list[object]] | None:
    """The statement for this request's arguments and its parameters, or None when the
    executor must answer (it reports what is wrong with them, or answers null without
    reading, or asks what the statement does not: an outlet filter)."""
    coerced = get_variable_values(
        schema, plan.operation.variable_definitions or (), dict(variables)
    )
    if isinstance(coerced, list):
        return None
    query_type = schema.query_type
    assert query_type is not None
    roots: list[Root] = []
    found: dict[tuple[str, str], object] = {}
    for root in plan.roots:
        if root.kind == "typename":
            roots.append(root)
            continue
        node = plan.nodes[root.key]
        try:
            given = get_argument_values(query_type.fields[node.name.value], node, coerced)
            bound = _bound(root, given)
        except Exception:  # the executor reports it (a bad id, cursor, page size or search)
            return None
        if bound is None:
            return None
        roots.append(bound[0])
        found.update({(root.key, name): value for name, value in bound[1].items()})
    try:
        concrete = _resolved(tuple(roots), coerced.coerced) if plan.variable_firsts else roots
    except _NotCompiledError:
        return None
    statement = operations_db.operation_sql(tuple(concrete))
    if statement is None:
        return None
    return statement, [found[argument] for argument in statement.arguments]


def _node_of(global_id: str) -> tuple[str | None, int | None]:
    """(type, primary key) of an id `nodes` is given, (None, None) for none Factdesk issued."""
    try:
        return decode_id(global_id)
    except InvalidIdError:
        return None, None


def _bound(root: Root, given: Mapping[str, Any]) -> tuple[Root, dict[str, object]] | None:
    """The root as these arguments ask for it, and the statement's values for them."""
    if root.kind == "fact":
        if not given.get("id"):
            return None
        fact: dict[str, object] = {"id": optional_id(given["id"], "Fact")}
        at = utc(given.get("asOf"))
        if at is None:
            return root, fact
        return replace(root, options=("as_of",)), {**fact, "as_of": at}
    if root.kind == "node":  # a malformed id raises: the executor reports it
        kind, pk = decode_id(given["id"])
        return root, {"kinds": [kind], "ids": [pk]}
    if root.kind == "nodes":  # a malformed id is null in its place
        pairs = [_node_of(i) for i in given["ids"]]
        return root, {"kinds": [k for k, _ in pairs], "ids": [pk for _, pk in pairs]}
    if root.kind == "search":  # as Query.search reads it
        query = bounded_search(given["query"], field="query") or ""
        query = query if query.strip() else ""  # blank: no hits
        return root, search_db.search_arguments(
            query=query,
            keys=name_keys(query),
            limit=page_size(given.get("first")),
            word_keys=word_keys(query),
        )
    if root.kind == "entity":
        entity_id = optional_id(given.get("id"), "Entity")
        if entity_id is not None:
            return root, {"id": entity_id}
        name = given.get("name")
        if not isinstance(name, str) or not name.strip():
            return None
        own, other = split_name_keys(name.strip())
        named = Root(root.key, "entity_named", root.picks)
        return named, {"name_keys": own, "other_keys": other, "name": name.strip()}
    # articles
    flt = given.get("filter") or {}
    if flt.get("outlet"):
        return None  # looked up by id or by name: the executor's
    values = articles_db.filter_values(
        articles_db.ArticleFilter(
            entity_id=optional_id(flt.get("mentions"), "Entity"),
            published_after=flt.get("publishedAfter"),
            published_before=flt.get("publishedBefore"),
            search=bounded_search(flt.get("search"), field="filter.search"),
        )
    )
    paging_arguments = {name: given.get(name) for name in ("first", "after", "last", "before")}
    options: tuple[str, ...] = tuple(values)
    order = given.get("orderBy")
    paging: Window[Any]
    if order is None:
        paging = window(decode_time_cursor, **paging_arguments)
    else:
        field, direction = order["field"].name, order["direction"].name
        paging = sorted_window(field, **paging_arguments)
        options += (f"order:{field}:{direction}",)
    if paging.from_end:
        options += ("from_end",)
    after, before = paging.after, paging.before
    return Root(root.key, "articles", root.picks, options), {
        "size": paging.size,
        "after_key": after[0] if after else None,
        "after_id": after[1] if after else None,
        "before_key": before[0] if before else None,
        "before_id": before[1] if before else None,
        **values,
    }
