"""Shorter paths through graphql-core and strawberry for the fields most answers are made of.

Most fields of an answer are attributes of an already built object (Article.headline,
Figure.value). graphql-core gives each of them the full treatment: a resolve-info object,
argument coercion, strawberry's resolver wrapper, an awaitable check and the generic value
completion. For a field that strawberry itself resolves by reading an attribute (no
resolver, no arguments, no permissions or extensions) and whose type is a scalar or an
enum, this executor reads the attribute and coerces it as graphql-core would, and leaves
everything else (objects, lists, nulls where null is not allowed, coercion errors) to
graphql-core, so errors are reported exactly as before.

Fields with a resolver that takes only `self` and `info` (Article.outlet, Citation.excerpt)
are resolved by graphql-core calling that method directly (`direct_resolvers`), without
strawberry's per-call wrapper that converts arguments and chains field extensions, which
such a field has none of.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.execution.executor import to_nodes
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField
from strawberry.types.info import Info

STRAWBERRY_FIELD = "strawberry-definition"  # where strawberry keeps a field's definition
DIRECT = "_factdesk_direct"  # marks the resolvers `direct_resolvers` installs


@lru_cache(maxsize=1024)
def plain_leaf(
    schema: GraphQLSchema, type_name: str, field_name: str
) -> tuple[str, GraphQLLeafType, bool] | None:
    """(attribute, scalar or enum type, nullable) when the field is a plain attribute."""
    parent = schema.get_type(type_name)
    if not isinstance(parent, GraphQLObjectType) or field_name not in parent.fields:
        return None
    field = parent.fields[field_name]
    definition = (field.extensions or {}).get(STRAWBERRY_FIELD)
    if not isinstance(definition, StrawberryField) or not definition.is_basic_field:
        return None
    if field.args:
        return None
    nullable = not isinstance(field.type, GraphQLNonNull)
    leaf = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if not is_leaf_type(leaf):
        return None
    return definition.python_name, leaf, nullable


_SLOW = object()  # this value needs graphql-core's general path


def _coerced(plain: tuple[str, GraphQLLeafType, bool], source: Any) -> Any:
    """The plain field's value of `source` as graphql-core would return it, else _SLOW."""
    attribute, leaf, nullable = plain
    value = getattr(source, attribute, None)
    if value is None:
        return None if nullable else _SLOW
    try:
        coerced = leaf.coerce_output_value(value)
    except Exception:  # graphql-core reports it on the general path
        return _SLOW
    return _SLOW if coerced is None or coerced is Undefined else coerced


@lru_cache(maxsize=1024)
def direct_object(
    schema: GraphQLSchema, type_name: str, field_name: str
) -> tuple[GraphQLField, GraphQLObjectType] | None:
    """(field, object type) when the field has a direct resolver returning one object."""
    parent = schema.get_type(type_name)
    if not isinstance(parent, GraphQLObjectType) or field_name not in parent.fields:
        return None
    field = parent.fields[field_name]
    named = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
    if field.args or not getattr(field.resolve, DIRECT, False):
        return None
    return (field, named) if isinstance(named, GraphQLObjectType) else None


class FactdeskExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Per grouped field set of this operation: its plain leaves, or None.
        self._leaf_plans: dict[int, tuple[Any, list[tuple[str, Any]] | None]] = {}

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        manager = self.middleware_manager
        if manager is None or not manager.middlewares:  # no middleware may see this field
            name = field_details_list[0].node.name.value
            plain = plain_leaf(self.schema, parent_type.name, name)
            if plain is not None:
                value = _coerced(plain, source)
                if value is not _SLOW:
                    return value
            else:
                target = direct_object(self.schema, parent_type.name, name)
                if target is not None:
                    leaves = self._leaves(target[1], field_details_list)
                    if leaves is not None:
                        return self._object_of_leaves(
                            target,
                            leaves,
                            parent_type,
                            source,
                            field_details_list,
                            path,
                            position_context,
                        )
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    def _leaves(
        self, object_type: GraphQLObjectType, field_details_list: FieldDetailsList
    ) -> list[tuple[str, Any]] | None:
        """(response key, plain leaf or the type name) for each field selected on the
        object, when every one is a plain leaf or __typename; None otherwise."""
        grouped, deferred, _ = self.collect_subfields(object_type, field_details_list)
        held = self._leaf_plans.get(id(grouped))
        if held is not None:
            return held[1]
        plan: list[tuple[str, Any]] | None = [] if not deferred else None
        for key, details in grouped.items():
            if plan is None:
                break
            name = details[0].node.name.value
            if name == "__typename":
                plan.append((key, object_type.name))
                continue
            plain = plain_leaf(self.schema, object_type.name, name)
            if plain is None:
                plan = None
            else:
                plan.append((key, plain))
        self._leaf_plans[id(grouped)] = (grouped, plan)  # kept alive: its id stays unique
        return plan

    def _object_of_leaves(
        self,
        target: tuple[GraphQLField, GraphQLObjectType],
        leaves: list[tuple[str, Any]],
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        """Resolves an object field and completes its plain leaves in one step; anything
        unusual in the result goes to graphql-core's completion, which reports it."""
        field, object_type = target
        return_type = field.type
        info = self.build_resolve_info(field, to_nodes(field_details_list), parent_type, path)
        try:
            result = field.resolve(source, info)  # type: ignore[misc]
            if self.is_awaitable(result):
                return self.complete_awaitable_value(
                    return_type, field_details_list, info, path, result, position_context
                )
            if result is not None and (
                object_type.is_type_of is None or object_type.is_type_of(result, info) is True
            ):
                answer: dict[str, Any] = {}
                for key, plain in leaves:
                    value = plain if isinstance(plain, str) else _coerced(plain, result)
                    if value is _SLOW:
                        break
                    answer[key] = value
                else:
                    return answer
            completed = self.complete_value(
                return_type, field_details_list, info, path, result, position_context
            )
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        if self.is_awaitable(completed):  # not for plain leaves; as graphql-core would
            return self._reported(completed, return_type, field_details_list, path)
        return completed

    async def _reported(
        self,
        completed: Any,
        return_type: Any,
        field_details_list: FieldDetailsList,
        path: Path,
    ) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None


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
    resolver = definition.base_resolver
    if (
        resolver is None
        or definition.is_async
        or definition.arguments
        or definition.extensions
        or definition.permission_classes
    ):
        return None
    method = resolver.wrapped_func
    if not inspect.isfunction(method):  # a staticmethod or classmethod: left to strawberry
        return None
    names = list(inspect.signature(method).parameters)
    if names == ["self"]:

        def direct(source: Any, info: Any) -> Any:
            return method(source)

    elif names == ["self", "info"]:

        def direct(source: Any, info: Any) -> Any:
            return method(source, Info(_raw_info=info, _field=definition))

    else:
        return None
    setattr(direct, DIRECT, True)
    return direct
