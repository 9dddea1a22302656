"""Whose a vote share or an age is: the subject of "took", "won", "received" ("Toqaev, 66,
had received 70%"), and the person an age describes ("66-year-old Kassym-Jomart
Tokayev", "Toqaev, 66,", "the 66-year-old career diplomat")."""

from __future__ import annotations

import re

from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.mentions import gazetteer as gz
from service.ingest.model import EntityKind

_AUXILIARY_END = re.compile(
    r"(?:\s+(?:had|has|have|was|is|also|reportedly|officially))*"
    r"\s+(?:won|took|received|got|secured|garnered|gained|polled|taking|winning|receiving)"
    r"(?:\s+(?:a\s+mere|only|just))?\s*$",
    re.IGNORECASE,
)


def vote_subject(sm: SentenceMentions, sentence: str, start: int) -> int | None:
    """Who took/won/received the share: the verb's subject, skipping an apposition."""
    left = sentence[:start]
    verb = _AUXILIARY_END.search(left)
    if verb is not None:
        head = left[: verb.start()].rstrip()
        if head.endswith(","):  # "Toqaev, 66, had received": skip the apposition
            opening = head.rfind(",", 0, len(head) - 1)
            if opening > 0:
                head = head[:opening]
        person = sm.last_before(sm.offset + len(head.rstrip()), EntityKind.PERSON)
        if person is not None and sm.offset + len(head.rstrip()) - person.span.end <= 2:
            return person.local_entity
    person = sm.last_before(sm.offset + start, EntityKind.PERSON)
    return person.local_entity if person is not None else None


# "Toqaev, 66," and "said Brent Cole, now 28": the age set after the name and a comma
_COMMA_END = re.compile(r",\s*(?:now\s+|then\s+)?$")
# the lower-case words, or a title, between an age and the name it comes before
_FEW_WORDS = re.compile(
    r"\s*((?:[a-z][\w-]*\s+|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt)\.?\s+){0,3})"
)
# "Emanuel Steward, who turned 68 on Saturday": a relative clause telling a named age
_WHO_TURNED = re.compile(r",\s*who\s+(?:has\s+|had\s+|just\s+)?(?:turned|turns|is|was)\s+$")
_DESCRIPTION = re.compile(r"\s*((?:[a-z][\w-]*\s*){1,3}?)(['’]s\b|[,.;]|\s+(?:said|who|was|is)\b)")


_ARTICLE_END = re.compile(r"\b(?:the|a|an)$", re.IGNORECASE)
_APPOSITION_START = re.compile(r",\s*(?:a|an)\s+$", re.IGNORECASE)
_APPOSED_ARTICLE = re.compile(
    r"[,(]\s*(?:(?:the|a|an|his|her|its|their|[\w-]+['’]s)\s+){0,2}$", re.IGNORECASE
)


def age_subject(sm: SentenceMentions, sentence: str, start: int, end: int, body: str) -> int | None:
    """The person an age modifies: "66-year-old Kassym-Jomart Tokayev", "Toqaev, 66,"."""
    before = sentence[:start]
    after = sentence[end:]
    aged = sentence[start:end].lower().startswith(("aged", "at age", "at the age"))
    if aged and (dead := _dead_at(sm, before)) is not None:
        return dead
    if sentence[start:end].isdigit() or aged:
        person = sm.last_before(sm.offset + len(before.rstrip(" ,")), EntityKind.PERSON)
        if aged or _COMMA_END.search(before) or _WHO_TURNED.search(before):
            return person.local_entity if person is not None else None
    # "66-year-old [former president] Kassym-Jomart Tokayev": the name within a few words.
    phrase = _FEW_WORDS.match(after)
    words_end = sm.offset + end + (phrase.end() if phrase else 0)
    person = sm.first_after(sm.offset + end, EntityKind.PERSON)
    bare = sentence[start:end].isdigit()  # "He was 95 and lived in Santa Rosa": no one after
    if person is not None and person.span.start <= words_end + 1 and not bare:
        return person.local_entity
    if not bare and (missed := _unfound_name(sm, sentence[end:], phrase)) is not None:
        return missed  # "The 36-year-old champion Klitschko", no mention found there
    if _APPOSITION_START.search(before):
        # "Ahmed Mohamed, a 14-year-old boy from Irving": the name the phrase describes
        described = sm.last_before(
            sm.offset + len(_APPOSITION_START.sub("", before)), EntityKind.PERSON
        )
        if described is not None:
            return described.local_entity
    if (nationality := _nationality_named(sm, before, after, start)) is not None:
        return nationality
    # "the 66-year-old career diplomat('s)": a description; find who it describes.
    noun = _DESCRIPTION.match(after)
    if noun is None:
        return None
    description = noun.group(1).strip()
    for m in re.finditer(rf"\b{re.escape(description)}\s+", body, re.IGNORECASE):
        named = [x for x in sm.mentions if x.span.start == m.end()]
        if named and sm.kind(named[0]) is EntityKind.PERSON:
            return named[0].local_entity
    # "Kosanov, the 66-year-old career diplomat": the name before the article and comma;
    # "another mom and an 11-year-old girl were wounded" describes no one named.
    if not _APPOSED_ARTICLE.search(before):
        # "with his 18-year-old brother, Luis Ortega,": the name set after the noun
        return _named_after(sm, sm.offset + end + noun.end()) if noun.group(2) == "," else None
    head_end = sm.offset + len(_ARTICLE_END.sub("", before.rstrip(" ,")).rstrip(" ,"))
    head = sm.last_before(head_end, EntityKind.PERSON)
    if noun.group(2) in ("'s", "’s"):
        # "Kosanov, the 66-year-old career diplomat's closest rival": someone else.
        others = [
            m
            for m in sm.of_kind(EntityKind.PERSON)
            if m.span.end <= sm.offset + start
            and (head is None or m.local_entity != head.local_entity)
        ]
        return others[0].local_entity if others else None
    return head.local_entity if head is not None and sm.kind(head) is EntityKind.PERSON else None


