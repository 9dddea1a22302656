"""Text cut into pieces at the edges of what is highlighted in it: figures, quotes and
entity mentions, which may overlap (a figure inside a quote). Pure; the templates escape
each piece, so no markup is ever built from stored text."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

# Which mark's link a piece takes when several cover it: the most specific.
LINK_ORDER = ("figure", "mention", "quote")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int  # code points, end exclusive, as every stored span
    end: int
    kind: str  # figure, quote or mention
    href: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    marks: tuple[Mark, ...]

    @property
    def classes(self) -> str:
        return " ".join(sorted({mark.kind for mark in self.marks}))

    @property
    def link(self) -> Mark | None:
        linked = [m for m in self.marks if m.href is not None]
        return min(linked, key=lambda m: LINK_ORDER.index(m.kind), default=None)

    @property
    def title(self) -> str | None:
        titled = [m for m in self.marks if m.title is not None]
        best = min(titled, key=lambda m: LINK_ORDER.index(m.kind), default=None)
        return best.title if best is not None else None

    @property
    def is_figure(self) -> bool:
        return any(m.kind == "figure" for m in self.marks)


def marked_pieces(text: str, marks: Iterable[Mark]) -> list[Piece]:
    """`text` in consecutive pieces, each with the marks covering all of it. Marks outside
    the text are clipped to it; empty ones are dropped."""
    inside = [
        Mark(max(0, m.start), min(len(text), m.end), m.kind, m.href, m.title)
        for m in marks
        if min(len(text), m.end) > max(0, m.start)
    ]
    edges = sorted({0, len(text)} | {m.start for m in inside} | {m.end for m in inside})
    return [
        Piece(text[start:end], tuple(m for m in inside if m.start <= start and end <= m.end))
        for start, end in itertools.pairwise(edges)
        if end > start
    ]


def sentence_pieces(
    text: str, *, sentence: tuple[int, int], span: tuple[int, int], kind: str = "figure"
) -> list[Piece]:
    """The sentence (offsets into `text`) with the span in it highlighted."""
    start, end = sentence
    return marked_pieces(text[start:end], [Mark(span[0] - start, span[1] - start, kind)])
