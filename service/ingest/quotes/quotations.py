"""Quotations in a story body, whether they are statements, and who made them.

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

Not statements (never emitted, so never pinned on the nearest person):

* titles, poems, songs, slogans, chants, banners, hashtags: a word of that family
  within eight words before or after the quote, with no cue verb in between ("a 1909
  poem about Russian colonial rule, “Wake up, Kazakh! …”", chanting "Oyan Kazakh");
* names: "a movement called "X"", "so-called", "is called"; a gloss after a hashtag;
* scare quotes: three words or fewer with no cue verb in the sentence (to “choose” a
  president), or one or two words whose only cue is a loose one (asked voters to
  "choose"); with a real cue they are partial quotes of the cue's speaker
  ("unsanctioned rallies" after "Kozhayev said");
* headings: a paragraph of at most ten words, without final punctuation, with no cue.

Statements. A question or exclamation that opens its sentence is read with the short cue
clause the splitter cut off after it ('"Would we have won without him?" Colts coach
Bruce Arians asked.'). The cue is the nearest cue verb before the quote in its sentence, unless
a cue clause directly follows the quote (`'...,' Toqaev said`), else the first cue
after it. Who the cue points at is decided in ``speakers``. A quote with no cue that
stands alone as a sentence continues the previous statement when that one is in the
previous sentence of the same paragraph or ends the previous paragraph; any other
cue-less quote of four words or more is emitted with no speaker. A quote is *full*
when only a cue clause (ending in "," or ":") or nothing precedes it in its sentence
and only a cue clause or nothing follows it; otherwise it is *partial*.

``statement_key`` and ``is_same_statement`` link one statement across articles.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from anyascii import anyascii

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import (
    EntityKind,
    LocalEntity,
    MentionCandidate,
    QuoteCandidate,
    Sentence,
    Span,
)
from service.ingest.quotes.cues import CUE_RE, MASK, Attribution, Cue, find_cues, named_attribution
from service.ingest.quotes.mention_index import MentionIndex
from service.ingest.quotes.speakers import attribute

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE = re.compile(r"\n\s*")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TITLE_WORD = re.compile(
    r"\b(?:poems?|songs?|anthems?|lyrics?|verses?|slogans?|chants?|chanting|chanted|"
    r"banners?|placards?|posters?|signs?|motto|hashtags?|headlines?|headlined|titled|"
    r"entitled|books?|novels?|films?|movies?|documentary|album|nicknamed|known\s+as|"
    r"reading|#\w+)\b",
    re.IGNORECASE,
)
_NAMING_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|its|his|her|their)\s+(?:[\w-]+\s+){0,2}|"
    r"\b(?:is|are|was|were|be|been|being)\s+|so-)called\s*$|#\w+\s*\(?\s*$",
    re.IGNORECASE,
)
# An analyst's rating, not words anyone said: "downgraded the bank to "sector perform"
# from "outperform"", "rates the stock "buy"", "upgraded it to a "strong buy"" (up to
# five words between, the grades before it among them)
_RATING_BEFORE = re.compile(
    r"\b(?:downgrad|upgrad|rat)(?:e|es|ed|ing)(?:\s+[\w'’&.“”\"-]+){0,5}?"
    r"(?:\s+(?:to|from|at|as)(?:\s+an?)?)?\s*$",
    re.IGNORECASE,
)
# A single capitalised word in quotes that a noun of a work or its people follows names
# that work: "the "Twilight" author", "the "Lion" release", ""Frozen" star".
_WORK_NOUN_AFTER = re.compile(
    r"[\"”’']\s+(?:author|authors|director|directors|star|stars|co-star|sequel|prequel|"
    r"release|series|franchise|saga|creator|creators|actor|actress|cast|producer|producers|"
    r"writer|writers|fans|character|characters|episode|episodes|trilogy|update|version)\b"
)
_ELISION = re.compile(r"(?:em|til|tis|twas|cause|n)\b", re.IGNORECASE)
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")
_SENTENCE_END = ".!?…"
_MARKS = "\"'“”‘’«»„"
# Cue verbs too loose to make a one- or two-word quote the speaker's own words.
_WEAK_CUES = frozenset(("asked", "urged", "promised", "vowed", "predicted", "reported"))
_TITLE_WINDOW = 8
_SCARE_MAX_WORDS = 3
_WEAK_CUE_MAX_WORDS = 2
_HEADING_MAX_WORDS = 10
_MIN_SAME_WORDS = 6

_DOUBLE, _SINGLE = 0, 1
# Quote-mark families: opening marks, closing mark, rank.
_FAMILIES: tuple[tuple[str, str, int], ...] = (
    ('"', '"', _DOUBLE),
    ("“„", "”", _DOUBLE),
    ("«", "»", _DOUBLE),
    ("'", "'", _SINGLE),
    ("‘", "’", _SINGLE),
)
_ANY_MARK = re.compile(f"[{re.escape(_MARKS)}]")
_MARK_PATTERNS = {o: re.compile(f"[{re.escape(o + c)}]") for o, c, _ in _FAMILIES}


@dataclass(frozen=True, slots=True)
class _Pair:
    open: int  # index of the opening mark
    close: int  # index of the closing mark, or the paragraph end when left open
    closed: bool
    family: str  # the opening mark
    rank: int  # _DOUBLE or _SINGLE: doubles win when pairs cross


@dataclass(frozen=True, slots=True)
class _Quote:
    open: int
    close: int  # index of the closing mark (or paragraph end)
    first_par: int
    last_par: int


def find_quotes(
    body: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> tuple[QuoteCandidate, ...]:
    """Statements quoted in ``body`` with their speaker, in order of appearance."""
    paragraphs = _paragraphs(body)
    quotes = _assemble(body, paragraphs, [_pairs(body, s, e) for s, e in paragraphs])
    if not quotes:
        return ()
    chars = list(body)
    for q in quotes:
        chars[q.open : q.close + 1] = MASK * (q.close + 1 - q.open)
    masked = "".join(chars)
    index = MentionIndex(mentions, entities)
    bounds = sorted((s.span.start, s.span.end) for s in sentences)
    found: list[QuoteCandidate] = []
    previous: tuple[_Quote, QuoteCandidate, int] | None = None  # with its context end
    for q in quotes:
        p_start, p_end = paragraphs[q.first_par][0], paragraphs[q.last_par][1]
        ctx_start, ctx_end = _context(body, bounds, q, p_start, p_end)
        span = _inner(body, q)
        if span is None:
            continue
        words = len(_WORD.findall(body[span.start : span.end]))
        if _is_title(masked, q, ctx_start, ctx_end):
            continue
        cues = find_cues(masked, ctx_start, ctx_end)
        full = _is_full(masked[ctx_start : q.open], masked[q.close + 1 : ctx_end])
        attribution = _attribution(body, masked, q, ctx_start, ctx_end, cues, index)
        if attribution is not None and words <= _WEAK_CUE_MAX_WORDS:
            verb = (attribution.cue or "").split(" ")[0].casefold()
            if verb in _WEAK_CUES:  # asked voters to "choose": not their words
                continue
        if attribution is None:
            attribution = (
                _continuation(masked, q, ctx_start, ctx_end, previous, paragraphs)
                or _introduced(body, masked, q, bounds, paragraphs, index)
                or _agent_as(masked, q, ctx_start, index)
                or _colon_subject(masked, q, ctx_start, index)
                or _headline_speaker(masked, q, paragraphs, index)
                or _reported_before(
                    body, masked, (ctx_start, ctx_end), bounds, q, paragraphs, index
                )
            )
            if attribution is not None:
                full = True
            elif _is_scare_or_heading(body, q, words, paragraphs):
                continue
        named = names_something(body, span, Span(ctx_start, ctx_end))
        if named:
            attribution = None  # "the "American Pie" star": nobody's words
        att = attribution or Attribution(None, None, None)
        candidate = QuoteCandidate(
            span=span,
            text=body[span.start : span.end],
            sentence=Span(ctx_start, ctx_end),
            is_partial=not full,
            speaker=att.speaker,
            speaker_text=att.speaker_text,
            cue=att.cue,
        )
        found.append(candidate)
        if not named:  # a statement runs on past a title in its sentence
            previous = (q, candidate, ctx_end)
    return tuple(found)


def statement_key(text: str) -> str:
    """The same words, whatever their marks, case, apostrophes or ellipses: a sha1 hex."""
    return hashlib.sha1(" ".join(statement_words(text)).encode(), usedforsecurity=False).hexdigest()


def statement_words(text: str) -> tuple[str, ...]:
    """Lowercase ASCII words of ``text``; apostrophes join ("we’ve" -> "weve")."""
    ascii_text = anyascii(text).casefold().replace("'", "")
    return tuple(re.findall(r"[a-z0-9]+", ascii_text))


def is_same_statement(a: str, b: str) -> bool:
    """Equal keys, or the shorter quote (six words or more) is a run of the longer one.

    An elided quote ("a lack of regard ... showed scant respect") matches when each of
    its pieces appears, in order, in the other.
    """
    wa, wb = statement_words(a), statement_words(b)
    if wa == wb:
        return bool(wa)
    short_text, long_words = (a, wb) if len(wa) <= len(wb) else (b, wa)
    pieces = [statement_words(p) for p in _ELLIPSIS.split(short_text)]
    pieces = [p for p in pieces if p]
    if sum(len(p) for p in pieces) < _MIN_SAME_WORDS:
        return False
    at = 0
    for piece in pieces:
        found = _find_run(long_words, piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _find_run(words: tuple[str, ...], run: tuple[str, ...], start: int) -> int:
    n = len(run)
    for i in range(start, len(words) - n + 1):
        if words[i : i + n] == run:
            return i
    return -1


def _paragraphs(body: str) -> list[tuple[int, int]]:
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


def _pairs(body: str, start: int, end: int) -> list[_Pair]:
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
        open_like = (prev.isspace() or prev in "([{—–-/" + _MARKS) and not nxt.isspace()
        close_like = not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}—–-/" + _MARKS)
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
        and body[max(0, i - 4) : i].rstrip()[-1:] in _SENTENCE_END
        and i + 1 < len(body)
        and (body[i + 1].isalnum() or body[i + 1] == "[")
    )


def _looks_possessive(body: str, i: int, end: int, later: list[int], close: str) -> bool:
    """ "protesters' demands": an "s'" before a lowercase word, with a later closing mark."""
    if body[i - 1] != "s" or not re.match(r"\s+[a-z]", body[i + 1 : end]):
        return False
    return any(body[j] == close and (j + 1 >= end or not body[j + 1].isalnum()) for j in later)


def _assemble(
    body: str, paragraphs: list[tuple[int, int]], pairs: list[list[_Pair]]
) -> list[_Quote]:
    """Quotes of the body; one left open continues when the next paragraph opens with it."""
    quotes: list[_Quote] = []
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
                quotes.append(_Quote(first.open, paragraphs[n - 1][1], first_par, n - 1))
                rest = par_pairs[1:]
                if head.closed:
                    quotes.append(_Quote(head.open, head.close, n, n))
                else:
                    carry = (head, n)
            else:
                _end_open(first, first_par, n - 1, paragraphs, quotes)
        for p in rest:
            if p.closed:
                quotes.append(_Quote(p.open, p.close, n, n))
            elif p.rank == _DOUBLE or _opens_statement(body, p.open, paragraphs[n][0]):
                carry = (p, n)
    if carry is not None:
        _end_open(carry[0], carry[1], len(paragraphs) - 1, paragraphs, quotes)
    return sorted(quotes, key=lambda q: q.open)


def _opens_statement(body: str, mark: int, par_start: int) -> bool:
    """A single mark left open may run on only when it opens a paragraph or follows ":"/","."""
    return mark == par_start or body[par_start:mark].rstrip()[-1:] in (":", ",")


def _end_open(
    pair: _Pair, first_par: int, last_par: int, paragraphs: list[tuple[int, int]], out: list[_Quote]
) -> None:
    if pair.rank == _DOUBLE:  # a missing closing mark: the quote ends with its paragraph
        out.append(_Quote(pair.open, paragraphs[last_par][1], first_par, last_par))


def _inner(body: str, q: _Quote) -> Span | None:
    start, end = q.open + 1, q.close
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _context(
    body: str, bounds: list[tuple[int, int]], q: _Quote, p_start: int, p_end: int
) -> tuple[int, int]:
    """The sentence (or run of sentences) around the quote, inside its paragraphs, or
    run on into the next paragraph when that opens with a lower-case word."""
    starts = [b[0] for b in bounds]
    start, end = p_start, p_end
    i = bisect.bisect_right(starts, q.open) - 1
    if i >= 0 and bounds[i][0] <= q.open < bounds[i][1]:
        start = max(bounds[i][0], p_start)
    j = bisect.bisect_right(starts, max(q.close - 1, q.open)) - 1
    if j >= 0 and bounds[j][0] < q.close <= bounds[j][1] + 1:
        end = min(max(bounds[j][1], q.close + 1), p_end)
        while end < p_end and not body[end].isspace():
            end += 1  # closing marks the splitter left outside
        rest = body[q.close + 1 : end].strip(" \t\n" + _MARKS + ".,;:!?")
        nxt = j + 1
        # '"We will win." he said' split apart by the sentence splitter; '"Would we have
        # won without him?" Colts coach Bruce Arians asked.', split after the question mark
        if (
            not rest
            and nxt < len(bounds)
            and bounds[nxt][0] < p_end
            and (
                body[bounds[nxt][0]].islower()
                or (
                    body[q.close - 1] in "?!"
                    and not body[start : q.open].strip()
                    and _cue_clause(body, *bounds[nxt])
                )
            )
        ):
            end = min(bounds[nxt][1], p_end)
        elif (
            not rest
            and end >= p_end
            and nxt < len(bounds)
            and body[bounds[nxt][0]].islower()
            and not body[p_end : bounds[nxt][0]].strip()
        ):
            # a paragraph break the layout put inside the sentence ('"... collapse."
            # <break> said Stephen Harper, Prime Minister of Canada.'): no paragraph
            # opens with a lower-case word, so that one ends the quote's sentence
            line_end = body.find("\n", bounds[nxt][0])
            end = bounds[nxt][1] if line_end < 0 else min(bounds[nxt][1], line_end)
            return min(start, q.open), end
    return min(start, q.open), max(end, min(q.close + 1, p_end))


_CUE_CLAUSE_WORDS = 8


def _cue_clause(body: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start``..``end`` opens with a short cue clause: a
    speaker of a few words, then the cue ("Colts interim coach Bruce Arians asked.",
    "Deputy Public Defender Peter Lynch asked Coleman, who ..."), no quote or comma
    before it ("Mr. Mueller planned to ask, according to the list" is no such clause)."""
    cue = CUE_RE.search(body, start, end)
    if cue is None or re.search(f"[{re.escape(_MARKS)},;:]", body[start : cue.start()]):
        return False
    return 0 < len(_WORD.findall(body, start, cue.start())) <= _CUE_CLAUSE_WORDS


