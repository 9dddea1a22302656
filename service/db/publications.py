"""SQL for publications: each outlet that published an article's copy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from service.db.pool import Connection
from service.db.rows import PublicationRow


async def insert_publication(
    conn: Connection,
    *,
    article_id: int,
    outlet_id: int,
    url: str | None,
    published_at: dt.datetime | None,
    removed: Sequence[str],
) -> bool:
    """Whether this is a new publication of the article (False: the outlet is listed).
    `removed`: the lines intake left out of this publication's own copy."""
    inserted = await conn.fetchval(
        """
        INSERT INTO publications (article_id, outlet_id, url, published_at, removed)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT ON CONSTRAINT publications_article_outlet_unique DO NOTHING
        RETURNING true
        """,
        article_id,
        outlet_id,
        url,
        published_at,
        list(removed),
    )
    return bool(inserted)


async def list_publications_for_articles(
    conn: Connection, *, article_ids: Sequence[int]
) -> list[PublicationRow]:
    """The articles' publications, each article's in the order they were received."""
    rows = await conn.fetch(
        """
        SELECT p.id, p.article_id, p.outlet_id, o.name AS outlet_name, p.url, p.published_at,
               p.received_at, p.removed
        FROM publications p JOIN outlets o ON o.id = p.outlet_id
        WHERE p.article_id = ANY($1::bigint[])
        ORDER BY p.article_id, p.received_at, p.id
        """,
        list(article_ids),
    )
    return PublicationRow.from_records(rows)
