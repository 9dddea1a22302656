"""Which PostgreSQL to use: DATABASE_URL when set, otherwise the embedded server."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import asyncpg

from service.config import Settings
from service.db.embedded import EmbeddedServer, start_embedded
from service.db.pool import is_connection_failure

log = logging.getLogger(__name__)


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
RETRY_INTERVAL = 1.0  # seconds between attempts while waiting for the database
# The server answered but will not let us in: the DSN is wrong, not the network.
_REFUSALS = (asyncpg.InvalidAuthorizationSpecificationError, asyncpg.InvalidCatalogNameError)


async def check_reachable(dsn: str, *, connect_timeout: float) -> None:
    """Raises what connecting raises when the server cannot be reached or refuses us."""
    connection = await asyncpg.connect(dsn, timeout=connect_timeout)
    await connection.close()


async def wait_until_reachable(
    dsn: str, *, within: float, connect_timeout: float = CONNECT_TIMEOUT
) -> None:
    """Connects until the server answers, trying for up to `within` seconds with one log
    line per failed attempt, then raises the last failure. A server that answers but
    refuses us (password, database name) is raised at once: waiting will not fix that.

    A job or replica started beside a PostgreSQL that is still initialising (compose's
    first start) waits for it instead of failing once and for good."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    attempt = 0
    while True:
        attempt += 1
        try:
            await check_reachable(dsn, connect_timeout=connect_timeout)
        except Exception as error:
            left = deadline - loop.time()
            if not is_connection_failure(error) or left <= 0:
                raise
            log.warning(
                "database not reachable yet (attempt %d: %s); retrying for %.0f s more",
                attempt,
                failure_detail(error),
                left,
            )
            await asyncio.sleep(min(RETRY_INTERVAL, left))
        else:
            return


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


def failure_detail(error: BaseException) -> str:
    """The innermost cause of a database failure, as its message says it (no DSN in it)."""
    cause = _chain(error)[-1]
    return str(cause) or type(cause).__name__


def database_failure_message(error: BaseException) -> str:
    """One line for people: what failed and its innermost cause (never the password)."""
    return (
        f"cannot use the database ({failure_detail(error)}); is PostgreSQL running, and is "
        "DATABASE_URL right?"
    )
