"""Who the noun phrase a cue names speaks for: a mention inside it (PERSON before
ORGANIZATION); a pronoun ("he"/"she" -> last PERSON, "it" -> last ORGANIZATION or "the
... department/ministry/newspaper/..." phrase, "they" -> last ORGANIZATION in the
sentence); "a spokesperson for the company" -> the company; "Israel's prime minister" ->
the one person so described; "the <description>" -> the entity it describes; "the
statement by X" -> X; anything else an unnamed speaker ("some of those attending the
meeting") kept as ``speaker_text`` only."""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import EntityKind
from service.ingest.quotes.cues import Attribution, Cue, named_attribution
from service.ingest.quotes.mention_index import MentionIndex
from service.ingest.quotes.speaker_words import (
    PERSON_HEADS,
    SPEAKER_KINDS,
    WEAK_WORDS,
    WORD,
    singular,
)

# "a spokesperson for the company": whom the spokesperson speaks for
_SPEAKS_FOR = re.compile(
    r"(?i)(?:an?|the)\s+(?:\w+\s+)?(?:spokes\w+|representatives?|press\s+officer)\s+"
    r"(?:for|of|at)\s+(?P<whom>.+)$"
)


SPOKESPERSON = re.compile(r"\b(?:spokes\w+|representatives?|press\s+secretary)\s*$")


_PRONOUN = re.compile(r"(?i)(he|she|it|they)")


_ORG_PHRASE = re.compile(
    r"\b[Tt]he\s+(?:[\w’'.-]+\s+){0,3}?(?:department|ministry|commission|committee|agency|"
    r"office|party|movement|government|court|mission|foundation|bureau|organi[sz]ation|"
    r"council|service|group|watchdog|newspaper|paper|magazine|network|channel|broadcaster|"
    r"website|outlet)\b"
)


_MAX_NP_WORDS = 10


_LEADING_ADVERB = re.compile(r"(?:Then|Later|Now|Finally|Suddenly|Meanwhile|Also),?\s+(?=[a-z])")


_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|later|then|again|further|previously|earlier|recently|separately|"
    r"once|publicly|repeatedly|reportedly))+$"
)


def noun_phrase(body: str, start: int, end: int, cue: Cue, index: MentionIndex) -> Attribution:
    """Attribution to the noun phrase ``body[start:end]`` (a subject or an agent)."""
    text = body[start:end].strip(" \t\n,.;:")
    offset = start + body[start:end].find(text) if text else start
    # "It also said", "Cummings later wrote": the adverb is no part of who speaks
    text = _TRAILING_ADVERBS.sub("", text)
    # "Then a co-worker yelled": the adverb opening the sentence is no part of who speaks
    lead = _LEADING_ADVERB.match(text)
    if lead is not None:
        offset += lead.end()
        text = text[lead.end() :]
    words = WORD.findall(text)
    if not words or len(words) > _MAX_NP_WORDS:
        return Attribution(None, None, cue.phrase)
    inside = [
        (m, e)
        for m, e in index.within(offset, offset + len(text))
        if m.span.start >= offset and index.kind(e) in SPEAKER_KINDS
    ]
    people = [x for x in inside if index.kind(x[1]) is EntityKind.PERSON]
    if not people and inside and holds_role(body[offset : inside[0][0].span.start]):
        return Attribution(None, text, cue.phrase)  # "the general secretary of Unite"
    if people or inside:
        return named_attribution((people or inside)[-1], cue)
    if len(words) == 1 and _PRONOUN.fullmatch(words[0]):
        return pronoun_speaker(body, words[0], offset, cue, index)
    if words[-1][:1].isupper() and (bearer := index.surname_of(words[-1])) is not None:
        return Attribution(bearer, text, cue.phrase)  # "Djamal", not read as a name here
    if len(words) > 1 and words[-1] in ("he", "she", "they"):
        # "Speaking to the public he said", "Of the government ownership he stated": a
        # phrase set before the subject, which is the pronoun
        at = offset + text.rfind(words[-1])
        return pronoun_speaker(body, words[-1], at, cue, index)
    lowered = [w.casefold() for w in words]
    spokesperson = _SPEAKS_FOR.match(text)
    if spokesperson is not None:  # "A spokesperson for the company said": the company
        behind = [w.casefold() for w in WORD.findall(spokesperson["whom"])]
        if behind and behind[0] == "the":
            return Attribution(index.by_description(behind, offset), text, cue.phrase)
    possessive = _POSSESSIVE_ROLE.fullmatch(text)
    if possessive is not None and singular(possessive["head"]) in PERSON_HEADS:
        holder = index.sole_holder(possessive["role"])
        return Attribution(holder, text, cue.phrase)
    agent = _statement_agent(lowered)
    if agent is not None:
        inner = index.by_description(agent, offset) if agent else None
        return Attribution(inner, text, cue.phrase)
    if lowered[0] == "the":
        found = index.by_description(lowered, offset)
        if found is not None and introduced_unnamed(body, offset, lowered[-1], found, index):
            found = None
        return Attribution(found, text, cue.phrase)
    return Attribution(None, text, cue.phrase)


