"""A fact's reports grouped into values, and which values cannot both be true.

Grouping and intervals are the ingest's own (`service.ingest.facts`), so the page marks
exactly the conflicts that make a fact `disputed`: two values conflict when the intervals
of true values their reports allow do not meet (70.76 and 70.96 percent do; "nearly 71"
and 70.96 do not)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from service.db.rows import FigureRow
from service.ingest.facts import ReportedValue, group_reports, value_interval
from service.ingest.model import Approximation


@dataclass(slots=True)
class ValueGroup:
    number: int  # 1, 2, ... in order of first appearance: how the page names the value
    reports: list[FigureRow]
    low: float  # the true values the reports allow (either end may be infinite)
    high: float
    conflicts: list[int] = field(default_factory=list)  # numbers of the values it excludes

    @property
    def first(self) -> FigureRow:
        return self.reports[0]

    @property
    def statuses(self) -> list[str]:
        return sorted({r.status for r in self.reports if r.status})


def value_groups(reports: Sequence[FigureRow]) -> list[ValueGroup]:
    groups = []
    for number, group in enumerate(group_reports(reports), start=1):
        head = group[0]
        low, high = value_interval(
            ReportedValue(
                head.value, head.upper_bound, Approximation(head.approximation), head.text
            )
        )
        groups.append(ValueGroup(number, group, low, high))
    for one in groups:
        one.conflicts = [
            other.number
            for other in groups
            if other is not one and (one.low > other.high or other.low > one.high)
        ]
    return groups
