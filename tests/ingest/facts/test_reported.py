"""Deciding when a fact is disputed (its values are grouped by SQL: tests/db/test_figures.py)."""

from __future__ import annotations

import math

import pytest

from service.ingest.facts.reported import (
    ReportedValue,
    fact_label,
    in_conflict,
    is_disputed,
    value_interval,
)
from service.ingest.model import Approximation

EXACT_7076 = ReportedValue(70.76, None, Approximation.EXACT, "70.76 percent")
EXACT_7096 = ReportedValue(70.96, None, Approximation.EXACT, "70.96 percent")
EXACT_708 = ReportedValue(70.8, None, Approximation.EXACT, "70.8 per cent")
NEARLY_71 = ReportedValue(71.0, None, Approximation.NEARLY, "nearly 71 percent")
MORE_THAN_70 = ReportedValue(70.0, None, Approximation.MORE_THAN, "more than 70 percent")


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        (EXACT_7076, (70.755, 70.765)),
        (EXACT_708, (70.75, 70.85)),
        (NEARLY_71, (71 * 0.97, 71.0)),
        (MORE_THAN_70, (70.0, math.inf)),
        (ReportedValue(500, None, Approximation.AT_LEAST, "at least 500"), (499.5, math.inf)),
        (ReportedValue(10, None, Approximation.UP_TO, "up to 10 hours"), (0.0, 10.5)),
        (ReportedValue(50, None, Approximation.LESS_THAN, "fewer than 50"), (0.0, 50.0)),
        (ReportedValue(200, None, Approximation.ABOUT, "about 200"), (190.0, 210.0)),
        (ReportedValue(100, 999, Approximation.VAGUE, "hundreds"), (100.0, 999.0)),
        (ReportedValue(12e6, None, Approximation.EXACT, "12 million"), (11.5e6, 12.5e6)),
        (ReportedValue(3, None, Approximation.EXACT, "three police"), (2.5, 3.5)),
        (ReportedValue(10, 12, Approximation.EXACT, "10-12 people"), (9.5, 12.5)),
    ],
)
def test_value_interval(value: ReportedValue, interval: tuple[float, float]) -> None:
    low, high = value_interval(value)
    assert low == pytest.approx(interval[0])
    assert high == pytest.approx(interval[1])


@pytest.mark.parametrize(
    ("values", "disputed"),
    [
        ([EXACT_7076, EXACT_7096], True),
        ([NEARLY_71, EXACT_7096], False),
        ([MORE_THAN_70, EXACT_7096], False),
        ([EXACT_7076, EXACT_7096, EXACT_708, NEARLY_71, MORE_THAN_70], True),
        ([EXACT_7096, EXACT_7096], False),
        ([EXACT_7076, EXACT_708], False),  # 70.76 rounds to 70.8: the reports agree
        ([EXACT_7096], False),
        ([], False),
        (
            [
                ReportedValue(100, 999, Approximation.VAGUE, "hundreds"),
                ReportedValue(500, None, Approximation.EXACT, "500"),
            ],
            False,
        ),
        (
            [
                ReportedValue(24, 99, Approximation.VAGUE, "dozens"),
                ReportedValue(500, None, Approximation.EXACT, "500"),
            ],
            True,
        ),
    ],
)
def test_is_disputed(values: list[ReportedValue], disputed: bool) -> None:
    assert is_disputed(values) is disputed


def test_fact_label() -> None:
    assert fact_label("Kassym-Jomart Tokayev", "vote_share", None) == (
        "Kassym-Jomart Tokayev: share of the vote"
    )
    assert fact_label("Almaty", "detained", "2019-06-09") == "Almaty: people detained (2019-06-09)"
    assert fact_label(None, "turnout") == "Turnout"
    assert fact_label("Kazakhstan", "new_property") == "Kazakhstan: new property"


def test_in_conflict_names_the_values_that_miss_another() -> None:
    # 1 and 3 miss each other; 2 meets both; None (deprecated) conflicts with nothing.
    assert in_conflict([(0.0, 1.0), (0.5, 2.5), (2.0, 3.0), None]) == [True, False, True, False]
    assert in_conflict([(0.0, 1.0), None, (2.0, 3.0)]) == [True, False, True]
    assert in_conflict([(0.0, 1.0), (0.5, 2.0)]) == [False, False]
    assert in_conflict([(0.0, 1.0)]) == [False]
