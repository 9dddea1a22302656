"""One numeric expression found in copy, with its spans, value, unit and approximation."""

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


def bounds(number: NumberMatch) -> tuple[int, int]:
    return number.span.start, number.span.end
