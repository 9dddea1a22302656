"""SQL for articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from asyncpg import Record

from service.db.paging import Sort, SortedPage, SortKey, Window, counted, page_sorted
from service.db.pool import Connection
from service.db.rows import ArticleRow, OutletRow

COLUMNS = """
    a.id, a.slug, a.outlet_id, a.original_source_id, a.headline, a.standfirst, a.dateline,
    a.bylines, a.body, a.captions, a.url, a.content_hash, a.published_at, a.ingested_at,
    a.removed
"""
# The list order, newest first; undated copy last. Matches the articles_published_idx index.
SORT_KEY = "coalesce(a.published_at, '-infinity'::timestamptz)"
# Lists and counts show live articles; a retracted one is a tombstone (db/corrections.py).
LIVE = "a.retracted_at IS NULL"
# An entity's number of live articles (the rows of entity_articles it has), kept by
# triggers: one row read where counting the pairs is O(the entity's articles).
ENTITY_ARTICLE_COUNT = (
    "SELECT coalesce((SELECT c.articles FROM entity_article_counts c "
    "WHERE c.entity_id = {entity}), 0)"
)


@dataclass(frozen=True, slots=True)
class NewCopy:
    """An article's copy and metadata: what an ingest stores and a correction replaces."""

    original_source_id: int | None
    headline: str
    standfirst: str | None
    dateline: str | None
    bylines: Sequence[str]
    body: str
    captions: Sequence[str]
    removed: Sequence[str]  # lines of the copy left out of the story
    raw_text: str
    content_hash: str
    story_hash: str
    url: str | None
    published_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class NewArticle(NewCopy):
    """A new article: its copy, where it is published, and the slugs it may take."""

    slug: str  # taken unless another article has it, then `other_slug`
    other_slug: str
    outlet_id: int


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    outlet_id: int | None = None
    # An outlet given by name, as outlets.outlet_key folds it (the statement looks it up;
    # the executor looks it up first and gives `outlet_id`).
    outlet_key: str | None = None
    entity_id: int | None = None
    published_after: dt.datetime | None = None
    published_before: dt.datetime | None = None
    search: str | None = None


ArticleCursor = tuple[dt.datetime, int]


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """One page of articles: ids with their cursor keys, in list order."""

    items: list[tuple[int, ArticleCursor]]
    has_next: bool
    has_previous: bool
    total: int = 0  # 0 when the caller did not ask for the count


def _keyset(
    window: Window[ArticleCursor],
    first_param: int,
    *,
    key: str = SORT_KEY,
    id_column: str = "a.id",
) -> tuple[str, str, list[object]]:
    """(condition, order, parameters from `first_param` on) of a window of the list, newest
    first: read backwards (oldest first) from its end when `window.from_end`. `key` and
    `id_column` hold the article's place (a copy of it: entity_articles)."""
    after, before = window.after, window.before
    order = "ASC" if window.from_end else "DESC"
    a, b = first_param, first_param + 2
    place = f"({key}, {id_column})"
    condition = (
        f"(${a}::timestamptz IS NULL OR {place} < (${a}, ${a + 1}))"
        f" AND (${b}::timestamptz IS NULL OR {place} > (${b}, ${b + 1}))"
    )
    args: list[object] = [
        after[0] if after else None,
        after[1] if after else None,
        before[0] if before else None,
        before[1] if before else None,
    ]
    return condition, f"{key} {order}, {id_column} {order}", args


def _article_page(
    window: Window[ArticleCursor], rows: list[tuple[int, ArticleCursor]], total: int
) -> ArticlePage:
    has_next, has_previous = window.flags(len(rows))
    return ArticlePage(window.take(rows), has_next, has_previous, total)


async def insert_article(conn: Connection, *, article: NewArticle) -> int | None:
    """The new article's id; None when an article with the same content hash exists, or
    when one committed meanwhile took the slug (then the same call again takes the other).
    Ingests insert articles concurrently: a conflict waits for the other transaction."""
    value = await conn.fetchval(
        """
        INSERT INTO articles (
            slug, outlet_id, original_source_id, headline, standfirst, dateline, bylines, body,
            captions, raw_text, content_hash, url, published_at, removed, story_hash
        )
        SELECT CASE WHEN EXISTS (SELECT 1 FROM articles WHERE slug = $1) THEN $2 ELSE $1 END,
               $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16
        ON CONFLICT DO NOTHING
        RETURNING id
        """,
        article.slug,
        article.other_slug,
        article.outlet_id,
        article.original_source_id,
        article.headline,
        article.standfirst,
        article.dateline,
        list(article.bylines),
        article.body,
        list(article.captions),
        article.raw_text,
        article.content_hash,
        article.url,
        article.published_at,
        list(article.removed),
        article.story_hash,
    )
    return int(value) if value is not None else None


