"""Prefetching: load a whole answer's rows, level by level, before graphql-core walks it.

A root field that returns objects calls `prefetch` with their rows. It reads what the
client selected below them and loads, for each level of the selection, every row that
level needs through this request's batched loaders: one query per field per level,
whatever the number of parents. Afterwards every resolver below finds its rows in the
loaders and answers at once (`now_or_later`), so graphql-core completes the whole tree in
one synchronous pass instead of a task and an event loop turn per field.

Prefetching only warms the loaders: a field it does not know still resolves through them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from service.db.rows import ArticleRow, FactRow, FigureRow, QuoteRow
from service.graphql.context import Info
from service.graphql.loaders import Loaders, load_now

Load = Callable[[Loaders, Sequence[Any]], Awaitable[list[Any]]]


@dataclass(frozen=True, slots=True)
class Edge:
    load: Load  # the parents' rows -> the rows this field reads (flattened)
    child: str | None  # the GraphQL type of those rows, to prefetch below them


@dataclass(frozen=True, slots=True)
class CitationKey:
    """What a Citation reads: its article, and who the article attributes it to."""

    article_id: int
    attributed_to_id: int | None


def _present(values: Iterable[Any]) -> list[Any]:
    """The distinct values that are not None, in order (many citations share an article)."""
    return [v for v in dict.fromkeys(values) if v is not None]


def _found(rows: Iterable[Any]) -> list[Any]:
    return [r for r in rows if r is not None]


def _flat(groups: Iterable[list[Any]]) -> list[Any]:
    return [row for group in groups for row in group]


async def _outlets(loaders: Loaders, ids: Iterable[int | None]) -> list[Any]:
    return _found(await load_now(loaders.outlet, _present(ids)))


async def _entities(loaders: Loaders, ids: Iterable[int | None]) -> list[Any]:
    return _found(await load_now(loaders.entity, _present(ids)))


async def _articles(loaders: Loaders, ids: Iterable[int]) -> list[Any]:
    return _found(await load_now(loaders.article, _present(ids)))


async def _article_outlets(loaders: Loaders, keys: Sequence[CitationKey]) -> list[Any]:
    articles: list[ArticleRow] = await _articles(loaders, [k.article_id for k in keys])
    return await _outlets(loaders, [a.outlet_id for a in articles])


async def _article_entities(loaders: Loaders, rows: Sequence[ArticleRow]) -> list[Any]:
    ids = _flat(await load_now(loaders.entity_ids_by_article, [r.id for r in rows]))
    return await _entities(loaders, ids)


async def _facts(loaders: Loaders, ids: Iterable[int | None]) -> list[Any]:
    found: list[FactRow | None] = await load_now(loaders.fact, _present(ids))
    return _found(found)


async def _preferred(loaders: Loaders, rows: Sequence[FactRow]) -> list[Any]:
    """Fact.preferred reads the fact's judgements in force and its figures."""
    ids = _present(r.id for r in rows)
    await load_now(loaders.judgements_in_force_by_fact, ids)
    return _flat(await load_now(loaders.figures_by_fact, ids))


def _citations(rows: Sequence[FigureRow]) -> list[Any]:
    return [CitationKey(r.article_id, r.attributed_to_id) for r in rows]


def _quote_citations(rows: Sequence[QuoteRow]) -> list[Any]:
    return [CitationKey(r.article_id, r.speaker_id) for r in rows]


