"""One number read as a figure: what it measures, whom it is about, on whose word, its
unit, the day it refers to, its status and qualifier (``build_figure``).

Rules worth knowing:
- A date said of the statement ("the interior ministry said on Tuesday") is the date of
  the report, not of the event, so counts of people (detained, injured, protesters)
  ignore it; results (vote share, turnout) take it as the date the value stood.
- Figures inside direct quotes keep their property; they are attributed to the speaker
  the sentence names ("said an unnamed young woman"), never to the nearest person.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from service.ingest.figures.attribution import attribution
from service.ingest.figures.concepts import Reading
from service.ingest.figures.dates import during_vote
from service.ingest.figures.documents import document_source
from service.ingest.figures.figure_units import counts_heads, figure_unit, of_people
from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.person_subjects import vote_subject
from service.ingest.figures.properties import choose_property
from service.ingest.figures.qualifiers import (
    DAY_COUNTS,
    RELATIVE_DAY,
    counts_since,
    day_referred_to,
    qualifier_of,
    status_of,
)
from service.ingest.figures.referents import described, parse_source, parse_subject
from service.ingest.figures.sentence_context import SentenceContext, day_before, own_part
from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.figures.sentence_subjects import at_place, measured_from, subject_of
from service.ingest.figures.told_ages import describes_noun, told_age
from service.ingest.mentions.coreference import last_named
from service.ingest.model import (
    EntityKind,
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
    Span,
)

# What a count of votes after "by" or "margin of" is: how much one side won by.
_MARGIN = re.compile(
    r"\b(?:by|margin of|majority of)\s+(?:(?:around|about|some|just|only|nearly|over|more "
    r"than|fewer than|less than)\s+)?$",
    re.IGNORECASE,
)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.IGNORECASE)
_HALF_TIME = re.compile(
    r"\b(?:half[- ]?time|(?:the\s+)?first\s+half|at\s+the\s+(?:break|interval))\b", re.I
)
_HEAT = re.compile(r"\d\s?[°º]?\s?[CF]\b|\b(?:Celsius|Fahrenheit|centigrade)\b")


def _is_person(index: int | None, entities: Sequence[LocalEntity]) -> bool:
    return (
        index is not None
        and 0 <= index < len(entities)
        and (entities[index].kind is EntityKind.PERSON)
    )


def number_text(body: str, number: NumberMatch) -> str:
    return body[number.number_span.start : number.number_span.end]


def build_figure(
    body: str,
    context: SentenceContext,
    number: NumberMatch,
    published_on: dt.date | None,
    siblings: Sequence[Span],
    reading: Reading | None = None,
    mentions: Sequence[MentionCandidate] = (),
) -> FigureCandidate:
    """The figure of ``number``, read in its sentence: its property first, then its
    subject and source, its unit and the day it refers to."""
    span, sentence, sm = context.span, context.text, context.mentions
    start, end = number.span.start - span.start, number.span.end - span.start
    prop = _property(number, reading, sentence, start, end, election=context.election)
    # "75 kilometres west of Manokwari": the place it is measured from
    measured = measured_from(sm, sentence, end) if prop in ("distance", "length") else None
    subject = _subject(
        body, prop, measured, number, reading, sm, sentence, start, end, siblings, mentions
    )
    attributed_to, attributed_text = _source(context, prop, number, reading, start, end, mentions)
    unit = figure_unit(prop, number, reading)
    if unit == "times" and counts_heads(prop):
        prop = None  # "Gigante was arrested seven times": no seven people detained
    refers_to = _day(context, prop, start, end, published_on)
    since = counts_since(prop, context.date_cues, start, end)
    status = status_of(prop, sentence, context.previous_text, start, end, unit)
    return FigureCandidate(
        span=number.span,
        text=body[number.span.start : number.span.end],
        sentence=span,
        value=number.value,
        upper_bound=number.upper_bound,
        approximation=number.approximation,
        unit=unit,
        property=prop,
        subject=subject,
        attributed_to=attributed_to,
        attributed_to_text=attributed_text,
        refers_to=refers_to,
        qualifier=qualifier_of(
            prop, own_part(sentence, start, end), refers_to, published_on, status, since=since
        ),
        status=status,
        measured_from=measured is not None,
    )


def _property(
    number: NumberMatch,
    reading: Reading | None,
    sentence: str,
    start: int,
    end: int,
    *,
    election: bool,
) -> str | None:
    """What the figure measures: the seed story's rules, the number's own unit (a score, a
    tally, a rank), else the concept the parse attaches it to."""
    prop = choose_property(number, sentence, start, end, election=election)
    if number.unit == "score":
        # a match result, of the side printed first; the score at the break is another
        # fact than the final one
        half = _HALF_TIME.search(sentence, max(0, start - 120), end + 40)
        prop = "half_time_score" if half else "score"
    elif number.unit == "votes":
        prop = "votes"  # a tally: "a vote of 52-35"
    elif number.unit == "rank":
        prop = "rank"  # a place in a ranking: "is the #2 browser"
    elif reading is not None and reading.concept is not None:
        if reading.in_lexicon:
            prop = reading.concept  # the parse knows what the number is attached to
        elif prop is None or (reading.things and of_people(prop)):
            # an open key: the counted noun ("two referendums"); things counted are never
            # people ("was arrested five buildings away": buildings, no one detained)
            prop = reading.concept
    if prop is None and number.unit == "degrees" and _HEAT.search(sentence, start, end + 12):
        prop = "temperature"  # "It was 45°C in Jacobabad", "30 degrees Celsius"
    if prop == "votes" and _MARGIN.search(sentence, max(0, start - 40), start):
        prop = "vote_margin"  # "defeated Raymond Wong by 424 votes": by how much
    if prop == "duration" and _TIME_SINCE.search(sentence, max(0, start - 80), start):
        prop = None  # "the first balloting in three decades": how long since, not a length
    return prop


def _subject(
    body: str,
    prop: str | None,
    measured: int | None,
    number: NumberMatch,
    reading: Reading | None,
    sm: SentenceMentions,
    sentence: str,
    start: int,
    end: int,
    siblings: Sequence[Span],
    mentions: Sequence[MentionCandidate],
) -> int | None:
    """Whom the figure is about: the place it is measured from, the sentence rules' subject,
    the parse's, a prison term's or an age's person, a tally's winner."""
    subject = measured
    if subject is None:
        subject = subject_of(prop, sm, sentence, start, end, body, siblings)
    if subject is None and reading is not None and not at_place(prop):
        subject = parse_subject(reading, sm, mentions)
        if prop == "age" and not _is_person(subject, sm.entities):
            subject = None  # "She joined the Sea Org aged 14": an age is a person's
    if prop == "sentence" and (subject is None or not _is_person(subject, sm.entities)):
        # "sentences Guantanamo Bay detainee Omar Khadr to eight more years": a prison
        # term is the person's printed last before it, else no one's; so too when the
        # parse points at no one ("Gigante died while serving a 12-year sentence")
        person = sm.last_before(number.span.start, EntityKind.PERSON)
        subject = person.local_entity if person is not None else None
    if subject is None and prop == "votes":
        # "In Hong Kong Island, Regina Ip of the New People's Party won 60,760 votes",
        # parsed with no subject of "won": the person who won them
        subject = vote_subject(sm, sentence, start)
    if (
        subject is None
        and prop == "age"
        and _PERSON_PRONOUN.search(sentence)
        and not describes_noun(sentence, start, end)
    ):
        # "In 1995, at age seventeen, she was told ...": whom "she" stands for
        subject = last_named(
            mentions, sm.entities, before=number.span.start, kinds=(EntityKind.PERSON,)
        )
    return subject


def _source(
    context: SentenceContext,
    prop: str | None,
    number: NumberMatch,
    reading: Reading | None,
    start: int,
    end: int,
    mentions: Sequence[MentionCandidate],
) -> tuple[int | None, str | None]:
    """On whose word the figure is given: the speaker of its sentence (of an age, the one
    who tells it), the parse's source, a document, the entity a description names."""
    sentence, sm = context.text, context.mentions
    attributed_to, attributed_text = (
        told_age(context.speech_cues, sentence, start, end)
        if prop == "age"
        else (None, None)
        if reading is not None and reading.own_clause
        else attribution(context.speech_cues, sentence, start)
    )
    if attributed_to is None and attributed_text is None and reading is not None:
        attributed_to, attributed_text = parse_source(reading, sm)
    if attributed_to is None and attributed_text is None and prop != "age":
        # "the autopsy showed that seven bullets ...": a document's word
        attributed_to, attributed_text = document_source(sm, sentence, start)
    if attributed_to is None and attributed_text is not None:  # "the firm said"
        attributed_to = described(attributed_text, mentions, sm.entities, number.span.start)
        attributed_text = attributed_text if attributed_to is None else None
    return attributed_to, attributed_text


def _day(
    context: SentenceContext,
    prop: str | None,
    start: int,
    end: int,
    published_on: dt.date | None,
) -> dt.date | None:
    """The day the figure refers to: the day its sentence gives it, the vote's day for a
    count of people during the vote, else the day the sentences before speak of."""
    sentence = context.text
    refers_to = day_referred_to(prop, context.date_cues, start, end, published_on)
    if (
        prop in DAY_COUNTS
        and context.voted_on is not None
        and during_vote(sentence[max(0, start - _VOTE_REACH) : end])
    ):
        # "Toqaev said on June 10 the election-day protests by hundreds": the vote's day,
        # not the day of the statement further away
        refers_to = context.voted_on
    if refers_to is None and prop in DAY_COUNTS and not RELATIVE_DAY.search(sentence):
        refers_to = day_before(context, published_on)
    return refers_to


# "the first ... in three decades", "its worst outbreak in more than 30 years"
_TIME_SINCE = re.compile(
    r"\b(?:first|only|worst|best|most|least|\w{3,}est)\b[^.;:]{0,60}\bin\s+$", re.IGNORECASE
)

# How far before a count "election-day" may stand and still date it
_VOTE_REACH = 60
