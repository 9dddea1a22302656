"""Answers of compiled operations: inside strawberry's pipeline (an extension, after the
limits) and, for a document compiled before, straight from its plan (`answer_known`).

The plans, and what a request's variables bind, are service/graphql/compiler.py's; this
runs the statement and hands its JSON text on as it is (`orjson.Fragment`). A statement
that fails, or an answer over the response cap, is left to the executor.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Mapping
from typing import Any

import asyncpg
import orjson
from graphql import DocumentNode, GraphQLError, GraphQLSchema, OperationType, get_operation_ast
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult

from service import metrics
from service.computed import fill
from service.db import operations as operations_db
from service.db.operations import Statement
from service.graphql.compiler import PASSED_SIZE, Plan, bind, known_plan, plan_of
from service.graphql.context import Context
from service.graphql.errors import count_operation
from service.graphql.limits import GraphQLLimits, check_cost


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
                and _is_query(context.graphql_document, context.operation_name)
            ):
                document = context.graphql_document
                plan = plan_of(limits, context.query, context.operation_name, document)
                schema = context.schema._schema
                try:
                    if plan is None:
                        raise FellBack("not_compiled")
                    data = await _answer(plan, schema, context.variables, request)
                except FellBack as fallback:
                    metrics.COMPILED_FALLBACKS.labels(fallback.reason).inc()
                else:
                    result = GraphQLExecutionResult(data=_fragment(data), errors=None)
                    context.result = result
            yield

    return CompiledOperations


class FellBack(Exception):  # noqa: N818 (not an error: the executor answers instead)
    """Why the executor answers a query the compiled path could not (metrics.FALLBACK_REASONS)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _is_query(document: DocumentNode, operation_name: str | None) -> bool:
    """Whether the operation run is a query: mutations and subscriptions are the
    executor's by design, not fallbacks."""
    operation = get_operation_ast(document, operation_name)
    return operation is not None and operation.operation is OperationType.QUERY


async def answer_known(
    query: str | None,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    request: Context,
    limits: GraphQLLimits,
    schema: GraphQLSchema,
) -> ExecutionResult | None:
    """The answer of an operation compiled before, straight from its plan: no parsing,
    validation or extension pipeline again; the cost check and binding once per set of
    variables, then only the statement. None when the request needs the full path (an unknown
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
    if checked in plan.passed:
        bound = plan.passed[checked]
    else:
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
        bound = bind(plan, schema, variables or {})
        if len(plan.passed) >= PASSED_SIZE:
            plan.passed.clear()
        plan.passed[checked] = bound
    if bound is None:
        return None
    try:
        data = await _fetch(bound, request)
    except FellBack:  # the full path runs it again, and counts why it falls back
        return None
    count_operation(operation_name, "query", "ok", time.perf_counter() - started)
    return ExecutionResult(data=_fragment(data), errors=None)


def _fragment(data: bytes) -> Any:
    """The JSON as it is, for orjson to write into the response."""
    return orjson.Fragment(data)


async def _answer(
    plan: Plan, schema: GraphQLSchema, variables: Mapping[str, Any] | None, request: Context
) -> bytes:
    bound = bind(plan, schema, variables or {})
    if bound is None:
        raise FellBack("arguments")
    return await _fetch(bound, request)


async def _fetch(bound: tuple[Statement, list[object]], request: Context) -> bytes:
    """The statement's `data` JSON; FellBack when the executor must answer instead."""
    statement, arguments = bound
    try:
        source = request.pool if statement.primary else request.reads
        async with source.acquire() as conn:
            text = await operations_db.fetch_operation(conn, sql=statement.sql, arguments=arguments)
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError) as error:
        # The executor meets the same failure, and reports it its own way.
        raise FellBack("statement_failed") from error
    data = fill(text).encode()
    # The whole answer, {"data":...}, within the response cap (else the executor answers,
    # with its response_too_large error).
    if len(data) + len(b'{"data":}') > request.settings.factdesk_graphql_max_response_bytes:
        raise FellBack("too_large")
    return data
