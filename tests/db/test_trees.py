"""Which selections one statement answers, and which it leaves to the resolvers."""

from __future__ import annotations

from service.db.trees import MAX_KEYS, Pick, tree_sql

NAME = Pick("name", "name")


def test_known_fields_make_one_statement() -> None:
    sources = Pick("sources", "sources", (Pick("excerpt", "excerpt"),))
    values = Pick("values", "values", (Pick("value", "value"), sources))
    sql = tree_sql("Entity", (NAME, Pick("facts", "facts", (values,))))
    assert sql is not None
    assert sql.count("SELECT") >= 4  # entity, facts, value groups, citations' articles
    assert "ANY($1::bigint[])" in sql  # every parent's objects at once


def test_anything_else_is_left_to_the_resolvers() -> None:
    mentions = Pick("mentions", "mentions", (Pick("totalCount", "totalCount"),))
    assert tree_sql("Entity", (NAME, mentions)) is None  # a field it does not know
    assert tree_sql("Entity", (Pick("name", "name", (NAME,)),)) is None  # a leaf with a selection
    assert tree_sql("Entity", (Pick("facts", "facts"),)) is None  # an object without one
    assert tree_sql("Quote", (Pick("text", "text"),)) is None  # not a type trees start from
    # A citation is read with its article, which only a value's sources provide.
    assert tree_sql("Citation", (Pick("excerpt", "excerpt"),)) is None


def test_keys_are_names_and_objects_fit_json_build_object() -> None:
    assert tree_sql("Entity", (Pick("x'); DROP TABLE facts; --", "name"),)) is None
    many = tuple(Pick(f"a{i}", "name") for i in range(MAX_KEYS + 1))
    assert tree_sql("Entity", many) is None
    assert tree_sql("Entity", many[:MAX_KEYS]) is not None
