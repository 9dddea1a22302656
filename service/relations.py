"""The relation graph, described once: which rows each relation field of the API reads.

`RELATIONS[type][field]` says, for a field of a GraphQL object type that leaves its own row,
which table the related rows live in, which columns tie them to the parent, in what order
they come and how many there are. Everything that walks relations is derived from it:
`service/db/trees.py` (one SQL statement for a whole selection) and
`service/graphql/prefetch.py` (rows loaded level by level through the batched loaders).
tests/test_relations.py fails when the schema has a relation field this map does not list.

Declarative only: names of tables and columns, no SQL and no imports of either API.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Cardinality(enum.Enum):
    ONE = "one"  # at most one row: table.child_column = parent.parent_column
    MANY = "many"  # every row with table.child_column = parent.parent_column, in `order`
    PAGE = "page"  # MANY, a Relay connection page at a time (paged by db/paging.py)
    SAME = "same"  # the parent's own row seen as another type (Figure.citation)


@dataclass(frozen=True, slots=True)
class Link:
    """A table between the parent and the related rows:
    link.from_column = parent.parent_column and table.child_column = link.to_column."""

    table: str
    from_column: str
    to_column: str
    # A column of `table` holding a copy of the child's place in the list (with to_column,
    # its tie), indexed after from_column: a page is read in that index's order, and the
    # rows of `table` are the list itself (entity_articles: live articles only), counted
    # without the child's table.
    place: str | None = None
    # (table, column): the list's length per parent (keyed by from_column), kept by
    # triggers (entity_article_counts), read instead of counting the rows of `table`.
    counted: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    child: str | None  # the GraphQL type of the related rows; None: a leaf read from them
    cardinality: Cardinality
    table: str | None = None  # None for SAME
    parent_column: str = "id"
    child_column: str = "id"
    order: tuple[str, ...] = ("id",)  # columns of `table` (MANY, PAGE)
    through: Link | None = None
    # MANY: one object per distinct value of these columns, in order of first row.
    grouped_by: tuple[str, ...] = ()
    # MANY: how many items the field returns when the client gives no `first` (it may ask
    # for 0 to LIST_BOUND); None for a list of the parent's own names (Entity.aliases).
    bound: int | None = None


# The most items a plain list returns at once, and its default: the same as a connection's
# largest page (db/paging.MAX_PAGE). A list with this default is never cut shorter than a
# client could ask for. Lists that nest inside one another below an entity default to
# fewer, so that the contract's own example (an entity's facts, their values and sources,
# README) fits the default cost limit without arguments: 20 + 20 * 20 + 20 * 20 * 50.
LIST_BOUND = 100
FACTS_BOUND = 20
VALUES_BOUND = 20
SOURCES_BOUND = 50


def one(child: str | None, table: str, column: str) -> Relation:
    """The `child` whose id is the parent's `column`."""
    return Relation(child, Cardinality.ONE, table, parent_column=column)


def many(
    child: str,
    table: str,
    column: str,
    order: tuple[str, ...] = ("id",),
    *,
    parent_column: str = "id",
    bound: int = LIST_BOUND,
) -> Relation:
    """Every `child` whose `column` is the parent's id, in `order`."""
    return Relation(
        child,
        Cardinality.MANY,
        table,
        parent_column=parent_column,
        child_column=column,
        order=order,
        bound=bound,
    )


def page(
    child: str,
    table: str,
    column: str,
    *,
    through: Link | None = None,
    order: tuple[str, ...] = ("id",),
) -> Relation:
    """A connection over the `child` rows whose `column` is the parent's id."""
    return Relation(
        child, Cardinality.PAGE, table, child_column=column, through=through, order=order
    )


def same(child: str) -> Relation:
    return Relation(child, Cardinality.SAME)


# A fact's values: its figures, one SourcedValue per distinct (value, upper bound,
# approximation) in order of first report (service.ingest.facts.reported.group_reports).
GROUPED_VALUES = ("value", "upper_bound", "approximation")

