"""Whom a quote's "he" or "she" stands for, read from the parse: the person named last
before it, unless a description of a person of that sex was the topic since ("a
neighbour recalled"), or the question it answers names who was asked."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.coreference import SUBJECT_REACH, main_verb, may_be, salient_person
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, QuoteCandidate
from service.ingest.quotes.speaker_words import UNNAMED_HEADS
from service.ingest.quotes.without_cue import split_off

_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


_QUOTE_MARK = re.compile(r"[\"“”]")


def pronoun_credited(
    quote: QuoteCandidate,
    doc: Doc,
    unquoted: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    spoke: Sequence[tuple[int, int, int]],
    coined: frozenset[int],
    told: Mapping[int, str],
    previous: tuple[QuoteCandidate, QuoteCandidate] | None,
) -> QuoteCandidate:
    """A quote credited to "he" or "she": to the person who was last the subject of a
    clause or credited with a quote (coreference.salient_person), from the pronoun
    nearest the quote outside it; to someone the last main clause introduces without a
    name, as the copy describes them ("One customer was sceptical. '...,' he said": one
    customer, not the executive named before). A quote that runs on from the one before
    without a pronoun of its own ('"...," he said. "..."') is that one's speaker's
    (``previous``: that quote as the cue rules read it, and as credited)."""
    text = doc.text
    found = [
        m.start()
        for m in _PRONOUN.finditer(text, quote.sentence.start, quote.sentence.end)
        if not quote.span.start <= m.start() < quote.span.end
    ]
    if not found:
        if previous is not None:
            read, credited = previous
            if (
                (credited.speaker is not None or read.speaker_text != credited.speaker_text)
                and (read.speaker_text, read.cue) == (quote.speaker_text, quote.cue)
                and split_off(text[read.sentence.end : quote.sentence.start].strip(' \t\n"”'))
            ):
                return replace(quote, speaker=credited.speaker, speaker_text=credited.speaker_text)
        return quote
    at = min(found, key=lambda i: abs(i - quote.span.start))
    sex = "female" if text[at].lower() == "s" else "male"
    people = [
        m
        for m in unquoted
        if 0 <= m.local_entity < len(entities)
        and entities[m.local_entity].kind is EntityKind.PERSON
    ]
    asked = _asked_one(doc, quote, people, entities, told, at, sex)
    if asked is not None:
        return replace(quote, speaker=asked)
    described = _described_topic(doc, people, at, sex, quote.span.start) or _described_speaker(
        text, quote, previous, sex
    )
    if described is not None:
        return replace(quote, speaker=None, speaker_text=described)
    unknown = _unknown_subject(doc, unquoted, entities, at, quote.span.start)
    if unknown is not None:  # "Guzel said she ...": not the person named before her
        return replace(quote, speaker=None, speaker_text=unknown)
    who = salient_person(
        doc, unquoted, entities, before=at, sex=sex, spoke=spoke, coined=coined, told=told
    )
    return quote if who is None else replace(quote, speaker=who)


# Cues of an answer: who answers is who was asked, not who asked.
_REPLIES = frozenset(
    {"answered", "answers", "responded", "responds", "replied", "replies", "retorted"}
)


_ASKED = frozenset({"asked", "asks"})


# How far before the answer's pronoun the question may be asked: a few sentences.
_QUESTION_REACH = 400


def _asked_one(
    doc: Doc,
    quote: QuoteCandidate,
    people: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    told: Mapping[int, str],
    at: int,
    sex: str,
) -> int | None:
    """The person asked the last question before an answer credited to "he"/"she"
    ('Lynch asked Coleman, "You lied to this jury, correct?" "Yes," he responded' is
    Coleman's, not Lynch's, though Lynch is the subject named last), when the pronoun may
    stand for them; None for any other cue, or when no one named was asked within a few
    sentences ("When asked about it, he answered" asks no one named)."""
    if (quote.cue or "").split(" ")[0].casefold() not in _REPLIES:
        return None
    start = max(0, at - _QUESTION_REACH)
    for token in reversed([t for t in doc if start <= t.idx < at]):
        if token.lower_ not in _ASKED or token.pos_ not in ("VERB", "AUX"):
            continue
        for obj in (c for c in token.children if c.dep_ in ("dobj", "dative")):
            named = next((m for m in people if m.span.start <= obj.idx < m.span.end), None)
            if named is None:
                continue
            entity = entities[named.local_entity]
            if may_be(entity, sex, entities) and told.get(entity.index, sex) == sex:
                return entity.index
            return None
    return None


# People a story brings in without a name ("a neighbour", "one customer"), and the nouns
# among them that say the person's sex.
_MEN = gz.word_set("man father husband son brother boy spokesman")


_WOMEN = gz.word_set("woman mother wife daughter sister girl spokeswoman")


_UNNAMED_PEOPLE = (
    UNNAMED_HEADS
    | gz.word_set(
        """customer shopper friend relative worker employee student fan visitor villager
        local protester demonstrator official spokesperson source member parent colleague
        teacher nurse doctor driver owner voter investor analyst trader lawyer"""
    )
    | _MEN
    | _WOMEN
)


_NEW_ONE = frozenset({"a", "an", "one", "another"})


def _described_topic(
    doc: Doc, people: Sequence[MentionCandidate], at: int, sex: str, opens: int
) -> str | None:
    """The description of the person "he"/"she" at ``at`` stands for when the nearest
    main clause before it (past clauses whose subject is the same pronoun) has for
    subject someone it brings in without a name: "a neighbour recalled", "one Mac
    customer from the show floor was sceptical" ("a", "an", "one", "another" and a noun
    for a person). None when its own sentence names someone before the pronoun, or the
    clause is about anything else, or names a person in its subject ("A former member,
    Rebecca Musser, said": ``people`` are the mentions of persons). The sentences of the
    quotation itself (``opens``: where it opens) are no clause before the pronoun: in
    '"We have two theories. The first is ...," she said' the one described before the
    quote speaks, not "we"."""
    own = doc.char_span(at, at + 1, alignment_mode="expand")
    if own is None:
        return None
    sentence = own.sent
    if any(sentence.start_char <= m.span.start < at for m in people):
        return None
    if opens < sentence.start_char:
        first = doc.char_span(opens, opens + 1, alignment_mode="expand")
        sentence = first.sent if first is not None else sentence
    pronoun = "she" if sex == "female" else "he"
    while sentence.start > 0:
        sentence = doc[sentence.start - 1].sent
        if sentence.end_char < at - SUBJECT_REACH:
            return None
        verb = main_verb(sentence)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subject = _cue_appos(verb, subjects[0] if subjects else None)
        if subject is None:
            return None
        if subject.lower_ == pronoun:
            continue
        noun = subject.lemma_.lower()
        if (
            subject.pos_ != "NOUN"
            or noun not in _UNNAMED_PEOPLE
            or noun in (_WOMEN if sex == "male" else _MEN)
            or not any(c.lower_ in _NEW_ONE for c in subject.children if c.i < subject.i)
            or any(subject.left_edge.idx <= m.span.start <= subject.right_edge.idx for m in people)
        ):
            return None
        return doc.text[subject.left_edge.idx : subject.idx + len(subject)]
    return None


def _unknown_subject(
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    at: int,
    opens: int,
) -> str | None:
    """The name "he"/"she" at ``at`` stands for when the names stage did not take it for
    a person: the nearest clause before the pronoun (past those whose subject is a
    pronoun) has for subject a proper name that no person's mention covers and that the
    story names only there ("25-year-old Guzel said she had come to vote. '...,' she
    said": Guzel speaks, not the official named before her, though Guzel was typed an
    organisation). None when that subject is anything else, a person named beside it or
    as its object ("The German Chancellor, Angela Merkel, said", "Detik.com quoted Djamal
    as saying"), or a word of a quotation."""
    for clause in _clauses_before(doc, at, opens):
        verb = main_verb(clause)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.pos_ == "PRON":
            continue  # the clauses of "he"/"she" themselves run on from the topic
        if (
            subject is None
            or subject.idx >= at
            or opens <= subject.idx
            or subject.pos_ != "PROPN"
            or any(c.dep_ == "det" for c in subject.children)  # "The New GM": nobody's
            or len(_QUOTE_MARK.findall(doc.text, clause.start_char, subject.idx)) % 2
        ):
            return None
        near = [subject, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))]
        if any(
            _kind(m, entities) is EntityKind.PERSON
            and any(t.left_edge.idx <= m.span.start <= t.right_edge.idx for t in near)
            for m in mentions
        ):
            return None
        covering = [m for m in mentions if m.span.start <= subject.idx < m.span.end]
        named = {m.local_entity for m in covering}
        if any(m.local_entity in named and m not in covering for m in mentions):
            return None  # a name the story repeats is typed as it is
        compound = [t for t in subject.children if t.dep_ == "compound" and t.pos_ == "PROPN"]
        first = min([subject, *compound], key=lambda t: t.i)
        return doc.text[first.idx : subject.idx + len(subject)]
    return None


