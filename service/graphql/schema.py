"""The strawberry schema, and the ASGI view that builds a context per request."""

from __future__ import annotations

import asyncio
import dataclasses
import math
from collections.abc import Iterable, Mapping
from functools import lru_cache
from time import monotonic
from typing import Any, cast

import asyncpg
import orjson
import strawberry
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.base import BaseRequestProtocol
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UnsetType

from service import metrics
from service.auth import bearer_token, editor_name, judge_denial, write_denial
from service.conditional import ANSWER_ERRORS, DATA_VERSION
from service.config import Settings
from service.db.replicas import request_reads
from service.deadline import REQUEST_DEADLINE, request_deadline
from service.graphql.compiled_answers import answer_known, compiled_operations
from service.graphql.context import Context, build_context
from service.graphql.encoding import (
    EncodingTimedOutError,
    MeasuredAnswer,
    encode_answer,
    measure_answer,
    sent_pieces,
    write_answer,
    written_pieces,
)
from service.graphql.errors import (
    DATABASE_UNAVAILABLE,
    OperationMetrics,
    client_error,
    error_extension,
    log_errors,
)
from service.graphql.execution import (
    DEADLINE,
    DeadlinePassedError,
    FactdeskExecutionContext,
    direct_resolvers,
)
from service.graphql.gate import request_error
from service.graphql.known_answers import KnownAnswers
from service.graphql.limits import GraphQLLimits, limits_extension
from service.graphql.mutations import Mutation
from service.graphql.negotiation import (
    GRAPHQL_RESPONSE,
    JSON,
    UNEXECUTED_CODES,
    never_executed,
    response_media_type,
)
from service.graphql.operation_span import OperationSpan
from service.graphql.persisted import (
    NOT_FOUND_CODE,
    NOT_FOUND_MESSAGE,
    InvalidPersistedQueryError,
    PersistedQueryMismatchError,
    PersistedQueryStore,
    requested,
    verify,
)
from service.graphql.queries import Query
from service.graphql.subscriptions import Subscription
from service.graphql.types.article import Article, Outlet
from service.graphql.types.entity import Entity
from service.graphql.types.fact import Fact
from service.graphql.types.figure import Figure
from service.graphql.types.quote import Quote
from service.graphql.websocket import CONNECTION_INIT_WAIT, check_connection, idle_closing_handler
from service.ingest.idempotency import caller_of

TYPES = [Article, Outlet, Entity, Quote, Figure, Fact]
# Distinct query texts whose parse and validation results are kept, per process.
CACHE_SIZE = 256


class FactdeskSchema(strawberry.Schema):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs, execution_context_class=FactdeskExecutionContext)
        direct_resolvers(self._schema)

    async def execute(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        """One answer per operation: a subscription runs over WebSocket (`subscribe`),
        never here, so over HTTP it is refused (400) before it starts."""
        allowed = set(allowed_operation_types or DEFAULT_ALLOWED_OPERATION_TYPES)
        return await super().execute(
            query,
            variable_values,
            context_value,
            root_value,
            operation_name,
            allowed - {OperationType.SUBSCRIPTION},
            operation_extensions,
        )

    @staticmethod
    def remove_field_suggestion(error: GraphQLError) -> None:
        """Every hint, not only strawberry's "Cannot query field": arguments, types, input
        fields, enum values and variables all say "Did you mean ...?" too, and each names
        part of the schema that FACTDESK_GRAPHQL_SUGGESTIONS=false keeps to itself."""
        if "Did you mean" in error.message:
            error.message = error.message.split("Did you mean")[0].strip()

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # strawberry logs every error with a traceback, a rejected deep query included.
        log_errors(errors)


# The schema as written; `export-schema` prints it. Limits do not change the SDL.
schema = FactdeskSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=TYPES,
    config=StrawberryConfig(auto_camel_case=True),
)


