"""Fact and SourcedValue: one claim and every value any source reported for it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import FactRow
from service.graphql.context import Info
from service.graphql.ids import encode_id
from service.graphql.lookahead import selects
from service.graphql.types.citation import Citation, load_citation_rows
from service.graphql.types.common import Node
from service.graphql.types.figure import Approximation, Figure, figure_citation
from service.ingest.facts import ReportedValue, group_values
from service.ingest.model import Approximation as Approx

if TYPE_CHECKING:
    from service.graphql.types.entity import Entity

EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]


@strawberry.type
class SourcedValue:
    value: float
    upper_bound: float | None = strawberry.field(
        description="Upper end for ranges and vague amounts."
    )
    approximation: Approximation
    text: str = strawberry.field(description="As printed by (one of) the sources.")
    sources: list[Citation] = strawberry.field(
        description="Every report of this value, never deduplicated away."
    )


@strawberry.type(
    description="One claim about the world, and every value that any source reported for it."
)
class Fact(Node):
    row: strawberry.Private[FactRow]

    @classmethod
    def from_row(cls, row: FactRow) -> Fact:
        return cls(id=strawberry.ID(encode_id("Fact", row.id)), row=row)

    @strawberry.field
    async def subject(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import load_entity

        if self.row.subject_id is None:
            return None
        return await load_entity(info, self.row.subject_id)

    @strawberry.field
    def property(self) -> str:
        return self.row.property

    @strawberry.field(description="Human-readable: 'Kassym-Jomart Tokayev: share of the vote'.")
    def label(self) -> str:
        return self.row.label

    @strawberry.field
    def unit(self) -> str:
        return self.row.unit

    @strawberry.field(description="What narrows the claim, e.g. the date it refers to.")
    def qualifier(self) -> str | None:
        return self.row.qualifier

    @strawberry.field(description="Every distinct value reported, each with all its sources.")
    async def values(self, info: Info) -> list[SourcedValue]:
        rows = await info.context.loaders.figures_by_fact.load(self.row.id)
        reported = [
            ReportedValue(
                value=r.value,
                upper_bound=r.upper_bound,
                approximation=Approx(r.approximation),
                text=r.text,
            )
            for r in rows
        ]
        citations = [figure_citation(r) for r in rows]
        if selects(info, "sources"):
            prefetched = await load_citation_rows(
                info, [r.article_id for r in rows], [r.attributed_to_id for r in rows]
            )
            citations = [replace(c, rows=p) for c, p in zip(citations, prefetched, strict=True)]
        return [
            SourcedValue(
                value=group.value,
                upper_bound=group.upper_bound,
                approximation=Approximation(group.approximation.value),
                text=group.text,
                sources=[citations[i] for i in group.members],
            )
            for group in group_values(reported)
        ]

    @strawberry.field(description="Every individual report.")
    async def reports(self, info: Info) -> list[Figure]:
        rows = await info.context.loaders.figures_by_fact.load(self.row.id)
        return [Figure.from_row(r) for r in rows]

    @strawberry.field(description="True when the reported values cannot all be true at once.")
    def disputed(self) -> bool:
        return self.row.disputed
