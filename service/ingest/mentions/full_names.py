"""Which full name a surname or a given name printed alone joins: the one printed last
before it ("Toqaev" after "Kassym-Jomart Toqaev"), never one of the other sex than its
honorific ("Mr. Hale" is no Margaret Hale), nor one printed joined to it by "and"
("Trump and first lady Melania Trump": two people); a given name alone joins the one
person of that given name ("Tara Reid" ... "Tara")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.names import name_key
from service.ingest.model import EntityKind


def full_person_names(candidates: Sequence[Candidate]) -> dict[str, list[tuple[int, str]]]:
    """Surname key -> (position, full name) of every multi-part person name."""
    found: dict[str, list[tuple[int, str]]] = {}
    for cand in candidates:
        parts = name_key(cand.name).split()
        if cand.kind is EntityKind.PERSON and len(parts) > 1:
            found.setdefault(parts[-1], []).append((cand.start, cand.name))
    return found


def surnames_beside_full_names(body: str, candidates: Sequence[Candidate]) -> dict[str, set[str]]:
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


def joinable(
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


def nearest_full_name(
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


def full_name_of_given(cand: Candidate, candidates: Sequence[Candidate]) -> str | None:
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


def person_key(key: str) -> str:
    """The ``name_key`` of a person's name without a leading initial before the name they
    go by, nor a "Sr" after it: "W. Mark Felt Sr", "W. Mark Felt" and "Mark Felt" are one
    man ("mark felt"). A "Jr" stays: "Mark Felt Jr" is his son; an initial before a
    surname alone stays too ("J. Smith" is no given name and surname)."""
    parts = key.split()
    if len(parts) > 2 and parts[-1] == "sr":
        parts = parts[:-1]
    if len(parts) > 2 and len(parts[0]) == 1:
        parts = parts[1:]
    return " ".join(parts)
