"""Shorter paths through graphql-core and strawberry for the fields most answers are made of.

graphql-core gives every field of an answer the full treatment: a resolve-info object,
argument coercion, strawberry's resolver wrapper, an awaitable check and the generic value
completion, about 5 microseconds a field. Most fields need none of it: they read an
attribute of an object the prefetch already built (Figure.value), or call a synchronous
`(self[, info])` method (Citation.excerpt) whose answer is already loaded.

For a field whose whole selection is made of such fields (`plans.py`), this executor
completes the selection in one pass of plain Python. If anything there is unusual (an
exception, a null where null is not allowed, a value that does not coerce, a result that
is not ready yet), the pass gives up and graphql-core completes the field from the
resolver's result, so every answer and every error is exactly graphql-core's.

Fields with a direct resolver are resolved by graphql-core calling that method directly
(`direct_resolvers`), without strawberry's per-call wrapper that converts arguments and
chains field extensions, which such a field has none of.

Execution keeps to the request's deadline (`DEADLINE`) by itself: asyncio's timeout only
fires at an await, and completing a large answer from rows already loaded never awaits.
For the same reason it hands the event loop back by itself: every value completed after a
resolver's await is completed in a slice that pauses once the loop's turn is spent
(`pacing.py`), so /healthz and small requests are served while a large answer completes.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from contextvars import ContextVar, Token
from time import monotonic
from typing import Any

from graphql import ExecutionResult, GraphQLObjectType, GraphQLSchema, Undefined
from graphql.execution.collect_fields import FieldDetailsList
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField
from strawberry.types.info import Info
from strawberry.types.unset import UNSET

from service.graphql.pacing import (
    SLICE,
    complete,
    in_slice,
    pause_if_spent,
    turn_with_time_left,
)
from service.graphql.plans import DIRECT, STRAWBERRY_FIELD, Step, plan_children, plan_field
from service.graphql.trees import Tree

_SLOW = object()  # this value needs graphql-core's general path

# When the operation being executed must stop (`monotonic()`), set by the view around it.
DEADLINE: ContextVar[float] = ContextVar("graphql_deadline", default=math.inf)
# Fields and objects completed between two looks at the clock (each takes microseconds).
_CHECK_EVERY = 64


def start_deadline(seconds: float) -> Token[float]:
    """Operations executed from here on (in this context) stop ``seconds`` from now."""
    return DEADLINE.set(monotonic() + seconds)


class DeadlinePassedError(BaseException):
    """The operation ran past DEADLINE. A BaseException, as CancelledError is: graphql-core
    catches every Exception of a field and answers null in its place, so an Exception
    would let the rest of the answer go on being completed, one error per field."""


class FactdeskExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = DEADLINE.get()
        self._countdown = 0  # the first field looks at the clock
        # Per (object type, field group) of this operation: its step or None. The group is
        # kept alive with it so that its id stays unique, as graphql-core's own memo does.
        self._steps: dict[tuple[GraphQLObjectType, int], tuple[FieldDetailsList, Step | None]]
        self._steps = {}
        self._fast = self.middleware_manager is None or not self.middleware_manager.middlewares
        settings = getattr(self.context_value, "settings", None)
        self._slice = SLICE if settings is None else settings.factdesk_graphql_completion_slice

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        self._keep_to_deadline()
        step = self._step(parent_type, field_details_list) if self._fast else None
        if step is None:
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        if step.field is None:
            return step.attribute  # __typename
        if step.plain_leaf:
            value = _coerced(step, getattr(source, step.attribute, None))
            if value is not _SLOW:
                return value
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        info = self.build_resolve_info(step.field, step.nodes, parent_type, path)
        try:
            if step.resolve is None:
                result = getattr(source, step.attribute, None)
            else:
                result = step.resolve(source, info, **self._arguments(step))
                if self.is_awaitable(result):
                    return self.complete_awaitable_value(
                        step.field.type, field_details_list, info, path, result, position_context
                    )
            value = self._value(step, result, path, info)
            if value is not _SLOW:
                return value
            completed = self.complete_value(
                step.field.type, field_details_list, info, path, result, position_context
            )
        except Exception as raw_error:
            self.handle_field_error(raw_error, step.field.type, field_details_list, path)
            return None
        if self.is_awaitable(completed):  # as graphql-core would
            return self._reported(completed, step, field_details_list, path)
        return completed

    def complete_value(
        self,
        return_type: Any,
        field_details_list: FieldDetailsList,
        info: Any,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        if type(result) is Tree:  # built by one statement, already completed (trees.py)
            return result.answer
        if in_slice():
            return super().complete_value(
                return_type, field_details_list, info, path, result, position_context
            )
        # From the loop's side (after a resolver's await): in a slice that can pause.
        return complete(
            super().complete_value,
            return_type,
            field_details_list,
            info,
            path,
            result,
            position_context,
            seconds=self._slice,
        )

    async def complete_awaitable_value(
        self,
        return_type: Any,
        field_details_list: FieldDetailsList,
        info: Any,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        # Hundreds of resolvers started by one completion run in one turn of the loop, as
        # tasks of a gather: past the turn's slice, the rest start at a later turn.
        await turn_with_time_left(self._slice)
        return await super().complete_awaitable_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def build_response(self, data: dict[str, Any] | None) -> Any:
        response = super().build_response(data)
        if isinstance(response, ExecutionResult):  # complete: nothing will resolve again
            # graphql-core keeps its own bound methods in `async_helpers`; that cycle held
            # the whole request (context, loaders and every loaded row, plans) until a
            # full collection, 30-55 ms under load (tests/graphql/test_memory.py).
            self.__dict__.pop("async_helpers", None)
            self._steps.clear()
        return response

    def _step(self, parent_type: GraphQLObjectType, details: FieldDetailsList) -> Step | None:
        held = self._steps.get((parent_type, id(details)))
        if held is not None:
            return held[1]
        step = plan_field(self.schema, parent_type, details, self._children)
        self._steps[(parent_type, id(details))] = (details, step)
        return step

    def _children(
        self, object_type: GraphQLObjectType, details: FieldDetailsList
    ) -> tuple[Step, ...] | None:
        return plan_children(
            self.collect_subfields(object_type, details),
            lambda child: self._step(object_type, child),
        )

    def _value(self, step: Step, result: Any, path: Path, info: Any) -> Any:
        """The completed value of `result` for the step's field, or _SLOW."""
        if result is None:
            return None if step.nullable else _SLOW
        if not step.is_list:
            return self._one(step, result, path, info)
        if not isinstance(result, list):
            return _SLOW
        items: list[Any] = []
        for index, item in enumerate(result):
            if item is None:
                if not step.items_nullable:
                    return _SLOW
                items.append(None)
                continue
            value = self._one(step, item, path.add_key(index, None), info)
            if value is _SLOW:
                return _SLOW
            items.append(value)
        return items

    def _keep_to_deadline(self) -> None:
        self._countdown -= 1
        if self._countdown < 0:
            self._countdown = _CHECK_EVERY
            now = monotonic()
            if now > self._deadline:
                raise DeadlinePassedError
            pause_if_spent(now)

    def _one(self, step: Step, result: Any, path: Path, info: Any) -> Any:
        """One non-null scalar or object of the step's type, completed, or _SLOW."""
        object_type = step.object_type
        if object_type is None:
            return _coerced(step, result)
        self._keep_to_deadline()
        if type(result) is Tree:  # built by one statement, already completed (trees.py)
            return result.answer
        if object_type.is_type_of is not None and object_type.is_type_of(result, info) is not True:
            return _SLOW
        answer: dict[str, Any] = {}
        for child in step.children:
            if child.plain_leaf:
                value = _coerced(child, getattr(result, child.attribute, None))
            elif child.field is None:
                value = child.attribute  # __typename
            else:
                value = self._resolved(child, object_type, result, path)
            if value is _SLOW:
                return _SLOW
            answer[child.key] = value
        return answer

    def _resolved(
        self, step: Step, parent_type: GraphQLObjectType, source: Any, parent_path: Path
    ) -> Any:
        """A field with a resolver or an object or list type, completed, or _SLOW."""
        path = parent_path.add_key(step.key, parent_type.name)
        info = None
        if step.resolve is None:
            result = getattr(source, step.attribute, None)
        else:
            assert step.field is not None
            info = self.build_resolve_info(step.field, step.nodes, parent_type, path)
            try:
                result = step.resolve(source, info, **self._arguments(step))
            except Exception:  # graphql-core reports it, on the general path
                return _SLOW
            if self.is_awaitable(result):
                if inspect.iscoroutine(result):
                    result.close()  # never awaited: graphql-core calls the resolver again
                return _SLOW
        return self._value(step, result, path, info)

    def _arguments(self, step: Step) -> dict[str, Any]:
        """The field's arguments as graphql-core coerces them (none given: the resolver's
        defaults, which are the schema's)."""
        if not step.arguments:
            return {}
        assert step.field is not None
        return get_argument_values(step.field, step.nodes[0], self.variable_values)

    async def _reported(
        self, completed: Any, step: Step, field_details_list: FieldDetailsList, path: Path
    ) -> Any:
        assert step.field is not None
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, step.field.type, field_details_list, path)
            return None


