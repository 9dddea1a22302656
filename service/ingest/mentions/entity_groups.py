"""Local coreference: groups an article's name candidates into its LocalEntity records.

Every grouping decision leaves a one-line reason. A surname joins the full name with
that surname (the nearest one printed before it), never a gendered
form of it (keys of Nazarbayev and Nazarbayeva differ); an acronym joins the long name
it was defined for in the text, or whose initials it spells; spellings with one
``name_key`` and listed variants of one place join.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.added_names import described_person
from service.ingest.mentions.names import (
    EVENT_PREFIX,
    acronym_key,
    event_key,
    initials,
    is_acronym,
    name_key,
)
from service.ingest.mentions.places import place_type
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Span

if TYPE_CHECKING:
    from service.ingest.mentions.candidate import Candidate


@dataclass(slots=True)
class _Group:
    index: int
    kind: EntityKind
    name: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    reasons: list[str] = field(default_factory=list)

    def add_form(self, form: str) -> None:
        if form == self.name or form in self.aliases:
            return
        # The fullest form names the entity: more name parts win ("Toqaev" < full name).
        if not is_acronym(form) and (
            is_acronym(self.name) or len(name_key(form).split()) > len(name_key(self.name).split())
        ):
            self.aliases.insert(0, self.name)
            self.name = form
        else:
            self.aliases.append(form)


def group_mentions(
    body: str, candidates: Sequence[Candidate], known_people: Sequence[str] = ()
) -> tuple[tuple[MentionCandidate, ...], tuple[LocalEntity, ...]]:
    """Mentions with their local entity index, and the local entities in first-seen order.
    ``known_people`` are full names printed before the body (in its standfirst): "Paris
    was born in Switzerland" under "Valeska Paris, an Australian woman, ..." is her."""
    _people_named_by_surname(candidates)
    full_names = _full_person_names(candidates)
    _kinds_settled_by_vote(body, candidates, full_names)
    kin = _surnames_beside_full_names(body, candidates)
    honoured = _sex_by_honorific(body, candidates)
    for name in known_people:
        parts = name_key(name).split()
        if len(parts) > 1:
            full_names.setdefault(parts[-1], []).insert(0, (-1, name))
    long_names = {
        initials(c.name): c.name
        for c in candidates
        if c.kind is EntityKind.ORGANIZATION and not is_acronym(c.name) and len(c.name.split()) > 1
    }
    # An opening line with no full stop: a standfirst left in the body, which names people
    # by surname before the story introduces them ("Tokaev promises continuity ...
    # Kassym-Jomart Tokaev was sworn in").
    opening = body.find("\n\n")
    if opening <= 0 or body[:opening].rstrip().endswith((".", "!", "?", '"', "”")):
        opening = 0  # a paragraph of prose, not a standfirst
    halves = _halves(candidates)
    groups: list[_Group] = []
    by_key: dict[str, _Group] = {}
    by_place: dict[str, _Group] = {}
    assigned: list[_Group] = []
    group_of: dict[int, _Group] = {}
    for cand in candidates:
        key = name_key(cand.name)
        if cand.kind is EntityKind.EVENT and (event := event_key(cand.name)) is not None:
            key = EVENT_PREFIX + event  # "June 9 election" is "the June 9 presidential election"
        group = by_key.get(key)
        reason = None
        kind = cand.kind
        if cand.acronym_of is not None and id(cand.acronym_of) in group_of:
            group = group_of[id(cand.acronym_of)]
            reason = f"acronym {cand.name!r} defined in text for {group.name!r}"
        elif (
            group is None
            and len(key.split()) == 1
            and key in full_names
            and (
                full := _nearest_full_name(
                    _joinable(
                        full_names[key],
                        honorific_sex(body, cand.start) or honoured.get(key),
                        kin.get(key, set()),
                    ),
                    cand.start,
                    0 if key in kin else opening,
                )
            )
            is not None
        ):
            group = _group_named(groups, by_key, EntityKind.PERSON, full)
            kind = EntityKind.PERSON
            reason = f"surname {cand.name!r} of {full!r}"
        elif group is None and cand.name in halves:
            group = _group_named(groups, by_key, EntityKind.PLACE, halves[cand.name])
            kind = EntityKind.PLACE
            reason = f"{cand.name!r} is short for {halves[cand.name]!r}"
        elif group is None and (full := _full_name_of_given(cand, candidates)) is not None:
            group = _group_named(groups, by_key, EntityKind.PERSON, full)
            kind = EntityKind.PERSON
            reason = f"given name {cand.name!r} of {full!r}"
        elif (
            group is None
            and is_acronym(cand.name)
            and acronym_key(cand.name) in long_names
            # "US" is the country, never the initials of the University of Sheffield
            and not (cand.kind is EntityKind.PLACE or gz.place_canonical(cand.name))
        ):
            long = long_names[acronym_key(cand.name)]
            group = _group_named(groups, by_key, EntityKind.ORGANIZATION, long)
            reason = f"acronym {cand.name!r} spells the initials of {long!r}"
        elif group is None and cand.kind is EntityKind.PLACE:
            canonical = gz.place_canonical(cand.name)
            if canonical is not None and canonical in by_place:
                group = by_place[canonical]
                reason = f"{cand.name!r} and {group.name!r} name one place"
        elif group is not None and cand.name != group.name and cand.name not in group.aliases:
            what = (
                "names the same dated event as"
                if key.startswith(EVENT_PREFIX)
                else "is a spelling of"
            )
            reason = f"{cand.name!r} {what} {group.name!r}"
        if group is None:
            group = _new_group(groups, kind, cand.name)
        elif reason is not None and reason not in group.reasons:
            group.reasons.append(reason)
        # A surname that names a place ("Paris" of Valeska Paris) points at her but is
        # kept as none of her names: as an alias it would join her to the city.
        if not (
            group.kind is EntityKind.PERSON
            and " " not in cand.name
            and (cand.kind is EntityKind.PLACE or gz.place_canonical(cand.name))
        ):
            group.add_form(cand.name)
        if group.kind is EntityKind.OTHER and kind is not EntityKind.OTHER:
            group.kind = kind
        if group.description is None and cand.description:
            group.description = cand.description
        by_key.setdefault(key, group)
        if group.kind is EntityKind.PLACE:
            canonical = gz.place_canonical(cand.name)
            if canonical is not None:
                by_place.setdefault(canonical, group)
        assigned.append(group)
        group_of[id(cand)] = group
    for group in groups:
        if _titled_person(group):
            group.kind = EntityKind.PERSON
    # Groups are numbered in order of their first mention.
    order = {id(g): n for n, g in enumerate(sorted(groups, key=lambda g: g.index))}
    mentions = tuple(
        MentionCandidate(
            span=Span(c.start, c.end),
            text=body[c.start : c.end],
            name=c.name,
            kind=g.kind,
            sentence_index=c.sentence_index,
            local_entity=order[id(g)],
        )
        for c, g in zip(candidates, assigned, strict=True)
    )
    entities = tuple(
        LocalEntity(
            index=order[id(g)],
            kind=g.kind,
            name=g.name,
            aliases=tuple(g.aliases),
            description=g.description,
            reasons=tuple(g.reasons),
        )
        for g in sorted(groups, key=lambda g: order[id(g)])
    )
    return mentions, entities


