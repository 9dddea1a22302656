"""`/facts/{id}`: every value of a fact on a number line, where they agree and conflict,
each with every source, first and last reported."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from service.db import facts as facts_db
from service.desk import links
from service.desk.chart import number_line
from service.desk.pages import pool_of
from service.desk.reading import read_fact_values
from service.desk.templating import render
from service.errors import NotFoundError
from service.ids import decode_id

SOURCES_PER_VALUE = 20

QUERY = """{
  fact(id: $ID) {
    label unit disputed subject { name }
    values { value upperBound approximation text sources {
      outlet { name } excerpt span { start end part caption }
      attributedTo { name } attributedToText article { id headline publishedAt } } }
  }
}"""


async def fact(request: Request) -> Response:
    fact_id = decode_id(request.path_params["id"], "Fact")[1]
    async with pool_of(request).acquire() as conn:
        rows = await facts_db.list_facts_by_ids(conn, ids=[fact_id])
        if not rows:
            raise NotFoundError("no fact has this id")
        found, around = await read_fact_values(
            conn, facts=rows, per_value=SOURCES_PER_VALUE, with_times=True
        )
    values = found[0]
    subject = around.entities.get(rows[0].subject_id) if rows[0].subject_id else None
    return render(
        request,
        "fact.html",
        title=rows[0].label,
        fact=values,
        subject=subject,
        chart=number_line([v.group for v in values.values]),
        json_url=links.api_twin(links.fact_page(fact_id)),
        graphiql_url=links.graphiql_of(QUERY, "Fact", fact_id),
    )