def _is_title(masked: str, q: _Quote, ctx_start: int, ctx_end: int) -> bool:
    """A poem, song, slogan, banner, hashtag or name in quotes: a title word nearby."""
    before = masked[ctx_start : q.open]
    if _NAMING_BEFORE.search(before):
        return True
    after = masked[q.close + 1 : ctx_end]
    before_words = list(re.finditer(r"\S+", before))[-_TITLE_WINDOW:]
    after_words = list(re.finditer(r"\S+", after))[:_TITLE_WINDOW]
    if before_words:
        window = before[before_words[0].start() :]
        title = list(_TITLE_WORD.finditer(window))
        if title and not CUE_RE.search(window, title[-1].end()):
            return True
    if after_words:
        window = after[: after_words[-1].end()]
        title_after = _TITLE_WORD.search(window)
        if title_after and not CUE_RE.search(window, 0, title_after.start()):
            return True
    return False


# Words a title leaves in lower case: "Angel in a White Coat", "Give Peace a Chance".
_TITLE_SMALL_WORDS = gz.word_set("a an the of in on for and to at with from by or nor as but vs")
_NAME_MAX_WORDS = 10


def names_something(body: str, span: Span, sentence: Span) -> bool:
    """Whether a quote printed in title case names something, reporting no words ("the
    "American Pie" star", "a new website, "The Internet Explorer 6 Countdown"", was voted
    "Most Likely to Succeed"): two to ten words, two or more of them capitalised and the
    rest small words or numbers. Not a question or exclamation ("Somebody in the FBI?"),
    nor words all in capitals ("NO COLLUSION and NO OBSTRUCTION", a shouted tweet), nor
    a quote in a headline, whose every word is capitalised ("Ambassador: Netanyahu's
    Intel 'Presented a Smoking Gun'")."""
    if _is_rating(body[sentence.start : span.start].rstrip(_MARKS)):
        return True
    text = body[span.start : span.end]
    words = _WORD.findall(text)
    if len(words) == 1 and words[0][0].isupper() and _WORK_NOUN_AFTER.match(body, span.end):
        return True  # "the "Twilight" author", "the "Lion" release"
    if not 2 <= len(words) <= _NAME_MAX_WORDS or text.rstrip(" ,." + _MARKS)[-1:] in "?!":
        return False
    capitalised = [w for w in words if w[0].isupper()]
    if len(capitalised) < 2 or all(w.isupper() and len(w) > 1 for w in capitalised):
        return False
    around = _WORD.findall(body[sentence.start : span.start] + " " + body[span.end : sentence.end])
    return _title_case(words) and not (len(around) > 1 and _title_case(around))


