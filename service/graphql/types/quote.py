"""Quote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import QuoteRow
from service.graphql.context import Info
from service.graphql.loaders import now_or_later
from service.graphql.types.citation import Citation
from service.graphql.types.common import ListFirst, Node, Span
from service.ids import encode_id
from service.relations import LIST_BOUND

if TYPE_CHECKING:
    from service.graphql.types.article import Article
    from service.graphql.types.entity import Entity

ArticleRef = Annotated["Article", strawberry.lazy("service.graphql.types.article")]
EntityRef = Annotated["Entity", strawberry.lazy("service.graphql.types.entity")]


@strawberry.type(
    description="A quotation in an article, and who said it: the speaker resolved to an "
    "entity when named, described in words when not."
)
class Quote(Node):
    row: strawberry.Private[QuoteRow]
    text: str = strawberry.field(description="The quoted words, without the quotation marks.")
    speaker_text: str | None = strawberry.field(
        description="The speaker as the article names or describes them ('an unnamed young "
        "woman'); null when the article does not say who spoke."
    )
    is_partial: bool = strawberry.field(
        description="A fragment quoted inside reported speech rather than a full quotation."
    )

    @classmethod
    def from_row(cls, row: QuoteRow) -> Quote:
        return cls(
            id=strawberry.ID(encode_id("Quote", row.id)),
            row=row,
            text=row.text,
            speaker_text=row.speaker_text,
            is_partial=row.is_partial,
        )

    @strawberry.field(
        description="Who said it, as an entity; null when the speaker is unnamed or unknown "
        "(see speakerText)."
    )
    def speaker(self, info: Info) -> EntityRef | None:
        from service.graphql.types.entity import entity_of

        if self.row.speaker_id is None:
            return None
        return entity_of(info, self.row.speaker_id)

    @strawberry.field(description="The article that carries the quotation.")
    def article(self, info: Info) -> ArticleRef:
        from service.graphql.types.article import article_of

        return article_of(info, self.row.article_id)

    @strawberry.field(description="Where the quotation is in the article, and who said it.")
    def citation(self) -> Citation:
        return quote_citation(self.row)

    @strawberry.field(
        description="The same statement as reported by other articles, oldest stored first "
        "(the first `first` of them, at most 100); empty when no other article carries it."
    )
    def other_reports(self, info: Info, first: ListFirst = LIST_BOUND) -> list[Quote]:
        article_id = self.row.article_id
        return now_or_later(
            info.context.loaders.quotes_by_statement,
            self.row.statement_key,
            lambda rows: [Quote.from_row(r) for r in rows if r.article_id != article_id][:first],
        )


def quote_citation(row: QuoteRow) -> Citation:
    return Citation(
        article_id=row.article_id,
        sentence=(row.sentence_start, row.sentence_end),
        attributed_to_id=row.speaker_id,
        span=Span(start=row.start_offset, end=row.end_offset),
        attributed_to_text=row.speaker_text,
    )
