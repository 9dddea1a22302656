"""Numeric expressions in news copy, with their exact spans.

Finds digits ("70.76", "1,288"), number words ("three police", "a dozen"), scale words
("12 million", "US$500 million", "1.5bn"), vague amounts ("hundreds"), approximations
written before the number ("more than", "nearly"), ranges, percentages, ages and
durations. Dates, times, years, addresses, phone numbers, hashtags and numbers that
are part of a name ("Form 10") are never returned.

Decisions (see also docs/extraction.md):
- Vague amounts are VAGUE with ``value`` the lower and ``upper_bound`` the upper end:
  hundreds 100..999, thousands 1,000..9,999, tens of thousands 10,000..99,999, hundreds of
  thousands 100,000..999,999, millions 1e6..(1e7 - 1) (tens and hundreds of millions and
  billions alike), dozens 24..99 (at least two dozen, fewer than a hundred), scores
  40..99 (at least two score; only in "scores of"). "millions of dollars" is a sum of
  money in dollars.
- "several", "many", "a number of" carry no number and are skipped.
- The word "one" is never a figure ("one of its reporters", "one demonstrator"), except
  before a scale word ("one million").
- Number words need a counted noun or unit after them ("seven candidates"); a bare
  "two" ("including two from AFP") is not reported as a figure. Digits need no noun.

This module is the finder: the core pattern and the order in which the readers run.
The readers live by concern: ``number_words.py`` (numbers in words, vague amounts,
scales), ``expansion.py`` (from a core match to the whole expression; the value as
printed in ``printed_values.py``, the unit after it in ``expression_units.py``, what a
number with no unit word counts in ``counts.py``), ``units.py``, ``approximations.py``,
``ranges.py``, ``not_figures.py`` (dates, names, models), ``scores.py``, ``ages.py``,
``ranks.py`` and ``words.py``; ``number_match.py`` holds the ``NumberMatch`` they all
return.
"""

from __future__ import annotations

import re

from service.ingest.figures.ages import find_ages
from service.ingest.figures.approximations import hedged_alike
from service.ingest.figures.expansion import expand
from service.ingest.figures.not_figures import excluded, model_numbers, overlaps
from service.ingest.figures.number_match import NumberMatch, bounds
from service.ingest.figures.number_words import NUMBER_WORD_INITIALS, WORD_NUMBER
from service.ingest.figures.ranks import find_ranks
from service.ingest.figures.scores import find_scores, record_zones
from service.ingest.figures.units import CODES
from service.ingest.figures.words import find_word_amounts

# A decimal comma, as much of Europe prints a share: "70,76%", "8,26 percent" (before a
# percent sign only: elsewhere "12,5" may be a list).
_COMMA_DECIMAL = r"\d{1,3},\d{1,2}(?=\s?%|\s+per\s?cent\b|\s+percent\b)"


# Thousands as copy rebuilt from tokens prints them: "fell about 2, 000 feet", "$1, 199"
# (one group only, never one of a list: "68, 149, 95", "100, 200 and 300").
_SPACED_THOUSANDS = r"\d{1,3}, \d{3}(?![\d,.]|\s+(?:and|or|to|-|–)\s+\d)"


_CORE = re.compile(
    rf"\b(?=[{NUMBER_WORD_INITIALS}])(?:"
    rf"(?P<vague>(?:(?:a\s+few|several)\s+(?:hundred\s+(?:thousand|million|billion)|dozen"
    rf"|hundred|thousand|million|billion)"
    rf"|(?:tens|hundreds) of (?:thousands|millions|billions)|hundreds|thousands"
    rf"|millions|billions"
    rf"|dozens|scores(?=\s+of\b))\b)"
    rf"|(?P<words>{WORD_NUMBER}\b))"
    rf"|(?P<digits>(?=\d)(?:(?<![\w.,:/#@-])|(?<=(?<![A-Za-z])(?-i:{'|'.join(CODES)}))"
    r"|(?-i:(?<=\$US)|(?<=\$AU)|(?<=\$NZ)|(?<=\$A)))"
    rf"(?:{_COMMA_DECIMAL}|{_SPACED_THOUSANDS}|(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?))",
    re.IGNORECASE,
)


_OWNER = re.compile(r"['’]s\b")


def find_numbers(body: str, limit: int | None = None) -> tuple[NumberMatch, ...]:
    """Every numeric expression in ``body`` (the first ``limit``), in order of position."""
    zones = excluded(body) + record_zones(body)
    found = list(find_ages(body))
    found += [
        r
        for r in find_ranks(body)
        if not overlaps(zones, *bounds(r)) or "#" in body[r.span.start : r.span.end]
    ]
    for amount in find_word_amounts(body):
        if not overlaps([(a.span.start, a.span.end) for a in found], *bounds(amount)):
            found.append(amount)
    found += [
        score
        for score in find_scores(body, zones)
        if not overlaps([(a.span.start, a.span.end) for a in found], *bounds(score))
    ]
    taken = [(a.span.start, a.span.end) for a in found]
    blocked = zones + taken
    taken_until = 0
    names = model_numbers(body)
    position = 0
    while (m := _CORE.search(body, position)) is not None:
        position = m.end()
        if m.start() < taken_until:
            continue
        if overlaps(blocked, m.start(), m.end()):
            if ", " in m.group(0):
                position = m.start() + m.group(0).index(", ") + 2  # "May 5, 300 people"
            continue
        match = expand(body, m, zones)
        if match is not None and match.unit == "count" and m.group(0) in names:
            continue  # "the 787", "14 787 Dreamliners": a model the copy names "Boeing 787"
        if match is not None and match.unit == "count" and _OWNER.match(body, match.span.end):
            continue  # "107's text", "the 787's wings": a numbered thing that owns
        if match is not None and not overlaps(taken, match.span.start, match.span.end):
            found.append(match)
            taken_until = match.span.end
            if limit is not None and len(found) >= limit:
                break
    return hedged_alike(body, sorted(found, key=lambda n: n.span.start))
