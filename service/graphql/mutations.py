"""The Mutation root: ingest through the same pipeline as the seeds and REST."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from service.db.pool import Connection
from service.errors import UNSTORABLE_MESSAGE, FactdeskError, is_unstorable_input
from service.graphql.context import Info
from service.graphql.corrections import CorrectionMutations
from service.graphql.judgements import JudgementMutations
from service.graphql.types.article import Article
from service.graphql.user_errors import UserError, unauthorized_message
from service.ingest.idempotency import IdempotencyKey, fingerprint, parse_key
from service.ingest.intake import ArticleTooLargeError, take_copy_off_loop
from service.ingest.model import ArticleMeta
from service.ingest.outcome import Answer, IngestResult
from service.ingest.pipeline import ingest_article


@strawberry.input(description="One article's copy and what the caller knows about it.")
class IngestArticleInput:
    text: str = strawberry.field(
        description="The copy: plain text (HTML is converted to text), at most "
        "FACTDESK_MAX_ARTICLE_BYTES (1 MiB by default) in UTF-8."
    )
    outlet: str | None = strawberry.field(
        default=None,
        description="Who published it, by name; created when new. Null: read from the copy.",
    )
    url: str | None = strawberry.field(
        default=None, description="Where it was published. Null: read from the copy."
    )
    headline: str | None = strawberry.field(
        default=None, description="The headline. Null: read from the copy."
    )
    published_at: dt.datetime | None = strawberry.field(
        default=None,
        description="When it was published (ISO 8601, with an offset). Null: read from the copy.",
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="Retry safely: the same key with the same input answers the first "
        "ingest's article and `created` again, and ingests nothing; with other input it is "
        "refused (code idempotency_key_reused). Keys are the caller's own (per API key) and "
        "expire after FACTDESK_IDEMPOTENCY_TTL seconds (a day). An argument rather than "
        "the HTTP header, so that each ingestArticle of a document has its own.",
    )


@strawberry.type(description="What ingestArticle did.")
class IngestArticlePayload:
    article: Article | None = strawberry.field(
        description="The stored article (new, or the one already holding this text); null "
        "when `errors` is not empty."
    )
    created: bool = strawberry.field(
        description="True when this call stored new copy; false when the same text was "
        "already there or nothing was stored."
    )
    errors: list[UserError] = strawberry.field(
        description="Why nothing was stored; empty on success."
    )
    republished: bool = strawberry.field(
        default=False,
        description="True when the copy was stored before and this request recorded "
        "another outlet's publication of it (listed in article.publications).",
    )
    replayed: bool = strawberry.field(
        default=False,
        description="True when this is the stored answer to an earlier request with the "
        "same idempotencyKey.",
    )


@strawberry.type(
    description="Writes. They need an API key: `Authorization: Bearer <key>`; judgements "
    "need an editor's."
)
class Mutation(CorrectionMutations, JudgementMutations):
    @strawberry.mutation(
        description="Runs the full ingest pipeline on one article. Idempotent: the same text "
        "twice yields the same article."
    )
    async def ingest_article(
        self,
        info: Info,
        input: Annotated[
            IngestArticleInput, strawberry.argument(description="The copy and its metadata.")
        ],
    ) -> IngestArticlePayload:
        if not info.context.authorized:
            return IngestArticlePayload(
                article=None,
                created=False,
                errors=[
                    UserError(
                        field=None,
                        message=unauthorized_message(info.context.settings, "ingestArticle"),
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
            copy = await take_copy_off_loop(input.text, max_bytes=limit)
            text, meta = copy.text, copy.described(meta)
        except ArticleTooLargeError as error:
            return IngestArticlePayload(
                article=None,
                created=False,
                errors=[UserError(field="input.text", message=error.message, code=error.code)],
            )
        try:
            key = _idempotency_key(info, input, text)
            result = await ingest_article(info.context.pool, text, meta, idempotency=key)
            info.context.wrote()  # the payload's article is read back from the primary
        except FactdeskError as error:
            field = "input.idempotencyKey" if error.field == "Idempotency-Key" else None
            field = field or (f"input.{error.field}" if error.field else "input.text")
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
            article=Article.from_row(row),
            created=result.created,
            errors=[],
            republished=result.republished,
            replayed=result.replayed,
        )


async def _answer(conn: Connection, result: IngestResult) -> Answer:
    # GraphQL answers with what the selection asks of the article, so only the article and
    # `created` are kept; the REST body stays empty.
    return Answer(status=201 if result.created else 200, body=b"", headers={})


def _idempotency_key(info: Info, input: IngestArticleInput, text: str) -> IdempotencyKey | None:
    if input.idempotency_key is None:
        return None
    return IdempotencyKey(
        caller=info.context.caller,
        key=parse_key(input.idempotency_key),
        fingerprint=fingerprint(
            "graphql", text, input.outlet, input.url, input.headline, input.published_at
        ),
        ttl=dt.timedelta(seconds=info.context.settings.factdesk_idempotency_ttl),
        render=_answer,
    )
