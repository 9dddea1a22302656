"""What the rules read of one sentence, worked out once for all its figures, and the day
and qualifier a figure takes from it: the part of the sentence that dates it, the day a
count with no day of its own happened on."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from service.ingest.figures.dates import (
    DateCue,
    date_cues,
    dated_vote_named,
    during_vote,
    refers_to,
)
from service.ingest.figures.qualifiers import counts_since, day_referred_to, qualifier_of, status_of
from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.figures.speech_cues import SpeechCue
from service.ingest.model import FigureCandidate, Span


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What the rules read for every figure of one sentence, worked out once for all."""

    span: Span
    previous: Span | None  # the sentence before, if there is one
    text: str
    previous_text: str
    earlier_text: str  # the sentences just before (a heading between them included)
    mentions: SentenceMentions
    date_cues: list[DateCue]
    speech_cues: list[SpeechCue]
    voted_on: dt.date | None  # the day the article dates its vote on, if it does
    election: bool  # whether the story is about a vote (properties.election_story)


# Where a change's starting point is given: "..., up from 61% in 2019"
_CHANGE_FROM = re.compile(
    r",?\s+(?:up|down|rising|falling|compared)\s+(?:from|with|to)\b", re.IGNORECASE
)


def own_part(sentence: str, start: int, end: int) -> str:
    """The part of ``sentence`` that dates the figure at ``start..end``: in "Turnout was
    67%, up from 61% in 2019", 2019 is the 61%'s year, not the 67%'s."""
    after = _CHANGE_FROM.search(sentence, end)
    if after is not None:
        return sentence[: after.start()]
    before = [m for m in _CHANGE_FROM.finditer(sentence, 0, start) if m.end() <= start]
    return sentence[before[-1].start() :] if before else sentence


def with_property(
    figure: FigureCandidate,
    prop: str,
    subject: int | None,
    published_on: dt.date | None,
    context: SentenceContext,
) -> FigureCandidate:
    span = context.span
    start, end = figure.span.start - span.start, figure.span.end - span.start
    refers_to = day_referred_to(prop, context.date_cues, start, end, published_on)
    unit = "people" if figure.unit == "count" else figure.unit
    since = counts_since(prop, context.date_cues, start, end)
    text = own_part(context.text, start, end)
    # the status read again with the measure carried: "expects to cut 4,300 jobs in France
    # and 400 in Spain" is a plan in Spain too, no forecast
    status = status_of(prop, context.text, context.previous_text, start, end, unit)
    qualifier = qualifier_of(prop, text, refers_to, published_on, status, since=since)
    return replace(
        figure,
        property=prop,
        subject=subject,
        unit=unit,
        refers_to=refers_to,
        qualifier=qualifier,
        status=status,
    )


def day_before(context: SentenceContext, published_on: dt.date | None) -> dt.date | None:
    """The day of a count whose own sentence names none: the vote's day when it says it
    happened during the vote ("arrested hundreds during the weekend election", the vote
    dated elsewhere as "yesterday's election"), else the day the sentences just before
    speak of ("... the rally on Monday night ... About 200 supporters gathered ..."), or
    of the vote they say it happened during; never a day they look forward to ("calling
    for protests on Wednesday, when he will be ...")."""
    if context.voted_on is not None and (
        during_vote(context.text) or dated_vote_named(context.text)
    ):
        return context.voted_on  # "The June 9 election ... was marred by the arrest of"
    earlier = context.earlier_text
    cues = [c for c in date_cues(earlier) if not _FUTURE.search(earlier, c.end, c.end + 60)]
    day = refers_to(cues, len(earlier), len(earlier), published_on, event_count=True)
    if day is None and context.voted_on is not None and during_vote(earlier):
        return context.voted_on
    return day


# Words of what is still to come: a day they name is no day a count happened on.
_FUTURE = re.compile(r"\b(?:will|would|is\s+to|are\s+to|plans?\s+to|set\s+to)\b", re.I)
