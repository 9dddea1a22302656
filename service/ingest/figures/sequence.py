"""A figure read against the figure before it: a level it changed from, the whole it is
part of, an increment to a total, a count that goes on, a list under one head, and a
count restated later in the same article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from service.ingest.figures.concepts import Reading
from service.ingest.figures.dates import (
    CALENDAR_WORDS,
)
from service.ingest.figures.lexicon import unit_class
from service.ingest.figures.person_subjects import vote_subject
from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.figures.sentence_subjects import (
    at_place,
)
from service.ingest.model import (
    EntityKind,
    FigureCandidate,
    Span,
)

# The qualifier of the value a change started from ("down from 64 a year earlier"): an
# older value of the same measure, never in dispute with the new one.
EARLIER_LEVEL = "previous"
_FROM = re.compile(r"\b(?:from|compared\s+(?:with|to))\s+$", re.IGNORECASE)
# "... compared with 30% for Odinga": another's amount, not an older one
_OF_ANOTHER = re.compile(r"\s+(?:for|of|by)\s+(?:the\s+)?[A-Z]")


def earlier_level(body: str, last: FigureCandidate, figure: FigureCandidate) -> bool:
    """Whether ``figure`` is where the change ``last`` reports started from: "27 jets,
    down from 64", "rose to 55% from 49%", "3.1%, compared with 2.8% a month earlier"."""
    return (
        figure.property is not None
        and figure.qualifier is None
        and last.property == figure.property
        and last.subject == figure.subject  # "70% against 16% for Kosanov": two candidates
        and last.sentence == figure.sentence
        and last.qualifier is None
        and _FROM.search(body, max(0, figure.span.start - 20), figure.span.start) is not None
        and _OF_ANOTHER.match(body, figure.span.end) is None
    )


# The qualifier of a count added to a running total ("1,200 new cases"), never in
# dispute with the total.
INCREMENT = "new"
_BRINGS_TOTAL = re.compile(
    r"\b(?:bring|brings|bringing|brought|take|takes|taking|took|push|pushes|pushing|pushed|"
    r"raise|raises|raising|raised|lift|lifts|lifting|lifted)\s+(?:the|its|their|this|that)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:total|tally|toll|number|count)\s+(?:so\s+far\s+)?to\s+"
    r"(?:(?:about|around|some|more\s+than|over|nearly|almost|at\s+least)\s+)?$",
    re.IGNORECASE,
)
_ADDED = re.compile(r"^(?:(?!,\s)[^;])*?\b(?:new|more|additional|further|fresh)\b", re.IGNORECASE)


_OF_THE = re.compile(r"\s+of\s+(?:the|all|a\s+total\s+of)\s+$", re.IGNORECASE)


def whole_of(body: str, last: FigureCandidate, figure: FigureCandidate) -> bool:
    """ "206 of the 630 seats": the figure is the whole the one before it is a part of."""
    return (
        figure.property is not None
        and figure.property == last.property
        and last.sentence == figure.sentence
        and last.unit == figure.unit
        and _OF_THE.fullmatch(body, last.span.end, figure.span.start) is not None
    )


def added_before(
    body: str, figures: Sequence[FigureCandidate], figure: FigureCandidate
) -> int | None:
    """ "About 1,200 new cases were reported in 24 hours, bringing the total to 15,000":
    the index of the count added (in the same sentence, "new"/"more" after it) that the
    figure is the running total of."""
    if _BRINGS_TOTAL.search(body, max(0, figure.span.start - 60), figure.span.start) is None:
        return None
    for index in range(len(figures) - 1, -1, -1):
        last = figures[index]
        if last.sentence != figure.sentence:
            return None
        printed = body[last.span.start : last.span.end + 20]
        if unit_class(last.unit) == "count" and _ADDED.search(printed):
            return index
    return None


def changed_from(body: str, last: FigureCandidate, figure: FigureCandidate) -> str | None:
    """ "Turnout was 67%, up from 61%": the figure a change started from, read as another
    measure, measures what the change's figure does (same sentence, same unit)."""
    changed = (
        figure.property != last.property
        and last.sentence == figure.sentence
        and last.unit == figure.unit
        and _FROM.search(body, max(0, figure.span.start - 20), figure.span.start) is not None
        and _OF_ANOTHER.match(body, figure.span.end) is None
    )
    return last.property if changed else None


