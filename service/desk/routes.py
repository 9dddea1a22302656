"""The desk's routes: its pages and its static files (style, vendored GraphiQL)."""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from service.config import Settings
from service.desk.article import article
from service.desk.entity import entity
from service.desk.fact import fact
from service.desk.home import home
from service.desk.judging import judge_form, withdraw_form
from service.desk.pages import desk_page
from service.desk.search import search
from service.desk.templating import STATIC, STATIC_PATH
from service.desk.value import value_sources

# Where the pages are, for conditional GET (service/conditional.py): a page is a read of
# the data like any other, so it is tagged and revalidated the same way.
PAGE_PATHS = ("/", "/search")
PAGE_PREFIXES = ("/entities/", "/facts/", "/articles/")


def desk_routes(settings: Settings) -> list[BaseRoute]:
    pages = [
        ("/", home),
        ("/search", search),
        ("/entities/{id}", entity),
        ("/facts/{id}", fact),
        ("/facts/{id}/values/{figure}", value_sources),
        ("/articles/{id}", article),
    ]
    return [
        *(Route(path, desk_page(page, settings), methods=["GET"]) for path, page in pages),
        # The fact page's editor forms (service/desk/judging.py: the key is in the form).
        Route("/facts/{id}/judgements", judge_form(settings), methods=["POST"]),
        Route(
            "/facts/{id}/judgements/{judgement}/withdraw",
            withdraw_form(settings),
            methods=["POST"],
        ),
        # Open even when reads are protected: style and GraphiQL's code hold no data.
        Mount(STATIC_PATH, StaticFiles(directory=STATIC), name="desk-static"),
    ]