async def find_article_id_by_hash(
    conn: Connection, *, content_hash: str, story_hash: str | None = None
) -> int | None:
    """The live article with this copy, else the oldest live one telling this story (a
    retracted one never holds its copy back)."""
    value = await conn.fetchval(
        """
        SELECT id FROM articles
        WHERE retracted_at IS NULL AND (content_hash = $1 OR story_hash = $2)
        ORDER BY content_hash = $1 DESC, id
        LIMIT 1
        """,
        content_hash,
        story_hash,
    )
    return int(value) if value is not None else None


async def lock_story(conn: Connection, *, story_hash: str) -> None:
    """Until commit, no other transaction stores an article telling this story: two
    outlets' copies of one story sent at once make one article, as one copy does (where
    the unique content hash decides)."""
    await conn.execute(
        "SELECT pg_advisory_xact_lock(hashtextextended('story:' || $1, 0))", story_hash
    )


async def find_article_slug(conn: Connection, *, article_id: int) -> str | None:
    value = await conn.fetchval("SELECT slug FROM articles WHERE id = $1", article_id)
    return str(value) if value is not None else None


async def find_article_id_by_slug(conn: Connection, *, slug: str) -> int | None:
    """Retracted articles included: their readers are told they are gone."""
    value = await conn.fetchval("SELECT id FROM articles WHERE slug = $1", slug)
    return int(value) if value is not None else None


async def list_articles_with_outlets_by_ids(
    conn: Connection, *, ids: Sequence[int]
) -> list[tuple[ArticleRow, list[OutletRow]]]:
    """The live articles, each with its outlet and original source (one round trip for
    both: nearly every answer that shows an article shows where it was published).
    Retracted ones are left out: `corrections.find_tombstone` tells their readers."""
    rows = await conn.fetch(
        f"""
        SELECT {COLUMNS}, o.name AS outlet_name, s.name AS source_name
        FROM articles a JOIN outlets o ON o.id = a.outlet_id
        LEFT JOIN outlets s ON s.id = a.original_source_id
        WHERE a.id = ANY($1::bigint[]) AND a.retracted_at IS NULL
        """,
        list(ids),
    )
    return with_outlets(rows)


def with_outlets(rows: Sequence[Record]) -> list[tuple[ArticleRow, list[OutletRow]]]:
    """Rows of ArticleRow's fields in order, then outlet_name and source_name."""
    found = []
    for r in rows:
        values = tuple(r)
        article = ArticleRow(*values[:-2])
        outlets = [OutletRow(id=article.outlet_id, name=values[-2])]
        if article.original_source_id is not None:
            outlets.append(OutletRow(id=article.original_source_id, name=values[-1]))
        found.append((article, outlets))
    return found


