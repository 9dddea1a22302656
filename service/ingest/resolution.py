"""Resolves an article's local entities to entities across the corpus (database side).

The decisions are pure (`service.ingest.resolve`); this module only looks candidates up,
applies the decision, and records why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from service.db import entities as entities_db
from service.db import versions as versions_db
from service.db.pool import Connection
from service.ingest.model import EntityKind, Extraction, LocalEntity
from service.ingest.names import alias_keys
from service.ingest.resolve import KnownEntity, choose_match, lookup_keys


async def resolve_entities(
    conn: Connection, *, article_id: int, extraction: Extraction
) -> dict[int, int]:
    """Maps each LocalEntity index of the article to a stored entity id.

    Decides local entity after local entity, in order, exactly as if each looked its
    candidates up in the database after the previous one was stored; but looks all of
    them up in one query and writes the aliases, keys and log in a few statements at the
    end. When a later local entity's candidates include one an earlier one merged into
    (whose canonical name the database recomputes), the pending writes are flushed and
    the candidates read again. The caller (store_article) holds the ingest lock.
    """
    locals_ = extraction.entities
    lookups = [lookup_keys(local) for local in locals_]
    state = _Resolution(article_id)
    await state.load(conn, [key for keys in lookups for key in keys])
    resolved: dict[int, int] = {}
    for position, local in enumerate(locals_):
        ids = state.candidate_ids(lookups[position])
        if ids & state.renamed:
            await state.flush(conn)
            await state.load(conn, [key for keys in lookups[position:] for key in keys])
            ids = state.candidate_ids(lookups[position])
        resolved[local.index] = await state.resolve(conn, local, sorted(ids))
    await state.flush(conn)
    return resolved


@dataclass(slots=True)
class _Known:
    """What resolution knows of a stored entity: as stored, plus this article's writes."""

    id: int
    kind: EntityKind
    name: str
    aliases: list[str]

    def candidate(self) -> KnownEntity:
        return KnownEntity(id=self.id, kind=self.kind, name=self.name, aliases=tuple(self.aliases))


@dataclass(slots=True)
class _Resolution:
    """One article's resolution: known entities by key, and the writes not yet sent."""

    article_id: int
    known: dict[int, _Known] = field(default_factory=dict)
    holders: dict[str, set[int]] = field(default_factory=dict)
    # Entities merged into since the last flush: their canonical name is recomputed from
    # the resolution log when it is stored; `known` holds everything else exactly.
    renamed: set[int] = field(default_factory=set)
    aliases: list[tuple[int, str]] = field(default_factory=list)
    keys: list[tuple[int, str]] = field(default_factory=list)
    descriptions: dict[int, str] = field(default_factory=dict)
    log: list[entities_db.NewResolution] = field(default_factory=list)
    merged: list[int] = field(default_factory=list)

    async def load(self, conn: Connection, keys: list[str]) -> None:
        self.known.clear()
        self.holders.clear()
        rows = await entities_db.find_entities_with_keys(conn, keys=list(dict.fromkeys(keys)))
        for r in rows:
            self.known[r.id] = _Known(r.id, EntityKind(r.kind), r.name, list(r.aliases))
            for key in r.keys:
                self.holders.setdefault(key, set()).add(r.id)

    def candidate_ids(self, keys: tuple[str, ...]) -> set[int]:
        return {i for key in keys for i in self.holders.get(key, ())}

    async def resolve(self, conn: Connection, local: LocalEntity, ids: list[int]) -> int:
        match = choose_match(local, [self.known[i].candidate() for i in ids])
        names = [local.name, *local.aliases]
        if match is None:
            entity_id = await entities_db.insert_entity(
                conn, kind=local.kind.value, name=local.name, description=local.description
            )
            self.known[entity_id] = _Known(entity_id, local.kind, local.name, [])
            decision, reason = "created", "no known entity matches " + repr(local.name)
        else:
            entity_id = match.entity.id
            decision, reason = "merged", match.reason
            if local.description:
                self.descriptions.setdefault(entity_id, local.description)
            if entity_id not in self.renamed:
                self.merged.append(entity_id)
                self.renamed.add(entity_id)
        known = self.known[entity_id]
        for name in names:
            self.aliases.append((entity_id, name))
            if name not in known.aliases:
                known.aliases.append(name)
        for key in sorted({key for name in names for key in alias_keys(name, local.kind)}):
            self.keys.append((entity_id, key))
            self.holders.setdefault(key, set()).add(entity_id)
        if local.reasons:
            reason += "; in article: " + "; ".join(local.reasons)
        self.log.append(entities_db.NewResolution(entity_id, local.name, decision, reason))
        return entity_id

    async def flush(self, conn: Connection) -> None:
        """Stores the pending writes, in the order the one-by-one resolution made them."""
        if self.aliases:
            await entities_db.add_aliases_of_entities(conn, aliases=self.aliases, origin="seen")
        if self.keys:
            await entities_db.add_keys_of_entities(conn, keys=self.keys)
        if self.descriptions:
            await entities_db.fill_descriptions(conn, descriptions=self.descriptions)
        if self.log:
            await entities_db.record_resolutions(
                conn, article_id=self.article_id, resolutions=self.log
            )
        if self.merged:
            # The name after the last merge of each entity is the name a refresh after
            # every merge would have left, since each refresh reads the whole log.
            await entities_db.refresh_canonical_names(conn, entity_ids=self.merged)
        self.aliases, self.keys, self.log, self.merged = [], [], [], []
        self.descriptions = {}
        self.renamed = set()


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
