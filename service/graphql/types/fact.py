"""Fact and SourcedValue: one claim and every value any source reported for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import strawberry
from strawberry.dataloader import DataLoader

from service.db.figures import split_values
from service.db.judgements import InForce
from service.db.rows import FactRow, FactTimesRow, FigureRow
from service.graphql.context import Info
from service.graphql.loaders import now_or_later
from service.graphql.types.citation import Citation
from service.graphql.types.common import (
    After,
    AsOf,
    Before,
    Connection,
    First,
    Last,
    ListFirst,
    Node,
    make_connection,
    page_of,
    utc,
)
from service.graphql.types.figure import Approximation, Figure, figure_citation
from service.graphql.types.history import FactEvent
from service.graphql.types.judgement import Rank
from service.ids import decode_event_cursor, encode_id
from service.ingest.facts.agreement import agreement_of, distinct_reports
from service.ingest.facts.ranks import Assessed, assess, fact_judgements, preferred_index
from service.ingest.model import Approximation as Approx
from service.relations import LIST_BOUND, SOURCES_BOUND, VALUES_BOUND

if TYPE_CHECKING:
    from service.graphql.types.entity import Entity

T = TypeVar("T")
EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]


@dataclass(eq=False)
class FactValues:
    """A fact's values (as known at `as_of`; None: now), assessed with its judgements once
    however many values ask."""

    fact_id: int
    groups: list[list[FigureRow]]
    as_of: dt.datetime | None = None
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
        return [figure_citation(r, self.fact.as_of) for r in self.reports[:first]]

    @strawberry.field(
        description="What editors' judgements make of it: PREFERRED or DEPRECATED when an "
        "editor ranked a report of it (the latest judgement counts), DEPRECATED too when "
        "every report of it was flagged as a wrong extraction, else NORMAL."
    )
    def rank(self, info: Info) -> Rank:
        return with_in_force(
            info,
            self.fact.fact_id,
            self.fact.as_of,
            lambda in_force: Rank[self.fact.assess(in_force)[self.index].rank.value],
        )

    @strawberry.field(
        description="True when it cannot be true together with another value of the fact "
        "that is not DEPRECATED: the values that make the fact `disputed`. Always false "
        "for a DEPRECATED value."
    )
    def conflicting(self, info: Info) -> bool:
        return with_in_force(
            info,
            self.fact.fact_id,
            self.fact.as_of,
            lambda in_force: self.fact.assess(in_force)[self.index].conflicting,
        )

    @strawberry.field(
        description="When it was first reported: the earliest publication (the time the "
        "outlet states, else when the copy arrived) of an article among its sources, "
        "republications included; a correction keeps its article's publications."
    )
    def first_reported_at(self, info: Info) -> dt.datetime:
        return now_or_later(
            info.context.loaders.value_times,
            (self.fact.fact_id, self.fact.as_of),
            lambda times: times[self._key].first_reported_at,
        )

    @strawberry.field(
        description="When it was last reported: the latest publication of an article among "
        "its sources, counted as `firstReportedAt` is."
    )
    def last_reported_at(self, info: Info) -> dt.datetime:
        return now_or_later(
            info.context.loaders.value_times,
            (self.fact.fact_id, self.fact.as_of),
            lambda times: times[self._key].last_reported_at,
        )

    @property
    def _key(self) -> tuple[float, float | None, str]:
        head = self.reports[0]
        return (head.value, head.upper_bound, head.approximation)


@strawberry.type(
    description="One claim about the world, and every value that any source reported for it."
)
class Fact(Node):
    row: strawberry.Private[FactRow]
    # Set by `fact(asOf:)` and `Entity.facts(asOf:)`: the time its fields answer as of.
    as_of: strawberry.Private[dt.datetime | None]
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

    @classmethod
    def from_row(cls, row: FactRow, as_of: dt.datetime | None = None) -> Fact:
        return cls(
            id=strawberry.ID(encode_id("Fact", row.id)),
            row=row,
            as_of=as_of,
            property=row.property,
            label=row.label,
            unit=row.unit,
            qualifier=row.qualifier,
        )

    @strawberry.field(
        description="True when the reported values cannot all be true at once; DEPRECATED "
        "values are left out. `SourcedValue.conflicting` says which values conflict."
    )
    def disputed(self, info: Info) -> bool:
        if self.as_of is None:
            return self.row.disputed
        return cast(bool, disputed_at(info, self.row.id, self.as_of))

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
        "first report: the first `first` of them (default 20, at most 100). `asOf` here "
        "overrides the fact's own (`fact(asOf:)`), to set two times side by side."
    )
    def values(
        self, info: Info, first: ListFirst = VALUES_BOUND, as_of: AsOf = None
    ) -> list[SourcedValue]:
        at = utc(as_of) or self.as_of
        return with_figures(
            info, self.row.id, at, lambda rows: sourced_values(self.row.id, rows, at)[:first]
        )

    @strawberry.field(
        description="When the fact was first reported: the earliest publication of an "
        "article holding one of its values (the time the outlet states, else when the copy "
        "reached Factdesk), republications included."
    )
    def first_reported_at(self, info: Info) -> dt.datetime:
        return now_or_later(*self._times(info), lambda t: _times(t).first_reported_at)

    @strawberry.field(
        description="When the fact's values last changed: the latest arrival of an article "
        "or republication holding one of them, or correction or retraction touching it (as "
        "in the change feed). Ask `changes` for what changed."
    )
    def updated_at(self, info: Info) -> dt.datetime:
        return now_or_later(*self._times(info), lambda t: _times(t).updated_at)

    def _times(self, info: Info) -> tuple[DataLoader[Any, FactTimesRow | None], Any]:
        loaders = info.context.loaders
        if self.as_of is None:
            return loaders.fact_times, self.row.id
        return loaders.fact_times_at, (self.row.id, self.as_of)

    @strawberry.field(
        description="The value an editor marked PREFERRED (the latest, if several were); "
        "null when none was: Factdesk never picks a winner itself."
    )
    async def preferred(self, info: Info) -> SourcedValue | None:
        rows, in_force = await load_known(info, self.row.id, self.as_of)
        values = sourced_values(self.row.id, rows, self.as_of)
        if not values:
            return None
        facts = values[0].fact
        facts.assess(in_force)
        return values[facts.preferred] if facts.preferred is not None else None

    @strawberry.field(
        description="What changed the fact, oldest first: each report of a value (one per "
        "publication), its taking out by a correction or retraction, and each judgement of "
        "it made or withdrawn, with times as `asOf` counts them, a page at a time (GET "
        "/api/v1/facts/{id}/history too). Whatever `asOf` the fact was asked with, the whole "
        "history."
    )
    async def history(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[FactEvent]:
        page = await page_of(
            info,
            info.context.loaders.history_of_fact,
            self.row.id,
            decode_event_cursor,
            first=first,
            after=after,
            last=last,
            before=before,
        )
        return make_connection(
            [FactEvent.from_row(r) for r in page.rows],
            [r.key for r in page.rows],
            has_next=page.has_next,
            has_previous=page.has_previous,
            total=page.total,
        )

    @strawberry.field(
        description="Every individual report, oldest stored first: the first `first` of them "
        "(at most 100; `figures(filter:)` pages through all). Under `fact(asOf:)`, the reports "
        "that counted then, each cited in its article's copy as it stood then."
    )
    def reports(self, info: Info, first: ListFirst = LIST_BOUND) -> list[Figure]:
        return with_figures(
            info,
            self.row.id,
            self.as_of,
            lambda rows: [Figure.from_row(r, self.as_of) for r in rows[:first]],
        )


def _times(row: FactTimesRow | None) -> FactTimesRow:
    if row is None:
        # Only a fact whose last value was retracted while this request ran: it is gone.
        raise LookupError("the fact has no value left")
    return row


def sourced_values(
    fact_id: int, rows: list[FigureRow], as_of: dt.datetime | None = None
) -> list[SourcedValue]:
    """Equal values grouped, each with every report of it."""
    groups = split_values(rows)
    shared = FactValues(fact_id, groups, as_of)
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


def with_figures(
    info: Info, fact_id: int, as_of: dt.datetime | None, build: Callable[[list[FigureRow]], T]
) -> T:
    """`build` of the fact's figures as known at `as_of` (None: now), now or later."""
    loaders = info.context.loaders
    if as_of is None:
        return now_or_later(loaders.figures_by_fact, fact_id, build)
    return now_or_later(loaders.figures_at, (fact_id, as_of), build)


