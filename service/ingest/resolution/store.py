"""Resolves an article's local entities to entities across the corpus (database side).

The decisions are pure (`service.ingest.resolution.resolve`); this module only looks candidates up,
applies the decision, and records why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.db import entities as entities_db
from service.db import extracted as extracted_db
from service.db import versions as versions_db
from service.db.pool import Connection
from service.ingest.mentions.names import alias_keys
from service.ingest.model import EntityKind, Extraction, LocalEntity
from service.ingest.resolution.resolve import KnownEntity, choose_match, lookup_keys


@dataclass(frozen=True, slots=True)
class Resolved:
    """Where an article's local entities went, and what is left to write."""

    ids: dict[int, int]  # LocalEntity index -> entity id
    names: dict[int, str]  # entity id -> canonical name, after this article
    writes: extracted_db.Resolution  # for insert_extracted, with the article's findings
    renamed: list[int]  # stored entities whose canonical name changed


async def resolve_entities(
    conn: Connection, *, article_id: int, extraction: Extraction
) -> Resolved:
    """Maps each LocalEntity index of the article to a stored entity id.

    Decides local entity after local entity, in order, exactly as if each looked its
    candidates up in the database after the previous one was stored, canonical names
    included (they are recomputed here by the rule `entity_name_counts` serves); but looks
    all of them up in one query, and leaves the aliases, keys, log and new names to be
    written with the article's findings. The caller (store_article) holds the ingest lock.
    """
    locals_ = extraction.entities
    lookups = [lookup_keys(local) for local in locals_]
    state = _Resolution(article_id)
    await state.load(conn, list(dict.fromkeys(key for keys in lookups for key in keys)))
    ids: dict[int, int] = {}
    for position, local in enumerate(locals_):
        ids[local.index] = await state.resolve(conn, local, state.candidate_ids(lookups[position]))
    return Resolved(
        ids=ids,
        names={i: state.known[i].name for i in ids.values()},
        writes=state.writes(),
        renamed=[i for i, known in state.known.items() if known.name != known.stored_name],
    )


def name_words(name: str) -> int:
    """Words as the canonical-name rule counts them (the database's `fd_name_words`)."""
    return len(_WORD_BREAK.split(name.strip(" ")))


_WORD_BREAK = re.compile(r"[ \t\n\r\f\v-]+")


@dataclass(slots=True)
class _NameCount:
    words: int
    resolutions: int
    first_resolution: int  # resolution ids; this article's, unknown yet, come after all

    def rank(self) -> tuple[int, int, int]:
        return (-self.words, -self.resolutions, self.first_resolution)


@dataclass(slots=True)
class _Known:
    """What resolution knows of a stored entity: as stored, plus this article's writes."""

    id: int
    kind: EntityKind
    name: str
    aliases: list[str]
    names: dict[str, _NameCount]  # local names it was resolved from, with their counts
    stored_name: str  # its name in the database

    def candidate(self) -> KnownEntity:
        return KnownEntity(id=self.id, kind=self.kind, name=self.name, aliases=tuple(self.aliases))

    def count(self, local_name: str, resolution: int) -> None:
        found = self.names.get(local_name)
        if found is None:
            self.names[local_name] = _NameCount(name_words(local_name), 1, resolution)
        else:
            found.resolutions += 1

    def rename(self) -> None:
        """Names the entity by its fullest local name, the one most articles use among
        those, the earliest used among those. 'Kassym-Jomart Tokayev' (three outlets) wins
        over 'Qasym-Zhomart Toqaev' (two); a surname alone never beats a full name."""
        self.name = min(self.names.items(), key=lambda item: item[1].rank())[0]


def _bare(entity: KnownEntity) -> bool:
    """Known only by one-word names (a surname)."""
    return all(len(name.split()) == 1 for name in (entity.name, *entity.aliases))


# Ids this article's resolutions will get are unknown until stored, but larger than all.
_UNSTORED = 1 << 62