# a death the age is told of, and words of someone telling it before the death
_DIED = re.compile(r"\b(?:died|dies|has\s+died|passed\s+away)\b")
_TOLD = re.compile(r"\b(?:said|says|told|tells|according|announced|reported)\b")


def _dead_at(sm: SentenceMentions, before: str) -> int | None:
    """Whose age at death it is: the person the sentence opens its clause with, past the
    names a description set between them ("Mark Felt, the source who helped Bob Woodward
    crack the scandal that brought down Richard Nixon, has died at age 95" is Felt's, not
    Nixon's). None when someone tells of the death ("Hale said Reed died aged 80": the
    name before "died" decides)."""
    died = max(_DIED.finditer(before), key=lambda m: m.start(), default=None)
    if died is None or _TOLD.search(before, 0, died.start()):
        return None
    people = [
        m
        for m in sm.of_kind(EntityKind.PERSON)
        if sm.offset <= m.span.start and m.span.end <= sm.offset + died.start()
    ]
    if not people or sm.body[sm.offset : people[0].span.start].strip(" \"'“‘"):
        return None  # the sentence opens on no name: "It was where rival John Gotti died"
    return people[0].local_entity


_THE_END = re.compile(r"\b[Tt]he\s*$")
_NATIONALITY = re.compile(r"\s*([A-Z][a-z]+)\b(?!\s+[A-Z]|['’])")


def _nationality_named(sm: SentenceMentions, before: str, after: str, start: int) -> int | None:
    """The person a definite age and a nationality stand for: "Reyes knocked down Tony
    Hall in the sixth, and the 38-year-old American never recovered" is Hall, the person
    the sentence named last before it. A nationality names no one itself, so without the
    name before it the age is no one's."""
    word = _NATIONALITY.match(after)
    if word is None or not gz.is_demonym(word.group(1)) or not _THE_END.search(before):
        return None
    person = sm.last_before(sm.offset + start, EntityKind.PERSON)
    return person.local_entity if person is not None else None


_NAME_WORD = re.compile(r"[A-Z][\w’'-]+\b(?!['’]s)")


def _unfound_name(sm: SentenceMentions, after: str, phrase: re.Match[str] | None) -> int | None:
    """The person named by the one word the few words after an age end on, where the name
    finder found no mention: "The 36-year-old champion Klitschko" in a story that named
    Wladimir Klitschko is him (one person of the story by that name, else none)."""
    start = phrase.end() if phrase else 0
    word = _NAME_WORD.match(after, start)
    if word is None:
        return None
    named = {
        entity.index
        for entity in sm.entities
        if entity.kind is EntityKind.PERSON
        and any(n.split()[-1:] == [word.group()] for n in (entity.name, *entity.aliases))
    }
    return named.pop() if len(named) == 1 else None


def _named_after(sm: SentenceMentions, comma_end: int) -> int | None:
    """The person named right after a described noun's comma ("her 44-year-old mother,
    Rosa Diaz"), if one."""
    named = sm.first_after(comma_end, EntityKind.PERSON)
    if named is None or sm.body[comma_end : named.span.start].strip():
        return None
    return named.local_entity
