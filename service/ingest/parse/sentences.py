"""Splits a story body into sentences with character offsets.

Rules, in order: a blank line (paragraph break) always ends a sentence; inside a
paragraph a sentence ends at ``.``, ``!``, ``?`` or an ellipsis (plus any closing
quotes or brackets) that is followed by whitespace and then something that can
start a sentence (a capital, a digit, an opening quote or bracket). A period after
a known abbreviation (``Mr.``, ``Gen.``, ``Jan.``) or an initial (``George W.
Bush``) never ends a sentence; after a dotted or corporate abbreviation (``U.S.``,
``Inc.``) it does only when a typical sentence opener (``The``, ``He``) follows. A
single newline inside a paragraph is plain whitespace (hard-wrapped copy).
"""

from __future__ import annotations

import re

from service.ingest.model import Sentence, Span

# A blank line, possibly holding spaces: the parse stage separates paragraphs this way.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# A run of terminal punctuation, its closing quotes/brackets, then whitespace or the end.
_TERMINATOR = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’»)\]]*(?=\s|$)")
_FIRST_CHAR = re.compile(r"\s*(\S)")
_WORD_BEFORE = re.compile(r"[\w.'’&-]+$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]*([\w'’]+)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")

# After these a period never ends the sentence: titles, months, "No. 5", "vs.".
_ALWAYS_ABBREVIATIONS_TEXT = """
    mr mrs ms messrs dr prof gen col lt sgt capt cmdr adm maj brig cpl pvt sen rep
    gov atty supt insp det rev hon pres fr no nos art fig figs vol pp para sec jan
    feb mar apr jun jul aug sep sept oct nov dec mt ft vs v const cst pfc spc pte amb msgr
"""
_ALWAYS_ABBREVIATIONS = frozenset(_ALWAYS_ABBREVIATIONS_TEXT.split())
# After these a period ends the sentence only when a sentence opener follows.
_MAYBE_ABBREVIATIONS_TEXT = """
    inc ltd co corp llc plc bros etc jr sr st ave blvd rd approx est dept univ govt
    intl assn al
"""
_MAYBE_ABBREVIATIONS = frozenset(_MAYBE_ABBREVIATIONS_TEXT.split())
# Capitalised words that typically open a sentence (and rarely continue a name).
_OPENERS_TEXT = """
    the a an he she it they we i you his her its their our my this that these those
    there here but and or so yet in on at for from by with after before when while
    if as since until during despite however meanwhile also then now still many some
    several most all both no one two three four five ten hundreds thousands dozens
    police officials authorities critics protesters according
"""
_OPENERS = frozenset(_OPENERS_TEXT.split())
_CLOSERS = "\"'”’»)]"


def split_sentences(body: str) -> tuple[Sentence, ...]:
    """Sentences of ``body`` in order; spans exclude surrounding whitespace."""
    spans: list[Span] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(body):
        _split_paragraph(body, start, brk.start(), spans)
        start = brk.end()
    _split_paragraph(body, start, len(body), spans)
    return tuple(Sentence(index=i, span=span) for i, span in enumerate(spans))


def _split_paragraph(body: str, start: int, end: int, out: list[Span]) -> None:
    sentence_start = start
    for m in _TERMINATOR.finditer(body, start, end):
        if m.end() >= end or not _ends_sentence(body, m.start(), m.end(), end):
            continue
        _append_trimmed(body, sentence_start, m.end(), out)
        sentence_start = m.end()
    _append_trimmed(body, sentence_start, end, out)


def _ends_sentence(body: str, start: int, end: int, limit: int) -> bool:
    nxt = _FIRST_CHAR.match(body, end, limit)
    if nxt is None:
        return True
    first = nxt.group(1)
    if first.islower() or not (first.isalnum() or first in "\"'“‘([«"):
        return False
    punct = body[start:end].rstrip(_CLOSERS)
    if punct != ".":
        # "!", "?" or an ellipsis followed by a capital, digit or opening quote.
        return True
    word_match = _WORD_BEFORE.search(body, max(0, start - 30), start)
    word = word_match.group(0).lstrip("'’-") if word_match else ""
    if not word:
        return True
    lowered = word.lower()
    if lowered in _ALWAYS_ABBREVIATIONS:
        return False
    is_initial = len(word) == 1 and word.isupper()
    if is_initial or lowered in _MAYBE_ABBREVIATIONS or _DOTTED.fullmatch(word):
        return _next_word_opens_sentence(body, end, limit)
    return True


def _next_word_opens_sentence(body: str, pos: int, limit: int) -> bool:
    m = _NEXT_WORD.match(body, pos, limit)
    return m is not None and m.group(1).lower() in _OPENERS


# No sentence of prose is longer. Copy without sentence breaks (a table, a list of
# numbers, a hostile body) is cut at the last space before this many characters, so that
# every rule that reads a sentence (and compares its figures with each other) stays
# bounded: 30 KB of "1 1 1 ..." took 88 s through the figure stage as one sentence.
MAX_SENTENCE = 1500


def _append_trimmed(body: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = body.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(Span(start, cut))
        start = cut
        while start < end and body[start].isspace():
            start += 1
    if start < end:
        out.append(Span(start, end))
