"""FactEvent and ArticleVersion: what changed a fact and when, and an article's replaced
copies."""

from __future__ import annotations

import datetime as dt
import enum

import strawberry

from service.db.history import ArticleVersionRow, FactEventRow
from service.graphql.types.figure import Approximation
from service.graphql.types.judgement import JudgementKind
from service.ids import encode_id
from service.ingest.model import Approximation as Approx


@strawberry.enum(description="What happened to a fact's value.")
class FactEventKind(enum.Enum):
    REPORTED = strawberry.enum_value(
        "REPORTED",
        description="An outlet published an article reporting the value (once per "
        "publication, republications too), or a correction brought it.",
    )
    CORRECTED = strawberry.enum_value(
        "CORRECTED", description="A correction of the article replaced the copy reporting it."
    )
    RETRACTED = strawberry.enum_value(
        "RETRACTED", description="The article reporting it was retracted."
    )
    JUDGED = strawberry.enum_value(
        "JUDGED", description="An editor judged the report (`judgement` says how)."
    )
    JUDGEMENT_WITHDRAWN = strawberry.enum_value(
        "JUDGEMENT_WITHDRAWN", description="An editor's judgement of the report was withdrawn."
    )


@strawberry.type(
    description="One change to a fact: a report of one of its values, its taking out by a "
    "correction or retraction, or a judgement of it made or withdrawn."
)
class FactEvent:
    at: dt.datetime = strawberry.field(
        description="When: for REPORTED, the publication (the time the outlet states, else "
        "when the copy arrived) or the correction that brought the value; else when the "
        "write was made. `fact(asOf:)` at this time includes the change."
    )
    kind: FactEventKind = strawberry.field(description="What happened.")
    value: float = strawberry.field(description="The value concerned, in the fact's unit.")
    upper_bound: float | None = strawberry.field(
        description="Its upper end for a range or vague amount; null for a single number."
    )
    approximation: Approximation = strawberry.field(description="How exact it was printed.")
    text: str = strawberry.field(description="The value as the report printed it.")
    figure_id: strawberry.ID = strawberry.field(
        description="The report's Figure id (a figure taken out no longer resolves)."
    )
    article_id: strawberry.ID = strawberry.field(
        description="The Article id of the report (a retracted article answers 410 on REST)."
    )
    outlet: str | None = strawberry.field(
        description="REPORTED: the outlet that published it; null otherwise."
    )
    reason: str | None = strawberry.field(
        description="Why, when the writer said: the correction's, retraction's or "
        "judgement's reason, or why a judgement was withdrawn."
    )
    by: str | None = strawberry.field(
        description="JUDGED and JUDGEMENT_WITHDRAWN: the editor; null otherwise (the audit "
        "log keeps which key corrected or retracted)."
    )
    judgement: JudgementKind | None = strawberry.field(
        description="JUDGED and JUDGEMENT_WITHDRAWN: what the judgement said; null otherwise."
    )

    @classmethod
    def from_row(cls, row: FactEventRow) -> FactEvent:
        return cls(
            at=row.at,
            kind=FactEventKind[row.kind],
            value=row.value,
            upper_bound=row.upper_bound,
            approximation=Approximation[Approx(row.approximation).name],
            text=row.text,
            figure_id=strawberry.ID(encode_id("Figure", row.figure_id)),
            article_id=strawberry.ID(encode_id("Article", row.article_id)),
            outlet=row.outlet,
            reason=row.reason,
            by=row.by,
            judgement=JudgementKind[row.judgement] if row.judgement else None,
        )


@strawberry.type(description="A copy of an article that a correction replaced.")
class ArticleVersion:
    version: int = strawberry.field(
        description="Its version number: 1 for the copy first ingested, then one more for "
        "each correction."
    )
    headline: str = strawberry.field(description="The headline it had.")
    standfirst: str | None = strawberry.field(description="The standfirst it had, if any.")
    body: str = strawberry.field(description="The body it had.")
    url: str | None = strawberry.field(description="Where it was published, as it said then.")
    published_at: dt.datetime | None = strawberry.field(
        description="The publication time it stated, if any."
    )
    stored_at: dt.datetime = strawberry.field(
        description="When this copy became current: the ingest, or the correction before."
    )
    replaced_at: dt.datetime = strawberry.field(description="When the correction replaced it.")
    reason: str | None = strawberry.field(
        description="The correction's reason, when one was given."
    )

    @classmethod
    def from_row(cls, row: ArticleVersionRow) -> ArticleVersion:
        return cls(
            version=row.version,
            headline=row.headline,
            standfirst=row.standfirst,
            body=row.body,
            url=row.url,
            published_at=row.published_at,
            stored_at=row.stored_at,
            replaced_at=row.replaced_at,
            reason=row.reason,
        )
