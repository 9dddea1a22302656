"""`/entities/{id}`: an entity's names and why they were merged, its facts, each value
with every source."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from service.db import articles as articles_db
from service.db import entities as entities_db
from service.db import fact_values as fact_values_db
from service.db import facts as facts_db
from service.db.rows import FactRow
from service.desk import links
from service.desk.pages import pool_of
from service.desk.reading import read_fact_values
from service.desk.templating import render
from service.errors import InvalidCursorError, NotFoundError
from service.ids import decode_id

RESOLUTIONS = 50  # distinct (name, decision, reason) rows shown
RESOLUTIONS_EXAMINED = 1000  # of the entity's resolutions, one per article it is named in
SOURCES_PER_VALUE = 5  # the fact's own page shows more
# Sources of each fact in all, at least one per value shown: a much reported place has
# forty facts, and its page stays one an editor can read (and the server renders fast).
SOURCES_PER_FACT = 6
# Sources on the page in all: a place with forty facts shows the first source of each
# value it lists (every value's sources are a link away), so the page stays the same size
# however much is reported.
SOURCES_PER_PAGE = 60
# Values per fact: the most reported (a much reported place's fact has a hundred; the
# fact's page has them all).
VALUES_PER_FACT = 8
# Facts shown with their values and sources: the disputed first, then the most reported
# (a much reported place is the subject of thousands: one per dated count).
FACTS_IN_FULL = 12
# The other facts, a row each, this many a page (`?facts_from=`).
FACTS_LISTED = 100

QUERY = """{
  entity(id: $ID) {
    name kind aliases
    facts { id label disputed
      values { value text sources {
        outlet { name } excerpt attributedTo { name } article { id headline } } } }
  }
}"""


async def entity(request: Request) -> Response:
    global_id: str = request.path_params["id"]
    entity_id = decode_id(global_id, "Entity")[1]
    start = _start(request.query_params.get("facts_from"))
    async with pool_of(request).acquire() as conn:
        rows = await entities_db.list_entities_by_ids(conn, ids=[entity_id])
        if not rows:
            raise NotFoundError("no entity has this id")
        aliases = await entities_db.list_aliases_for_entities(conn, ids=[entity_id])
        resolutions = await entities_db.list_resolutions_for_entity(
            conn, entity_id=entity_id, limit=RESOLUTIONS, examined=RESOLUTIONS_EXAMINED
        )
        facts = await facts_db.list_facts_for_subjects(conn, subject_ids=[entity_id])
        counts = await fact_values_db.count_values_for_facts(conn, fact_ids=[f.id for f in facts])
        in_full, others = _in_full(facts, counts)
        facts = in_full
        per_fact = min(SOURCES_PER_FACT, max(1, SOURCES_PER_PAGE // max(1, len(facts))))
        fact_values, around = await read_fact_values(
            conn,
            facts=facts,
            per_value=SOURCES_PER_VALUE,
            with_times=False,
            most_values=VALUES_PER_FACT,
            budget=per_fact,
        )
        resolved_in = {
            row.id: row
            for row, _ in await articles_db.list_articles_with_outlets_by_ids(
                conn, ids=sorted({r.article_id for r in resolutions})
            )
        }
    path = links.entity_page(entity_id)
    return render(
        request,
        "entity.html",
        title=rows[0].name,
        entity=rows[0],
        aliases=aliases.get(entity_id, []),
        resolutions=resolutions,
        resolved_in=resolved_in,
        facts=fact_values,
        around=around,
        others=_listed(others, counts, start, path),
        json_url=links.api_twin(path),
        graphiql_url=links.graphiql_of(QUERY, "Entity", entity_id),
    )


def _order(fact: FactRow) -> tuple[bool, str, int]:
    """How the page lists facts: the disputed first, then by label."""
    return (not fact.disputed, fact.label, fact.id)


def _in_full(
    facts: list[FactRow], counts: dict[int, tuple[int, int]]
) -> tuple[list[FactRow], list[FactRow]]:
    """The FACTS_IN_FULL facts shown in full (the disputed first, then the most reported)
    and the others, each in the page's order."""
    chosen = sorted(facts, key=lambda f: (not f.disputed, -counts.get(f.id, (0, 0))[1], f.id))
    shown = {f.id for f in chosen[:FACTS_IN_FULL]}
    return (
        sorted((f for f in facts if f.id in shown), key=_order),
        sorted((f for f in facts if f.id not in shown), key=_order),
    )


@dataclass(frozen=True, slots=True)
class Listed:
    """A page of the facts not shown in full, a row each, with links to the pages of
    rows before and after it."""

    rows: list[tuple[FactRow, int, int]]  # fact, values, reports
    start: int
    total: int
    earlier_url: str | None
    later_url: str | None


def _listed(
    others: list[FactRow], counts: dict[int, tuple[int, int]], start: int, path: str
) -> Listed:
    end = start + FACTS_LISTED
    rows = [(f, *counts.get(f.id, (0, 0))) for f in others[start:end]]
    earlier = None if start == 0 else f"{path}?facts_from={max(0, start - FACTS_LISTED)}"
    later = f"{path}?facts_from={end}" if end < len(others) else None
    return Listed(rows, start, len(others), earlier, later)


def _start(given: str | None) -> int:
    """Where the page's list of other facts starts (`?facts_from=`)."""
    if given is None:
        return 0
    if not given.isdigit() or len(given) > 9:
        raise InvalidCursorError("facts_from must be a whole number (a row of the list)")
    return int(given)
