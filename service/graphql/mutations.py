"""The Mutation root: ingest through the same pipeline as the seeds and REST."""

from __future__ import annotations

import datetime as dt

import strawberry

from service.auth import configured_keys
from service.config import Settings
from service.errors import UNSTORABLE_MESSAGE, FactdeskError, is_unstorable_input
from service.graphql.context import Info
from service.graphql.types.article import Article
from service.ingest.intake import ArticleTooLargeError, take_copy
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article


def unauthorized_message(settings: Settings) -> str:
    if not configured_keys(settings) and not settings.factdesk_allow_anonymous_writes:
        return (
            "no API key is configured on this server, so writes are refused; set "
            "FACTDESK_API_KEYS (or FACTDESK_ALLOW_ANONYMOUS_WRITES=true for local development)"
        )
    return "ingestArticle needs a valid API key: send 'Authorization: Bearer <key>'"


@strawberry.input
class IngestArticleInput:
    text: str
    outlet: str | None = None
    url: str | None = None
    headline: str | None = None
    published_at: dt.datetime | None = None


@strawberry.type
class UserError:
    field: str | None
    message: str
    code: str


@strawberry.type
class IngestArticlePayload:
    article: Article | None
    created: bool
    errors: list[UserError]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Runs the full ingest pipeline on one article. Idempotent: the same text "
        "twice yields the same article."
    )
    async def ingest_article(self, info: Info, input: IngestArticleInput) -> IngestArticlePayload:
        if not info.context.authorized:
            return IngestArticlePayload(
                article=None,
                created=False,
                errors=[
                    UserError(
                        field=None,
                        message=unauthorized_message(info.context.settings),
                        code="unauthorized",
                    )
                ],
            )
        meta = ArticleMeta(
            outlet=input.outlet,
            headline=input.headline,
            url=input.url,
            published_at=input.published_at,
        )
        # The one intake path (size cap, markup cleaned to text), as on REST: the same
        # copy makes the same article whichever API it arrives through.
        limit = info.context.settings.factdesk_max_article_bytes
        try:
            text = take_copy(input.text, max_bytes=limit).text
        except ArticleTooLargeError as error:
            return IngestArticlePayload(
                article=None,
                created=False,
                errors=[UserError(field="input.text", message=error.message, code=error.code)],
            )
        try:
            result = await ingest_article(info.context.pool, text, meta)
        except FactdeskError as error:
            field = f"input.{error.field}" if error.field else "input.text"
            return IngestArticlePayload(
                article=None,
                created=False,
                errors=[UserError(field=field, message=error.message, code=error.code)],
            )
        except Exception as error:
            if not is_unstorable_input(error):
                raise
            # Metadata PostgreSQL refuses (NUL in the outlet, ...): the transaction rolled back.
            return IngestArticlePayload(
                article=None,
                created=False,
                errors=[UserError(field="input", message=UNSTORABLE_MESSAGE, code="invalid_field")],
            )
        row = await info.context.loaders.article.load(result.article_id)
        assert row is not None
        return IngestArticlePayload(
            article=Article.from_row(row), created=result.created, errors=[]
        )
