"""The asyncpg connection pool."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

import asyncpg
from asyncpg.pool import PoolConnectionProxy
from asyncpg.transaction import Transaction

from service.errors import DatabaseUnavailableError

QueryLogger = Callable[[Any], None]

# Seconds the server has to acknowledge a cancelled query before its connection is closed.
CANCEL_GRACE = 1.0
# Seconds a stopped borrower's connection waits for that acknowledgement before the pool
# closes it and lends the slot again: PostgreSQL itself answers a cancel within
# milliseconds, so the connection is kept; a query that PgBouncer queues is never answered.
CANCEL_ACK_WAIT = 0.05

# Failures that mean "the server is not there right now", as opposed to a bad query.
_CONNECTION_FAILURES: tuple[type[BaseException], ...] = (
    OSError,  # refused, reset, socket file gone while the server is stopped
    TimeoutError,  # connect or acquire took too long
    asyncpg.PostgresConnectionError,  # SQLSTATE class 08, ConnectionDoesNotExistError
    asyncpg.CannotConnectNowError,  # 57P03: starting up or shutting down
    asyncpg.AdminShutdownError,  # 57P01: `pg_ctl stop` terminated the session
    asyncpg.CrashShutdownError,  # 57P02
    # A connection caught between the server's FATAL and the socket closing reports its
    # half-dead protocol state as "cannot switch to state ...; another operation is in
    # progress" (seen when PostgreSQL stops under load).
    asyncpg.InternalClientError,
)


def is_connection_failure(error: BaseException) -> bool:
    """Whether `error` (or what caused it) says the database is unreachable, not that SQL failed."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (DatabaseUnavailableError, *_CONNECTION_FAILURES)):
            return True
        # asyncpg reports a query on a connection the server dropped as an InterfaceError.
        if isinstance(current, asyncpg.InterfaceError) and (
            "connection is closed" in str(current) or "pool is closing" in str(current)
        ):
            return True
        current = current.__cause__
    return False


if TYPE_CHECKING:
    _PoolBase: TypeAlias = asyncpg.Pool[asyncpg.Record]
    _ConnectionBase: TypeAlias = asyncpg.Connection[asyncpg.Record]
else:
    _PoolBase = asyncpg.Pool
    _ConnectionBase = asyncpg.Connection


class FactdeskConnection(_ConnectionBase):
    """A connection that gives up on a cancelled query after CANCEL_GRACE seconds.

    When a task stops in the middle of a query (a request timeout, a client gone), asyncpg
    sends PostgreSQL a cancel request and keeps the connection until the server answers
    the cancelled query: nothing else may use it before. Behind PgBouncer a query that
    waits in its queue for a server (all busy, or PostgreSQL away) is not cancelled: it
    stays queued, and asyncpg waited its command_timeout (30 s) before closing the
    connection; the cancelled task, and a timed-out request's answer, waited as long
    (issue 20). Past CANCEL_GRACE the connection is closed now, as asyncpg closes it
    then: the pool opens another on the next acquire, and PgBouncer drops the queued
    query with its client. The cancel request itself still goes out, so a query
    running on PostgreSQL is stopped either way.
    """

    # The last cancel's futures: the request sent to the server, the server's answer.
    _cancel_sent: asyncio.Future[None] | None = None
    _cancel_answered: asyncio.Future[None] | None = None

    def _cancel_current_command(self, waiter: Any, cancel_waiter: Any = None) -> None:
        # asyncpg's private hook (pinned in uv.lock; tests/db/test_pgbouncer.py fails
        # if it stops being called).
        super()._cancel_current_command(waiter, cancel_waiter)  # type: ignore[misc]
        self._cancel_sent, self._cancel_answered = waiter, cancel_waiter
        self._loop.call_later(CANCEL_GRACE, self._close_if_still_cancelling, cancel_waiter)  # type: ignore[attr-defined]

    async def settle_cancel(self) -> None:
        """Returns when the last cancelled query is answered, or else the connection closed.

        The server gets CANCEL_ACK_WAIT to answer. Past it the connection is closed, but only
        once the cancel request has gone out (within CANCEL_GRACE): closing stops asyncpg's
        task that sends it, and PostgreSQL does not notice a closed client while a query
        runs, so the query would run on to its end (tests/db/test_pool.py)."""
        sent, answered = self._cancel_sent, self._cancel_answered
        if answered is None or answered.done() or self.is_closed():
            return
        await asyncio.wait([answered], timeout=CANCEL_ACK_WAIT)
        if answered.done() or self.is_closed():
            return
        if sent is not None and not sent.done():
            await asyncio.wait([sent], timeout=CANCEL_GRACE)
        if not answered.done() and not self.is_closed():
            self.terminate()

    def transaction(
        self, *, isolation: Any = None, readonly: bool = False, deferrable: bool = False
    ) -> StoppableTransaction:
        """asyncpg's transaction, which a stopped borrower leaves without waiting on a
        server that does not answer (StoppableTransaction)."""
        self._check_open()  # type: ignore[attr-defined]
        return StoppableTransaction(self, isolation, readonly, deferrable)

    def _close_if_still_cancelling(self, cancel_waiter: asyncio.Future[None] | None) -> None:
        if cancel_waiter is not None and not cancel_waiter.done() and not self.is_closed():
            self.terminate()


