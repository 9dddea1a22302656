"""Whole operations compiled to one SQL statement whose text is the answer's `data`.

A validated query whose every root field is `fact(id:)`, `entity(id:|name:)`, a forward
page of `articles` (`first`, `after`; default order, no filter) or `__typename`, and whose
selections below hold only fields db/trees.py answers (fragments on the type itself or
Node, aliases, literal `first` on plain lists; no directives), runs as one statement
(db/operations.py). Its JSON text goes out as it is (`orjson.Fragment`), never decoded.

Plans are kept per (document, operation name), like the parser and validation caches.
Anything else, and any request whose arguments the statement cannot take as they are (a
malformed id, a blank name, a statement that fails), is answered by the executor: the
limits ran before either, and timeouts, error masking and metrics wrap both alike.
tests/graphql/test_compiled.py requires the same bytes from both.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import orjson
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    StringValueNode,
    VariableNode,
)
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql.execution.values import get_variable_values
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from service.db import operations as operations_db
from service.db import trees as trees_db
from service.db.operations import Root, Statement
from service.db.trees import Pick
from service.graphql.context import Context
from service.graphql.errors import count_operation
from service.graphql.limits import GraphQLLimits, check_cost
from service.graphql.types.common import window
from service.ids import decode_time_cursor, optional_id
from service.lookup import split_name_keys

CACHE_SIZE = 256
PASSED_SIZE = 64  # variable sets remembered per plan as within the cost limit
# The roots a statement answers, and the arguments each may be given.
ROOTS = {"fact": {"id"}, "entity": {"id", "name"}, "articles": {"first", "after"}}
CONNECTION = {"edges", "pageInfo", "totalCount", "__typename"}


@dataclass(frozen=True, slots=True)
class Plan:
    """A compiled operation: the statement, and each root's arguments as written (a
    literal's value, or a variable's name) to bind per request."""

    statement: Statement
    roots: tuple[Root, ...]
    arguments: Mapping[str, Mapping[str, Any]]  # root key -> argument -> value or Variable
    operation: OperationDefinitionNode
    document: DocumentNode
    # (limits, variables as JSON) the cost check has let through: it depends on nothing else.
    passed: dict[tuple[GraphQLLimits, bytes], None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Variable:
    name: str


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
    arguments: dict[str, dict[str, Any]] = {}
    for key, nodes in _merged(_fields(operation.selection_set, "Query", fragments)).items():
        name = nodes[0].name.value
        if name == "__typename":
            roots.append(Root(key, "typename"))
            continue
        if name not in ROOTS or len(nodes) != 1:
            raise _NotCompiledError
        given = {a.name.value: _argument(a.value) for a in nodes[0].arguments or ()}
        if not set(given) <= ROOTS[name]:
            raise _NotCompiledError
        arguments[key] = given
        if name == "articles":
            picks = _connection(nodes[0].selection_set, fragments)
            roots.append(Root(key, "articles", picks))
        else:
            type_name = "Fact" if name == "fact" else "Entity"
            picks = _picks(_child_selections(nodes), type_name, fragments)
            kind = "entity_named" if name == "entity" and "id" not in given else name
            if kind == "entity_named" and "name" not in given:
                raise _NotCompiledError
            roots.append(Root(key, kind, picks))
    statement = operations_db.operation_sql(tuple(roots))
    if statement is None:
        raise _NotCompiledError
    return Plan(statement, tuple(roots), arguments, operation, document)


def _argument(value: Any) -> Any:
    if isinstance(value, VariableNode):
        return Variable(value.name.value)
    if isinstance(value, StringValueNode):
        return value.value
    if isinstance(value, IntValueNode):
        return int(value.value)
    raise _NotCompiledError  # null, enums, objects: the executor's


def _fields(
    selection_set: SelectionSetNode | None,
    type_name: str,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> list[FieldNode]:
    """The fields selected on `type_name`, through fragments on it (or Node)."""
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
        if condition not in (None, type_name, "Node") or fragment.directives:
            raise _NotCompiledError
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
        first = _first(nodes[0])
        known = trees_db.field_of(type_name, name)
        if known is None:
            raise _NotCompiledError
        children: tuple[Pick, ...] = ()
        if known.type is not None:
            if any(n.selection_set is None for n in nodes):
                raise _NotCompiledError
            children = _picks(_child_selections(nodes), known.type, fragments)
        picks.append(Pick(key, name, children, first))
    return tuple(picks)


def _first(node: FieldNode) -> int | None:
    """A plain list's literal `first`; any other argument (or a variable) is the executor's."""
    arguments = node.arguments or ()
    if not arguments:
        return None
    if len(arguments) != 1 or arguments[0].name.value != "first":
        raise _NotCompiledError
    value = arguments[0].value
    if not isinstance(value, IntValueNode):
        raise _NotCompiledError
    return int(value.value)


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


def bind(plan: Plan, schema: GraphQLSchema, variables: Mapping[str, Any]) -> list[object] | None:
    """The statement's arguments for this request, or None when the executor must answer
    (it reports what is wrong with them, or answers null without reading)."""
    coerced = get_variable_values(
        schema, plan.operation.variable_definitions or (), dict(variables)
    )
    if isinstance(coerced, list):
        return None
    values = coerced.coerced
    found: dict[tuple[str, str], object] = {}
    for root in plan.roots:
        given = {
            name: values.get(value.name) if isinstance(value, Variable) else value
            for name, value in plan.arguments.get(root.key, {}).items()
        }
        bound = _bound(root, given)
        if bound is None:
            return None
        found.update({(root.key, name): value for name, value in bound.items()})
    return [found[argument] for argument in plan.statement.arguments]


def _bound(root: Root, given: Mapping[str, Any]) -> dict[str, object] | None:
    try:
        if root.kind == "typename":
            return {}
        if root.kind == "fact":
            return {"id": optional_id(given.get("id"), "Fact")} if given.get("id") else None
        if root.kind == "entity":
            entity_id = optional_id(given.get("id"), "Entity")
            return None if entity_id is None else {"id": entity_id}
        if root.kind == "entity_named":
            name = given.get("name")
            if not isinstance(name, str) or not name.strip():
                return None
            own, other = split_name_keys(name.strip())
            return {"name_keys": own, "other_keys": other, "name": name.strip()}
        paging = window(
            decode_time_cursor,
            first=given.get("first"),
            after=given.get("after"),
            last=None,
            before=None,
        )
    except Exception:  # the executor reports it (a bad id, cursor or page size)
        return None
    after = paging.after
    return {
        "size": paging.size,
        "after_time": after[0] if after else None,
        "after_id": after[1] if after else None,
    }


def compiled_operations(limits: GraphQLLimits) -> type[SchemaExtension]:
    """The extension of a schema served with `limits`."""

    class CompiledOperations(SchemaExtension):
        """Answers a compiled operation before the executor would (after the limits, which
        set a result of their own when they refuse it)."""

        async def on_execute(self) -> AsyncIterator[None]:
            context = self.execution_context
            request = context.context
            if (
                context.result is None
                and context.query is not None
                and context.graphql_document is not None
                and isinstance(request, Context)
                and request.settings.factdesk_sql_trees
            ):
                document = context.graphql_document
                plan = plan_of(limits, context.query, context.operation_name, document)
                if plan is not None:
                    schema = context.schema._schema
                    data = await _answer(plan, schema, context.variables, request)
                    if data is not None:
                        result = GraphQLExecutionResult(data=_fragment(data), errors=None)
                        context.result = result
            yield

    return CompiledOperations


async def answer_known(
    query: str | None,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    request: Context,
    limits: GraphQLLimits,
    schema: GraphQLSchema,
) -> ExecutionResult | None:
    """The answer of an operation compiled before, straight from its plan: no parsing,
    validation or extension pipeline again, only the cost check (it depends on the
    variables) and the statement. None when the request needs the full path (an unknown
    document, variables the cost check refuses, arguments the statement cannot take)."""
    plan = known_plan(limits, query, operation_name)
    if plan is None or not isinstance(variables, dict | None):
        return None
    if not request.settings.factdesk_sql_trees:
        return None
    started = time.perf_counter()
    try:
        checked = (limits, orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS))
    except orjson.JSONEncodeError:  # nothing GraphQL takes (an integer past 64 bits)
        return None
    if checked not in plan.passed:
        try:
            check_cost(
                schema,
                plan.document,
                operation_name=operation_name,
                variables=variables or {},
                max_cost=limits.max_cost,
                hide_suggestions=not limits.suggestions,
            )
        except GraphQLError:
            return None  # the full path answers with the error, as always
        if len(plan.passed) >= PASSED_SIZE:
            plan.passed.clear()
        plan.passed[checked] = None
    data = await _answer(plan, schema, variables, request)
    if data is None:
        return None
    count_operation(operation_name, "query", "ok", time.perf_counter() - started)
    return ExecutionResult(data=_fragment(data), errors=None)


def _fragment(data: bytes) -> Any:
    """The JSON as it is, for orjson to write into the response."""
    return orjson.Fragment(data)


async def _answer(
    plan: Plan, schema: GraphQLSchema, variables: Mapping[str, Any] | None, request: Context
) -> bytes | None:
    arguments = bind(plan, schema, variables or {})
    if arguments is None:
        return None
    try:
        async with request.reads.acquire() as conn:
            text = await operations_db.fetch_operation(
                conn, sql=plan.statement.sql, arguments=arguments
            )
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError):
        return None  # the executor meets the same failure, and reports it its own way
    data = text.encode()
    # The whole answer, {"data":...}, within the response cap (else the executor answers,
    # with its response_too_large error).
    if len(data) + len(b'{"data":}') > request.settings.factdesk_graphql_max_response_bytes:
        return None
    return data
