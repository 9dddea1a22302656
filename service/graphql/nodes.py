"""Refetching any object by global id, in batches (node, nodes, search)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import strawberry

from service.errors import InvalidIdError
from service.graphql.context import Info
from service.graphql.types.article import Article, Outlet
from service.graphql.types.common import Node
from service.graphql.types.entity import Entity
from service.graphql.types.fact import Fact
from service.graphql.types.figure import Figure
from service.graphql.types.judgement import Judgement
from service.graphql.types.quote import Quote
from service.ids import decode_id

SearchHit = Annotated[
    Article | Entity | Quote | Fact,
    strawberry.union(
        "SearchHit", description="One search result: ask for its fields with `... on Type`."
    ),
]

_TYPES: dict[str, Any] = {
    "Article": (Article, "article"),
    "Outlet": (Outlet, "outlet"),
    "Entity": (Entity, "entity"),
    "Quote": (Quote, "quote"),
    "Figure": (Figure, "figure"),
    "Fact": (Fact, "fact"),
    "Judgement": (Judgement, "judgement"),
}


async def load_nodes(info: Info, refs: Sequence[str | tuple[str, int]]) -> list[Node | None]:
    """Objects for global ids (or (type, pk) pairs), in order; None where none exists.

    Each type is fetched through its batched loader, so the round trips do not grow with
    the number of ids.
    """
    pairs: list[tuple[str, int] | None] = []
    for ref in refs:
        if isinstance(ref, tuple):
            pairs.append(ref)
            continue
        try:
            pairs.append(decode_id(ref))
        except InvalidIdError:
            pairs.append(None)
    loaded: list[Node | None] = [None] * len(pairs)
    # Every load is queued before any is awaited, so each type goes out in one query.
    keyed = [
        getattr(info.context.loaders, _TYPES[p[0]][1]).load(p[1]) if p else None for p in pairs
    ]
    for index, (pair, pending) in enumerate(zip(pairs, keyed, strict=True)):
        if pair is None or pending is None:
            continue
        row = await pending
        if row is not None:
            loaded[index] = _TYPES[pair[0]][0].from_row(row)
    return loaded


async def load_node(info: Info, global_id: str) -> Node | None:
    """Raises InvalidIdError for an id Factdesk never issued; None for one since deleted."""
    return (await load_nodes(info, [decode_id(global_id)]))[0]