_OPPOSITE = {"North": "South", "South": "North", "East": "West", "West": "East"}


def _halves(candidates: Sequence[Candidate]) -> dict[str, str]:
    """The place each bare compass word stands for where the article names both halves of
    one country or region: "the North" is North Korea and "the South" South Korea beside
    "North Korea" and "South Korea" ("North and South Korea" too); with no such pair a bare
    "the South" or "the West" stays what it was (the American South, the Western powers)."""
    places = {c.name for c in candidates if c.kind is EntityKind.PLACE}
    halves: dict[str, str] = {}
    for name in places:
        first, _, rest = name.partition(" ")
        if first in _OPPOSITE and rest and f"{_OPPOSITE[first]} {rest}" in places:
            halves.setdefault(first, name)
            if halves[first] != name:
                halves[first] = ""  # two pairs ("North Korea", "North Dakota"): neither
    return {word: place for word, place in halves.items() if place}


def _full_name_of_given(cand: Candidate, candidates: Sequence[Candidate]) -> str | None:
    """The one person printed before with a full name that starts with this given name
    alone ("Tara Reid" ... "Tara was 100 percent professional"; "Tim Cook" ... "Tim and
    the team"), else None: none when two people share it ("Chris Webber", "Chris Ford")."""
    if cand.kind is not EntityKind.PERSON or " " in cand.name or not gz.is_given_name(cand.name):
        return None
    key = name_key(cand.name)
    fulls = {
        c.name
        for c in candidates
        if c.kind is EntityKind.PERSON
        and c.start < cand.start
        and len(c.name.split()) > 1
        and name_key(c.name).split()[0] == key
    }
    everyone = {
        name_key(c.name)
        for c in candidates
        if c.kind is EntityKind.PERSON
        and len(c.name.split()) > 1
        and name_key(c.name).split()[0] == key
    }
    return next(iter(fulls)) if len(fulls) == 1 and len(everyone) == 1 else None


