"""Domain errors. The edges (GraphQL, REST, CLI) translate them; nothing else catches them."""

from __future__ import annotations


class FactdeskError(Exception):
    """Base of every error Factdesk raises on purpose. `code` is stable for clients."""

    code = "internal_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidArticleError(FactdeskError):
    """The copy cannot be ingested as it is (empty, binary, NUL bytes, ...)."""

    code = "invalid_article"


class EmptyArticleError(InvalidArticleError):
    code = "empty_article"


class NotFoundError(FactdeskError):
    code = "not_found"


class InvalidIdError(FactdeskError):
    code = "invalid_id"


class InvalidCursorError(FactdeskError):
    code = "invalid_cursor"


class DatabaseUnavailableError(FactdeskError):
    """PostgreSQL cannot be reached (stopped, restarting, pool exhausted): retry later, 503."""

    code = "database_unavailable"