RELATIONS: dict[str, dict[str, Relation]] = {
    "Outlet": {
        "articles": page("Article", "articles", "outlet_id"),
    },
    "Article": {
        "outlet": one("Outlet", "outlets", "outlet_id"),
        "originalSource": one("Outlet", "outlets", "original_source_id"),
        "publications": many("Publication", "publications", "article_id", ("received_at", "id")),
        "versions": page("ArticleVersion", "article_versions", "article_id", order=("version",)),
        "quotes": many("Quote", "quotes", "article_id", ("start_offset", "id")),
        "figures": many("Figure", "figures", "article_id", ("start_offset", "id")),
        "mentions": many("Mention", "mentions", "article_id", ("start_offset", "id")),
        # Each entity once, in order of first mention.
        "entities": Relation(
            "Entity",
            Cardinality.MANY,
            "entities",
            through=Link("mentions", "article_id", "entity_id"),
            order=("start_offset",),
            bound=LIST_BOUND,
        ),
    },
    "Entity": {
        # The names other than the canonical one (entity_aliases also holds that one).
        "aliases": Relation(None, Cardinality.MANY, "entity_aliases", child_column="entity_id"),
        "facts": many("Fact", "facts", "subject_id", bound=FACTS_BOUND),
        "mentions": page("Mention", "mentions", "entity_id"),
        # Each article once (entity_articles: a pair per article mentioning the entity).
        "articles": page(
            "Article",
            "articles",
            "id",
            through=Link(
                "entity_articles",
                "entity_id",
                "article_id",
                place="sort_key",
                counted=("entity_article_counts", "articles"),
            ),
        ),
        "quotes": page("Quote", "quotes", "speaker_id"),
    },
    "Fact": {
        "subject": one("Entity", "entities", "subject_id"),
        "values": Relation(
            "SourcedValue",
            Cardinality.MANY,
            "figures",
            child_column="fact_id",
            grouped_by=GROUPED_VALUES,
            bound=VALUES_BOUND,
        ),
        "reports": many("Figure", "figures", "fact_id"),
        # Chosen among the values by the editors' judgements (service.ingest.facts.ranks): in
        # Python, from the values a statement writes (service/computed.py) or the resolvers'.
        "preferred": Relation(
            "SourcedValue",
            Cardinality.ONE,
            "figures",
            child_column="fact_id",
            grouped_by=GROUPED_VALUES,
        ),
        # Not a table: the union of the fact's reports, their taking out and judgements
        # (service/db/history.py), a page at a time.
        "history": page("FactEvent", "fact_events", "fact_id"),
    },
    # A SourcedValue's rows are the figures of its group.
    "SourcedValue": {"sources": Relation("Citation", Cardinality.SAME, bound=SOURCES_BOUND)},
    "Figure": {
        "subject": one("Entity", "entities", "subject_id"),
        "fact": one("Fact", "facts", "fact_id"),
        "citation": same("Citation"),
        "judgements": many("Judgement", "judgements", "figure_id", ("made_at", "id")),
    },
    "Judgement": {
        "figure": one("Figure", "figures", "figure_id"),
    },
    "Quote": {
        "speaker": one("Entity", "entities", "speaker_id"),
        "article": one("Article", "articles", "article_id"),
        "citation": same("Citation"),
        # The same statement in other articles (the quote's own article left out).
        "otherReports": many("Quote", "quotes", "statement_key", parent_column="statement_key"),
    },
    # A Citation's row is a figure's or a quote's: article_id, attributed_to_id, offsets.
    "Citation": {
        "span": same("Span"),
        "article": one("Article", "articles", "article_id"),
        "outlet": Relation(
            "Outlet",
            Cardinality.ONE,
            "outlets",
            parent_column="article_id",
            through=Link("articles", "id", "outlet_id"),
        ),
        "excerpt": one(None, "articles", "article_id"),  # cut from the article's text
        "attributedTo": one("Entity", "entities", "attributed_to_id"),
    },
    "Mention": {
        "entity": one("Entity", "entities", "entity_id"),
        "article": one("Article", "articles", "article_id"),
        "span": same("Span"),
    },
    "Publication": {
        "outlet": one("Outlet", "outlets", "outlet_id"),
    },
}


def relation(type_name: str, field_name: str) -> Relation | None:
    return RELATIONS.get(type_name, {}).get(field_name)