def _is_rating(before: str) -> bool:
    """Whether the words ``before`` a quote grade something, an analyst's rating and
    nobody's words: "downgraded the bank to "sector perform" from "outperform"", "rates
    the stock "buy"", unless a cue verb stands between ("the rating agency said")."""
    rating = _RATING_BEFORE.search(before)
    return rating is not None and not CUE_RE.search(rating.group())


def _title_case(words: list[str]) -> bool:
    return all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _TITLE_SMALL_WORDS for w in words
    )


def _is_scare_or_heading(
    body: str, q: _Quote, words: int, paragraphs: list[tuple[int, int]]
) -> bool:
    """For a quote without cue: a few words (scare quotes) or a heading paragraph."""
    if words <= _SCARE_MAX_WORDS:
        return True
    p_start, p_end = paragraphs[q.first_par][0], paragraphs[q.last_par][1]
    par = body[p_start:p_end].rstrip(" \t" + _MARKS)
    return (
        bool(par) and par[-1] not in _SENTENCE_END and len(_WORD.findall(par)) <= _HEADING_MAX_WORDS
    )


def _attribution(
    body: str,
    masked: str,
    q: _Quote,
    ctx_start: int,
    ctx_end: int,
    cues: list[Cue],
    index: MentionIndex,
) -> Attribution | None:
    if not cues:
        return None
    attributions: list[Attribution] = []
    previous: Attribution | None = None
    for cue in cues:
        previous = attribute(body, masked, ctx_start, ctx_end, cue, previous, index)
        attributions.append(previous)
    after = [n for n, c in enumerate(cues) if c.start > q.close]
    before = [n for n, c in enumerate(cues) if c.end <= q.open]
    if after:
        gap = masked[q.close + 1 : cues[after[0]].start]
        closing = (gap.strip()[:1] or " ") + body[q.close - 1]  # '...," Jones added'
        if MASK not in gap and len(_WORD.findall(gap)) <= 5 and set(closing) & set(",.!?:-—"):
            return attributions[after[0]]
    if before:
        return attributions[before[-1]]
    return attributions[after[0]] if after else None


