"""A fact's values on a number line, laid out for an SVG the template draws: one row per
value, its point and the interval of true values its report allows, conflicting values
marked, the band every value allows (when there is one) shaded."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from service.desk.values import ValueGroup

WIDTH = 720
LEFT = 230  # room for each row's printed value and status
RIGHT = 24
ROW = 34
TOP = 14
AXIS = 30  # below the rows: the axis and its tick labels


@dataclass(frozen=True, slots=True)
class Bar:
    number: int
    label: str
    y: float
    point: float
    low: float
    high: float
    open_low: bool  # the interval runs on past the chart's edge
    open_high: bool
    conflicting: bool
    deprecated: bool  # drawn faint and struck: listed, but in no conflict
    status: str


@dataclass(frozen=True, slots=True)
class NumberLine:
    width: int
    height: int
    left: int
    right: int
    axis_y: float
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    agreed: tuple[float, float] | None


def _domain(groups: Sequence[ValueGroup]) -> tuple[float, float]:
    ends = [g.first.value for g in groups] + [
        end for g in groups for end in (g.low, g.high) if math.isfinite(end)
    ]
    low, high = min(ends), max(ends)
    pad = (high - low) * 0.15 or max(abs(high) * 0.05, 1.0)
    return low - pad, high + pad


def _step(span: float) -> float:
    raw = span / 6
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def _tick_label(value: float, step: float) -> str:
    decimals = max(0, -math.floor(math.log10(step)))
    return f"{value:,.{decimals}f}"


def number_line(groups: Sequence[ValueGroup]) -> NumberLine | None:
    if not groups:
        return None
    low, high = _domain(groups)
    end = WIDTH - RIGHT

    def x(value: float) -> float:
        clamped = min(max(value, low), high)
        return round(LEFT + (clamped - low) / (high - low) * (end - LEFT), 1)

    bars = [
        Bar(
            number=g.number,
            label=g.first.text,
            y=TOP + i * ROW + ROW / 2,
            point=x(g.first.value),
            low=x(g.low),
            high=x(g.high),
            open_low=g.low < low,
            open_high=g.high > high,
            conflicting=bool(g.conflicts),
            deprecated=g.deprecated,
            status=", ".join(g.statuses),
        )
        for i, g in enumerate(groups)
    ]
    step = _step(high - low)
    first_tick = math.ceil(low / step) * step
    count = int((high - first_tick) // step) + 1
    values = [first_tick + i * step for i in range(count)]
    ticks = [(x(value), _tick_label(value, step)) for value in values]
    # The band every value in force allows: deprecated values take no part.
    counted = [g for g in groups if not g.deprecated]
    agreed_low = max((g.low for g in counted), default=math.inf)
    agreed_high = min((g.high for g in counted), default=-math.inf)
    axis_y = TOP + len(groups) * ROW
    return NumberLine(
        width=WIDTH,
        height=int(axis_y + AXIS),
        left=LEFT,
        right=end,
        axis_y=axis_y,
        bars=bars,
        ticks=ticks,
        agreed=(x(agreed_low), x(agreed_high)) if agreed_low <= agreed_high else None,
    )
