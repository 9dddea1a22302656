"""GET /api/v1/facts/{id}?as_of=: a fact as known then, by the statement GraphQL's
`fact(id:, asOf:)` compiles to (db/operations.py over db/trees.py and db/known.py's rules,
service/computed.py filling in what the rules say), asked for REST's fields by their REST
names; one round trip. Only `figureIds` is moved: the statement writes each source's figure
id beside the source, REST lists them beside the sources.
"""

from __future__ import annotations

import datetime as dt

import orjson

from service.computed import fill
from service.db import operations as operations_db
from service.db.operations import Root
from service.db.pool import Connection
from service.db.selection import Pick
from service.rest.representations import Json

EVERY = 2**31 - 1  # REST lists every value and every source


def _picks(*names: str) -> tuple[Pick, ...]:
    return tuple(Pick(name, name) for name in names)


ENTITY = _picks("id", "name", "kind")
CITATION = (
    Pick("article", "article", _picks("id", "headline", "url", "publishedAt")),
    Pick("outlet", "outlet", _picks("id", "name")),
    Pick("span", "span", _picks("start", "end", "part", "caption")),
    Pick("excerpt", "excerpt"),
    Pick("attributedTo", "attributedTo", ENTITY),
    Pick("attributedToText", "attributedToText"),
    Pick("figureId", "figureId"),
)
VALUE = (
    *_picks("value", "upperBound", "approximation", "text", "rank", "conflicting"),
    *_picks("firstReportedAt", "lastReportedAt"),
    Pick("sources", "sources", CITATION, first=EVERY),
)
FACT = (
    *_picks("id", "label"),
    Pick("subject", "subject", ENTITY),
    *_picks("property", "qualifier", "unit", "disputed", "firstReportedAt", "updatedAt"),
    Pick("values", "values", VALUE, first=EVERY),
    Pick("preferred", "preferred", VALUE),
)
_ROOT = Root("fact", "fact", FACT, ("as_of",))


async def fact_as_of(conn: Connection, *, fact_id: int, as_of: dt.datetime) -> Json | None:
    """The fact as REST shows it, as known at `as_of`; None when it had no value then."""
    statement = operations_db.operation_sql((_ROOT,))
    assert statement is not None, "REST's fact selection is one the statement answers"
    given = {"id": fact_id, "as_of": as_of}
    text = await operations_db.fetch_operation(
        conn, sql=statement.sql, arguments=[given[name] for _, name in statement.arguments]
    )
    fact: Json | None = orjson.loads(fill(text))["fact"]
    if fact is None:
        return None
    for value in [*fact["values"], *([fact["preferred"]] if fact["preferred"] else [])]:
        value["figureIds"] = [source.pop("figureId") for source in value["sources"]]
    return fact
