"""SQL for entities, their aliases, resolution keys, resolution log and mentions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.db.paging import (
    IdPage,
    PagedTable,
    Window,
    page_by_id_per_parent,
)
from service.db.pool import Connection
from service.db.rows import EntityRow, MentionRow, ResolutionRow

# Only one ingest at a time resolves entities: two articles naming the same new person
# must not both create it. Extraction runs before, outside the lock.
RESOLUTION_LOCK = 7_204_119_001


@dataclass(frozen=True, slots=True)
class KnownEntityRow:
    id: int
    kind: str
    name: str
    aliases: list[str]


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


@dataclass(frozen=True, slots=True)
class NameCountRow:
    """A local name an entity was resolved from: the canonical-name rule's inputs."""

    local_name: str
    words: int
    resolutions: int
    first_resolution_id: int


@dataclass(frozen=True, slots=True)
class KeyedEntityRow:
    """A known entity with those of its resolution keys that were asked for."""

    id: int
    kind: str
    name: str
    aliases: list[str]
    keys: list[str]
    names: list[NameCountRow]


async def find_entities_with_keys(conn: Connection, *, keys: Sequence[str]) -> list[KeyedEntityRow]:
    """Entities holding any of `keys`, each with its aliases (in insertion order), which of
    `keys` it holds and its local names' counts: one round trip for all the local entities
    of an article."""
    rows = await conn.fetch(
        """
        SELECT e.id, e.kind, e.name,
               ARRAY(SELECT a.alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY a.id)
                   AS aliases,
               m.keys, n.local_names, n.words, n.resolutions, n.firsts
        FROM (SELECT k.entity_id, array_agg(k.key) AS keys FROM entity_keys k
              WHERE k.key = ANY($1::text[]) GROUP BY k.entity_id) AS m
        JOIN entities e ON e.id = m.entity_id
        CROSS JOIN LATERAL (
            SELECT array_agg(c.local_name) AS local_names, array_agg(c.words) AS words,
                   array_agg(c.resolutions) AS resolutions,
                   array_agg(c.first_resolution_id) AS firsts
            FROM entity_name_counts c WHERE c.entity_id = e.id
        ) AS n
        ORDER BY e.id
        """,
        list(keys),
    )
    return [
        KeyedEntityRow(
            r["id"],
            r["kind"],
            r["name"],
            list(r["aliases"]),
            list(r["keys"]),
            [
                NameCountRow(*count)
                for count in zip(
                    r["local_names"] or [],
                    r["words"] or [],
                    r["resolutions"] or [],
                    r["firsts"] or [],
                    strict=True,
                )
            ],
        )
        for r in rows
    ]


async def insert_entity(conn: Connection, *, kind: str, name: str, description: str | None) -> int:
    value = await conn.fetchval(
        "INSERT INTO entities (kind, name, description) VALUES ($1, $2, $3) RETURNING id",
        kind,
        name,
        description,
    )
    return int(value)


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


