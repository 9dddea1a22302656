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
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField
from strawberry.types.info import Info

STRAWBERRY_FIELD = "strawberry-definition"  # where strawberry keeps a field's definition


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


class FactdeskExecutionContext(StrawberryGraphQLCoreExecutionContext):
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
                attribute, leaf, nullable = plain
                value = getattr(source, attribute, None)
                if value is None:
                    if nullable:
                        return None
                else:
                    try:
                        coerced = leaf.coerce_output_value(value)
                    except Exception:  # graphql-core reports it, below
                        coerced = None
                    if coerced is not None and coerced is not Undefined:
                        return coerced
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )


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
        return lambda source, _info: method(source)
    if names == ["self", "info"]:
        return lambda source, info: method(source, Info(_raw_info=info, _field=definition))
    return None