def _is_full(before: str, after: str) -> bool:
    """Nothing but a cue clause (or nothing) around the quote in its sentence."""
    head = before.split(MASK)[-1].strip()
    tail = after.split(MASK)[0].strip(" \t\n.,;:!?" + _MARKS)
    head_ok = not _WORD.search(head) or (head[-1] in ",:" and CUE_RE.search(head) is not None)
    tail_ok = not _WORD.search(tail) or CUE_RE.search(tail) is not None
    return head_ok and tail_ok


def _introduced(
    body: str,
    masked: str,
    q: _Quote,
    bounds: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
    index: MentionIndex,
) -> Attribution | None:
    """A quote opening its paragraph after a paragraph that ends in a cue clause and a
    colon ("Obama tweeted from his account:", or "... issued the following statement:")
    is that clause's speaker's."""
    p_start = paragraphs[q.first_par][0]
    if q.first_par == 0 or masked[p_start : q.open].strip():
        return None
    prev_start, prev_end = paragraphs[q.first_par - 1]
    clause = masked[prev_start:prev_end].rstrip()
    if not clause.endswith(":"):
        return None
    starts = [s for s, _ in bounds if prev_start <= s < prev_start + len(clause)]
    sentence_start = starts[-1] if starts else prev_start
    cues = find_cues(masked, sentence_start, prev_start + len(clause)) or [
        Cue(m.start(), m.end(), " ".join(m.group().split()))
        for m in _STATEMENT_ISSUED.finditer(masked, sentence_start, prev_start + len(clause))
    ]
    if not cues:
        return None
    return attribute(body, masked, sentence_start, prev_end, cues[-1], None, index)


