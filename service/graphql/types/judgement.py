"""Judgement, Rank and JudgementKind: an editor's layer over the reported values."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import JudgementRow
from service.graphql.context import Info
from service.graphql.loaders import now_or_later
from service.graphql.types.common import Node
from service.ids import encode_id

if TYPE_CHECKING:
    from service.graphql.types.figure import Figure

FigureRef = Annotated["Figure", strawberry.lazy("service.graphql.types.figure")]


@strawberry.enum(
    description="A value's rank, as on Wikidata: what editors' judgements make of it. "
    "Every value stays listed whatever its rank."
)
class Rank(enum.Enum):
    PREFERRED = strawberry.enum_value(
        "PREFERRED", description="An editor marked it the value to use."
    )
    NORMAL = strawberry.enum_value("NORMAL", description="No judgement ranks it.")
    DEPRECATED = strawberry.enum_value(
        "DEPRECATED",
        description="An editor marked it wrong, or every report of it was flagged as a wrong "
        "extraction: it takes no part in `disputed` nor in conflicts.",
    )


@strawberry.enum(description="What a judgement says of the report it judges.")
class JudgementKind(enum.Enum):
    PREFERRED = strawberry.enum_value(
        "PREFERRED", description="The value this report prints is the one to use."
    )
    DEPRECATED = strawberry.enum_value(
        "DEPRECATED", description="The value this report prints is wrong (kept, struck through)."
    )
    NOT_A_FIGURE = strawberry.enum_value(
        "NOT_A_FIGURE", description="The extraction is wrong: this is no figure."
    )
    WRONG_SUBJECT = strawberry.enum_value(
        "WRONG_SUBJECT", description="The extraction is wrong: the figure is about another subject."
    )
    WRONG_UNIT = strawberry.enum_value(
        "WRONG_UNIT", description="The extraction is wrong: the unit was misread."
    )
    WRONG_PROPERTY = strawberry.enum_value(
        "WRONG_PROPERTY", description="The extraction is wrong: it measures something else."
    )


@strawberry.type(
    description="An editor's judgement of one report: who made it, when and why, and "
    "whether it is still in force. Withdrawn judgements stay as history."
)
class Judgement(Node):
    row: strawberry.Private[JudgementRow]
    kind: JudgementKind = strawberry.field(description="What the judgement says.")
    reason: str = strawberry.field(description="Why, as the editor wrote it.")
    made_by: str = strawberry.field(
        description="The editor who made it: their name in FACTDESK_EDITOR_KEYS."
    )
    made_at: dt.datetime = strawberry.field(description="When it was made.")
    withdrawn_at: dt.datetime | None = strawberry.field(
        description="When it was withdrawn (or superseded by a later judgement of the same "
        "report); null while it is in force."
    )
    withdrawn_by: str | None = strawberry.field(
        description="The editor who withdrew it; null while it is in force."
    )
    withdrawal_reason: str | None = strawberry.field(
        description="Why it was withdrawn, when the editor said."
    )
    in_force: bool = strawberry.field(
        description="False once withdrawn, or once a correction or retraction took the "
        "judged report out."
    )

    @classmethod
    def from_row(cls, row: JudgementRow) -> Judgement:
        return cls(
            id=strawberry.ID(encode_id("Judgement", row.id)),
            row=row,
            kind=JudgementKind[row.kind],
            reason=row.reason,
            made_by=row.made_by,
            made_at=row.made_at,
            withdrawn_at=row.withdrawn_at,
            withdrawn_by=row.withdrawn_by,
            withdrawal_reason=row.withdrawal_reason,
            in_force=row.in_force,
        )

    @strawberry.field(
        description="The report judged; null once a correction or retraction took it out."
    )
    def figure(self, info: Info) -> FigureRef | None:
        from service.graphql.types.figure import Figure

        if self.row.figure_id is None:
            return None
        return now_or_later(
            info.context.loaders.figure,
            self.row.figure_id,
            lambda row: Figure.from_row(row) if row is not None else None,
        )
