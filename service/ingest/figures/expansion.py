"""From a number the core pattern found to the whole expression (``expand``): its value, a
fraction or scale after it (``printed_values.py``), a currency before it, the
approximation, a range, the unit or counted noun after it (``expression_units.py``,
``counts.py``); and the cases where a number is no figure after all (a label, part of a
name, a year, a time window, a bare number word that counts nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from service.ingest.figures.approximations import (
    APPROX,
    APPROX_AFTER,
    APPROX_BEFORE,
    BEYOND_THE,
    EXCEEDED,
    MARK_AFTER,
    OR_MORE,
    PHRASAL_OVER,
)
from service.ingest.figures.expression_units import unit_after
from service.ingest.figures.not_figures import CASUALTIES_AFTER, looks_like_year, overlaps
from service.ingest.figures.number_match import Expression, NumberMatch
from service.ingest.figures.number_words import (
    SCALE_AFTER,
    fold,
    parse_number_text,
    scale_factor,
)
from service.ingest.figures.printed_values import fraction_and_scale, printed_value
from service.ingest.figures.ranges import (
    BETWEEN_AND,
    CHANGE_FROM,
    FROM_BEFORE,
    RANGE_AFTER,
    SPELLED_RANGE,
    WORD_BETWEEN_AND,
    WORD_RANGE,
    money_range,
)
from service.ingest.figures.units import MONEY_BEFORE, MONEY_UNITS, PER_SHARE, PLURAL_NOUN
from service.ingest.model import Approximation, Span


@dataclass(frozen=True, slots=True)
class _Before:
    """The approximation printed before a number: its word, folded ("more than",
    "between"), where the expression starts, and the mark of a level crossed ("below the
    5000 mark")."""

    word: str | None
    start: int
    mark: re.Match[str] | None = None


@dataclass(frozen=True, slots=True)
class _Range:
    """What reading a range gave: the expression, the end of a change ("from 9 to 10")
    and whether the range is spelt out in words ("250 to 290")."""

    read: Expression
    changed_to: re.Match[str] | None = None
    spelled: bool = False


def expand(body: str, m: re.Match[str], zones: list[tuple[int, int]]) -> NumberMatch | None:
    """The whole expression round the number ``m`` the core pattern found in ``body``
    (``zones``: spans where no range may end), or None where it is no figure. The steps,
    in order: the value as printed with its fraction and scale, a currency before it, the
    approximation before it, a range after it, the unit after it, then the numbers that
    are no figure (a year, a bare range), a price per share, a level crossed, and the
    approximation printed after it ("or more")."""
    read = printed_value(body, m)
    if read is None:
        return None
    kind, value, upper = read
    value, factor, scale, end = fraction_and_scale(body, kind, value, m.end())
    money = _currency_before(body, m.start()) if kind == "digits" else None
    unit, start = money or ("count", m.start())
    before = _approximation_before(body, start, end)
    ranged = _range_after(
        body,
        kind,
        Expression(value, upper, unit, end, end),
        zones=zones,
        factor=factor,
        scale=scale,
        start=start,
        before=before,
        money=money is not None,
    )
    if before.word == "between" and ranged.read.upper is None:
        before = _Before(None, start)
    expression = unit_after(
        body,
        m,
        kind,
        ranged.read,
        scale=scale,
        changed_to=ranged.changed_to,
        start=start,
        approx_start=before.start,
    )
    if expression is None or _no_figure(body, m, kind, expression, ranged.spelled):
        return None
    expression = _level_crossed(before, _per_share(body, expression))
    approximation, end = _approximation(body, kind, start, before, expression)
    return NumberMatch(
        span=Span(before.start, end),
        number_span=Span(m.start(), expression.number_end),
        value=expression.value,
        upper_bound=expression.upper,
        approximation=approximation,
        unit=expression.unit,
        noun=expression.noun,
        is_age=expression.is_age,
        is_more=expression.is_more,
    )


def _currency_before(body: str, start: int) -> tuple[str, int] | None:
    """The currency printed before digits and where the amount then starts: "$500" (USD),
    "NZ$26 million" (NZD), "EUR 12" (EUR). None where there is none."""
    money = MONEY_BEFORE.search(body[max(0, start - 4) : start])
    if money is None:
        return None
    return MONEY_UNITS[money.group("sym").strip()], start - len(money.group("sym"))


def _approximation_before(body: str, start: int, end: int) -> _Before:
    """The approximation printed before the number starting at ``start``: "more than
    1,000", "nearly 40" (never a verb's particle: "handed over 435,059 cars"), or a level
    crossed, printed round the number ("below the 5000 mark", which ends at ``end``)."""
    prefix = body[max(0, start - 30) : start]
    approx_m = APPROX_BEFORE.search(prefix)
    if approx_m is not None and PHRASAL_OVER.search(prefix, 0, approx_m.end()):
        approx_m = None  # "handed over 435,059 cars": the verb's particle, not "more than"
    if approx_m is not None:
        word = " ".join(fold(approx_m.group("a")).split())
        return _Before(word, start - len(prefix) + approx_m.start())
    mark = MARK_AFTER.match(body, end)
    beyond = BEYOND_THE.search(prefix) if mark is not None else None
    if mark is not None and beyond is not None:
        return _Before(fold(beyond.group("a")), start - len(prefix) + beyond.start(), mark)
    return _Before(None, start)


def _range_after(
    body: str,
    kind: str,
    read: Expression,
    *,
    zones: list[tuple[int, int]],
    factor: float,
    scale: re.Match[str] | None,
    start: int,
    before: _Before,
    money: bool,
) -> _Range:
    """The expression with the high end of a range printed after the number: in digits
    (``_digits_range``) or in words (``_words_range``); a vague amount has its range."""
    if kind == "digits":
        return _digits_range(
            body,
            read,
            zones=zones,
            factor=factor,
            scale=scale,
            start=start,
            before=before,
            money=money,
        )
    if kind == "words":
        return _Range(
            _words_range(body, read, factor=factor, scale=scale, between=before.word == "between")
        )
    return _Range(read)


def _digits_range(
    body: str,
    read: Expression,
    *,
    zones: list[tuple[int, int]],
    factor: float,
    scale: re.Match[str] | None,
    start: int,
    before: _Before,
    money: bool,
) -> _Range:
    """A range in digits: "250 to 290", "between 1.0 and 1.9", "$24 to $26" (the
    currency printed again), "$12 million to $20 million" (each end its own scale),
    "between 8 and 15 billion barrels" (the scale is both ends'). A change "increased from
    9 to 10" is no range: where it started, with the end of where it went (``changed_to``:
    "rose from 5 to 7 percent" is of the unit printed after the second). Never a high end
    inside ``zones``."""
    between = before.word == "between"
    rng = (BETWEEN_AND if between else RANGE_AFTER).match(body, read.end)
    if rng is None and money:
        rng = money_range(body, start, read.end, read.value / factor, between)
    if rng is not None and CHANGE_FROM.search(body[max(0, start - 60) : start]):
        return _Range(read, changed_to=rng)
    if rng is None or overlaps(zones, rng.start("n"), rng.end("n")):
        return _Range(read)
    spelled = SPELLED_RANGE.match(body, read.end) is not None and not FROM_BEFORE.search(
        body, max(0, before.start - 6), before.start
    )
    value = read.value
    upper = parse_number_text(rng.group("n"))
    upper = upper * factor if upper is not None else None
    end = rng.end()
    again = SCALE_AFTER.match(body, end) if scale is not None else None
    if again is not None and scale_factor(again) == factor:
        end = again.end()  # "$12 million to $20 million": each its own
    shared = SCALE_AFTER.match(body, end) if scale is None else None
    if shared is not None and upper is not None:
        # "between 8 and 15 billion barrels": the scale is both ends'
        factor = scale_factor(shared)
        value, upper = value * factor, upper * factor
        end = shared.end()
    return _Range(replace(read, value=value, upper=upper, end=end, number_end=end), spelled=spelled)


def _words_range(
    body: str, read: Expression, *, factor: float, scale: re.Match[str] | None, between: bool
) -> Expression:
    """A range in words, low to high: "two or three goals", "from ten to 32 pages",
    "between three and seven percent", "two or three hundred people" (the scale is both
    ends'). Not where the second is no higher than the first."""
    rng = (WORD_BETWEEN_AND if between else WORD_RANGE).match(body, read.end)
    if rng is None:
        return read
    high = parse_number_text(rng.group("n"))
    if high is None or high * factor <= read.value:
        return read
    value, upper, end = read.value, high * factor, rng.end()
    shared = SCALE_AFTER.match(body, end) if scale is None else None
    if shared is not None and shared.group("word"):
        factor = scale_factor(shared)
        value, upper = value * factor, upper * factor
        end = shared.end()
    return replace(read, value=value, upper=upper, end=end, number_end=end)


def _no_figure(body: str, m: re.Match[str], kind: str, read: Expression, spelled: bool) -> bool:
    """Digits that count nothing are no figure: a year ("in 2019"; but "2019 deaths" is a
    toll), and a bare range of digits ("9-10" is a date part, a score or a time; "40 to 50
    questions" and a range spelt out, "250 to 290", are figures)."""
    if kind != "digits" or read.unit != "count":
        return False
    if read.upper is None:
        return looks_like_year(m.group(0)) and not CASUALTIES_AFTER.match(body, read.end)
    return not PLURAL_NOUN.match(body, read.end) and not (
        spelled and not looks_like_year(m.group(0))
    )


def _per_share(body: str, read: Expression) -> Expression:
    """An amount per share takes "per share" into its span: "$11.05 per share"."""
    if read.unit in ("count", "people", "percent"):
        return read
    if (share := PER_SHARE.match(body, read.end)) is not None:
        return replace(read, end=share.end())
    return read


def _level_crossed(before: _Before, read: Expression) -> Expression:
    """A level crossed is counted in points, its span to the mark: "below the 5000
    mark"."""
    if before.mark is not None and read.unit == "count" and read.upper is None:
        return replace(read, unit="points", end=before.mark.end())
    return read


def _approximation(
    body: str, kind: str, start: int, before: _Before, read: Expression
) -> tuple[Approximation, int]:
    """How exact the figure is and where the expression ends: the word before it ("more
    than", "nearly"; "between" is the range's), a level exceeded ("exceeded 10% of 2000
    levels": more than), or the word after it ("1,000 or more"); a vague amount
    ("hundreds") is vague, any other exact."""
    prefix = body[max(0, start - 30) : start]
    if before.word is not None and before.word != "between":
        return APPROX[before.word], read.end
    if EXCEEDED.search(prefix):
        return Approximation.MORE_THAN, read.end
    if (after := OR_MORE.match(body, read.end)) is not None and read.upper is None:
        return APPROX_AFTER[fold(after.group("w"))], after.end()
    return (Approximation.VAGUE if kind == "vague" else Approximation.EXACT), read.end
