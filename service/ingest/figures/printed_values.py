"""The number as printed, before anything round it is read: what kind of number the core
pattern matched and its value (``printed_value``), and the fraction and scale words
printed after it (``fraction_and_scale``)."""

from __future__ import annotations

import re

from service.ingest.figures.group_names import names_a_group
from service.ingest.figures.not_figures import LEADING_ZERO, is_name_number, sentence_initial
from service.ingest.figures.number_words import (
    AND_A_HALF,
    FRACTION_GLYPHS,
    HUNDRED_AND,
    MIXED_FRACTION,
    SCALE_AFTER,
    VAGUE_AMOUNTS,
    fold,
    parse_number_text,
    scale_factor,
)
from service.ingest.figures.units import (
    MONEY_AFTER,
    MONEY_BEFORE,
    PERCENT_AFTER,
    PHYSICAL,
    TEMPERATURE,
)

# A decimal comma the core pattern took ("70,76%"): read as a decimal point.
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


def spaced_scale(body: str, end: int) -> bool:
    """A scale printed as a word or apart from the digits ("500 million", "500 bn") makes
    an amount of a number after a name ("fined Google 500 million euros"); a letter glued
    to the digits does not: "an Nvidia GeForce 9400M chip", "GeForce GT 650M-based
    graphics", "Wi-Fi 802.11b" name a model or a standard, count no millions."""
    scale = SCALE_AFTER.match(body, end)
    return scale is not None and not (scale.group("short") and scale.start("short") == end)


def printed_value(body: str, m: re.Match[str]) -> tuple[str, float, float | None] | None:
    """The kind of number the core pattern matched ("vague", "digits" or "words"), its
    value and, for a vague amount, its upper end ("hundreds": 100..999). None where the
    match is no amount: a label ("serial number 001"), part of a name ("the Big Three",
    "Form 10"), digits glued to letters ("4G", "16x9")."""
    start, end = m.start(), m.end()
    if m.group("vague"):
        low, high = VAGUE_AMOUNTS[" ".join(fold(m.group("vague")).split())]
        return "vague", low, high
    kind = "digits" if m.group("digits") else "words"
    if kind == "digits" and LEADING_ZERO.match(m.group(0)) and not PERCENT_AFTER.match(body, end):
        return None  # "serial number 001", "Crimestoppers on 0800 555111": a label
    if kind == "words" and m.group(0)[0].isupper() and not sentence_initial(body, start):
        return None  # "the Big Three", "Group of Seven": part of a name
    if kind == "words" and names_a_group(body, start, end):
        return None  # "the two Koreas", "the big three carmakers": part of a name
    if (
        kind == "digits"
        and is_name_number(body, start)
        and not PERCENT_AFTER.match(body, end)
        and MONEY_BEFORE.search(body[max(0, start - 4) : start]) is None
        and not (spaced_scale(body, end) or MONEY_AFTER.match(body, end))
    ):
        return None  # "Form 10", "GeForce 9400M"; but "gave Toqaev 70.96 percent" is a
        # share, and "fined Google 500 million euros" an amount
    if kind == "digits" and body[end : end + 1].isalpha():
        short = SCALE_AFTER.match(body, end)
        if (
            (short is None or not short.group("short"))
            and not TEMPERATURE.match(body, end)
            and not PHYSICAL.match(body, end)
        ):
            return None  # "16x9", "4G"; but "49.9C" is a temperature, "500km" a length
    if kind == "digits" and _DECIMAL_COMMA.fullmatch(m.group(0)):
        parsed: float | None = float(m.group(0).replace(",", "."))
    else:
        parsed = parse_number_text(m.group(0))
    if parsed is None:
        return None
    return kind, parsed, None


def fraction_and_scale(
    body: str, kind: str, value: float, end: int
) -> tuple[float, float, re.Match[str] | None, int]:
    """The value with the fraction and the scale words printed after it ("2-1/2", "two and
    a half", "12 million", "two hundred thousand"), the scale's factor (1 without one),
    the scale's match and where the number now ends."""
    if kind == "digits" and (part := MIXED_FRACTION.match(body, end)) is not None:
        # "a 2-1/2 year sentence", "sentenced to 2 1/2 years", "the first 7 ½ minutes"
        if part.group("glyph"):
            value += FRACTION_GLYPHS[part.group("glyph")]
        else:
            value += int(part.group("n")) / int(part.group("d"))
        end = part.end()
    elif kind == "words" and (half := AND_A_HALF.match(body, end)) is not None:
        value += 0.5  # "almost two and a half years behind schedule"
        end = half.end()
    scale = SCALE_AFTER.match(body, end) if kind != "vague" else None
    if scale is not None:
        factor = scale_factor(scale)
        value *= factor
        end = scale.end()
        tail = HUNDRED_AND.match(body, end) if kind == "words" and factor == 100 else None
        if tail is not None and (rest := parse_number_text(tail.group("n"))) is not None:
            value, end = value + rest, tail.end()  # "one hundred and fifty people"
        while (more := SCALE_AFTER.match(body, end)) is not None and more.group("word"):
            larger = scale_factor(more)
            if larger <= factor:
                break
            # "two hundred thousand people", "a hundred billion dollars": scales multiply
            value, factor, end = value * larger, factor * larger, more.end()
    else:
        factor = 1.0
    return value, factor, scale, end
