"""A fact's reports grouped into values, ranked by editors' judgements, and which values
cannot both be true.

Grouping, intervals and ranks are the core's own (`service.ingest.facts.reported`,
`service.ingest.facts.ranks`), so the page marks exactly the conflicts that make a fact
`disputed`: two values conflict when the intervals of true values their reports allow do
not meet (70.76 and 70.96 percent do; "nearly 71" and 70.96 do not), and a DEPRECATED
value conflicts with nothing (it stays listed, struck through)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from service.db.figures import split_values
from service.db.judgements import InForce
from service.db.rows import FigureRow
from service.ingest.facts.ranks import NONE, FactJudgements, Rank, key_of
from service.ingest.facts.reported import ReportedValue, value_interval
from service.ingest.model import Approximation

# How many of the values a value conflicts with the page names (the others are counted):
# naming every pair grows with the square of the values (a fact with 116 values had
# 0.5 MB of links).
CONFLICTS_NAMED = 8


@dataclass(slots=True)
class ValueGroup:
    number: int  # 1, 2, ... in order of first appearance: how the page names the value
    reports: list[FigureRow]
    low: float  # the true values the reports allow (either end may be infinite)
    high: float
    rank: Rank = Rank.NORMAL
    conflicts: list[int] = field(default_factory=list)  # numbers of the values it excludes
    judgements: list[InForce] = field(default_factory=list)  # in force on its reports

    @property
    def first(self) -> FigureRow:
        return self.reports[0]

    @property
    def named_conflicts(self) -> list[int]:
        return self.conflicts[:CONFLICTS_NAMED]

    @property
    def statuses(self) -> list[str]:
        return sorted({r.status for r in self.reports if r.status})

    @property
    def deprecated(self) -> bool:
        return self.rank is Rank.DEPRECATED


def value_groups(
    reports: Sequence[FigureRow],
    judged: FactJudgements = NONE,
    in_force: Sequence[InForce] = (),
    totals: Mapping[int, int] | None = None,
    *,
    conflicts: bool = True,
) -> list[ValueGroup]:
    """The values of a fact's `reports`, ranked by `judged` (the judgements `in_force` on
    its reports); `totals` counts each value's reports by its first report's id, when
    `reports` are only the first few of each. Without `conflicts`, no value's conflicts
    are marked yet (`mark_conflicts` marks those of the values a page shows)."""
    groups = []
    for number, group in enumerate(split_values(reports), start=1):
        head = group[0]
        low, high = value_interval(
            ReportedValue(
                head.value, head.upper_bound, Approximation(head.approximation), head.text
            )
        )
        reported = (totals or {}).get(head.id, len(group))
        key = key_of(head)
        groups.append(
            ValueGroup(
                number,
                group,
                low,
                high,
                rank=judged.rank(key, reported),
                judgements=[j for j in in_force if key_of(j) == key],
            )
        )
    if conflicts:
        mark_conflicts(groups, groups)
    return groups


def mark_conflicts(groups: Sequence[ValueGroup], among: Sequence[ValueGroup]) -> None:
    """Marks each value of `among` (some of a fact's `groups`) with the numbers of the
    fact's values it conflicts with: a page that shows the ten most reported of a fact's
    five hundred values tests their pairs alone (all pairs: 50 ms of a page)."""
    # A deprecated value conflicts with nothing; the test is hoisted out of the pairs (a
    # much reported fact has a hundred values: ten thousand pairs).
    mark_conflicts_with(among, [(g.number, g.low, g.high) for g in groups if not g.deprecated])


def mark_conflicts_with(
    among: Sequence[ValueGroup], live: Sequence[tuple[int, float, float]]
) -> None:
    """Marks each value of `among` with the numbers of the values `live` (number, and
    the true values its reports allow: the fact's values not deprecated) it conflicts
    with."""
    for one in among:
        if one.deprecated:
            continue
        low, high = one.low, one.high
        one.conflicts = [
            number
            for number, other_low, other_high in live
            if number != one.number and (low > other_high or other_low > high)
        ]


@lru_cache(maxsize=65536)
def interval_of(
    value: float, upper_bound: float | None, approximation: str, text: str
) -> tuple[float, float]:
    """The true values a report allows (`service.ingest.facts.reported.value_interval`), kept for
    the next page: a fact with a thousand values asks for the same thousand each time."""
    return value_interval(ReportedValue(value, upper_bound, Approximation(approximation), text))