# Issuing a statement is speaking when the paragraph ends in a colon and the statement
# follows: "General Manager Ruth Adair issued the following statement on the ruling:".
_STATEMENT_ISSUED = re.compile(
    r"\b(?:issued|released|put\s+out|sent\s+out)\s+(?:a|an|the|this|his|her|its|their)"
    r"\s+(?:following\s+|brief\s+|short\s+|written\s+|joint\s+)?statement\b",
    re.IGNORECASE,
)


# A short clause before a colon, opened by a person's name (only a title, perhaps with
# the organisation the title is held in, before it): "Coach Gareth Southgate was less
# upbeat:", "Harris put it simply:", "Procter & Gamble spokeswoman Jennifer Chelune
# spoke about the incident:".
_COLON_CLAUSE_WORDS = 10
_TITLE_WORDS = 3


# "was praised by Jobs as", "was described by the minister as": the agent's words
_AGENT_AS = re.compile(r"\b\w+ed\s+by\s+(?P<np>[^,;:.]{2,60}?)\s+as\s*$")


def _agent_as(masked: str, q: _Quote, ctx_start: int, index: MentionIndex) -> Attribution | None:
    """The person or organisation a passive verb names as its agent right before the
    quote ("The new iPhone was praised by Jobs as \"the biggest leap ...\"")."""
    m = _AGENT_AS.search(masked, ctx_start, q.open)
    if m is None:
        return None
    named = [
        (mention, entity)
        for mention, entity in index.within(m.start("np"), m.end("np"))
        if mention.span.start >= m.start("np")
        and index.kind(entity) in (EntityKind.PERSON, EntityKind.ORGANIZATION)
    ]
    return named_attribution(named[-1], Cue(m.start(), m.end(), "as")) if named else None


