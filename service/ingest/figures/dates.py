"""The day a figure refers to: date cues in its sentence, resolved against publication.

- A date said of the statement ("the interior ministry said on Tuesday") is the date of
  the report, not of the event, so counts of what happened ignore it; results take it as
  the date the value stood.
- "the following day", "a day earlier" are resolved against the nearest absolute cue.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from service.ingest.figures.number_words import fold

_MONTH_NUMBERS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Months and days, as words: never what a number counts ("10,000 February 28").
CALENDAR_WORDS = frozenset(_MONTH_NUMBERS) | frozenset(_WEEKDAYS)
_TODAY = ("yesterday", "today", "tonight", r"last\s+night")
_DAY_BEFORE = (r"a\s+day\s+earlier", r"the\s+day\s+before", r"the\s+previous\s+day")
_DAY_AFTER = (r"the\s+following\s+day", r"the\s+next\s+day", r"a\s+day\s+later")
_SAME_DAY = ("earlier", "later")  # "... that day"
# Every cue starts with one of these letters. Checking it first, after the one shared
# ``\b``, spares the engine trying each case-insensitive word at every word start.
_DATE_CUE_WORDS = (*_MONTH_NUMBERS, *_WEEKDAYS, *_TODAY, *_DAY_BEFORE, *_DAY_AFTER, *_SAME_DAY)
_DATE_CUE_INITIALS = "".join(sorted({w[0] for w in _DATE_CUE_WORDS}))
_DATE_CUE = re.compile(
    rf"\b(?=[{_DATE_CUE_INITIALS}])(?:"
    r"(?P<md>(?<!the\s)(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
    + r")\.?\s+(?P<day>\d{1,2})\b(?!\s+(?:presidential|election|vote|poll|elections)\b))"
    r"|(?P<wd>(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b(?!['’]s))"
    r"|(?P<abs>(?:" + "|".join(_TODAY) + r")\b)"
    r"|(?P<before>(?:" + "|".join(_DAY_BEFORE) + r")\b)"
    r"|(?P<after>(?:" + "|".join(_DAY_AFTER) + r")\b)"
    r"|(?P<same>(?:" + "|".join(_SAME_DAY) + r")\s+that\s+day\b))",
    re.IGNORECASE,
)  # fmt: skip
_STATEMENT_DATE = re.compile(
    r"\b(?:said|says|announced|reported|stated|told\s+\w+)\s+(?:(?:early|late)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)

# "Reports early on June 11 said ...", "Police on Tuesday said ...": the report's day too.
_STATEMENT_NOUN = re.compile(
    r"\b(?:reports?|statements?|announcements?)\s+(?:(?:early|late)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(r"\s*,?\s*(?:said|says|announced|reported|told)\b", re.IGNORECASE)

_SINCE = re.compile(r"\bsince\s+(?:last\s+)?$", re.IGNORECASE)
# "during and after a June 9 poll", "before and after Sunday's vote": days, not one day.
_DAYS_AROUND = re.compile(
    r"\b(?:during|before|on)\s+and\s+(?:after|since)\s+(?:(?:an?|the)\s+)?$", re.IGNORECASE
)


class DateCue(NamedTuple):
    """A date cue in a sentence: its start and end, the match, whether it dates the
    statement ("said on Tuesday") rather than the event, and whether it opens a period
    ("arrested since Sunday": a running total, not the count of one day)."""

    start: int
    end: int
    match: re.Match[str]
    statement: bool
    since: bool = False


def date_cues(sentence: str) -> list[DateCue]:
    """Every date cue of ``sentence``, each marked when it dates the statement."""
    cues: list[DateCue] = []
    for m in _DATE_CUE.finditer(sentence):
        before = sentence[max(0, m.start() - 30) : m.start()]
        if _DAYS_AROUND.search(before):
            continue  # no one day: the count spans the days around it
        statement = (
            _STATEMENT_DATE.search(before) is not None
            or _STATEMENT_NOUN.search(before) is not None
            or _SAID_AFTER.match(sentence, m.end()) is not None
        )
        cues.append(DateCue(m.start(), m.end(), m, statement, _SINCE.search(before) is not None))
    return cues


def refers_to(
    cues: list[DateCue],
    start: int,
    end: int,
    published_on: dt.date | None,
    *,
    event_count: bool,
) -> dt.date | None:
    """The day the figure at ``start``..``end`` refers to: the nearest cue, resolved
    against the nearest absolute one (or the publication day). A count of what happened
    ignores the day a statement was made ("the ministry said on Tuesday")."""
    chosen = nearest_cue(cues, start, end, event_count=event_count)
    if chosen is None:
        return None
    anchors = [c for c in cues if c is not chosen and (c[2]["md"] or c[2]["wd"] or c[2]["abs"])]
    anchor_cue = min(anchors, key=lambda c: abs(c[0] - chosen[0])) if anchors else None
    anchor = _resolve(anchor_cue[2], None, published_on) if anchor_cue else published_on
    return _resolve(chosen[2], anchor, published_on)


def nearest_cue(cues: list[DateCue], start: int, end: int, *, event_count: bool) -> DateCue | None:
    """The cue that dates the figure at ``start``..``end`` (see ``refers_to``)."""
    usable = [c for c in cues if not (c.statement and event_count)]
    if not usable:
        return None

    def distance(cue: DateCue) -> int:
        return start - cue.end if cue.end <= start else max(0, cue.start - end)

    return min(usable, key=distance)


def _resolve(
    m: re.Match[str], anchor: dt.date | None, published_on: dt.date | None
) -> dt.date | None:
    if m["md"]:
        if published_on is None:
            return None
        month, day = _MONTH_NUMBERS[fold(m["month"])], int(m["day"])
        try:
            date = dt.date(published_on.year, month, day)
        except ValueError:
            return None
        return date if date <= published_on + dt.timedelta(days=31) else date.replace(date.year - 1)
    if m["wd"]:
        if published_on is None:
            return None
        back = (published_on.weekday() - _WEEKDAYS.index(fold(m["weekday"]))) % 7
        return published_on - dt.timedelta(days=back)
    if m["abs"]:
        if published_on is None:
            return None
        today = fold(m["abs"]) in ("today", "tonight")
        return published_on if today else published_on - dt.timedelta(days=1)
    if anchor is None:
        return None
    if m["before"]:
        return anchor - dt.timedelta(days=1)
    if m["after"]:
        return anchor + dt.timedelta(days=1)
    return anchor


# A vote the copy dates somewhere: "yesterday's rubber-stamp election", "Sunday's
# presidential vote", "the June 9 snap election", "the referendum held on Sunday".
_VOTE = r"(?:elections?|vote|referendum|ballot|polls)"
_DAY_WORD = (
    r"(?:yesterday|today|" + "|".join(_WEEKDAYS) + r"|(?:"
    + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\.?\s+\d{1,2})"
)  # fmt: skip
_DATED_VOTE = re.compile(
    rf"\b(?P<before>{_DAY_WORD})(?:['’]s)?\s+(?:(?!(?:and|or|after|before|since|until)\b)"
    rf"[\w-]+\s+){{0,3}}?{_VOTE}\b"
    rf"|\b{_VOTE}\s+(?:(?:was|were)\s+)?(?:held\s+)?on\s+(?P<after>{_DAY_WORD})\b",
    re.IGNORECASE,
)
# A count said to be of the vote's day without naming it: "arrested hundreds during the
# weekend election", "detained on election day".
_DURING_VOTE = re.compile(
    rf"\bduring\s+(?:the|this|last|[A-Z]\w+['’]s)\s+(?:[\w-]+\s+){{0,2}}?{_VOTE}\b"
    r"|\b(?:election|polling|voting)[- ]day\b",
    re.IGNORECASE,
)


def vote_day(body: str, published_on: dt.date | None) -> dt.date | None:
    """The one day the article dates its vote on, if it dates it and never two ways."""
    days = set()
    for m in _DATED_VOTE.finditer(body):
        cue_text = m["before"] or m["after"]
        day = refers_to(date_cues(cue_text), 0, 0, published_on, event_count=False)
        if day is not None:
            days.add(day)
    return days.pop() if len(days) == 1 else None


def during_vote(text: str) -> bool:
    """Whether ``text`` says something happened during the vote or on its day."""
    return _DURING_VOTE.search(text) is not None


def dated_vote_named(text: str) -> bool:
    """Whether the sentence ``text`` is about the dated vote itself, named as its subject
    ("The June 9 election ... was marred by the arrest of hundreds"): what it counts
    happened at the vote, not after it ("protest the results of the June 9 election")."""
    m = _DATED_VOTE.search(text)
    return m is not None and re.fullmatch(r"\s*(?:the\s+)?", text[: m.start()], re.I) is not None
