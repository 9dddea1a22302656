"""How each field of a type is read from its own row, as JSON text (db/trees.py adds the
relations): plain columns, floats and times written as orjson writes them, global ids, a
fact's times (now or as known at a past time) and the values the rules compute in Python."""

from __future__ import annotations

from collections.abc import Callable

from service.db import fact_values as fact_values_db
from service.db import facts as facts_db
from service.db import known as known_db
from service.db import known_values as known_values_db
from service.db.json_text import b64, computed_sql, isoformat_sql, text_json
from service.db.selection import Answer, Field, Pick, Scope


def _column(name: str) -> Answer:
    """A column as JSON text: PostgreSQL escapes strings as orjson does (the short escapes
    and \\u00xx for control characters, everything else as it is)."""
    return lambda pick, row, names: f"coalesce(to_json({row}.{name})::text, 'null')"


def _float(name: str) -> Answer:
    """A float8 column as a JSON float: PostgreSQL prints 4000000 where Python prints
    4000000.0, and a client reading the JSON would see an integer."""

    def answer(pick: Pick, row: str, names: Scope) -> str:
        c = f"{row}.{name}"
        # Where PostgreSQL and orjson write a float the same way; past it (1e15 and more,
        # under 1e-4) orjson has rules of its own, so the statement fails (a cast error)
        # and the executor answers instead.
        return (
            f"CASE WHEN {c} IS NULL THEN 'null' "
            f"WHEN {c} = trunc({c}) AND abs({c}) < 1e15 THEN {c}::text || '.0' "
            f"WHEN abs({c}) >= 1e-4 AND abs({c}) < 1e15 THEN {c}::text "
            f"ELSE ('float outside the compiled range: ' || {c})::int::text END"
        )

    return answer


def _time(name: str) -> Answer:
    """A timestamptz column: the JSON string `_isoformat` writes, or null."""
    return lambda pick, row, names: text_json(f"{row}.{name}", isoformat_sql(f"{row}.{name}"))


def _time_of(expression: Callable[[str], str]) -> Answer:
    """A time computed from the row (`expression` of its alias), written as `_time` does:
    computed once (OFFSET 0 keeps PostgreSQL from copying the subquery into each of the
    four places `_text` and `_isoformat` read it, running it four times)."""

    def answer(pick: Pick, row: str, names: Scope) -> str:
        at = names.next()
        written = text_json(f"{at}.v", isoformat_sql(f"{at}.v"))
        return f"(SELECT {written} FROM (SELECT {expression(row)} AS v OFFSET 0) {at})"

    return answer


def _fact_time(now: Callable[[str], str], then: Callable[[str, str], str]) -> Answer:
    """A fact's time: `now` of its row, or as known then (`then`) under `fact(asOf:)`."""

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        at = names.as_of
        return _time_of(now if at is None else lambda fact: then(fact, at))(pick, row, names)

    return answer


def _computed(names: Scope, build: Callable[[], str | None]) -> str | None:
    """`build`'s computed_sql where the statement's text is filled, else None."""
    return build() if names.computed else None


def _disputed(pick: Pick, row: str, names: Scope) -> str | None:
    """Fact.disputed: stored for now. As known at a past time it is computed again by the
    rule that keeps the stored one (service.ingest.facts.agreement)."""
    if names.as_of is None:
        return _column("disputed")(pick, row, names)
    at = names.as_of
    return _computed(
        names, lambda: computed_sql("'disputed'", known_values_db.value_inputs_sql(row, at))
    )


def _assessed(what: str) -> Answer:
    """SourcedValue.rank / conflicting: what the editors' judgements make of the value
    (service.ingest.facts.ranks.assess), computed in Python from its fact's values."""

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        group = names.group
        if group is None or not names.computed:
            return None
        group.numbered = True
        group.inputs = known_values_db.value_inputs_sql(group.fact, names.as_of)
        return computed_sql(f"'{what}:' || {row}.n", f"{row}_in.inputs")

    return answer


def _reported(aggregate: str) -> Answer:
    """SourcedValue.firstReportedAt / lastReportedAt: the `aggregate` (min or max) over the
    group's figures of their articles' publication times: kept in fact_values for now,
    computed from the figures that counted then (known.reported_sql) under `asOf`."""

    def answer(pick: Pick, row: str, names: Scope) -> str | None:
        group = names.group
        if group is None:
            return None
        if names.as_of is None:  # now: the value's row of fact_values, kept by triggers
            return _time_of(
                lambda value: fact_values_db.value_time_sql(group.fact, value, aggregate)
            )(pick, row, names)
        # The group's rows under asOf carry their report's times (trees._value_list).
        group.aggregates.append(f"{aggregate}({group.figure}.reported_{aggregate})")
        column = f"{row}.s{len(group.aggregates) - 1}"
        return text_json(column, isoformat_sql(column))

    return answer


def _id(type_name: str, column: str = "id") -> Answer:
    """The global id of the `type_name` whose key is `column`, as `service.ids.encode_id`
    writes it (urlsafe, unpadded)."""
    return lambda pick, row, names: (
        "'\"' || " + b64(f"convert_to('{type_name}:' || {row}.{column}, 'UTF8')") + " || '\"'"
    )


def _ids_of(type_name: str, name: str) -> Answer:
    """An array column of keys as the list of their global ids, in the array's order."""
    return lambda pick, row, names: (
        "coalesce((SELECT '[' || string_agg('\"' || "
        + b64(f"convert_to('{type_name}:' || u.id, 'UTF8')")
        + f" || '\"', ',' ORDER BY u.n) || ']' FROM unnest({row}.{name}) WITH ORDINALITY"
        " AS u(id, n)), '[]')"
    )