def _coerced(step: Step, value: Any) -> Any:
    """The leaf value as graphql-core would serialize it, else _SLOW."""
    if value is None:
        return None if step.nullable else _SLOW
    assert step.leaf is not None
    try:
        coerced = step.leaf.coerce_output_value(value)
    except Exception:  # graphql-core reports it on the general path
        return _SLOW
    return _SLOW if coerced is None or coerced is Undefined else coerced


def _scalar(annotation: Any) -> bool:
    return annotation in (int, str, bool, float)


def direct_resolvers(schema: GraphQLSchema) -> None:
    """Points every field whose resolver is a plain synchronous `(self[, info])` method
    straight at that method (see the module docstring)."""
    for named in schema.type_map.values():
        if not isinstance(named, GraphQLObjectType) or named.name.startswith("__"):
            continue
        for field in named.fields.values():
            definition = (field.extensions or {}).get(STRAWBERRY_FIELD)
            if isinstance(definition, StrawberryField):
                direct = _direct(definition)
                if direct is not None:
                    field.resolve = direct


def _direct(definition: StrawberryField) -> Callable[..., Any] | None:
    """A direct resolver, or None. Arguments are allowed when each is a scalar whose GraphQL
    name is its Python name and which has a default (a plain list's `first`): graphql-core
    passes them coerced, by that name, so strawberry has nothing to convert."""
    resolver = definition.base_resolver
    if (
        resolver is None
        or definition.is_async
        or definition.extensions
        or definition.permission_classes
    ):
        return None
    method = resolver.wrapped_func
    if not inspect.isfunction(method):  # a staticmethod or classmethod: left to strawberry
        return None
    names = list(inspect.signature(method).parameters)
    arguments = [a.python_name for a in definition.arguments]
    if any(
        a.graphql_name not in (None, a.python_name)
        or "_" in a.python_name  # camel-cased in the schema
        or a.default is UNSET
        or not _scalar(a.type)
        for a in definition.arguments
    ):
        return None
    if names == ["self", *arguments]:

        def direct(source: Any, info: Any, **values: Any) -> Any:
            return method(source, **values)

    elif names == ["self", "info", *arguments]:

        def direct(source: Any, info: Any, **values: Any) -> Any:
            return method(source, Info(_raw_info=info, _field=definition), **values)

    else:
        return None
    setattr(direct, DIRECT, True)
    return direct
