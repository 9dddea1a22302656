"""Per-request batched loaders: one SQL round trip per field per level, whatever the list size."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from strawberry.dataloader import DataLoader

from service.db import articles as articles_db
from service.db import entities as entities_db
from service.db import facts as facts_db
from service.db import figures as figures_db
from service.db import history as history_db
from service.db import judgements as judgements_db
from service.db import known as known_db
from service.db import outlets as outlets_db
from service.db import publications as publications_db
from service.db import quotes as quotes_db
from service.db import trees as trees_db
from service.db.articles import ArticlePage
from service.db.history import ArticleVersionRow, FactEventRow
from service.db.judgements import InForce
from service.db.known import ValueTimes
from service.db.paging import IdPage, RowPage, Window
from service.db.pool import Connection
from service.db.replicas import Reads
from service.db.rows import (
    ArticleRow,
    EntityRow,
    FactRow,
    FactTimesRow,
    FigureRow,
    JudgementRow,
    MentionRow,
    OutletRow,
    PublicationRow,
    QuoteRow,
)
from service.relations import LIST_BOUND

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")
T = TypeVar("T")
PageKey = tuple[int, Window[Any], bool]  # (parent id, which page, count?)
AtKey = tuple[int, dt.datetime]  # (a fact's id, a time): the fact as known then
ValueKey = tuple[float, float | None, str]  # (value, upper bound, approximation)


# Which loader reads a table's rows by id, which reads them by a column's value, and which
# reads the ids a link table ties to a row: what prefetch needs to follow
# service/relations.py (an attribute of Loaders each).
BY_ID = {
    "articles": "article",
    "outlets": "outlet",
    "entities": "entity",
    "quotes": "quote",
    "figures": "figure",
    "facts": "fact",
    "mentions": "mention",
    "judgements": "judgement",
}
BY_COLUMN = {
    ("entity_aliases", "entity_id"): "aliases",
    ("quotes", "article_id"): "quotes_by_article",
    ("figures", "article_id"): "figures_by_article",
    ("mentions", "article_id"): "mentions_by_article",
    ("publications", "article_id"): "publications_by_article",
    ("figures", "fact_id"): "figures_by_fact",
    ("facts", "subject_id"): "facts_by_subject",
    ("quotes", "statement_key"): "quotes_by_statement",
    ("judgements", "figure_id"): "judgements_by_figure",
}
THROUGH = {("mentions", "article_id", "entity_id"): "entity_ids_by_article"}


class _Missing:
    """What `peek` returns for a key the loader does not hold (yet)."""


MISSING = _Missing()


def peek(loader: DataLoader[K, R], key: K) -> R | _Missing:
    """The loaded value for `key` if this request's loader already holds it, else MISSING."""
    future = loader.cache_map.get(key)
    if future is None or not future.done():
        return MISSING
    try:
        return future.result()
    except BaseException:  # failed or cancelled: whoever awaits it gets the error
        return MISSING


async def load_now(loader: DataLoader[K, R], keys: Sequence[K]) -> list[R]:
    """The values for `keys`: those the loader holds, the rest in one call of its batch
    function, primed into it. Prefetching uses this instead of `load_many`, which gives
    every key its own future and callback."""
    found: list[R | _Missing] = []
    missing: dict[K, None] = {}
    for key in keys:
        held = peek(loader, key)
        found.append(held)
        if isinstance(held, _Missing):
            missing[key] = None
    if not missing:
        return cast(list[R], found)
    loaded: dict[K, R] = {}
    pending = [k for k in missing if loader.cache_map.get(k) is None]
    if pending:
        # Futures in the loader first, so a sibling field prefetching the same rows right
        # now (Citation.article and Citation.excerpt) waits for this query, not a second.
        futures = {key: loader.loop.create_future() for key in pending}
        for key, future in futures.items():
            loader.cache_map.set(key, future)
        try:
            results = await loader.load_fn(pending)
            for key, result in zip(pending, results, strict=True):
                if isinstance(result, BaseException):
                    raise result
                loaded[key] = result
        except BaseException as error:
            for key, future in futures.items():
                loader.cache_map.delete(key)
                future.set_exception(error)
                future.exception()  # retrieved: whoever else awaits it gets the error
            raise
        for key, future in futures.items():
            future.set_result(loaded[key])
    return [
        held
        if not isinstance(held, _Missing)
        else loaded[key]
        if key in loaded
        else await loader.load(key)  # being loaded by another field of this request
        for key, held in zip(keys, found, strict=True)
    ]


