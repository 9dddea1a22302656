"""Entity and Mention."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import EntityRow, MentionRow
from service.graphql.context import Info, page_size
from service.graphql.ids import decode_id_cursor, decode_time_cursor, encode_id
from service.graphql.types.common import Connection, Node, Span, make_connection

if TYPE_CHECKING:
    from service.graphql.types.article import Article
    from service.graphql.types.fact import Fact
    from service.graphql.types.quote import Quote

ArticleRef = Annotated["Article", strawberry.lazy("service.graphql.types.article")]
QuoteRef = Annotated["Quote", strawberry.lazy("service.graphql.types.quote")]
FactRef = Annotated["Fact", strawberry.lazy("service.graphql.types.fact")]


@strawberry.enum
class EntityKind(enum.Enum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    PLACE = "PLACE"
    EVENT = "EVENT"
    OTHER = "OTHER"


@strawberry.type
class Entity(Node):
    row: strawberry.Private[EntityRow]

    @classmethod
    def from_row(cls, row: EntityRow) -> Entity:
        return cls(id=strawberry.ID(encode_id("Entity", row.id)), row=row)

    @strawberry.field
    def kind(self) -> EntityKind:
        return EntityKind(self.row.kind)

    @strawberry.field(description="Canonical display name.")
    def name(self) -> str:
        return self.row.name

    @strawberry.field(
        description="Every other name seen or curated: transliterations, short forms, acronyms."
    )
    async def aliases(self, info: Info) -> list[str]:
        return await info.context.loaders.aliases.load(self.row.id)

    @strawberry.field
    def description(self) -> str | None:
        return self.row.description

    @strawberry.field
    async def mentions(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Mention]:
        key = (self.row.id, page_size(first), decode_id_cursor(after))
        page = await info.context.loaders.mentions_of_entity.load(key)
        rows = await info.context.loaders.mention.load_many(page.ids)
        return make_connection(
            [Mention.from_row(r) for r in rows if r is not None],
            page.ids,
            has_next=page.has_next,
            has_previous=after is not None,
            total=page.total,
        )

    @strawberry.field
    async def articles(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[ArticleRef]:
        from service.graphql.types.article import article_connection

        key = (self.row.id, page_size(first), decode_time_cursor(after))
        items, has_next, total = await info.context.loaders.articles_of_entity.load(key)
        return await article_connection(info, items, has_next, total, after is not None)

    @strawberry.field(description="Statements attributed to this entity.")
    async def quotes(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[QuoteRef]:
        from service.graphql.types.quote import Quote

        key = (self.row.id, page_size(first), decode_id_cursor(after))
        page = await info.context.loaders.quotes_of_speaker.load(key)
        rows = await info.context.loaders.quote.load_many(page.ids)
        return make_connection(
            [Quote.from_row(r) for r in rows if r is not None],
            page.ids,
            has_next=page.has_next,
            has_previous=after is not None,
            total=page.total,
        )

    @strawberry.field(description="Facts whose subject is this entity.")
    async def facts(self, info: Info) -> list[FactRef]:
        from service.graphql.types.fact import Fact

        rows = await info.context.loaders.facts_by_subject.load(self.row.id)
        return [Fact.from_row(r) for r in rows]


async def load_entity(info: Info, entity_id: int) -> Entity | None:
    row = await info.context.loaders.entity.load(entity_id)
    return Entity.from_row(row) if row is not None else None


@strawberry.type
class Mention:
    row: strawberry.Private[MentionRow]

    @classmethod
    def from_row(cls, row: MentionRow) -> Mention:
        return cls(row=row)

    @strawberry.field
    async def entity(self, info: Info) -> Entity:
        entity = await load_entity(info, self.row.entity_id)
        assert entity is not None
        return entity

    @strawberry.field
    async def article(self, info: Info) -> ArticleRef:
        from service.graphql.types.article import Article

        row = await info.context.loaders.article.load(self.row.article_id)
        assert row is not None
        return Article.from_row(row)

    @strawberry.field
    def text(self) -> str:
        return self.row.text

    @strawberry.field
    def span(self) -> Span:
        return Span(start=self.row.start_offset, end=self.row.end_offset)
