"""Decides whether an article's local entity is an entity already known (pure, no I/O).

The pipeline looks up known entities by ``lookup_keys(local)`` and asks
``choose_match``. Merges are conservative: a full name merges when its key equals a
known full name's key; a surname alone merges only with the one known person of that
surname; an acronym merges with the organisation that carries it; a listed variant
of a place ('Nur-Sultan' / 'Astana') merges with that place. Differing first names and
gendered surname forms never merge. Every match says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.names import (
    ACRONYM_PREFIX,
    INITIALS_PREFIX,
    SURNAME_PREFIX,
    acronym_key,
    alias_keys,
    initials,
    is_acronym,
    name_key,
)
from service.ingest.model import EntityKind, LocalEntity


@dataclass(frozen=True, slots=True)
class KnownEntity:
    id: int
    kind: EntityKind
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Match:
    entity: KnownEntity
    reason: str


_ORG_LIKE = (EntityKind.ORGANIZATION, EntityKind.OTHER)


def lookup_keys(entity: LocalEntity) -> tuple[str, ...]:
    """Keys to query the alias-key index with: those of every form, plus listed variants."""
    forms = (entity.name, *entity.aliases)
    keys = [key for form in forms for key in alias_keys(form, entity.kind)]
    for form in forms:
        if entity.kind in _ORG_LIKE and is_acronym(form):
            keys.append(INITIALS_PREFIX + acronym_key(form))
        if entity.kind in _ORG_LIKE and not is_acronym(form) and len(form.split()) > 1:
            keys.append(ACRONYM_PREFIX + initials(form))
        canonical = _listed(form, entity.kind)
        if canonical is not None:
            keys.append(name_key(canonical))
    return tuple(dict.fromkeys(keys))


def choose_match(entity: LocalEntity, candidates: Sequence[KnownEntity]) -> Match | None:
    """The known entity ``entity`` is, with a reason; None when no safe match exists."""
    if entity.kind is EntityKind.PERSON:
        return _choose_person(entity, [c for c in candidates if c.kind is EntityKind.PERSON])
    if entity.kind in _ORG_LIKE:
        return _choose_organization(entity, [c for c in candidates if c.kind in _ORG_LIKE])
    same_kind = [c for c in candidates if c.kind is entity.kind]
    return _choose_by_name(entity, same_kind) or _choose_listed(entity, same_kind)


def _choose_person(entity: LocalEntity, candidates: list[KnownEntity]) -> Match | None:
    local_full = _full_names((entity.name, *entity.aliases))
    if local_full:
        exact = []
        for cand in candidates:
            known_full = _full_names((cand.name, *cand.aliases))
            common = [(a, b) for a in local_full for b in known_full if _key(a) == _key(b)]
            if common:
                exact.append((cand, common[0]))
        if exact:
            cand, (local, known) = min(exact, key=lambda pair: pair[0].id)
            return Match(cand, f"same name up to transliteration: {local!r} ~ {known!r}")
        # A known person seen only by surname: the full name completes it when that
        # surname belongs to exactly one known person and no first name contradicts it.
        surnames = {_surname(n) for n in local_full}
        by_surname = [c for c in candidates if _surnames(c) & surnames]
        if len(by_surname) == 1 and not _full_names((by_surname[0].name, *by_surname[0].aliases)):
            cand = by_surname[0]
            return Match(
                cand,
                f"full name {entity.name!r} completes {cand.name!r}, the only known "
                "person with that surname",
            )
        initial = [c for c in by_surname if _initial_fits(local_full, c)]
        if len(initial) == 1:
            return Match(
                initial[0], f"initial and surname of {entity.name!r} fit {initial[0].name!r}"
            )
        middle = [c for c in by_surname if _middle_names_fit(local_full, c)]
        if len(middle) == 1:
            return Match(
                middle[0],
                f"{entity.name!r} and {middle[0].name!r} differ only by a middle name",
            )
        return None
    surname = _key(entity.name).split()[-1] if _key(entity.name) else ""
    holders = [c for c in candidates if surname in _surnames(c)]
    if len(holders) == 1:
        return Match(
            holders[0],
            f"surname-only {entity.name!r} fits the only known person with that surname, "
            f"{holders[0].name!r}",
        )
    # Several people share the surname: the bare surname is its own (ambiguous) entity,
    # and one such entity, not a new one per article: each new one would make the next
    # bare mention more ambiguous still.
    bare = [c for c in holders if not _full_names((c.name, *c.aliases))]
    if bare:
        first_bare = min(bare, key=lambda c: c.id)
        return Match(
            first_bare,
            f"surname-only {entity.name!r} is ambiguous between known people; it joins the "
            f"surname-only entity {first_bare.name!r} seen before",
        )
    return None  # no holder, or several with full names: a new entity is safer


def _choose_organization(entity: LocalEntity, candidates: list[KnownEntity]) -> Match | None:
    same_kind = [c for c in candidates if c.kind is entity.kind]
    by_name = _choose_by_name(entity, same_kind) or _choose_listed(entity, candidates)
    if by_name is not None:
        return by_name
    local_acronyms, local_initials = _acronyms_and_initials((entity.name, *entity.aliases))
    holders = [c for c in candidates if _acronyms_and_initials(_forms(c))[0] & local_acronyms]
    if len(holders) == 1:
        acronym = sorted(_acronyms_and_initials(_forms(holders[0]))[0] & local_acronyms)[0]
        return Match(
            holders[0], f"acronym {acronym.upper()!r} is a known alias of {holders[0].name!r}"
        )
    if holders:
        # One acronym, several organisations: ambiguous. Mentions that say no more than the
        # acronym are kept together on the first such entity, not a new one each time
        # (each new one was another holder, and the acronym could never resolve again).
        bare = [c for c in holders if all(is_acronym(f) for f in _forms(c))]
        if not bare:
            return None
        kept = min(bare, key=lambda c: c.id)
        return Match(
            kept,
            f"acronym {entity.name!r} is shared by {len(holders)} organisations; kept with "
            "the earlier mentions that give only the acronym",
        )
    # An acronym never defined against its long name may still spell one's initials. A
    # long name only joins a bare acronym nobody has spelt out ("Grand Mosque" is never
    # the "GM" of General Motors).
    # Two letters spell too many names ("GM": General Motors, the Grand Mosque) to be
    # read from initials alone.
    fits = []
    spelt = {a for a in local_acronyms if len(a) > 2}
    for cand in candidates:
        acronyms, initial_sets = _acronyms_and_initials(_forms(cand))
        only_acronyms = all(is_acronym(f) for f in _forms(cand))
        long_acronyms = {a for a in acronyms if len(a) > 2}
        if (spelt & initial_sets) or (only_acronyms and local_initials & long_acronyms):
            fits.append(cand)
    if len(fits) == 1:
        return Match(fits[0], f"acronym and initials agree: {entity.name!r} ~ {fits[0].name!r}")
    return None


def _choose_by_name(entity: LocalEntity, candidates: list[KnownEntity]) -> Match | None:
    """Equal keys of written-out names. Acronyms are left to the acronym rule, which
    refuses to pick between several organisations sharing one."""
    local = {_key(f): f for f in (entity.name, *entity.aliases) if _key(f) and not is_acronym(f)}
    for cand in sorted(candidates, key=lambda c: c.id):
        for form in (cand.name, *cand.aliases):
            if not is_acronym(form) and _key(form) in local:
                return Match(cand, f"same name up to spelling: {local[_key(form)]!r} ~ {form!r}")
    return None


def _choose_listed(entity: LocalEntity, candidates: list[KnownEntity]) -> Match | None:
    """'Nur-Sultan' and 'Astana', 'AFP' and 'Agence France-Presse': one listed entity."""
    local = {_listed(f, entity.kind) for f in (entity.name, *entity.aliases)} - {None}
    for cand in sorted(candidates, key=lambda c: c.id):
        for form in (cand.name, *cand.aliases):
            listed = _listed(form, cand.kind)
            if listed is not None and listed in local:
                return Match(cand, f"{entity.name!r} and {form!r} are listed names of {listed!r}")
    return None


def _listed(name: str, kind: EntityKind) -> str | None:
    if kind is EntityKind.PLACE:
        return gz.place_canonical(name)
    if kind in _ORG_LIKE:
        return gz.organization_canonical(name)
    return None


def _key(name: str) -> str:
    return name_key(name)


def _full_names(forms: Sequence[str]) -> list[str]:
    return [f for f in forms if len(_key(f).split()) > 1]


def _surname(name: str) -> str:
    return _key(name).split()[-1]


def _surnames(entity: KnownEntity) -> set[str]:
    return {
        key.removeprefix(SURNAME_PREFIX)
        for form in (entity.name, *entity.aliases)
        for key in alias_keys(form, EntityKind.PERSON)
        if key.startswith(SURNAME_PREFIX)
    }


def _forms(entity: KnownEntity) -> tuple[str, ...]:
    return (entity.name, *entity.aliases)


def _acronyms_and_initials(forms: Sequence[str]) -> tuple[set[str], set[str]]:
    """Acronyms among the forms ('osce'), and initials of the long forms ('osce')."""
    acronyms = {acronym_key(f) for f in forms if is_acronym(f)}
    long_initials = {initials(f) for f in forms if not is_acronym(f) and len(f.split()) > 1}
    return acronyms, long_initials


def _initial_fits(local_full: list[str], known: KnownEntity) -> bool:
    """'G. Tsereteli' fits 'George Tsereteli': one side gives only the first initial."""
    for local in local_full:
        first = _key(local).split()[0]
        for form in _full_names((known.name, *known.aliases)):
            other = _key(form).split()[0]
            if _surname(form) != _surname(local):
                continue
            if (len(first) == 1 or len(other) == 1) and first[0] == other[0]:
                return True
    return False


def _middle_names_fit(local_full: list[str], known: KnownEntity) -> bool:
    """'Robyn Mendes' fits 'Robyn Norma Mendes': the same first name and surname, one
    form adding middle names the other leaves out (it never drops or changes a word the
    other has: 'John A. Smith' and 'John B. Smith' stay apart)."""
    for local in local_full:
        mine = _key(local).split()
        for form in _full_names((known.name, *known.aliases)):
            theirs = _key(form).split()
            if len(mine) == len(theirs) or mine[0] != theirs[0] or mine[-1] != theirs[-1]:
                continue
            short, long = sorted((mine, theirs), key=len)
            rest = iter(long)
            if all(word in rest for word in short):
                return True
    return False