@dataclass(slots=True)
class _Resolution:
    """One article's resolution: known entities by key, and the writes not yet sent."""

    article_id: int
    known: dict[int, _Known] = field(default_factory=dict)
    holders: dict[str, set[int]] = field(default_factory=dict)
    aliases: list[extracted_db.NewAlias] = field(default_factory=list)
    keys: list[extracted_db.NewKey] = field(default_factory=list)
    descriptions: dict[int, str] = field(default_factory=dict)
    log: list[extracted_db.NewResolution] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # entities this article resolved to

    async def load(self, conn: Connection, keys: list[str]) -> None:
        for r in await entities_db.find_entities_with_keys(conn, keys=keys):
            names = {
                n.local_name: _NameCount(n.words, n.resolutions, n.first_resolution_id)
                for n in r.names
            }
            self.known[r.id] = _Known(
                r.id, EntityKind(r.kind), r.name, list(r.aliases), names, r.name
            )
            for key in r.keys:
                self.holders.setdefault(key, set()).add(r.id)

    def candidate_ids(self, keys: tuple[str, ...]) -> list[int]:
        return sorted({i for key in keys for i in self.holders.get(key, ())})

    async def resolve(self, conn: Connection, local: LocalEntity, ids: list[int]) -> int:
        candidates = [self.known[i].candidate() for i in ids]
        if local.kind is EntityKind.PERSON:
            # This article already decided its bare surname is someone else: the article
            # grouped "Mohamed" apart from "Mohamed El-Hassan Mohamed", so the full name
            # does not complete it.
            candidates = [c for c in candidates if not (c.id in self.taken and _bare(c))]
        match = choose_match(local, candidates)
        names = [local.name, *local.aliases]
        if match is None:
            entity_id = await entities_db.insert_entity(
                conn, kind=local.kind.value, name=local.name, description=local.description
            )
            self.known[entity_id] = _Known(entity_id, local.kind, local.name, [], {}, local.name)
            decision, reason = "created", "no known entity matches " + repr(local.name)
        else:
            entity_id = match.entity.id
            decision, reason = "merged", match.reason
            if local.description:
                self.descriptions.setdefault(entity_id, local.description)
        self.taken.add(entity_id)
        known = self.known[entity_id]
        known.count(local.name, _UNSTORED + len(self.log))
        if decision == "merged":
            known.rename()
        # Only what the entity does not hold yet is written (it holds every alias loaded,
        # and every key among those looked up, which include all of these).
        for name in names:
            if name not in known.aliases:
                known.aliases.append(name)
                self.aliases.append(extracted_db.NewAlias(entity_id, name))
        for key in sorted({key for name in names for key in alias_keys(name, local.kind)}):
            holders = self.holders.setdefault(key, set())
            if entity_id not in holders:
                holders.add(entity_id)
                self.keys.append(extracted_db.NewKey(entity_id, key))
        if local.reasons:
            reason += "; in article: " + "; ".join(local.reasons)
        self.log.append(extracted_db.NewResolution(entity_id, local.name, decision, reason))
        return entity_id

    def writes(self) -> extracted_db.Resolution:
        """The writes, in the order the one-by-one resolution made them."""
        return extracted_db.Resolution(
            aliases=self.aliases,
            keys=self.keys,
            log=self.log,
            changes=[
                extracted_db.EntityChange(
                    entity_id,
                    name=known.name if known.name != known.stored_name else None,
                    description=self.descriptions.get(entity_id),
                )
                for entity_id, known in self.known.items()
                if known.name != known.stored_name or entity_id in self.descriptions
            ],
        )


@dataclass(frozen=True, slots=True)
class CuratedEntity:
    name: str
    kind: EntityKind
    aliases: tuple[str, ...]


async def apply_curated_aliases(conn: Connection, entries: list[CuratedEntity]) -> None:
    """Adds curated names to the entity they name, creating it when unknown. Idempotent."""
    await entities_db.lock_resolution(conn)
    for entry in entries:
        names = [entry.name, *entry.aliases]
        keys = sorted({key for name in names for key in alias_keys(name, entry.kind)})
        found = await entities_db.find_entities_by_keys(conn, keys=keys)
        same_kind = [r for r in found if r.kind == entry.kind.value]
        if same_kind:
            entity_id = same_kind[0].id
        else:
            entity_id = await entities_db.insert_entity(
                conn, kind=entry.kind.value, name=entry.name, description=None
            )
        await entities_db.add_aliases(conn, entity_id=entity_id, aliases=names, origin="curated")
        await entities_db.add_keys(conn, entity_id=entity_id, keys=keys)
    await versions_db.bump_data_version(conn)