class StoppableTransaction(Transaction):
    """A transaction block that a borrower stopped in the middle of a query leaves within
    CANCEL_ACK_WAIT. Its ROLLBACK must wait until the server answers the cancelled query,
    and one that does not answer (PostgreSQL away or stalled) held the stopped borrower
    (an ingest, which has no request deadline) until CANCEL_GRACE closed the connection,
    then raised the closed connection's error in place of its own. The connection is
    settled as the pool settles a stopped borrower's (`settle_cancel`); closed, it has no
    transaction left to roll back (PostgreSQL aborts it with the session), and the
    borrower's own exception goes on."""

    async def __aexit__(self, extype: Any, ex: Any, tb: Any) -> None:
        connection = self._connection  # type: ignore[attr-defined]
        task = asyncio.current_task()
        if (
            extype is not None
            and task is not None
            and task.cancelling()
            and isinstance(connection, FactdeskConnection)
        ):
            await connection.settle_cancel()
            if connection.is_closed():
                self._managed = False
                if connection._top_xact is self:  # type: ignore[attr-defined]
                    connection._top_xact = None  # type: ignore[attr-defined]
                return
        await super().__aexit__(extype, ex, tb)


class FactdeskPool(_PoolBase):
    """An asyncpg pool that fails fast and serves waiters in turn.

    Fails fast: acquiring waits at most `acquire_timeout` seconds and raises
    DatabaseUnavailableError when no connection can be had, so callers answer 503 instead
    of hanging while PostgreSQL is away. Dropped connections are replaced on the next
    acquire, so the pool recovers by itself when the server is back.

    In turn: asyncpg hands a released connection to whichever task asks next, and a waiter
    that loses it to a newcomer goes to the back of the line. Under load some requests
    then waited a second while others took turns (measured at 32 clients on 10
    connections: p99 500 ms, against 6 ms with a connection for every client). A FIFO
    gate (asyncio.Semaphore, first come first served) with one permit per connection lets
    no more tasks at asyncpg's queue than it has connections, so nobody overtakes.

    A permit belongs to the lent proxy, not to its connection: when the server (or
    PgBouncer, while it cannot log in after a PostgreSQL restart) closes a connection
    that is lent, asyncpg puts the slot back and detaches the proxy before the caller
    releases it; the caller's release still returns the permit. (Judged by the proxy's
    connection, each such drop lost a permit for good, and after `max_size` of them
    every acquire timed out: /readyz stayed 503 after PostgreSQL was back, issue 20.)
    """

    acquire_timeout: float = 5.0
    _gate: asyncio.Semaphore | None = None
    _lent: dict[int, Any] | None = None  # id(proxy) -> proxy: the permits held
    # Releases handed off by stopped borrowers (a reference each, so none is collected).
    _releasing: set[asyncio.Task[None]] | None = None

    async def _acquire(self, timeout: float | None) -> Any:  # noqa: ASYNC109 (asyncpg's signature)
        # Pool.acquire() builds a context around this private coroutine; overriding it is the
        # one place that covers both `async with pool.acquire()` and `await pool.acquire()`.
        budget = self.acquire_timeout if timeout is None else timeout
        if self._gate is None:
            self._gate = asyncio.Semaphore(self.get_max_size())
        loop = asyncio.get_running_loop()
        deadline = loop.time() + budget
        try:
            if self._gate.locked():
                await asyncio.wait_for(self._gate.acquire(), budget)
            else:
                await self._gate.acquire()  # free: returns at once, no timer needed
            try:
                proxy = await super()._acquire(max(0.0, deadline - loop.time()))  # type: ignore[misc]
            except BaseException:
                self._gate.release()
                raise
            if self._lent is None:
                self._lent = {}
            self._lent[id(proxy)] = proxy
            return proxy
        except DatabaseUnavailableError:
            raise
        except Exception as error:
            if is_connection_failure(error):
                raise DatabaseUnavailableError(
                    "the database is unavailable; retry shortly"
                ) from error
            raise

    async def release(self, connection: Any, *, timeout: float | None = None) -> None:  # noqa: ASYNC109
        # A connection released twice, or not this pool's, holds no permit (any more).
        # Taken off the list before the first await, so two releases never both return it.
        lent = self._lent.pop(id(connection), None) if self._lent else None
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            # The borrower is being stopped (its request's deadline passed, its client went
            # away), maybe in the middle of a query: the connection is usable only once the
            # server has answered the cancel. The borrower goes on at once, so a timed-out
            # request answers at its deadline; the connection comes back when the server
            # answers, or is closed when it does not answer at once (a query PgBouncer
            # queues never is), and the slot with it (it was held CANCEL_GRACE, issue 20).
            releasing = asyncio.create_task(
                self._give_back(connection, lent, timeout, stopped=True)
            )
            if self._releasing is None:
                self._releasing = set()
            self._releasing.add(releasing)
            releasing.add_done_callback(self._releasing.discard)
            return
        await self._give_back(connection, lent, timeout)

    async def _give_back(
        self,
        connection: Any,
        lent: Any,
        timeout: float | None,  # noqa: ASYNC109
        *,
        stopped: bool = False,
    ) -> None:
        try:
            held = getattr(connection, "_con", None)  # None: released already
            if stopped and isinstance(held, FactdeskConnection):
                await held.settle_cancel()
            await super().release(connection, timeout=timeout)
        finally:
            if lent is not None and self._gate is not None:
                self._gate.release()


