"""The whole name the recogniser reads over what the rules cut off a candidate: a
nationality or a direction ("Southern California", "the Korean War"), an organisation's
head after a possessive ("the New People's Party"), a title word ("General Motors"), a
direction opening an event's name ("the Northern Arena Esports Championship")."""

from __future__ import annotations

import re
from dataclasses import replace

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.recognised_names import KINDS
from service.ingest.model import EntityKind

# "'s Party", "'s Front": the head of an organisation named after a possessive, a plural's
# too ("Workers' Party"), and what it is of ("the Worker's Party of Korea").
_POSSESSIVE_HEAD = re.compile(
    r"['’]s?\s+(?:"
    + "|".join(sorted(w.title() for w in gz.ORG_HEADS))
    + r")(?:\s+of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?"
)


# Words of direction that open the names of regions: "Southern California"
_DIRECTIONS = gz.word_set("northern southern eastern western central")


def widened_over_nationality(
    body: str, cand: Candidate, inside: list[tuple[int, int, str]]
) -> Candidate | None:
    """The recogniser's whole name where the rules cut a nationality or a direction off
    it (``inside``: the recognised names the candidate overlaps)."""
    for start, end, label in inside:
        if (
            label in ("ORG", "GPE", "LOC", "FAC", "EVENT")
            and start < cand.start
            and end == cand.end
            and _only_demonyms(body[start : cand.start])
            and _cut_from_name(cand, body[start : cand.start])
        ):
            # the rules cut a nationality or a direction off the name the recogniser
            # reads whole ("Southern California", "the Korean War"): the whole stands
            name = " ".join(body[start:end].split())
            return replace(cand, start=start, name=name, kind=KINDS[label])
    return None


def widened_over_possessive(
    body: str, cand: Candidate, inside: list[tuple[int, int, str]]
) -> Candidate | None:
    """The organisation the recogniser names past the possessive the rules stop at."""
    for start, end, label in inside:
        # "the New People's Party": the rules stop at the possessive, the recogniser
        # names the party; an organisation's head after "'s" belongs to its name
        if (
            label == "ORG"
            and start <= cand.start
            # a place's or one person's party is theirs, not a name: "Putin's Party"
            and cand.kind is not EntityKind.PLACE
            and not (cand.kind is EntityKind.PERSON and " " not in cand.name)
            and _POSSESSIVE_HEAD.fullmatch(body, cand.end, end)
        ):
            name = " ".join(body[cand.start : end].split())
            return replace(cand, end=end, name=name, kind=EntityKind.ORGANIZATION)
    return None


def widened_over_title(
    body: str, cand: Candidate, inside: list[tuple[int, int, str]]
) -> Candidate | None:
    """The recogniser's one name over a title word the rules cut off it."""
    wider = [
        n
        for n in inside
        if n[0] < cand.start
        and cand.end <= n[1]
        and n[2] in ("ORG", "GPE", "LOC", "FAC")
        and _only_titles(body[n[0] : cand.start] + " " + body[cand.end : n[1]])
        and not _office_of(body, cand, n[0])
    ]
    if len(inside) == 1 and wider:
        # The rules cut a title word off an organisation's name ("General Motors"
        # read as General ... Motors): the recogniser's whole name stands.
        start, end, label = wider[0]
        name = " ".join(body[start:end].split())
        return replace(cand, start=start, end=end, name=name, kind=KINDS[label])
    return None


def event_with_direction(
    body: str, cand: Candidate, names: list[tuple[int, int, str]]
) -> Candidate:
    """An event the rules named without the direction word opening it, which the
    recogniser reads into its name: "The Northern Arena Esports Championship ran
    throughout the weekend" is the Northern Arena Esports Championship."""
    for start, end, _ in names:
        before = body[start : cand.start].split()
        if (
            end == cand.end
            and start < cand.start
            and 0 < len(before) <= 2
            and all(w.lower() in _DIRECTIONS for w in before)
        ):
            return replace(cand, start=start, name=" ".join(body[start:end].split()))
    return cand


def _office_of(body: str, cand: Candidate, start: int) -> bool:
    """Whether the words the recogniser reads before a person the rules titled are what
    the title is of: "Secretary of the Interior Dirk Kempthorne" is no organisation
    "Interior Dirk Kempthorne", the rules' title runs over "of the Interior". Not when
    the rules took a title word of a name for a title ("the chief of General Motors"
    read as "Motors" titled "General"): a full name, and no title word cut off."""
    before = body[max(0, start - 8) : start].split()
    cut = [w.lower() for w in body[start : cand.start].split()]
    if cand.kind is not EntityKind.PERSON or cand.description is None or " " not in cand.name:
        return False
    if "of" in cut:
        return cut[0] in gz.CORE_TITLES  # the whole "Secretary of the Interior" read too
    return not any(w in gz.CORE_TITLES for w in cut) and (
        before[-1:] == ["of"] or before[-2:] == ["of", "the"]
    )


def _only_titles(rest: str) -> bool:
    """One or two words, each a title the rules cut off a name ("General")."""
    words = [w.lower() for w in rest.split()]
    return 0 < len(words) <= 2 and all(w in gz.CORE_TITLES | gz.TITLE_MODIFIERS for w in words)


def _only_demonyms(rest: str) -> bool:
    """One or two words the rules cut off a name as a nationality or a direction, which the
    recogniser reads into it: "Southern California", "the Korean War", "the Eastern
    Conference", "British Columbia" (not "British" of "the British FTSE 100", which the
    recogniser leaves out of the index's name)."""
    words = rest.split()
    return 0 < len(words) <= 2 and all(gz.is_demonym(w) for w in words)


def _cut_from_name(cand: Candidate, before: str) -> bool:
    """Whether the nationality or direction before a name is part of it rather than a
    description of it: never before a person ("American Hasim Rahman") or a listed
    organisation ("the Brazilian Bovespa"), nor a nationality before a name complete with
    its head ("the British National Council for Voluntary Organisations"; a direction is
    part of it: "the Central Elections Commission", "the Western Naval Command", also
    where the rules took it for a person's with no given name); before a listed place
    only a direction ("Southern California", not "British London")."""
    if gz.organization_canonical(cand.name) is not None:
        return False
    direction = all(w.lower() in _DIRECTIONS for w in before.split())
    if cand.kind is EntityKind.PERSON:
        # "Western Naval Command" the rules took for a person's name: no given name
        return direction and not gz.is_given_name(cand.name.split()[0])
    if direction and gz.place_canonical(cand.name) is None:
        return True  # "the Central Elections Commission", "the Western Naval Command"
    last = cand.name.split()[-1].lower()
    if last in gz.ORG_HEADS or last.removesuffix("s") in gz.ORG_HEADS:
        return False
    if gz.place_canonical(cand.name) is not None:
        return all(w.lower() in _DIRECTIONS for w in before.split())
    return True
