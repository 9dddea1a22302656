"""Entity and Mention."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from service.db.rows import EntityRow, MentionRow
from service.graphql.context import Info
from service.graphql.loaders import now_or_later
from service.graphql.types.common import (
    After,
    AsOf,
    Before,
    Connection,
    First,
    Last,
    ListFirst,
    Node,
    Span,
    page_connection,
    page_of,
    utc,
)
from service.ids import decode_id_cursor, decode_time_cursor, encode_id
from service.relations import FACTS_BOUND

if TYPE_CHECKING:
    from service.graphql.types.article import Article
    from service.graphql.types.fact import Fact
    from service.graphql.types.quote import Quote

ArticleRef = Annotated["Article", strawberry.lazy("service.graphql.types.article")]
QuoteRef = Annotated["Quote", strawberry.lazy("service.graphql.types.quote")]
FactRef = Annotated["Fact", strawberry.lazy("service.graphql.types.fact")]


@strawberry.enum(description="What sort of thing an entity is.")
class EntityKind(enum.Enum):
    PERSON = strawberry.enum_value("PERSON", description="A person, named or described.")
    ORGANIZATION = strawberry.enum_value(
        "ORGANIZATION",
        description="A company, party, agency, court, rights group, team or other body.",
    )
    PLACE = strawberry.enum_value("PLACE", description="A country, region, city or other location.")
    EVENT = strawberry.enum_value(
        "EVENT", description="A named event: an election, a summit, a disaster."
    )
    OTHER = strawberry.enum_value("OTHER", description="Anything named that is none of those.")


@strawberry.type(
    description="A person, organisation, place or event, one object however many spellings, "
    "transliterations and articles name it."
)
class Entity(Node):
    row: strawberry.Private[EntityRow]
    kind: EntityKind = strawberry.field(description="What sort of thing this is.")
    name: str = strawberry.field(description="Canonical display name.")
    description: str | None = strawberry.field(
        description="A short description (a title or role) when one is known; else null."
    )

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

    @strawberry.field(description="Every place an article names this entity, oldest stored first.")
    async def mentions(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Mention]:
        page = await page_of(
            info,
            info.context.loaders.mentions_of_entity,
            self.row.id,
            decode_id_cursor,
            first=first,
            after=after,
            last=last,
            before=before,
        )
        rows = await info.context.loaders.mention.load_many(page.ids)
        return await page_connection(
            info, page, [Mention.from_row(r) for r in rows if r is not None]
        )

    @strawberry.field(
        description="Articles that mention this entity, newest `publishedAt` first (undated last)."
    )
    async def articles(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[ArticleRef]:
        from service.graphql.types.article import article_connection

        page = await page_of(
            info,
            info.context.loaders.articles_of_entity,
            self.row.id,
            decode_time_cursor,
            first=first,
            after=after,
            last=last,
            before=before,
        )
        return await article_connection(info, page)

    @strawberry.field(description="Statements attributed to this entity, oldest stored first.")
    async def quotes(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[QuoteRef]:
        from service.graphql.types.quote import Quote

        page = await page_of(
            info,
            info.context.loaders.quotes_of_speaker,
            self.row.id,
            decode_id_cursor,
            first=first,
            after=after,
            last=last,
            before=before,
        )
        rows = await info.context.loaders.quote.load_many(page.ids)
        return await page_connection(info, page, [Quote.from_row(r) for r in rows if r is not None])

    @strawberry.field(
        description="Facts whose subject is this entity, oldest stored first: the first "
        "`first` of them (default 20, at most 100; `facts(filter: {subject:})` pages "
        "through all). With `asOf`, those of them with a value reported by then, each "
        "answering as of then (as `fact(asOf:)`)."
    )
    def facts(
        self, info: Info, first: ListFirst = FACTS_BOUND, as_of: AsOf = None
    ) -> list[FactRef]:
        from service.graphql.types.fact import Fact

        at = utc(as_of)
        if at is None:
            return now_or_later(
                info.context.loaders.facts_by_subject,
                self.row.id,
                lambda rows: [Fact.from_row(r) for r in rows[:first]],
            )

        async def known() -> list[Fact]:
            rows = await info.context.loaders.facts_by_subject.load(self.row.id)
            times = await info.context.loaders.fact_times_at.load_many([(r.id, at) for r in rows])
            kept = [r for r, t in zip(rows, times, strict=True) if t is not None]
            return [Fact.from_row(r, at) for r in kept[:first]]

        return cast("list[Fact]", known())


async def load_entity(info: Info, entity_id: int) -> Entity | None:
    row = await info.context.loaders.entity.load(entity_id)
    return Entity.from_row(row) if row is not None else None


def entity_of(info: Info, entity_id: int) -> Entity | None:
    """The entity, now when prefetched, else an awaitable of it (see `now_or_later`)."""
    return now_or_later(info.context.loaders.entity, entity_id, _entity)


def _entity(row: EntityRow | None) -> Entity | None:
    return Entity.from_row(row) if row is not None else None


@strawberry.type(description="One place in an article's body that names an entity.")
class Mention:
    row: strawberry.Private[MentionRow]
    text: str = strawberry.field(description="The words as printed there ('Toqaev', 'CEC').")
    span: Span = strawberry.field(description="Where those words are in Article.body.")

    @classmethod
    def from_row(cls, row: MentionRow) -> Mention:
        return cls(row=row, text=row.text, span=Span(start=row.start_offset, end=row.end_offset))

    @strawberry.field(description="The entity named.")
    def entity(self, info: Info) -> Entity:
        return now_or_later(info.context.loaders.entity, self.row.entity_id, _mentioned)

    @strawberry.field(description="The article whose body holds the mention.")
    def article(self, info: Info) -> ArticleRef:
        from service.graphql.types.article import article_of

        return article_of(info, self.row.article_id)


def _mentioned(row: EntityRow | None) -> Entity:
    assert row is not None  # mentions.entity_id is a foreign key
    return Entity.from_row(row)
