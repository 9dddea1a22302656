"""Stable addresses of the desk's pages, of their JSON twins and of the same query in
GraphiQL. Pages are addressed by the same global ids as the APIs."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from service.ids import encode_id

API = "/api/v1"


def entity_page(entity_id: int) -> str:
    return f"/entities/{encode_id('Entity', entity_id)}"


def fact_page(fact_id: int) -> str:
    return f"/facts/{encode_id('Fact', fact_id)}"


def as_of(path: str, at: dt.datetime) -> str:
    """A page (or its JSON twin) as known at `at`."""
    return f"{path}?" + urlencode({"as_of": at.astimezone(dt.UTC).isoformat()})


def article_page(article_id: int) -> str:
    return f"/articles/{encode_id('Article', article_id)}"


def search_page(query: str) -> str:
    return "/search?" + urlencode({"q": query})


def entity_search_api(query: str) -> str:
    """The nearest JSON twin of a search: entities in any spelling (REST has no search
    across types)."""
    return f"{API}/entities?" + urlencode({"search": query})


def api_twin(page_path: str) -> str:
    """The REST resource a page shows: /entities/X -> /api/v1/entities/X."""
    return API + page_path


def graphiql(query: str) -> str:
    """GraphiQL opened on `query` (`q`: a `query` parameter would run it instead)."""
    return "/graphql?" + urlencode({"q": query})


def graphiql_of(query: str, type_name: str, pk: int) -> str:
    """GraphiQL on `query` about one object, whose global id replaces `$ID`."""
    return graphiql(query.replace("$ID", quoted(encode_id(type_name, pk))))


def quoted(text: str) -> str:
    """`text` as a GraphQL string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
