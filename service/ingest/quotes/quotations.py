"""Quotations in a story body, whether they are statements, and who made them.

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

Quote marks are read in ``quote_marks.py``, the sentence around a quote in
``quote_sentences.py``, what is no statement in ``not_statements.py``, the speaker of a
cue in ``speakers.py`` and of a quote without one in ``without_cue.py``; one statement
is linked across articles in ``statement_keys.py``. This module keeps the order of
those steps.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.ingest.model import LocalEntity, MentionCandidate, QuoteCandidate, Sentence, Span
from service.ingest.quotes.cues import MASK, Attribution, Cue, find_cues
from service.ingest.quotes.mention_index import MentionIndex
from service.ingest.quotes.not_statements import is_scare_or_heading, is_title, names_something
from service.ingest.quotes.quote_marks import (
    QUOTE_WORD,
    Quote,
    assemble_quotes,
    inner_span,
    quote_pairs,
    split_paragraphs,
)
from service.ingest.quotes.quote_sentences import is_full, sentence_context
from service.ingest.quotes.speakers import attribute
from service.ingest.quotes.without_cue import (
    agent_as,
    colon_subject,
    continuation,
    headline_speaker,
    introduced,
    name_after,
    reported_before,
)

# Cue verbs too loose to make a one- or two-word quote the speaker's own words.
_WEAK_CUES = frozenset(("asked", "urged", "promised", "vowed", "predicted", "reported"))


_WEAK_CUE_MAX_WORDS = 2


def find_quotes(
    body: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> tuple[QuoteCandidate, ...]:
    """Statements quoted in ``body`` with their speaker, in order of appearance."""
    paragraphs = split_paragraphs(body)
    quotes = assemble_quotes(body, paragraphs, [quote_pairs(body, s, e) for s, e in paragraphs])
    if not quotes:
        return ()
    chars = list(body)
    for q in quotes:
        chars[q.open : q.close + 1] = MASK * (q.close + 1 - q.open)
    masked = "".join(chars)
    index = MentionIndex(mentions, entities)
    bounds = sorted((s.span.start, s.span.end) for s in sentences)
    found: list[QuoteCandidate] = []
    previous: tuple[Quote, QuoteCandidate, int] | None = None  # with its context end
    for q in quotes:
        p_start, p_end = paragraphs[q.first_par][0], paragraphs[q.last_par][1]
        ctx_start, ctx_end = sentence_context(body, bounds, q, p_start, p_end)
        span = inner_span(body, q)
        if span is None:
            continue
        words = len(QUOTE_WORD.findall(body[span.start : span.end]))
        if is_title(masked, q, ctx_start, ctx_end):
            continue
        cues = find_cues(masked, ctx_start, ctx_end)
        full = is_full(masked[ctx_start : q.open], masked[q.close + 1 : ctx_end])
        attribution = _attribution(body, masked, q, ctx_start, ctx_end, cues, index)
        if attribution is not None and words <= _WEAK_CUE_MAX_WORDS:
            verb = (attribution.cue or "").split(" ")[0].casefold()
            if verb in _WEAK_CUES:  # asked voters to "choose": not their words
                continue
        if attribution is not None:
            # "the man described by The New York Times Magazine as": the agent, not the
            # words before the passive verb
            attribution = agent_as(masked, q, ctx_start, index) or attribution
        if attribution is None:
            attribution = (
                continuation(masked, q, ctx_start, ctx_end, previous, paragraphs)
                or introduced(body, masked, q, bounds, paragraphs, index)
                or agent_as(masked, q, ctx_start, index)
                or colon_subject(masked, q, ctx_start, index)
                or headline_speaker(masked, q, paragraphs, index)
                or name_after(body, masked, q, ctx_end, index)
                or reported_before(body, masked, (ctx_start, ctx_end), bounds, q, paragraphs, index)
            )
            if attribution is not None:
                full = True
            elif is_scare_or_heading(body, q, words, paragraphs):
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


def _attribution(
    body: str,
    masked: str,
    q: Quote,
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
        if MASK not in gap and len(QUOTE_WORD.findall(gap)) <= 5 and set(closing) & set(",.!?:-—"):
            return attributions[after[0]]
    if before:
        return attributions[before[-1]]
    return attributions[after[0]] if after else None
