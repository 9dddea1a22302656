"""UserError: a problem with a mutation's input that the caller can fix."""

from __future__ import annotations

import strawberry

from service.auth import configured_keys
from service.config import Settings


def unauthorized_message(settings: Settings, mutation: str) -> str:
    if not configured_keys(settings) and not settings.factdesk_allow_anonymous_writes:
        return (
            "no API key is configured on this server, so writes are refused; set "
            "FACTDESK_API_KEYS (or FACTDESK_ALLOW_ANONYMOUS_WRITES=true for local development)"
        )
    return f"{mutation} needs a valid API key: send 'Authorization: Bearer <key>'"


@strawberry.type(
    description="A problem with the input that the caller can fix: the mutation stored nothing."
)
class UserError:
    field: str | None = strawberry.field(
        description="Path of the input at fault ('input.text'); null when no one field is."
    )
    message: str = strawberry.field(description="What is wrong, in English, for people.")
    code: str = strawberry.field(
        description="Stable machine-readable reason: unauthorized, article_too_large, "
        "empty_article, invalid_article, invalid_field, ..."
    )
