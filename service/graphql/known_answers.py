"""POST /graphql for a document compiled before, answered before strawberry's view runs.

A JSON body whose query and operation name have a plan (compiler.known_plan), and no
extensions (a persisted query is the view's to register), needs nothing of the view but
the context's reads: the statement runs (compiled_answers.answer_known: cost check and
binding are remembered per set of variables) and its bytes go out as `{"data":...}` in the
negotiated media type, as the view writes them. Anything else (another content type, a
body that is not such an object, a document not compiled yet, a request the plan leaves to
the executor) goes on to the view with the body replayed, so its answers are the view's.
Auth and the body cap ran before (graphql/gate.py); the response cache before that.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import orjson
from graphql import GraphQLError, GraphQLSchema
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope

from service.config import Settings
from service.deadline import seconds_left
from service.graphql.compiled_answers import answer_known
from service.graphql.compiler import known_plan
from service.graphql.context import Context
from service.graphql.errors import client_error
from service.graphql.limits import GraphQLLimits
from service.graphql.negotiation import response_media_type
from service.request_body import read_body, replay

JSON = "application/json"


@dataclass(frozen=True, slots=True)
class KnownAnswers:
    limits: GraphQLLimits
    schema: GraphQLSchema
    settings: Settings
    context: Callable[[Request], Awaitable[Context]]  # the view's get_context
    timed_out: Callable[[Scope], GraphQLError]

    async def respond(self, scope: Scope, receive: Receive) -> tuple[Response | None, Receive]:
        """The answer, or None and the `receive` the view reads the body from."""
        headers = Headers(scope=scope)
        if scope["method"] != "POST" or _media(headers.get("content-type")) != JSON:
            return None, receive
        body = await read_body(receive)
        replayed = replay(body, receive)
        try:
            payload = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None, replayed
        if not isinstance(payload, dict) or payload.get("extensions") is not None:
            return None, replayed
        query, name = payload.get("query"), payload.get("operationName")
        variables = payload.get("variables")
        if known_plan(self.limits, query, name) is None:
            return None, replayed
        assert isinstance(query, str)  # a plan is kept only for a text
        context = await self.context(Request(scope, replayed))
        media = response_media_type(headers)
        try:
            async with asyncio.timeout(seconds_left(scope, self.settings.factdesk_request_timeout)):
                result = await answer_known(
                    query, name, variables, context, self.limits, self.schema
                )
        except TimeoutError:
            error = client_error(self.timed_out(scope), debug=self.settings.factdesk_debug)
            answer = {"data": None, "errors": [error.formatted]}
            return Response(orjson.dumps(answer), media_type=media), replayed
        if result is None:
            return None, replayed
        return Response(orjson.dumps({"data": result.data}), media_type=media), replayed


def _media(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()
