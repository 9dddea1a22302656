"""A person's sex as the article itself tells it: the pronouns that follow their name
("Tara Reid has spent the decade out and about, but her latest destination ...":
female) and the words for kin or roles set before it ("his daughter, Joan": female),
for names whose given name says nothing ("Reid", "Woodward")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from spacy.tokens import Doc

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.coreference import given_name_sex
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate

_MALE_PRONOUNS = frozenset({"he", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "herself"})
_MALE_WORDS = gz.word_set(
    """husband father son brother widower boyfriend grandfather uncle nephew
    spokesman businessman congressman king prince"""
)
_FEMALE_WORDS = gz.word_set(
    """wife mother daughter sister widow girlfriend grandmother aunt niece
    spokeswoman businesswoman congresswoman actress queen princess"""
)
# "he or she", "his/her": a pronoun for anyone, not for the name before it
_EITHER = frozenset({"or", "/"})


def told_sexes(
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    quoted: Collection[tuple[int, int]] = (),
) -> dict[int, str]:
    """Person entity -> the sex the article's own words give it, where they agree (the
    other sex at most a third of the votes) and its given name says nothing. A vote is
    the word for kin or a role right before a mention or in its name ("fisherman's wife
    Mapahai", "his daughter, Joan"), or the first "he"/"his"/"himself" or "she"/
    "herself"/possessive "her" after a mention of the first person its sentence names,
    before the next person it names
    ("Woodward would move a flower pot on his balcony": male; not "Trump attacked
    Clinton, saying he ...", whose pronoun is Trump's). Object "him"/"her" vote for
    nobody ("his daughter, Joan, persuaded him"), nor does anything inside a quote
    (``quoted``: its start and end)."""
    people = sorted(
        (
            m
            for m in mentions
            if 0 <= m.local_entity < len(entities)
            and entities[m.local_entity].kind is EntityKind.PERSON
            and not any(s <= m.span.start < e for s, e in quoted)
        ),
        key=lambda m: m.span.start,
    )
    votes: dict[int, Counter[str]] = {}
    for i, m in enumerate(people):
        sex = _role_sex(doc.text, m) or _pronoun_sex(doc, people, i, quoted)
        if sex is not None:
            votes.setdefault(m.local_entity, Counter())[sex] += 1
    told: dict[int, str] = {}
    for entity, counts in votes.items():
        (sex, n), *rest = counts.most_common()
        if (not rest or n > 2 * rest[0][1]) and given_name_sex(entities[entity]) is None:
            told[entity] = sex
    return told


def _role_sex(text: str, m: MentionCandidate) -> str | None:
    """The sex a word for kin or a role in the mention or right before it gives."""
    lead = text[max(0, m.span.start - 20) : m.span.start].rstrip(" ,").split()
    words = [w.casefold() for w in (*m.name.split()[:-1], *lead[-1:])]
    if any(w in _FEMALE_WORDS for w in words):
        return "female"
    if any(w in _MALE_WORDS for w in words):
        return "male"
    return None


def _pronoun_sex(
    doc: Doc, people: Sequence[MentionCandidate], i: int, quoted: Collection[tuple[int, int]]
) -> str | None:
    """The sex of the first pronoun after ``people[i]`` in its sentence, before the next
    person named; None unless it is the first person its sentence names."""
    m = people[i]
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    if any(
        sent.start_char <= p.span.start < m.span.start and p.local_entity != m.local_entity
        for p in people[:i]
    ):
        return None
    stop = sent.end_char
    for p in people[i + 1 :]:
        if p.local_entity != m.local_entity:
            stop = min(stop, p.span.start)
            break
    for token in doc[span.end : sent.end]:
        if token.idx >= stop:
            return None
        if any(s <= token.idx < e for s, e in quoted):
            continue
        word = token.lower_
        if word in _MALE_PRONOUNS or word in _FEMALE_PRONOUNS or word in ("her", "him"):
            if _either(doc, token.i):
                return None
            if word in _MALE_PRONOUNS:
                return "male"
            if word in _FEMALE_PRONOUNS or (word == "her" and token.tag_ == "PRP$"):
                return "female"
            return None
    return None


def _either(doc: Doc, i: int) -> bool:
    """ "he or she", "his/her": the pronoun stands for anyone."""
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return before in _EITHER or after in _EITHER