async def count_articles(conn: Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM articles"))


# The conditions of each filter field, `{}` its parameter (shared with db/operations.py).
FILTERS = {
    "outlet_id": ("a.outlet_id = {}", "bigint"),
    # No such outlet: NULL, so nothing matches (as lookup.NO_MATCH does).
    "outlet_key": ("a.outlet_id = (SELECT o.id FROM outlets o WHERE o.name_key = {})", "text"),
    "entity_id": (
        "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = {})",
        "bigint",
    ),
    "published_after": ("a.published_at >= {}", "timestamptz"),
    "published_before": ("a.published_at < {}", "timestamptz"),
    "search": ("a.search @@ websearch_to_tsquery('english', {})", "text"),
}


def filter_values(flt: ArticleFilter) -> dict[str, object]:
    """The filter fields that narrow the list (an empty search does not), by FILTERS name."""
    values = {name: getattr(flt, name) for name in FILTERS}
    return {name: value for name, value in values.items() if value is not None and value != ""}


def filter_sql(names: Sequence[str], parameter: Callable[[str, str], str]) -> str:
    """The WHERE of live articles narrowed by the FILTERS `names`, each value the parameter
    `parameter(name, SQL type)` writes."""
    clauses = [LIVE]
    for name in names:
        condition, cast = FILTERS[name]
        clauses.append(condition.format(parameter(name, cast)))
    return " AND ".join(clauses)


def _where(flt: ArticleFilter, first_param: int) -> tuple[str, list[object]]:
    values = filter_values(flt)
    names = list(values)
    where = filter_sql(names, lambda name, cast: f"${first_param + names.index(name)}")
    return where, list(values.values())


async def page_articles(
    conn: Connection, *, flt: ArticleFilter, window: Window[ArticleCursor]
) -> ArticlePage:
    """One window of the articles, newest first (no total: see `count_filtered_articles`)."""
    keyset, order, keys = _keyset(window, 2)
    where, args = _where(flt, 6)
    rows = await conn.fetch(
        f"""
        SELECT a.id, {SORT_KEY} AS sort_key FROM articles a
        WHERE {where} AND {keyset}
        ORDER BY {order}
        LIMIT $1
        """,
        window.size + 1,
        *keys,
        *args,
    )
    return _article_page(window, [(int(r["id"]), (r["sort_key"], int(r["id"]))) for r in rows], 0)


# The orders a client may choose (`orderBy`), by field: an expression of `a` and its type.
ARTICLE_ORDERS = {
    "PUBLISHED_AT": (SORT_KEY, "timestamptz"),
    "HEADLINE": ("a.headline", "text"),
    "STORED": ("a.id", "bigint"),
}


async def page_sorted_articles(
    conn: Connection,
    *,
    flt: ArticleFilter,
    order: str,
    descending: bool,
    window: Window[SortKey],
    count: bool,
) -> SortedPage:
    """One window of the articles in the ARTICLE_ORDERS order `order`, ties by id."""
    expression, type_name = ARTICLE_ORDERS[order]
    where, args = _where(flt, 3)
    return await page_sorted(
        conn,
        source="articles a",
        alias="a",
        where=where,
        args=args,
        sort=Sort(expression, type_name, descending),
        window=window,
        count=count,
    )


async def count_filtered_articles(conn: Connection, *, flt: ArticleFilter) -> int:
    where, args = _where(flt, 1)
    return int(await conn.fetchval(f"SELECT count(*) FROM articles a WHERE {where}", *args))


async def page_articles_per_parent(
    conn: Connection,
    *,
    parent: str,
    parent_ids: Sequence[int],
    window: Window[ArticleCursor],
    count: bool = True,
) -> dict[int, ArticlePage]:
    """One window of articles per outlet (parent='outlet') or per mentioned entity
    ('entity'), each with its parent's total."""
    if parent == "outlet":
        source, link, place, tie = "articles a", f"a.outlet_id = p.id AND {LIVE}", SORT_KEY, "a.id"
    elif parent == "entity":
        # A range of entity_articles_order_idx, the entity's live articles in list order
        # (their count read from it alone): a walk of every article newest first, asking
        # each whether it mentions the entity, read thousands for a rare one.
        source, link, place, tie = (
            "entity_articles e",
            "e.entity_id = p.id",
            "e.sort_key",
            "e.article_id",
        )
    else:
        raise ValueError(parent)
    keyset, order, keys = _keyset(window, 3, key=place, id_column=tie)
    # Counted once a parent (LATERAL), not once a row of its page; an entity's count is
    # kept by triggers (entity_article_counts), where counting its pairs is O(its articles).
    if parent == "entity":
        total = counted(count, ENTITY_ARTICLE_COUNT.format(entity="p.id"))
    else:
        total = counted(count, f"SELECT count(*) FROM {source} WHERE {link}")
    rows = await conn.fetch(
        f"""
        SELECT p.id AS parent_id, page.id, page.sort_key, counts.total
        FROM unnest($1::bigint[]) AS p(id)
        CROSS JOIN LATERAL (SELECT {total} AS total) AS counts
        LEFT JOIN LATERAL (
            SELECT {tie} AS id, {place} AS sort_key FROM {source}
            WHERE {link} AND {keyset}
            ORDER BY {order}
            LIMIT $2
        ) AS page ON TRUE
        """,
        list(parent_ids),
        window.size + 1,
        *keys,
    )
    grouped: dict[int, list[tuple[int, ArticleCursor]]] = {pid: [] for pid in parent_ids}
    totals: dict[int, int] = {}
    for r in rows:
        pid = int(r["parent_id"])
        totals[pid] = int(r["total"])
        if r["id"] is not None:
            grouped[pid].append((int(r["id"]), (r["sort_key"], int(r["id"]))))
    return {pid: _article_page(window, items, totals.get(pid, 0)) for pid, items in grouped.items()}
