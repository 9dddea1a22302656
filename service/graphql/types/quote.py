"""Quote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import QuoteRow
from service.graphql.context import Info
from service.graphql.ids import encode_id
from service.graphql.types.citation import Citation
from service.graphql.types.common import Node, Span

if TYPE_CHECKING:
    from service.graphql.types.article import Article
    from service.graphql.types.entity import Entity

ArticleRef = Annotated["Article", strawberry.lazy("service.graphql.types.article")]
EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]


@strawberry.type
class Quote(Node):
    row: strawberry.Private[QuoteRow]

    @classmethod
    def from_row(cls, row: QuoteRow) -> Quote:
        return cls(id=strawberry.ID(encode_id("Quote", row.id)), row=row)

    @strawberry.field
    def text(self) -> str:
        return self.row.text

    @strawberry.field
    async def speaker(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import load_entity

        if self.row.speaker_id is None:
            return None
        return await load_entity(info, self.row.speaker_id)

    @strawberry.field(
        description="The speaker as the article names or describes them ('an unnamed young woman')."
    )
    def speaker_text(self) -> str | None:
        return self.row.speaker_text

    @strawberry.field(
        description="A fragment quoted inside reported speech rather than a full quotation."
    )
    def is_partial(self) -> bool:
        return self.row.is_partial

    @strawberry.field
    async def article(self, info: Info) -> ArticleRef:
        from service.graphql.types.article import Article

        row = await info.context.loaders.article.load(self.row.article_id)
        assert row is not None
        return Article.from_row(row)

    @strawberry.field
    def citation(self) -> Citation:
        r = self.row
        return Citation(
            article_id=r.article_id,
            sentence=(r.sentence_start, r.sentence_end),
            attributed_to_id=r.speaker_id,
            span=Span(start=r.start_offset, end=r.end_offset),
            attributed_to_text=r.speaker_text,
        )

    @strawberry.field(description="The same statement as reported by other articles.")
    async def other_reports(self, info: Info) -> list[Quote]:
        rows = await info.context.loaders.quotes_by_statement.load(self.row.statement_key)
        return [Quote.from_row(r) for r in rows if r.article_id != self.row.article_id]
