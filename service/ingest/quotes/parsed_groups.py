"""Who "they" are when no organisation stands for them: the people a recent sentence's
subject lists ("Prime Minister Malcolm Turnbull and Trade Minister Steven Ciobo welcomed
the exemption. ... '...,' they said in a statement" is a joint statement: Turnbull, the
first listed, as the gold accepts any of a joint statement's speakers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, QuoteCandidate

# How many sentences before the quote's own may name the group "they" stands for.
_SENTENCES_BACK = 2


_SUBJECTS = ("nsubj", "nsubjpass")


def listed_speakers(
    quote: QuoteCandidate,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> QuoteCandidate:
    """The quote credited to the first person of the list a main clause's subject names in
    the two sentences before the quote's ('"...," they said' after "Turnbull and Ciobo
    welcomed the exemption"), when the cue rules found no organisation for "they"; a
    subject that names fewer than two people ("The chairmen said ...", "Police said ...")
    ends the search, and the quote keeps "they"."""
    if quote.speaker is not None or (quote.speaker_text or "").casefold() != "they":
        return quote
    sentences = [s for s in doc.sents if s.start_char < quote.sentence.end]
    earlier = [s for s in sentences if s.end_char <= quote.sentence.start]
    for sentence in reversed(earlier[-_SENTENCES_BACK:]):
        # the main clause's subject, not one of the words it reports
        subjects = [t for t in sentence.root.children if t.dep_ in _SUBJECTS]
        if not subjects or subjects[0].lower_ == "they":
            continue
        # the parse may hang a list set off by dashes on the verb as a subject of its own
        people = list(dict.fromkeys(e for t in subjects for e in _people(t, mentions, entities)))
        if len(people) < 2:
            return quote
        return replace(quote, speaker=people[0], speaker_text=None)
    return quote


def _people(
    subject: Token, mentions: Sequence[MentionCandidate], entities: Sequence[LocalEntity]
) -> list[int]:
    """The distinct people mentioned within the words of ``subject``, in order."""
    tokens = list(subject.subtree)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    found = [
        m.local_entity
        for m in mentions
        if start <= m.span.start
        and m.span.end <= end
        and m.local_entity >= 0
        and entities[m.local_entity].kind is EntityKind.PERSON
    ]
    return list(dict.fromkeys(found))
