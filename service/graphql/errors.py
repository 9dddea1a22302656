"""What GraphQL clients see of an error, and what the logs see.

Every error a client sees has a stable `extensions.code`: Factdesk's own (FactdeskError
and the limits), and for the rest the codes Apollo Server made common, which client
libraries and gateways already know: GRAPHQL_PARSE_FAILED (the document is not GraphQL),
GRAPHQL_VALIDATION_FAILED (it does not fit the schema), BAD_USER_INPUT (a variable or
argument value does not fit its type). Unexpected errors are masked (`internal_error`), so
no stack trace, SQL or class name reaches clients unless FACTDESK_DEBUG is on. The logs
get every unexpected error with its traceback.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

import asyncpg
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import ExecutionResult

from service import metrics
from service.db.pool import is_connection_failure
from service.errors import (
    UNSTORABLE_MESSAGE,
    ArticleRetractedError,
    FactdeskError,
    is_unstorable_input,
)

log = logging.getLogger("factdesk.graphql")

DATABASE_UNAVAILABLE = "database_unavailable"
MASKED_MESSAGE = "Internal server error."
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
# graphql-core reports its `max_tokens` limit as a syntax error; it is a limit, and says so.
TOO_MANY_TOKENS = "too_many_tokens"


def is_unexpected(error: GraphQLError) -> bool:
    """A bug or an outage rather than a bad request: worth a log line with a traceback."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError | FactdeskError):
        return False
    if is_unstorable_input(original):
        return False
    return not (error.path is None and isinstance(original, ValueError | TypeError))


def error_code(error: GraphQLError) -> str | None:
    code = (error.extensions or {}).get("code")
    return code if isinstance(code, str) else None


def with_code(error: GraphQLError, code: str) -> GraphQLError:
    """`error` carrying `code`, unless it already has one of its own."""
    if error_code(error) is None:
        error.extensions = {**(error.extensions or {}), "code": code}
    return error


def client_error(error: GraphQLError, *, debug: bool) -> GraphQLError:
    """The error as the client may see it, always with an `extensions.code`."""
    original = error.original_error
    # Told apart by class: strawberry's parser cache raises them from a hook, past any
    # extension that could mark the parse phase.
    if isinstance(error, GraphQLSyntaxError) or isinstance(original, GraphQLSyntaxError):
        too_long = "Document contains more than" in error.message
        return with_code(error, TOO_MANY_TOKENS if too_long else PARSE_FAILED)
    if original is None or isinstance(original, GraphQLError):
        # graphql-core's own errors. Without a path, the document was refused before
        # anything ran: validation (the limit rules give their own codes; variables are
        # coerced, and coded, by the cost check before execution). With one, graphql-core
        # refused what a resolver returned (a null where none is allowed): a bug of ours.
        return with_code(error, "internal_error" if error.path else VALIDATION_FAILED)
    if isinstance(original, FactdeskError) and not is_connection_failure(original):
        extensions = {**(error.extensions or {}), "code": original.code}
        if original.field:
            extensions["field"] = original.field
        if isinstance(original, ArticleRetractedError) and original.retracted_at:
            extensions["retractedAt"] = original.retracted_at.isoformat()
            extensions["reason"] = original.reason
        return _replace(error, original.message, extensions)
    if error.path is None and isinstance(original, ValueError | TypeError):
        # input coercion ("Variable '$first' got invalid value ..."): the client's
        return with_code(error, BAD_USER_INPUT)
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
        outcome = "error" if context.result is not None and context.result.errors else "ok"
        count_operation(context.operation_name, kind, outcome, elapsed)


def count_operation(operation_name: str | None, kind: str, outcome: str, elapsed: float) -> None:
    """One operation in the metrics: by the executor (above) or compiled (compiler.py)."""
    name = metrics.operation_label(operation_name)
    metrics.child(metrics.GRAPHQL_OPERATIONS, name, kind, outcome).inc()
    metrics.child(metrics.GRAPHQL_LATENCY, name, kind).observe(elapsed)


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
