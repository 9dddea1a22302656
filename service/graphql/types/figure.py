"""Figure: one number as reported."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import FigureRow
from service.graphql.context import Info
from service.graphql.loaders import now_or_later
from service.graphql.types.citation import Citation
from service.graphql.types.common import ListFirst, Node, Span, TextPart
from service.ids import encode_id
from service.relations import LIST_BOUND

if TYPE_CHECKING:
    from service.graphql.types.entity import Entity
    from service.graphql.types.fact import Fact
    from service.graphql.types.judgement import Judgement

EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]
FactRef = Annotated["Fact", strawberry.lazy("service.graphql.types.fact")]
JudgementRef = Annotated["Judgement", strawberry.lazy("service.graphql.types.judgement")]


@strawberry.enum(description="How exact the copy says a figure is.")
class Approximation(enum.Enum):
    EXACT = strawberry.enum_value("EXACT", description="As stated: '70.76 percent'.")
    ABOUT = strawberry.enum_value(
        "ABOUT", description="Roughly the value: 'about', 'around', 'some'."
    )
    AT_LEAST = strawberry.enum_value(
        "AT_LEAST", description="The value or more: 'at least 40 people'."
    )
    MORE_THAN = strawberry.enum_value(
        "MORE_THAN", description="Above the value: 'more than 70 percent'."
    )
    NEARLY = strawberry.enum_value(
        "NEARLY", description="Just below the value: 'nearly 71 percent', 'almost'."
    )
    UP_TO = strawberry.enum_value("UP_TO", description="The value at most: 'up to 500'.")
    LESS_THAN = strawberry.enum_value(
        "LESS_THAN", description="Below the value: 'less than 5 percent', 'fewer than'."
    )
    VAGUE = strawberry.enum_value(
        "VAGUE",
        description="An amount in words ('hundreds', 'dozens'): `value` is the lower and "
        "`upperBound` the upper end.",
    )


def figure_citation(row: FigureRow, as_of: dt.datetime | None = None) -> Citation:
    """Where the figure was reported; with `as_of`, reading its article as it stood then."""
    return Citation(
        as_of=as_of,
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


@strawberry.type(
    description="One number as an article reports it, with its unit, what it measures, "
    "about whom, and who the article says reported it."
)
class Figure(Node):
    row: strawberry.Private[FigureRow]
    value: float = strawberry.field(
        description="The number in `unit` ('nearly 71 percent' is 71.0; 'two million' is "
        "2000000.0); the lower end of a range."
    )
    upper_bound: float | None = strawberry.field(
        description="Upper end for ranges and vague amounts ('hundreds'); null for a single number."
    )
    approximation: Approximation = strawberry.field(
        description="How exact the copy says the number is."
    )
    unit: str = strawberry.field(description="Normalized unit: percent, people, years, hours, ...")
    text: str = strawberry.field(description="The figure as printed: 'nearly 71 percent'.")
    property: str | None = strawberry.field(
        description="What is measured, as a stable key: vote_share, detained, ...; null "
        "when the copy does not say."
    )
    qualifier: str | None = strawberry.field(
        description="What narrows the claim, e.g. the day a count refers to; null when "
        "nothing does."
    )
    status: str | None = strawberry.field(
        description="What kind of number it is when the copy says: 'result', 'preliminary', "
        "'final', 'exit_poll', 'poll_answer', 'forecast', 'estimate'; else null."
    )
    refers_to: dt.date | None = strawberry.field(
        description="The date the figure refers to (ISO 8601), when the copy says; else null."
    )
    # Set for a report of a fact as known at a past time (`fact(asOf:)`): its citation
    # reads the article as it stood then.
    as_of: strawberry.Private[dt.datetime | None] = None

    @classmethod
    def from_row(cls, row: FigureRow, as_of: dt.datetime | None = None) -> Figure:
        return cls(
            id=strawberry.ID(encode_id("Figure", row.id)),
            row=row,
            as_of=as_of,
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

    @strawberry.field(
        description="Who or what the number is about; null when the copy does not say."
    )
    def subject(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import entity_of

        if self.row.subject_id is None:
            return None
        return entity_of(info, self.row.subject_id)

    @strawberry.field(
        description="The fact this report belongs to, with every other report of it; null "
        "when the figure has no subject or measure to pool by."
    )
    def fact(self, info: Info) -> FactRef | None:
        from service.graphql.types.fact import Fact

        if self.row.fact_id is None:
            return None
        return now_or_later(
            info.context.loaders.fact,
            self.row.fact_id,
            lambda row: Fact.from_row(row) if row is not None else None,
        )

    @strawberry.field(
        description="Where the number was printed, and who said it; for a report of a fact "
        "as known at a past time (`fact(asOf:)`), in the article's copy as it stood then."
    )
    def citation(self) -> Citation:
        return figure_citation(self.row, self.as_of)

    @strawberry.field(
        description="Every editor's judgement of this report, oldest first, withdrawn ones "
        "too (`inForce` says which one counts): the first `first` of them (at most 100)."
    )
    def judgements(self, info: Info, first: ListFirst = LIST_BOUND) -> list[JudgementRef]:
        from service.graphql.types.judgement import Judgement

        return now_or_later(
            info.context.loaders.judgements_by_figure,
            self.row.id,
            lambda rows: [Judgement.from_row(r) for r in rows[:first]],
        )
