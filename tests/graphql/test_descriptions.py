"""Every type, field, argument, input field and enum value of the public schema is described."""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
)

from service.graphql.schema import schema


def undescribed(built: GraphQLSchema) -> list[str]:
    """Schema coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) that
    carry no description; introspection's own types are graphql-core's to describe."""
    missing = []
    for name, named in sorted(built.type_map.items()):
        if name.startswith("__"):
            continue
        if not (named.description or "").strip():
            missing.append(name)
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in named.fields.items():
                if not (field.description or "").strip():
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in field.args.items():
                    if not (arg.description or "").strip():
                        missing.append(f"{name}.{field_name}({arg_name}:)")
        elif isinstance(named, GraphQLInputObjectType):
            for field_name, input_field in named.fields.items():
                if not (input_field.description or "").strip():
                    missing.append(f"{name}.{field_name}")
        elif isinstance(named, GraphQLEnumType):
            for value_name, value in named.values.items():
                if not (value.description or "").strip():
                    missing.append(f"{name}.{value_name}")
    return missing


def test_every_part_of_the_schema_is_described() -> None:
    assert undescribed(schema._schema) == []


def test_an_undescribed_part_is_named() -> None:
    built = build_schema(
        """
        "A root." type Query { "A field." a(x: Int, "Described." y: Int): E, b: Int }
        enum E { "One." ONE TWO }
        input I { "Described." p: Int q: Int }
        type T { "Described." f: I }
        """
    )
    assert undescribed(built) == ["E", "E.TWO", "I", "I.q", "Query.a(x:)", "Query.b", "T"]
