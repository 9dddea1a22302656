"""Figures: numbers as reported, with what they measure, of whom, on whose word, when.

``find_figures`` runs the number finder (``numbers.py``) over the body and applies the
sentence rules in ``properties.py``; this module adds the date a figure refers to, the
status of results ("preliminary", "final") and the fact qualifier (the rules for these in
``qualifiers.py``), and reads each figure against the one before it (``sequence.py``).

Rules worth knowing (docs/extraction.md has the property keys):
- A date said of the statement ("the interior ministry said on Tuesday") is the date of
  the report, not of the event, so counts of people (detained, injured, protesters)
  ignore it; results (vote share, turnout) take it as the date the value stood.
- A count restated in the same article ("arrested 200 more people" ... "The 200 people
  arrested in ... Almaty, on Monday") takes the date and place of the explicit report.
- "hundreds more the following day" measures what the figure before it measured.
- Figures inside direct quotes keep their property; they are attributed to the speaker
  the sentence names ("said an unnamed young woman"), never to the nearest person.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from service.ingest.budget import UNLIMITED, ExtractionBudget
from service.ingest.figures.attribution import attribution
from service.ingest.figures.concepts import Reading, read_figure
from service.ingest.figures.dates import (
    DateCue,
    date_cues,
    dated_vote_named,
    during_vote,
    refers_to,
    vote_day,
)
from service.ingest.figures.dense import first_numbers
from service.ingest.figures.documents import document_source
from service.ingest.figures.lexicon import lexicon, unit_class
from service.ingest.figures.markets import market_in_view_at
from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.person_subjects import vote_subject
from service.ingest.figures.properties import choose_property, election_story
from service.ingest.figures.qualifiers import (
    _DAY_COUNTS,
    RELATIVE_DAY,
    _qualifier,
    _refers_to,
    _since,
    _status,
    day_of_the_same,
)
from service.ingest.figures.referents import described, parse_source, parse_subject
from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.figures.sentence_subjects import at_place, measured_from, subject_of
from service.ingest.figures.sequence import (
    EARLIER_LEVEL,
    INCREMENT,
    _added_before,
    _changed_from,
    _continue_results,
    _continues,
    _earlier_level,
    _list_head,
    _merge_restated,
    _whole_of,
    gapped_pair,
    group_named_before,
    level_after_move,
    ranked_next,
)
from service.ingest.figures.speech_cues import SpeechCue, speech_cues
from service.ingest.figures.story_places import city_entities
from service.ingest.figures.subjects import fill_subjects
from service.ingest.mentions.coreference import last_named
from service.ingest.model import (
    EntityKind,
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
    Sentence,
    Span,
)

_NEARBY = 8
# Who came after the winner: the same count goes on, from the same source.
_RUNNER_UP = re.compile(
    r"\b(?:second|third|fourth|fifth|runner-up|rivals?|challengers?|trailed|followed)\b", re.I
)
# What a count of votes after "by" or "margin of" is: how much one side won by.
_MARGIN = re.compile(
    r"\b(?:by|margin of|majority of)\s+(?:(?:around|about|some|just|only|nearly|over|more "
    r"than|fewer than|less than)\s+)?$",
    re.IGNORECASE,
)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.IGNORECASE)
# How many sentences back a count with no day of its own looks for one.
_EARLIER = 2
# The most numbers of one body read as figures. The gold articles print at most 18, a
# long results story a few hundred; each costs a few tenths of a millisecond of CPU, and
# at 2,000 a 10 KB body of numbers cost more CPU than the model does (issue 19).
MAX_FIGURES = 500
_HALF_TIME = re.compile(
    r"\b(?:half[- ]?time|(?:the\s+)?first\s+half|at\s+the\s+(?:break|interval))\b", re.I
)
_HEAT = re.compile(r"\d\s?[°º]?\s?[CF]\b|\b(?:Celsius|Fahrenheit|centigrade)\b")


def find_figures(
    body: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    *,
    published_on: dt.date | None,
    doc: Doc | None = None,
    budget: ExtractionBudget = UNLIMITED,
    country: int | None = None,
    headline: str | None = None,
) -> tuple[FigureCandidate, ...]:
    """Every figure in ``body`` with its property, subject, attribution and date.

    ``doc`` is the body's parse (``service.ingest.nlp``): with it, what a figure measures
    and whom it is about come from the parse wherever the seed story's rules know nothing.
    ``budget`` is checked before each figure (ArticleTooComplexError once spent).
    ``country`` is the entity of the story's country when the body names none;
    ``headline`` says which entities the story is about.
    """
    cities = city_entities(body, mentions)
    by_sentence: dict[int, list[MentionCandidate]] = {}
    starts = [s.span.start for s in sentences]
    for mention in mentions:
        by_sentence.setdefault(_sentence_at(starts, mention.span.start), []).append(mention)
    figures: list[FigureCandidate] = []
    numbers_by_sentence: dict[int, list[NumberMatch]] = {}
    voted_on = vote_day(body, published_on)
    election = election_story(f"{headline or ''}\n{body}")
    # Past MAX_FIGURES numbers a body is a table, not prose: the rest are not read, so
    # that no body holds the stage for long.
    for number in first_numbers(body, MAX_FIGURES):  # in order, so sentence by sentence
        numbers_by_sentence.setdefault(_sentence_at(starts, number.span.start), []).append(number)
    for index, numbers in numbers_by_sentence.items():
        span = sentences[index].span if sentences else Span(0, len(body))
        sm = SentenceMentions(body, span.start, by_sentence.get(index, []), entities, cities)
        previous = sentences[index - 1].span if index > 0 else None
        text = body[span.start : span.end]
        context = _SentenceContext(
            span=span,
            text=text,
            previous_text=body[previous.start : previous.end] if previous else "",
            earlier_text=body[sentences[max(0, index - _EARLIER)].span.start : span.start]
            if index > 0
            else "",
            mentions=sm,
            date_cues=date_cues(text),
            speech_cues=speech_cues(sm, text),
            voted_on=voted_on,
            election=election,
        )
        for position, number in enumerate(numbers):
            budget.check()
            # The counts printed around this one (a place belongs to the count before it):
            # the nearest few, so a sentence of many numbers is not read once per number.
            nearby = numbers[max(0, position - _NEARBY) : position + _NEARBY + 1]
            siblings = [n.span for n in nearby if n.span != number.span]
            reading = (
                read_figure(doc, number.span, number.unit)
                if doc is not None and not number.is_age
                else None
            )
            if reading is not None and reading.labels_person:
                continue
            figure = _figure(body, context, number, published_on, siblings, reading, mentions)
            last = figures[-1] if figures else None
            if (
                figure.property is None
                and last is not None
                and last.property is not None
                and _continues(body, last, figure, reading)
            ):
                bare = figure.unit == "count"
                figure = _with_property(figure, last.property, last.subject, published_on, context)
                if bare and unit_class(last.unit) == "count":
                    figure = replace(figure, unit=last.unit)  # "down from 64": jets too
            head = _list_head(body, last, figure) if figure.property is None else None
            if head is not None and head.property is not None:
                # "4,300 jobs in France, 3,700 in Germany and 400 in Spain": of one kind
                figure = _with_property(figure, head.property, head.subject, published_on, context)
                figure = replace(figure, unit=head.unit)
            if figure.property is None and (pair := gapped_pair(body, figures, figure)):
                figure = _with_property(figure, pair[0], pair[1], published_on, context)
            if (
                # "fell 13.8% to US$2.51 a share": where the share went, no earnings
                figure.property in (None, "earnings_per_share")
                and last is not None
                and (level := level_after_move(body, last, figure)) is not None
                and market_in_view_at(doc, number.span.start, number.span.end)
            ):
                # "the Nasdaq was up 1.2% to 1,622": where the index went
                figure = _with_property(figure, level, last.subject, published_on, context)
                if level == "index_level":
                    figure = replace(figure, unit="points")
            if figure.property is None and (ranked := ranked_next(body, last, figure, sm)):
                # "..., with Wal-Mart at 15 percent": Wal-Mart's share of the same market
                figure = _with_property(figure, ranked[0], ranked[1], published_on, context)
            if figure.property is None and number.is_more and figures:
                last = figures[-1]
                if last.sentence == span and last.property is not None:
                    figure = _with_property(
                        figure, last.property, last.subject, published_on, context
                    )
            # "The CEC said Toqaev took 70.96 percent. Qosanov was second with 16.23 percent."
            runner_up = figure.property == "vote_share" and _RUNNER_UP.search(text) is not None
            if (
                (figure.property is None or runner_up)
                and number.unit == "percent"
                and figures
                and previous
            ):
                last = figures[-1]
                if last.property == "vote_share" and last.sentence in (previous, span):
                    figure = _continue_results(figure, last, sm, body)
            if at_place(figure.property) and figure.attributed_to_text is None and figures:
                last = figures[-1]  # "... 200 more, the ministry said. The 200 ... and 500 others"
                if last.property == figure.property and last.sentence in (previous, span):
                    figure = replace(
                        figure,
                        attributed_to=last.attributed_to,
                        attributed_to_text=last.attributed_to_text,
                    )
            if figures and _whole_of(body, figures[-1], figure):
                # "won 206 of the 630 seats": the 630 are all there are, nobody's
                figure = replace(figure, property=f"{figure.property}_total", subject=None)
            added = _added_before(body, figures, figure)
            if added is not None and (prop := figures[added].property) is not None:
                # "1,200 new cases ..., bringing the total to 15,000": the total is a
                # count of the same, the increment a claim of its own
                last = figures[added]
                figure = _with_property(figure, prop, last.subject, published_on, context)
                figure = replace(figure, unit=last.unit)
                if last.qualifier is None:
                    figures[added] = replace(last, qualifier=INCREMENT)
            if figures and (measure := _changed_from(body, figures[-1], figure)) is not None:
                # "Turnout was 67%, up from 61%": 61% was turnout too
                subject = figures[-1].subject
                figure = _with_property(figure, measure, subject, published_on, context)
            if figures and _RESTATED.fullmatch(body, figures[-1].span.end, figure.span.start):
                # "dropped by 2.36%, which is 118.40 points": the same move restated
                last = figures[-1]
                figure = replace(figure, property=last.property, subject=last.subject)
            if (group := group_named_before(body, figures, figure, previous)) is not None:
                figure = replace(figure, unit=group.unit)  # "two of them": two skiffs
            elif _the_people_named(body, figure, by_sentence, index, entities):
                figure = replace(figure, unit="people")  # "Trump met Macron. The two embraced"
            if figures and _earlier_level(body, figures[-1], figure):
                figure = replace(figure, qualifier=EARLIER_LEVEL)
            figures.append(figure)
    subjects = fill_subjects(
        _merge_restated(figures), mentions, cities, body, country, entities, headline
    )
    return tuple(day_of_the_same(subjects, body))


# "the two" standing alone, where a noun would follow: "The two embraced", "the two had
# talks"
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _the_people_named(
    body: str,
    figure: FigureCandidate,
    by_sentence: dict[int, list[MentionCandidate]],
    index: int,
    entities: Sequence[LocalEntity],
) -> bool:
    """Whether a bare count after "the" ("the two", unit ``count``) counts people: its own
    sentence before it and the sentence before that name at least as many people ("Trump
    welcomed Macron on Monday. The two embraced warmly")."""
    start, end = figure.span.start, figure.span.end
    if (
        figure.unit != "count"
        or not body[start:end].isalpha()
        or _THE_BEFORE.search(body, max(0, start - 6), start) is None
    ):
        return False
    named = {
        m.local_entity
        for i in (index - 1, index)
        for m in by_sentence.get(i, [])
        if m.span.end <= start
        and 0 <= m.local_entity < len(entities)
        and entities[m.local_entity].kind is EntityKind.PERSON
    }
    return len(named) >= figure.value


# An age that describes a noun: "a 31-year-old mother", "her 44-year-old mother", or set
# after one between commas, "the two boys, 13 and 14,".
_AGE_ON_NOUN = re.compile(r"\s+(?!(?:said|says|told|added|was|is|has|had|and|or)\b)[A-Za-z]")
_AGE_AFTER_NOUN = re.compile(r"[a-z],\s*(?:\d+\s*(?:,|and|or)\s*)*$")


def _describes_noun(sentence: str, start: int, end: int) -> bool:
    """Whether an age describes a noun, not a pronoun's person: "a 12-year-old girl whom he
    had met", "the two boys, 13 and 14, who he had met" are no age of whom "he" is; "at age
    seventeen, she" and "when he was 5 years old" are."""
    compound = sentence[start:end].lower().endswith("old")
    if compound and _AGE_ON_NOUN.match(sentence, end):
        return True
    return sentence[start:end].isdigit() and _AGE_AFTER_NOUN.search(sentence, 0, start) is not None


# A finite verb of the reported clause: "Paris claims she was ...", "the church ... is".
_CLAUSE_VERB = re.compile(r"\s(?:was|were|is|are|had|has|have|would|will)\s", re.IGNORECASE)


def _told_age(
    cues: Sequence[SpeechCue], sentence: str, start: int, end: int
) -> tuple[int | None, str | None]:
    """Who tells an age: the speaker whose claim it is part of ("Paris claims that she was
    kept at the base until she was eighteen"); nobody when it describes a name the copy
    introduces ("Apple confirmed that Papermaster, 49, had left", "said 61-year-old
    Anargyros Bizianis", "the 55-year-old's love of") or stands before the cue
    ("Comeaux, 49, took ..., Lyons said")."""
    if _describes_noun(sentence, start, end) or sentence.startswith(("'s", "’s"), end):
        return None, None
    # The claim is a clause of its own ("claims she was ... aged eighteen"); an age in the
    # cue's own clause describes the speaker ("announces his retirement at the age of 26").
    told = [
        c for c in cues if c.position < start and _CLAUSE_VERB.search(sentence, c.position, start)
    ]
    return attribution(told, sentence, start)


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


def _is_person(index: int | None, entities: Sequence[LocalEntity]) -> bool:
    return (
        index is not None
        and 0 <= index < len(entities)
        and (entities[index].kind is EntityKind.PERSON)
    )


def number_text(body: str, number: NumberMatch) -> str:
    return body[number.number_span.start : number.number_span.end]


def _counts_heads(prop: str | None) -> bool:
    """Whether the concept counts people or jobs: a count of times never does ("Gigante
    was arrested seven times": no seven people detained; "the Bulldogs twice cut the
    lead": no jobs cut)."""
    concept = lexicon().concepts.get(prop) if prop is not None else None
    return concept is not None and concept.unit in ("people", "jobs")


def _unit(prop: str | None, number: NumberMatch, reading: Reading | None) -> str:
    """A count takes the unit of what it counts (people, jobs, pages), else of what it
    measures (injuring 400: people; magnitude 6.4: magnitude)."""
    if prop == "magnitude":
        return "magnitude"  # "2.8 to 3.8 degrees on the Richter scale": no temperature
    if number.unit == "people" or number.unit != "count":
        return number.unit
    if prop == "age":
        return "years"  # "He was 95"
    if prop in ("decline", "growth") and (reading is None or reading.counted is None):
        return "points"  # "the Dow fell 344.65": a market's move in points
    concept = lexicon().concepts.get(prop) if prop is not None else None
    if (
        concept is not None
        and concept.unit
        and concept.subject == "place"
        and unit_class(concept.unit) == "measure"
    ):
        # A measure of an event counts no event: "the magnitude 6.4 quake" is a magnitude
        return concept.unit
    if reading is not None and reading.counted is not None:
        return reading.counted
    if prop is None:
        return number.unit
    if concept is not None and concept.unit and unit_class(concept.unit) in ("count", "measure"):
        return concept.unit
    if concept is None and reading is not None and reading.concept == prop:
        return prop  # an open key is the counted noun: "300 flights"
    return number.unit


# Words that point back to the last organisation or person named: pronouns, and the
# nouns copy uses for a company it has named ("the automaker", "the firm").
def _sentence_at(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


@dataclass(frozen=True, slots=True)
class _SentenceContext:
    """What the rules read for every figure of one sentence, worked out once for all."""

    span: Span
    text: str
    previous_text: str
    earlier_text: str  # the sentences just before (a heading between them included)
    mentions: SentenceMentions
    date_cues: list[DateCue]
    speech_cues: list[SpeechCue]
    voted_on: dt.date | None  # the day the article dates its vote on, if it does
    election: bool  # whether the story is about a vote (properties.election_story)


def _figure(
    body: str,
    context: _SentenceContext,
    number: NumberMatch,
    published_on: dt.date | None,
    siblings: Sequence[Span],
    reading: Reading | None = None,
    mentions: Sequence[MentionCandidate] = (),
) -> FigureCandidate:
    span, sentence, sm = context.span, context.text, context.mentions
    start, end = number.span.start - span.start, number.span.end - span.start
    prop = choose_property(number, sentence, start, end, election=context.election)
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
        elif prop is None or (reading.things and _of_people(prop)):
            # an open key: the counted noun ("two referendums"); things counted are never
            # people ("was arrested five buildings away": buildings, no one detained)
            prop = reading.concept
    if prop is None and number.unit == "degrees" and _HEAT.search(sentence, start, end + 12):
        prop = "temperature"  # "It was 45°C in Jacobabad", "30 degrees Celsius"
    if prop == "votes" and _MARGIN.search(sentence, max(0, start - 40), start):
        prop = "vote_margin"  # "defeated Raymond Wong by 424 votes": by how much
    if prop == "duration" and _TIME_SINCE.search(sentence, max(0, start - 80), start):
        prop = None  # "the first balloting in three decades": how long since, not a length
    # "75 kilometres west of Manokwari": the place it is measured from
    measured = measured_from(sm, sentence, end) if prop in ("distance", "length") else None
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
        and not _describes_noun(sentence, start, end)
    ):
        # "In 1995, at age seventeen, she was told ...": whom "she" stands for
        subject = last_named(
            mentions, sm.entities, before=number.span.start, kinds=(EntityKind.PERSON,)
        )
    attributed_to, attributed_text = (
        _told_age(context.speech_cues, sentence, start, end)
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
    unit = _unit(prop, number, reading)
    if unit == "times" and _counts_heads(prop):
        prop = None  # "Gigante was arrested seven times": no seven people detained
    refers_to = _refers_to(prop, context.date_cues, start, end, published_on)
    if (
        prop in _DAY_COUNTS
        and context.voted_on is not None
        and during_vote(sentence[max(0, start - _VOTE_REACH) : end])
    ):
        # "Toqaev said on June 10 the election-day protests by hundreds": the vote's day,
        # not the day of the statement further away
        refers_to = context.voted_on
    if refers_to is None and prop in _DAY_COUNTS and not RELATIVE_DAY.search(sentence):
        refers_to = _day_before(context, published_on)
    since = _since(prop, context.date_cues, start, end)
    status = _status(prop, sentence, context.previous_text, start, end, unit)
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
        qualifier=_qualifier(
            prop, own_part(sentence, start, end), refers_to, published_on, status, since=since
        ),
        status=status,
        measured_from=measured is not None,
    )


# "the first ... in three decades", "its worst outbreak in more than 30 years"
_TIME_SINCE = re.compile(
    r"\b(?:first|only|worst|best|most|least|\w{3,}est)\b[^.;:]{0,60}\bin\s+$", re.IGNORECASE
)


def _with_property(
    figure: FigureCandidate,
    prop: str,
    subject: int | None,
    published_on: dt.date | None,
    context: _SentenceContext,
) -> FigureCandidate:
    span = context.span
    start, end = figure.span.start - span.start, figure.span.end - span.start
    refers_to = _refers_to(prop, context.date_cues, start, end, published_on)
    unit = "people" if figure.unit == "count" else figure.unit
    since = _since(prop, context.date_cues, start, end)
    text = own_part(context.text, start, end)
    qualifier = _qualifier(prop, text, refers_to, published_on, since=since)
    return replace(
        figure, property=prop, subject=subject, unit=unit, refers_to=refers_to, qualifier=qualifier
    )


def _day_before(context: _SentenceContext, published_on: dt.date | None) -> dt.date | None:
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


# Between two amounts of one thing: "2.36%, which is 118.40 points", "9%, that is 400"
_RESTATED = re.compile(r"\s*,\s*(?:which|that)\s+(?:is|was|means|meant)\s+")

# How far before a count "election-day" may stand and still date it
_VOTE_REACH = 60

# Words of what is still to come: a day they name is no day a count happened on.
_FUTURE = re.compile(r"\b(?:will|would|is\s+to|are\s+to|plans?\s+to|set\s+to)\b", re.I)


def _of_people(prop: str) -> bool:
    """Whether the lexicon's concept ``prop`` counts people (deaths, detained, injured)."""
    concept = lexicon().concepts.get(prop)
    return concept is not None and concept.unit == "people"
