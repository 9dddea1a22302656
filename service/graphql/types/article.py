"""Article and Outlet."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from service.db.articles import ArticlePage
from service.db.paging import SortedPage
from service.db.rows import ArticleRow, EntityRow, OutletRow
from service.graphql.context import Info
from service.graphql.loaders import now_or_later, now_or_later_many, peek
from service.graphql.prefetch import prefetch
from service.graphql.trees import answer_nodes
from service.graphql.types.common import (
    After,
    Before,
    Connection,
    First,
    Last,
    ListFirst,
    Node,
    make_connection,
    page_of,
)
from service.graphql.types.history import ArticleVersion
from service.ids import CursorKey, SortCursor, decode_id_cursor, decode_time_cursor, encode_id
from service.relations import LIST_BOUND

if TYPE_CHECKING:
    from service.graphql.types.entity import Entity, Mention
    from service.graphql.types.figure import Figure
    from service.graphql.types.publication import Publication
    from service.graphql.types.quote import Quote

EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]
MentionRef = Annotated["Mention", strawberry.lazy("service.graphql.types.entity")]
QuoteRef = Annotated["Quote", strawberry.lazy("service.graphql.types.quote")]
FigureRef = Annotated["Figure", strawberry.lazy("service.graphql.types.figure")]
PublicationRef = Annotated["Publication", strawberry.lazy("service.graphql.types.publication")]


@strawberry.type(
    description="A publisher (RFE/RL, Al Jazeera, Reuters, ...): the outlet that published an "
    "article, or the agency a republished article credits as its original source."
)
class Outlet(Node):
    row: strawberry.Private[OutletRow]
    name: str = strawberry.field(description="The publisher's name as the copy gives it.")

    @classmethod
    def from_row(cls, row: OutletRow) -> Outlet:
        return cls(id=strawberry.ID(encode_id("Outlet", row.id)), row=row, name=row.name)

    @strawberry.field(
        description="Articles this outlet published, newest `publishedAt` first (undated last)."
    )
    async def articles(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Article]:
        page = await page_of(
            info,
            info.context.loaders.articles_of_outlet,
            self.row.id,
            decode_time_cursor,
            first=first,
            after=after,
            last=last,
            before=before,
        )
        return await article_connection(info, page)


def outlet_of(info: Info, outlet_id: int) -> Outlet:
    """The outlet, now when prefetched, else an awaitable of it (see `now_or_later`)."""
    return now_or_later(info.context.loaders.outlet, outlet_id, _outlet)


def article_of(info: Info, article_id: int) -> Article:
    """The article, now when prefetched, else an awaitable of it (see `now_or_later`)."""
    return now_or_later(info.context.loaders.article, article_id, _article)


def _article(row: ArticleRow | None) -> Article:
    assert row is not None  # every article reference is a foreign key
    return Article.from_row(row)


def _outlet(row: OutletRow | None) -> Outlet:
    assert row is not None  # every outlet reference is a foreign key
    return Outlet.from_row(row)


@strawberry.type(
    description="One piece of copy as ingested: its metadata, the cleaned story text, and "
    "what was extracted from it (quotes, figures, entities and their mentions)."
)
class Article(Node):
    # Plain fields are attributes, which strawberry and graphql-core read without calling
    # a resolver; fields that need other rows resolve from this request's loaders.
    row: strawberry.Private[ArticleRow]
    slug: str = strawberry.field(
        description="Readable unique key made from the headline, for URLs: "
        "`article(slug:)` finds the article again."
    )
    headline: str = strawberry.field(
        description="The headline as printed, or as given when the copy was ingested."
    )
    standfirst: str | None = strawberry.field(
        description="Sub-headline or standfirst, when the copy has one."
    )
    published_at: dt.datetime | None = strawberry.field(
        description="When the outlet published it (ISO 8601 with offset); null when the copy "
        "does not say."
    )
    dateline: str | None = strawberry.field(
        description="Place line that opens the story, e.g. 'ALMATY, Kazakhstan'."
    )
    bylines: list[str] = strawberry.field(
        description="Authors as credited, in the order printed; empty when uncredited."
    )
    body: str = strawberry.field(
        description="The story text alone: navigation, promos, captions, credits and "
        "copyright lines removed."
    )
    captions: list[str] = strawberry.field(
        description="Photo and video captions, kept apart from the body, in the order printed."
    )
    removed_lines: list[str] = strawberry.field(
        description="The lines intake left out of the story (navigation, promos, credits, "
        "labels, the trailer), in the order of the copy, as the desk's article page shows "
        "them apart; empty for copy stored before they were kept."
    )
    url: str | None = strawberry.field(
        description="Where the outlet published it; null when the copy arrived without one."
    )
    content_hash: str = strawberry.field(
        description="SHA-256 (hex) of the copy as a reader sees it (whitespace, Unicode form, "
        "quotes and dashes normalised). The same copy again is this article; so is the same "
        "story (standfirst, captions and body) under another outlet's headline, byline, "
        "dateline or credit line, recorded as one of its `publications`."
    )

    @classmethod
    def from_row(cls, row: ArticleRow) -> Article:
        return cls(
            id=strawberry.ID(encode_id("Article", row.id)),
            row=row,
            slug=row.slug,
            headline=row.headline,
            standfirst=row.standfirst,
            published_at=row.published_at,
            dateline=row.dateline,
            bylines=row.bylines,
            body=row.body,
            captions=row.captions,
            removed_lines=row.removed,
            url=row.url,
            content_hash=row.content_hash,
        )

    @strawberry.field(description="Who published this copy.")
    def outlet(self, info: Info) -> Outlet:
        return outlet_of(info, self.row.outlet_id)

    @strawberry.field(
        description="The agency credited as the original source when the copy is republished."
    )
    def original_source(self, info: Info) -> Outlet | None:
        if self.row.original_source_id is None:
            return None
        return outlet_of(info, self.row.original_source_id)

    @strawberry.field(
        description="Every outlet that published this copy, first received first (the "
        "article's own outlet leads), the first `first` of them. The copy, and each of its "
        "values, is stored once."
    )
    def publications(self, info: Info, first: ListFirst = LIST_BOUND) -> list[PublicationRef]:
        from service.graphql.types.publication import Publication

        return now_or_later(
            info.context.loaders.publications_by_article,
            self.row.id,
            lambda rows: [Publication.from_row(r) for r in rows[:first]],
        )

    @strawberry.field(
        description="The copies corrections replaced, oldest first, with when and why (the "
        "current copy is the article itself), a page at a time (GET "
        "/api/v1/articles/{id}/versions too)."
    )
    async def versions(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[ArticleVersion]:
        page = await page_of(
            info,
            info.context.loaders.versions_of_article,
            self.row.id,
            decode_id_cursor,
            first=first,
            after=after,
            last=last,
            before=before,
        )
        return make_connection(
            [ArticleVersion.from_row(r) for r in page.rows],
            [r.version for r in page.rows],
            has_next=page.has_next,
            has_previous=page.has_previous,
            total=page.total,
        )

    @strawberry.field(
        description="The quotations in the body, in reading order: the first `first` of them "
        "(a plain list, as the contract has it; at most 100)."
    )
    def quotes(self, info: Info, first: ListFirst = LIST_BOUND) -> list[QuoteRef]:
        from service.graphql.types.quote import Quote

        return now_or_later(
            info.context.loaders.quotes_by_article,
            self.row.id,
            lambda rows: [Quote.from_row(r) for r in rows[:first]],
        )

    @strawberry.field(
        description="The numbers reported in the body and captions, in reading order: the "
        "first `first` of them (at most 100; `figures(filter: {article:})` pages through all)."
    )
    def figures(self, info: Info, first: ListFirst = LIST_BOUND) -> list[FigureRef]:
        from service.graphql.types.figure import Figure

        return now_or_later(
            info.context.loaders.figures_by_article,
            self.row.id,
            lambda rows: [Figure.from_row(r) for r in rows[:first]],
        )

    @strawberry.field(
        description="Each person, organisation, place or event the article mentions, once, "
        "in order of first mention: the first `first` of them (at most 100)."
    )
    def entities(self, info: Info, first: ListFirst = LIST_BOUND) -> list[EntityRef]:
        from service.graphql.types.entity import Entity

        loaders = info.context.loaders

        def build(rows: list[EntityRow | None]) -> list[Entity]:
            return [Entity.from_row(r) for r in rows if r is not None]

        ids = peek(loaders.entity_ids_by_article, self.row.id)
        if isinstance(ids, list):
            return now_or_later_many(loaders.entity, ids[:first], build)

        async def later() -> list[Entity]:
            found = await loaders.entity_ids_by_article.load(self.row.id)
            return build(await loaders.entity.load_many(found[:first]))

        return cast("list[Entity]", later())

    @strawberry.field(
        description="The places in the body that name an entity, in reading order (an entity "
        "named three times has three): the first `first` of them (at most 100)."
    )
    def mentions(self, info: Info, first: ListFirst = LIST_BOUND) -> list[MentionRef]:
        from service.graphql.types.entity import Mention

        return now_or_later(
            info.context.loaders.mentions_by_article,
            self.row.id,
            lambda rows: [Mention.from_row(r) for r in rows[:first]],
        )


async def article_connection(
    info: Info, page: ArticlePage | SortedPage, order: str | None = None
) -> Connection[Article]:
    """The page's articles; a SortedPage's cursors are positions in the `order` field."""
    items: list[tuple[int, CursorKey]]
    if isinstance(page, SortedPage):
        assert order is not None
        items = [(i, SortCursor(order, key[0], i)) for i, key in page.items]
    else:
        items = list(page.items)
    has_next, has_previous, total = page.has_next, page.has_previous, page.total
    ids = [i for i, _ in items]
    trees = await answer_nodes(info, "Article", ids, ("edges", "node"))
    if trees is not None:  # completed as they are (FactdeskExecutionContext)
        found = [(trees[i], key) for i, key in items if i in trees]
        return make_connection(
            cast(list[Article], [tree for tree, _ in found]),
            [key for _, key in found],
            has_next=has_next,
            has_previous=has_previous,
            total=total,
        )
    rows = await info.context.loaders.article.load_many(ids)
    nodes = [Article.from_row(r) for r in rows if r is not None]
    await prefetch(info, nodes, ("edges", "node"))
    return make_connection(
        nodes, [key for _, key in items], has_next=has_next, has_previous=has_previous, total=total
    )