@lru_cache(maxsize=8)
def limited_schema(limits: GraphQLLimits) -> FactdeskSchema:
    """The served schema: limits, error masking, metrics and the parse/validation caches.

    Built once per distinct configuration, validation rules included, so every request
    reuses the same rule classes and strawberry's caches keep hitting."""
    extensions: list[type[SchemaExtension]] = [
        OperationSpan,
        OperationMetrics,
        error_extension(debug=limits.debug),
        limits_extension(limits),
        compiled_operations(limits),
    ]
    return FactdeskSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=TYPES,
        config=StrawberryConfig(
            auto_camel_case=True, disable_field_suggestions=not limits.suggestions
        ),
        extensions=[
            *extensions,
            # After the limits extension: the cached parse sees its max_tokens option and the
            # cached validation its rules (both are part of the cache keys).
            lambda: ParserCache(maxsize=CACHE_SIZE),
            lambda: ValidationCache(maxsize=CACHE_SIZE),
        ],
    )


class GraphQLView(GraphQL[Context, None]):
    def __init__(
        self,
        pool_source: Any,
        settings: Settings,
        *,
        ide_html: str | None = None,
        ide_headers: Mapping[str, str] | None = None,
    ) -> None:
        """`ide_html`: the GraphiQL page to serve instead of strawberry's (which loads its
        code from a public CDN), sent with `ide_headers`."""
        self._limits = GraphQLLimits.from_settings(settings)
        served = limited_schema(self._limits)
        self._graphql_schema = served._schema
        super().__init__(
            served,
            graphql_ide="graphiql" if settings.factdesk_graphiql else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            connection_init_wait_timeout=CONNECTION_INIT_WAIT,
            max_subscriptions_per_connection=settings.factdesk_subscriptions_per_connection,
        )
        self.graphql_transport_ws_handler_class = idle_closing_handler(
            settings.factdesk_subscription_idle_timeout
        )
        self._pool_source = pool_source
        self._settings = settings
        self._ide_html = ide_html
        self._ide_headers = dict(ide_headers or {})
        self.persisted = PersistedQueryStore(settings.factdesk_graphql_persisted_queries)
        self._known = KnownAnswers(
            self._limits,
            self._graphql_schema,
            settings,
            lambda request: self.get_context(request, None),
            self._timed_out,
        )

    def encode_json(self, data: object) -> bytes:
        # orjson writes a Q2 answer (59 KB) in 0.02 ms; json.dumps took 0.3 ms.
        return encode_answer(data, limit=self._settings.factdesk_graphql_max_response_bytes)

    def decode_json(self, data: str | bytes) -> object:
        # orjson refuses invalid UTF-8 and nesting past 1024 levels with a JSONDecodeError,
        # which strawberry answers 400; json.loads raised UnicodeDecodeError or
        # RecursionError there, both a 500.
        return orjson.loads(data)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """One operation under the overall request timeout; 503 while the database is away.
        A persisted query (service/graphql/persisted.py) is looked up or registered here."""
        try:
            persisted = requested(request_data.extensions)
            if persisted is not None and request_data.query:
                verify(request_data.query, persisted)
        except (InvalidPersistedQueryError, PersistedQueryMismatchError) as error:
            raise CodedRequestError(400, error.message, error.code) from error
        if persisted is not None and not request_data.query:
            known = self.persisted.get(persisted.sha256)
            if known is None:
                unknown = GraphQLError(NOT_FOUND_MESSAGE, extensions={"code": NOT_FOUND_CODE})
                return ExecutionResult(data=None, errors=[unknown])
            request_data = dataclasses.replace(request_data, query=known)
        result = await self._execute_in_time(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        if persisted is not None and request_data.query:
            codes = {(e.extensions or {}).get("code") for e in result.errors or ()}
            if not codes & UNEXECUTED_CODES:  # it parsed, validated and met the limits
                self.persisted.put(persisted.sha256, request_data.query)
        return result

    async def _execute_in_time(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        # What is left of the request's deadline (service/deadline.py), after the version
        # read and the gate; it bounds the measuring of the answer too (process_result).
        when = request_deadline(request.scope, self._settings.factdesk_request_timeout)
        left = when - monotonic()
        if left <= 0:
            return ExecutionResult(data=None, errors=[self._timed_out(request.scope)])
        # asyncio's timeout stops the operation at an await; DEADLINE stops it between
        # fields, where completing an answer from loaded rows never awaits.
        deadline = DEADLINE.set(when)
        try:
            async with asyncio.timeout(left):
                known = await answer_known(
                    request_data.query,
                    request_data.operation_name,
                    request_data.variables,
                    context,
                    self._limits,
                    self._graphql_schema,
                )
                result = known or await super().execute_single(
                    request, request_adapter, sub_response, context, root_value, request_data
                )
        except (TimeoutError, DeadlinePassedError):
            return ExecutionResult(data=None, errors=[self._timed_out(request.scope)])
        finally:
            DEADLINE.reset(deadline)
        if result.errors:
            # Again here: an error raised by an extension bypasses the ClientErrors extension.
            debug = self._settings.factdesk_debug
            result.errors = [client_error(e, debug=debug) for e in result.errors]
        codes = {(e.extensions or {}).get("code") for e in result.errors or ()}
        if DATABASE_UNAVAILABLE in codes:
            sub_response.status_code = 503
            sub_response.headers["Retry-After"] = "1"
        return result

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """The answer, measured against the response cap a few thousand values at a time,
        then written a piece at a time, with the event loop served between
        (service/graphql/encoding.py): a worst-case answer no longer holds /healthz and
        every other request while it is measured and written."""
        answer = await super().process_result(request, result)
        limit = self._settings.factdesk_graphql_max_response_bytes
        deadline = request.scope.get(REQUEST_DEADLINE, math.inf)
        try:
            measured = await measure_answer(
                cast(dict[str, object], answer), limit=limit, deadline=deadline
            )
            if isinstance(measured, MeasuredAnswer):
                slice_seconds = self._settings.factdesk_graphql_completion_slice
                await write_answer(measured, limit=limit, deadline=deadline, seconds=slice_seconds)
        except EncodingTimedOutError:
            measured = {"data": None, "errors": [self._timed_out(request.scope).formatted]}
        # Known before a byte is sent: conditional.py tags a streamed answer without holding it.
        request.scope[ANSWER_ERRORS] = bool(measured.get("errors"))
        return cast(GraphQLHTTPResponse, measured)

    def _timed_out(self, scope: Scope) -> GraphQLError:
        """The error of a request stopped at its deadline, counted once per request (the
        answer of an operation stopped is measured against the deadline again)."""
        if not scope.get(TIMED_OUT):
            scope[TIMED_OUT] = True
            metrics.REQUEST_TIMEOUTS.labels("graphql").inc()
        timeout = self._settings.factdesk_request_timeout
        return GraphQLError(
            f"The request took longer than {timeout:g} s and was stopped.",
            extensions={"code": "request_timeout"},
        )

    async def render_graphql_ide(self, request: Request) -> Response:
        if self._ide_html is None:
            return await super().render_graphql_ide(request)
        return HTMLResponse(self._ide_html, headers=self._ide_headers)

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        # A GET carrying only a persisted query's hash is a query, not a visit to GraphiQL.
        persisted = request.query_params.get("extensions") is not None
        return not persisted and super().should_render_graphql_ide(request)

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        # The negotiated media type rides on the response being prepared (create_response).
        sub_response.headers["content-type"] = response_media_type(request.headers)
        return sub_response

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        """The answer in the negotiated media type; with application/graphql-response+json a
        request that never executed is a 400 without `data` (service/graphql/negotiation)."""
        media = sub_response.headers.get("content-type", JSON)
        status = sub_response.status_code or 200
        payload: object = response_data
        if (
            media == GRAPHQL_RESPONSE
            and isinstance(response_data, dict)
            and never_executed(response_data)
        ):
            payload = {k: v for k, v in response_data.items() if k != "data"}
            status = sub_response.status_code or 400
        # Measured and written already (process_result): sent in the pieces written, each
        # let go once sent; an answer built here (the 400 above) is written now, its cap
        # checked on its bytes.
        limit = self._settings.factdesk_graphql_max_response_bytes
        pieces = written_pieces(payload, limit=limit)
        response: Response
        if len(pieces) == 1:
            response = Response(pieces[0], status_code=status, media_type=media)
        else:
            length = {"content-length": str(sum(map(len, pieces)))}
            response = StreamingResponse(
                sent_pieces(pieces), status_code=status, headers=length, media_type=media
            )
        response.headers.raw.extend(
            (k, v) for k, v in sub_response.headers.raw if k != b"content-type"
        )
        response.background = sub_response.background
        return response

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        pool: asyncpg.Pool = self._pool_source(request)
        authorized = write_denial(request.headers, self._settings) is None
        caller = caller_of(bearer_token(request.headers))
        router = getattr(request.app.state, "reads", None)
        reads = request_reads(pool, router, request.scope.get(DATA_VERSION))
        context = build_context(
            pool,
            self._settings,
            reads=reads,
            authorized=authorized,
            caller=caller,
            judge_denial=judge_denial(request.headers, self._settings),
            editor=editor_name(request.headers, self._settings),
            change_signal=getattr(request.app.state, "change_signal", None),
        )
        if isinstance(request, WebSocket):
            context.upgrade_headers = request.headers
        return context

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """FACTDESK_PROTECT_READS for WebSockets (service/graphql/websocket.py)."""
        check_connection(context, context.upgrade_headers, self._settings)
        return await super().on_ws_connect(context)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Auth (FACTDESK_PROTECT_READS) and the body cap are the gate's, in front of this.
        if scope["type"] == "http":
            known, receive = await self._known.respond(scope, receive)
            if known is not None:
                await known(scope, receive, send)
                return
            try:
                response = await self.run(Request(scope=scope, receive=receive))
            except HTTPException as error:
                # strawberry answers these (no query, body not JSON, wrong content type or
                # method) in plain text; GraphQL clients look for `errors` in JSON.
                media = response_media_type(Headers(scope=scope))
                cause = error.__cause__
                if (
                    isinstance(cause, InvalidOperationTypeError)
                    and cause.operation_type is OperationType.SUBSCRIPTION
                ):
                    response = request_error(
                        400, SUBSCRIPTION_OVER_HTTP, "subscription_needs_websocket", media=media
                    )
                elif isinstance(cause, InvalidOperationTypeError):
                    # A mutation over GET (GETs must stay safe: caches and prefetchers
                    # replay them): 405, as the graphql-over-http spec says.
                    response = request_error(
                        405, error.reason, "method_not_allowed", media=media, allow="POST"
                    )
                else:
                    response = request_error_response(
                        error.status_code,
                        error.reason,
                        media=media,
                        code=error.code if isinstance(error, CodedRequestError) else None,
                    )
            await response(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


# The scope key marking a request already answered as timed out (counted once).
TIMED_OUT = "factdesk.timed_out"
SUBSCRIPTION_OVER_HTTP = (
    "Subscriptions run over WebSocket: connect to /graphql with the graphql-transport-ws protocol."
)
REQUEST_ERROR_CODES = {404: "not_found", 405: "method_not_allowed", 415: "unsupported_media_type"}


class CodedRequestError(HTTPException):
    """A request refused before execution, with a code more precise than its status."""

    def __init__(self, status_code: int, reason: str, code: str) -> None:
        super().__init__(status_code, reason)
        self.code = code


def request_error_response(
    status_code: int, reason: str, *, media: str = JSON, code: str | None = None
) -> Response:
    """strawberry's refusal of a request, as a GraphQL-over-HTTP request error."""
    code = code or REQUEST_ERROR_CODES.get(status_code, "bad_request")
    return request_error(status_code, reason, code, media=media)


def export_schema() -> str:
    return schema.as_str() + "\n"
