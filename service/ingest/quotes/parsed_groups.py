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


def group_continued(
    quote: QuoteCandidate,
    previous: tuple[QuoteCandidate, QuoteCandidate] | None,
    doc: Doc,
) -> QuoteCandidate:
    """A "they" quote nobody stands for, credited as the quote just before it when that
    one was also told by a group: 'The committee chairmen said "..." ... '"...," they
    said' is the chairmen's again, as is a second '"...," they wrote' after a first
    "they" the list of three chairmen named. ``previous`` is the quote before, as the
    cue rules read it and as credited; it must sit in the quote's sentence or one of the
    two before, and have been told by "they" or by a plural noun ("the chairmen")."""
    if quote.speaker is not None or (quote.speaker_text or "").casefold() != "they":
        return quote
    if previous is None:
        return quote
    read, credited = previous
    if credited.speaker is None and credited.speaker_text is None:
        return quote
    if (credited.speaker, (credited.speaker_text or "").casefold()) == (None, "they"):
        return quote
    sentences = [s for s in doc.sents if s.end_char <= quote.sentence.start]
    window = sentences[-_SENTENCES_BACK:]
    floor = window[0].start_char if window else quote.sentence.start
    if read.sentence.start < floor:
        return quote
    if not _by_group(read, doc):
        return quote
    return replace(quote, speaker=credited.speaker, speaker_text=credited.speaker_text)


def _by_group(read: QuoteCandidate, doc: Doc) -> bool:
    """Whether the cue rules read ``read`` as told by "they" or by a phrase whose last
    word the parse tags plural ("the Republican congressmen"), not by one person."""
    told = (read.speaker_text or "").split()
    if not told:
        return False
    if told[-1].casefold() == "they":
        return True
    words = [
        t for t in doc[:] if read.sentence.start <= t.idx < read.sentence.end and t.text == told[-1]
    ]
    return any(t.tag_ in _PLURAL for t in words)


_PLURAL = frozenset({"NNS", "NNPS"})
