"""What a pronoun or a description points back to: the last entity of its kind named
before it ("it" after "General Motors", "he" after "Kane Williamson")."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from service.ingest.mentions.gazetteer import is_given_name, place_canonical, sex_of_given_name
from service.ingest.mentions.honorifics import honorific_sex
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate


def last_named(
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    *,
    before: int,
    kinds: Collection[EntityKind],
    sex: str | None = None,
) -> int | None:
    """The local entity of ``kinds`` mentioned last, ending at or before ``before``; with
    ``sex`` (what "he" or "she" says), never one whose given name is the other sex's
    ("Gomes stabbed Robyn Mendes ... He was sentenced": Gomes)."""
    found = None
    for m in mentions:
        if m.span.end > before or not 0 <= m.local_entity < len(entities):
            continue
        entity = entities[m.local_entity]
        if entity.kind in kinds and (sex is None or given_name_sex(entity) in (None, sex)):
            found = m.local_entity
    return found


def given_name_sex(entity: LocalEntity) -> str | None:
    """The sex the entity's first word says as a given name ("Anna Price": female)."""
    words = entity.name.split()
    return sex_of_given_name(words[0]) if words else None


# How far back "he" or "she" looks for a person who was the subject of a clause.
SUBJECT_REACH = 600
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def salient_person(
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    *,
    before: int,
    sex: str | None = None,
    spoke: Collection[tuple[int, int, int]] = (),
    coined: Collection[int] = (),
    told: Mapping[int, str] | None = None,
) -> int | None:
    """Whom "he" or "she" at ``before`` stands for: the last person named as the subject
    of a clause in the preceding ``SUBJECT_REACH`` characters (a subject stays the topic:
    '"...," said Julien Talavan, a spokesman for Force Ouvrière. "...," he said' is
    Talavan's, not the union's, whatever the union was taken for), else the last person
    named at all; a person credited with a quote in its sentence (``spoke``: start, end,
    entity) counts as its subject, and with no subject in reach the one credited with
    the last quote in reach speaks on ('"...," she told Playboy. ... "...," she said' is
    not the magazine's, whatever the magazine was taken for). Never an entity in
    ``coined`` (``coined_names``), nor a person named inside the words the pronoun
    reports ('research the dossier alleging ties between Trump and Russia, he said' is
    not Trump's: "he" governs that clause, so it is no one the clause names). With
    ``sex``, never a person whose given name is only the other sex's, nor one whose
    honorifics or the article's own words (``told``: ``told_sex.told_sexes``) say
    the other sex ("Tara Reid has ... her latest destination" is never "he")."""
    reported = _reported_tokens(doc, before)
    honoured = {**(told or {}), **honorific_sexes(doc.text, mentions)}
    people = [
        m
        for m in mentions
        if m.span.end <= before
        and 0 <= m.local_entity < len(entities)
        and entities[m.local_entity].kind is EntityKind.PERSON
        and may_be(entities[m.local_entity], sex, entities)
        and honoured.get(m.local_entity, sex) == sex
        and not _THE_BEFORE.search(doc.text, max(0, m.span.start - 6), m.span.start)
        and not _reported_name(doc, m, reported)
        and m.local_entity not in coined
    ]
    if not people:
        return None
    own = doc.char_span(before, before + 1, alignment_mode="expand")
    floor = own.sent.start_char if own is not None else before
    if people[-1].span.start >= floor:  # "by Justice Scalia, he talked": the one just named
        # unless it is an owner or an object and the sentence's subject was named before
        # it ("Mr. Trump alluded to Mr. Pompeo's mission when he said": Trump)
        if not _is_subject(_root(doc, people[-1])):
            for m in people:
                if m.span.start >= floor and _is_subject(_root(doc, m)):
                    return m.local_entity
        return people[-1].local_entity
    if own is not None and (topic := _topic(doc, own.sent, people, before, sex)) is not None:
        return topic
    for m in reversed(people):
        if m.span.end < before - SUBJECT_REACH:
            break
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is not None and _is_subject(span.root):
            return m.local_entity
        if any(s <= m.span.start < e and m.local_entity == who for s, e, who in spoke):
            return m.local_entity
    # '"...," she told Playboy. As for posing, that seemed fine too. "...," she said':
    # the one last credited with a quote, not the outlet that heard it
    last_quote = max((q for q in spoke if q[0] < before), default=None)
    if (
        last_quote is not None
        and last_quote[0] >= before - SUBJECT_REACH
        and last_quote[2] in {m.local_entity for m in people}
    ):
        return last_quote[2]
    return people[-1].local_entity


_REPORTED_DEPS = frozenset({"ccomp", "parataxis"})


def _reported_tokens(doc: Doc, at: int) -> frozenset[int]:
    """The tokens of the words reported by a cue set after them, the pronoun at ``at``
    following a bare comma ('..., he said'): the clause the cue hangs off or the
    complement before it, in the pronoun's paragraph. A cue after a closing quote mark
    reports the quote, whose names are no candidates already."""
    if not _AFTER_COMMA.search(doc.text, max(0, at - 3), at):
        return frozenset()
    own = doc.char_span(at, at + 1, alignment_mode="expand")
    if own is None or own[0].dep_ not in _SUBJECT_DEPS:
        return frozenset()
    verb = own[0].head
    tokens = [t for c in verb.children if c.dep_ in _REPORTED_DEPS for t in c.subtree]
    if verb.dep_ in _REPORTED_DEPS and verb.head.i != verb.i:
        tokens += [t for t in verb.head.subtree if t.i < verb.left_edge.i]
    paragraph = doc.text.rfind("\n", 0, at) + 1
    return frozenset(t.i for t in tokens if paragraph <= t.idx < at)