# What may stand between two amounts of one measure: "49 percent or by 27 percent", "60
# billion rubles on top of the 1.13 trillion", "$5bn, down from $6bn", "(US$19.7 billion)".
_CONTINUING = re.compile(
    # the period the first amount is of: "3.1% in May, compared with 2.8%"
    r"(?:\s+(?:in|for|during|over)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|latest)\s+)?"
    r"(?:quarter|half|year|month|week|(?:19|20)\d\d|" + "|".join(CALENDAR_WORDS) + r"))?"
    r"[\s,;:()\[\]/–—-]*(?:(?:or|to|from|versus|vs\.?|against|compared (?:with|to)|"
    r"on top of|up from|down from|(?:an? )?(?:increase|rise|drop|fall|decline) from)"
    r"(?:\s+(?:by|the|a|an|at|of))*)?[\s(]*",
    re.IGNORECASE,
)


def from_to_pair(body: str, last: FigureCandidate, figure: FigureCandidate) -> bool:
    """Whether ``last`` and ``figure`` are where one change started and ended, told
    "from ... to ..." in one sentence with amounts of one kind (no bare counts): "cut its
    debt from $27.5 billion in unsecured bonds to $9.2 billion", "shares fell from about
    $42 to four cents". Whatever one of them measures, the other measures too."""
    kind = unit_class(figure.unit)
    return (
        last.sentence == figure.sentence
        and kind != "count"
        and unit_class(last.unit) == kind
        and _FROM_START.search(body, max(0, last.span.start - 8), last.span.start) is not None
        and _FROM_TO_GAP.fullmatch(body, last.span.end, figure.span.start) is not None
    )


# The word before where a change started, and what may stand between the two amounts:
# "from $27.5 billion in unsecured debt to $9.2 billion", "from 4.1% to 3.8%".
_FROM_START = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_FROM_TO_GAP = re.compile(r"(?:\s+(?:in|of)\s+[^,;:.()\d$€£¥%]{1,40}?)?\s+to\s+", re.IGNORECASE)


def compared_count(
    body: str, figures: Sequence[FigureCandidate], figure: FigureCandidate
) -> tuple[str, int | None, str] | None:
    """The measure, subject and unit of the count earlier in the sentence that a bare
    count compared with it measures the same as: "about 20 million people tuned in,
    compared with 31.4 million a year earlier"; None when the figure is no bare count or
    that count says nothing of what it counts. (Not "peaking at 5.1m" after "watched by
    4.2m people": a peak is another claim than the average, and with no qualifier of its
    own it would stand in dispute with it and cost both the story's subject.)"""
    if (
        figure.unit != "count"
        or _COMPARED.search(body, max(0, figure.span.start - 24), figure.span.start) is None
    ):
        return None
    for last in reversed(figures):
        if last.sentence != figure.sentence:
            return None
        if unit_class(last.unit) == "count":
            if last.unit == "count" or last.property is None:
                return None
            return last.property, last.subject, last.unit
    return None


# Before an amount set against one of the same measure: "compared with 31.4 million".
_COMPARED = re.compile(
    r"\bcompared\s+(?:with|to)\s+"
    r"(?:(?:about|around|some|nearly|almost|just|over|more\s+than)\s+)?$",
    re.IGNORECASE,
)


def continues(
    body: str, last: FigureCandidate, figure: FigureCandidate, reading: Reading | None
) -> bool:
    """Whether ``figure`` is another amount of what the figure before it in the sentence
    measures: of its kind of unit, and where a change went or came from ("has dropped to
    56 percent") or joined to it by "or", "to", "from", "on top of" or a parenthesis."""
    if last.sentence != figure.sentence:
        return False
    between = body[last.span.end : figure.span.start]
    level = reading is not None and reading.level and len(between) <= _LEVEL_REACH
    if level and figure.unit == "count" and unit_class(last.unit) == "count":
        return True  # "delivered 27 jets in March, down from 64 a year earlier"
    if unit_class(last.unit) != unit_class(figure.unit) or unit_class(figure.unit) == "count":
        return False
    if level:
        return True
    return _CONTINUING.fullmatch(between) is not None


_LEVEL_REACH = 80  # characters from the amount a change started at to where it went


