"""Domain errors. The edges (GraphQL, REST, CLI) translate them; nothing else catches them."""

from __future__ import annotations

import datetime as dt


class FactdeskError(Exception):
    """Base of every error Factdesk raises on purpose. `code` is stable for clients."""

    code = "internal_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __reduce__(self) -> tuple[type[FactdeskError], tuple[str], dict[str, object]]:
        # Raised in an extraction worker process, it crosses back pickled: keep `field`.
        return (type(self), (self.message,), dict(self.__dict__))


class InvalidArticleError(FactdeskError):
    """The copy cannot be ingested as it is (empty, binary, NUL bytes, ...)."""

    code = "invalid_article"


class EmptyArticleError(InvalidArticleError):
    code = "empty_article"


class ArticleTooComplexError(InvalidArticleError):
    """Extraction ran past its CPU budget (the stages refused it, or the worker was
    stopped past FACTDESK_EXTRACTION_BUDGET)."""

    code = "article_too_complex"


class ShuttingDownError(FactdeskError):
    """A write still running when the server stopped was stopped, nothing of it stored:
    send it again (to this server once it is back, or another)."""

    code = "shutting_down"


class NotFoundError(FactdeskError):
    code = "not_found"


class InvalidIdError(FactdeskError):
    code = "invalid_id"


class InvalidCursorError(FactdeskError):
    code = "invalid_cursor"


class SearchTooLongError(FactdeskError):
    """A search text longer than MAX_SEARCH_CHARS (service/search_text.py)."""

    code = "search_too_long"


class DatabaseUnavailableError(FactdeskError):
    """PostgreSQL cannot be reached (stopped, restarting, pool exhausted): retry later, 503."""

    code = "database_unavailable"


def is_unstorable_input(error: BaseException) -> bool:
    """A client's value that PostgreSQL cannot take: a NUL character (SQLSTATE 22021), or one
    asyncpg cannot encode (an unpaired surrogate, a time whose UTC falls outside year 1..9999).
    The edges answer these as the client's mistake (400/422, GraphQL `invalid_argument`),
    never as a 500: they only ever come from values a request carried."""
    import asyncpg  # here, so the domain errors above stay free of the driver

    if isinstance(error, asyncpg.CharacterNotInRepertoireError):
        return True
    return isinstance(error, asyncpg.DataError) and str(error).startswith(
        "invalid input for query argument"
    )


UNSTORABLE_MESSAGE = (
    "a value holds a NUL character, an unpaired surrogate or a date out of range, "
    "none of which can be stored or searched"
)


class ArticleRetractedError(FactdeskError):
    """The article was retracted: a tombstone, gone for good (REST 410)."""

    code = "article_retracted"

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        retracted_at: dt.datetime | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message, field=field)
        self.retracted_at = retracted_at
        self.reason = reason


class CopyExistsError(FactdeskError):
    """A correction's copy is the copy of another live article (REST 409)."""

    code = "copy_exists"


class InvalidJudgementError(FactdeskError):
    """A judgement without a reason, with one too long, or of no known kind (REST 422)."""

    code = "invalid_field"


class JudgementWithdrawnError(FactdeskError):
    """The judgement was withdrawn already: a withdrawal is final (REST 409)."""

    code = "judgement_withdrawn"


class InvalidTimeError(FactdeskError):
    """A time that is not ISO 8601 (a page's `as_of`)."""

    code = "invalid_parameter"
