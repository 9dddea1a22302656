"""Article and Outlet."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import ArticleRow, OutletRow
from service.graphql.context import Info, page_size
from service.graphql.ids import decode_time_cursor, encode_id
from service.graphql.types.common import Connection, Node, make_connection

if TYPE_CHECKING:
    from service.graphql.types.entity import Entity, Mention
    from service.graphql.types.figure import Figure
    from service.graphql.types.quote import Quote

EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]
MentionRef = Annotated["Mention", strawberry.lazy("service.graphql.types.entity")]
QuoteRef = Annotated["Quote", strawberry.lazy("service.graphql.types.quote")]
FigureRef = Annotated["Figure", strawberry.lazy("service.graphql.types.figure")]


@strawberry.type
class Outlet(Node):
    row: strawberry.Private[OutletRow]

    @classmethod
    def from_row(cls, row: OutletRow) -> Outlet:
        return cls(id=strawberry.ID(encode_id("Outlet", row.id)), row=row)

    @strawberry.field
    def name(self) -> str:
        return self.row.name

    @strawberry.field
    async def articles(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Article]:
        key = (self.row.id, page_size(first), decode_time_cursor(after))
        items, has_next, total = await info.context.loaders.articles_of_outlet.load(key)
        return await article_connection(info, items, has_next, total, after is not None)


async def load_outlet(info: Info, outlet_id: int) -> Outlet:
    row = await info.context.loaders.outlet.load(outlet_id)
    assert row is not None  # articles.outlet_id is a foreign key
    return Outlet.from_row(row)


@strawberry.type
class Article(Node):
    row: strawberry.Private[ArticleRow]

    @classmethod
    def from_row(cls, row: ArticleRow) -> Article:
        return cls(id=strawberry.ID(encode_id("Article", row.id)), row=row)

    @strawberry.field
    def slug(self) -> str:
        return self.row.slug

    @strawberry.field
    def headline(self) -> str:
        return self.row.headline

    @strawberry.field(description="Sub-headline or standfirst, when the copy has one.")
    def standfirst(self) -> str | None:
        return self.row.standfirst

    @strawberry.field(description="Who published this copy.")
    async def outlet(self, info: Info) -> Outlet:
        return await load_outlet(info, self.row.outlet_id)

    @strawberry.field(
        description="The agency credited as the original source when the copy is republished."
    )
    async def original_source(self, info: Info) -> Outlet | None:
        if self.row.original_source_id is None:
            return None
        return await load_outlet(info, self.row.original_source_id)

    @strawberry.field
    def published_at(self) -> dt.datetime | None:
        return self.row.published_at

    @strawberry.field(description="Place line that opens the story, e.g. 'ALMATY, Kazakhstan'.")
    def dateline(self) -> str | None:
        return self.row.dateline

    @strawberry.field
    def bylines(self) -> list[str]:
        return self.row.bylines

    @strawberry.field(
        description="The story text alone: navigation, promos, captions, credits and "
        "copyright lines removed."
    )
    def body(self) -> str:
        return self.row.body

    @strawberry.field
    def captions(self) -> list[str]:
        return self.row.captions

    @strawberry.field
    def url(self) -> str | None:
        return self.row.url

    @strawberry.field
    def content_hash(self) -> str:
        return self.row.content_hash

    @strawberry.field
    async def quotes(self, info: Info) -> list[QuoteRef]:
        from service.graphql.types.quote import Quote

        rows = await info.context.loaders.quotes_by_article.load(self.row.id)
        return [Quote.from_row(r) for r in rows]

    @strawberry.field
    async def figures(self, info: Info) -> list[FigureRef]:
        from service.graphql.types.figure import Figure

        rows = await info.context.loaders.figures_by_article.load(self.row.id)
        return [Figure.from_row(r) for r in rows]

    @strawberry.field
    async def entities(self, info: Info) -> list[EntityRef]:
        from service.graphql.types.entity import Entity

        ids = await info.context.loaders.entity_ids_by_article.load(self.row.id)
        rows = await info.context.loaders.entity.load_many(ids)
        return [Entity.from_row(r) for r in rows if r is not None]

    @strawberry.field
    async def mentions(self, info: Info) -> list[MentionRef]:
        from service.graphql.types.entity import Mention

        rows = await info.context.loaders.mentions_by_article.load(self.row.id)
        return [Mention.from_row(r) for r in rows]


async def article_connection(
    info: Info,
    items: list[tuple[int, tuple[dt.datetime, int]]],
    has_next: bool,
    total: int,
    has_previous: bool,
) -> Connection[Article]:
    rows = await info.context.loaders.article.load_many([i for i, _ in items])
    nodes = [Article.from_row(r) for r in rows if r is not None]
    return make_connection(
        nodes, [key for _, key in items], has_next=has_next, has_previous=has_previous, total=total
    )