def now_or_later(loader: DataLoader[K, R], key: K, build: Callable[[R], T]) -> T:
    """`build(value)` now when the loader holds `key` (prefetched), else an awaitable of it.

    graphql-core awaits whatever a resolver returns when it is awaitable, and completes a
    plain value in the same pass. Each awaitable costs it a task and a trip through the
    event loop, which is most of the price of a large nested answer, so resolvers answer
    from prefetched rows whenever they can. Typed as the value for strawberry's annotations.
    """
    found = peek(loader, key)
    if not isinstance(found, _Missing):
        return build(found)

    async def later() -> T:
        return build(await loader.load(key))

    return cast(T, later())


def now_or_later_many(
    loader: DataLoader[K, R], keys: Sequence[K], build: Callable[[list[R]], T]
) -> T:
    """`now_or_later` over several keys: `build` gets every value, in the order of `keys`."""
    found: list[R | _Missing] = []
    for key in keys:
        value = peek(loader, key)
        found.append(value)
    if not any(isinstance(value, _Missing) for value in found):
        return build(cast(list[R], found))

    async def later() -> T:
        return build(await loader.load_many(keys))

    return cast(T, later())


def _by_id(pool: Reads, fetch: Callable[..., Awaitable[list[R]]]) -> DataLoader[int, R | None]:
    async def load(ids: list[int]) -> list[R | None]:
        async with pool.acquire() as conn:
            rows = await fetch(conn, ids=ids)
        found = {row.id: row for row in rows}  # type: ignore[attr-defined]
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


def _grouped(
    pool: Reads,
    fetch: Callable[[Connection, list[K]], Awaitable[list[R]]],
    attr: str,
) -> DataLoader[K, list[R]]:
    async def load(keys: list[K]) -> list[list[R]]:
        async with pool.acquire() as conn:
            rows = await fetch(conn, keys)
        groups: dict[Any, list[R]] = defaultdict(list)
        for row in rows:
            groups[getattr(row, attr)].append(row)
        return [groups.get(k, []) for k in keys]

    return DataLoader(load_fn=load)


def _at(
    pool: Reads,
    fetch: Callable[[Connection, list[int], Any], Awaitable[dict[int, R]]],
    empty: Callable[[], R],
) -> DataLoader[tuple[int, Any], R]:
    """Loads by (fact id, time): one query per distinct time, for all its facts."""

    async def load(keys: list[tuple[int, Any]]) -> list[R]:
        by_time: dict[Any, list[int]] = defaultdict(list)
        for fact_id, at in keys:
            by_time[at].append(fact_id)
        found: dict[tuple[int, Any], R] = {}
        async with pool.acquire() as conn:
            for at, fact_ids in by_time.items():
                answers = await fetch(conn, fact_ids, at)
                found.update(((i, at), answers[i]) for i in fact_ids if i in answers)
        return [found[k] if k in found else empty() for k in keys]

    return DataLoader(load_fn=load)


async def _figures_at(
    conn: Connection, fact_ids: list[int], at: dt.datetime
) -> dict[int, list[FigureRow]]:
    found: dict[int, list[FigureRow]] = defaultdict(list)
    for row in await known_db.list_figures_known_at(conn, fact_ids=fact_ids, as_of=at):
        found[cast(int, row.fact_id)].append(row)
    return found


async def _in_force_at(
    conn: Connection, fact_ids: list[int], at: dt.datetime
) -> dict[int, list[InForce]]:
    found: dict[int, list[InForce]] = defaultdict(list)
    for row in await known_db.list_in_force_at(conn, fact_ids=fact_ids, as_of=at):
        found[row.fact_id].append(row)
    return found


async def _value_times(
    conn: Connection, fact_ids: list[int], at: dt.datetime | None
) -> dict[int, dict[ValueKey, ValueTimes]]:
    found: dict[int, dict[ValueKey, ValueTimes]] = defaultdict(dict)
    for row in await known_db.list_value_times(conn, fact_ids=fact_ids, as_of=at):
        found[row.fact_id][(row.value, row.upper_bound, row.approximation)] = row
    return found


async def _fact_times_at(
    conn: Connection, fact_ids: list[int], at: dt.datetime
) -> dict[int, FactTimesRow | None]:
    found = await known_db.list_fact_times_at(conn, fact_ids=fact_ids, as_of=at)
    return {i: FactTimesRow(i, *times) for i, times in found.items()}


