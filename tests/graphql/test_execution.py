"""The short paths (prefetching, plain leaves, direct resolvers) change nothing but speed."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import pytest
import strawberry
from strawberry.schema.config import StrawberryConfig

from service.config import Settings
from service.graphql import execution, prefetch
from service.graphql.context import build_context
from service.graphql.limits import GraphQLLimits
from service.graphql.mutations import Mutation
from service.graphql.queries import Query
from service.graphql.schema import TYPES, FactdeskSchema, limited_schema
from tests.graphql.compiled_apps import executed

# Every kind of field, kept the executor's (these tests are of the executor) by
# compiled_apps.executed.
BROAD = """query($name: String!) {
  articles(first: 5) { totalCount edges { cursor node {
    id slug headline standfirst publishedAt dateline bylines captions url contentHash
    outlet { id name } originalSource { name }
    quotes(first: 10) { id text speakerText isPartial speaker { name kind aliases }
             citation { span { start end } excerpt outlet { name } article { slug } }
             otherReports(first: 5) { id article { headline } } }
    figures(first: 10) { value upperBound approximation unit text property qualifier status
              refersTo subject { name } fact { label disputed values(first: 5) { value text
                  sources(first: 5) { excerpt attributedTo { name } attributedToText
                  article { headline } } } }
              citation { excerpt } }
    mentions(first: 50) { text span { start end } entity { name } article { slug } }
    entities { name kind description }
  } } }
  entity(name: $name) { id name kind aliases facts { id label unit qualifier disputed
      subject { name } reports(first: 10) { value text } values(first: 5) { value upperBound
          approximation text sources(first: 5) { outlet { name } excerpt attributedTo { name } } } }
      quotes(first: 3) { totalCount edges { node { text speaker { name } } } }
      mentions(first: 3) { edges { node { text article { headline } } } }
      articles(first: 2) { edges { node { headline outlet { name } } } } }
  search(query: "Tokayev", first: 10) { __typename
      ... on Article { headline outlet { name } }
      ... on Entity { name facts { label } }
      ... on Quote { text speaker { name } }
      ... on Fact { label values { text } } }
  outlets { name articles(first: 2) { edges { node { headline } } } }
  changes(first: 1) { totalCount }
}"""
BROAD = executed(BROAD)  # every root is compiled now: this keeps it the executor's


def _plain_schema() -> strawberry.Schema:
    """Strawberry's own executor and resolver wrappers, none of Factdesk's short paths."""
    return strawberry.Schema(
        query=Query, mutation=Mutation, types=TYPES, config=StrawberryConfig(auto_camel_case=True)
    )


async def _run(schema: strawberry.Schema, pool: asyncpg.Pool, *, trees: bool) -> dict[str, Any]:
    # Only Factdesk's executor completes answers built by one statement (service/db/trees.py).
    settings = Settings(factdesk_load_seeds=False, factdesk_sql_trees=trees)
    result = await schema.execute(
        BROAD, variable_values={"name": "Tokayev"}, context_value=build_context(pool, settings)
    )
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data


async def test_short_paths_answer_exactly_as_strawberry_does(
    seeded_pool: asyncpg.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    limited = limited_schema(GraphQLLimits.from_settings(Settings()))
    fast = await _run(limited, seeded_pool, trees=True)
    monkeypatch.setattr(prefetch, "GRAPH", {})  # every relation awaited through the loaders
    plain = await _run(_plain_schema(), seeded_pool, trees=False)
    assert fast == plain
    edges = fast["articles"]["edges"]
    assert any(e["node"]["figures"] for e in edges)  # the nested lists are really there
    assert fast["entity"]["facts"]
    assert {hit["__typename"] for hit in fast["search"]} >= {"Article", "Entity"}


@strawberry.type
class Broken:
    name: str
    nickname: str | None
    score: int


@strawberry.type
class BrokenQuery:
    @strawberry.field
    def broken(self) -> Broken:
        # What a bug would produce: a null in a non-null field, a string where an Int goes.
        return Broken(name=None, nickname=None, score="high")  # type: ignore[arg-type]


@strawberry.type
class Parent:
    @strawberry.field
    def fine(self) -> Broken:
        return Broken(name="a", nickname=None, score=1)

    @strawberry.field
    def maybe(self) -> Broken | None:
        return None

    @strawberry.field
    def bad_leaf(self) -> Broken | None:
        return Broken(name=None, nickname="b", score=2)  # type: ignore[arg-type]

    @strawberry.field
    def missing(self) -> Broken:
        return None  # type: ignore[return-value]


@strawberry.type
class Lists:
    @strawberry.field
    def fine(self) -> list[Broken]:
        return [Broken(name="a", nickname=None, score=1), Broken(name="b", nickname="c", score=2)]

    @strawberry.field
    def holes(self) -> list[Broken | None]:
        return [None, Broken(name="a", nickname=None, score=1)]

    @strawberry.field
    def null_item(self) -> list[Broken] | None:
        return [Broken(name="a", nickname=None, score=1), None]  # type: ignore[list-item]

    @strawberry.field
    def bad_item(self) -> list[Broken] | None:
        return [Broken(name="a", nickname=None, score="x")]  # type: ignore[arg-type]

    @strawberry.field
    def wrong_type(self) -> list[Broken] | None:
        return [Parent()]  # type: ignore[list-item]

    @strawberry.field
    def raising(self) -> list[Parent] | None:
        raise ValueError("cannot list")

    @strawberry.field
    def nested(self) -> list[Parent]:
        return [Parent(), Parent()]

    @strawberry.field
    def words(self) -> list[str]:
        return ["a", "b"]

    @strawberry.field
    async def later(self) -> Broken:
        return Broken(name="later", nickname=None, score=3)

    @strawberry.field
    def ready_later(self) -> Broken:
        future = asyncio.get_running_loop().create_future()
        future.set_result(Broken(name="future", nickname=None, score=4))
        return future  # type: ignore[return-value]


@strawberry.type
class ParentQuery:
    @strawberry.field
    def parent(self) -> Parent | None:
        return Parent()

    @strawberry.field
    def lists(self) -> Lists:
        return Lists()


async def _same_answer(query: type, text: str) -> None:
    fast = await FactdeskSchema(query=query).execute(text)
    plain = await strawberry.Schema(query=query).execute(text)
    assert fast.data == plain.data
    assert [(e.message, e.path) for e in fast.errors or []] == [
        (e.message, e.path) for e in plain.errors or []
    ]


async def test_plain_leaves_report_errors_as_graphql_core_does() -> None:
    await _same_answer(BrokenQuery, "{ broken { nickname name score } }")
    result = await FactdeskSchema(query=BrokenQuery).execute("{ broken { nickname name } }")
    assert result.data is None
    assert result.errors


@pytest.mark.parametrize(
    "text",
    [
        "{ parent { fine { __typename name nickname score } maybe { name } } }",
        "{ parent { fine { name } badLeaf { nickname name } } }",
        "{ parent { fine { name } missing { name } } }",
        "{ parent { fine { nick: nickname ...on Broken { name } } } }",
        "{ lists { fine { name score } holes { name } words } }",
        "{ lists { nullItem { name } fine { name } } }",
        "{ lists { badItem { name score } } }",
        "{ lists { wrongType { name } } }",
        "{ lists { raising { fine { name } } fine { name } } }",
        "{ lists { nested { fine { name } missing { name } } } }",
        "{ lists { nested { fine { name } maybe { name } badLeaf { name } } } }",
        "{ lists { later { name } readyLater { name } fine @skip(if: true) { name } } }",
        "{ lists { a: fine { name } b: fine { score } } }",
    ],
)
async def test_planned_selections_answer_as_graphql_core_does(text: str) -> None:
    await _same_answer(ParentQuery, text)


class Ticks:
    """A monotonic clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return float(self.reads)


async def test_execution_stops_between_fields_once_its_deadline_passes(
    seeded_pool: asyncpg.Pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    limited = limited_schema(GraphQLLimits.from_settings(Settings()))
    settings = Settings(factdesk_load_seeds=False)
    clock = Ticks()
    monkeypatch.setattr(execution, "monotonic", clock)
    deadline = execution.start_deadline(2.5)  # read 1: stop once the clock is past 3.5
    try:
        with pytest.raises(execution.DeadlinePassedError):
            await limited.execute(
                BROAD,
                variable_values={"name": "Tokayev"},
                context_value=build_context(seeded_pool, settings),
            )
    finally:
        execution.DEADLINE.reset(deadline)
    # Reads 2 (the first field) and 3 were in time, read 4 past it: execution stopped
    # there. A branch already running beside it (resolvers are awaited together) may read
    # the clock once more before it is cancelled; the whole operation reads it dozens of
    # times, so "at most one more" still fails if execution goes on.
    assert clock.reads in (4, 5)
    # Without a deadline the same operation answers in full, whatever the clock says.
    assert (await _run(limited, seeded_pool, trees=True))["articles"]["edges"]
