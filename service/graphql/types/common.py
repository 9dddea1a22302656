"""Types shared by every other: Node, Span, PageInfo and Relay connections."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

import strawberry

from service.db.paging import IdPage
from service.graphql.context import Info
from service.graphql.ids import CursorKey, encode_cursor
from service.graphql.prefetch import prefetch

T = TypeVar("T")


@strawberry.interface(
    description="Relay global object identification: every entity type is refetchable by id."
)
class Node:
    id: strawberry.ID


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
    start: int
    end: int
    part: TextPart = strawberry.field(
        default=TextPart.BODY, description="The text the offsets count in."
    )
    caption: int | None = strawberry.field(
        default=None, description="Index into Article.captions (from 0) when part is CAPTION."
    )


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


def _edge_cursor(self: Edge[Any]) -> str:
    # Encoded when asked for: most pages never read their edges' cursors, and encoding 20
    # of them was 5% of a page of articles.
    return encode_cursor(self.key)


@strawberry.type
class Edge(Generic[T]):
    key: strawberry.Private[CursorKey]
    cursor: str = strawberry.field(resolver=_edge_cursor)
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


async def page_connection(
    info: Info, page: IdPage, nodes: Sequence[T], after: str | None
) -> Connection[T]:
    """A connection over one keyset page of ids, with what its nodes' selection reads
    prefetched (see service/graphql/prefetch.py)."""
    await prefetch(info, nodes, ("edges", "node"))
    return make_connection(
        nodes, page.ids, has_next=page.has_next, has_previous=after is not None, total=page.total
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
