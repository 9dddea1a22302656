"""`/search?q=`: entities, facts, articles and quotes matching any spelling, best first,
through the same search as GraphQL's `search` (service/db/search.py)."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from service.db import facts as facts_db
from service.db import quotes as quotes_db
from service.db import search as search_db
from service.desk import links
from service.desk.pages import pool_of
from service.desk.reading import read_around
from service.desk.templating import render
from service.lookup import name_keys, word_keys
from service.search_text import bounded_search

HITS = 30


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # Entity, Fact, Article or Quote
    title: str
    href: str
    detail: str


async def search(request: Request) -> Response:
    query = (bounded_search(request.query_params.get("q"), field="q") or "").strip()
    if not query:
        return RedirectResponse("/", status_code=303)
    async with pool_of(request).acquire() as conn:
        found = await search_db.search_everything(
            conn, query=query, keys=name_keys(query), word_keys=word_keys(query), limit=HITS
        )
        ids: dict[str, list[int]] = {"Entity": [], "Fact": [], "Article": [], "Quote": []}
        for kind, pk in found:
            ids[kind].append(pk)
        quotes = {q.id: q for q in await quotes_db.list_quotes_by_ids(conn, ids=ids["Quote"])}
        facts = {f.id: f for f in await facts_db.list_facts_by_ids(conn, ids=ids["Fact"])}
        around = await read_around(
            conn,
            article_ids=ids["Article"] + [q.article_id for q in quotes.values()],
            entity_ids=ids["Entity"] + [q.speaker_id for q in quotes.values()],
        )
    hits: list[Hit] = []
    for kind, pk in found:
        if kind == "Entity" and pk in around.entities:
            entity = around.entities[pk]
            hits.append(Hit(kind, entity.name, links.entity_page(pk), entity.kind.lower()))
        elif kind == "Fact" and pk in facts:
            fact = facts[pk]
            detail = "disputed" if fact.disputed else "agreed"
            hits.append(Hit(kind, fact.label, links.fact_page(pk), detail))
        elif kind == "Article" and pk in around.articles:
            article = around.articles[pk]
            outlet = around.outlet_of(article).name
            hits.append(Hit(kind, article.headline, links.article_page(pk), outlet))
        elif kind == "Quote" and pk in quotes:
            quote = quotes[pk]
            speaker = around.entities.get(quote.speaker_id) if quote.speaker_id else None
            who = speaker.name if speaker else quote.speaker_text or "unattributed"
            href = f"{links.article_page(quote.article_id)}#quote-{pk}"
            hits.append(Hit(kind, quote.text, href, who))
    return render(
        request,
        "search.html",
        title=f"Search: {query}",
        query=query,
        hits=hits,
        json_url=links.entity_search_api(query),
        graphiql_url=links.graphiql(
            f"{{ search(query: {links.quoted(query)}) {{ __typename "
            "... on Entity { id name } ... on Fact { id label } "
            "... on Article { id headline } ... on Quote { id text } } }"
        ),
    )
