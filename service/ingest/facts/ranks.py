"""Ranks from judgements, Wikidata-style: a layer over the reported values, never a change
to them. Pure functions.

An editor judges one report (a figure). PREFERRED and DEPRECATED rank the value that
report prints in its fact, as Wikidata ranks a statement whatever its references: every
report of an equal value shares the rank, later ones too, and when reports of one value
carry both, the newest judgement counts. A flag (NOT_A_FIGURE, WRONG_SUBJECT, WRONG_UNIT,
WRONG_PROPERTY) says one extraction is wrong: that report no longer counts for the fact,
and a value left with no report that counts is DEPRECATED. A DEPRECATED value is still
listed, but takes no part in `disputed` nor in which values conflict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from service.ingest.facts.reported import Report, ReportedValue, in_conflict, value_interval
from service.ingest.model import Approximation


class Rank(StrEnum):
    PREFERRED = "PREFERRED"
    NORMAL = "NORMAL"
    DEPRECATED = "DEPRECATED"


class Kind(StrEnum):
    """What a judgement says of the report it judges."""

    PREFERRED = "PREFERRED"
    DEPRECATED = "DEPRECATED"
    NOT_A_FIGURE = "NOT_A_FIGURE"
    WRONG_SUBJECT = "WRONG_SUBJECT"
    WRONG_UNIT = "WRONG_UNIT"
    WRONG_PROPERTY = "WRONG_PROPERTY"

    @property
    def ranks(self) -> bool:
        """Ranks the value (PREFERRED, DEPRECATED) rather than flagging one extraction."""
        return self in (Kind.PREFERRED, Kind.DEPRECATED)


ValueKey = tuple[float, float | None, Hashable]  # (value, upper bound, approximation)


class Judged(Protocol):
    """A judgement in force, with the value its report printed (db.judgements.InForce)."""

    @property
    def id(self) -> int: ...
    @property
    def fact_id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> float: ...
    @property
    def upper_bound(self) -> float | None: ...
    @property
    def approximation(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class FactJudgements:
    """What the judgements in force on one fact's reports say of its values."""

    # The newest rank judgement on any report of the value: (judgement id, rank).
    ranked: dict[ValueKey, tuple[int, Rank]] = field(default_factory=dict)
    flagged: Counter[ValueKey] = field(default_factory=Counter)  # reports flagged wrong
    flagged_texts: Counter[tuple[ValueKey, str]] = field(default_factory=Counter)

    def rank(self, key: ValueKey, reports: int) -> Rank:
        """The rank of the value `key`, which `reports` reports print."""
        ranked = self.ranked.get(key)
        if ranked is not None:
            return ranked[1]
        if self.flagged[key] >= reports:
            return Rank.DEPRECATED
        return Rank.NORMAL

    def counting(self, key: ValueKey, text: str, reports: int) -> int:
        """How many of the `reports` reports printing `text` for the value `key` still count
        for the fact (flagged ones do not)."""
        return max(0, reports - self.flagged_texts[(key, text)])

    @property
    def preferred(self) -> ValueKey | None:
        """The value preferred most recently, if an editor preferred one."""
        chosen = [(at, key) for key, (at, rank) in self.ranked.items() if rank is Rank.PREFERRED]
        return max(chosen, key=lambda pair: pair[0])[1] if chosen else None


NONE = FactJudgements()


def key_of(report: Report) -> ValueKey:
    return (report.value, report.upper_bound, report.approximation)


def fact_judgements(in_force: Iterable[Judged]) -> FactJudgements:
    """The judgements in force on one fact's reports, read as ranks and flags."""
    judged = FactJudgements()
    for judgement in sorted(in_force, key=lambda j: j.id):
        key = key_of(judgement)
        kind = Kind(judgement.kind)
        if kind.ranks:
            judged.ranked[key] = (judgement.id, Rank(kind.value))
        else:
            judged.flagged[key] += 1
            judged.flagged_texts[(key, judgement.text)] += 1
    return judged


def by_fact(in_force: Iterable[Judged]) -> dict[int, FactJudgements]:
    """`fact_judgements` of each fact the judgements are on."""
    grouped: dict[int, list[Judged]] = {}
    for judgement in in_force:
        grouped.setdefault(judgement.fact_id, []).append(judgement)
    return {fact_id: fact_judgements(group) for fact_id, group in grouped.items()}


class Printed(Report, Protocol):
    """A report as printed: its value and the text its precision is read from."""

    @property
    def approximation(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Assessed:
    """A value of a fact as its judgements leave it."""

    rank: Rank
    conflicting: bool  # it cannot be true with some other value that is not DEPRECATED


def assess(values: Sequence[tuple[Printed, int]], judged: FactJudgements) -> list[Assessed]:
    """Each value of a fact (its first report, and how many reports it has) ranked, and
    whether it conflicts with another value in force: what GraphQL, REST and the desk show,
    by the rule `disputed` is computed with (service/ingest/facts/agreement.py)."""
    ranks = [judged.rank(key_of(head), reports) for head, reports in values]
    intervals = [
        None
        if rank is Rank.DEPRECATED
        else value_interval(
            ReportedValue(
                head.value, head.upper_bound, Approximation(head.approximation), head.text
            )
        )
        for (head, _), rank in zip(values, ranks, strict=True)
    ]
    return [
        Assessed(rank, conflicting)
        for rank, conflicting in zip(ranks, in_conflict(intervals), strict=True)
    ]


def preferred_index(values: Sequence[tuple[Printed, int]], judged: FactJudgements) -> int | None:
    """Which of the values an editor preferred (the latest preferred), if any."""
    key = judged.preferred
    if key is None:
        return None
    return next((n for n, (head, _) in enumerate(values) if key_of(head) == key), None)
