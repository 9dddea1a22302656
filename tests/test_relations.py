"""The relation map (service/relations.py) covers every relation field of the schema, and
what walks relations (the SQL trees, prefetch) is derived from it."""

from __future__ import annotations

from graphql import GraphQLObjectType, get_named_type

from service.db import trees
from service.db.paging import MAX_PAGE
from service.graphql import prefetch
from service.graphql.schema import schema
from service.relations import RELATIONS, Cardinality

# Types that hold no row of their own: the roots, and the shapes around a page or a write.
WRAPPERS = ("Query", "Mutation", "Subscription")
WRAPPER_SUFFIXES = ("Connection", "Edge", "Payload")


def _row_types() -> dict[str, GraphQLObjectType]:
    return {
        name: t
        for name, t in schema._schema.type_map.items()
        if isinstance(t, GraphQLObjectType)
        and not name.startswith("__")
        and name not in WRAPPERS
        and not name.endswith(WRAPPER_SUFFIXES)
    }


def test_every_relation_field_of_the_schema_is_in_the_map() -> None:
    """A field that returns objects, or takes arguments (a page), walks from its parent's
    row to others: adding one without describing it in the map fails here."""
    missing = [
        f"{type_name}.{field_name}"
        for type_name, object_type in _row_types().items()
        for field_name, field in object_type.fields.items()
        if (isinstance(get_named_type(field.type), GraphQLObjectType) or field.args)
        and field_name not in RELATIONS.get(type_name, {})
    ]
    assert missing == [], f"add these to service/relations.py RELATIONS: {missing}"


def test_every_relation_of_the_map_is_a_field_of_that_type() -> None:
    types = schema._schema.type_map
    for type_name, fields in RELATIONS.items():
        object_type = types[type_name]
        assert isinstance(object_type, GraphQLObjectType), type_name
        for field_name, relation in fields.items():
            field = object_type.fields[field_name]
            returns = get_named_type(field.type).name
            where = f"{type_name}.{field_name}"
            if relation.cardinality is Cardinality.PAGE:
                assert returns == f"{relation.child}Connection", where
            elif relation.child is not None:
                assert returns == relation.child, where
            else:
                assert not isinstance(get_named_type(field.type), GraphQLObjectType), where
            if relation.cardinality is not Cardinality.SAME:
                assert relation.table is not None, where


def test_prefetch_follows_every_relation_but_pages() -> None:
    expected = {
        (t, f)
        for t, fields in RELATIONS.items()
        for f, r in fields.items()
        if r.cardinality is not Cardinality.PAGE
    }
    found = {(t, f) for t, edges in prefetch.GRAPH.items() for f in edges}
    # and the fields that read editors' judgements, warmed beside the map
    judged = {(t, f) for t, edges in prefetch.JUDGED.items() for f in edges}
    assert found == expected | judged
    assert prefetch.GRAPH["Fact"]["values"].child == "SourcedValue"


def test_the_statement_answers_only_relations_of_the_map() -> None:
    for type_name, fields in trees.TYPES.items():
        for field_name, known in fields.items():
            relation = RELATIONS.get(type_name, {}).get(field_name)
            if known.type is not None:  # an object: a relation, never a column
                assert relation is not None, f"{type_name}.{field_name}"
                assert relation.child == known.type
    # The ones it answers itself, and the ones it leaves to the resolvers.
    assert trees.field_of("Article", "quotes") is not None
    assert trees.field_of("Article", "entities") is not None  # through a link table
    assert trees.field_of("Quote", "otherReports") is not None  # keyed by statement, not id
    assert trees.field_of("Quote", "citation") is not None  # its row seen as a figure's
    assert trees.field_of("Outlet", "articles") is not None  # a connection, paged per request
    # a union of events, paged per request (db/history.history_page)
    assert trees.field_of("Fact", "history") is not None


def test_every_plain_list_defaults_to_its_bound_in_the_map() -> None:
    """A plain list's `first` defaults to the map's bound, which the SQL statement applies
    too; a list of rows in the map has one, at most a connection's largest page."""
    types = schema._schema.type_map
    for type_name, fields in RELATIONS.items():
        object_type = types[type_name]
        assert isinstance(object_type, GraphQLObjectType)
        for field_name, relation in fields.items():
            first = object_type.fields[field_name].args.get("first")
            where = f"{type_name}.{field_name}"
            if relation.cardinality is Cardinality.PAGE or relation.child is None:
                continue
            if relation.bound is None:
                assert first is None, where
                continue
            assert 0 < relation.bound <= MAX_PAGE, where
            assert first is not None, where
            assert first.default_value == relation.bound, where
