"""SQL for entities, their aliases, resolution keys, resolution log and mentions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.db.paging import IdPage, page_by_id, page_by_id_per_parent
from service.db.pool import Connection
from service.db.rows import EntityRow, MentionRow

# Only one ingest at a time resolves entities: two articles naming the same new person
# must not both create it. Extraction runs before, outside the lock.
RESOLUTION_LOCK = 7_204_119_001


@dataclass(frozen=True, slots=True)
class KnownEntityRow:
    id: int
    kind: str
    name: str
    aliases: list[str]


@dataclass(frozen=True, slots=True)
class NewMention:
    entity_id: int
    start: int
    end: int
    text: str
    sentence_index: int


async def lock_resolution(conn: Connection) -> None:
    await conn.execute("SELECT pg_advisory_xact_lock($1)", RESOLUTION_LOCK)


async def find_entities_by_keys(conn: Connection, *, keys: Sequence[str]) -> list[KnownEntityRow]:
    rows = await conn.fetch(
        """
        SELECT e.id, e.kind, e.name,
               ARRAY(SELECT a.alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY a.id)
                   AS aliases
        FROM entities e
        WHERE e.id IN (SELECT k.entity_id FROM entity_keys k WHERE k.key = ANY($1::text[]))
        ORDER BY e.id
        """,
        list(keys),
    )
    return [KnownEntityRow(r["id"], r["kind"], r["name"], list(r["aliases"])) for r in rows]


async def insert_entity(conn: Connection, *, kind: str, name: str, description: str | None) -> int:
    value = await conn.fetchval(
        "INSERT INTO entities (kind, name, description) VALUES ($1, $2, $3) RETURNING id",
        kind,
        name,
        description,
    )
    return int(value)


async def fill_description(conn: Connection, *, entity_id: int, description: str) -> None:
    await conn.execute(
        "UPDATE entities SET description = $2 WHERE id = $1 AND description IS NULL",
        entity_id,
        description,
    )


async def add_aliases(
    conn: Connection, *, entity_id: int, aliases: Sequence[str], origin: str
) -> None:
    await conn.execute(
        """
        INSERT INTO entity_aliases (entity_id, alias, origin)
        SELECT $1, alias, $3 FROM unnest($2::text[]) AS alias
        ON CONFLICT ON CONSTRAINT entity_aliases_entity_alias_unique DO NOTHING
        """,
        entity_id,
        list(aliases),
        origin,
    )


async def add_keys(conn: Connection, *, entity_id: int, keys: Sequence[str]) -> None:
    await conn.execute(
        """
        INSERT INTO entity_keys (entity_id, key) SELECT $1, key FROM unnest($2::text[]) AS key
        ON CONFLICT ON CONSTRAINT entity_keys_pkey DO NOTHING
        """,
        entity_id,
        list(keys),
    )


async def record_resolution(
    conn: Connection,
    *,
    entity_id: int,
    article_id: int,
    local_name: str,
    decision: str,
    reason: str,
) -> None:
    await conn.execute(
        """
        INSERT INTO entity_resolutions (entity_id, article_id, local_name, decision, reason)
        VALUES ($1, $2, $3, $4, $5)
        """,
        entity_id,
        article_id,
        local_name,
        decision,
        reason,
    )


async def insert_mentions(
    conn: Connection, *, article_id: int, mentions: Sequence[NewMention]
) -> None:
    await conn.execute(
        """
        INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text, sentence_index)
        SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::int[], $5::text[], $6::int[])
        """,
        article_id,
        [m.entity_id for m in mentions],
        [m.start for m in mentions],
        [m.end for m in mentions],
        [m.text for m in mentions],
        [m.sentence_index for m in mentions],
    )


async def list_entities_by_ids(conn: Connection, *, ids: Sequence[int]) -> list[EntityRow]:
    rows = await conn.fetch(
        "SELECT id, kind, name, description FROM entities WHERE id = ANY($1::bigint[])", list(ids)
    )
    return EntityRow.from_records(rows)


async def list_aliases_for_entities(
    conn: Connection, *, ids: Sequence[int]
) -> dict[int, list[str]]:
    rows = await conn.fetch(
        """
        SELECT a.entity_id, a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id
        WHERE a.entity_id = ANY($1::bigint[]) AND a.alias <> e.name ORDER BY a.id
        """,
        list(ids),
    )
    found: dict[int, list[str]] = {i: [] for i in ids}
    for r in rows:
        found[int(r["entity_id"])].append(r["alias"])
    return found


async def find_entity_ids_by_keys_or_alias(
    conn: Connection, *, keys: Sequence[str], folded: str
) -> list[int]:
    """Entities known by one of `keys` or an alias equal to `folded` (accents and case off)."""
    rows = await conn.fetch(
        """
        SELECT e.id, count(m.id) AS mentions FROM entities e
        LEFT JOIN mentions m ON m.entity_id = e.id
        WHERE e.id IN (SELECT entity_id FROM entity_keys WHERE key = ANY($1::text[]))
           OR e.id IN (SELECT entity_id FROM entity_aliases WHERE fd_fold(alias) = fd_fold($2))
        GROUP BY e.id ORDER BY mentions DESC, e.id
        """,
        list(keys),
        folded,
    )
    return [int(r["id"]) for r in rows]


def _entity_where(kind: str | None, keys: Sequence[str] | None, search: str | None) -> str:
    clauses = ["($3::text IS NULL OR t.kind = $3)"]
    if search is not None:
        clauses.append(
            """(t.id IN (SELECT entity_id FROM entity_keys WHERE key = ANY($4::text[]))
            OR t.id IN (SELECT entity_id FROM entity_aliases
                        WHERE fd_fold(alias) % fd_fold($5) OR fd_fold(alias) LIKE
                              '%' || fd_fold($5) || '%'))"""
        )
    return " AND ".join(clauses)


async def page_entities(
    conn: Connection,
    *,
    kind: str | None,
    search: str | None,
    search_keys: Sequence[str],
    first: int,
    after: int | None,
) -> IdPage:
    args: list[object] = [kind]
    if search is not None:
        args += [list(search_keys), search]
    return await page_by_id(
        conn,
        source="entities t",
        where=_entity_where(kind, search_keys, search),
        args=args,
        first=first,
        after=after,
    )


async def list_mentions_for_articles(
    conn: Connection, *, article_ids: Sequence[int]
) -> list[MentionRow]:
    rows = await conn.fetch(
        """
        SELECT id, article_id, entity_id, start_offset, end_offset, text FROM mentions
        WHERE article_id = ANY($1::bigint[]) ORDER BY article_id, start_offset
        """,
        list(article_ids),
    )
    return MentionRow.from_records(rows)


async def list_mentions_by_ids(conn: Connection, *, ids: Sequence[int]) -> list[MentionRow]:
    rows = await conn.fetch(
        """
        SELECT id, article_id, entity_id, start_offset, end_offset, text FROM mentions
        WHERE id = ANY($1::bigint[])
        """,
        list(ids),
    )
    return MentionRow.from_records(rows)


async def page_mentions_per_entity(
    conn: Connection, *, entity_ids: Sequence[int], first: int, after: int | None
) -> dict[int, IdPage]:
    return await page_by_id_per_parent(
        conn,
        source="mentions t",
        link="t.entity_id = p.id",
        parent_ids=entity_ids,
        first=first,
        after=after,
    )


async def list_entity_ids_for_articles(
    conn: Connection, *, article_ids: Sequence[int]
) -> dict[int, list[int]]:
    rows = await conn.fetch(
        """
        SELECT article_id, entity_id, min(start_offset) AS first_at FROM mentions
        WHERE article_id = ANY($1::bigint[]) GROUP BY article_id, entity_id
        ORDER BY article_id, first_at
        """,
        list(article_ids),
    )
    found: dict[int, list[int]] = {i: [] for i in article_ids}
    for r in rows:
        found[int(r["article_id"])].append(int(r["entity_id"]))
    return found


async def count_entities(conn: Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM entities"))


async def refresh_canonical_name(conn: Connection, *, entity_id: int) -> None:
    """Name the entity by its fullest form, the one most articles use among those.

    'Kassym-Jomart Tokayev' (three outlets) wins over 'Qasym-Zhomart Toqaev' (two); a
    surname alone never beats a full name.
    """
    await conn.execute(
        """
        UPDATE entities e SET name = best.local_name
        FROM (
            SELECT local_name FROM entity_resolutions WHERE entity_id = $1
            GROUP BY local_name
            ORDER BY cardinality(regexp_split_to_array(btrim(local_name), '[[:space:]-]+')) DESC,
                     count(*) DESC, min(id)
            LIMIT 1
        ) AS best
        WHERE e.id = $1 AND e.name <> best.local_name
        """,
        entity_id,
    )
