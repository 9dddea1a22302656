"""`/entities/{id}`: an entity's names and why they were merged, its facts, each value
with every source."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from service.db import articles as articles_db
from service.db import entities as entities_db
from service.db import facts as facts_db
from service.desk import links
from service.desk.pages import pool_of
from service.desk.reading import read_fact_values
from service.desk.templating import render
from service.errors import NotFoundError
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
    async with pool_of(request).acquire() as conn:
        rows = await entities_db.list_entities_by_ids(conn, ids=[entity_id])
        if not rows:
            raise NotFoundError("no entity has this id")
        aliases = await entities_db.list_aliases_for_entities(conn, ids=[entity_id])
        resolutions = await entities_db.list_resolutions_for_entity(
            conn, entity_id=entity_id, limit=RESOLUTIONS, examined=RESOLUTIONS_EXAMINED
        )
        facts = await facts_db.list_facts_for_subjects(conn, subject_ids=[entity_id])
        facts.sort(key=lambda f: (not f.disputed, f.label))
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
        json_url=links.api_twin(path),
        graphiql_url=links.graphiql_of(QUERY, "Entity", entity_id),
    )
