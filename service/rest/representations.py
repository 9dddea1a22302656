"""JSON shapes of the REST resources, and the batched loading of what they refer to.

Every resource carries the same global `id` as GraphQL. Related rows (articles, outlets,
entities) are fetched for a whole page at once, so SQL round trips do not grow with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from starlette.responses import Response

from service.db import articles as articles_db
from service.db import entities as entities_db
from service.db import outlets as outlets_db
from service.db import publications as publications_db
from service.db.paging import IdPage
from service.db.pool import Connection
from service.db.rows import ArticleRow, EntityRow, OutletRow, PublicationRow
from service.ids import CursorKey, encode_cursor, encode_id

Json = dict[str, Any]


class JsonResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def page_json(
    items: list[Json],
    keys: Sequence[CursorKey],
    *,
    has_next: bool,
    has_previous: bool,
    total: int,
) -> Json:
    """A page of `items`, whose cursors encode the matching keyset `keys`."""
    return {
        "items": items,
        "pageInfo": {
            "hasNextPage": has_next,
            "endCursor": encode_cursor(keys[-1]) if keys else None,
            "hasPreviousPage": has_previous,
            "startCursor": encode_cursor(keys[0]) if keys else None,
        },
        "totalCount": total,
    }


def id_page_json(items: list[Json], page: IdPage) -> Json:
    """A page of a list ordered by id: its cursors are ids."""
    return page_json(
        items,
        page.ids,
        has_next=page.has_next,
        has_previous=page.has_previous,
        total=page.total,
    )


@dataclass
class Related:
    """Rows referred to by a page of resources, keyed by primary key."""

    articles: dict[int, ArticleRow] = field(default_factory=dict)
    outlets: dict[int, OutletRow] = field(default_factory=dict)
    entities: dict[int, EntityRow] = field(default_factory=dict)
    publications: dict[int, list[PublicationRow]] = field(default_factory=dict)

    def entity_ref(self, entity_id: int | None) -> Json | None:
        row = self.entities.get(entity_id) if entity_id is not None else None
        return entity_ref(row) if row is not None else None

    def outlet(self, outlet_id: int | None) -> Json | None:
        row = self.outlets.get(outlet_id) if outlet_id is not None else None
        return outlet_json(row) if row is not None else None


async def load_related(
    conn: Connection,
    *,
    article_ids: Iterable[int] = (),
    entity_ids: Iterable[int | None] = (),
    articles: Sequence[ArticleRow] = (),
    publications: bool = False,
) -> Related:
    """At most four queries: articles with their outlets, outlets of the articles given,
    entities, and (``publications``) every publication of the articles."""
    related = Related(articles={row.id: row for row in articles})
    wanted_articles = sorted(set(article_ids) - set(related.articles))
    if wanted_articles:
        found = await articles_db.list_articles_with_outlets_by_ids(conn, ids=wanted_articles)
        for row, outlets in found:
            related.articles[row.id] = row
            related.outlets.update({outlet.id: outlet for outlet in outlets})
    outlet_ids = {row.outlet_id for row in related.articles.values()} | {
        row.original_source_id
        for row in related.articles.values()
        if row.original_source_id is not None
    }
    if outlet_ids - set(related.outlets):
        missing = sorted(outlet_ids - set(related.outlets))
        outlet_rows = await outlets_db.list_outlets_by_ids(conn, ids=missing)
        related.outlets.update({row.id: row for row in outlet_rows})
    if publications and related.articles:
        found_publications = await publications_db.list_publications_for_articles(
            conn, article_ids=sorted(related.articles)
        )
        for publication in found_publications:
            related.publications.setdefault(publication.article_id, []).append(publication)
    wanted_entities = sorted({i for i in entity_ids if i is not None})
    if wanted_entities:
        entity_rows = await entities_db.list_entities_by_ids(conn, ids=wanted_entities)
        related.entities = {row.id: row for row in entity_rows}
    return related


def outlet_json(row: OutletRow) -> Json:
    return {"id": encode_id("Outlet", row.id), "name": row.name}


def entity_ref(row: EntityRow) -> Json:
    return {"id": encode_id("Entity", row.id), "name": row.name, "kind": row.kind}


def article_json(row: ArticleRow, related: Related) -> Json:
    return {
        "id": encode_id("Article", row.id),
        "slug": row.slug,
        "headline": row.headline,
        "standfirst": row.standfirst,
        "outlet": related.outlet(row.outlet_id),
        "originalSource": related.outlet(row.original_source_id),
        "publishedAt": row.published_at,
        "dateline": row.dateline,
        "bylines": row.bylines,
        "body": row.body,
        "captions": row.captions,
        "removedLines": row.removed,
        "url": row.url,
        "contentHash": row.content_hash,
        "ingestedAt": row.ingested_at,
        "publications": [publication_json(p) for p in related.publications.get(row.id, [])],
    }


def publication_json(row: PublicationRow) -> Json:
    return {
        "outlet": {"id": encode_id("Outlet", row.outlet_id), "name": row.outlet_name},
        "url": row.url,
        "publishedAt": row.published_at,
        "receivedAt": row.received_at,
        "removedLines": row.removed,
    }


def citation_json(
    related: Related,
    *,
    article_id: int,
    start: int,
    end: int,
    sentence_start: int,
    sentence_end: int,
    attributed_to_id: int | None,
    attributed_to_text: str | None,
    part: str = "BODY",
    caption_index: int | None = None,
) -> Json:
    """Where a value or quote was reported: article, outlet, exact span (in the body, the
    standfirst or a caption), sentence, source."""
    article = related.articles[article_id]
    return {
        "article": {
            "id": encode_id("Article", article.id),
            "headline": article.headline,
            "url": article.url,
            "publishedAt": article.published_at,
        },
        "outlet": related.outlet(article.outlet_id),
        "span": {"start": start, "end": end, "part": part, "caption": caption_index},
        "excerpt": article.text_of(part, caption_index)[sentence_start:sentence_end],
        "attributedTo": related.entity_ref(attributed_to_id),
        "attributedToText": attributed_to_text,
    }
