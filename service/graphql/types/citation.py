"""Citation: where a value or quote was reported, and by whom."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from service.db.rows import ArticleRow
from service.graphql.context import Info
from service.graphql.loaders import now_or_later, peek
from service.graphql.types.common import Span

if TYPE_CHECKING:
    from service.graphql.types.article import Article, Outlet
    from service.graphql.types.entity import Entity

ArticleRef = Annotated["Article", strawberry.lazy("service.graphql.types.article")]
OutletRef = Annotated["Outlet", strawberry.lazy("service.graphql.types.article")]
EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]


@strawberry.type(description="Where a value or a quote was reported, and by whom.")
class Citation:
    article_id: strawberry.Private[int]
    sentence: strawberry.Private[tuple[int, int]]
    attributed_to_id: strawberry.Private[int | None]
    span: Span = strawberry.field(
        description="Offsets of the value or quote itself: in Article.body, unless a figure "
        "was printed only in the standfirst or a caption (Span.part says which)."
    )
    attributed_to_text: str | None = strawberry.field(
        description="The words the article uses for the source ('the interior ministry'); "
        "null when the article names no source."
    )
    # Set for a value as known at a past time (`fact(asOf:)`): the article as it stood then.
    as_of: strawberry.Private[dt.datetime | None] = None

    @strawberry.field(
        description="The article that reported it; for a value as known at a past time "
        "(`fact(asOf:)`), its copy as it stood then, retracted since or not."
    )
    def article(self, info: Info) -> ArticleRef:
        from service.graphql.types.article import Article, article_of

        if self.as_of is None:
            return article_of(info, self.article_id)
        return now_or_later(
            info.context.loaders.article_at,
            (self.article_id, self.as_of),
            lambda row: Article.from_row(_found(row)),
        )

    @strawberry.field(description="The outlet that published that article.")
    def outlet(self, info: Info) -> OutletRef:
        from service.graphql.types.article import Outlet, outlet_of

        loaders = info.context.loaders
        article = self._peek(info)
        if isinstance(article, ArticleRow):
            return outlet_of(info, article.outlet_id)

        async def later() -> Outlet:
            row = await self._load(info)
            assert row is not None  # figures and quotes reference their article
            outlet = await loaders.outlet.load(row.outlet_id)
            assert outlet is not None
            return Outlet.from_row(outlet)

        return cast("Outlet", later())

    @strawberry.field(description="The whole sentence that carries the value or quote.")
    def excerpt(self, info: Info) -> str:
        if self.as_of is None:
            return now_or_later(info.context.loaders.article, self.article_id, self._cut)
        return now_or_later(
            info.context.loaders.article_at, (self.article_id, self.as_of), self._cut
        )

    @strawberry.field(
        description="Who the article says the information came from "
        "('the Central Election Commission said'), as an entity; null when no source is "
        "named or it is not a known entity (see attributedToText)."
    )
    def attributed_to(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import entity_of

        if self.attributed_to_id is None:
            return None
        return entity_of(info, self.attributed_to_id)

    def _peek(self, info: Info) -> object:
        loaders = info.context.loaders
        if self.as_of is None:
            return peek(loaders.article, self.article_id)
        return peek(loaders.article_at, (self.article_id, self.as_of))

    async def _load(self, info: Info) -> ArticleRow | None:
        loaders = info.context.loaders
        if self.as_of is None:
            return await loaders.article.load(self.article_id)
        return await loaders.article_at.load((self.article_id, self.as_of))

    def _cut(self, row: ArticleRow | None) -> str:
        assert row is not None
        start, end = self.sentence
        return row.text_of(self.span.part.name, self.span.caption)[start:end]


def _found(row: ArticleRow | None) -> ArticleRow:
    assert row is not None  # figures reference their article, and it is never deleted
    return row
