"""Each GraphQL operation named in its request's access line and, when tracing is on,
traced as one span named like the operation (`query ArticlePage`, or `query` alone)."""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from service.logs import note_access
from service.tracing import span

# A client's operation name is free text up to the body's size: logs and spans take a head.
NAME_LIMIT = 128


def operation_of(context: ExecutionContext) -> tuple[str, str | None]:
    """(type, name) of the operation run: `unknown` when the document did not parse or
    names no operation; the name is None for an anonymous one."""
    try:
        kind = context.operation_type.value
    except (RuntimeError, KeyError, ValueError, AttributeError):
        kind = "unknown"
    name = context.operation_name
    return kind, name[:NAME_LIMIT] if name else None


class OperationSpan(SchemaExtension):
    """First of the schema's extensions, so that its span holds every other one's work."""

    def on_operation(self) -> Iterator[None]:
        with span("graphql") as current:
            yield
            kind, name = operation_of(self.execution_context)
            label = f"{kind} {name}" if name else kind
            note_access(operation=label, operation_type=kind, operation_name=name)
            if current is not None:
                current.update_name(label)
                current.set_attribute("graphql.operation.type", kind)
                if name:
                    current.set_attribute("graphql.operation.name", name)
