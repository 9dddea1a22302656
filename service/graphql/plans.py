"""Plans for completing a field's whole selection in one pass, without graphql-core.

A field can be planned when it is read either as a plain attribute or through a direct
`(self[, info][, scalar arguments])` resolver (see `execution.direct_resolvers`), returns a
scalar, an enum, an object type or a list of one of those, and every field selected below
it can be planned too. Unions, interfaces, arguments, @defer and fragment variables are
left to graphql-core. The plan is built once per operation and selection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache
from typing import Any

from graphql import (
    FieldNode,
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    is_leaf_type,
)
from graphql.execution.collect_fields import CollectedFields, FieldDetailsList
from strawberry.types.field import StrawberryField

STRAWBERRY_FIELD = "strawberry-definition"  # where strawberry keeps a field's definition
DIRECT = "_factdesk_direct"  # marks the resolvers `direct_resolvers` installs
SELECTION_DIRECTIVES = frozenset({"include", "skip"})  # already applied when fields are collected


@dataclass(frozen=True, slots=True)
class Step:
    """How to complete one selected field of an object."""

    key: str  # the response key (alias or name)
    field: GraphQLField | None  # None for __typename
    nodes: list[FieldNode]
    attribute: str  # read when `resolve` is None; the type name for __typename
    resolve: Callable[..., Any] | None
    arguments: bool  # the selection gives arguments: coerce them for `resolve` per call
    nullable: bool
    is_list: bool
    items_nullable: bool
    leaf: GraphQLLeafType | None  # a scalar or enum; else `object_type` with `children`
    object_type: GraphQLObjectType | None
    children: tuple[Step, ...]
    # An attribute holding one scalar or enum value: the executor's commonest case, tested
    # once per field of every object, so it is worked out once here.
    plain_leaf: bool = dataclass_field(init=False)

    def __post_init__(self) -> None:
        plain = self.leaf is not None and self.resolve is None and not self.is_list
        object.__setattr__(self, "plain_leaf", plain)  # frozen: set once, at construction


def typename_step(key: str, parent_type: GraphQLObjectType) -> Step:
    return Step(key, None, [], parent_type.name, None, False, False, False, False, None, None, ())


@lru_cache(maxsize=1024)
def field_source(
    schema: GraphQLSchema, parent_type: str, field_name: str
) -> tuple[str, Callable[..., Any] | None] | None:
    """(attribute, resolver or None) when the field may be planned, judged on the schema."""
    parent = schema.get_type(parent_type)
    if not isinstance(parent, GraphQLObjectType) or field_name not in parent.fields:
        return None
    field = parent.fields[field_name]
    definition = (field.extensions or {}).get(STRAWBERRY_FIELD)
    if not isinstance(definition, StrawberryField):
        return None
    if definition.is_basic_field and not field.args:
        return definition.python_name, None
    if getattr(field.resolve, DIRECT, False):
        return definition.python_name, field.resolve
    return None


def plan_field(
    schema: GraphQLSchema,
    parent_type: GraphQLObjectType,
    field_details_list: FieldDetailsList,
    plan_children: Callable[[GraphQLObjectType, FieldDetailsList], tuple[Step, ...] | None],
) -> Step | None:
    """The step for one field, or None when graphql-core must complete it."""
    first = field_details_list[0].node
    name = first.name.value
    key = first.alias.value if first.alias else name
    if name == "__typename":
        return typename_step(key, parent_type)
    for details in field_details_list:
        if details.defer_usage is not None or details.fragment_variable_values is not None:
            return None
        if any(d.name.value not in SELECTION_DIRECTIVES for d in details.node.directives or ()):
            return None
    source = field_source(schema, parent_type.name, name)
    if source is None:
        return None
    field = parent_type.fields[name]
    shape = _shape(field.type)
    if shape is None:
        return None
    nullable, is_list, items_nullable, named = shape
    attribute, resolve = source
    leaf: GraphQLLeafType | None = named if is_leaf_type(named) else None
    object_type = named if isinstance(named, GraphQLObjectType) else None
    if leaf is None and object_type is None:
        return None  # an interface or union: its runtime type is graphql-core's to resolve
    children = () if object_type is None else plan_children(object_type, field_details_list)
    if children is None:
        return None
    return Step(
        key=key,
        field=field,
        nodes=[details.node for details in field_details_list],
        attribute=attribute,
        resolve=resolve,
        arguments=any(details.node.arguments for details in field_details_list),
        nullable=nullable,
        is_list=is_list,
        items_nullable=items_nullable,
        leaf=leaf,
        object_type=object_type,
        children=children,
    )


def plan_children(
    collected: CollectedFields, plan_child: Callable[[FieldDetailsList], Step | None]
) -> tuple[Step, ...] | None:
    """The steps of every field selected on an object, or None if any cannot be planned."""
    if collected.new_defer_usages or collected.forbidden_directive_instances:
        return None
    steps = []
    for details in collected.grouped_field_set.values():
        step = plan_child(details)
        if step is None:
            return None
        steps.append(step)
    return tuple(steps)


def _shape(
    output: GraphQLOutputType,
) -> tuple[bool, bool, bool, GraphQLOutputType] | None:
    """(nullable, is a list, items nullable, named type); None for lists of lists."""
    nullable = not isinstance(output, GraphQLNonNull)
    inner = output.of_type if isinstance(output, GraphQLNonNull) else output
    if not isinstance(inner, GraphQLList):
        return nullable, False, False, inner
    item = inner.of_type
    items_nullable = not isinstance(item, GraphQLNonNull)
    named = item.of_type if isinstance(item, GraphQLNonNull) else item
    if isinstance(named, GraphQLList):
        return None
    return nullable, True, items_nullable, named