def _paged(
    pool: Reads,
    fetch: Callable[[Connection, list[int], Window[Any], bool], Awaitable[dict[int, Any]]],
) -> DataLoader[PageKey, Any]:
    """Loads one page per parent; keys sharing (window, count) go out in one query."""

    async def load(keys: list[PageKey]) -> list[Any]:
        by_window: dict[tuple[Window[Any], bool], list[int]] = defaultdict(list)
        for parent, window, count in keys:
            by_window[(window, count)].append(parent)
        results: dict[PageKey, Any] = {}
        async with pool.acquire() as conn:
            for (window, count), parents in by_window.items():
                pages = await fetch(conn, parents, window, count)
                for parent in parents:
                    results[(parent, window, count)] = pages[parent]
        return [results[k] for k in keys]

    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    article: DataLoader[int, ArticleRow | None]
    outlet: DataLoader[int, OutletRow | None]
    entity: DataLoader[int, EntityRow | None]
    quote: DataLoader[int, QuoteRow | None]
    figure: DataLoader[int, FigureRow | None]
    fact: DataLoader[int, FactRow | None]
    fact_times: DataLoader[int, FactTimesRow | None]
    mention: DataLoader[int, MentionRow | None]
    judgement: DataLoader[int, JudgementRow | None]
    judgements_by_figure: DataLoader[int, list[JudgementRow]]
    judgements_in_force_by_fact: DataLoader[int, list[InForce]]
    aliases: DataLoader[int, list[str]]
    quotes_by_article: DataLoader[int, list[QuoteRow]]
    figures_by_article: DataLoader[int, list[FigureRow]]
    mentions_by_article: DataLoader[int, list[MentionRow]]
    publications_by_article: DataLoader[int, list[PublicationRow]]
    entity_ids_by_article: DataLoader[int, list[int]]
    figures_by_fact: DataLoader[int, list[FigureRow]]
    # A fact as known at a past time (asOf), and when each of its values was reported
    # (now: time None).
    figures_at: DataLoader[AtKey, list[FigureRow]]
    in_force_at: DataLoader[AtKey, list[InForce]]
    fact_times_at: DataLoader[AtKey, FactTimesRow | None]
    value_times: DataLoader[tuple[int, dt.datetime | None], dict[ValueKey, ValueTimes]]
    article_at: DataLoader[tuple[int, dt.datetime], ArticleRow | None]  # as it stood then
    fact_ever: DataLoader[int, FactRow | None]  # retired ones too (asOf)
    facts_by_subject: DataLoader[int, list[FactRow]]
    quotes_by_statement: DataLoader[str, list[QuoteRow]]
    articles_of_outlet: DataLoader[PageKey, ArticlePage]
    articles_of_entity: DataLoader[PageKey, ArticlePage]
    mentions_of_entity: DataLoader[PageKey, IdPage]
    quotes_of_speaker: DataLoader[PageKey, IdPage]
    history_of_fact: DataLoader[PageKey, RowPage[FactEventRow]]
    versions_of_article: DataLoader[PageKey, RowPage[ArticleVersionRow]]
    # (a trees_db.tree_sql(..., many=True) statement, an id) -> the answer, None if none.
    trees: DataLoader[tuple[str, int], Any]


def _keyed(fetch: Callable[..., Awaitable[Any]], name: str) -> Callable[..., Awaitable[Any]]:
    async def call(conn: Connection, keys: Sequence[Any]) -> Any:
        return await fetch(conn, **{name: list(keys)})

    return call


async def _facts_of_subjects(conn: Connection, keys: Sequence[int]) -> list[FactRow]:
    """At most as many facts per subject as `Entity.facts(first:)` may ask for."""
    return await facts_db.list_facts_for_subjects(
        conn, subject_ids=list(keys), per_subject=LIST_BOUND
    )


async def _history_pages(
    conn: Connection, ids: list[int], window: Window[Any], count: bool
) -> dict[int, RowPage[FactEventRow]]:
    return await history_db.page_fact_events(conn, fact_ids=ids, window=window, count=count)


async def _version_pages(
    conn: Connection, ids: list[int], window: Window[Any], count: bool
) -> dict[int, RowPage[ArticleVersionRow]]:
    return await history_db.page_versions_per_article(
        conn, article_ids=ids, window=window, count=count
    )


