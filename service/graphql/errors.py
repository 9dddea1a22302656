"""What GraphQL clients see of an error, and what the logs see.

Clients get the message of our own errors (FactdeskError, GraphQL validation and syntax
errors) with a stable `extensions.code`; anything else is masked, so no stack trace, SQL or
class name reaches them unless FACTDESK_DEBUG is on. The logs get every unexpected error
with its traceback.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

import asyncpg
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import ExecutionResult

from service import metrics
from service.db.pool import is_connection_failure
from service.errors import UNSTORABLE_MESSAGE, FactdeskError, is_unstorable_input

log = logging.getLogger("factdesk.graphql")

DATABASE_UNAVAILABLE = "database_unavailable"
MASKED_MESSAGE = "Internal server error."


def is_unexpected(error: GraphQLError) -> bool:
    """A bug or an outage rather than a bad request: worth a log line with a traceback."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError | FactdeskError):
        return False
    if is_unstorable_input(original):
        return False
    return not (error.path is None and isinstance(original, ValueError | TypeError))


def client_error(error: GraphQLError, *, debug: bool) -> GraphQLError:
    """The error as the client may see it."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return error
    if isinstance(original, FactdeskError) and not is_connection_failure(original):
        extensions = {**(error.extensions or {}), "code": original.code}
        if original.field:
            extensions["field"] = original.field
        return _replace(error, original.message, extensions)
    if error.path is None and isinstance(original, ValueError | TypeError):
        return error  # input coercion ("Variable '$first' got invalid value ..."): the client's
    if is_unstorable_input(original):
        return _replace(
            error,
            UNSTORABLE_MESSAGE[0].upper() + UNSTORABLE_MESSAGE[1:] + ".",
            {"code": "invalid_argument"},
        )
    if is_connection_failure(original):
        return _replace(
            error,
            "The database is unavailable; retry shortly.",
            {"code": DATABASE_UNAVAILABLE},
        )
    if isinstance(original, asyncpg.QueryCanceledError):
        return _replace(
            error,
            "The query took too long and was cancelled.",
            {"code": "query_timeout"},
        )
    if debug:
        return _replace(
            error,
            f"{type(original).__name__}: {original}",
            {"code": "internal_error"},
        )
    return _replace(error, MASKED_MESSAGE, {"code": "internal_error"})


def _replace(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    return GraphQLError(
        message,
        error.nodes,
        error.source,
        error.positions,
        error.path,
        original_error=None,
        extensions=extensions,
    )


def error_extension(*, debug: bool) -> type[SchemaExtension]:
    class ClientErrors(SchemaExtension):
        """Rewrites the errors of the result once the operation is over (like MaskErrors)."""

        def on_operation(self) -> Iterator[None]:
            yield
            result = self.execution_context.result
            if isinstance(result, GraphQLExecutionResult | ExecutionResult) and result.errors:
                result.errors = [client_error(e, debug=debug) for e in result.errors]

    return ClientErrors


class OperationMetrics(SchemaExtension):
    """Counts and times each operation by its (bounded) name and type."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        elapsed = time.perf_counter() - started
        context = self.execution_context
        try:
            kind = context.operation_type.value
        except (RuntimeError, KeyError, ValueError, AttributeError):
            kind = "unknown"  # the document did not parse, or names no operation
        name = metrics.operation_label(context.operation_name)
        outcome = "error" if context.result is not None and context.result.errors else "ok"
        metrics.GRAPHQL_OPERATIONS.labels(name, kind, outcome).inc()
        metrics.GRAPHQL_LATENCY.labels(name, kind).observe(elapsed)


def log_errors(errors: list[GraphQLError]) -> None:
    """Unexpected errors at ERROR with their traceback; the client's own mistakes at DEBUG."""
    for error in errors:
        original = error.original_error
        if not is_unexpected(error):
            log.debug("graphql error: %s", error.message)
        elif is_connection_failure(original or error):
            log.warning("database unavailable during %s", error.path)
        else:
            assert original is not None
            log.error(
                "unexpected error in %s",
                error.path,
                exc_info=(type(original), original, original.__traceback__),
            )
