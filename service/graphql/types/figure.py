"""Figure: one number as reported."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import FigureRow
from service.graphql.context import Info
from service.graphql.ids import encode_id
from service.graphql.types.citation import Citation
from service.graphql.types.common import Node, Span

if TYPE_CHECKING:
    from service.graphql.types.entity import Entity
    from service.graphql.types.fact import Fact

EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]
FactRef = Annotated["Fact", strawberry.lazy("service.graphql.types.fact")]


@strawberry.enum
class Approximation(enum.Enum):
    EXACT = "EXACT"
    ABOUT = "ABOUT"
    AT_LEAST = "AT_LEAST"
    MORE_THAN = "MORE_THAN"
    NEARLY = "NEARLY"
    UP_TO = "UP_TO"
    LESS_THAN = "LESS_THAN"
    VAGUE = "VAGUE"


def figure_citation(row: FigureRow) -> Citation:
    return Citation(
        article_id=row.article_id,
        sentence=(row.sentence_start, row.sentence_end),
        attributed_to_id=row.attributed_to_id,
        span=Span(start=row.start_offset, end=row.end_offset),
        attributed_to_text=row.attributed_to_text,
    )


@strawberry.type
class Figure(Node):
    row: strawberry.Private[FigureRow]

    @classmethod
    def from_row(cls, row: FigureRow) -> Figure:
        return cls(id=strawberry.ID(encode_id("Figure", row.id)), row=row)

    @strawberry.field
    def value(self) -> float:
        return self.row.value

    @strawberry.field(description="Upper end for ranges and vague amounts ('hundreds').")
    def upper_bound(self) -> float | None:
        return self.row.upper_bound

    @strawberry.field
    def approximation(self) -> Approximation:
        return Approximation(self.row.approximation)

    @strawberry.field(description="Normalized unit: percent, people, years, hours, ...")
    def unit(self) -> str:
        return self.row.unit

    @strawberry.field(description="The figure as printed: 'nearly 71 percent'.")
    def text(self) -> str:
        return self.row.text

    @strawberry.field(description="What is measured, as a stable key: vote_share, detained, ...")
    def property(self) -> str | None:
        return self.row.property

    @strawberry.field(description="What narrows the claim, e.g. the day a count refers to.")
    def qualifier(self) -> str | None:
        return self.row.qualifier

    @strawberry.field(description="'preliminary' or 'final' when the copy says which.")
    def status(self) -> str | None:
        return self.row.status

    @strawberry.field(description="The date the figure refers to, when the copy says.")
    def refers_to(self) -> dt.date | None:
        return self.row.refers_to

    @strawberry.field
    async def subject(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import load_entity

        if self.row.subject_id is None:
            return None
        return await load_entity(info, self.row.subject_id)

    @strawberry.field
    async def fact(self, info: Info) -> FactRef | None:
        from service.graphql.types.fact import Fact

        if self.row.fact_id is None:
            return None
        row = await info.context.loaders.fact.load(self.row.fact_id)
        return Fact.from_row(row) if row is not None else None

    @strawberry.field
    def citation(self) -> Citation:
        return figure_citation(self.row)
