"""The strawberry schema, and the ASGI view that builds a context per request."""

from __future__ import annotations

from typing import Any

import asyncpg
import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.schema.config import StrawberryConfig

from service.config import Settings
from service.graphql.context import Context, build_context
from service.graphql.mutations import Mutation
from service.graphql.queries import Query
from service.graphql.types.article import Article, Outlet
from service.graphql.types.entity import Entity
from service.graphql.types.fact import Fact
from service.graphql.types.figure import Figure
from service.graphql.types.quote import Quote

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    types=[Article, Outlet, Entity, Quote, Figure, Fact],
    config=StrawberryConfig(auto_camel_case=True),
)


class GraphQLView(GraphQL[Context, None]):
    def __init__(self, pool_source: Any, settings: Settings) -> None:
        super().__init__(schema, graphql_ide="graphiql" if settings.factdesk_graphiql else None)
        self._pool_source = pool_source
        self._settings = settings

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        pool: asyncpg.Pool = self._pool_source(request)
        return build_context(pool, self._settings)


def export_schema() -> str:
    return schema.as_str() + "\n"