async def create_pool(
    dsn: str,
    *,
    min_size: int = 1,
    max_size: int = 10,
    query_logger: QueryLogger | None = None,
    statement_timeout: float | None = None,
    acquire_timeout: float = 5.0,
    connect_timeout: float = 5.0,
    pgbouncer: bool = False,
) -> asyncpg.Pool:
    """A pool whose connections optionally report every query (tests count round trips).

    `statement_timeout` (seconds) is set on every connection, so PostgreSQL cancels any
    statement that runs longer; `acquire_timeout` bounds the wait for a connection.

    `pgbouncer`: the DSN is a PgBouncer pooling by transaction, which lends a server
    connection for one transaction at a time. Nothing may then outlive a transaction on
    the server: no named prepared statements (asyncpg's statement cache is off, so each
    query is parsed unnamed and bound in the same exchange) and no session settings (the
    statement timeout is PgBouncer's or the role's to set; PgBouncer refuses it as a
    startup parameter anyway). Factdesk keeps no other session state (see `reset`).
    """

    async def init(connection: asyncpg.Connection) -> None:
        if query_logger is not None:
            connection.add_query_logger(query_logger)

    async def reset(connection: asyncpg.Connection) -> None:
        # asyncpg's default reset (unlock advisory locks, CLOSE ALL, RESET ALL, ...) costs a
        # round trip per release. Factdesk keeps no session state: advisory locks are
        # transaction-scoped, nothing LISTENs, no SET outside a transaction.
        return None

    server_settings = {}
    if statement_timeout is not None and not pgbouncer:
        server_settings["statement_timeout"] = str(max(1, round(statement_timeout * 1000)))
    pool = FactdeskPool(
        dsn,
        min_size=min_size,
        max_size=max_size,
        max_queries=50_000,
        statement_cache_size=0 if pgbouncer else 100,  # 100: asyncpg's default
        max_inactive_connection_lifetime=300.0,
        connect=None,
        setup=None,
        init=init,
        reset=reset,
        loop=None,
        connection_class=FactdeskConnection,
        record_class=asyncpg.Record,
        command_timeout=30,
        timeout=connect_timeout,
        server_settings=server_settings,
    )
    pool.acquire_timeout = acquire_timeout
    await pool
    return pool


async def current_revision(connection: Connection) -> str | None:
    """The Alembic revision the database is at, None before the first migration."""
    exists = await connection.fetchval("SELECT to_regclass('alembic_version') IS NOT NULL")
    if not exists:
        return None
    value = await connection.fetchval("SELECT version_num FROM alembic_version")
    return str(value) if value is not None else None


# What data-access functions take: a bare connection or one borrowed from the pool.
# (asyncpg's classes are generic only in its stubs.)
if TYPE_CHECKING:
    Connection: TypeAlias = asyncpg.Connection[asyncpg.Record] | PoolConnectionProxy[asyncpg.Record]
else:
    Connection = asyncpg.Connection | PoolConnectionProxy
