"""SQL for the cross-type search: articles, entities, quotes and facts, best match first."""

from __future__ import annotations

from service.db.pool import Connection


async def search_everything(
    conn: Connection, *, query: str, keys: list[str], limit: int
) -> list[tuple[str, int]]:
    """(type name, id) pairs ranked by one score across types.

    Full-text rank for articles and quotes, trigram similarity (accents and case off) for
    entity names and fact labels, and an exact transliteration key match ranks an entity first.
    """
    rows = await conn.fetch(
        """
        WITH q AS (SELECT websearch_to_tsquery('english', $1) AS ts, fd_fold($1) AS folded),
        hits AS (
            SELECT 'Entity' AS kind, a.entity_id AS id,
                   max(similarity(fd_fold(a.alias), q.folded)) AS score
            FROM entity_aliases a, q
            WHERE fd_fold(a.alias) % q.folded
            GROUP BY a.entity_id
            UNION ALL
            SELECT 'Entity', k.entity_id, 2.0 FROM entity_keys k WHERE k.key = ANY($2::text[])
            UNION ALL
            SELECT 'Article', a.id, ts_rank(a.search, q.ts) FROM articles a, q
            WHERE a.search @@ q.ts
            UNION ALL
            SELECT 'Quote', t.id, ts_rank(to_tsvector('english', t.text), q.ts) FROM quotes t, q
            WHERE to_tsvector('english', t.text) @@ q.ts
            UNION ALL
            SELECT 'Fact', f.id, similarity(fd_fold(f.label), q.folded) FROM facts f, q
            WHERE fd_fold(f.label) % q.folded
        )
        SELECT kind, id, max(score) AS score FROM hits
        GROUP BY kind, id ORDER BY score DESC, kind, id LIMIT $3
        """,
        query,
        keys,
        limit,
    )
    return [(r["kind"], int(r["id"])) for r in rows]
