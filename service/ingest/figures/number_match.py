"""One numeric expression found in copy, with its spans, value, unit and approximation
(``NumberMatch``), and the ``Expression`` that expansion reads on the way to it."""

from __future__ import annotations

from dataclasses import dataclass

from service.ingest.model import Approximation, Span


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One numeric expression: ``span`` covers approximation words to unit or noun."""

    span: Span
    number_span: Span
    value: float
    upper_bound: float | None
    approximation: Approximation
    unit: str  # percent, years, hours, days, usd, people, count, ...
    noun: str | None = None  # the counted noun as printed, lowercased: "registered voters"
    is_age: bool = False
    is_more: bool = False  # "200 more people", "hundreds more"


@dataclass(frozen=True, slots=True)
class Expression:
    """A number as read so far from the copy round it: its value and upper end, its unit,
    where the number and the whole expression end, and what it counts."""

    value: float
    upper: float | None
    unit: str
    end: int  # where the expression read so far ends: number, scale, range, unit
    number_end: int  # where the number (with its scale and range) ends
    noun: str | None = None
    is_age: bool = False
    is_more: bool = False


def bounds(number: NumberMatch) -> tuple[int, int]:
    return number.span.start, number.span.end
