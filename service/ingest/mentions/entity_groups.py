"""Local coreference: groups an article's name candidates into its LocalEntity records.

Every grouping decision leaves a one-line reason. A surname joins the full name with
that surname (the nearest one printed before it), never a gendered
form of it (keys of Nazarbayev and Nazarbayeva differ); an acronym joins the long name
it was defined for in the text, or whose initials it spells; spellings with one
``name_key`` and listed variants of one place join.

Before grouping, the kinds of names are settled over all their mentions
(``settled_kinds.py``); which full name a surname or a given name alone joins is in
``full_names.py``, the sex an honorific gives a name in ``honorifics.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.full_names import (
    full_name_of_given,
    full_person_names,
    joinable,
    nearest_full_name,
    person_key,
    surnames_beside_full_names,
)
from service.ingest.mentions.honorifics import honorific_sex, sex_by_honorific
from service.ingest.mentions.names import (
    EVENT_PREFIX,
    acronym_key,
    event_key,
    initials,
    is_acronym,
    name_key,
)
from service.ingest.mentions.settled_kinds import (
    awards_as_things,
    buildings_as_places,
    kinds_settled_by_vote,
    located_people_as_places,
    people_named_by_surname,
    people_named_for_days,
    ships_as_things,
)
from service.ingest.mentions.short_names import organisations_named_short
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
    ships = ships_as_things(body, candidates)
    awards_as_things(candidates)
    buildings_as_places(candidates)
    people_named_for_days(candidates)
    located_people_as_places(body, candidates)
    people_named_by_surname(body, candidates)
    full_names = full_person_names(candidates)
    kinds_settled_by_vote(body, candidates, full_names)
    kin = surnames_beside_full_names(body, candidates)
    honoured = sex_by_honorific(body, candidates)
    for name in known_people:
        parts = name_key(name).split()
        if len(parts) > 1:
            full_names.setdefault(parts[-1], []).insert(0, (-1, name))
    long_names = _long_names(candidates)
    opening = _standfirst_end(body)
    halves = _halves(candidates)
    short = organisations_named_short(candidates)
    groups: list[_Group] = []
    by_key: dict[str, _Group] = {}
    by_place: dict[str, _Group] = {}
    assigned: list[_Group] = []
    group_of: dict[int, _Group] = {}
    for cand in candidates:
        key = name_key(cand.name)
        if cand.kind is EntityKind.EVENT and (event := event_key(cand.name)) is not None:
            key = EVENT_PREFIX + event  # "June 9 election" is "the June 9 presidential election"
        if cand.kind is EntityKind.OTHER and cand.name in ships:
            key = name_key(ships[cand.name])  # "the Mysore" is INS Mysore, not the town
        if cand.kind is EntityKind.PERSON:
            key = person_key(key)  # "W. Mark Felt Sr" is "Mark Felt"
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
                full := nearest_full_name(
                    joinable(
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
        elif group is None and cand.name in short:
            group = _group_named(groups, by_key, EntityKind.ORGANIZATION, short[cand.name])
            kind = EntityKind.ORGANIZATION
            reason = f"{cand.name!r} is short for the organisation {short[cand.name]!r}"
        elif group is None and (full := full_name_of_given(cand, candidates)) is not None:
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
    return _numbered(body, candidates, assigned, groups)


def _long_names(candidates: Sequence[Candidate]) -> dict[str, str]:
    """The initials of each organisation's name of several words, to the name: what an
    acronym printed without its definition may spell."""
    return {
        initials(c.name): c.name
        for c in candidates
        if c.kind is EntityKind.ORGANIZATION and not is_acronym(c.name) and len(c.name.split()) > 1
    }


def _standfirst_end(body: str) -> int:
    """Where a standfirst left in the body ends, else 0."""
    # An opening line with no full stop: a standfirst left in the body, which names people
    # by surname before the story introduces them ("Tokaev promises continuity ...
    # Kassym-Jomart Tokaev was sworn in").
    opening = body.find("\n\n")
    if opening <= 0 or body[:opening].rstrip().endswith((".", "!", "?", '"', "”")):
        opening = 0  # a paragraph of prose, not a standfirst
    return opening


def _numbered(
    body: str, candidates: Sequence[Candidate], assigned: list[_Group], groups: list[_Group]
) -> tuple[tuple[MentionCandidate, ...], tuple[LocalEntity, ...]]:
    """The mentions with their entity's number, and the entities, numbered in the order
    of their first mention."""
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
    key = person_key(name_key(name)) if kind is EntityKind.PERSON else name_key(name)
    group = by_key.get(key)
    if group is None:
        group = _new_group(groups, kind, name)
        by_key[key] = group
    return group


def _new_group(groups: list[_Group], kind: EntityKind, name: str) -> _Group:
    group = _Group(index=len(groups), kind=kind, name=name)
    groups.append(group)
    return group
