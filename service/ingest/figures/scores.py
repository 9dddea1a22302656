"""Scores and tallies printed as two numbers with a dash ("won 3 – 1", "a vote of
52-35"), and a side's record printed the same way ("a 43-39 record"), which is never a
figure.
"""

from __future__ import annotations

import re

from service.ingest.figures.not_figures import overlaps
from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.number_words import SCALE_AFTER
from service.ingest.figures.ranges import CHANGE_FROM
from service.ingest.figures.units import MONEY_BEFORE, PERCENT
from service.ingest.model import Approximation, Span

# A score: two small numbers with a dash or "to", near words of a match.
_SCORE = re.compile(
    r"(?<![\w.,:/-])(?P<a>\d{1,3})\s*(?:[–—-]|\s+to\s+)\s*(?P<b>\d{1,3})(?![\w:/%-]|[.,]\d)"
)


_SPORT_WORDS = re.compile(
    r"\b(?:won|wins?|winning|beat|beats|beaten|defeat(?:ed|s)?|lost|lose|loses|losing|loss|draw"
    r"|drew|drawn|score[ds]?|scoreline|victory|half-time|halftime|led|lead|leading"
    r"|trail(?:ed|ing)?|match|game|final|goals?|points|innings|sets?)\b",
    re.IGNORECASE,
)


# A tally of votes printed like a score: "voted the proposition down 52-35", "by a vote
# of 52-35", "in a 5-4 ruling".
_TALLY_BEFORE = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.IGNORECASE)


_TALLY_AFTER = re.compile(r"\s+(?:vote|votes|ruling|decision|verdict|majority)\b", re.I)


# A side's record of wins and losses, printed like a score: "a 43-39 record", "a 9-5
# season", "an 18-30 start", "moved their record to 9-1", "the Chiefs (2-13)", "Klitschko
# (52-3, 46 KOs)", and where a side stands: "UNC is now 10-0", "The Saints are 7-7",
# "dropped to 0-13", "slumping at 9-14" (not "It is 2-1", "are 1-0 up": a match running).
_RECORD_AFTER = re.compile(r"\s+(?:record|season|mark|start)\b", re.IGNORECASE)


_RECORD_BEFORE = re.compile(
    r"(?:\b(?:record|mark)(?:\s+(?:of|to|at|is|was|now|stands|rose|improved|fell))+\s+"
    r"|(?P<team>\b[A-Z][\w.’'-]*\s\()"
    r"|(?P<standing>\b(?!It\b)[A-Z][\w.’'-]*\s+(?:is|are)(?:\s+now)?\s+"
    r"|\b(?:dropped|fell|moved|improved|slipped)\s+to\s+"
    r"|\b(?:wound\s+up|stands?|slumping|floundering)\s+at\s+))$"
)


_RUNNING_AFTER = re.compile(r"\s+(?:up|down|ahead|behind|lead|win|victory|loss|defeat)\b", re.I)


def record_zones(body: str) -> list[tuple[int, int]]:
    """Where the copy prints a side's record (above): like a date, never a figure."""
    zones: list[tuple[int, int]] = []
    for m in _SCORE.finditer(body):
        before = body[max(0, m.start() - 40) : m.start()]
        named = _RECORD_BEFORE.search(before)
        if _RECORD_AFTER.match(body, m.end()) or (
            named is not None
            and (not named.group("team") or body.startswith((")", ",", ";"), m.end()))
            and (not named.group("standing") or not _RUNNING_AFTER.match(body, m.end()))
        ):
            zones.append((m.start(), m.end()))
    return zones


def find_scores(body: str, zones: list[tuple[int, int]]) -> tuple[NumberMatch, ...]:
    """Sports scores, one figure with both sides ("won 3 – 1": value 3), where words of
    a match stand near; tallies of votes the same way ("a vote of 52-35": 52 votes);
    never inside a date or other excluded copy."""
    found: list[NumberMatch] = []
    for m in _SCORE.finditer(body):
        if overlaps(zones, m.start(), m.end()) or PERCENT.match(body, m.end()):
            continue
        if SCALE_AFTER.match(body, m.end()) or MONEY_BEFORE.search(
            body, max(0, m.start() - 4), m.start()
        ):
            continue  # "a loss of 5-6 million", "lost $3-4": an amount's range, no score
        before = body[max(0, m.start() - 40) : m.start()]
        if CHANGE_FROM.search(before):
            continue  # "seats increased from 9 to 10": a change, not a result
        tally = bool(_TALLY_AFTER.match(body, m.end()) or _TALLY_BEFORE.search(before))
        near = body[max(0, m.start() - 120) : m.end() + 60]
        if not tally and _SPORT_WORDS.search(near) is None:
            continue
        found.append(
            NumberMatch(
                span=Span(m.start(), m.end()),
                number_span=Span(m.start(), m.end()),
                value=float(m.group("a")),
                upper_bound=None,
                approximation=Approximation.EXACT,
                unit="votes" if tally else "score",
            )
        )
    return tuple(found)
