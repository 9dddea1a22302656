"""The Query root."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum
from typing import Annotated, Protocol, TypeVar, cast

import strawberry

from service.db import articles as articles_db
from service.db import entities as entities_db
from service.db import facts as facts_db
from service.db import figures as figures_db
from service.db import outlets as outlets_db
from service.db import quotes as quotes_db
from service.db import search as search_db
from service.db.paging import IdPage, Narrowing, PagedTable, SortedPage
from service.graphql.context import Info, page_size
from service.graphql.lookahead import counts
from service.graphql.nodes import SearchHit, load_node, load_nodes
from service.graphql.prefetch import prefetch
from service.graphql.trees import answer_tree
from service.graphql.types.article import Article, Outlet, article_connection
from service.graphql.types.change import Change, change_connection
from service.graphql.types.common import (
    After,
    AsOf,
    Before,
    Connection,
    First,
    Last,
    ListFirst,
    Node,
    make_connection,
    page_connection,
    utc,
    window,
)
from service.graphql.types.entity import Entity, EntityKind, load_entity
from service.graphql.types.fact import Fact
from service.graphql.types.figure import Figure
from service.graphql.types.order import (
    ArticleOrder,
    EntityOrder,
    FactOrder,
    FigureOrder,
    OrderDirection,
    QuoteOrder,
    sorted_window,
)
from service.graphql.types.quote import Quote
from service.ids import (
    SortCursor,
    decode_id,
    decode_id_cursor,
    decode_time_cursor,
    optional_id,
)
from service.lookup import (
    entity_ids_named,
    name_keys,
    outlet_id_from,
    refuse_retracted,
    word_keys,
)
from service.relations import LIST_BOUND
from service.search_text import bounded_search

NodeT = TypeVar("NodeT", Entity, Quote, Figure, Fact)
ObjT = TypeVar("ObjT", Article, Entity, Fact)
NarrowingT = TypeVar("NarrowingT", bound=Narrowing)

# Arguments several root fields share.
NodeId = Annotated[
    strawberry.ID, strawberry.argument(description="A global id, as any object's `id` gives it.")
]
ArticleFilterArg = Annotated[
    "ArticleFilter | None", strawberry.argument(description="Which articles; null: all.")
]


@strawberry.input(description="Narrows `articles`; conditions given together must all hold.")
class ArticleFilter:
    outlet: str | None = strawberry.field(
        default=None, description="Published by this outlet, given by id or by name."
    )
    mentions: strawberry.ID | None = strawberry.field(
        default=None, description="Mentioning this entity (its id)."
    )
    published_after: dt.datetime | None = strawberry.field(
        default=None,
        description="Published at or after this time (ISO 8601 with offset); undated "
        "articles never match.",
    )
    published_before: dt.datetime | None = strawberry.field(
        default=None,
        description="Published before this time (ISO 8601 with offset); undated articles "
        "never match.",
    )
    search: str | None = strawberry.field(
        default=None,
        description="Words the headline or body contain (at most 500 characters).",
    )


@strawberry.input(description="Narrows `entities`; conditions given together must all hold.")
class EntityFilter:
    kind: EntityKind | None = strawberry.field(
        default=None, description="Only entities of this kind."
    )
    search: str | None = strawberry.field(
        default=None,
        description="Matches canonical names and aliases, insensitive to case, accents and "
        "transliteration (at most 500 characters).",
    )


@strawberry.input(description="Narrows `quotes`; conditions given together must all hold.")
class QuoteFilter:
    speaker: strawberry.ID | None = strawberry.field(
        default=None, description="Said by this entity (its id)."
    )
    article: strawberry.ID | None = strawberry.field(
        default=None, description="In this article (its id)."
    )
    search: str | None = strawberry.field(
        default=None, description="Words the quotation contains (at most 500 characters)."
    )


@strawberry.input(description="Narrows `figures`; conditions given together must all hold.")
class FigureFilter:
    article: strawberry.ID | None = strawberry.field(
        default=None, description="Reported in this article (its id)."
    )
    subject: strawberry.ID | None = strawberry.field(
        default=None, description="About this entity (its id)."
    )
    property: str | None = strawberry.field(
        default=None, description="Measuring this, as a key: vote_share, deaths, ..."
    )
    unit: str | None = strawberry.field(
        default=None, description="In this unit: percent, people, USD, ..."
    )


@strawberry.input(description="Narrows `facts`; conditions given together must all hold.")
class FactFilter:
    subject: strawberry.ID | None = strawberry.field(
        default=None, description="About this entity (its id)."
    )
    property: str | None = strawberry.field(
        default=None, description="Measuring this, as a key: vote_share, deaths, ..."
    )
    disputed: bool | None = strawberry.field(
        default=None,
        description="true: only facts whose values disagree; false: only those that agree.",
    )


async def _sorted_connection(
    info: Info, page: SortedPage, order: str, node_type: type[NodeT]
) -> Connection[NodeT]:
    """A connection over a page in a chosen order: its cursors carry the order's values."""
    found = await load_nodes(info, [(node_type.__name__, pk) for pk, _ in page.items])
    pairs = [
        (node, SortCursor(order, key[0], pk))
        for node, (pk, key) in zip(found, page.items, strict=True)
        if isinstance(node, node_type)
    ]
    nodes = [node for node, _ in pairs]
    await prefetch(info, nodes, ("edges", "node"))
    return make_connection(
        nodes,
        [key for _, key in pairs],
        has_next=page.has_next,
        has_previous=page.has_previous,
        total=page.total,
    )


