"""Whole operations compiled to one SQL statement whose text is the answer's `data`.

A validated query whose every root field is `fact(id:)` (now or `asOf` a past time),
`entity(id:|name:)`, `article(id:|slug:)`, `outlets`, a window of a root connection
(`articles`, `entities`, `facts`, `quotes`, `figures`: `first`/`after` or `last`/`before`,
narrowed by their filter, in any `orderBy`), `node`, `nodes`, `search` or `__typename`,
and whose selections below hold only fields db/trees.py answers (walked by
service/graphql/shapes.py: fragments, aliases, @skip/@include, plain lists' `first`,
connections below an object with their windows), runs as one statement
(db/operations.py, db/root_pages.py). Its JSON text goes out as it is (`orjson.Fragment`,
service/graphql/compiled_answers.py), never decoded.

Plans are kept per (document, operation name), like the parser and validation caches; the
arguments (literals, variables, defaults, explicit nulls alike) are read per request and
choose among the statements of a plan (the direction, the filters given, the conditions).
Anything else, and any request whose arguments the statement cannot take (a malformed id,
a blank name, a statement that fails), is answered by the
executor: the limits ran before either, and timeouts, error masking and metrics wrap both
alike. tests/graphql/test_compiled.py requires the same bytes from both.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from graphql import DocumentNode, GraphQLObjectType, GraphQLSchema, OperationDefinitionNode
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values

from service.db import articles as articles_db
from service.db import operations as operations_db
from service.db import search as search_db
from service.db.operations import Root, Statement
from service.db.outlets import outlet_key
from service.db.paging import Window
from service.errors import InvalidIdError
from service.graphql.context import page_size
from service.graphql.limits import GraphQLLimits
from service.graphql.shapes import (
    NotCompiledError,
    Paged,
    Shape,
    condition_variables,
    operation_of,
    resolved,
    shapes_of,
)
from service.graphql.types.common import utc, window
from service.graphql.types.order import sorted_window
from service.ids import (
    decode_event_cursor,
    decode_id,
    decode_id_cursor,
    decode_time_cursor,
    optional_id,
)
from service.lookup import name_keys, split_name_keys, word_keys
from service.search_text import bounded_search

CACHE_SIZE = 256
Decode = Callable[[str | None, str], Any]  # a cursor's decoder (service/ids.py)
PASSED_SIZE = 64  # variable sets remembered per plan as within the cost limit


@dataclass(frozen=True, slots=True)
class Plan:
    """A compiled operation: its shape per value of the variables its @skip/@include read
    (`conditions`), whose arguments (literals, variables, defaults) are read per request;
    what they ask (a window read backwards, filters) picks one of the statements of the
    shape's roots (operation_sql)."""

    shapes: Mapping[tuple[bool, ...], Shape | None]
    conditions: tuple[str, ...]
    operation: OperationDefinitionNode
    document: DocumentNode
    # (limits, variables as JSON) the cost check has let through (it depends on nothing
    # else), with what they bind: the statement and its arguments, or None (the executor's).
    passed: dict[tuple[GraphQLLimits, bytes], tuple[Statement, list[object]] | None] = field(
        default_factory=dict
    )


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
        plan: Plan | None = _compile(document, operation_name)
    except NotCompiledError:
        plan = None
    _plans[key] = plan
    if len(_plans) > CACHE_SIZE:
        _plans.popitem(last=False)
    return plan


def refusal(document: DocumentNode, operation_name: str | None) -> str | None:
    """What in the operation only the executor answers (bench/fallback_rate.py), or None
    when it compiles."""
    try:
        _compile(document, operation_name)
    except NotCompiledError as error:
        return str(error)
    return None


def known_plan(limits: GraphQLLimits, query: str | None, operation_name: str | None) -> Plan | None:
    """The plan of a document that has already parsed, validated and compiled here (its
    next requests need neither again), or None."""
    # The body is the client's JSON: anything but text is the full path's to refuse.
    if not isinstance(query, str) or not isinstance(operation_name, str | None):
        return None
    plans = _plans_by_limits.get(limits)
    return None if plans is None else plans.get((query, operation_name))


def _compile(document: DocumentNode, operation_name: str | None) -> Plan:
    operation = operation_of(document, operation_name)
    conditions = condition_variables(document)
    shapes = shapes_of(document, operation, conditions)
    # Each shape's statement of arguments that add nothing (each other one is built alike).
    for values, shape in shapes.items():
        if shape is not None and operations_db.operation_sql(resolved(shape.roots, None)) is None:
            shapes = {**shapes, values: None}
    if not any(shapes.values()):
        raise NotCompiledError("statement")
    return Plan(shapes, conditions, operation, document)


