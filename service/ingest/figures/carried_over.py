"""What a figure takes from the figures before it in the body (``carry_over``): the
measure a count goes on with, the results a runner-up's share continues, the source of a
restated count, the total an increment adds to, the group "two of them" counts.

Rules worth knowing:
- A count restated in the same article ("arrested 200 more people" ... "The 200 people
  arrested in ... Almaty, on Monday") takes the date and place of the explicit report.
- "hundreds more the following day" measures what the figure before it measured.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from service.ingest.figures.concepts import Reading
from service.ingest.figures.lexicon import unit_class
from service.ingest.figures.markets import market_in_view_at
from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.sentence_context import SentenceContext, with_property
from service.ingest.figures.sentence_subjects import at_place
from service.ingest.figures.sequence import (
    EARLIER_LEVEL,
    INCREMENT,
    added_before,
    changed_from,
    compared_count,
    continue_results,
    continues,
    earlier_level,
    from_to_pair,
    gapped_pair,
    group_named_before,
    level_after_move,
    list_head,
    ranked_next,
    whole_of,
)
from service.ingest.model import (
    EntityKind,
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
)

# Who came after the winner: the same count goes on, from the same source.
_RUNNER_UP = re.compile(
    r"\b(?:second|third|fourth|fifth|runner-up|rivals?|challengers?|trailed|followed)\b", re.I
)


def carry_over(
    body: str,
    figures: list[FigureCandidate],
    figure: FigureCandidate,
    *,
    number: NumberMatch,
    reading: Reading | None,
    context: SentenceContext,
    published_on: dt.date | None,
    doc: Doc | None,
    by_sentence: dict[int, list[MentionCandidate]],
    index: int,
    entities: Sequence[LocalEntity],
) -> FigureCandidate:
    """``figure`` as the figures before it (``figures``, in body order) read it: its
    measure, its results, its total, its group. An increment to a total is marked in
    ``figures`` itself."""
    figure = _measure_carried(body, figures, figure, number, reading, context, published_on, doc)
    figure = _results_carried(body, figures, figure, number, context)
    figure = _total_carried(body, figures, figure, context, published_on)
    return _group_carried(body, figures, figure, context, by_sentence, index, entities)


def _measure_carried(
    body: str,
    figures: list[FigureCandidate],
    figure: FigureCandidate,
    number: NumberMatch,
    reading: Reading | None,
    context: SentenceContext,
    published_on: dt.date | None,
    doc: Doc | None,
) -> FigureCandidate:
    """The measure of a figure with none of its own, from the one before it: a count that
    goes on, a list under one head, a market's level after its move, a ranked next."""
    span, sm = context.span, context.mentions
    last = figures[-1] if figures else None
    if (
        figure.property is None
        and last is not None
        and last.property is not None
        and continues(body, last, figure, reading)
    ):
        bare = figure.unit == "count"
        figure = with_property(figure, last.property, last.subject, published_on, context)
        if bare and unit_class(last.unit) == "count":
            figure = replace(figure, unit=last.unit)  # "down from 64": jets too
    if last is not None and from_to_pair(body, last, figure):
        # "cut its debt from $27.5 billion in unsecured debt to $9.2 billion": the $9.2
        # billion is debt too; "shares fell from about $42 to four cents": the $42 a share
        # price. Whose it is, is read where the change ended.
        if figure.property is None and last.property is not None:
            figure = with_property(figure, last.property, figure.subject, published_on, context)
        elif figure.property is not None and last.property is None:
            figures[-1] = with_property(
                last, figure.property, figure.subject, published_on, context
            )
    if figure.property is None and (compared := compared_count(body, figures, figure)):
        # "32 million people tuning in, compared with 55.3 million a decade ago": viewers
        figure = with_property(figure, compared[0], compared[1], published_on, context)
        figure = replace(figure, unit=compared[2])
    head = list_head(body, last, figure) if figure.property is None else None
    if head is not None and head.property is not None:
        # "4,300 jobs in France, 3,700 in Germany and 400 in Spain": of one kind
        figure = with_property(figure, head.property, head.subject, published_on, context)
        figure = replace(figure, unit=head.unit)
    if figure.property is None and (pair := gapped_pair(body, figures, figure)):
        figure = with_property(figure, pair[0], pair[1], published_on, context)
    if (
        # "fell 13.8% to US$2.51 a share": where the share went, no earnings
        figure.property in (None, "earnings_per_share")
        and last is not None
        and (level := level_after_move(body, last, figure)) is not None
        and market_in_view_at(doc, number.span.start, number.span.end)
    ):
        # "the Nasdaq was up 1.2% to 1,622": where the index went
        figure = with_property(figure, level, last.subject, published_on, context)
        if level == "index_level":
            figure = replace(figure, unit="points")
    if figure.property is None and (ranked := ranked_next(body, last, figure, sm)):
        # "..., with Wal-Mart at 15 percent": Wal-Mart's share of the same market
        figure = with_property(figure, ranked[0], ranked[1], published_on, context)
    if figure.property is None and number.is_more and figures:
        last = figures[-1]
        if last.sentence == span and last.property is not None:
            figure = with_property(figure, last.property, last.subject, published_on, context)
    return figure


