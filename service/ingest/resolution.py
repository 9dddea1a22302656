"""Resolves an article's local entities to entities across the corpus (database side).

The decisions are pure (`service.ingest.resolve`); this module only looks candidates up,
applies the decision, and records why.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.db import entities as entities_db
from service.db.pool import Connection
from service.ingest.model import EntityKind, Extraction, LocalEntity
from service.ingest.names import alias_keys
from service.ingest.resolve import KnownEntity, choose_match, lookup_keys


async def resolve_entities(
    conn: Connection, *, article_id: int, extraction: Extraction
) -> dict[int, int]:
    """Maps each LocalEntity index of the article to a stored entity id."""
    await entities_db.lock_resolution(conn)
    resolved: dict[int, int] = {}
    for local in extraction.entities:
        resolved[local.index] = await _resolve_one(conn, article_id, local)
    return resolved


async def _resolve_one(conn: Connection, article_id: int, local: LocalEntity) -> int:
    rows = await entities_db.find_entities_by_keys(conn, keys=lookup_keys(local))
    candidates = [
        KnownEntity(id=r.id, kind=EntityKind(r.kind), name=r.name, aliases=tuple(r.aliases))
        for r in rows
    ]
    match = choose_match(local, candidates)
    names = [local.name, *local.aliases]
    if match is None:
        entity_id = await entities_db.insert_entity(
            conn, kind=local.kind.value, name=local.name, description=local.description
        )
        decision, reason = "created", "no known entity matches " + repr(local.name)
    else:
        entity_id = match.entity.id
        decision, reason = "merged", match.reason
        if local.description:
            await entities_db.fill_description(
                conn, entity_id=entity_id, description=local.description
            )
    await entities_db.add_aliases(conn, entity_id=entity_id, aliases=names, origin="seen")
    keys = sorted({key for name in names for key in alias_keys(name, local.kind)})
    await entities_db.add_keys(conn, entity_id=entity_id, keys=keys)
    if local.reasons:
        reason += "; in article: " + "; ".join(local.reasons)
    await entities_db.record_resolution(
        conn,
        entity_id=entity_id,
        article_id=article_id,
        local_name=local.name,
        decision=decision,
        reason=reason,
    )
    if match is not None:
        await entities_db.refresh_canonical_name(conn, entity_id=entity_id)
    return entity_id


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