async def relabel_facts(conn: Connection, *, entity_ids: Sequence[int]) -> None:
    """Fact labels name their subject ('Kassym-Jomart Tokayev: share of the vote'): they
    follow the entities' names after these were renamed."""
    await conn.execute(
        """
        UPDATE facts f SET label = e.name || substr(f.label, strpos(f.label, ': ')) FROM entities e
        WHERE e.id = ANY($1::bigint[]) AND f.subject_id = e.id AND strpos(f.label, ': ') > 0
        """,
        list(entity_ids),
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


# Entities known by a name, the likeliest first ($1 name keys, $2 other keys, $3 the name):
# db/operations.py reads the first of them inside a whole operation's statement.
ENTITY_IDS_NAMED = """
WITH found AS (
    SELECT entity_id, 0 AS rank FROM entity_keys WHERE key = ANY($1::text[])
    UNION ALL
    -- = ANY: the btree on fd_fold(alias) answers it; with a plain = the planner
    -- prefers the trigram GiST index, three times slower for an exact match.
    SELECT entity_id, 0 FROM entity_aliases WHERE fd_fold(alias) = ANY(ARRAY[fd_fold($3)])
    UNION ALL
    SELECT entity_id, 1 FROM entity_keys WHERE key = ANY($2::text[])
), best AS (
    SELECT entity_id, min(rank) AS rank FROM found GROUP BY entity_id
)
SELECT b.entity_id AS id, b.rank, coalesce(
    (SELECT sum(c.resolutions) FROM entity_name_counts c WHERE c.entity_id = b.entity_id),
    0) AS known
FROM best b ORDER BY b.rank, known DESC, id
"""


async def find_entity_ids_by_name(
    conn: Connection, *, name_keys: Sequence[str], other_keys: Sequence[str], folded: str
) -> list[int]:
    """Entities known by a name: first those holding one of `name_keys` (the name itself,
    any spelling) or an alias equal to `folded` (accents and case off), then those holding
    only one of `other_keys` (a surname, an acronym). "Aisultan Nazarbaev" is that person,
    not the better-known Nursultan Nazarbayev who shares the surname; "Nazarbayev" alone is
    whoever holds it as an alias. Within each group the best known first: the one resolved
    in the most articles (entity_name_counts keeps that per name, so a head of state with
    50,000 mentions costs no more than anyone)."""
    rows = await conn.fetch(
        ENTITY_IDS_NAMED,
        list(name_keys),
        list(other_keys),
        folded,
    )
    return [int(r["id"]) for r in rows]


def entity_where(searched: bool, *, kind: bool | None = None) -> str:
    """The WHERE of `entities t`: $3 the kind (or NULL; with `kind` true, a kind given,
    false, none: its condition written only when given), and when `searched`, $4 the
    search's name keys and $5 its text (shared with db/root_pages.py)."""
    kinds = {None: "($3::text IS NULL OR t.kind = $3)", True: "t.kind = $3", False: "TRUE"}
    clauses = [kinds[kind]]
    if searched:
        clauses.append(
            """(t.id IN (SELECT entity_id FROM entity_keys WHERE key = ANY($4::text[]))
            OR t.id IN (SELECT entity_id FROM entity_aliases
                        WHERE fd_fold(alias) % fd_fold($5)
                           OR strpos(fd_fold(alias), fd_fold($5)) > 0))"""
        )
    return " AND ".join(clauses)


@dataclass(frozen=True, slots=True)
class EntityFilter:
    """Which entities: of this kind, matching this search (its text and name keys; None:
    any)."""

    kind: str | None = None
    search: str | None = None
    search_keys: Sequence[str] = ()

    @property
    def where(self) -> str:
        return entity_where(self.search is not None)

    def args(self) -> list[object]:
        searched: list[object] = [list(self.search_keys), self.search]
        return [self.kind, *(searched if self.search is not None else [])]


# The orders a client may choose (`orderBy`), by field: an expression of `t` and its type.
ENTITY_ORDERS = {"STORED": ("t.id", "bigint"), "NAME": ("t.name", "text")}
ENTITIES: PagedTable[EntityFilter] = PagedTable("entities t", ENTITY_ORDERS)


async def list_mentions_for_articles(
    conn: Connection, *, article_ids: Sequence[int]
) -> list[MentionRow]:
    rows = await conn.fetch(
        """
        SELECT id, article_id, entity_id, start_offset, end_offset, text FROM mentions
        WHERE article_id = ANY($1::bigint[]) ORDER BY article_id, start_offset, id
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
    conn: Connection,
    *,
    entity_ids: Sequence[int],
    window: Window[int],
    count: bool = True,
) -> dict[int, IdPage]:
    return await page_by_id_per_parent(
        conn,
        source="mentions t",
        link="t.entity_id = p.id",
        parent_ids=entity_ids,
        window=window,
        count=count,
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


async def list_resolutions_for_entity(
    conn: Connection, *, entity_id: int, limit: int, examined: int
) -> list[ResolutionRow]:
    """Why names were merged into (or created as) the entity: one row per distinct (name,
    decision, reason), its first article standing for it, at most `limit`. A head of state
    is resolved in tens of thousands of articles for a few dozen reasons, so only its
    first `examined` resolutions are read (bounded work, not the complete list), from
    entity_resolutions_reasons_idx alone."""
    rows = await conn.fetch(
        """
        SELECT entity_id, min(article_id) AS article_id, local_name, decision, reason
        FROM (SELECT entity_id, id, article_id, local_name, decision, reason
              FROM entity_resolutions WHERE entity_id = $1 ORDER BY id LIMIT $3) r
        GROUP BY entity_id, local_name, decision, reason
        ORDER BY min(id) LIMIT $2
        """,
        entity_id,
        limit,
        examined,
    )
    return ResolutionRow.from_records(rows)
