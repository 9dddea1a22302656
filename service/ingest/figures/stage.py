"""Figures: numbers as reported, with what they measure, of whom, on whose word, when.

``find_figures`` runs the number finder (``numbers.py``) over the body, reads each number
in its sentence as a figure (``one_figure.py``: what it measures from its clause's words in
``properties.py``, from the parse in ``concepts.py``; the date it refers to, the status of
results ("preliminary", "final") and the fact qualifier in ``qualifiers.py``), reads each
figure against the ones before it (``carried_over.py``, ``sequence.py``), and fills in
subjects over the whole body (``subjects.py``).

The figure stage in order:
1. the mentions and numbers of each sentence;
2. per sentence, what every figure of it reads (``SentenceContext``);
3. per number, the parse's reading, the figure, and what it takes from those before it;
4. subjects filled in over the whole body, and the day of a count restated.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from service.ingest.budget import UNLIMITED, ExtractionBudget
from service.ingest.figures.carried_over import carry_over
from service.ingest.figures.concepts import read_figure
from service.ingest.figures.dates import date_cues, vote_day
from service.ingest.figures.dense import first_numbers
from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.one_figure import build_figure
from service.ingest.figures.properties import election_story
from service.ingest.figures.qualifiers import day_of_the_same
from service.ingest.figures.sentence_context import SentenceContext
from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.figures.sequence import merge_restated
from service.ingest.figures.speech_cues import speech_cues
from service.ingest.figures.story_places import city_entities
from service.ingest.figures.subjects import fill_subjects
from service.ingest.model import (
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
    Sentence,
    Span,
)

_NEARBY = 8
# How many sentences back a count with no day of its own looks for one.
_EARLIER = 2
# The most numbers of one body read as figures. The gold articles print at most 18, a
# long results story a few hundred; each costs a few tenths of a millisecond of CPU, and
# at 2,000 a 10 KB body of numbers cost more CPU than the model does (issue 19).
MAX_FIGURES = 500


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
    starts = [s.span.start for s in sentences]
    by_sentence = _mentions_by_sentence(starts, mentions)
    figures: list[FigureCandidate] = []
    voted_on = vote_day(body, published_on)
    election = election_story(f"{headline or ''}\n{body}")
    for index, numbers in _numbers_by_sentence(body, starts).items():
        span = sentences[index].span if sentences else Span(0, len(body))
        sm = SentenceMentions(body, span.start, by_sentence.get(index, []), entities, cities)
        context = _sentence_context(body, sentences, index, span, sm, voted_on, election)
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
            figure = build_figure(body, context, number, published_on, siblings, reading, mentions)
            figure = carry_over(
                body,
                figures,
                figure,
                number=number,
                reading=reading,
                context=context,
                published_on=published_on,
                doc=doc,
                by_sentence=by_sentence,
                index=index,
                entities=entities,
            )
            figures.append(figure)
    subjects = fill_subjects(
        merge_restated(figures), mentions, cities, body, country, entities, headline
    )
    return tuple(day_of_the_same(subjects, body))


def _sentence_at(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _mentions_by_sentence(
    starts: list[int], mentions: Sequence[MentionCandidate]
) -> dict[int, list[MentionCandidate]]:
    """The mentions of each sentence, by the sentence's index."""
    by_sentence: dict[int, list[MentionCandidate]] = {}
    for mention in mentions:
        by_sentence.setdefault(_sentence_at(starts, mention.span.start), []).append(mention)
    return by_sentence


def _numbers_by_sentence(body: str, starts: list[int]) -> dict[int, list[NumberMatch]]:
    """The numbers of each sentence, in body order, by the sentence's index."""
    numbers_by_sentence: dict[int, list[NumberMatch]] = {}
    # Past MAX_FIGURES numbers a body is a table, not prose: the rest are not read, so
    # that no body holds the stage for long.
    for number in first_numbers(body, MAX_FIGURES):  # in order, so sentence by sentence
        numbers_by_sentence.setdefault(_sentence_at(starts, number.span.start), []).append(number)
    return numbers_by_sentence


def _sentence_context(
    body: str,
    sentences: Sequence[Sentence],
    index: int,
    span: Span,
    sm: SentenceMentions,
    voted_on: dt.date | None,
    election: bool,
) -> SentenceContext:
    """What every figure of sentence ``index`` (at ``span``) reads, worked out once."""
    previous = sentences[index - 1].span if index > 0 else None
    text = body[span.start : span.end]
    return SentenceContext(
        span=span,
        previous=previous,
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