def _colon_subject(
    masked: str, q: _Quote, ctx_start: int, index: MentionIndex
) -> Attribution | None:
    """The person a short clause ending in a colon right before the quote is about."""
    before = masked[ctx_start : q.open].rstrip()
    if not before.endswith(":"):
        return None
    clause_start = max(ctx_start, masked.rfind(MASK, ctx_start, q.open) + 1)
    clause = masked[clause_start : ctx_start + len(before)]
    if len(_WORD.findall(clause)) > _COLON_CLAUSE_WORDS:  # it starts after any quote
        return None
    end = ctx_start + len(before)
    # "Asked whether he would stay, Guardiola smiled:": the clause after the last comma
    # when it names someone ("Coach Gareth Southgate, 52, was less upbeat:" does not)
    after_comma = masked.rfind(",", clause_start, end) + 1
    if after_comma and _people(index, after_comma, end):
        clause_start = after_comma
    people = _people(index, clause_start, end)
    if not people:
        return None
    first, entity = people[0]
    # "Procter & Gamble spokeswoman Jennifer Chelune spoke about it:": the organisation
    # the person speaks for is part of the title
    lead = list(masked[clause_start : first.span.start])
    for m, e in index.within(clause_start, first.span.start):
        if index.kind(e) is EntityKind.ORGANIZATION and m.span.start >= clause_start:
            lead[m.span.start - clause_start : m.span.end - clause_start] = " " * len(m.text)
    title = _WORD.findall("".join(lead))
    if len(title) > _TITLE_WORDS or any(
        w.casefold() not in gz.PERSON_ROLES | gz.TITLE_MODIFIERS and not gz.place_canonical(w)
        for w in title
    ):
        return None  # "Her verdict on Kamala Harris was harsh:" is not Harris speaking
    return Attribution(entity, first.text, ":")


