"""From a number the core pattern found to the whole expression: its value, a fraction or
scale after it, a currency before it, the approximation, a range, the unit or counted
noun after it; and the cases where a number is no figure after all (a label, part of a
name, a year, a time window, a bare number word that counts nothing).
"""

from __future__ import annotations

import re

from service.ingest.figures.approximations import (
    APPROX,
    APPROX_AFTER,
    APPROX_BEFORE,
    BEYOND_THE,
    EXCEEDED,
    MARK_AFTER,
    MORE_AFTER,
    OR_MORE,
    PHRASAL_OVER,
)
from service.ingest.figures.not_figures import (
    CASUALTIES_AFTER,
    LEADING_ZERO,
    is_name_number,
    looks_like_year,
    overlaps,
    sentence_initial,
)
from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.number_words import (
    AND_A_HALF,
    FRACTION_GLYPHS,
    HUNDRED_AND,
    MIXED_FRACTION,
    ONE_PERSON,
    SCALE_AFTER,
    VAGUE_AMOUNTS,
    fold,
    parse_number_text,
    scale_factor,
)
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
from service.ingest.figures.units import (
    AGE,
    CHARGE_COUNTS,
    COUNTED,
    DURATION,
    DURATION_UNITS,
    HUNDREDTHS,
    INCHES_ABBREVIATED,
    MONEY_AFTER,
    MONEY_BEFORE,
    MONEY_UNITS,
    MONEY_WORDS,
    OF_MONEY,
    OUT_OF,
    PAIRED_PERCENT,
    PER_SHARE,
    PERCENT,
    PERCENT_AFTER,
    PHYSICAL,
    PHYSICAL_UNIT_WORDS,
    PLURAL_NOUN,
    RECORD_WINDOW,
    TEMPERATURE,
    TIMES,
    WEIGHED,
    WHEN_AFTER,
    WINDOW_BEFORE,
)
from service.ingest.model import Approximation, Span

# A decimal comma the core pattern took ("70,76%"): read as a decimal point.
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


# A group the copy counted before, named by its number alone: "we could have used the other
# two", "all three are down", "The three who voted against", "while the other two seemed
# cut" (a count, as "two of them" is; never "the two from AFP" nor "the Big Three").
_GROUP_BEFORE = re.compile(r"\b(?:the\s+other|all|the|those|these)\s+$", re.IGNORECASE)


_GROUP_AFTER = re.compile(
    r"\s*[,.;:)](?!\d)|\s+(?P<who>who)\b"
    r"|\s+(?:were|are|was|is|had|have|will|would|could|did|also|then|[a-z]+ed)\b"
)


# A bare number word that a verb of harm takes, or that is harmed, counts people: "an
# attack which killed seven", "injuring three", "five people died and seven were injured"
# (not "lost eight", "beat two": games and rivals are no people).
_HARM = r"(?:killed|dead|injured|wounded|hurt|missing|arrested|detained|rescued|evacuated)"


_HARMED_BARE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|injur(?:ed|ing|es)?|wound(?:ed|ing|s)?|hurt(?:ing|s)?)\s+"
    r"(?:(?:at\s+least|another|a\s+further|over|some|about|nearly)\s+)?$",
    re.IGNORECASE,
)


# A body of people counted by a bare number word after it: "the project's panel of
# twelve", "a flight crew of six" (not "groups of three": groups of what is not said).
_BODY_OF = re.compile(
    r"\b(?:panel|jury|crew|committee|board|council|commission|delegation|bench)\s+of\s+$",
    re.IGNORECASE,
)


_WERE_HARMED = re.compile(
    rf"\s+(?:were|are|have\s+been|had\s+been)\s+(?:(?:also|seriously|critically|"
    rf"badly|slightly|reportedly)\s+)?{_HARM}\b",
    re.IGNORECASE,
)


