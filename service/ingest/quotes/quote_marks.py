"""Quote marks: the quotations of a story body, paragraph by paragraph.

Quote marks. Pairs are found per paragraph (paragraphs are separated by blank
lines, or by single newlines in copy that has no blank line): curly “…” and ‘…’,
guillemets «…», straight "…" and straight '…'. A straight or curly single mark
between two letters is an apostrophe (Kazakhstan's, we’ve); a straight single mark
opens only after a space or bracket and closes only before a space or punctuation,
and a closing "s' " followed by a lowercase word is taken for a plural possessive
when a later closing mark exists. Quotes nested in another quote are part of it; when
two pairs cross, the double-quote pair wins. A straight double mark after a sentence's
end and a space, before a word, opens a new quote instead of closing the open one when
a later mark is left to close it: the copy lost a paragraph break between two statements
('"We regret it. "The club has been a good neighbour," Smith added.'). A quote left
open at the end of a paragraph continues into the next paragraph when that one opens
with the same mark (newspaper convention): each paragraph's words are then a quote of
their own, and the later ones continue the first one's speaker. An unclosed double
quote without such a continuation ends at the paragraph end; an unclosed single mark is
dropped (it was an elision).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.ingest.model import Span

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


_LINE = re.compile(r"\n\s*")


QUOTE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


_ELISION = re.compile(r"(?:em|til|tis|twas|cause|n)\b", re.IGNORECASE)


SENTENCE_END = ".!?…"


MARKS = "\"'“”‘’«»„"


_DOUBLE, _SINGLE = 0, 1


# Quote-mark families: opening marks, closing mark, rank.
_FAMILIES: tuple[tuple[str, str, int], ...] = (
    ('"', '"', _DOUBLE),
    ("“„", "”", _DOUBLE),
    ("«", "»", _DOUBLE),
    ("'", "'", _SINGLE),
    ("‘", "’", _SINGLE),
)


_ANY_MARK = re.compile(f"[{re.escape(MARKS)}]")


_MARK_PATTERNS = {o: re.compile(f"[{re.escape(o + c)}]") for o, c, _ in _FAMILIES}


@dataclass(frozen=True, slots=True)
class _Pair:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the paragraph end when left open
    closed: bool
    family: str  # the opening mark
    rank: int  # _DOUBLE or _SINGLE: doubles win when pairs cross


@dataclass(frozen=True, slots=True)
class Quote:
    open: int
    close: int  # index of the closing mark (or paragraph end)
    first_par: int
    last_par: int


def split_paragraphs(body: str) -> list[tuple[int, int]]:
    splitter = _BLANK_LINE if _BLANK_LINE.search(body) else _LINE
    out = []
    start = 0
    for brk in [*splitter.finditer(body), None]:
        end = brk.start() if brk else len(body)
        seg = body[start:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((start + lead, start + len(seg.rstrip())))
        if brk:
            start = brk.end()
    return out


def quote_pairs(body: str, start: int, end: int) -> list[_Pair]:
    """Quote pairs of one paragraph, nested ones and losers of crossings removed."""
    if not _ANY_MARK.search(body, start, end):
        return []
    pairs = [p for o, c, rank in _FAMILIES for p in _pair_marks(body, start, end, o, c, rank)]
    pairs.sort(key=lambda p: (p.rank, p.open))
    kept: list[_Pair] = []
    for p in pairs:
        crossing = [k for k in kept if k.open < p.close and p.open < k.close]
        if not crossing:
            kept.append(p)
        elif all(p.open < k.open and k.close < p.close for k in crossing):
            # p holds the kept ones (BBC style: single outside, double inside).
            kept = [k for k in kept if k not in crossing] + [p]
    return sorted(kept, key=lambda p: p.open)


def _pair_marks(body: str, start: int, end: int, opens: str, close: str, rank: int) -> list[_Pair]:
    straight = opens == close
    positions = [m.start() for m in _MARK_PATTERNS[opens].finditer(body, start, end)]
    out: list[_Pair] = []
    open_at = -1
    for n, i in enumerate(positions):
        prev = body[i - 1] if i > start else " "
        nxt = body[i + 1] if i + 1 < end else " "
        if rank == _SINGLE and prev.isalnum() and nxt.isalnum():
            continue  # apostrophe
        open_like = (prev.isspace() or prev in "([{—–-/" + MARKS) and not nxt.isspace()
        close_like = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–-/" + MARKS)
        is_open = open_like if straight else body[i] in opens
        if rank == _SINGLE and (nxt.isdigit() or _ELISION.match(body, i + 1)):
            is_open = False  # '90s, 'em, 'til
        is_close = close_like if straight else body[i] == close
        if open_at < 0:
            if is_open or (straight and rank == _DOUBLE and not is_close):
                open_at = i
            continue
        if rank == _DOUBLE and straight and _reopens(body, i, positions[n + 1 :]):
            # '"He was shot. "We will not let them go," Cooley said.': the copy lost a
            # paragraph break, and the mark after "shot. " opens the next statement
            out.append(_Pair(open_at, i, True, body[open_at], rank))
            open_at = i
            continue
        if rank == _DOUBLE and straight:
            is_close = True  # straight doubles alternate
        if not is_close:
            continue
        if rank == _SINGLE and _looks_possessive(body, i, end, positions[n + 1 :], close):
            continue
        out.append(_Pair(open_at, i, True, body[open_at], rank))
        open_at = -1
    if open_at >= 0:
        out.append(_Pair(open_at, end, False, body[open_at], rank))
    return out


def _reopens(body: str, i: int, later: list[int]) -> bool:
    """Whether a straight double mark met while a quote is open opens a new one instead of
    closing it: it stands after the end of a sentence and a space, before a word, and a
    later mark of the paragraph is left to close it ('"We regret it. "The club has always
    been a good neighbour," Smith added.': a closing mark never follows a space)."""
    return (
        bool(later)
        and body[i - 1] in " \t"
        and body[max(0, i - 4) : i].rstrip()[-1:] in SENTENCE_END
        and i + 1 < len(body)
        and (body[i + 1].isalnum() or body[i + 1] == "[")
    )


def _looks_possessive(body: str, i: int, end: int, later: list[int], close: str) -> bool:
    """ "protesters' demands": an "s'" before a lowercase word, with a later closing mark."""
    if body[i - 1] != "s" or not re.match(r"\s+[a-z]", body[i + 1 : end]):
        return False
    return any(body[j] == close and (j + 1 >= end or not body[j + 1].isalnum()) for j in later)


def assemble_quotes(
    body: str, paragraphs: list[tuple[int, int]], pairs: list[list[_Pair]]
) -> list[Quote]:
    """Quotes of the body; one left open continues when the next paragraph opens with it."""
    quotes: list[Quote] = []
    carry: tuple[_Pair, int] | None = None  # a pair left open and its first paragraph
    for n, par_pairs in enumerate(pairs):
        rest = par_pairs
        if carry is not None:
            first, first_par = carry
            carry = None
            head = par_pairs[0] if par_pairs else None
            if head and head.open == paragraphs[n][0] and head.family == first.family:
                # one statement over paragraphs: a quote per paragraph, the later ones
                # continuing the first's speaker
                quotes.append(Quote(first.open, paragraphs[n - 1][1], first_par, n - 1))
                rest = par_pairs[1:]
                if head.closed:
                    quotes.append(Quote(head.open, head.close, n, n))
                else:
                    carry = (head, n)
            else:
                _end_open(first, first_par, n - 1, paragraphs, quotes)
        for p in rest:
            if p.closed:
                quotes.append(Quote(p.open, p.close, n, n))
            elif p.rank == _DOUBLE or _opens_statement(body, p.open, paragraphs[n][0]):
                carry = (p, n)
    if carry is not None:
        _end_open(carry[0], carry[1], len(paragraphs) - 1, paragraphs, quotes)
    return sorted(quotes, key=lambda q: q.open)


def _opens_statement(body: str, mark: int, par_start: int) -> bool:
    """A single mark left open may run on only when it opens a paragraph or follows ":"/","."""
    return mark == par_start or body[par_start:mark].rstrip()[-1:] in (":", ",")


def _end_open(
    pair: _Pair, first_par: int, last_par: int, paragraphs: list[tuple[int, int]], out: list[Quote]
) -> None:
    if pair.rank == _DOUBLE:  # a missing closing mark: the quote ends with its paragraph
        out.append(Quote(pair.open, paragraphs[last_par][1], first_par, last_par))


def inner_span(body: str, q: Quote) -> Span | None:
    start, end = q.open + 1, q.close
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None
