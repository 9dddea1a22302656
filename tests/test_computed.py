"""What a statement leaves to Python is found by marks JSON text never holds raw."""

from __future__ import annotations

import asyncpg

from service.computed import fill
from service.db.json_text import CLOSE, OPEN, SPLIT

# Two values that cannot both be true (12 and 15 people), 12 printed two ways.
INPUTS = (
    '{"reports": [[12, null, "EXACT", "12 people", 2, 1], [15, null, "EXACT", "15 people", 1, 2],'
    ' [12, null, "EXACT", "twelve people", 1, 1]], "judgements": %s}'
)
PREFERRED = '[[1, "PREFERRED", 15, null, "EXACT", "15 people"]]'
DEPRECATED = '[[1, "DEPRECATED", 12, null, "EXACT", "12 people"]]'


def _marked(what: str, inputs: str, *candidates: str) -> str:
    return OPEN + SPLIT.join([what, inputs, *candidates]) + CLOSE


async def test_json_text_never_holds_the_marks(seeded_pool: asyncpg.Pool) -> None:
    """PostgreSQL escapes a control character in a string, so a stored text holding a
    mark cannot be taken for one."""
    async with seeded_pool.acquire() as conn:
        marks = OPEN + SPLIT + CLOSE
        text = await conn.fetchval("SELECT to_json($1::text)::text", f"a{marks}b")
    assert not set(OPEN + SPLIT + CLOSE) & set(text)
    assert fill(text) == text


def test_the_rules_fill_each_mark() -> None:
    plain, deprecated = INPUTS % "[]", INPUTS % DEPRECATED
    text = (
        f'{{"a":{_marked("disputed", plain)},"b":{_marked("disputed", deprecated)},'
        f'"r":[{_marked("rank:0", deprecated)},{_marked("rank:1", deprecated)}],'
        f'"c":[{_marked("conflicting:0", plain)},{_marked("conflicting:1", deprecated)}]}}'
    )
    assert fill(text) == ('{"a":true,"b":false,"r":["DEPRECATED","NORMAL"],"c":[true,false]}')


def test_the_preferred_value_is_chosen_among_candidates_filled_first() -> None:
    preferred = INPUTS % PREFERRED
    candidates = ['{"v":12}', '{"v":15,"rank":' + _marked("rank:1", preferred) + "}"]
    assert fill(_marked("preferred", preferred, *candidates)) == '{"v":15,"rank":"PREFERRED"}'
    assert fill(_marked("preferred", INPUTS % "[]", *candidates)) == "null"