async def _id_connection(info: Info, page: IdPage, node_type: type[NodeT]) -> Connection[NodeT]:
    found = await load_nodes(info, [(node_type.__name__, pk) for pk in page.ids])
    return await page_connection(info, page, [n for n in found if isinstance(n, node_type)])


@dataclass(frozen=True, slots=True)
class _Paging:
    """A connection's Relay arguments, as given."""

    first: int | None
    after: str | None
    last: int | None
    before: str | None


class _ChosenOrder(Protocol):
    """An `orderBy` argument: a field of the listing's orders and a direction."""

    @property
    def field(self) -> Enum: ...

    @property
    def direction(self) -> OrderDirection: ...


async def _root_connection(
    info: Info,
    node_type: type[NodeT],
    table: PagedTable[NarrowingT],
    narrowing: NarrowingT,
    order_by: _ChosenOrder | None,
    paging: _Paging,
) -> Connection[NodeT]:
    """A root connection of `table`'s rows: in stored order, or in the order chosen, whose
    cursors carry its values."""
    first, after, last, before = paging.first, paging.after, paging.last, paging.before
    async with info.context.reads.acquire() as conn:
        if order_by is not None:
            field = order_by.field.name
            sorted_page = await table.page_sorted(
                conn,
                narrowing,
                order=field,
                descending=order_by.direction is OrderDirection.DESC,
                window=sorted_window(field, first=first, after=after, last=last, before=before),
                count=counts(info),
            )
            return await _sorted_connection(info, sorted_page, field, node_type)
        page = await table.page(
            conn,
            narrowing,
            window=window(decode_id_cursor, first=first, after=after, last=last, before=before),
            count=counts(info),
        )
    return await _id_connection(info, page, node_type)


async def _prefetched(info: Info, found: ObjT | None) -> ObjT | None:
    """`found`, with the rows of the selection below it loaded (see service/graphql/prefetch)."""
    if found is not None:
        await prefetch(info, [found])
    return found


