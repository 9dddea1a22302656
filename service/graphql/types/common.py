"""Types shared by every other: Node, Span, PageInfo and Relay connections."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from strawberry.dataloader import DataLoader

from service.db.paging import IdPage, Window
from service.graphql.context import Info, page_size
from service.graphql.loaders import PageKey
from service.graphql.lookahead import counts
from service.graphql.prefetch import prefetch
from service.ids import CursorKey, encode_cursor

T = TypeVar("T")
K = TypeVar("K")
P = TypeVar("P")

# The paging arguments every connection takes, described once.
First = Annotated[
    int | None,
    strawberry.argument(
        description="How many items to return: 0 to 100, default 20. Outside that range the "
        "request fails with `page_size_out_of_range` instead of being silently clamped."
    ),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Return the items after this cursor: the `pageInfo.endCursor` (or an "
        "edge's `cursor`) of the page before. Omit it for the first page. Cursors are opaque."
    ),
]
Last = Annotated[
    int | None,
    strawberry.argument(
        description="How many items to return from the end of the list (or of the part "
        "before `before`), for paging backwards: 0 to 100. Pass `first` or `last`, not both; "
        "outside that range the request fails with `page_size_out_of_range`."
    ),
]
Before = Annotated[
    str | None,
    strawberry.argument(
        description="Return the items before this cursor: the `pageInfo.startCursor` (or an "
        "edge's `cursor`) of the page after. Cursors are opaque."
    ),
]

# `first` on a plain list (the contract's `[Quote!]!` and the like): no cursors, a bound.
ListFirst = Annotated[
    int,
    strawberry.argument(
        description="How many items to return from the start of the list: 0 to 100, default "
        "as shown. Outside that range the request fails with `page_size_out_of_range`; the "
        "cost check counts the list as this many items."
    ),
]


async def page_of(
    info: Info,
    loader: DataLoader[PageKey, P],
    parent_id: int,
    decode: Callable[[str | None, str], Any],
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> P:
    """The page of `parent_id`'s connection the paging arguments ask for, through `loader`
    (one query for every parent asking), counted only when the selection shows the count."""
    paging = window(decode, first=first, after=after, last=last, before=before)
    return await loader.load((parent_id, paging, counts(info)))


def window(
    decode: Callable[[str | None, str], K | None],
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Window[K]:
    """The page the paging arguments ask for, cursors decoded by `decode(cursor, argument
    name)`. The cost check has refused `first` and `last` together before this runs."""
    from_end = last is not None and first is None
    return Window(
        size=page_size(last if from_end else first),
        after=decode(after, "after"),
        before=decode(before, "before"),
        from_end=from_end,
    )


@strawberry.interface(
    description="Relay global object identification: every entity type is refetchable by id."
)
class Node:
    id: strawberry.ID = strawberry.field(
        description="Global, opaque and stable id: pass it to `node(id:)` to fetch the object "
        "again. The same id is used by the HTTP/JSON API."
    )


@strawberry.enum(description="Which text of an article a span's offsets count in.")
class TextPart(enum.Enum):
    BODY = strawberry.enum_value("BODY", description="Article.body, the story text.")
    STANDFIRST = strawberry.enum_value("STANDFIRST", description="Article.standfirst.")
    CAPTION = strawberry.enum_value(
        "CAPTION", description="One of Article.captions: the one `Span.caption` names."
    )


@strawberry.type(
    description="Character offsets, end exclusive, into the text `part` names: Article.body, "
    "unless a figure was printed only in the standfirst or a caption."
)
class Span:
    start: int = strawberry.field(
        description="Offset of the first character, from 0, counted in Unicode code points "
        "(an emoji is one, where JavaScript strings count two: use `Array.from(text)`)."
    )
    end: int = strawberry.field(
        description="Offset just past the last character: `text[start:end]` is the text, "
        "where `text` is the one `part` names."
    )
    part: TextPart = strawberry.field(
        default=TextPart.BODY, description="The text the offsets count in."
    )
    caption: int | None = strawberry.field(
        default=None, description="Index into Article.captions (from 0) when part is CAPTION."
    )


@strawberry.type(description="Where this page sits in the whole list (Relay cursor paging).")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="True when more items follow: ask again with `after: endCursor`. When "
        "paging backwards with `last`, whether `before` was given."
    )
    has_previous_page: bool = strawberry.field(
        description="True when items come before this page: when paging backwards with "
        "`last`, whether more precede it; when paging forwards, whether `after` was given."
    )
    start_cursor: str | None = strawberry.field(
        description="Cursor of the first item of this page; pass it as `before` for the "
        "page before. Null when the page is empty."
    )
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last item of this page; pass it as `after` for the next "
        "page. Null when the page is empty."
    )


def _edge_cursor(self: Edge[Any]) -> str:
    # Encoded when asked for: most pages never read their edges' cursors, and encoding 20
    # of them was 5% of a page of articles.
    return encode_cursor(self.key)


@strawberry.type(description="One item of a page, with the cursor that points at it.")
class Edge(Generic[T]):
    key: strawberry.Private[CursorKey]
    cursor: str = strawberry.field(
        resolver=_edge_cursor,
        description="Opaque position of this item: pass it as `after` to continue after it.",
    )
    node: T = strawberry.field(description="The item itself.")


@strawberry.type(
    description="One page of a list (a Relay connection): the items in `edges`, where the "
    "page sits in `pageInfo`, and how many items the whole list holds in `totalCount`."
)
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(
        description="The items of this page, in the list's order; empty past the end."
    )
    page_info: PageInfo = strawberry.field(description="Cursors to move to the next page.")
    total_count: int = strawberry.field(
        description="How many items the whole list holds (all pages, filters applied). "
        "Counted only when asked for, so leave it out when you do not show it."
    )


async def page_connection(info: Info, page: IdPage, nodes: Sequence[T]) -> Connection[T]:
    """A connection over one keyset page of ids, with what its nodes' selection reads
    prefetched (see service/graphql/prefetch.py)."""
    await prefetch(info, nodes, ("edges", "node"))
    return make_connection(
        nodes,
        page.ids,
        has_next=page.has_next,
        has_previous=page.has_previous,
        total=page.total,
    )


def make_connection(
    nodes: Sequence[T],
    keys: Sequence[CursorKey],
    *,
    has_next: bool,
    has_previous: bool,
    total: int,
) -> Connection[T]:
    """A connection over `nodes`, whose cursors encode the matching keyset `keys`."""
    return Connection(
        edges=[Edge(key=k, node=n) for k, n in zip(keys, nodes, strict=True)],
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=has_previous,
            start_cursor=encode_cursor(keys[0]) if keys else None,
            end_cursor=encode_cursor(keys[-1]) if keys else None,
        ),
        total_count=total,
    )


# A past time to answer as of (`fact(asOf:)` and its siblings), described once.
AsOf = Annotated[
    dt.datetime | None,
    strawberry.argument(
        description="Answer as Factdesk knew it at this time (ISO 8601; no offset means "
        "UTC): only values published by then (the time the outlet states, else when the copy "
        "arrived), as the article stood then (a later correction's values not yet, the "
        "replaced copy's still; a retracted article's until its retraction), ranked by the "
        "judgements in force then. Null or omitted: now."
    ),
]


def utc(at: dt.datetime | None) -> dt.datetime | None:
    """An `AsOf` time with its zone: a time without an offset is UTC."""
    return at.replace(tzinfo=dt.UTC) if at is not None and at.tzinfo is None else at
