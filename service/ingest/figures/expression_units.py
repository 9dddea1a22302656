"""The unit printed after a number (``unit_after``), in the order the readers are tried: a
share ("12 out of 40", "70.76%"), an age ("41-year-old"), a length of time ("three
years"), a sum of money ("millions of dollars", "500 euros"), a physical measure ("500
km", "6 inches", "49.9C"), "times" and charges ("two counts of murder"); else what the
number counts (``counts.py``)."""

from __future__ import annotations

import re
from dataclasses import replace

from service.ingest.figures.counts import counted_after
from service.ingest.figures.not_figures import looks_like_year
from service.ingest.figures.number_match import Expression
from service.ingest.figures.number_words import fold, parse_number_text
from service.ingest.figures.units import (
    AGE,
    CHARGE_COUNTS,
    DURATION,
    DURATION_UNITS,
    HUNDREDTHS,
    INCHES_ABBREVIATED,
    MONEY_AFTER,
    MONEY_WORDS,
    OF_MONEY,
    OUT_OF,
    PAIRED_PERCENT,
    PERCENT,
    PHYSICAL,
    PHYSICAL_UNIT_WORDS,
    RECORD_WINDOW,
    TEMPERATURE,
    TIMES,
    WEIGHED,
    WHEN_AFTER,
    WINDOW_BEFORE,
)


def unit_after(
    body: str,
    m: re.Match[str],
    kind: str,
    read: Expression,
    *,
    scale: re.Match[str] | None,
    changed_to: re.Match[str] | None,
    start: int,
    approx_start: int,
) -> Expression | None:
    """``read`` with the unit printed after the number ``m`` (``kind`` as
    ``printed_value`` tells it; ``scale`` its scale word; ``changed_to`` the end of a
    change "from 5 to 7"; ``start`` where the number with its currency starts and
    ``approx_start`` where the approximation before it does). The first reader that
    finds its unit wins; a currency printed before keeps its unit unless a share, an
    age or a length of time follows. None where the number is no figure: a time window
    ("in the past nine days") or a bare number word that counts nothing."""
    read = out_of(body, read)
    if read.unit == "percent":
        return read
    if (share := share_after(body, m, kind, read, changed_to)) is not None:
        return share
    if (age := AGE.match(body, read.end)) is not None:
        return replace(read, unit=fold(age.group("u")) + "s", end=age.end(), is_age=True)
    if (dur := DURATION.match(body, read.end)) is not None:
        return length_of_time(body, dur, read, approx_start)
    if read.unit != "count":
        return read
    if (word := unit_word_after(body, kind, start, read)) is not None:
        return word
    return counted_after(body, m, kind, scale, read)


def out_of(body: str, read: Expression) -> Expression:
    """A count out of a whole is a share of it, in percent: "eight out of 10 voters" is
    80 percent, "1 in 5 species" 20 percent ("in" only before a whole larger than the
    count: "12 in 10" is no share)."""
    if read.upper is not None or read.unit != "count":
        return read
    if (frac := OUT_OF.match(body, read.end)) is None:
        return read
    words = " ".join(fold(frac.group("d") or frac.group("i")).split())
    whole = {"a hundred": 100.0, "hundred": 100.0}.get(words) or parse_number_text(words)
    if whole and (frac.group("d") or read.value < whole):
        value = round(read.value / whole * 100, 6)
        return replace(read, value=value, unit="percent", end=frac.end())
    return read


def share_after(
    body: str,
    m: re.Match[str],
    kind: str,
    read: Expression,
    changed_to: re.Match[str] | None,
) -> Expression | None:
    """A share: "rose from 5 to 7 percent" (the unit printed after where a change went is
    the start's too), "70.76%", and the first of a pair ("fell by 1.5 and 3 percent": the
    first is a share too; never a year, "2019 and 3 percent"). None where no share."""
    if changed_to is not None and PERCENT.match(body, changed_to.end()):
        return replace(read, unit="percent")
    if (pct := PERCENT.match(body, read.end)) is not None:
        return replace(read, unit="percent", end=pct.end())
    if (
        read.upper is None
        and not (kind == "digits" and looks_like_year(m.group(0)))
        and PAIRED_PERCENT.match(body, read.end)
    ):
        return replace(read, unit="percent")
    return None


