"""Which PostgreSQL to use: DATABASE_URL when set, otherwise the embedded server."""

from __future__ import annotations

from dataclasses import dataclass

import asyncpg

from service.config import Settings
from service.db.embedded import EmbeddedServer, start_embedded
from service.db.pool import is_connection_failure


@dataclass
class Database:
    dsn: str
    embedded: EmbeddedServer | None = None

    def close(self) -> None:
        """Stops the embedded server, if this process started it; a DATABASE_URL is left alone."""
        if self.embedded is not None:
            self.embedded.stop()
            self.embedded = None


def open_database(settings: Settings) -> Database:
    """Blocking: may initialise and start the embedded cluster (about a second)."""
    if settings.dsn:
        return Database(dsn=settings.dsn)
    server = start_embedded(settings.factdesk_data_dir)
    return Database(dsn=server.uri(), embedded=server)


CONNECT_TIMEOUT = 5.0  # seconds; asyncpg's default (60) leaves a command hanging a minute
# The server answered but will not let us in: the DSN is wrong, not the network.
_REFUSALS = (asyncpg.InvalidAuthorizationSpecificationError, asyncpg.InvalidCatalogNameError)


async def check_reachable(dsn: str, *, connect_timeout: float) -> None:
    """Raises what connecting raises when the server cannot be reached or refuses us."""
    connection = await asyncpg.connect(dsn, timeout=connect_timeout)
    await connection.close()


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def is_database_failure(error: BaseException) -> bool:
    """Whether ``error`` means PostgreSQL could not be reached or would not let us in."""
    return is_connection_failure(error) or any(isinstance(e, _REFUSALS) for e in _chain(error))


def database_failure_message(error: BaseException) -> str:
    """One line for people: what failed and its innermost cause (never the password)."""
    cause = _chain(error)[-1]
    detail = str(cause) or type(cause).__name__
    return f"cannot use the database ({detail}); is PostgreSQL running, and is DATABASE_URL right?"
