"""`/`: the search box, the newest articles and the most disputed facts."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from service.db import articles as articles_db
from service.db import facts as facts_db
from service.db.paging import Window
from service.desk import links
from service.desk.pages import pool_of
from service.desk.reading import read_around
from service.desk.templating import render

RECENT = 10
DISPUTED = 10

QUERY = f"""{{
  articles(first: {RECENT}) {{ edges {{ node {{ id headline publishedAt outlet {{ name }} }} }} }}
  facts(filter: {{disputed: true}}, first: {DISPUTED}) {{ edges {{ node {{ id label }} }} }}
}}"""


async def home(request: Request) -> Response:
    async with pool_of(request).acquire() as conn:
        page = (
            await articles_db.page_articles(
                conn, flt=articles_db.ArticleFilter(), window=Window(RECENT)
            )
        ).items
        facts = await facts_db.list_most_disputed_facts(conn, limit=DISPUTED)
        around = await read_around(conn, article_ids=[i for i, _ in page])
    articles = [around.articles[i] for i, _ in page if i in around.articles]
    return render(
        request,
        "home.html",
        title="Factdesk",
        articles=articles,
        around=around,
        facts=facts,
        json_url=links.API + "/articles",
        graphiql_url=links.graphiql(QUERY),
    )
