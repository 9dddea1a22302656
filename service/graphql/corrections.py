"""The correctArticle and retractArticle mutations, over the same core as REST's PUT and
DELETE (service/ingest/corrections.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from service.errors import UNSTORABLE_MESSAGE, FactdeskError, is_unstorable_input
from service.graphql.context import Info
from service.graphql.types.article import Article
from service.graphql.user_errors import UserError, unauthorized_message
from service.ids import decode_id, encode_id
from service.ingest.corrections import correct_article, retract_article
from service.ingest.intake import take_copy_off_loop
from service.ingest.model import ArticleMeta

MAX_REASON_CHARS = 1000
IdArg = Annotated[
    strawberry.ID, strawberry.argument(description="The article's global id (`Article.id`).")
]


class ReasonTooLongError(FactdeskError):
    code = "invalid_argument"


@strawberry.input(description="The corrected copy of an article and why.")
class CorrectArticleInput:
    text: str = strawberry.field(
        description="The corrected copy, through the same intake as ingestArticle (HTML "
        "converted to text, at most FACTDESK_MAX_ARTICLE_BYTES)."
    )
    url: str | None = strawberry.field(
        default=None, description="Where it is published. Null: the stored url stays."
    )
    headline: str | None = strawberry.field(
        default=None, description="The headline. Null: read from the copy, else it stays."
    )
    published_at: dt.datetime | None = strawberry.field(
        default=None,
        description="When it was published. Null: read from the copy, else it stays.",
    )
    reason: str | None = strawberry.field(
        default=None, description="Why, for the audit log; at most 1,000 characters."
    )


@strawberry.type(description="What correctArticle did.")
class CorrectArticlePayload:
    article: Article | None = strawberry.field(
        description="The article as corrected (same id and slug); null when `errors` is not empty."
    )
    changed: bool = strawberry.field(
        description="False when the copy and metadata were already these: nothing written."
    )
    version: int = strawberry.field(
        description="The article's version number now (1: never corrected); 0 on errors."
    )
    errors: list[UserError] = strawberry.field(
        description="Why nothing was changed (unauthorized, not_found, article_retracted, "
        "copy_exists, empty_article, ...); empty on success."
    )


@strawberry.type(description="A retracted article: a tombstone whose reads are refused.")
class Retraction:
    article_id: strawberry.ID = strawberry.field(description="The retracted article's id.")
    slug: str = strawberry.field(description="Its slug, which stays reserved for it.")
    retracted_at: dt.datetime = strawberry.field(description="When it was retracted.")
    reason: str | None = strawberry.field(description="Why, as the retraction said.")


@strawberry.type(description="What retractArticle did.")
class RetractArticlePayload:
    retraction: Retraction | None = strawberry.field(
        description="The tombstone; null when `errors` is not empty."
    )
    errors: list[UserError] = strawberry.field(
        description="Why nothing was retracted (unauthorized, not_found, article_retracted, "
        "...); empty on success."
    )


def _refusal(info: Info, name: str) -> UserError | None:
    if info.context.authorized:
        return None
    return UserError(
        field=None, message=unauthorized_message(info.context.settings, name), code="unauthorized"
    )


def _user_error(error: Exception, field: str) -> UserError:
    if isinstance(error, FactdeskError):
        return UserError(field=field, message=error.message, code=error.code)
    return UserError(field=field, message=UNSTORABLE_MESSAGE, code="invalid_field")


def _reason(reason: str | None) -> str | None:
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > MAX_REASON_CHARS:
        raise ReasonTooLongError(f"reason must be at most {MAX_REASON_CHARS} characters")
    return reason


@strawberry.type
class CorrectionMutations:
    @strawberry.mutation(
        description="Replaces an article's copy and extracts it again in one transaction: "
        "its figures, quotes and mentions are replaced and every fact they touch is checked "
        "again; the version replaced is kept. Needs an API key; audited."
    )
    async def correct_article(
        self,
        info: Info,
        id: IdArg,
        input: Annotated[
            CorrectArticleInput, strawberry.argument(description="The corrected copy.")
        ],
    ) -> CorrectArticlePayload:
        refused = _refusal(info, "correctArticle")
        if refused is not None:
            return CorrectArticlePayload(article=None, changed=False, version=0, errors=[refused])
        settings = info.context.settings
        field = "input.text"
        try:
            article_id = decode_id(id, "Article")[1]
            field = "input.reason"
            reason = _reason(input.reason)
            field = "input.text"
            copy = await take_copy_off_loop(
                input.text, max_bytes=settings.factdesk_max_article_bytes
            )
            text = copy.text
            meta = copy.described(
                ArticleMeta(headline=input.headline, url=input.url, published_at=input.published_at)
            )
            done = await correct_article(
                info.context.pool, article_id, text, meta, by=info.context.caller, reason=reason
            )
        except Exception as error:
            if not isinstance(error, FactdeskError) and not is_unstorable_input(error):
                raise
            field = "id" if getattr(error, "code", None) in {"invalid_id", "not_found"} else field
            return CorrectArticlePayload(
                article=None, changed=False, version=0, errors=[_user_error(error, field)]
            )
        info.context.wrote()  # the corrected article is read back from the primary
        row = await info.context.loaders.article.load(done.article_id)
        assert row is not None
        return CorrectArticlePayload(
            article=Article.from_row(row), changed=done.changed, version=done.version, errors=[]
        )

    @strawberry.mutation(
        description="Retracts an article: its values leave every fact, and reads of it are "
        "refused from then on (`article` answers null with the error code "
        "article_retracted). Needs an API key; audited."
    )
    async def retract_article(
        self,
        info: Info,
        id: IdArg,
        reason: Annotated[
            str | None,
            strawberry.argument(
                description="Why, kept with the tombstone; at most 1,000 characters."
            ),
        ] = None,
    ) -> RetractArticlePayload:
        refused = _refusal(info, "retractArticle")
        if refused is not None:
            return RetractArticlePayload(retraction=None, errors=[refused])
        try:
            article_id = decode_id(id, "Article")[1]
            tombstone = await retract_article(
                info.context.pool, article_id, by=info.context.caller, reason=_reason(reason)
            )
        except FactdeskError as error:
            field = "reason" if isinstance(error, ReasonTooLongError) else "id"
            return RetractArticlePayload(retraction=None, errors=[_user_error(error, field)])
        return RetractArticlePayload(
            retraction=Retraction(
                article_id=strawberry.ID(encode_id("Article", tombstone.article_id)),
                slug=tombstone.slug,
                retracted_at=tombstone.retracted_at,
                reason=tombstone.reason,
            ),
            errors=[],
        )
