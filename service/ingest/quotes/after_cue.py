"""The speaker named after the cue: "according to X", "'...,' said George Tsereteli",
"said the general secretary of Unite, Tony Woodley", "said a spokesman for the ministry"
(the ministry speaks), and a cue after a comma whose speaker follows it and ends the
clause ("..., as rivals such as Intel catch up, said Chan.": Chan, not Intel)."""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import EntityKind, MentionCandidate
from service.ingest.quotes.cues import MASK, Attribution, Cue, named_attribution
from service.ingest.quotes.mention_index import MentionIndex
from service.ingest.quotes.noun_phrases import SPOKESPERSON, noun_phrase, pronoun_speaker
from service.ingest.quotes.speaker_words import PERSON_HEADS, SPEAKER_KINDS, UNNAMED_HEADS, WORD

_AFTER_BOUNDARY = re.compile(
    MASK + r"|[,.;:!?()\[\]]|\b(?:at|in|on|from|during|who|which|that|after|before|with|"
    r"near|outside|inside|as|while|when|for|to)\b",
)


_LEADING_ADVERBIAL = re.compile(
    r"\s*(?:(?:late|early|later)\s+)?(?:on\s+(?:[A-Z]\w+)(?:\s+\d{1,2})?|on\s+\w+day|"
    r"late|later|earlier|afterwards|also)?\s*,?\s*"
)


def inverted_speaker(
    body: str, masked: str, cue: Cue, ctx_end: int, index: MentionIndex
) -> Attribution | None:
    """The speaker named after a cue set after a comma that ends the clause it closes:
    "Sales will slow as rivals such as Intel catch up, said Chan." (not Intel, the name
    before the comma), "..., said the fire chief, James Steele." Not "Sanders, a
    senator, said Trump would ...", whose name after the cue opens what is said, nor
    "..., told France Info." (whom the speaker told)."""
    if cue.phrase.split(" ")[0].lower() not in _INVERTED_VERBS:
        return None  # "..., told France Info.": whom the speaker told
    found = after_cue(body, masked, cue, ctx_end, index)
    if found.speaker is None:
        return None
    named = [m for m, e in index.within(cue.end, ctx_end) if e == found.speaker]
    if not named or not _CLAUSE_END.match(masked, named[0].span.end, ctx_end):
        return None
    return found


_CLAUSE_END = re.compile(r"\s*(?:[,.;]|$)")


# Cues whose subject may follow them; "told", "asked", "warned" take an object there.
_INVERTED_VERBS = gz.word_set(
    "said says added adds wrote writes noted notes explained explains continued continues "
    "concluded concludes recalled recalls"
)


# Lower-case words (a role, perhaps its department) and title abbreviations between names
_ROLE_BETWEEN = re.compile(
    r"(?:\s+(?:[a-z][\w-]*|[A-Z][a-z]{0,3}\.))(?:\s+(?:[a-z][\w-]*|[A-Z][a-z]{0,3}\.)){0,3}\s+"
)


def _names_a_role(gap: str) -> bool:
    words = [w.casefold().rstrip(".") for w in gap.split()]
    return any(w in gz.PERSON_ROLES or w in PERSON_HEADS or w in UNNAMED_HEADS for w in words)


def _appositive_person(
    masked: str, following: list[tuple[MentionCandidate, int]]
) -> tuple[MentionCandidate, int]:
    """The first name after a cue, or the person it introduces: "in the words of the
    Crown prosecutor, Mark Tedeschi" is Tedeschi's."""
    first = following[0]
    if len(following) < 2:
        return first
    person = following[1]
    gap = masked[first[0].span.end : person[0].span.start]
    if first[0].kind is EntityKind.PERSON:
        # "said Troy police Lt. Gerry Scherlinck", "said South Richmond Hill resident Suri
        # Charanjit": a place taken for a person's name, then the speaker's role
        return person if _ROLE_BETWEEN.fullmatch(gap) and _names_a_role(gap) else first
    apposed = re.fullmatch(r"(?:\s+[a-z][\w-]*){0,2}\s*,\s*", gap) is not None
    # "says ANA senior vice president Mitsuo Morimoto": the organisation's officer
    # "said Airbus President and Chief Executive Officer, Tom Enders": offices joined
    titled = 0 < len(words := re.findall(r"[\w-]+", gap.lower())) <= 6 and all(
        w in gz.PERSON_ROLES or w in gz.TITLE_MODIFIERS or w == "and" for w in words
    )
    return person if (apposed or titled) and _may_hold_title(person[0], titled) else first


