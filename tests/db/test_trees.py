"""Which selections one statement answers, and which it leaves to the resolvers."""

from __future__ import annotations

import asyncpg
import orjson
import pytest

from service.db.columns import COLUMNS
from service.db.selection import Pick, Scope
from service.db.trees import tree_sql

NAME = Pick("name", "name")


def test_known_fields_make_one_statement() -> None:
    sources = Pick("sources", "sources", (Pick("excerpt", "excerpt"),))
    values = Pick("values", "values", (Pick("value", "value"), sources))
    sql = tree_sql("Entity", (NAME, Pick("facts", "facts", (values,))), many=True)
    assert sql is not None
    assert sql.count("SELECT") >= 4  # entity, facts, value groups, citations' articles
    assert "ANY($1::bigint[])" in sql  # every parent's objects at once
    assert "t0.id = $1" in (tree_sql("Entity", (NAME,), many=False) or "")


def test_anything_else_is_left_to_the_resolvers() -> None:
    mentions = Pick("mentions", "mentions", (Pick("totalCount", "totalCount"),))
    assert tree_sql("Entity", (NAME, mentions), many=False) is None  # a field it does not know
    leaf = Pick("name", "name", (NAME,))  # a leaf with a selection
    assert tree_sql("Entity", (leaf,), many=False) is None
    assert tree_sql("Entity", (Pick("facts", "facts"),), many=False) is None  # no selection
    assert tree_sql("Quote", (Pick("text", "text"),), many=False) is None  # not a root
    # A citation is read with its article, which only a value's sources provide.
    assert tree_sql("Citation", (Pick("excerpt", "excerpt"),), many=False) is None


def test_keys_are_names_and_objects_are_as_wide_as_asked() -> None:
    assert tree_sql("Entity", (Pick("x'); DROP TABLE facts; --", "name"),), many=False) is None
    # Objects are written as text, not json_build_object (100 arguments at most).
    wide = tuple(Pick(f"a{i}", "name") for i in range(120))
    assert tree_sql("Entity", wide, many=False) is not None


FLOATS = [0.0, -0.0, 1.0, 4000000.0, -12.5, 0.1, 0.0001, 79.3, 123456789012345.6, 1e14, 2 / 3]


async def test_floats_are_written_as_orjson_writes_them(pool: asyncpg.Pool) -> None:
    """Where PostgreSQL and orjson agree on a float's text the statement writes it; past
    that it fails, and the executor answers instead (service/graphql/compiler.py)."""
    value = COLUMNS["SourcedValue"]["value"].answer(Pick("v", "value"), "t", Scope())
    assert value is not None
    async with pool.acquire() as conn:
        for number in FLOATS:
            written = await conn.fetchval(
                f"SELECT {value} FROM (SELECT $1::float8 AS value) t", number
            )
            assert written == orjson.dumps(number).decode(), number
        for number in (1e15, 1.5e16, 1e-5, 2.5e-10):
            with pytest.raises(asyncpg.DataError):
                await conn.fetchval(f"SELECT {value} FROM (SELECT $1::float8 AS value) t", number)


async def test_strings_are_escaped_as_orjson_escapes_them(pool: asyncpg.Pool) -> None:
    text = COLUMNS["Quote"]["text"].answer(Pick("t", "text"), "t", Scope())
    assert text is not None
    tricky = (
        'quote " backslash \\ slash / tab \t newline \n bell \x07 unit \x1f del \x7f é ❤ \u2028'
    )
    async with pool.acquire() as conn:
        written = await conn.fetchval(f"SELECT {text} FROM (SELECT $1::text AS text) t", tricky)
    assert written == orjson.dumps(tricky).decode()
