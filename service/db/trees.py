"""SQL that answers a whole GraphQL selection below a fact, an entity or articles at once.

`fact(id:)`, `entity(name:)` and article pages answer trees: a fact, its values, every
source of each value with its article, outlet and attributed entity; an article, its
quotes, their speakers and the speakers' facts. Resolving them field by field
costs Python a resolver call and an object per field, and a query per level. When the
selection holds only fields listed in TYPES (no directives; a list may give `first`), one
statement builds the answer's JSON instead, as text: an object is its keys and values
concatenated, a list `string_agg` of its items, a relation a correlated subquery, as
PostGraphile does.

The text is what orjson writes for the resolvers' answer, byte for byte: compact, strings
escaped alike, ids as `encode_id` writes them, equal values grouped in order of first
report (relations.GROUPED_VALUES), excerpts cut from the body by code point, floats as Python
writes them, times in `datetime.isoformat`. A whole operation's statement
(db/operations.py) sends it out as it is; tests/graphql/test_compiled.py and
tests/graphql/test_trees.py compare it with the executor's over the seeds.

TYPES is db/columns.py's COLUMNS (what each field reads of its own row) plus the relations
of service/relations.py this statement can follow (SPECIAL: those it follows its own way;
connections below an object, PAGED, a window whose arguments are the statement's
parameters, written by db/connections.py).
The selection's parts are db/selection.py's, the JSON text helpers db/json_text.py's; the
citation fields are db/citations.py's, a fact's history db/history.py's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from typing import Any

import orjson

from service.db import fact_values as fact_values_db
from service.db import known as known_db
from service.db import known_values as known_values_db
from service.db.citations import citation_answers
from service.db.columns import COLUMNS
from service.db.connections import nested_page
from service.db.history import history_page
from service.db.json_text import computed_sql, list_json
from service.db.pool import Connection
from service.db.selection import NAME, Answer, Field, Pick, Scope, ValueGroup
from service.relations import RELATIONS, Cardinality, Relation


def object_json(type_name: str, picks: tuple[Pick, ...], row: str, names: Scope) -> str | None:
    """The JSON object of `type_name` made from `row`, or None if a pick is not known."""
    fields = TYPES.get(type_name)
    if fields is None or not picks:
        return None
    pairs: list[str] = []
    for pick in picks:
        if NAME.match(pick.key) is None or pick.first_variable is not None:
            return None
        if pick.field == "__typename":
            expr: str | None = f"'\"{type_name}\"'"
        else:
            known = fields.get(pick.field)
            if known is None or (known.type is None) != (not pick.picks):
                return None
            expr = known.answer(pick, row, names)
        if expr is None:
            return None
        pairs.append(f"'{',' if pairs else '{'}\"{pick.key}\":' || {expr}")
    return f"({' || '.join(pairs)} || '}}')"


def _one(type_name: str, table: str, key: str) -> Answer:
    """The object whose id is `row.key` (NULL when there is none)."""

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        alias = names.next()
        built = names.now(lambda: object_json(type_name, pick.picks, alias, names))
        if built is None:
            return None
        return (
            f"coalesce((SELECT {built} FROM {table} {alias} WHERE {alias}.id = {row}.{key}), "
            "'null')"
        )

    return answer


def _limit(pick: Pick, relation: Relation) -> str:
    """The LIMIT of a list: the pick's `first`, else the relation's bound."""
    count = pick.first if pick.first is not None else relation.bound
    return "" if count is None else f" LIMIT {int(count)}"


def _many(relation: Relation) -> Answer:
    """The first `first` (or `bound`) objects whose `child_column` is `row.id`, in `order`."""
    type_name, table, key = relation.child, relation.table, relation.child_column
    assert type_name is not None

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        limit = _limit(pick, relation)
        alias = names.next()
        built = names.now(lambda: object_json(type_name, pick.picks, alias, names))
        if built is None:
            return None
        by = ", ".join(f"{alias}.{column}" for column in relation.order)
        return (
            f"(SELECT {list_json(built, by)} "
            f"FROM (SELECT * FROM {table} {alias} WHERE {alias}.{key} = {row}.id "
            f"ORDER BY {by}{limit}) {alias})"
        )

    return answer


def _now_only(answer: Answer) -> Answer:
    """`answer`, left to the resolvers under `fact(asOf:)` (a fact's reports as known then)."""
    return lambda pick, row, names: None if names.as_of is not None else answer(pick, row, names)


def _aliases(relation: Relation) -> Answer:
    """Entity.aliases: every name but the canonical one (as entities.list_aliases_for_entities)."""

    def answer(pick: Pick, row: str, names: Scope) -> str:
        alias = names.next()
        return (
            f"(SELECT {list_json(f'to_json({alias}.alias)::text', f'{alias}.id')} "
            f"FROM {relation.table} {alias} WHERE {alias}.{relation.child_column} = {row}.id "
            f"AND {alias}.alias <> {row}.name)"
        )

    return answer


def _mentioned(relation: Relation) -> Answer:
    """Article.entities: each entity once, in order of its first mention (ties by id), the
    first `first` (as entities.list_entity_ids_for_articles and the loaders give them)."""

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        entity, first = names.next(), names.next()
        built = names.now(lambda: object_json("Entity", pick.picks, entity, names))
        if built is None or relation.through is None:
            return None
        link = relation.through
        return f"""(SELECT {list_json(built, f"{first}.at, {first}.entity_id")}
            FROM (SELECT m.{link.to_column} AS entity_id, min(m.start_offset) AS at
                FROM {link.table} m WHERE m.{link.from_column} = {row}.id
                GROUP BY m.{link.to_column} ORDER BY at, entity_id{_limit(pick, relation)}) {first}
            JOIN {relation.table} {entity} ON {entity}.id = {first}.entity_id)"""

    return answer


def _other_reports(relation: Relation) -> Answer:
    """Quote.otherReports: the quotes of the same statement in other articles, oldest
    stored first (the loaders' quotes_by_statement, the quote's own article left out)."""

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        quote = names.next()
        built = names.now(lambda: object_json("Quote", pick.picks, quote, names))
        if built is None:
            return None
        key = relation.child_column
        return f"""(SELECT {list_json(built, f"{quote}.id")}
            FROM (SELECT * FROM {relation.table} {quote} WHERE {quote}.{key} = {row}.{key}
                AND {quote}.article_id <> {row}.article_id
                ORDER BY {quote}.id{_limit(pick, relation)}) {quote})"""

    return answer


# SourcedValue: one group of a fact's figures with equal (value, upper bound,
# approximation) (relations.GROUPED_VALUES, as figures.value_group_sql numbers them), in
# order of first report. Its fields read the group's row; `sources` adds an aggregate to
# the group's query.
def _values(relation: Relation) -> Answer:
    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        return _value_list(relation, pick, row, names, joined=False)

    return answer


def _value_list(
    relation: Relation, pick: Pick, row: str, names: Scope, *, joined: bool
) -> str | None:
    """The fact `row`'s values as `pick` selects them: a JSON array, or (`joined`) each
    value's JSON text after the other, SPLIT between them, NULL for none."""
    figure, group = names.next(), names.next()
    outer, names.group = names.group, ValueGroup(figure, row)
    built = object_json("SourcedValue", pick.picks, group, names)
    made, names.group = names.group, outer
    if built is None:
        return None
    limit = _limit(pick, relation)
    if names.as_of is None:
        values = _kept_values(relation, row, names, made, limit)
    else:
        values = _grouped_values(relation, row, names, made, limit)
    by = f"{group}.first_id"
    items = f"string_agg({built}, chr(2) ORDER BY {by})" if joined else list_json(built, by)
    # The rules' inputs, when a value's rank or conflicting reads them: read once for the
    # list (a MATERIALIZED CTE is evaluated once; a subquery in each value's row, per value).
    inputs, read = "", ""
    if made.inputs is not None:
        inputs = f"WITH {group}_in AS MATERIALIZED (SELECT {made.inputs} AS inputs) "
        read = f", {group}_in"
    return f"({inputs}SELECT {items} FROM ({values}) {group}{read})"


def _kept_values(relation: Relation, row: str, names: Scope, made: ValueGroup, limit: str) -> str:
    """The fact `row`'s values now, the first `limit` in order of first report, from
    fact_values (kept by triggers in the writing transaction): a page of values reads
    its own rows, and `sources` each value's first figures, not every report of the fact
    grouped and sorted. Each row as _grouped_values makes it: the grouped columns,
    `first_id`, `text` (the first report's), `n`, `s0`..."""
    figure, value, first, counted = made.figure, names.next(), names.next(), names.next()
    kept = fact_values_db.first_values_sql(f"{row}.{relation.parent_column}", value, limit)
    columns = ", ".join(f"{value}.{c}" for c in relation.grouped_by)
    extra, joins = "", ""
    if made.numbered:  # its place among all its fact's: the page starts at the first
        extra += f", row_number() OVER (ORDER BY {value}.first_figure_id) - 1 AS n"
    if made.aggregates:  # sources: the value's first `shown` figures, numbered (_sources)
        sums = ", ".join(f"{a} AS s{i}" for i, a in enumerate(made.aggregates))
        figures = fact_values_db.value_figures_sql(value, figure, made.shown)
        joined = "".join(f" {join}" for join in made.joins)
        joins = f""" CROSS JOIN LATERAL (SELECT {sums} FROM (SELECT {figure}.*,
                row_number() OVER (ORDER BY {figure}.id) AS rn
                FROM ({figures}) {figure}) {figure}{joined}) {counted}"""
        extra += "".join(f", {counted}.s{i}" for i in range(len(made.aggregates)))
    return f"""SELECT {columns}, {value}.first_figure_id AS first_id,
            (SELECT {first}.text FROM {relation.table} {first}
                WHERE {first}.id = {value}.first_figure_id) AS text{extra}
        FROM ({kept}) {value}{joins}"""


def _grouped_values(
    relation: Relation, row: str, names: Scope, made: ValueGroup, limit: str
) -> str:
    """The fact `row`'s values as known at `names.as_of`: its figures counted then,
    grouped (rows as _kept_values makes them)."""
    figure = made.figure
    assert not made.joins, "asOf sources read each article as it stood (_sources)"
    columns = ", ".join(f"{figure}.{c}" for c in relation.grouped_by)
    extra = "".join(f", {a} AS s{i}" for i, a in enumerate(made.aggregates))
    if made.numbered:  # the value's place among all its fact's (for rank, conflicting)
        extra += f", row_number() OVER (ORDER BY min({figure}.id)) - 1 AS n"
    rows = f"({_known_first(relation, row, names, made.shown)}) {figure}"
    if made.aggregates:  # sources: each figure numbered within its value (_sources)
        rows = f"""(SELECT {figure}.*,
            row_number() OVER (PARTITION BY {columns} ORDER BY {figure}.id) AS rn
            FROM {rows}) {figure}"""
    return f"""SELECT {columns}, min({figure}.id) AS first_id,
                (array_agg({figure}.text ORDER BY {figure}.id))[1] AS text{extra}
            FROM {rows}
            GROUP BY {columns} ORDER BY first_id{limit}"""


def _known_first(relation: Relation, row: str, names: Scope, shown: int) -> str:
    """The figures of the fact `row` that counted at `names.as_of` that its values'
    fields read: each distinct report's first `shown`, as the counted reading finds them
    (known_values.known_reports_sql: tens of thousands of figures known then are not
    walked), each with its report's first and last publication by then (`reported_min`,
    `reported_max`). Every report is there, so a value's first figure, text, place among
    its fact's and times are all its figures'; and its first `shown` figures too."""
    assert names.as_of is not None
    report, known = names.next(), names.next()
    reports = known_values_db.known_reports_sql(
        f"= {row}.{relation.parent_column}", names.as_of, str(int(shown))
    )
    figures = known_db.known_sql(
        f"= {report}.fact_id", names.as_of, figures=f"= ANY({report}.first_ids)"
    )
    return f"""SELECT {known}.*, {report}.first_reported_at AS reported_min,
            {report}.last_reported_at AS reported_max
        FROM ({reports}) {report} CROSS JOIN LATERAL ({figures}) {known}"""


def _preferred(relation: Relation) -> Answer:
    """Fact.preferred: every value as selected, and Python chooses the one the editors'
    judgements prefer (service.ingest.facts.ranks.preferred_index), or null."""

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        if not names.computed:
            return None
        candidates = _value_list(relation, pick, row, names, joined=True)
        if candidates is None:
            return None
        inputs = known_values_db.value_inputs_sql(row, names.as_of)
        return computed_sql("'preferred'", inputs, candidates)

    return answer


def _sources(relation: Relation) -> Answer:
    """SourcedValue.sources: a citation per figure of the group (the first `bound`), each
    read with its article."""

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        count = pick.first if pick.first is not None else relation.bound
        keep = "" if count is None else f" FILTER (WHERE {{f}}.rn <= {int(count)})"
        group = names.group
        if group is None:
            return None
        group.shown = max(group.shown, int(count) if count is not None else 2**31 - 1)
        article, outlet = names.next(), names.next()
        figure = group.figure
        outer = names.article, names.outlet
        names.article = article
        names.outlet = (article, outlet) if names.as_of is None else None
        citation = object_json("Citation", pick.picks, figure, names)
        names.article, names.outlet = outer
        if citation is None:
            return None
        if names.as_of is None:
            # Now: each figure's article and its outlet joined to the figure's row once (a
            # join the outlet's fields do not read, PostgreSQL leaves out), not a subquery
            # and an outlet scan per citation. A figure without its article has none.
            group.joins += [
                f"LEFT JOIN articles {article} ON {article}.id = {figure}.article_id",
                f"LEFT JOIN outlets {outlet} ON {outlet}.id = {article}.outlet_id",
            ]
            item = f"CASE WHEN {article}.id IS NOT NULL THEN {citation} END"
        else:  # the article's copy as it stood then
            stood = known_db.article_as_of_sql(f"= {figure}.article_id", names.as_of)
            item = f"(SELECT {citation} FROM ({stood}) {article})"
        group.aggregates.append(
            f"'[' || string_agg({item}, ',' ORDER BY {figure}.id)"
            + keep.format(f=figure)
            + " || ']'"
        )
        return f"coalesce({row}.s{len(group.aggregates) - 1}, '[]')"

    return answer


def _as_answered(answer: Answer, relation: Relation) -> Answer:
    return answer


# Relations a statement answers its own way: a citation reads the article it was built
# with (_sources), a value groups its fact's figures, aliases leave out the canonical name.
SPECIAL: dict[tuple[str, str], Callable[[Relation], Answer]] = {
    ("Fact", "values"): _values,
    ("Fact", "preferred"): _preferred,
    ("SourcedValue", "sources"): _sources,
    ("Entity", "aliases"): _aliases,
    ("Fact", "reports"): lambda relation: _now_only(_many(relation)),
    ("Article", "entities"): _mentioned,
    ("Quote", "otherReports"): _other_reports,
    # Oldest first by id, as judgements.list_judgements_for_figures reads them.
    ("Figure", "judgements"): lambda relation: _many(replace(relation, order=("id",))),
    ("Fact", "history"): lambda relation: history_page(object_json),
    # Citations and spans (db/citations.py).
    **{key: partial(_as_answered, answer) for key, answer in citation_answers(object_json).items()},
}


def _relation_field(type_name: str, field_name: str, relation: Relation) -> Field | None:
    """How a statement answers a relation of the map, or None when it leaves it to the
    resolvers (a link table, a key other than the parent's id, a connection)."""
    special = SPECIAL.get((type_name, field_name))
    if special is not None:
        return Field(special(relation), relation.child)
    table, child = relation.table, relation.child
    if relation.cardinality is Cardinality.PAGE and child in PAGED:
        return Field(nested_page(relation, object_json), child)
    if table is None or child is None or relation.through is not None:
        return None
    if relation.cardinality is Cardinality.ONE:
        return Field(_one(child, table, relation.parent_column), child)
    if (
        relation.cardinality is Cardinality.MANY
        and relation.parent_column == "id"
        and not relation.grouped_by
    ):
        return Field(_many(relation), child)
    return None


# The connections below an object a statement reads as nested_page does (Fact.history, a
# union of events, is written by db/history.history_page).
PAGED = frozenset({"Article", "Mention", "Quote", "ArticleVersion"})


def _types() -> dict[str, dict[str, Field]]:
    types = {name: dict(fields) for name, fields in COLUMNS.items()}
    for type_name, fields in types.items():
        for field_name, relation in RELATIONS.get(type_name, {}).items():
            known = _relation_field(type_name, field_name, relation)
            if known is not None:
                fields[field_name] = known
    return types


TYPES = _types()
TYPENAME = Field(lambda pick, row, names: None)  # _object writes the type's name
TABLES = {"Fact": "facts", "Entity": "entities", "Article": "articles"}  # where trees start


def field_of(type_name: str, field_name: str) -> Field | None:
    """The field as TYPES answers it, or None when only the resolvers can."""
    if field_name == "__typename":
        return TYPENAME
    return TYPES.get(type_name, {}).get(field_name)


@lru_cache(maxsize=512)
def tree_sql(type_name: str, picks: tuple[Pick, ...], *, many: bool) -> str | None:
    """The statement answering `picks` below the `type_name` whose id is $1 (`many`: each
    one whose id is in the array $1), or None when the selection holds something only the
    resolvers answer. (One id: `= ANY` of a one-element array took 0.12 ms more for Q3.)"""
    table = TABLES.get(type_name)
    if table is None:
        return None
    built = object_json(type_name, picks, "t0", Scope(computed=False))
    if built is None:
        return None
    where = "t0.id = ANY($1::bigint[])" if many else "t0.id = $1"
    return f"SELECT t0.id, ({built})::text AS tree FROM {table} t0 WHERE {where}"


async def fetch_trees(conn: Connection, *, sql: str, ids: Sequence[int]) -> dict[int, Any]:
    """The answers a `tree_sql(..., many=True)` statement builds, decoded, by id (none for
    a missing id). (Decoded and written again by the view: PostgreSQL writes
    `{"a" : 1, "b" : 2}`, and passing its text through as it is made answers 7% larger
    and unlike the others.)"""
    rows = await conn.fetch(sql, list(ids))
    return {int(r["id"]): orjson.loads(r["tree"]) for r in rows}


async def fetch_tree(conn: Connection, *, sql: str, id: int) -> Any:
    """The answer a `tree_sql(..., many=False)` statement builds, decoded; None when there
    is no such row."""
    row = await conn.fetchrow(sql, id)
    return None if row is None else orjson.loads(row["tree"])