def build_loaders(pool: Reads) -> Loaders:
    outlet = _by_id(pool, outlets_db.list_outlets_by_ids)

    async def load_articles(ids: list[int]) -> list[ArticleRow | None]:
        async with pool.acquire() as conn:
            found = await articles_db.list_articles_with_outlets_by_ids(conn, ids=ids)
        # Their outlets came with them: Article.outlet and Citation.outlet need no query.
        outlet.prime_many({o.id: o for _, outlets in found for o in outlets})
        by_id = {article.id: article for article, _ in found}
        return [by_id.get(i) for i in ids]

    async def load_articles_at(keys: list[tuple[int, dt.datetime]]) -> list[ArticleRow | None]:
        by_time: dict[dt.datetime, list[int]] = defaultdict(list)
        for article_id, at in keys:
            by_time[at].append(article_id)
        found: dict[tuple[int, dt.datetime], ArticleRow] = {}
        async with pool.acquire() as conn:
            for at, ids in by_time.items():
                for article, outlets in await known_db.list_articles_as_of(conn, ids=ids, as_of=at):
                    found[(article.id, at)] = article
                    outlet.prime_many({o.id: o for o in outlets})
        return [found.get(key) for key in keys]

    async def load_aliases(ids: list[int]) -> list[list[str]]:
        async with pool.acquire() as conn:
            found = await entities_db.list_aliases_for_entities(conn, ids=ids)
        return [found.get(i, []) for i in ids]

    async def load_entity_ids(ids: list[int]) -> list[list[int]]:
        async with pool.acquire() as conn:
            found = await entities_db.list_entity_ids_for_articles(conn, article_ids=ids)
        return [found.get(i, []) for i in ids]

    async def load_trees(keys: list[tuple[str, int]]) -> list[Any]:
        # One statement per selection: every outlet's page of articles in one round trip.
        by_sql: dict[str, list[int]] = defaultdict(list)
        for sql, id in keys:
            by_sql[sql].append(id)
        found: dict[tuple[str, int], Any] = {}
        async with pool.acquire() as conn:
            for sql, ids in by_sql.items():
                trees = await trees_db.fetch_trees(conn, sql=sql, ids=ids)
                found.update(((sql, id), tree) for id, tree in trees.items())
        return [found.get(key) for key in keys]

    def article_pages(parent: str) -> DataLoader[PageKey, ArticlePage]:
        async def fetch(
            conn: Connection, ids: list[int], window: Window[Any], count: bool
        ) -> dict[int, ArticlePage]:
            return await articles_db.page_articles_per_parent(
                conn, parent=parent, parent_ids=ids, window=window, count=count
            )

        return _paged(pool, fetch)

    async def mentions_page(
        conn: Connection, ids: list[int], window: Window[Any], count: bool
    ) -> dict[int, IdPage]:
        return await entities_db.page_mentions_per_entity(
            conn, entity_ids=ids, window=window, count=count
        )

    async def quotes_page(
        conn: Connection, ids: list[int], window: Window[Any], count: bool
    ) -> dict[int, IdPage]:
        return await quotes_db.page_quotes_per_speaker(
            conn, speaker_ids=ids, window=window, count=count
        )

    return Loaders(
        article=DataLoader(load_fn=load_articles),
        outlet=outlet,
        entity=_by_id(pool, entities_db.list_entities_by_ids),
        quote=_by_id(pool, quotes_db.list_quotes_by_ids),
        figure=_by_id(pool, figures_db.list_figures_by_ids),
        fact=_by_id(pool, facts_db.list_facts_by_ids),
        fact_times=_by_id(pool, facts_db.list_fact_times),
        mention=_by_id(pool, entities_db.list_mentions_by_ids),
        judgement=_by_id(pool, judgements_db.list_judgements_by_ids),
        judgements_by_figure=_grouped(
            pool, _keyed(judgements_db.list_judgements_for_figures, "figure_ids"), "figure_id"
        ),
        judgements_in_force_by_fact=_grouped(
            pool, _keyed(judgements_db.list_in_force_for_facts, "fact_ids"), "fact_id"
        ),
        aliases=DataLoader(load_fn=load_aliases),
        quotes_by_article=_grouped(
            pool, _keyed(quotes_db.list_quotes_for_articles, "article_ids"), "article_id"
        ),
        figures_by_article=_grouped(
            pool, _keyed(figures_db.list_figures_for_articles, "article_ids"), "article_id"
        ),
        mentions_by_article=_grouped(
            pool, _keyed(entities_db.list_mentions_for_articles, "article_ids"), "article_id"
        ),
        publications_by_article=_grouped(
            pool,
            _keyed(publications_db.list_publications_for_articles, "article_ids"),
            "article_id",
        ),
        entity_ids_by_article=DataLoader(load_fn=load_entity_ids),
        figures_by_fact=_grouped(
            pool, _keyed(figures_db.list_figures_for_facts, "fact_ids"), "fact_id"
        ),
        figures_at=_at(pool, _figures_at, list),
        in_force_at=_at(pool, _in_force_at, list),
        fact_times_at=_at(pool, _fact_times_at, lambda: None),
        value_times=_at(pool, _value_times, dict),
        article_at=DataLoader(load_fn=load_articles_at),
        fact_ever=_by_id(pool, known_db.list_facts_ever_by_ids),
        facts_by_subject=_grouped(pool, _facts_of_subjects, "subject_id"),
        quotes_by_statement=_grouped(
            pool, _keyed(quotes_db.list_quotes_by_statement_keys, "keys"), "statement_key"
        ),
        articles_of_outlet=article_pages("outlet"),
        articles_of_entity=article_pages("entity"),
        mentions_of_entity=_paged(pool, mentions_page),
        quotes_of_speaker=_paged(pool, quotes_page),
        history_of_fact=_paged(pool, _history_pages),
        versions_of_article=_paged(pool, _version_pages),
        trees=DataLoader(load_fn=load_trees),
    )
