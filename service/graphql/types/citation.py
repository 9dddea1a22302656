"""Citation: where a value or quote was reported, and by whom."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from service.graphql.context import Info
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
        description="Offsets of the value or quote itself in Article.body."
    )
    attributed_to_text: str | None = strawberry.field(
        description="The words the article uses for the source ('the interior ministry')."
    )

    @strawberry.field
    async def article(self, info: Info) -> ArticleRef:
        from service.graphql.types.article import Article

        row = await info.context.loaders.article.load(self.article_id)
        assert row is not None
        return Article.from_row(row)

    @strawberry.field
    async def outlet(self, info: Info) -> OutletRef:
        from service.graphql.types.article import load_outlet

        row = await info.context.loaders.article.load(self.article_id)
        assert row is not None
        return await load_outlet(info, row.outlet_id)

    @strawberry.field(description="The whole sentence that carries the value or quote.")
    async def excerpt(self, info: Info) -> str:
        row = await info.context.loaders.article.load(self.article_id)
        assert row is not None
        start, end = self.sentence
        return row.body[start:end]

    @strawberry.field(
        description="Who the article says the information came from "
        "('the Central Election Commission said')."
    )
    async def attributed_to(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import load_entity

        if self.attributed_to_id is None:
            return None
        return await load_entity(info, self.attributed_to_id)