def expand(body: str, m: re.Match[str], zones: list[tuple[int, int]]) -> NumberMatch | None:
    start, end = m.start(), m.end()
    read = _printed_value(body, m)
    if read is None:
        return None
    kind, value, upper = read
    approximation = Approximation.VAGUE if kind == "vague" else Approximation.EXACT
    value, factor, scale, end = _fraction_and_scale(body, kind, value, end)
    number_end = end
    unit = "count"
    money = MONEY_BEFORE.search(body[max(0, start - 4) : start]) if kind == "digits" else None
    if money is not None:
        unit = MONEY_UNITS[money.group("sym").strip()]
        start -= len(money.group("sym"))
    prefix = body[max(0, start - 30) : start]
    approx_m = APPROX_BEFORE.search(prefix)
    if approx_m is not None and PHRASAL_OVER.search(prefix, 0, approx_m.end()):
        approx_m = None  # "handed over 435,059 cars": the verb's particle, not "more than"
    approx_word = " ".join(fold(approx_m.group("a")).split()) if approx_m else None
    approx_start = start - len(prefix) + approx_m.start() if approx_m else start
    mark = MARK_AFTER.match(body, end) if approx_m is None else None
    beyond = BEYOND_THE.search(prefix) if mark is not None else None
    if mark is not None and beyond is not None:
        # "below the 5000 mark": a level crossed, printed round the number
        approx_word = fold(beyond.group("a"))
        approx_start = start - len(prefix) + beyond.start()
    changed_to: re.Match[str] | None = None
    spelled = False  # a range spelt out in words: "250 to 290", "between 1.0 and 1.9"
    if kind == "digits":
        rng = (BETWEEN_AND if approx_word == "between" else RANGE_AFTER).match(body, end)
        if rng is None and money is not None:
            rng = money_range(body, start, end, value / factor, approx_word == "between")
        if rng is not None and CHANGE_FROM.search(body[max(0, start - 60) : start]):
            # "increased from 9 to 10": where a change started, and where it went; "rose
            # from 5 to 7 percent": of the unit printed after the second
            changed_to, rng = rng, None
        if rng is not None and not overlaps(zones, rng.start("n"), rng.end("n")):
            spelled = SPELLED_RANGE.match(body, end) is not None and not FROM_BEFORE.search(
                body, max(0, approx_start - 6), approx_start
            )
            upper = parse_number_text(rng.group("n"))
            upper = upper * factor if upper is not None else None
            end = number_end = rng.end()
            again = SCALE_AFTER.match(body, end) if scale is not None else None
            if again is not None and scale_factor(again) == factor:
                end = number_end = again.end()  # "$12 million to $20 million": each its own
            shared = SCALE_AFTER.match(body, end) if scale is None else None
            if shared is not None and upper is not None:
                # "between 8 and 15 billion barrels": the scale is both ends'
                factor = scale_factor(shared)
                value, upper = value * factor, upper * factor
                end = number_end = shared.end()
    elif (
        kind == "words"
        and (rng := (WORD_BETWEEN_AND if approx_word == "between" else WORD_RANGE).match(body, end))
        is not None
    ):
        # "two or three goals", "from ten to 32 pages", "between three and seven percent":
        # a range, low to high
        high = parse_number_text(rng.group("n"))
        if high is not None and high * factor > value:
            upper, end = high * factor, rng.end()
            number_end = end
            shared = SCALE_AFTER.match(body, end) if scale is None else None
            if shared is not None and shared.group("word"):
                # "two or three hundred people": the scale is both ends'
                factor = scale_factor(shared)
                value, upper = value * factor, upper * factor
                end = number_end = shared.end()
    if approx_word == "between" and upper is None:
        approx_word, approx_start = None, start
    is_age = False
    noun: str | None = None
    is_more = False
    if upper is None and unit == "count" and (frac := OUT_OF.match(body, end)) is not None:
        words = " ".join(fold(frac.group("d") or frac.group("i")).split())
        whole = {"a hundred": 100.0, "hundred": 100.0}.get(words) or parse_number_text(words)
        if whole and (frac.group("d") or value < whole):
            value, unit, end = round(value / whole * 100, 6), "percent", frac.end()
    if unit == "percent":
        pass
    elif changed_to is not None and PERCENT.match(body, changed_to.end()):
        unit = "percent"
    elif (pct := PERCENT.match(body, end)) is not None:
        unit, end = "percent", pct.end()
    elif (
        upper is None
        and not (kind == "digits" and looks_like_year(m.group(0)))
        and PAIRED_PERCENT.match(body, end)
    ):
        unit = "percent"  # "fell by 1.5 and 3 percent": the first of the pair is a share too
    elif (age := AGE.match(body, end)) is not None:
        unit, end, is_age = fold(age.group("u")) + "s", age.end(), True
    elif (dur := DURATION.match(body, end)) is not None:
        if WHEN_AFTER.match(body, dur.end()):
            return None  # "two years ago", "a 4 year low": when, not how long
        if WINDOW_BEFORE.search(body, max(0, approx_start - 40), approx_start):
            return None  # "in the past nine days": a time window, not how long
        if RECORD_WINDOW.search(body, max(0, approx_start - 80), approx_start):
            return None  # "its lowest level in five years": a record's window
        word = fold(dur.group("u")).removesuffix("s")
        unit, end = DURATION_UNITS[word], dur.end()
        if word == "decade":
            value *= 10
            upper = upper * 10 if upper is not None else None
    elif (
        kind == "vague"
        and unit == "count"
        and (of := OF_MONEY.match(body, end)) is not None
        and (cur := MONEY_AFTER.match(body, of.end())) is not None
        and cur.group("cur")
        and fold(cur.group("cur")).endswith(("s", "yen", "yuan", "won", "rand", "baht"))
    ):
        # "millions of dollars", "hundreds of thousands of pounds": a vague sum of money
        # (not "hundreds of dollar bills")
        unit, end = MONEY_WORDS[" ".join(fold(cur.group("cur")).split())], cur.end()
    elif unit == "count" and (cur := MONEY_AFTER.match(body, end)) is not None:
        word = " ".join(fold(cur.group("cur") or cur.group("pence")).split())
        unit, end = MONEY_WORDS[word], cur.end()
        if word in ("pound", "pounds") and WEIGHED.search(body, max(0, start - 30), start):
            unit = "lb"  # "weighed 200 pounds": a weight, not sterling
        if word in HUNDREDTHS:
            value /= 100
            upper = upper / 100 if upper is not None else None
    elif unit == "count" and (measure := PHYSICAL.match(body, end)) is not None:
        printed = re.sub(r"[\s-]+", " ", fold(measure.group("u")))
        unit = PHYSICAL_UNIT_WORDS.get(printed) or PHYSICAL_UNIT_WORDS[printed.rstrip(".")]
        end = measure.end()
    elif unit == "count" and (inch := INCHES_ABBREVIATED.match(body, end)) is not None:
        unit, end = "inches", inch.end()
    elif unit == "count" and (heat := TEMPERATURE.match(body, end)) is not None:
        unit, end = "degrees", heat.end()
    elif unit == "count" and (times := TIMES.match(body, end)) is not None:
        unit, end = "times", times.end()  # "arrested seven times", "four times faster"
    elif unit == "count" and (counts := CHARGE_COUNTS.match(body, end)) is not None:
        unit, end = "counts", counts.end()  # "two counts of murder": charges, not people
    elif unit == "count":
        if (more := MORE_AFTER.match(body, end)) is not None:
            is_more, end = True, more.end()
        dur = DURATION.match(body, end) if is_more else None
        if dur is not None and not WHEN_AFTER.match(body, dur.end()):
            # "three more years were added to his term", "two more decades"
            word = fold(dur.group("u")).removesuffix("s")
            unit, end = DURATION_UNITS[word], dur.end()
            value *= 10 if word == "decade" else 1
        elif (counted := COUNTED.match(body, end)) is not None:
            adjectives = counted.group("adj").split()
            registered = (
                adjectives[-1:] if adjectives[-1:] in (["registered"], ["eligible"]) else []
            )
            noun = " ".join([*registered, counted.group("noun")])
            unit, end = "people", counted.end()
        elif kind == "words" and value == 1 and (one := ONE_PERSON.match(body, end)):
            unit, end = "people", one.end()  # "One person is killed"
        elif kind == "words" and scale is None and PLURAL_NOUN.match(body, end) is None:
            if (
                _HARMED_BARE.search(body, max(0, m.start() - 20), m.start())
                or _WERE_HARMED.match(body, end)
                or _BODY_OF.search(body, max(0, m.start() - 20), m.start())
            ):
                # "which he said killed seven", "seven were injured", "a panel of twelve"
                unit = "people"
            else:
                group = _GROUP_AFTER.match(body, end) if m.group(0).islower() else None
                if group is None or not _GROUP_BEFORE.search(
                    body, max(0, m.start() - 12), m.start()
                ):
                    return None  # "including two from AFP": a bare number word is no figure
                if group.group("who"):
                    unit = "people"  # "The three who voted against"
    if (
        kind == "digits"
        and unit == "count"
        and upper is None
        and looks_like_year(m.group(0))
        and not CASUALTIES_AFTER.match(body, end)
    ):
        return None
    if (
        kind == "digits"
        and unit == "count"
        and upper is not None
        and not PLURAL_NOUN.match(body, end)
        and not (spelled and not looks_like_year(m.group(0)))
    ):
        return None  # a bare "9-10" is a date part, a score or a time; "40 to 50 questions" is not
    if unit not in ("count", "people", "percent") and (share := PER_SHARE.match(body, end)):
        end = share.end()  # "$11.05 per share": the amount is per share
    if beyond is not None and mark is not None and unit == "count" and upper is None:
        unit, end = "points", mark.end()
    if approx_word is not None and approx_word != "between":
        approximation = APPROX[approx_word]
    elif EXCEEDED.search(prefix):
        approximation = Approximation.MORE_THAN  # "exceeded 10% of 2000 levels"
    elif (after := OR_MORE.match(body, end)) is not None and upper is None:
        approximation, end = APPROX_AFTER[fold(after.group("w"))], after.end()
    return NumberMatch(
        span=Span(approx_start, end),
        number_span=Span(m.start(), number_end),
        value=value,
        upper_bound=upper,
        approximation=approximation,
        unit=unit,
        noun=noun,
        is_age=is_age,
        is_more=is_more,
    )


def _spaced_scale(body: str, end: int) -> bool:
    """A scale printed as a word or apart from the digits ("500 million", "500 bn") makes
    an amount of a number after a name ("fined Google 500 million euros"); a letter glued
    to the digits does not: "an Nvidia GeForce 9400M chip", "GeForce GT 650M-based
    graphics", "Wi-Fi 802.11b" name a model or a standard, count no millions."""
    scale = SCALE_AFTER.match(body, end)
    return scale is not None and not (scale.group("short") and scale.start("short") == end)


def _printed_value(body: str, m: re.Match[str]) -> tuple[str, float, float | None] | None:
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
    if (
        kind == "digits"
        and is_name_number(body, start)
        and not PERCENT_AFTER.match(body, end)
        and MONEY_BEFORE.search(body[max(0, start - 4) : start]) is None
        and not (_spaced_scale(body, end) or MONEY_AFTER.match(body, end))
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


def _fraction_and_scale(
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