def _clauses_before(doc: Doc, at: int, opens: int) -> list[Span]:
    """The sentences up to a pronoun at ``at``, nearest first, within ``SUBJECT_REACH``:
    its own (or, when the quotation ``opens`` before it, the quotation's first), then
    those before."""
    own = doc.char_span(at, at + 1, alignment_mode="expand")
    if own is None:
        return []
    sentence = own.sent
    if opens < sentence.start_char:
        first = doc.char_span(opens, opens + 1, alignment_mode="expand")
        sentence = first.sent if first is not None else sentence
    clauses = [sentence]
    while sentence.start > 0 and sentence.start_char > at - SUBJECT_REACH:
        sentence = doc[sentence.start - 1].sent
        clauses.append(sentence)
    return clauses


def _kind(mention: MentionCandidate, entities: Sequence[LocalEntity]) -> EntityKind | None:
    """The kind of the entity a mention belongs to, if it belongs to one."""
    if 0 <= mention.local_entity < len(entities):
        return entities[mention.local_entity].kind
    return None


def _cue_appos(verb: Token, subject: Token | None) -> Token | None:
    """The one who speaks when the parse set them beside a noun of the words they report:
    "The cuts were to the lines that link Sicily to Tunisia as well as the Flag route,
    which stretches from the U.K. to Japan, a France Telecom spokeswoman who asked not to
    be named said.": the parse makes the spokeswoman an apposition ending right before
    "said", after a comma, and "lines" (or nothing) its subject. A subject that is a name,
    a pronoun or a person ("John Hale, a spokesman, said") stays the subject."""
    if subject is not None and (
        subject.pos_ in ("PROPN", "PRON") or subject.lemma_.lower() in _UNNAMED_PEOPLE
    ):
        return subject
    doc = verb.doc
    beside = [
        t
        for t in doc[verb.sent.start : verb.i]
        if t.dep_ == "appos"
        and t.right_edge.i + 1 == verb.i
        and t.left_edge.i > 0
        and doc[t.left_edge.i - 1].text == ","
    ]
    return beside[-1] if beside else subject


def _described_speaker(
    text: str,
    quote: QuoteCandidate,
    previous: tuple[QuoteCandidate, QuoteCandidate] | None,
    sex: str,
) -> str | None:
    """The description of the speaker of the quote right before, when that one was
    credited to someone described, not named, and "he"/"she" may be them: '"...," said
    fisherman's wife Mapahai, 35. / "...," she said' is the fisherman's wife's, not the
    governor's named before her. Nothing but blank space between the two statements;
    the description holds a word for a person and none for the other sex."""
    if previous is None:
        return None
    credited = previous[1]
    description = credited.speaker_text
    if (
        credited.speaker is not None
        or not description
        or text[credited.sentence.end : quote.sentence.start].strip()
    ):
        return None
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", description)}
    if not words & (_UNNAMED_PEOPLE | gz.PERSON_ROLES) or words & (
        _MEN if sex == "female" else _WOMEN
    ):
        return None
    return description
