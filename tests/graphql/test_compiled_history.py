"""`Fact.history`, compiled, answers with the executor's bytes, in one statement.

On a history with reports, a republication, a correction, judgements and retractions
(tests/graphql/test_compiled_as_of.py's), every window of each fact's events (forwards
and back, from each cursor) is asked of a compiling app and of the plain executor: below
`fact(id:)` now and as of a past time (the whole history either way), and below `node`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import orjson
import pytest_asyncio

from tests.graphql.test_compiled import same_answer
from tests.graphql.test_compiled_as_of import history  # noqa: F401  (a fixture)
from tests.graphql.test_compiled_roots import logged_apps, one_statement

EVENT = """{ __typename at kind value upperBound approximation text figureId articleId outlet
    reason by judgement }"""
PAGE = f"""totalCount __typename pageInfo {{ hasNextPage hasPreviousPage startCursor
    endCursor }} edges {{ __typename cursor node {EVENT} }}"""
WINDOW = "(first: $first, after: $after, last: $last, before: $before)"
VARIABLES = "$id: ID!, $first: Int, $after: String, $last: Int, $before: String"
QUERIES = {
    "now": f"query({VARIABLES}) {{ fact(id: $id) {{ label history{WINDOW} {{ {PAGE} }} }} }}",
    "as_of": f"""query({VARIABLES}, $at: DateTime) {{ fact(id: $id, asOf: $at) {{
        label history{WINDOW} {{ {PAGE} }} }} }}""",
    "node": f"""query({VARIABLES}) {{ node(id: $id) {{ ... on Fact {{
        events: history{WINDOW} {{ edges {{ cursor node {{ kind at }} }} }} }} }} }}""",
}


@pytest_asyncio.fixture(scope="module")
async def apps(
    _test_pool: asyncpg.Pool,
    test_dsn: str,
    history: dict[str, Any],  # noqa: F811  (the fixture imported above)
) -> AsyncIterator[dict[bool, httpx.AsyncClient]]:
    async with logged_apps(_test_pool, test_dsn) as clients:
        yield clients


def events_in(answer: bytes) -> list[dict[str, Any]]:
    fact = orjson.loads(answer)["data"]
    found = next(iter(fact.values()))
    if found is None:
        return []
    page = found.get("history") or found["events"]
    edges: list[dict[str, Any]] = page["edges"]
    return edges


async def test_every_window_of_each_facts_history_answers_alike(
    apps: dict[bool, httpx.AsyncClient],
    history: dict[str, Any],  # noqa: F811
) -> None:
    kinds: set[str] = set()
    windows = 0
    for name, query in QUERIES.items():
        for fact in history["ids"]:
            at = {"at": history["times"][len(history["times"]) // 2]} if name == "as_of" else {}
            whole = await one_statement(apps, query, {"id": fact, "first": 100, **at})
            events = events_in(whole)
            kinds |= {e["node"]["kind"] for e in events}
            for cursor in [None, *[e["cursor"] for e in events][::2]]:
                for size in (0, 1, 3):
                    for way in ({"first": size, "after": cursor}, {"last": size, "before": cursor}):
                        answer = await one_statement(apps, query, {"id": fact, **way, **at})
                        assert b'"errors"' not in answer, answer
                        windows += 1
    assert {"REPORTED", "CORRECTED", "RETRACTED", "JUDGED"} <= kinds, kinds
    assert windows > 100


async def test_bad_windows_get_the_executors_error(
    apps: dict[bool, httpx.AsyncClient],
    history: dict[str, Any],  # noqa: F811
) -> None:
    fact = history["ids"][0]
    for bad in ({"first": 101}, {"after": "x"}, {"first": 1, "last": 1}, {"before": fact}):
        answer = await same_answer(apps, QUERIES["now"], {"id": fact, **bad})
        assert b'"errors"' in answer, answer