def _grouped(name: str, key: str) -> Load:
    async def load(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
        loader = getattr(loaders, name)
        return _flat(await load_now(loader, _present(getattr(r, key) for r in rows)))

    return load


def _one(load: Callable[[Loaders, Iterable[Any]], Awaitable[list[Any]]], key: str) -> Load:
    async def follow(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
        return await load(loaders, [getattr(r, key) for r in rows])

    return follow


def _rows(convert: Callable[[Sequence[Any]], list[Any]]) -> Load:
    """Children made from the parents' own rows (citations), nothing to load."""

    async def load(loaders: Loaders, rows: Sequence[Any]) -> list[Any]:
        return convert(rows)

    return load


# type -> field -> how to load the rows that field reads, and their type.
GRAPH: dict[str, dict[str, Edge]] = {
    "Article": {
        "outlet": Edge(_one(_outlets, "outlet_id"), "Outlet"),
        "originalSource": Edge(_one(_outlets, "original_source_id"), "Outlet"),
        "quotes": Edge(_grouped("quotes_by_article", "id"), "Quote"),
        "figures": Edge(_grouped("figures_by_article", "id"), "Figure"),
        "mentions": Edge(_grouped("mentions_by_article", "id"), "Mention"),
        "entities": Edge(_article_entities, "Entity"),
    },
    "Entity": {
        "aliases": Edge(_grouped("aliases", "id"), None),
        "facts": Edge(_grouped("facts_by_subject", "id"), "Fact"),
    },
    "Fact": {
        "subject": Edge(_one(_entities, "subject_id"), "Entity"),
        "values": Edge(_grouped("figures_by_fact", "id"), "SourcedValue"),
        "reports": Edge(_grouped("figures_by_fact", "id"), "Figure"),
        "preferred": Edge(_preferred, "SourcedValue"),
    },
    # A SourcedValue's parents here are the figure rows of its fact.
    "SourcedValue": {
        "sources": Edge(_rows(_citations), "Citation"),
        "rank": Edge(_grouped("judgements_in_force_by_fact", "fact_id"), None),
        "conflicting": Edge(_grouped("judgements_in_force_by_fact", "fact_id"), None),
    },
    "Figure": {
        "judgements": Edge(_grouped("judgements_by_figure", "id"), None),
        "subject": Edge(_one(_entities, "subject_id"), "Entity"),
        "fact": Edge(_one(_facts, "fact_id"), "Fact"),
        "citation": Edge(_rows(_citations), "Citation"),
    },
    "Quote": {
        "speaker": Edge(_one(_entities, "speaker_id"), "Entity"),
        "article": Edge(_one(_articles, "article_id"), "Article"),
        "citation": Edge(_rows(_quote_citations), "Citation"),
        "otherReports": Edge(_grouped("quotes_by_statement", "statement_key"), "Quote"),
    },
    "Citation": {
        "article": Edge(_one(_articles, "article_id"), "Article"),
        "excerpt": Edge(_one(_articles, "article_id"), None),
        "outlet": Edge(_article_outlets, "Outlet"),
        "attributedTo": Edge(_one(_entities, "attributed_to_id"), "Entity"),
    },
    "Mention": {
        "entity": Edge(_one(_entities, "entity_id"), "Entity"),
        "article": Edge(_one(_articles, "article_id"), "Article"),
    },
}


def _fields(selections: Iterable[Selection], type_name: str) -> Iterable[SelectedField]:
    """The fields selected on `type_name`, through fragments that can apply to it."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, (FragmentSpread, InlineFragment)):
            condition = selection.type_condition
            # An interface or union condition (Node, SearchHit) may apply: over-fetching
            # costs a query, missing a field only an awaited resolver.
            if condition is None or condition == type_name or condition not in GRAPH:
                yield from _fields(selection.selections, type_name)


async def prefetch(info: Info, objects: Sequence[Any], path: Sequence[str] = ()) -> None:
    """Loads what the selection below the current field reads from `objects`.

    `objects` are what the field returns (Article, Entity, ...: anything with a `row`), of
    one type or several (search, nodes); `path` leads from the field to them, e.g.
    ("edges", "node") for a connection.
    """
    fields = list(_fields(info.selected_fields, ""))
    for name in path:
        fields = [f for parent in fields for f in _fields(parent.selections, "") if f.name == name]
    selections = [child for field in fields for child in field.selections]
    rows: dict[str, list[Any]] = {}
    for obj in objects:
        rows.setdefault(type(obj).__name__, []).append(obj.row)
    if selections and rows:
        await asyncio.gather(
            *(_prefetch(info.context.loaders, name, of, selections) for name, of in rows.items())
        )


async def _prefetch(
    loaders: Loaders, type_name: str, rows: Sequence[Any], selections: list[Selection]
) -> None:
    edges = GRAPH.get(type_name, {})
    wanted: dict[str, list[Selection]] = {}
    for field in _fields(selections, type_name):
        if field.name in edges:
            wanted.setdefault(field.name, []).extend(field.selections)
    if wanted:
        await asyncio.gather(
            *(_follow(loaders, edges[name], rows, below) for name, below in wanted.items())
        )


async def _follow(
    loaders: Loaders, edge: Edge, rows: Sequence[Any], below: list[Selection]
) -> None:
    children = await edge.load(loaders, rows)
    if edge.child is not None and children and below:
        await _prefetch(loaders, edge.child, children, below)