def _headline_speaker(
    masked: str, q: _Quote, paragraphs: list[tuple[int, int]], index: MentionIndex
) -> Attribution | None:
    """A quote in a headline led by a name and a colon is that person's: "Netanyahu:
    Evidence proves Iran deal 'based on lies'". The headline is the first paragraph when
    it is one line with no full stop before the quote; the words before the colon are
    the name and at most a title ("Prime Minister Netanyahu:"), nothing else ("Report:")."""
    if q.first_par != 0:
        return None
    start = paragraphs[0][0]
    lead = masked[start : q.open]
    colon = lead.find(":")
    if colon < 0 or "\n" in lead or re.search(r"[.!?]\s", lead):
        return None
    people = _people(index, start, start + colon)
    if not people:
        return None
    first, entity = people[-1]
    if masked[first.span.end : start + colon].strip():
        return None  # "Obama aide: ..." is not Obama
    title = _WORD.findall(masked[start : first.span.start])
    if len(title) > _TITLE_WORDS or any(
        w.casefold() not in gz.PERSON_ROLES | gz.TITLE_MODIFIERS and not gz.place_canonical(w)
        for w in title
    ):
        return None
    return Attribution(entity, first.text, ":")


def _reported_before(
    body: str,
    masked: str,
    context: tuple[int, int],
    bounds: list[tuple[int, int]],
    q: _Quote,
    paragraphs: list[tuple[int, int]],
    index: MentionIndex,
) -> Attribution | None:
    """ "Heald noted the findings show ... . "An air-quality cleanup would ..."": a quote
    that is a sentence of its own, right after a sentence in which a named speaker
    reports without quoting, is that speaker's: in its paragraph, or, when it opens its
    paragraph, the previous paragraph's last ("Trump acknowledged the meeting in a
    tweet, saying it went well.\n\n"Mike Pompeo met with Kim ..."")."""
    ctx_start, ctx_end = context
    if _WORD.search(masked[ctx_start:ctx_end].replace(MASK, "")):
        return None  # words of the narrative around it: "were granted "parole" status"
    p_start = paragraphs[q.first_par][0]
    before = [(s, e) for s, e in bounds if p_start <= s and e <= ctx_start + 1]
    if not before and q.first_par > 0 and not masked[p_start : q.open].strip():
        prev_start, prev_end = paragraphs[q.first_par - 1]
        before = [(s, e) for s, e in bounds if prev_start <= s and e <= prev_end + 1]
    if not before:
        return None
    start, end = before[-1]
    if MASK in masked[start:end]:
        return None  # a sentence that quotes is continued by ``_continuation`` or not at all
    cues = find_cues(masked, start, end)
    if not cues:
        return None
    cue = cues[-1] if _closes_sentence(masked, cues[-1], end) else cues[0]
    found = attribute(body, masked, start, end, cue, None, index)
    return found if found.speaker is not None else None