def length_of_time(
    body: str, dur: re.Match[str], read: Expression, approx_start: int
) -> Expression | None:
    """How long, in the unit ``dur`` prints ("three years", "two decades": 20 years).
    None where the length says when or within what, not how long: "two years ago", "a 4
    year low", "in the past nine days" (a time window), "its lowest level in five years"
    (a record's window)."""
    if WHEN_AFTER.match(body, dur.end()):
        return None
    if WINDOW_BEFORE.search(body, max(0, approx_start - 40), approx_start):
        return None
    if RECORD_WINDOW.search(body, max(0, approx_start - 80), approx_start):
        return None
    word = fold(dur.group("u")).removesuffix("s")
    if word == "decade":
        upper = read.upper * 10 if read.upper is not None else None
        return replace(
            read, value=read.value * 10, upper=upper, unit=DURATION_UNITS[word], end=dur.end()
        )
    return replace(read, unit=DURATION_UNITS[word], end=dur.end())


def unit_word_after(body: str, kind: str, start: int, read: Expression) -> Expression | None:
    """A count with a unit word after it: money ("millions of dollars", "500 euros", "75
    cents": 0.75), a physical measure ("500 km", "6 in.", "49.9C"), "times" ("arrested
    seven times", "four times faster") or charges ("two counts of murder": counts, not
    people). None where no unit word follows."""
    if kind == "vague" and (money := vague_money(body, read.end)) is not None:
        unit, end = money
        return replace(read, unit=unit, end=end)
    if (cur := MONEY_AFTER.match(body, read.end)) is not None:
        return money_after(body, cur, start, read)
    if (measure := PHYSICAL.match(body, read.end)) is not None:
        printed = re.sub(r"[\s-]+", " ", fold(measure.group("u")))
        unit = PHYSICAL_UNIT_WORDS.get(printed) or PHYSICAL_UNIT_WORDS[printed.rstrip(".")]
        return replace(read, unit=unit, end=measure.end())
    if (inch := INCHES_ABBREVIATED.match(body, read.end)) is not None:
        return replace(read, unit="inches", end=inch.end())
    if (heat := TEMPERATURE.match(body, read.end)) is not None:
        return replace(read, unit="degrees", end=heat.end())
    if (times := TIMES.match(body, read.end)) is not None:
        return replace(read, unit="times", end=times.end())
    if (counts := CHARGE_COUNTS.match(body, read.end)) is not None:
        return replace(read, unit="counts", end=counts.end())
    return None


def vague_money(body: str, end: int) -> tuple[str, int] | None:
    """The currency of a vague sum of money and where it ends: "millions of dollars",
    "hundreds of thousands of pounds" (a plural currency only: not "hundreds of dollar
    bills")."""
    if (of := OF_MONEY.match(body, end)) is None:
        return None
    cur = MONEY_AFTER.match(body, of.end())
    if cur is None or not cur.group("cur"):
        return None
    if not fold(cur.group("cur")).endswith(("s", "yen", "yuan", "won", "rand", "baht")):
        return None
    return MONEY_WORDS[" ".join(fold(cur.group("cur")).split())], cur.end()


def money_after(body: str, cur: re.Match[str], start: int, read: Expression) -> Expression:
    """A sum of money in the currency printed after it: "500 euros", "75 cents" (0.75 of
    the dollar, as pence are of the pound); "weighed 200 pounds" is a weight in pounds."""
    word = " ".join(fold(cur.group("cur") or cur.group("pence")).split())
    unit = MONEY_WORDS[word]
    if word in ("pound", "pounds") and WEIGHED.search(body, max(0, start - 30), start):
        unit = "lb"
    if word in HUNDREDTHS:
        upper = read.upper / 100 if read.upper is not None else None
        return replace(read, value=read.value / 100, upper=upper, unit=unit, end=cur.end())
    return replace(read, unit=unit, end=cur.end())