def with_in_force(
    info: Info, fact_id: int, as_of: dt.datetime | None, build: Callable[[list[InForce]], T]
) -> T:
    """`build` of the judgements in force on the fact at `as_of` (None: now)."""
    loaders = info.context.loaders
    if as_of is None:
        return now_or_later(loaders.judgements_in_force_by_fact, fact_id, build)
    return now_or_later(loaders.in_force_at, (fact_id, as_of), build)


async def disputed_at(info: Info, fact_id: int, as_of: dt.datetime) -> bool:
    """Whether the fact's values as known at `as_of` were disputed then, by the rule the
    stored `disputed` is kept with."""
    rows, in_force = await load_known(info, fact_id, as_of)
    return agreement_of(distinct_reports(fact_id, rows), fact_judgements(in_force)).disputed


async def load_known(
    info: Info, fact_id: int, as_of: dt.datetime | None
) -> tuple[list[FigureRow], list[InForce]]:
    """The fact's figures and the judgements in force on them, at `as_of` (None: now)."""
    loaders = info.context.loaders
    if as_of is None:
        return (
            await loaders.figures_by_fact.load(fact_id),
            await loaders.judgements_in_force_by_fact.load(fact_id),
        )
    key = (fact_id, as_of)
    return await loaders.figures_at.load(key), await loaders.in_force_at.load(key)


# A lookup, not an enum call per value.
APPROXIMATIONS = {a.value: Approximation[a.name] for a in Approx}