_AFTER_COMMA = re.compile(r",\s*$")


def _reported_name(doc: Doc, m: MentionCandidate, reported: frozenset[int]) -> bool:
    token = _root(doc, m)
    return token is not None and token.i in reported


def _root(doc: Doc, m: MentionCandidate) -> Token | None:
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def _topic(
    doc: Doc,
    own: Span,
    people: Sequence[MentionCandidate],
    before: int,
    sex: str | None,
) -> int | None:
    """The person the sentences before ``own`` are about: the subject of the nearest main
    clause that names a person, past main clauses whose subject is the same pronoun (the
    topic runs on: "Mr. Kudlow said ... He also tamped down expectations about the pact,
    which Mr. Trump pulled out of. '...,' he said" is Kudlow's, not Trump's). None when a
    main clause is about something else or the reach ends."""
    pronoun = {"male": "he", "female": "she"}.get(sex or "")
    sentence = own
    while sentence.start > 0:
        sentence = doc[sentence.start - 1].sent
        if sentence.end_char < before - SUBJECT_REACH:
            return None
        subjects = [c for c in main_verb(sentence).children if c.dep_ in _SUBJECT_DEPS]
        if not subjects:
            return None
        # the nearest, where the parse ran a quote's end on into the next paragraph and
        # gave its verb two ("The Doctor's in the room'." / Producer Moffat ... is sure)
        subject = subjects[-1]
        if pronoun is not None and subject.lower_ == pronoun:
            continue
        for m in people:
            if sentence.start_char <= m.span.start < sentence.end_char:
                token = _root(doc, m)
                while token is not None and token.dep_ in ("appos", "compound", "flat"):
                    if token.head.i == token.i:
                        break
                    token = token.head
                if token is not None and token.i == subject.i:
                    return m.local_entity
        return None
    return None


def main_verb(sentence: Span) -> Token:
    """The sentence's root; when the parse ran a sentence on across a paragraph break,
    the root of its last paragraph's part (the words nearest what follows)."""
    breaks = [t.i for t in sentence if "\n" in t.text_with_ws]
    if not breaks or breaks[-1] + 1 >= sentence.end:
        return sentence.root
    part = sentence.doc[breaks[-1] + 1 : sentence.end]
    heads = [t for t in part if t.head.i == t.i or not part.start <= t.head.i < part.end]
    verbs = [t for t in heads if t.pos_ in ("VERB", "AUX")]
    return (verbs or heads or [sentence.root])[0]


# "the New GM", "the App Store": a name after "the" is nobody's, whatever it was typed
_THE_BEFORE = re.compile(r"\b[Tt]he\s+[\"“]?$")
_QUOTED_AFTER_ARTICLE = re.compile(r"\b(?:[Tt]he|an?)\s+[\"“]$")


def coined_names(text: str, mentions: Sequence[MentionCandidate]) -> frozenset[int]:
    """Entities the copy once names in quote marks after an article ('a "New GM"', 'the
    "Big Three"'): a coined name for a thing, no one "he" or "she" stands for in any
    mention ("the management of GM")."""
    return frozenset(
        m.local_entity
        for m in mentions
        if _QUOTED_AFTER_ARTICLE.search(text, max(0, m.span.start - 6), m.span.start)
        and text[m.span.end : m.span.end + 1] in ('"', "”")
    )


def _is_subject(token: Token | None) -> bool:
    """A clause's subject, or a name set beside or joined to one ("said the general
    secretary of Unite, Tony Woodley"), or one "who" stands for as a subject."""
    if token is None:
        return False
    while token.dep_ in ("appos", "conj", "compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ in _SUBJECT_DEPS or _relative_subject(token)


def _relative_subject(token: Token) -> bool:
    """A name that "who" takes up as the subject of the clause it opens: "a surprise to
    Matthew O'Connor, who produced the film" makes O'Connor a subject."""
    return any(
        c.dep_ == "relcl" and any(g.dep_ in _SUBJECT_DEPS and g.lower_ == "who" for g in c.children)
        for c in token.children
    )


def honorific_sexes(text: str, mentions: Sequence[MentionCandidate]) -> dict[int, str]:
    """Entity -> the sex its honorifics give it, when the story's "Mr."/"Mrs."/"Ms."
    before its mentions all agree: "he" is never a "Mrs. Lindqvist", "she" never a "Mr
    Achebe", whatever their given names say."""
    found: dict[int, set[str]] = {}
    for m in mentions:
        if (sex := honorific_sex(text, m.span.start)) is not None and m.local_entity >= 0:
            found.setdefault(m.local_entity, set()).add(sex)
    return {e: sexes.pop() for e, sexes in found.items() if len(sexes) == 1}


def may_be(entity: LocalEntity, sex: str | None, entities: Sequence[LocalEntity] = ()) -> bool:
    """Whether "he" (male) or "she" (female) may stand for ``entity``: not a person whose
    given name is only ever the other sex's, also when the copy names them by that given
    name alone ("Gloria" is never "he"), unless that word is the surname of a full name
    among ``entities`` ("Dr. Benjamin" of Regina M. Benjamin may be "she"). Never a
    "person" of several words, none a given name, one a place ("Breitbart London", "US
    Treasury"): an outlet or an office the recogniser took for someone."""
    words = entity.name.split()
    if sex is None:
        return True
    if len(words) == 1 and any(
        len(other.name.split()) > 1 and other.name.split()[-1] == words[0] for other in entities
    ):
        return True
    if (
        entity.kind is EntityKind.PERSON
        and len(words) > 1
        and not any(is_given_name(w) for w in words)
        and any(place_canonical(w) for w in words)
    ):
        return False  # "Breitbart London", "US Treasury": a name set beside a place
    return given_name_sex(entity) in (None, sex)
