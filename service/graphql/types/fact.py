"""Fact and SourcedValue: one claim and every value any source reported for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.judgements import InForce
from service.db.rows import FactRow, FactTimesRow, FigureRow
from service.graphql.context import Info
from service.graphql.loaders import now_or_later
from service.graphql.types.citation import Citation
from service.graphql.types.common import ListFirst, Node
from service.graphql.types.figure import Approximation, Figure, figure_citation
from service.graphql.types.judgement import Rank
from service.ids import encode_id
from service.ingest.facts import group_reports
from service.ingest.model import Approximation as Approx
from service.ingest.ranks import Assessed, assess, fact_judgements, preferred_index
from service.relations import LIST_BOUND, SOURCES_BOUND, VALUES_BOUND

if TYPE_CHECKING:
    from service.graphql.types.entity import Entity

EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]


@dataclass(eq=False)
class FactValues:
    """A fact's values, assessed with its judgements once however many values ask."""

    fact_id: int
    groups: list[list[FigureRow]]
    assessed: list[Assessed] | None = field(default=None)
    preferred: int | None = None

    def assess(self, in_force: list[InForce]) -> list[Assessed]:
        if self.assessed is None:
            judged = fact_judgements(in_force)
            heads = [(group[0], len(group)) for group in self.groups]
            self.assessed = assess(heads, judged)
            self.preferred = preferred_index(heads, judged)
        return self.assessed


@strawberry.type(
    description="One distinct value reported for a fact, with every report of it: equal "
    "values from several articles are one SourcedValue with several sources."
)
class SourcedValue:
    value: float = strawberry.field(
        description="The number, in the fact's `unit` (70.76 for '70.76 percent'); the lower "
        "end of a range."
    )
    upper_bound: float | None = strawberry.field(
        description="Upper end for ranges and vague amounts; null for a single number."
    )
    approximation: Approximation = strawberry.field(
        description="How exact the sources say the value is."
    )
    text: str = strawberry.field(description="As printed by (one of) the sources.")
    reports: strawberry.Private[list[FigureRow]]
    fact: strawberry.Private[FactValues]
    index: strawberry.Private[int]

    @strawberry.field(
        description="Every report of this value, never deduplicated away, oldest stored "
        "first: the first `first` of them (default 50, at most 100; `Fact.reports` and "
        "`figures(filter:)` list them all)."
    )
    def sources(self, first: ListFirst = SOURCES_BOUND) -> list[Citation]:
        # Built only when asked for: a speaker's facts can hold tens of thousands of reports.
        return [figure_citation(r) for r in self.reports[:first]]

    @strawberry.field(
        description="What editors' judgements make of it: PREFERRED or DEPRECATED when an "
        "editor ranked a report of it (the latest judgement counts), DEPRECATED too when "
        "every report of it was flagged as a wrong extraction, else NORMAL."
    )
    def rank(self, info: Info) -> Rank:
        return now_or_later(
            info.context.loaders.judgements_in_force_by_fact,
            self.fact.fact_id,
            lambda in_force: Rank[self.fact.assess(in_force)[self.index].rank.value],
        )

    @strawberry.field(
        description="True when it cannot be true together with another value of the fact "
        "that is not DEPRECATED: the values that make the fact `disputed`. Always false "
        "for a DEPRECATED value."
    )
    def conflicting(self, info: Info) -> bool:
        return now_or_later(
            info.context.loaders.judgements_in_force_by_fact,
            self.fact.fact_id,
            lambda in_force: self.fact.assess(in_force)[self.index].conflicting,
        )