# How far back "the adviser" looks for "one adviser" brought in without a name.
_UNNAMED_REACH = 300


def introduced_unnamed(body: str, pos: int, head: str, found: int, index: MentionIndex) -> bool:
    """ "the <head>" at ``pos`` stands for someone just brought in without a name ("one",
    "a", "an" or "another", up to three words, then the head), after the person it would
    otherwise describe was last named: "One Republican adviser close to the White House
    said ... 'He doesn't know,' the adviser said" is that unnamed adviser's, not the
    national security adviser named paragraphs before. A description set right after
    the name, after a comma, is that person's ("Ema Suryani, a doctor at a clinic")."""
    if index.kind(found) is not EntityKind.PERSON:
        return False
    named = [m.span.end for m, e in index.items if e == found and m.span.start < pos]
    start = max([pos - _UNNAMED_REACH, *named])
    intro = re.compile(
        rf"\b(?:[Oo]ne|[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){{0,3}}?{re.escape(head)}\b"
        r"(?!\s*,?\s*[A-Z])"
    )
    # "Ema Suryani, a doctor at a health clinic": the named person's own description
    return any(body[start : m.start()].strip(" ,") for m in intro.finditer(body, start, pos))


# "Israel's prime minister", "the church's minister": a role told by whose it is
_POSSESSIVE_ROLE = re.compile(
    r"(?:[Tt]he\s+)?[A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*){0,2}['’]s\s+"
    r"(?P<role>(?:[a-z][\w-]*\s+){0,2}(?P<head>[a-z][\w-]*))"
)


# "the premier of", "the head of the German state of": a role held in what is named next.
_HOLDER = re.compile(r"^(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?P<role>[\w-]+)\s+(?:of|at)\s")


def holds_role(lead: str) -> bool:
    """The words before a noun phrase's first name describe someone holding a role in it
    (not a spokesperson, whose words are the organisation's)."""
    m = _HOLDER.match(lead.casefold())
    role = m["role"] if m is not None else ""
    return role in gz.PERSON_ROLES and SPOKESPERSON.search(role) is None


def _statement_agent(words: list[str]) -> list[str] | None:
    """For "the joint statement by rights groups": ``["rights", "groups"]``; else None."""
    for i, w in enumerate(words):
        if w not in ("statement", "report", "letter"):
            continue
        if i + 1 < len(words) and words[i + 1] in ("by", "of", "from"):
            return [x for x in words[i + 2 :] if x not in WEAK_WORDS]
        return []
    return None


def pronoun_speaker(body: str, word: str, pos: int, cue: Cue, index: MentionIndex) -> Attribution:
    """ "he"/"she" -> last PERSON, "they" -> last ORGANIZATION in the sentence, "it" -> ``_it``."""
    kind = word.casefold()
    if kind in ("he", "she"):
        sex = "male" if kind == "he" else "female"
        last = index.last_before(pos, (EntityKind.PERSON,), sex=sex)
    elif kind == "they":
        floor = max(body.rfind(".", 0, pos), body.rfind("\n", 0, pos))
        last = index.last_before(pos, (EntityKind.ORGANIZATION,), since=floor)
    else:
        return _it(body, word, pos, cue, index)
    return Attribution(last[1] if last else None, word, cue.phrase)


def _it(body: str, word: str, pos: int, cue: Cue, index: MentionIndex) -> Attribution:
    """The last ORGANIZATION, unless a later "the ... department" phrase stands for it.

    An unresolved phrase ("The Almaty police department", no such entity) becomes the
    speaker text, which says more than "it".
    """
    last = index.last_before(pos, (EntityKind.ORGANIZATION,))
    phrases = list(_ORG_PHRASE.finditer(body, max(0, pos - 600), pos))
    if phrases and (last is None or phrases[-1].start() >= last[0].span.end):
        phrase = phrases[-1]
        words = [w.casefold() for w in WORD.findall(phrase.group())]
        found = index.by_description(words, phrase.start())
        if found is None:
            return Attribution(None, phrase.group(), cue.phrase)
        return Attribution(found, word, cue.phrase)
    return Attribution(last[1] if last else None, word, cue.phrase)