def bind(
    plan: Plan, schema: GraphQLSchema, variables: Mapping[str, Any]
) -> tuple[Statement, list[object]] | None:
    """The statement for this request's arguments and its parameters, or None when the
    executor must answer (it reports what is wrong with them, or answers null without
    reading)."""
    coerced = get_variable_values(
        schema, plan.operation.variable_definitions or (), dict(variables)
    )
    if isinstance(coerced, list):
        return None
    conditions = tuple(coerced.coerced.get(name) for name in plan.conditions)
    if not all(isinstance(value, bool) for value in conditions):
        return None  # a null condition: the executor reports it
    shape = plan.shapes.get(conditions)  # type: ignore[arg-type]  # bools, checked above
    if shape is None:
        return None
    query_type = schema.query_type
    assert query_type is not None
    roots: list[Root] = []
    found: dict[tuple[str, str], object] = {}
    windows: dict[str, tuple[str, ...]] = {}
    try:
        for root in shape.roots:
            if root.kind == "typename":
                roots.append(root)
                continue
            node = shape.nodes[root.key]
            given = get_argument_values(query_type.fields[node.name.value], node, coerced)
            bound = _bound(root, given)
            if bound is None:
                return None
            roots.append(bound[0])
            found.update({(root.key, name): value for name, value in bound[1].items()})
        for path, paged in shape.pages.items():
            windows[path], values = _page_window(schema, paged, coerced)
            found.update({(path, name): value for name, value in values.items()})
    except Exception:  # the executor reports it (a bad id, cursor, page size or search)
        return None
    try:
        concrete = resolved(tuple(roots), coerced.coerced, windows) if shape.per_request else roots
    except NotCompiledError:
        return None
    statement = operations_db.operation_sql(tuple(concrete))
    if statement is None:
        return None
    return statement, [found[argument] for argument in statement.arguments]


def _page_window(
    schema: GraphQLSchema, paged: Paged, coerced: VariableValues
) -> tuple[tuple[str, ...], dict[str, object]]:
    """A connection below an object as this request pages it: its options ("from_end") and
    the statement's values for its window (db/trees.py's parameters)."""
    parent = schema.get_type(paged.parent)
    assert isinstance(parent, GraphQLObjectType)
    given = get_argument_values(parent.fields[paged.node.name.value], paged.node, coerced)
    arguments = {name: given.get(name) for name in ("first", "after", "last", "before")}
    options = ("from_end",) if arguments["last"] is not None and arguments["first"] is None else ()
    if paged.child == "Article":  # (published time, id) cursors
        paging: Window[Any] = window(decode_time_cursor, **arguments)
        after, before = paging.after, paging.before
        return options, {
            "size": paging.size,
            "after": after[0] if after else None,
            "after_id": after[1] if after else None,
            "before": before[0] if before else None,
            "before_id": before[1] if before else None,
        }
    if paged.child == "FactEvent":  # (at, kind's place, figure, tie) cursors
        events = window(decode_event_cursor, **arguments)
        values: dict[str, object] = {"size": events.size}
        for side, key in (("after", events.after), ("before", events.before)):
            parts = zip(("at", "order", "figure", "tie"), key or (None,) * 4, strict=True)
            values |= {f"{side}_{name}": part for name, part in parts}
        return options, values
    paging = window(decode_id_cursor, **arguments)
    return options, {"size": paging.size, "after": paging.after, "before": paging.before}


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
    if root.kind == "article":
        article_id = optional_id(given.get("id"), "Article")
        if article_id is not None:
            return root, {"id": article_id}
        if given.get("slug") is None:
            return None  # null, without reading: the executor's
        return replace(root, options=("slug",)), {"slug": given["slug"]}
    if root.kind == "outlets":
        return root, {"first": given["first"]}
    if root.kind == "entity":
        entity_id = optional_id(given.get("id"), "Entity")
        if entity_id is not None:
            return root, {"id": entity_id}
        name = given.get("name")
        if not isinstance(name, str) or not name.strip():
            return None
        own, other = split_name_keys(name.strip())
        keys: dict[str, object] = {"name": name.strip()}
        if len(own) > operations_db.KEYS_WRITTEN or len(other) > operations_db.KEYS_WRITTEN:
            named = Root(root.key, "entity_named", root.picks)
            return named, {**keys, "name_keys": own, "other_keys": other}
        # Each key its own parameter (db/operations.py): the statement's plan is kept.
        named = Root(root.key, "entity_named", root.picks, (f"keys:{len(own)}:{len(other)}",))
        keys |= {f"name_key_{i}": key for i, key in enumerate(own)}
        return named, keys | {f"other_key_{i}": key for i, key in enumerate(other)}
    if root.kind == "articles":
        return _articles(root, given)
    return _listed(root, given)