@strawberry.type(
    description="One claim about the world, and every value that any source reported for it."
)
class Fact(Node):
    row: strawberry.Private[FactRow]
    property: str = strawberry.field(
        description="What is measured, as a stable key from an open vocabulary: vote_share, "
        "deaths, detained, ..."
    )
    label: str = strawberry.field(
        description="Human-readable: 'Kassym-Jomart Tokayev: share of the vote'."
    )
    unit: str = strawberry.field(
        description="The unit every value is in: percent, people, an ISO 4217 currency, ..."
    )
    qualifier: str | None = strawberry.field(
        description="What narrows the claim, e.g. the date it refers to; null when nothing does."
    )
    disputed: bool = strawberry.field(
        description="True when the reported values cannot all be true at once; DEPRECATED "
        "values are left out. `SourcedValue.conflicting` says which values conflict."
    )

    @classmethod
    def from_row(cls, row: FactRow) -> Fact:
        return cls(
            id=strawberry.ID(encode_id("Fact", row.id)),
            row=row,
            property=row.property,
            label=row.label,
            unit=row.unit,
            qualifier=row.qualifier,
            disputed=row.disputed,
        )

    @strawberry.field(
        description="Who or what the claim is about; null when the copy does not say."
    )
    def subject(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import entity_of

        if self.row.subject_id is None:
            return None
        return entity_of(info, self.row.subject_id)

    @strawberry.field(
        description="Every distinct value reported, each with all its sources, in order of "
        "first report: the first `first` of them (default 20, at most 100)."
    )
    def values(self, info: Info, first: ListFirst = VALUES_BOUND) -> list[SourcedValue]:
        return now_or_later(
            info.context.loaders.figures_by_fact,
            self.row.id,
            lambda rows: sourced_values(self.row.id, rows)[:first],
        )

    @strawberry.field(
        description="When the fact was first reported: the earliest publication of an "
        "article holding one of its values (the time the outlet states, else when the copy "
        "reached Factdesk), republications included."
    )
    def first_reported_at(self, info: Info) -> dt.datetime:
        return now_or_later(
            info.context.loaders.fact_times, self.row.id, lambda t: _times(t).first_reported_at
        )

    @strawberry.field(
        description="When the fact's values last changed: the latest arrival of an article "
        "or republication holding one of them, or correction or retraction touching it (as "
        "in the change feed). Ask `changes` for what changed."
    )
    def updated_at(self, info: Info) -> dt.datetime:
        return now_or_later(
            info.context.loaders.fact_times, self.row.id, lambda t: _times(t).updated_at
        )

    @strawberry.field(
        description="The value an editor marked PREFERRED (the latest, if several were); "
        "null when none was: Factdesk never picks a winner itself."
    )
    async def preferred(self, info: Info) -> SourcedValue | None:
        rows = await info.context.loaders.figures_by_fact.load(self.row.id)
        in_force = await info.context.loaders.judgements_in_force_by_fact.load(self.row.id)
        values = sourced_values(self.row.id, rows)
        if not values:
            return None
        facts = values[0].fact
        facts.assess(in_force)
        return values[facts.preferred] if facts.preferred is not None else None

    @strawberry.field(
        description="Every individual report, oldest stored first: the first `first` of them "
        "(at most 100; `figures(filter:)` pages through all)."
    )
    def reports(self, info: Info, first: ListFirst = LIST_BOUND) -> list[Figure]:
        return now_or_later(
            info.context.loaders.figures_by_fact,
            self.row.id,
            lambda rows: [Figure.from_row(r) for r in rows[:first]],
        )


def _times(row: FactTimesRow | None) -> FactTimesRow:
    if row is None:
        # Only a fact whose last value was retracted while this request ran: it is gone.
        raise LookupError("the fact has no value left")
    return row


def sourced_values(fact_id: int, rows: list[FigureRow]) -> list[SourcedValue]:
    """Equal values grouped, each with every report of it."""
    groups = group_reports(rows)
    shared = FactValues(fact_id, groups)
    return [
        SourcedValue(
            value=first.value,
            upper_bound=first.upper_bound,
            approximation=APPROXIMATIONS[first.approximation],
            text=first.text,
            reports=group,
            fact=shared,
            index=index,
        )
        for index, group in enumerate(groups)
        for first in (group[0],)
    ]


# A lookup, not an enum call per value.
APPROXIMATIONS = {a.value: Approximation[a.name] for a in Approx}