# The columns each type's fields read; relation fields come from service/relations.py.
COLUMNS: dict[str, dict[str, Field]] = {
    "Fact": {
        "id": Field(_id("Fact")),
        "property": Field(_column("property")),
        "label": Field(_column("label")),
        "unit": Field(_column("unit")),
        "qualifier": Field(_column("qualifier")),
        "disputed": Field(_disputed),
        "firstReportedAt": Field(
            _fact_time(facts_db.first_reported_sql, known_values_db.first_known_sql)
        ),
        "updatedAt": Field(_fact_time(facts_db.updated_sql, known_db.updated_known_sql)),
    },
    "SourcedValue": {
        "value": Field(_float("value")),
        "upperBound": Field(_float("upper_bound")),
        "approximation": Field(_column("approximation")),
        "text": Field(_column("text")),
        "firstReportedAt": Field(_reported("min")),
        "lastReportedAt": Field(_reported("max")),
        "rank": Field(_assessed("rank")),
        "conflicting": Field(_assessed("conflicting")),
    },
    # A citation here is always a figure's: its row is the figure row (_sources).
    "Citation": {
        "attributedToText": Field(_column("attributed_to_text")),
        # REST's figureIds (service/rest/known_facts.py); no GraphQL field: no document asks it.
        "figureId": Field(_id("Figure")),
    },
    "Span": {
        "start": Field(_column("start_offset")),
        "end": Field(_column("end_offset")),
        "part": Field(_column("part")),
        "caption": Field(_column("caption_index")),
    },
    "Entity": {
        "id": Field(_id("Entity")),
        "kind": Field(_column("kind")),
        "name": Field(_column("name")),
        "description": Field(_column("description")),
    },
    "Article": {
        "id": Field(_id("Article")),
        "slug": Field(_column("slug")),
        "headline": Field(_column("headline")),
        "standfirst": Field(_column("standfirst")),
        "publishedAt": Field(_time("published_at")),
        "dateline": Field(_column("dateline")),
        "bylines": Field(_column("bylines")),
        "body": Field(_column("body")),
        "captions": Field(_column("captions")),
        "removedLines": Field(_column("removed")),
        "url": Field(_column("url")),
        "contentHash": Field(_column("content_hash")),
    },
    "ArticleVersion": {
        "version": Field(_column("version")),
        "headline": Field(_column("headline")),
        "standfirst": Field(_column("standfirst")),
        "body": Field(_column("body")),
        "url": Field(_column("url")),
        "publishedAt": Field(_time("published_at")),
        "storedAt": Field(_time("stored_at")),
        "replacedAt": Field(_time("replaced_at")),
        "reason": Field(_column("reason")),
    },
    "Publication": {
        "url": Field(_column("url")),
        "publishedAt": Field(_time("published_at")),
        "receivedAt": Field(_time("received_at")),
        "removedLines": Field(_column("removed")),
    },
    "Quote": {
        "id": Field(_id("Quote")),
        "text": Field(_column("text")),
        "speakerText": Field(_column("speaker_text")),
        "isPartial": Field(_column("is_partial")),
    },
    "Outlet": {
        "id": Field(_id("Outlet")),
        "name": Field(_column("name")),
    },
    "Mention": {"text": Field(_column("text"))},
    # One event of a fact's history: a row of db/history.py's union (types/history.py).
    "FactEvent": {
        "at": Field(_time("at")),
        "kind": Field(_column("kind")),
        "value": Field(_float("value")),
        "upperBound": Field(_float("upper_bound")),
        "approximation": Field(_column("approximation")),
        "text": Field(_column("text")),
        "figureId": Field(_id("Figure", "figure_id")),
        "articleId": Field(_id("Article", "article_id")),
        "outlet": Field(_column("outlet")),
        "reason": Field(_column("reason")),
        "by": Field(_column("by")),
        "judgement": Field(_column("judgement")),
    },
    # The change feed (types/change.py): the kind's GraphQL name is the stored one in capitals.
    "Change": {
        "kind": Field(lambda pick, row, names: f"to_json(upper({row}.kind))::text"),
        "articleId": Field(_id("Article", "article_id")),
        "factIds": Field(_ids_of("Fact", "fact_ids")),
        "at": Field(_time("at")),
    },
    "Figure": {
        "id": Field(_id("Figure")),
        "value": Field(_float("value")),
        "upperBound": Field(_float("upper_bound")),
        "approximation": Field(_column("approximation")),
        "unit": Field(_column("unit")),
        "text": Field(_column("text")),
        "property": Field(_column("property")),
        "qualifier": Field(_column("qualifier")),
        "status": Field(_column("status")),
        "refersTo": Field(_column("refers_to")),
    },
    "Judgement": {
        "id": Field(_id("Judgement")),
        "kind": Field(_column("kind")),
        "reason": Field(_column("reason")),
        "madeBy": Field(_column("made_by")),
        "madeAt": Field(_time("made_at")),
        "withdrawnAt": Field(_time("withdrawn_at")),
        "withdrawnBy": Field(_column("withdrawn_by")),
        "withdrawalReason": Field(_column("withdrawal_reason")),
        # JudgementRow.in_force
        "inForce": Field(
            lambda pick, row, names: (
                f"CASE WHEN {row}.withdrawn_at IS NULL AND {row}.figure_id IS NOT NULL "
                "THEN 'true' ELSE 'false' END"
            )
        ),
    },
}
