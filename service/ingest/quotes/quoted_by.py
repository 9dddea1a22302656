"""Who said a quote, read from the parse where the cue rules found nobody credible.

The rules in ``speakers.py`` read cue verbs and the words beside them; on real copy they
leave a quote without a speaker, or credit a place ("Waitangi Day"), a word ("has") or
a fragment ("He didn't"). For those quotes only, the parse names the speaker: the
subject of the speech verb nearest the quote in its sentence ("Solomon said", "he told
BBC Sport", "a spokesman added"). A name is the entity mentioned there; "he", "she" are
the last person named before the quote, "it", "they" the last organisation; a common
noun phrase ("the ministry", "a spokeswoman") is the speaker's description.

The parse's route to the speech verb and its subject is in ``parsed_subjects.py``, "he"
and "she" in ``parsed_pronouns.py``, "they" for people a subject lists in
``parsed_groups.py``, a speaker text that describes nobody in ``parsed_descriptions.py``.
This module keeps the order in which they are tried.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from service.ingest.mentions.coreference import coined_names
from service.ingest.mentions.told_sex import told_sexes
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, QuoteCandidate
from service.ingest.quotes.not_statements import names_something
from service.ingest.quotes.noun_phrases import holds_role
from service.ingest.quotes.parsed_descriptions import described_again, no_description
from service.ingest.quotes.parsed_groups import group_continued, listed_speakers
from service.ingest.quotes.parsed_pronouns import pronoun_credited
from service.ingest.quotes.parsed_subjects import (
    PARTICIPLES,
    PERSON_PRONOUNS,
    credited_by,
    doubtful,
    parse_credited,
    parsed_officer,
    participle_subject,
    runs_on,
)


def credit_quotes(
    quotes: Sequence[QuoteCandidate],
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> tuple[QuoteCandidate, ...]:
    """The quotes, each whose speaker the rules could not credibly name read again; one
    the rules could only describe ("The secretary general of CEI, Nunzio Galantino, has
    called ...") takes the person the parse finds there, else keeps its description."""
    out: list[QuoteCandidate] = []
    quoted = [(q.span.start, q.span.end) for q in quotes]
    unquoted = [m for m in mentions if not any(s <= m.span.start < e for s, e in quoted)]
    coined = coined_names(doc.text, mentions)
    told = told_sexes(doc, mentions, entities, quoted)
    # the statement before, as the cue rules read it and as credited
    previous: tuple[QuoteCandidate, QuoteCandidate] | None = None
    for q in quotes:
        if names_something(doc.text, q.span, q.sentence):
            out.append(q)  # "the "American Pie" star": nobody's words, nobody runs on
            continue
        spoke = [
            (x.sentence.start, x.sentence.end, x.speaker) for x in out if x.speaker is not None
        ]
        credited = _credit_one(q, doc, mentions, entities, unquoted, spoke, coined, told, previous)
        out.append(credited)
        previous = (q, credited)
    return tuple(out)


def _credit_one(
    q: QuoteCandidate,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    unquoted: Sequence[MentionCandidate],
    spoke: Sequence[tuple[int, int, int]],
    coined: frozenset[int],
    told: Mapping[int, str],
    previous: tuple[QuoteCandidate, QuoteCandidate] | None,
) -> QuoteCandidate:
    """One quote credited (``credit_quotes``). A quote that runs on from the one before
    with no cue of its own, which the cue rules gave that one's speaker, is credited as
    that one was: 'Ryanair CEO, Michael O'Leary, justified his choice of Boeing by saying,
    "..."... "In addition, ..."' is O'Leary's twice (the cue rules read Boeing for both,
    and the second quote's sentence holds no participle for the parse to read again)."""
    if previous is not None and _ran_on(doc.text, q, previous[0]):
        return replace(q, speaker=previous[1].speaker, speaker_text=previous[1].speaker_text)
    if q.speaker_text is not None and q.speaker_text.casefold() in PERSON_PRONOUNS:
        q = pronoun_credited(q, doc, unquoted, entities, spoke, coined, told, previous)
        if q.speaker is None and (q.speaker_text or "he").casefold() not in PERSON_PRONOUNS:
            return q  # someone described, not named: "a neighbour recalled"
    listed = listed_speakers(q, doc, mentions, entities)
    if listed is not q:
        return listed
    continued = group_continued(q, previous, doc)
    if continued is not q:
        return continued
    if q.speaker is None and q.speaker_text and no_description(doc, q, q.speaker_text):
        return described_again(q, doc, mentions, entities)
    if q.cue is not None and q.cue.lower() in PARTICIPLES:
        # "X defended the choice of Boeing, saying ...": X says it, not Boeing
        subject = participle_subject(doc, q)
        named = credited_by(q, subject, doc, mentions, entities) if subject else q
        if named.speaker is not None:
            return named
    if doubtful(q, entities):
        return parse_credited(q, doc, mentions, entities)
    if q.speaker is not None and entities[q.speaker].kind is EntityKind.ORGANIZATION:
        return parsed_officer(q, doc, mentions, entities)
    if q.speaker is None and q.speaker_text is not None:
        named = parse_credited(q, doc, mentions, entities)
        # "the premier of the state of X" is not X; "the secretary general of CEI,
        # Nunzio Galantino" is Galantino
        if named.speaker is not None and (
            entities[named.speaker].kind is EntityKind.PERSON or not holds_role(q.speaker_text)
        ):
            return named
    return q


def _ran_on(text: str, q: QuoteCandidate, before: QuoteCandidate) -> bool:
    """Whether ``q`` runs on from ``before`` (``runs_on``), which the cue rules credited to
    someone: two quotes the rules gave the same cue and nobody tell nothing."""
    return (before.speaker, before.speaker_text) != (None, None) and runs_on(text, q, before)