def _titled_person(group: _Group) -> bool:
    """An unlisted "organisation" a person's title was printed before ("President Trump")
    whose name is a surname, or a given name and a surname, is that person: the
    recogniser typed its first mention ("Trump, Macron seek common ground") as an
    organisation, and so "he said" could never stand for him."""
    words = group.name.split()
    return (
        group.kind is EntityKind.ORGANIZATION
        and group.description is not None
        and group.description.casefold() in gz.CORE_TITLES
        and (len(words) == 1 or (len(words) == 2 and gz.is_given_name(words[0])))
        and gz.organization_canonical(group.name) is None
    )


def _group_named(
    groups: list[_Group], by_key: dict[str, _Group], kind: EntityKind, name: str
) -> _Group:
    """The group keyed by ``name``, made (of ``kind``) when the article has none yet."""
    group = by_key.get(name_key(name))
    if group is None:
        group = _new_group(groups, kind, name)
        by_key[name_key(name)] = group
    return group


def _new_group(groups: list[_Group], kind: EntityKind, name: str) -> _Group:
    group = _Group(index=len(groups), kind=kind, name=name)
    groups.append(group)
    return group


def _people_named_by_surname(candidates: Sequence[Candidate]) -> None:
    """A two- or three-word "organisation" whose last word the article also uses alone
    for a person is that person ("after Erling Haaland scored ... Haaland told Sky
    Sports"): the recogniser's label for the one form is outvoted by the other. Not a
    listed organisation, nor a name with an organisation's head word ("Morgan Stanley
    Bank")."""
    surnames = {
        name_key(c.name)
        for c in candidates
        if c.kind is EntityKind.PERSON and len(name_key(c.name).split()) == 1
    }
    for cand in candidates:
        words = cand.name.split()
        if (
            cand.kind is EntityKind.ORGANIZATION
            and len(words) in (2, 3)
            and name_key(words[-1]) in surnames
            and all(w[:1].isupper() and w.lower() not in gz.ORG_HEADS for w in words)
            and gz.organization_canonical(cand.name) is None
        ):
            cand.kind = EntityKind.PERSON


def _kinds_settled_by_vote(
    body: str, candidates: Sequence[Candidate], full_names: Mapping[str, object]
) -> None:
    """One name printed several times names one thing, whatever the recogniser read
    each time. A person once titled, given a first name or an age ("President Trump will
    travel ...", "Mr. Trump", "Comeaux, 49,") is a person everywhere ("Trump nixed a
    visit"); a name GeoNames knows, or printed after "in" or "on the", read once as a
    place is that place ("in Millom", "on the South Lawn"). Otherwise the kind most of
    its mentions read wins ("the Colts" twice an organisation, once a person), a person
    only when the name starts with a given name; else the first reading stays. Surnames
    of a full name printed in the article are left to the surname rule; events and
    unknown kinds take no part."""
    by_key: dict[str, list[Candidate]] = {}
    for cand in candidates:
        if cand.kind in _VOTING_KINDS and cand.acronym_of is None:
            by_key.setdefault(name_key(cand.name), []).append(cand)
    for key, same in by_key.items():
        kinds = Counter(c.kind for c in same)
        if len(kinds) < 2 or key in full_names:
            continue
        if any(_surely_person(body, c) for c in same):
            kind = EntityKind.PERSON
        elif any(_surely_place(body, c) for c in same):
            kind = EntityKind.PLACE
        else:
            (top, n), (_, m) = kinds.most_common(2)
            kind = top if n > m and (top is not EntityKind.PERSON or _given(same)) else same[0].kind
        for cand in same:
            cand.kind = kind


def _surely_person(body: str, cand: Candidate) -> bool:
    words = cand.name.split()
    return (
        cand.kind is EntityKind.PERSON
        and words[-1].lower() not in gz.ORG_HEADS
        and (
            bool(cand.description)
            or (len(words) > 1 and gz.is_given_name(words[0]))
            or _HONORIFIC.search(body, max(0, cand.start - 6), cand.start) is not None
            or described_person(body, cand.end)
        )
    )


def _given(same: Sequence[Candidate]) -> bool:
    """Whether the name starts with a given name: only then may a bare majority of
    "person" readings outvote an organisation ("Gloria" yes, "Ryanair" no)."""
    return gz.is_given_name(same[0].name.split()[0])