# Between the items of a list of counts: "jobs in France, 3,700", "in UK and 400"
_LIST_GAP = re.compile(
    r"(?:\s+(?:in|at|for|from|by|to)\s+[^,;.:()]{1,60}?)?(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
)


# The second amount of a pair whose first says what both measure: "priced at $199 and the
# 32GB version at $299", "$1,099 for the base model and $1,799 for the larger one".
_GAPPED = re.compile(
    r"\s+and\s+(?:the\s+|an?\s+|its\s+)?[^,;:.$€£¥]{1,40}?\s(?:at|for)\s+(?:U\.?S\.?\s*)?"
    r"|\s+for\s+[^,;:.$€£¥]{1,40}?\s+and\s+(?:U\.?S\.?\s*)?",
    re.IGNORECASE,
)


def gapped_pair(
    body: str, figures: Sequence[FigureCandidate], figure: FigureCandidate
) -> tuple[str, int | None] | None:
    """The measure and subject of the amount of the same kind earlier in the sentence that
    ``figure`` pairs with across a gapped clause ("$1,099 for the base 13-inch version and
    $1,799 for ..."), when that amount names its measure; None otherwise."""
    kind = unit_class(figure.unit)
    if kind in ("count", "duration"):
        return None
    for last in reversed(figures):
        if last.sentence != figure.sentence:
            return None
        if unit_class(last.unit) == kind:
            paired = _GAPPED.fullmatch(body, last.span.end, figure.span.start) is not None
            if not paired or last.property is None:
                return None
            return last.property, last.subject
    return None


# A ranking told in one sentence: "iTunes held 19 percent of the market, with Wal-Mart at
# 15 percent, followed by Best Buy at 13 percent".
_RANKED_NEXT = re.compile(
    r"(?:\s+(?:of|in)\s+[^,;:()]{1,40}?)?,?\s+(?:with|followed\s+by|ahead\s+of|behind|trailed\s+by)\s+(?:the\s+)?"
    r"[A-Z][^,;:()]{0,40}?\s+at\s+(?:just\s+|about\s+|around\s+|some\s+)?",
)


def ranked_next(
    body: str, last: FigureCandidate | None, figure: FigureCandidate, sm: SentenceMentions
) -> tuple[str, int] | None:
    """The measure of the share before ``figure`` and the entity named just before it, when
    ``figure`` is the next place of a ranking ("..., with Wal-Mart at 15 percent"); the
    entity's own share, so it is that entity's and not the first one's."""
    if (
        last is None
        or last.property is None
        or last.sentence != figure.sentence
        or unit_class(last.unit) != unit_class(figure.unit)
        or _RANKED_NEXT.fullmatch(body, last.span.end, figure.span.start) is None
    ):
        return None
    named = sm.last_before(figure.span.start, *EntityKind)
    if named is None or named.span.start < last.span.end:
        return None
    return last.property, named.local_entity


# Where a market's move took it: "up 1.2% to 1,622", "a loss of 347.80 points to a
# level of 10,520", "rose 3% to close at 8,140".
_TO_LEVEL = re.compile(
    r"(?:\s*points?)?\s*,?\s+(?:to|at)\s+(?:(?:a|an|its|the)\s+(?:new\s+)?"
    r"(?:level|close|high|low)\s+of\s+|close\s+at\s+|end\s+(?:the\s+day\s+)?at\s+)?",
    re.IGNORECASE,
)
_MOVES = frozenset({"growth", "decline"})


def level_after_move(
    body: str, last: FigureCandidate | None, figure: FigureCandidate
) -> str | None:
    """What a figure is when it is where a market's move just before it went: an index's
    level for a bare number ("up 1.2% to 1,622"), a share's price for money ("Bank of
    America, which dropped 14% to $3.93"); None otherwise."""
    if figure.unit == "count":
        level = "index_level"
    elif unit_class(figure.unit) == "money" and last is not None and last.unit == "percent":
        level = "share_price"
    else:
        return None
    moved = (
        last is not None
        and last.property in _MOVES
        and last.unit in ("percent", "points")
        and last.sentence == figure.sentence
        and _TO_LEVEL.fullmatch(body, last.span.end, figure.span.start) is not None
    )
    return level if moved else None


