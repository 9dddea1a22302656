"""Figure: one number as reported."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import FigureRow
from service.graphql.context import Info
from service.graphql.ids import encode_id
from service.graphql.loaders import now_or_later
from service.graphql.types.citation import Citation
from service.graphql.types.common import Node, Span, TextPart

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
        span=Span(
            start=row.start_offset,
            end=row.end_offset,
            part=TextPart(row.part),
            caption=row.caption_index,
        ),
        attributed_to_text=row.attributed_to_text,
    )


@strawberry.type
class Figure(Node):
    row: strawberry.Private[FigureRow]
    value: float
    upper_bound: float | None = strawberry.field(
        description="Upper end for ranges and vague amounts ('hundreds')."
    )
    approximation: Approximation
    unit: str = strawberry.field(description="Normalized unit: percent, people, years, hours, ...")
    text: str = strawberry.field(description="The figure as printed: 'nearly 71 percent'.")
    property: str | None = strawberry.field(
        description="What is measured, as a stable key: vote_share, detained, ..."
    )
    qualifier: str | None = strawberry.field(
        description="What narrows the claim, e.g. the day a count refers to."
    )
    status: str | None = strawberry.field(
        description="'preliminary' or 'final' when the copy says which."
    )
    refers_to: dt.date | None = strawberry.field(
        description="The date the figure refers to, when the copy says."
    )

    @classmethod
    def from_row(cls, row: FigureRow) -> Figure:
        return cls(
            id=strawberry.ID(encode_id("Figure", row.id)),
            row=row,
            value=row.value,
            upper_bound=row.upper_bound,
            approximation=Approximation[row.approximation],
            unit=row.unit,
            text=row.text,
            property=row.property,
            qualifier=row.qualifier,
            status=row.status,
            refers_to=row.refers_to,
        )

    @strawberry.field
    def subject(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import entity_of

        if self.row.subject_id is None:
            return None
        return entity_of(info, self.row.subject_id)

    @strawberry.field
    def fact(self, info: Info) -> FactRef | None:
        from service.graphql.types.fact import Fact

        if self.row.fact_id is None:
            return None
        return now_or_later(
            info.context.loaders.fact,
            self.row.fact_id,
            lambda row: Fact.from_row(row) if row is not None else None,
        )

    @strawberry.field
    def citation(self) -> Citation:
        return figure_citation(self.row)