def _surely_place(body: str, cand: Candidate) -> bool:
    return cand.kind is EntityKind.PLACE and (
        place_type(cand.name) is not None
        or _LOCATIVE_BEFORE.search(body, max(0, cand.start - 8), cand.start) is not None
    )


_VOTING_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE})
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|on the) $")


def _full_person_names(candidates: Sequence[Candidate]) -> dict[str, list[tuple[int, str]]]:
    """Surname key -> (position, full name) of every multi-part person name."""
    found: dict[str, list[tuple[int, str]]] = {}
    for cand in candidates:
        parts = name_key(cand.name).split()
        if cand.kind is EntityKind.PERSON and len(parts) > 1:
            found.setdefault(parts[-1], []).append((cand.start, cand.name))
    return found


def _surnames_beside_full_names(body: str, candidates: Sequence[Candidate]) -> dict[str, set[str]]:
    """Surnames printed alone and joined by "and" to a full name of that surname, with the
    keys of those full names: two people ("President Trump and Melania Trump", "Trump
    and first lady Melania Trump"), so the surname is not that full name's."""
    people = [c for c in candidates if c.kind is not EntityKind.PLACE]
    found: dict[str, set[str]] = {}
    for a, b in pairwise(people):
        keys = (name_key(a.name).split(), name_key(b.name).split())
        if not (keys[0] and keys[1] and keys[0][-1] == keys[1][-1]):
            continue
        if sorted(len(k) for k in keys)[0] != 1 or len(keys[0]) == len(keys[1]):
            continue
        full, bare = (a, b) if len(keys[0]) > 1 else (b, a)
        if body.startswith(("'s", "’s"), bare.end):
            continue  # "Paul Manafort and Manafort's deputy": his deputy, not another Manafort
        if _JOINED_BY_AND.fullmatch(body, a.end, b.start):
            found.setdefault(keys[0][-1], set()).add(name_key(full.name))
    return found


# "and", perhaps with a lower-case title: "and first lady", "and his wife"
_JOINED_BY_AND = re.compile(r"\s+and\s+(?:[a-z][\w-]*\s+){0,3}")


# "Mr. Trump", "Dr. Benjamin": a person's name follows; "Mr." or "Mrs." says which sex
# the surname's bearer is.
_HONORIFIC = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov)\.?\s+$")
_HONORIFIC_SEX = {"Mr": "male", "Mrs": "female", "Ms": "female", "Miss": "female"}


def honorific_sex(body: str, start: int) -> str | None:
    """The sex an honorific printed right before ``start`` gives the name there ("Mr."
    male, "Mrs."/"Ms."/"Miss" female), else None ("Dr.", no honorific)."""
    found = _HONORIFIC.search(body, max(0, start - 6), start)
    return _HONORIFIC_SEX.get(found["title"]) if found is not None else None


def _sex_by_honorific(body: str, candidates: Sequence[Candidate]) -> dict[str, str]:
    """Surname key -> the sex the story's honorifics give it, when they all agree: a
    story that calls its Trump "Mr. Trump" means him by "President Trump" too."""
    sexes: dict[str, set[str]] = {}
    for cand in candidates:
        key = name_key(cand.name)
        if len(key.split()) == 1 and (sex := honorific_sex(body, cand.start)) is not None:
            sexes.setdefault(key, set()).add(sex)
    return {key: found.pop() for key, found in sexes.items() if len(found) == 1}


def _joinable(
    options: list[tuple[int, str]], sex: str | None, partners: set[str]
) -> list[tuple[int, str]]:
    """The full names a surname may join: never one whose given name is only the other
    sex's than its honorific ("Mr. Trump" is not Melania Trump), nor one the story prints
    joined by "and" to the bare surname ("President Trump and Melania Trump": another
    person), unless the honorific fits it ("Mrs. Trump")."""
    found = []
    for at, name in options:
        named = gz.sex_of_given_name(name.split()[0])
        if sex is not None and named is not None and named != sex:
            continue
        if name_key(name) in partners and (sex is None or named != sex):
            continue
        found.append((at, name))
    return found


def _nearest_full_name(
    options: list[tuple[int, str]], position: int, opening: int = 0
) -> str | None:
    """The full name printed last before `position`. A surname printed before any full
    name is someone the reader already knows ("Toqayev got 70.96 percent ... my neighbour
    Aidos Tokayev"), so it does not join a full name introduced later; unless it stands in
    the opening paragraph (before `opening`) and one full name of that surname follows."""
    before = [name for start, name in options if start < position]
    if before:
        return before[-1]
    later = {name_key(name): name for start, name in options if start > position}
    return next(iter(later.values())) if position < opening and len(later) == 1 else None