def list_head(
    body: str, last: FigureCandidate | None, figure: FigureCandidate
) -> FigureCandidate | None:
    """The item before ``figure`` in a list whose items before it say what is counted
    ("4,300 jobs in France, 3,700 in Germany"; "killed 102 and 21 people"); None when
    ``figure`` is a bare number or a count of the same unit that is no such item."""
    if (
        last is None
        or figure.unit not in ("count", last.unit)
        or last.property is None
        or last.sentence != figure.sentence
        or unit_class(last.unit) != "count"
        or last.unit == "count"
        or _LIST_GAP.fullmatch(body, last.span.end, figure.span.start) is None
    ):
        return None
    return last


def continue_results(
    figure: FigureCandidate, last: FigureCandidate, sm: SentenceMentions, body: str
) -> FigureCandidate:
    """ "X was a distant second with 16.02 percent" right after a vote share continues it."""
    start = figure.span.start - sm.offset
    subject = vote_subject(sm, body[sm.offset : figure.sentence.end], start)
    if subject is None:
        return figure
    figure = replace(figure, property="vote_share", subject=subject, qualifier=last.qualifier)
    if figure.attributed_to_text is None:  # the report goes on in the source's words
        figure = replace(
            figure,
            attributed_to=last.attributed_to,
            attributed_to_text=last.attributed_to_text,
            refers_to=figure.refers_to or last.refers_to,
            status=figure.status or last.status,
        )
    return figure


def merge_restated(figures: list[FigureCandidate]) -> list[FigureCandidate]:
    """An undated count restated with its date elsewhere takes that date and place."""
    out: list[FigureCandidate] = []
    for f in figures:
        if at_place(f.property) and f.refers_to is None and f.approximation != "VAGUE":
            twin = next(
                (
                    g
                    for g in figures
                    if g is not f
                    and g.property == f.property
                    and g.value == f.value
                    and g.upper_bound == f.upper_bound
                    and g.approximation == f.approximation
                    and g.refers_to is not None
                ),
                None,
            )
            if twin is not None:
                f = replace(
                    f,
                    refers_to=twin.refers_to,
                    qualifier=twin.qualifier,
                    subject=twin.subject if twin.subject is not None else f.subject,
                )
        out.append(f)
    return [_credit_restated(f, out) for f in out]


def _credit_restated(f: FigureCandidate, figures: list[FigureCandidate]) -> FigureCandidate:
    """A restated count with no source of its own takes its twin's ("The 200 people ...")."""
    if f.attributed_to_text is not None or not at_place(f.property) or f.refers_to is None:
        return f
    for g in figures:
        same = (g.property, g.value, g.upper_bound, g.approximation, g.refers_to) == (
            f.property, f.value, f.upper_bound, f.approximation, f.refers_to
        )  # fmt: skip
        if g is not f and same and g.attributed_to_text is not None:
            return replace(
                f, attributed_to=g.attributed_to, attributed_to_text=g.attributed_to_text
            )
    return f


# A number that counts a group the copy named before: "two of them managed to flee",
# "235,000 comments, at least 208,000 of which were form letters", "we could have used
# the other two", "all three are down".
_OF_GROUP = re.compile(r"\s+of\s+(?:them|which|whom|those|these)\b", re.IGNORECASE)
_GROUP_WORD = re.compile(r"\b(?:the\s+other|all)\s+$", re.IGNORECASE)


def group_named_before(
    body: str,
    figures: Sequence[FigureCandidate],
    figure: FigureCandidate,
    previous: Span | None,
) -> FigureCandidate | None:
    """The count of things earlier in the sentence or the one before that a bare count
    (``figure``, unit ``count``) is a part of, when the copy points back to a group ("two
    of them", "the other two", "all three"): the nearest count in a unit of its own that
    is no smaller ("Five pirate boats tried to attack. Two of them fled" -> boats); "the
    other two" and "all three" only in the sentence itself ("one cable ... the other two"
    after "14 states" in the sentence before counts cables, not states)."""
    if figure.unit != "count":
        return None
    start, end = figure.span.start, figure.span.end
    if _OF_GROUP.match(body, end) is not None:
        reach = (figure.sentence, previous)
    elif _GROUP_WORD.search(body, max(0, start - 12), start) and body[start:end].isalpha():
        reach = (figure.sentence, figure.sentence)  # "the other two" of the sentence's group
    else:
        return None
    for last in reversed(figures):
        if last.sentence not in reach:
            return None
        if unit_class(last.unit) == "count" and last.unit != "count" and last.value >= figure.value:
            return last
    return None