def _paged(
    root: Root, given: Mapping[str, Any], options: tuple[str, ...], decode: Decode
) -> tuple[Root, dict[str, object]]:
    """A root connection's window as these arguments ask for it: newest first or by id
    (read by `decode`), or in the `orderBy` given; backwards for `last`."""
    paging_arguments = {name: given.get(name) for name in ("first", "after", "last", "before")}
    order = given.get("orderBy")
    paging: Window[Any]
    if order is None:
        paging = window(decode, **paging_arguments)
    else:
        field, direction = order["field"].name, order["direction"].name
        paging = sorted_window(field, **paging_arguments)
        options += (f"order:{field}:{direction}",)
    if paging.from_end:
        options += ("from_end",)
    after, before = paging.after, paging.before
    # The size and the sides given shape the statement (db/root_pages.window_sql).
    options += (f"size:{int(paging.size)}",)
    options += ("after",) * (after is not None) + ("before",) * (before is not None)
    values: dict[str, object] = {}
    if order is None and decode is decode_id_cursor:  # by id: the key is the id
        values |= {"after": after, "before": before}
    else:
        values |= {
            "after_key": after[0] if after else None,
            "after_id": after[1] if after else None,
            "before_key": before[0] if before else None,
            "before_id": before[1] if before else None,
        }
    return Root(root.key, root.kind, root.picks, options), values


def _articles(root: Root, given: Mapping[str, Any]) -> tuple[Root, dict[str, object]] | None:
    flt = given.get("filter") or {}
    outlet_id, key = None, None
    if flt.get("outlet"):  # by id, else by name (as lookup.outlet_id_from reads it)
        try:
            outlet_id = decode_id(flt["outlet"], "Outlet")[1]
        except InvalidIdError:
            key = outlet_key(flt["outlet"])
    values = articles_db.filter_values(
        articles_db.ArticleFilter(
            outlet_id=outlet_id,
            outlet_key=key,
            entity_id=optional_id(flt.get("mentions"), "Entity"),
            published_after=flt.get("publishedAfter"),
            published_before=flt.get("publishedBefore"),
            search=bounded_search(flt.get("search"), field="filter.search"),
        )
    )
    bound, paging = _paged(root, given, tuple(values), decode_time_cursor)
    return bound, {**paging, **values}


def _listed(root: Root, given: Mapping[str, Any]) -> tuple[Root, dict[str, object]]:
    """`entities`, `facts`, `quotes`, `figures` or `changes`: their filter's values as the
    executor reads them (Query in service/graphql/queries.py), NULL for one not given."""
    flt = given.get("filter") or {}
    options: tuple[str, ...] = ()
    values: dict[str, object]
    if root.kind == "entities":
        kind = flt.get("kind")
        values = {"kind": kind.name if kind else None}
        search = bounded_search(flt.get("search") or None, field="filter.search")
        if search is not None:
            options = ("search",)
            values |= {"search_keys": name_keys(search), "search": search}
    elif root.kind == "facts":
        values = {
            "subject": optional_id(flt.get("subject"), "Entity"),
            "property": flt.get("property"),
            "disputed": flt.get("disputed"),
        }
    elif root.kind == "quotes":
        values = {
            "speaker": optional_id(flt.get("speaker"), "Entity"),
            "article": optional_id(flt.get("article"), "Article"),
            "search": bounded_search(flt.get("search"), field="filter.search"),
        }
    elif root.kind == "changes":  # the whole feed, no filter
        values = {}
    else:  # figures
        values = {
            "article": optional_id(flt.get("article"), "Article"),
            "subject": optional_id(flt.get("subject"), "Entity"),
            "property": flt.get("property"),
            "unit": flt.get("unit"),
        }
    # The filters given (not NULL) are written into the statement, and only theirs
    # (db/root_pages.py): `$n IS NULL OR` for the others kept a generic plan off indexes.
    values = {name: value for name, value in values.items() if value is not None}
    options += tuple(name for name in values if name not in {*options, "search_keys"})
    bound, paging = _paged(root, given, options, decode_id_cursor)
    return bound, {**paging, **values}
