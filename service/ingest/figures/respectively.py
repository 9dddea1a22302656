"""Figures paired with names by "respectively": "the Nasdaq and the S&P 500 dipped by 96
points and 50 points, respectively" gives the 96 to the Nasdaq and the 50 to the S&P 500.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from service.ingest.model import FigureCandidate, MentionCandidate, TextPart

RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# Between two figures of one list: "and", a comma, a unit ("96 points and 50 points").
_BETWEEN_FIGURES = re.compile(r"[^\d.;:()]{0,25}")
_JOINER = re.compile(r"(?:,|\band\b)")
# Between two names of one list: "the Nasdaq and the S&P 500", "Exxon, Chevron and BP".
_BETWEEN_NAMES = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", re.IGNORECASE)
# From the figures' list to "respectively": "..., respectively", " jobs cut respectively".
_TO_RESPECTIVELY = re.compile(r"[^\d;:]{0,40}")


def pair_respectively(
    figures: Sequence[FigureCandidate], mentions: Sequence[MentionCandidate], body: str
) -> list[FigureCandidate]:
    """Each figure of a list that "respectively" closes takes the name printed in the same
    place of the list of names before it, when the two lists are as long ("ExxonMobil and
    Chevron fell by 1.5 and 3 percent, respectively": Chevron's 3 percent; "the United
    Kingdom and Spain will see 1,600 and 400 jobs cut respectively": Spain's 400)."""
    out = list(figures)
    for run in _runs(out, body):
        names = _names_before(mentions, body, out[run[0]], len(run))
        if names is None:
            continue
        for index, name in zip(run, names, strict=True):
            out[index] = replace(out[index], subject=name.local_entity, story_subject=False)
    return out


def _runs(figures: Sequence[FigureCandidate], body: str) -> list[list[int]]:
    """The indices of the figures of each list that "respectively" closes."""
    runs: list[list[int]] = []
    for last, figure in enumerate(figures):
        if figure.part is not TextPart.BODY:
            continue
        sentence = figure.sentence
        closing = RESPECTIVELY.search(body, figure.span.end, sentence.end)
        if closing is None or not _TO_RESPECTIVELY.fullmatch(
            body, figure.span.end, closing.start()
        ):
            continue
        run = [last]
        while run[0] > 0:
            before = figures[run[0] - 1]
            gap = body[before.span.end : figures[run[0]].span.start]
            if (
                before.part is not TextPart.BODY
                or before.sentence != sentence
                or not _BETWEEN_FIGURES.fullmatch(gap)
                or not _JOINER.search(gap)
            ):
                break
            run.insert(0, run[0] - 1)
        if len(run) >= 2:
            runs.append(run)
    return runs


def _names_before(
    mentions: Sequence[MentionCandidate], body: str, first: FigureCandidate, count: int
) -> list[MentionCandidate] | None:
    """The ``count`` names listed last before ``first`` in its sentence, of one kind, each
    joined to the next by "and" or a comma; None when the list before is not as long."""
    before = [
        m
        for m in mentions
        if first.sentence.start <= m.span.start
        and m.span.end <= first.span.start
        and m.local_entity >= 0
    ]
    if len(before) < count:
        return None
    names = before[-count:]
    if len({m.local_entity for m in names}) < count or len({m.kind for m in names}) > 1:
        return None
    for a, b in pairwise(names):
        if not _BETWEEN_NAMES.fullmatch(body, a.span.end, b.span.start):
            return None
    return names
