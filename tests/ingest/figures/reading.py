"""What the parse says a figure measures, by its printed text: shared by the concept tests."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.figures.concepts import read_figure
from service.ingest.figures.numbers import find_numbers
from service.ingest.model import FigureCandidate
from service.ingest.nlp.model import analyse
from service.ingest.parse.article import parse_article


def figures_by_text(article: str) -> dict[str, FigureCandidate]:
    """The article's figures, by their printed text."""
    return {f.text: f for f in extract(parse_article(article)).figures}


def reading_of(sentence: str, text: str) -> tuple[str | None, str | None, list[str]]:
    """The concept, source and subjects ``read_figure`` gives the figure printed as ``text``."""
    doc = analyse(sentence)
    (number,) = [n for n in find_numbers(sentence) if sentence[n.span.start : n.span.end] == text]
    r = read_figure(doc, number.span, number.unit)
    source = sentence[r.source_span.start : r.source_span.end] if r.source_span else None
    return r.concept, source, [sentence[s.start : s.end] for s in r.subject_spans]
