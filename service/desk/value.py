"""`/facts/{id}/values/{figure}`: every source of one value of a fact, a page at a time
(the fact's page shows the first few of each; a value of a much reported fact has
thousands). The value is the one its report `figure` prints; `?after=` pages on."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request
from starlette.responses import Response

from service.db import facts as facts_db
from service.db import figures as figures_db
from service.db import known as known_db
from service.desk import links
from service.desk.fact import QUERY
from service.desk.pages import pool_of
from service.desk.reading import read_around, read_fact_values, source_of
from service.desk.templating import render
from service.errors import NotFoundError
from service.ids import decode_id, encode_id
from service.ingest.facts.ranks import key_of

SOURCES_PER_PAGE = 50


async def value_sources(request: Request) -> Response:
    fact_id = decode_id(request.path_params["id"], "Fact")[1]
    figure_id = decode_id(request.path_params["figure"], "Figure")[1]
    after = request.query_params.get("after")
    after_id = decode_id(after, "Figure")[1] if after else None
    async with pool_of(request).acquire() as conn:
        facts = await facts_db.list_facts_by_ids(conn, ids=[fact_id])
        figures = await figures_db.list_figures_by_ids(conn, ids=[figure_id])
        if not facts or not figures or figures[0].fact_id != fact_id:
            raise NotFoundError("no value of this fact is reported by this figure")
        # Every value's first report: this value's rank and conflicts are among them.
        found, _ = await read_fact_values(conn, facts=facts, per_value=1, with_times=True)
        reports = await figures_db.list_reports_of_value(
            conn, of=figures[0], after_id=after_id, limit=SOURCES_PER_PAGE + 1
        )
        shown = reports[:SOURCES_PER_PAGE]
        around = await read_around(
            conn,
            article_ids=[r.article_id for r in shown],
            entity_ids=[r.attributed_to_id for r in shown],
        )
        for publication in await known_db.list_publication_times(
            conn, article_ids=sorted(around.articles)
        ):
            around.publications.setdefault(publication.article_id, []).append(publication)
    value = next((v for v in found[0].values if key_of(v.group.first) == key_of(figures[0])), None)
    if value is None:  # its reports were taken out meanwhile
        raise NotFoundError("no value of this fact is reported by this figure")
    page = f"{links.fact_page(fact_id)}/values/{request.path_params['figure']}"
    more = None
    if len(reports) > len(shown):
        more = f"{page}?after={encode_id('Figure', shown[-1].id)}"
    return render(
        request,
        "value.html",
        title=f"{value.group.first.text} · {facts[0].label}",
        fact=found[0],
        value=replace(value, sources=[source_of(r, around) for r in shown]),
        paged=after_id is not None,
        later_url=more,
        first_url=page,
        json_url=links.api_twin(links.fact_page(fact_id)),
        graphiql_url=links.graphiql_of(QUERY, "Fact", fact_id),
    )
