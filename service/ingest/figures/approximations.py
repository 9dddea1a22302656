"""Approximations of a number: the words printed before it ("more than", "nearly", "up
to"), a round level crossed ("below the 5000 mark"), a floor passed ("exceeded 10%"),
the words after it ("107 or more"), and a restatement hedged as the amount it restates
("about 500 miles (800 km)").
"""

from __future__ import annotations

import re
from dataclasses import replace

from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.number_words import fold
from service.ingest.figures.units import PER_SHARE
from service.ingest.model import Approximation

MORE_AFTER = re.compile(r"\s+more\b", re.IGNORECASE)


# "107 or more", "a dozen or so", "ten or fewer": an approximation printed after.
OR_MORE = re.compile(r"\s+or\s+(?P<w>more|so|fewer|less)\b", re.IGNORECASE)


APPROX_AFTER = {
    "more": Approximation.AT_LEAST,
    "so": Approximation.ABOUT,
    "fewer": Approximation.UP_TO,
    "less": Approximation.UP_TO,
}


APPROX_BEFORE = re.compile(
    r"\b(?P<a>more\s+than|just\s+over|well\s+over|over|at\s+least|no\s+fewer\s+than|nearly|"
    r"almost|just\s+under|about|around|some|roughly|approximately|an\s+estimated|"
    r"up\s+to|as\s+many\s+as|less\s+than|fewer\s+than|under|a\s+mere|only|between|"
    r"above|below|(?:larger|greater|higher)\s+than|(?:smaller|lower)\s+than|"
    r"close(?:r)?\s+to)\s+$",
    re.IGNORECASE,
)


# "below the 5000 mark", "above the ten thousand mark": a round level a market crossed
MARK_AFTER = re.compile(r"\s+mark\b", re.IGNORECASE)


BEYOND_THE = re.compile(r"\b(?P<a>below|above|under|over)\s+the\s+$", re.IGNORECASE)


# Verbs that put their object as a floor passed: "exceeded 10%", "topped $1 billion"
EXCEEDED = re.compile(r"\b(?:exceed(?:ed|s|ing)?|surpass(?:ed|es|ing)?|topp(?:ed|ing))\s+$", re.I)


# Verbs whose particle is "over" ("handed over", "took over", "signed over").
PHRASAL_OVER = re.compile(
    r"\b(?:hand|turn|sign|pass|carry|hold|take|took|taken|give|gave|given)(?:s|ed|ing|n)?"
    r"\s+over\s+$",
    re.IGNORECASE,
)


APPROX = {
    "more than": Approximation.MORE_THAN, "just over": Approximation.MORE_THAN,
    "well over": Approximation.MORE_THAN, "over": Approximation.MORE_THAN,
    "at least": Approximation.AT_LEAST, "no fewer than": Approximation.AT_LEAST,
    "nearly": Approximation.NEARLY, "almost": Approximation.NEARLY,
    "just under": Approximation.NEARLY, "about": Approximation.ABOUT,
    "around": Approximation.ABOUT, "some": Approximation.ABOUT,
    "roughly": Approximation.ABOUT, "approximately": Approximation.ABOUT,
    "an estimated": Approximation.ABOUT, "up to": Approximation.UP_TO,
    "as many as": Approximation.UP_TO, "less than": Approximation.LESS_THAN,
    "fewer than": Approximation.LESS_THAN, "under": Approximation.LESS_THAN,
    "a mere": Approximation.EXACT, "only": Approximation.EXACT,
    "above": Approximation.MORE_THAN, "larger than": Approximation.MORE_THAN,
    "greater than": Approximation.MORE_THAN, "higher than": Approximation.MORE_THAN,
    "below": Approximation.LESS_THAN, "smaller than": Approximation.LESS_THAN,
    "lower than": Approximation.LESS_THAN, "close to": Approximation.ABOUT,
    "closer to": Approximation.ABOUT,
}  # fmt: skip


def approximation_of(words: str) -> Approximation:
    """The approximation words before a number say ("more than", "about")."""
    return APPROX.get(" ".join(fold(words).split()), Approximation.EXACT)


# A number restated in other terms right after a hedged one: "about 500 miles (800 km)",
# "over $6.7 billion, or $11.05 per share", "about 5,000 jobs, or 9%".
_RESTATEMENT = re.compile(r"\s*\(\s*|(?:\s+[a-z][\w-]*){0,2}\s*,\s+or\s+")


_HEDGES = frozenset(Approximation) - {Approximation.EXACT, Approximation.VAGUE}


def hedged_alike(body: str, found: list[NumberMatch]) -> tuple[NumberMatch, ...]:
    """Each restatement of a hedged amount in another unit, or per share, hedged as the
    amount is: "about 500 miles (800 km)" makes the 800 km about 800 too, and a loss of
    "over $6.7 billion, or $11.05 per share" is over $11.05 a share. Ranges keep their own
    ends, and an amount hedged in its own words keeps its own hedge."""
    out = list(found)
    for i in range(1, len(out)):
        first, then = out[i - 1], out[i]
        if (
            first.approximation in _HEDGES
            and then.approximation is Approximation.EXACT
            and first.upper_bound is None
            and then.upper_bound is None
            and not first.is_age
            and not then.is_age
            and _RESTATEMENT.fullmatch(body, first.span.end, then.span.start)
            and (
                then.unit != first.unit
                or PER_SHARE.search(body, then.number_span.end, then.span.end) is not None
            )
        ):
            out[i] = replace(then, approximation=first.approximation)
    return tuple(out)
