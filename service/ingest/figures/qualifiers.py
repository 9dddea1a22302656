"""When a figure stands and how final it is: the date it refers to, whether it counts
since a date, the status of results (preliminary, final) and the qualifier that tells
one fact from another (the day of a count, the election a share belongs to)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from service.ingest.figures.dates import (
    DateCue,
    nearest_cue,
    refers_to,
)
from service.ingest.figures.sentence_subjects import (
    at_place,
)
from service.ingest.figures.status import APART, outcome_status, value_status
from service.ingest.model import FigureCandidate, TextPart

# Counts of what happens again day after day (arrests, rallies): the day is part of the
# claim. A toll (deaths, injured, damage) is one claim that grows as reports come in, so
# its reports pool in one fact and each keeps the day it refers to.
DAY_COUNTS = frozenset({"detained", "protesters"})
# A day told relative to another ("a day after", "earlier"): the copy dates the count,
# only not as a day of the calendar.
RELATIVE_DAY = re.compile(
    r"\b(?:a|the)\s+day\s+(?:after|before|later|earlier)\b|\b(?:earlier|later|previous|next)\b",
    re.IGNORECASE,
)
_UNDATED = frozenset({"age", "years_in_power", "registered_voters"})
# What an employer announces it will do is a plan, the same fact as the deed under way
# (so are cuts and rises someone decides: "will lower the price by 40 percent").
_PLANS = frozenset({"job_cuts", "jobs_created", "recalls"})
# Counted in what an employer cuts, creates or closes, a figure is the employer's plan
# whatever property its noun got: "will cut 30,000 jobs and 14 plants", "About 9,000
# production jobs will be cut".
_PLANNED_UNITS = frozenset({"jobs", "plants", "factories"})
# A price the seller sets for what it will sell is its price, not a forecast of one: "will
# cost $199", "will be available ... for $99.99", "retailing for $299", "a price tag of
# $2,799", "the price will be cut by $200 to $399". A price a market sets ("$85 a barrel")
# is forecast as any other figure.
_SET_PRICE = re.compile(
    r"\b(?:cost(?:s|ing)?|retail(?:s|ed|ing)?\s+(?:for|at)|available\b.{0,80}?\bfor"
    r"|priced\s+at|price\s+tag|sells?\s+for|start(?:s|ing)?\s+at"
    r"|(?:cut|reduced|lowered|raised|dropped)\s+(?:by|to))\b",
    re.IGNORECASE,
)
_MARKET_PRICED = re.compile(r"\b(?:barrels?|ounces?|gallons?|tonnes?|tons?|bushels?)\b", re.I)
_PRELIMINARY = re.compile(r"\b(?:preliminary|initial|partial)\s+(?:official\s+)?results?\b", re.I)
_FINAL = re.compile(
    r"\bfinal\s+(?:official\s+)?(?:results?|count|tally)\b|\ball\s+(?:the\s+)?ballots\s+counted\b",
    re.IGNORECASE,
)
_PREVIOUS_ELECTION = re.compile(
    r"\b(?:last|previous|prior|earlier)\s+(?:presidential\s+|parliamentary\s+)?"
    r"(?:election|vote|poll|race)\b",
    re.IGNORECASE,
)
# A year naming the election a share belongs to; not one compared with ("the lowest
# since 2001", "higher than in 2019").
_YEAR = re.compile(r"(?<!since )(?<!than )(?<!than in )\b(?:19|20)\d{2}\b")


def day_referred_to(
    prop: str | None, cues: list[DateCue], start: int, end: int, published_on: dt.date | None
) -> dt.date | None:
    if prop in _UNDATED:
        return None
    return refers_to(cues, start, end, published_on, event_count=at_place(prop))


def counts_since(prop: str | None, cues: list[DateCue], start: int, end: int) -> bool:
    """Whether the figure counts from its day on ("700 arrested since Sunday")."""
    cue = nearest_cue(cues, start, end, event_count=at_place(prop))
    return cue is not None and cue.since


def status_of(
    prop: str | None,
    sentence: str,
    previous_sentence: str,
    start: int = 0,
    end: int = 0,
    unit: str = "count",
) -> str | None:
    """What kind of value the copy says it is (docs/extraction.md, "Status")."""
    if prop in _UNDATED:
        return None  # an age or a term in office is neither polled nor forecast
    if prop in ("vote_share", "turnout"):
        for text in (sentence, previous_sentence):
            if _FINAL.search(text):
                return "final"
            if _PRELIMINARY.search(text):
                return "preliminary"
    status = value_status(sentence, start, end, share=unit == "percent")
    if status == "forecast" and (unit in _PLANNED_UNITS or _planned(prop, sentence)):
        status = None
    if status is None and prop == "probability":
        # a likelihood is someone's guess: "We continue to see a 60-80 percent chance of a
        # bankruptcy", "put the odds of a hit at 3%"
        return "estimate"
    return status or outcome_status(prop, sentence)


def _planned(prop: str | None, sentence: str) -> bool:
    """Whether a figure told in the future is what someone decides, not a forecast: "Tesla
    will cut 14,000 jobs" is the cut Tesla is making, "the phone will cost $199" the price
    its seller sets."""
    if prop is None:
        return False
    if prop.removesuffix("_share") in _PLANS or prop.endswith(("_cuts", "_increase")):
        return True
    return (
        prop == "price"
        and _SET_PRICE.search(sentence) is not None
        and _MARKET_PRICED.search(sentence) is None
    )


def qualifier_of(
    prop: str | None,
    sentence: str,
    refers_to: dt.date | None,
    published_on: dt.date | None,
    status: str | None = None,
    *,
    since: bool = False,
) -> str | None:
    """What narrows the claim; polls and forecasts never share a fact with results."""
    qualifier = _claim_qualifier(prop, sentence, refers_to, published_on, since=since)
    if status in APART:
        return f"{qualifier} {APART[status]}" if qualifier else APART[status]
    return qualifier


def _claim_qualifier(
    prop: str | None,
    sentence: str,
    refers_to: dt.date | None,
    published_on: dt.date | None,
    *,
    since: bool = False,
) -> str | None:
    if prop in DAY_COUNTS:
        if refers_to is None:
            return None
        # A running total from a day on is another claim than that day's count.
        return f"since {refers_to.isoformat()}" if since else refers_to.isoformat()
    if prop in ("vote_share", "turnout"):
        if _PREVIOUS_ELECTION.search(sentence):
            return "previous election"
        years = {int(y) for y in _YEAR.findall(sentence)}
        if published_on is not None:
            years.discard(published_on.year)
        return f"{min(years)} election" if years else None
    return None


def day_of_the_same(figures: Sequence[FigureCandidate], body: str) -> list[FigureCandidate]:
    """A count of people held or protesting whose copy gives it no day takes the day the
    article gives every other count of the same thing in the same place: in a story whose
    only dated Almaty protest is "more than 100 protesters had gathered ... late on June
    10", the lead's "after hundreds of people gathered to protest the official results"
    is that protest, not a fact of its own. Several days, or none, leave it undated, and
    so does a day told relative to another ("a day after police detained scores").
    Standfirsts and captions keep their own reading."""
    days: dict[tuple[str, int], set[dt.date | None]] = {}
    for f in figures:
        if f.property in DAY_COUNTS and f.subject is not None and f.refers_to is not None:
            # a running total ("since Sunday") or a plan is no day of its own
            plain = f.qualifier == f.refers_to.isoformat()
            days.setdefault((f.property, f.subject), set()).add(f.refers_to if plain else None)
    out: list[FigureCandidate] = []
    for f in figures:
        if (
            f.property in DAY_COUNTS
            and f.subject is not None
            and f.refers_to is None
            and f.part is TextPart.BODY
            and not RELATIVE_DAY.search(body, f.sentence.start, f.sentence.end)
        ):
            known = days.get((f.property, f.subject), set())
            if len(known) == 1 and (day := next(iter(known))) is not None and f.qualifier is None:
                f = replace(f, refers_to=day, qualifier=day.isoformat())
        out.append(f)
    return out
