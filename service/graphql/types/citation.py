"""Citation: where a value or quote was reported, and by whom."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from service.db.rows import ArticleRow, EntityRow, OutletRow
from service.graphql.context import Info
from service.graphql.types.common import Span

if TYPE_CHECKING:
    from service.graphql.types.article import Article, Outlet
    from service.graphql.types.entity import Entity

ArticleRef = Annotated["Article", strawberry.lazy("service.graphql.types.article")]
OutletRef = Annotated["Outlet", strawberry.lazy("service.graphql.types.article")]
EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]


@dataclass(frozen=True, slots=True)
class CitationRows:
    """What a citation's fields read, loaded beforehand for a whole list of citations."""

    article: ArticleRow
    outlet: OutletRow
    attributed_to: EntityRow | None


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
    # Set by parents that load the rows of all their citations at once (Fact.values): the
    # fields below then answer without awaiting, which saves graphql-core a task per field
    # per citation (most of a large fact's cost). Otherwise they go through the loaders;
    # graphql-core awaits whatever a resolver returns when it is awaitable.
    rows: strawberry.Private[CitationRows | None] = None

    @strawberry.field
    def article(self, info: Info) -> ArticleRef:
        from service.graphql.types.article import Article

        if self.rows is not None:
            return Article.from_row(self.rows.article)
        return cast("Article", self._article(info))

    @strawberry.field
    def outlet(self, info: Info) -> OutletRef:
        from service.graphql.types.article import Outlet

        if self.rows is not None:
            return Outlet.from_row(self.rows.outlet)
        return cast("Outlet", self._outlet(info))

    @strawberry.field(description="The whole sentence that carries the value or quote.")
    def excerpt(self, info: Info) -> str:
        if self.rows is not None:
            return self._cut(self.rows.article)
        return cast(str, self._excerpt(info))

    @strawberry.field(
        description="Who the article says the information came from "
        "('the Central Election Commission said')."
    )
    def attributed_to(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import Entity

        if self.attributed_to_id is None:
            return None
        if self.rows is not None:
            found = self.rows.attributed_to
            return Entity.from_row(found) if found is not None else None
        return cast("Entity | None", self._attributed_to(info))

    def _cut(self, row: ArticleRow) -> str:
        start, end = self.sentence
        return row.body[start:end]

    async def _article_row(self, info: Info) -> ArticleRow:
        row = await info.context.loaders.article.load(self.article_id)
        assert row is not None
        return row

    async def _article(self, info: Info) -> Article:
        from service.graphql.types.article import Article

        return Article.from_row(await self._article_row(info))

    async def _outlet(self, info: Info) -> Outlet:
        from service.graphql.types.article import load_outlet

        return await load_outlet(info, (await self._article_row(info)).outlet_id)

    async def _excerpt(self, info: Info) -> str:
        return self._cut(await self._article_row(info))

    async def _attributed_to(self, info: Info) -> Entity | None:
        from service.graphql.types.entity import load_entity

        assert self.attributed_to_id is not None
        return await load_entity(info, self.attributed_to_id)


async def load_citation_rows(
    info: Info, article_ids: list[int], attributed_ids: list[int | None]
) -> list[CitationRows]:
    """The rows of many citations in three batched loads (whatever the number of citations)."""
    loaders = info.context.loaders
    articles = await loaders.article.load_many(article_ids)
    outlet_ids = [a.outlet_id for a in articles if a is not None]
    outlets = {o.id: o for o in await loaders.outlet.load_many(outlet_ids) if o is not None}
    wanted = [i for i in attributed_ids if i is not None]
    entities = {e.id: e for e in await loaders.entity.load_many(wanted) if e is not None}
    rows = []
    for article, attributed in zip(articles, attributed_ids, strict=True):
        assert article is not None  # figures.article_id is a foreign key
        rows.append(
            CitationRows(
                article=article,
                outlet=outlets[article.outlet_id],
                attributed_to=entities.get(attributed) if attributed is not None else None,
            )
        )
    return rows