def _results_carried(
    body: str,
    figures: list[FigureCandidate],
    figure: FigureCandidate,
    number: NumberMatch,
    context: SentenceContext,
) -> FigureCandidate:
    """Results read on: a runner-up's share of the same vote, the source of a count of the
    same restated, the whole a part is of."""
    span, text, sm, previous = context.span, context.text, context.mentions, context.previous
    # "The CEC said Toqaev took 70.96 percent. Qosanov was second with 16.23 percent."
    runner_up = figure.property == "vote_share" and _RUNNER_UP.search(text) is not None
    if (figure.property is None or runner_up) and number.unit == "percent" and figures and previous:
        last = figures[-1]
        if last.property == "vote_share" and last.sentence in (previous, span):
            figure = continue_results(figure, last, sm, body)
    if at_place(figure.property) and figure.attributed_to_text is None and figures:
        last = figures[-1]  # "... 200 more, the ministry said. The 200 ... and 500 others"
        if last.property == figure.property and last.sentence in (previous, span):
            figure = replace(
                figure,
                attributed_to=last.attributed_to,
                attributed_to_text=last.attributed_to_text,
            )
    if figures and whole_of(body, figures[-1], figure):
        # "won 206 of the 630 seats": the 630 are all there are, nobody's
        figure = replace(figure, property=f"{figure.property}_total", subject=None)
    return figure


# Between two amounts of one thing: "2.36%, which is 118.40 points", "9%, that is 400"
_RESTATED = re.compile(r"\s*,\s*(?:which|that)\s+(?:is|was|means|meant)\s+")


def _total_carried(
    body: str,
    figures: list[FigureCandidate],
    figure: FigureCandidate,
    context: SentenceContext,
    published_on: dt.date | None,
) -> FigureCandidate:
    """A total and its increment, a level changed from, an amount restated: of one
    measure."""
    added = added_before(body, figures, figure)
    if added is not None and (prop := figures[added].property) is not None:
        # "1,200 new cases ..., bringing the total to 15,000": the total is a
        # count of the same, the increment a claim of its own
        last = figures[added]
        figure = with_property(figure, prop, last.subject, published_on, context)
        figure = replace(figure, unit=last.unit)
        if last.qualifier is None:
            figures[added] = replace(last, qualifier=INCREMENT)
    if figures and (measure := changed_from(body, figures[-1], figure)) is not None:
        # "Turnout was 67%, up from 61%": 61% was turnout too
        subject = figures[-1].subject
        figure = with_property(figure, measure, subject, published_on, context)
    if figures and _RESTATED.fullmatch(body, figures[-1].span.end, figure.span.start):
        # "dropped by 2.36%, which is 118.40 points": the same move restated
        last = figures[-1]
        figure = replace(figure, property=last.property, subject=last.subject)
    return figure


def _group_carried(
    body: str,
    figures: list[FigureCandidate],
    figure: FigureCandidate,
    context: SentenceContext,
    by_sentence: dict[int, list[MentionCandidate]],
    index: int,
    entities: Sequence[LocalEntity],
) -> FigureCandidate:
    """The unit of a count of a group named before it, and a level it stood at earlier."""
    if (group := group_named_before(body, figures, figure, context.previous)) is not None:
        figure = replace(figure, unit=group.unit)  # "two of them": two skiffs
    elif _the_people_named(body, figure, by_sentence, index, entities):
        figure = replace(figure, unit="people")  # "Trump met Macron. The two embraced"
    if figures and earlier_level(body, figures[-1], figure):
        figure = replace(figure, qualifier=EARLIER_LEVEL)
    return figure


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
