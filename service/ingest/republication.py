"""The same copy from another outlet: one article, one more publication.

A wire story printed by several outlets is one copy; storing it again would count each
of its values once per outlet. Its publication by each outlet is recorded instead, so
the article lists every outlet that published it.
"""

from __future__ import annotations

from service.db import changes as changes_db
from service.db import outlets as outlets_db
from service.db import publications as publications_db
from service.db import versions as versions_db
from service.db.pool import Connection
from service.ingest.model import ParsedArticle
from service.ingest.outcome import IngestResult


async def record_first_publication(
    conn: Connection, parsed: ParsedArticle, *, article_id: int, outlet_id: int, url: str | None
) -> None:
    """The new article's own publication. The caller owns the transaction."""
    await publications_db.insert_publication(
        conn,
        article_id=article_id,
        outlet_id=outlet_id,
        url=url,
        published_at=parsed.published_at,
        removed=parsed.removed,
    )


async def record_republication(
    conn: Connection, parsed: ParsedArticle, *, article_id: int, url: str | None
) -> bool:
    """Whether the stored copy ``article_id`` gained a publication: the outlet the request
    names (metadata, else the copy) had not published it yet. Copy that names no outlet is
    the same copy again, nothing more. The caller owns the transaction."""
    if parsed.outlet is None:
        return False
    outlets = await outlets_db.outlet_ids(conn, names=[parsed.outlet])
    added = await publications_db.insert_publication(
        conn,
        article_id=article_id,
        outlet_id=outlets[parsed.outlet],
        url=url,
        published_at=parsed.published_at,
        removed=parsed.removed,
    )
    if added:
        await versions_db.bump_data_version(conn)
    return added


async def republished(
    conn: Connection, parsed: ParsedArticle, article_id: int, url: str | None
) -> IngestResult:
    """The stored copy ``article_id`` ingested again: its publication by the outlet the
    request names is recorded (``record_republication``) and, when new, logged as a change
    to the article's facts. The caller owns the transaction."""
    added = await record_republication(conn, parsed, article_id=article_id, url=url)
    if added:
        facts = await changes_db.list_fact_ids_of_article(conn, article_id=article_id)
        await changes_db.append_change(
            conn, kind="republication", article_id=article_id, fact_ids=facts
        )
    return IngestResult(article_id=article_id, created=False, republished=added)
