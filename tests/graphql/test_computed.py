"""What a statement leaves to Python is found by a mark JSON text never holds raw."""

from __future__ import annotations

import asyncpg

from service.db.trees import COMPUTED
from service.graphql.computed import fill

# Two values that cannot both be true (12 and 15 people), one ranked away by an editor.
INPUTS = (
    '{"reports": [[12, null, "EXACT", "12 people", 1], [15, null, "EXACT", "15 people", 1]],'
    ' "judgements": %s}'
)


async def test_json_text_never_holds_the_mark(seeded_pool: asyncpg.Pool) -> None:
    """PostgreSQL escapes a control character in a string, so a stored text holding the
    mark cannot be taken for one."""
    async with seeded_pool.acquire() as conn:
        text = await conn.fetchval("SELECT to_json($1::text)::text", f"a{COMPUTED}b")
    assert COMPUTED not in text
    assert fill(text) == text


def test_the_rule_fills_each_mark() -> None:
    disputed = INPUTS % "[]"
    deprecated = INPUTS % '[[1, "DEPRECATED", 12, null, "EXACT", "12 people"]]'
    text = f'{{"a":{COMPUTED}{disputed}{COMPUTED},"b":{COMPUTED}{deprecated}{COMPUTED}}}'
    assert fill(text) == '{"a":true,"b":false}'
