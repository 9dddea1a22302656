"""A speaker text the cue rules took that is no description of anyone (a place, a word,
a fragment: "Waitangi Day", "has", "He didn't"), and the quote read again from the parse
when it is one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from service.ingest.model import LocalEntity, MentionCandidate, QuoteCandidate
from service.ingest.quotes.parsed_subjects import (
    NOT_PEOPLE,
    PARTICIPLES,
    credited_by,
    parse_credited,
    participle_subject,
)

# A description is a noun phrase: words the cue rules cut out of a clause ("rewrote the",
# "I have to", "A government official downplayed the unrest", "several times") are none.
_PHRASE_HEADS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


_PHRASE_ENDS = _PHRASE_HEADS | {"PART"}  # "a man's voice"


_CLAUSE_HEADS = frozenset({"VERB", "AUX"})


def no_description(doc: Doc, quote: QuoteCandidate, text: str) -> bool:
    """Whether the words the cue rules took for an unnamed speaker (``text``, printed in
    the quote's sentence outside the quote) are no noun phrase that could speak: a verb
    heads them ("There is an old saying that ...", "A government official downplayed
    the unrest saying"), or no noun does ("For the man described by ..."), or their last
    word is no noun ("one of his key lawyers would later say", "rewrote the"), or their
    noun is one of time or an object pronoun ("He ... and several times described",
    "People quoted him as saying")."""
    span = _printed_span(doc, quote, text)
    if span is None:
        return False
    heads = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    return (
        span[-1].pos_ not in _PHRASE_ENDS
        or any(t.pos_ in _CLAUSE_HEADS for t in heads)
        or not any(t.pos_ in _PHRASE_HEADS for t in heads)
        or any(t.lemma_.lower() in NOT_PEOPLE or t.lower_ in NOT_PEOPLE for t in heads)
    )


def _printed_span(doc: Doc, quote: QuoteCandidate, words: str) -> Span | None:
    """The tokens of ``words`` printed in the quote's sentence outside the quote."""
    text, start = doc.text, quote.sentence.start
    while (at := text.find(words, start, quote.sentence.end)) >= 0:
        if not quote.span.start <= at < quote.span.end:
            span = doc.char_span(at, at + len(words), alignment_mode="expand")
            return span if span is not None and len(span) else None
        start = at + 1
    return None


def _trimmed(doc: Doc, quote: QuoteCandidate, text: str) -> str | None:
    """The description the words open, cut before the verbs that end them ("one of his
    key lawyers would" -> "one of his key lawyers", "one of the queries supplied"), when
    no verb is left in it and a noun is; else None ("I have to")."""
    span = _printed_span(doc, quote, text)
    if span is None:
        return None
    end = span.end
    while end > span.start and doc[end - 1].pos_ in _CLAUSE_HEADS | {"PART"}:
        end -= 1
    kept = doc[span.start : end]
    if not len(kept) or any(t.pos_ in _CLAUSE_HEADS for t in kept):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in kept):
        return None  # "I have to say", "There is"
    trimmed = doc.text[kept.start_char : kept.end_char]
    return None if no_description(doc, quote, trimmed) else trimmed


def described_again(
    quote: QuoteCandidate,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> QuoteCandidate:
    """A quote whose description was no noun phrase, read again from the parse: the
    subject of the clause a participle cue hangs on, else of the speech verb nearest the
    quote ("A government official downplayed the unrest saying": a government official;
    "He stated ... and several times described": he); else the noun phrase the words
    open ("one of his key lawyers would later say"); else nobody ("There is an old
    saying that ...", a saying)."""
    text = quote.speaker_text or ""
    found = quote
    if quote.cue is not None and quote.cue.lower() in PARTICIPLES:
        subject = participle_subject(doc, quote)
        found = credited_by(quote, subject, doc, mentions, entities) if subject else quote
    if found.speaker is None and found.speaker_text == text:
        found = parse_credited(quote, doc, mentions, entities)
    if found.speaker is not None:
        return found
    if found.speaker_text not in (None, text) and not no_description(
        doc, quote, found.speaker_text or ""
    ):
        return found
    return replace(quote, speaker_text=_trimmed(doc, quote, text))
