"""Entity and Mention."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from service.db.rows import EntityRow, MentionRow
from service.graphql.context import Info, page_size
from service.graphql.ids import decode_id_cursor, decode_time_cursor, encode_id
from service.graphql.loaders import now_or_later
from service.graphql.lookahead import counts
from service.graphql.types.common import Connection, Node, Span, page_connection

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
    kind: EntityKind
    name: str = strawberry.field(description="Canonical display name.")
    description: str | None

    @classmethod
    def from_row(cls, row: EntityRow) -> Entity:
        return cls(
            id=strawberry.ID(encode_id("Entity", row.id)),
            row=row,
            kind=EntityKind[row.kind],
            name=row.name,
            description=row.description,
        )

    @strawberry.field(
        description="Every other name seen or curated: transliterations, short forms, acronyms."
    )
    def aliases(self, info: Info) -> list[str]:
        return now_or_later(info.context.loaders.aliases, self.row.id, list)

    @strawberry.field
    async def mentions(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[Mention]:
        key = (self.row.id, page_size(first), decode_id_cursor(after), counts(info))
        page = await info.context.loaders.mentions_of_entity.load(key)
        rows = await info.context.loaders.mention.load_many(page.ids)
        return await page_connection(
            info, page, [Mention.from_row(r) for r in rows if r is not None], after
        )

    @strawberry.field
    async def articles(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[ArticleRef]:
        from service.graphql.types.article import article_connection

        key = (self.row.id, page_size(first), decode_time_cursor(after), counts(info))
        items, has_next, total = await info.context.loaders.articles_of_entity.load(key)
        return await article_connection(info, items, has_next, total, after is not None)

    @strawberry.field(description="Statements attributed to this entity.")
    async def quotes(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[QuoteRef]:
        from service.graphql.types.quote import Quote

        key = (self.row.id, page_size(first), decode_id_cursor(after), counts(info))
        page = await info.context.loaders.quotes_of_speaker.load(key)
        rows = await info.context.loaders.quote.load_many(page.ids)
        return await page_connection(
            info, page, [Quote.from_row(r) for r in rows if r is not None], after
        )

    @strawberry.field(description="Facts whose subject is this entity.")
    def facts(self, info: Info) -> list[FactRef]:
        from service.graphql.types.fact import Fact

        return now_or_later(
            info.context.loaders.facts_by_subject,
            self.row.id,
            lambda rows: [Fact.from_row(r) for r in rows],
        )


async def load_entity(info: Info, entity_id: int) -> Entity | None:
    row = await info.context.loaders.entity.load(entity_id)
    return Entity.from_row(row) if row is not None else None


def entity_of(info: Info, entity_id: int) -> Entity | None:
    """The entity, now when prefetched, else an awaitable of it (see `now_or_later`)."""
    return now_or_later(info.context.loaders.entity, entity_id, _entity)


def _entity(row: EntityRow | None) -> Entity | None:
    return Entity.from_row(row) if row is not None else None


@strawberry.type
class Mention:
    row: strawberry.Private[MentionRow]
    text: str
    span: Span

    @classmethod
    def from_row(cls, row: MentionRow) -> Mention:
        return cls(row=row, text=row.text, span=Span(start=row.start_offset, end=row.end_offset))

    @strawberry.field
    def entity(self, info: Info) -> Entity:
        return now_or_later(info.context.loaders.entity, self.row.entity_id, _mentioned)

    @strawberry.field
    def article(self, info: Info) -> ArticleRef:
        from service.graphql.types.article import article_of

        return article_of(info, self.row.article_id)


def _mentioned(row: EntityRow | None) -> Entity:
    assert row is not None  # mentions.entity_id is a foreign key
    return Entity.from_row(row)