@strawberry.type(description="Reads. Open to anyone unless the server protects reads.")
class Query:
    @strawberry.field(
        description="Any object by its global id; null when no object has that id (a "
        "malformed id is an `invalid_id` error)."
    )
    async def node(self, info: Info, id: NodeId) -> Node | None:
        found = await load_node(info, id)
        await prefetch(info, [found] if found is not None else [])
        return found

    @strawberry.field(
        description="Several objects by global id, in the order asked; null in place of an id "
        "no object has."
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description="Global ids; each counts towards the query cost."),
        ],
    ) -> list[Node | None]:
        found = await load_nodes(info, ids)
        await prefetch(info, [n for n in found if n is not None])
        return found

    @strawberry.field(
        description="One article by id or by slug; null when none matches (or neither is "
        "given). A retracted article is null too, with an error whose extensions.code is "
        "article_retracted (and retractedAt, reason)."
    )
    async def article(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID | None, strawberry.argument(description="The article's global id.")
        ] = None,
        slug: Annotated[
            str | None, strawberry.argument(description="The article's slug (used when no id).")
        ] = None,
    ) -> Article | None:
        article_id = optional_id(id, "Article")
        if article_id is None and slug is not None:
            async with info.context.reads.acquire() as conn:
                article_id = await articles_db.find_article_id_by_slug(conn, slug=slug)
        if article_id is None:
            return None
        row = await info.context.loaders.article.load(article_id)
        if row is None:
            await _refuse_retracted(info, article_id)
        return await _prefetched(info, Article.from_row(row) if row is not None else None)

    @strawberry.field(
        description="Articles, newest `publishedAt` first (undated last), ties by newest stored."
    )
    async def articles(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: ArticleFilterArg = None,
        order_by: Annotated[
            ArticleOrder | None,
            strawberry.argument(
                description="The order; null: newest `publishedAt` first (undated last), "
                "ties by newest stored. Cursors belong to the order they were read in."
            ),
        ] = None,
    ) -> Connection[Article]:
        flt = articles_db.ArticleFilter()
        async with info.context.reads.acquire() as conn:
            if filter is not None:
                flt = articles_db.ArticleFilter(
                    outlet_id=await outlet_id_from(conn, filter.outlet or None),
                    entity_id=optional_id(filter.mentions, "Entity"),
                    published_after=filter.published_after,
                    published_before=filter.published_before,
                    search=bounded_search(filter.search, field="filter.search"),
                )
            if order_by is not None:
                field = order_by.field.name
                sorted_page = await articles_db.page_sorted_articles(
                    conn,
                    flt=flt,
                    order=field,
                    descending=order_by.direction is OrderDirection.DESC,
                    window=sorted_window(field, first=first, after=after, last=last, before=before),
                    count=counts(info),
                )
                return await article_connection(info, sorted_page, field)
            paging = window(decode_time_cursor, first=first, after=after, last=last, before=before)
            page = await articles_db.page_articles(conn, flt=flt, window=paging)
            # Counting reads every matching row (100k articles: ~10 ms); a page that does
            # not show the count does not pay for it.
            total = await articles_db.count_filtered_articles(conn, flt=flt) if counts(info) else 0
        return await article_connection(info, replace(page, total=total))

    @strawberry.field(
        description="Looks an entity up by id, or by any name it is known by: aliases, other "
        "transliterations, accents and case do not matter."
    )
    async def entity(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID | None, strawberry.argument(description="The entity's global id.")
        ] = None,
        name: Annotated[
            str | None,
            strawberry.argument(
                description="Any name or spelling of it (used when no id); null result when "
                "nothing matches."
            ),
        ] = None,
    ) -> Entity | None:
        entity_id = optional_id(id, "Entity")
        if entity_id is None and name is not None and name.strip():
            async with info.context.reads.acquire() as conn:
                named = await entity_ids_named(conn, name.strip())
            entity_id = named[0] if named else None
        if entity_id is None:
            return None
        tree = await answer_tree(info, "Entity", entity_id)
        if tree is not None:
            return cast(Entity | None, tree)  # completed as it is (FactdeskExecutionContext)
        return await _prefetched(info, await load_entity(info, entity_id))

    @strawberry.field(description="Entities, oldest stored first.")
    async def entities(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            EntityFilter | None, strawberry.argument(description="Which entities; null: all.")
        ] = None,
        order_by: Annotated[
            EntityOrder | None,
            strawberry.argument(
                description="The order; null: oldest stored first. Cursors belong to the "
                "order they were read in."
            ),
        ] = None,
    ) -> Connection[Entity]:
        search = bounded_search(filter.search or None, field="filter.search") if filter else None
        flt = entities_db.EntityFilter(
            kind=filter.kind.name if filter and filter.kind else None,
            search=search,
            search_keys=name_keys(search) if search else (),
        )
        paging = _Paging(first, after, last, before)
        return await _root_connection(info, Entity, entities_db.ENTITIES, flt, order_by, paging)

    @strawberry.field(description="Quotations, oldest stored first.")
    async def quotes(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            QuoteFilter | None, strawberry.argument(description="Which quotes; null: all.")
        ] = None,
        order_by: Annotated[
            QuoteOrder | None,
            strawberry.argument(
                description="The order; null: oldest stored first. Cursors belong to the "
                "order they were read in."
            ),
        ] = None,
    ) -> Connection[Quote]:
        flt = quotes_db.QuoteFilter()
        if filter is not None:
            flt = quotes_db.QuoteFilter(
                speaker_id=optional_id(filter.speaker, "Entity"),
                article_id=optional_id(filter.article, "Article"),
                search=bounded_search(filter.search, field="filter.search"),
            )
        paging = _Paging(first, after, last, before)
        return await _root_connection(info, Quote, quotes_db.QUOTES, flt, order_by, paging)

    @strawberry.field(description="Reported numbers, oldest stored first.")
    async def figures(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            FigureFilter | None, strawberry.argument(description="Which figures; null: all.")
        ] = None,
        order_by: Annotated[
            FigureOrder | None,
            strawberry.argument(
                description="The order; null: oldest stored first. Cursors belong to the "
                "order they were read in."
            ),
        ] = None,
    ) -> Connection[Figure]:
        flt = figures_db.FigureFilter()
        if filter is not None:
            flt = figures_db.FigureFilter(
                article_id=optional_id(filter.article, "Article"),
                subject_id=optional_id(filter.subject, "Entity"),
                property=filter.property,
                unit=filter.unit,
            )
        paging = _Paging(first, after, last, before)
        return await _root_connection(info, Figure, figures_db.FIGURES, flt, order_by, paging)

    @strawberry.field(
        description="One fact by global id; null when no fact has it. With `asOf`, the fact "
        "as known then (its values, `disputed`, ranks, `preferred`, `reports` and times), "
        "null when none of its values had been reported by then; a fact whose every value "
        "was since retracted or corrected away answers only with `asOf` before then."
    )
    async def fact(self, info: Info, id: NodeId, as_of: AsOf = None) -> Fact | None:
        fact_id = decode_id(id, "Fact")[1]
        at = utc(as_of)
        if at is not None:
            known = await info.context.loaders.fact_times_at.load((fact_id, at))
            row = await info.context.loaders.fact_ever.load(fact_id) if known else None
            return Fact.from_row(row, at) if row is not None else None
        tree = await answer_tree(info, "Fact", fact_id)
        if tree is not None:
            return cast(Fact | None, tree)  # completed as it is (FactdeskExecutionContext)
        row = await info.context.loaders.fact.load(fact_id)
        return await _prefetched(info, Fact.from_row(row) if row is not None else None)

    @strawberry.field(description="Facts, oldest stored first.")
    async def facts(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            FactFilter | None, strawberry.argument(description="Which facts; null: all.")
        ] = None,
        order_by: Annotated[
            FactOrder | None,
            strawberry.argument(
                description="The order; null: oldest stored first. Cursors belong to the "
                "order they were read in."
            ),
        ] = None,
    ) -> Connection[Fact]:
        flt = facts_db.FactFilter()
        if filter is not None:
            flt = facts_db.FactFilter(
                subject_id=optional_id(filter.subject, "Entity"),
                property=filter.property,
                disputed=filter.disputed,
            )
        paging = _Paging(first, after, last, before)
        return await _root_connection(info, Fact, facts_db.FACTS, flt, order_by, paging)

    @strawberry.field(
        description="The change feed: every committed ingest, republication, correction, "
        "retraction and judgement, oldest first. Keep `pageInfo.endCursor` and ask again "
        "with `after` for what changed since."
    )
    async def changes(
        self, info: Info, after: After = None, first: First = None
    ) -> Connection[Change]:
        return await change_connection(info, after=after, first=first)

    @strawberry.field(
        description="Outlets by name A to Z: the first `first` of them (at most 100)."
    )
    async def outlets(self, info: Info, first: ListFirst = LIST_BOUND) -> list[Outlet]:
        async with info.context.reads.acquire() as conn:
            rows = await outlets_db.list_outlets(conn, limit=first)
        return [Outlet.from_row(r) for r in rows]

    @strawberry.field(
        description="Full-text and fuzzy search across articles, entities, quotes and facts, "
        "best match first."
    )
    async def search(
        self,
        info: Info,
        query: Annotated[
            str,
            strawberry.argument(
                description="Words or a name, at most 500 characters; blank returns nothing."
            ),
        ],
        first: First = None,
    ) -> list[SearchHit]:
        query = bounded_search(query, field="query") or ""
        if not query.strip():
            return []
        async with info.context.reads.acquire() as conn:
            hits = await search_db.search_everything(
                conn,
                query=query,
                keys=name_keys(query),
                word_keys=word_keys(query),
                limit=page_size(first),
            )
        found = await load_nodes(info, [(kind, pk) for kind, pk in hits])
        nodes = [node for node in found if node is not None]
        await prefetch(info, nodes)
        return nodes  # type: ignore[return-value]


async def _refuse_retracted(info: Info, article_id: int) -> None:
    """A retracted article's reader is told so (the contract's `article` stays nullable:
    null, with an error whose code says why)."""
    async with info.context.reads.acquire() as conn:
        await refuse_retracted(conn, article_id=article_id)