def _may_hold_title(mention: MentionCandidate, titled: bool) -> bool:
    """Whether the name after an organisation and a role is the one who holds it: a
    person, or a name the entity finder typed an organisation that is listed as none, when
    only the words of a role stand between ("crowed Nvidia CEO Jen-Hsun Huang": a given
    name it does not know left Huang an organisation, yet no firm has a CEO set before
    its name)."""
    if mention.kind is EntityKind.PERSON:
        return True
    return (
        titled
        and mention.kind is EntityKind.ORGANIZATION
        and gz.organization_canonical(mention.name) is None
    )


_TITLE_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.(?=\s)")


# Words that join a role to what it is of inside one noun phrase ("strategist for
# Invesco", "chief investment officer at Solaris Asset Management").
_ROLE_JOINS = frozenset({"of", "for", "at", "in", "from", "with", "to"})


_ROLE_WORDS = 12


def _role_comma(masked: str, start: int, end: int, stop: re.Match[str] | None) -> int | None:
    """Where the comma after a role named right after the cue is: the first boundary, or
    the first comma when only the words joining a role to its organisation ("for",
    "at", "of") come before it, within a dozen words."""
    while stop is not None and stop.group() in _ROLE_JOINS:
        stop = _AFTER_BOUNDARY.search(masked, stop.end(), end)
    if stop is None or stop.group() != ",":
        return None
    return stop.start() if len(WORD.findall(masked, start, stop.start())) <= _ROLE_WORDS else None


def after_cue(body: str, masked: str, cue: Cue, ctx_end: int, index: MentionIndex) -> Attribution:
    """The speaker named after the cue: "said George Tsereteli, ...", "according to X"."""
    adv = _LEADING_ADVERBIAL.match(masked, cue.end, ctx_end)
    start = adv.end() if adv else cue.end
    pronoun = re.match(r"(he|she|it|they)\b", masked[start:ctx_end])
    if pronoun:
        return pronoun_speaker(body, pronoun.group(1), start, cue, index)
    following = [
        (m, e)
        for m, e in index.within(start, ctx_end)
        if m.span.start >= start and index.kind(e) in SPEAKER_KINDS
    ]
    if following:
        # "according to Troy police Lt. Gerry Scherlinck": a title's full stop ends nothing
        lead = _TITLE_ABBREVIATION.sub(" ", masked[start : following[0][0].span.start])
        if not _AFTER_BOUNDARY.search(lead) and len(WORD.findall(lead)) <= 6:
            return named_attribution(_appositive_person(masked, following), cue)
    stop = _AFTER_BOUNDARY.search(masked, start + 1, ctx_end)
    end = stop.start() if stop else ctx_end
    comma = _role_comma(masked, start, ctx_end, stop)
    if comma is not None:
        # "said the general secretary of Unite, Tony Woodley", "said the senior market
        # strategist for Invesco AIM, Fritz Meyer": the person set after the role
        apposed = [
            (m, e)
            for m, e in index.within(comma, ctx_end)
            if index.kind(e) is EntityKind.PERSON and not masked[comma + 1 : m.span.start].strip()
        ]
        if apposed:
            return named_attribution(apposed[0], cue)
    if stop and stop.group() in ("for", "of", "at") and SPOKESPERSON.search(body, start, end):
        # "said a spokesman for the ministry": the ministry speaks.
        further = _AFTER_BOUNDARY.search(masked, stop.end() + 1, ctx_end)
        end = further.start() if further else ctx_end
    return noun_phrase(body, start, end, cue, index)