# What may follow a cue that closes its sentence: "..., a ministry statement said.",
# "..., police said on Monday."
_SENTENCE_CLOSE = re.compile(r"\s*(?:(?:on|late|early)\s+\w+|\w+day)?\s*[.!]?\s*")
# A comma, then a short subject, then the cue
_COMMA_SUBJECT = re.compile(r",\s*(?:[\w.'’-]+\s+){1,6}$")


def _closes_sentence(masked: str, cue: Cue, end: int) -> bool:
    """ "..., a Defence Ministry statement said.": a cue after a comma and a short subject
    at the end of its sentence attributes the whole sentence (not the participle before
    it: "a distress call from the MV Gibe saying two boats were closing in")."""
    return (
        _SENTENCE_CLOSE.fullmatch(masked, cue.end, end) is not None
        and _COMMA_SUBJECT.search(masked, max(0, cue.start - 80), cue.start) is not None
    )


def _people(index: MentionIndex, start: int, end: int) -> list[tuple[MentionCandidate, int]]:
    """Person mentions that start and end within ``start..end``."""
    return [
        (m, e)
        for m, e in index.within(start, end)
        if index.kind(e) is EntityKind.PERSON and m.span.start >= start
    ]


def _continuation(
    masked: str,
    q: _Quote,
    ctx_start: int,
    ctx_end: int,
    previous: tuple[_Quote, QuoteCandidate, int] | None,
    paragraphs: list[tuple[int, int]],
) -> Attribution | None:
    """The previous statement's speaker when this quote stands alone right after it."""
    if previous is None:
        return None
    outside = masked[ctx_start:ctx_end].replace(MASK, "")
    if _WORD.search(outside):
        return None
    prev_q, prev, prev_ctx_end = previous
    if prev.speaker is None and prev.speaker_text is None:
        return None
    if prev_q.last_par == q.first_par:
        adjacent = not _WORD.search(masked[prev_ctx_end:ctx_start])
    else:
        adjacent = prev_q.last_par + 1 == q.first_par and _ends_paragraph(
            masked, prev_ctx_end, paragraphs[prev_q.last_par][1]
        )
    if not adjacent:
        return None
    return Attribution(prev.speaker, prev.speaker_text, prev.cue)


# Words the sentence splitter may leave after a sentence that ends its paragraph, cut
# off at an abbreviation or a "!" inside a name: "Ch. | 4.", "he told E! | News."
_SPLIT_OFF_WORDS = 2


def _ends_paragraph(masked: str, sentence_end: int, par_end: int) -> bool:
    """Whether the sentence ending at ``sentence_end`` ends its paragraph: nothing after
    it, or only what the splitter cut off it (``split_off``)."""
    return split_off(masked[sentence_end:par_end])


def split_off(rest: str) -> bool:
    """Whether ``rest``, the words between a sentence and the next, is nothing or only a
    word or two the splitter cut off the first ('"It was horrible to see," said Benson, a
    managing editor at WCCO-TV, Ch. 4.' ends at "Ch."), no quote among them."""
    return MASK not in rest and len(_WORD.findall(rest)) <= _SPLIT_OFF_WORDS
