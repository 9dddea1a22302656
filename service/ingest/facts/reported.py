"""Facts over reported values: telling when they disagree.

Pure functions. A reported value is read as the interval of true values the report
allows (``value_interval``); a fact is disputed when those intervals have no common
point, so "nearly 71 percent" and "70.96 percent" agree while 70.76 and 70.96 do not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Protocol

from service.ingest.model import Approximation

# How far "nearly", "about" reach from the printed number (fractions of the value).
NEARLY_REACH = 0.03
ABOUT_REACH = 0.05

_PRINTED_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_PROPERTY_NAMES = {
    "vote_share": "share of the vote",
    "age": "age",
    "detained": "people detained",
    "injured": "people injured",
    "protesters": "protesters",
    "observers": "observers sent",
    "registered_voters": "registered voters",
    "turnout": "turnout",
    "candidates": "candidates",
    "years_in_power": "years in power",
    "detention_duration": "length of detention",
}


@dataclass(frozen=True, slots=True)
class ReportedValue:
    value: float
    upper_bound: float | None
    approximation: Approximation
    text: str


class Report(Protocol):
    """Anything that reports a value: a ReportedValue, a stored figure row."""

    @property
    def value(self) -> float: ...
    @property
    def upper_bound(self) -> float | None: ...
    @property
    def approximation(self) -> Hashable: ...


def _half_unit(v: ReportedValue) -> float:
    """Half of the last printed digit, in the value's units: 70.76 -> 0.005, 12 million -> 0.5e6."""
    m = _PRINTED_NUMBER.search(v.text)
    if m is None:  # number words ("three police"): whole units of what they count
        return 0.5
    printed = float(m.group(0).replace(",", ""))
    decimals = len(m.group(1) or "")
    scale = v.value / printed if printed else 1.0
    return 0.5 * 10.0**-decimals * scale


def value_interval(v: ReportedValue) -> tuple[float, float]:
    """The interval of true values a report allows, using its printed precision."""
    h = _half_unit(v)
    top = v.upper_bound if v.upper_bound is not None else v.value
    match v.approximation:
        case Approximation.EXACT:
            return v.value - h, top + h
        case Approximation.NEARLY:
            return v.value * (1 - NEARLY_REACH), top
        case Approximation.MORE_THAN:
            return v.value, math.inf
        case Approximation.AT_LEAST:
            return v.value - h, math.inf
        case Approximation.UP_TO:
            return 0.0, top + h
        case Approximation.LESS_THAN:
            return 0.0, v.value
        case Approximation.ABOUT:
            reach = max(h, abs(v.value) * ABOUT_REACH)
            return v.value - reach, top + reach
        case Approximation.VAGUE:
            return v.value, top
    raise AssertionError(v.approximation)  # pragma: no cover - the match is exhaustive


def agreed_interval(
    values: Sequence[ReportedValue], prior: tuple[float, float] | None = None
) -> tuple[float, float]:
    """The true values every report allows at once (and `prior`, what earlier reports
    allowed): the intersection of their intervals, empty when low > high."""
    intervals = [value_interval(v) for v in values]
    if prior is not None:
        intervals.append(prior)
    return max(low for low, _ in intervals), min(high for _, high in intervals)


def is_disputed(values: Sequence[ReportedValue]) -> bool:
    """True when no single true value fits every report."""
    if len(values) < 2:
        return False
    low, high = agreed_interval(values)
    return low > high


def in_conflict(intervals: Sequence[tuple[float, float] | None]) -> list[bool]:
    """For each value's interval, whether it misses another's (the two cannot both be
    true); None is a value left out (deprecated), which conflicts with nothing. A fact is
    disputed exactly when some value is in conflict: intervals on a line with no common
    point always hold two that miss each other. Linear: each interval is checked against
    the highest low and the lowest high among the others."""
    lows = sorted(((i[0], n) for n, i in enumerate(intervals) if i is not None), reverse=True)
    highs = sorted((i[1], n) for n, i in enumerate(intervals) if i is not None)
    found = []
    for n, interval in enumerate(intervals):
        if interval is None:
            found.append(False)
            continue
        low, high = interval
        other_low = next((v for v, m in lows if m != n), None)
        other_high = next((v for v, m in highs if m != n), None)
        found.append(
            (other_low is not None and other_low > high)
            or (other_high is not None and other_high < low)
        )
    return found


def fact_label(subject_name: str | None, property: str, qualifier: str | None = None) -> str:
    """A reader's name for a fact: "Kassym-Jomart Tokayev: share of the vote"."""
    human = _PROPERTY_NAMES.get(property, property.replace("_", " "))
    label = f"{subject_name}: {human}" if subject_name else human[:1].upper() + human[1:]
    return f"{label} ({qualifier})" if qualifier else label
