"""The `factdesk` command: serve, migrate, seed, ingest, export-schema, export-openapi, eval."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
from pydantic import ValidationError

from service.config import REPO_ROOT, Settings, get_settings
from service.db import migrate
from service.db.embedded import EmbeddedPostgresMissingError, embedded_postgres_module
from service.db.pool import create_pool
from service.db.runtime import (
    Database,
    database_failure_message,
    is_database_failure,
    open_database,
    wait_until_reachable,
)
from service.logs import configure_logging

log = logging.getLogger("factdesk")
DATABASE_UNREACHABLE = 3  # exit status when PostgreSQL cannot be reached


def _open(settings: Settings, *, wait: bool) -> Database:
    """The database (embedded unless DATABASE_URL); with `wait`, a DATABASE_URL server gets
    FACTDESK_DB_WAIT_SECONDS to answer first (jobs and replicas start beside it)."""
    if wait and settings.dsn:
        asyncio.run(wait_until_reachable(settings.dsn, within=settings.factdesk_db_wait_seconds))
    return open_database(settings)


def _with_pool(work: Callable[[asyncpg.Pool], Awaitable[int]], *, wait: bool) -> int:
    """Open the database, migrate, run `work`, close."""
    settings = get_settings()
    database = _open(settings, wait=wait)
    try:
        migrate.upgrade(database.dsn)

        async def run() -> int:
            pool = await create_pool(
                database.dsn, min_size=1, max_size=2, pgbouncer=settings.factdesk_pgbouncer
            )
            try:
                return await work(pool)
            finally:
                await pool.close()

        return asyncio.run(run())
    finally:
        database.close()


def cmd_serve(args: argparse.Namespace) -> int:
    from service.server import serve

    settings = get_settings()
    # Before uvicorn: a start-up failure inside it is a page of traceback in the log.
    if settings.dsn:
        asyncio.run(wait_until_reachable(settings.dsn, within=settings.factdesk_db_wait_seconds))
    else:
        embedded_postgres_module()  # installed, or one line now
    return serve(
        settings,
        host=args.host or settings.factdesk_host,
        port=args.port or settings.factdesk_port,
    )


def cmd_migrate(args: argparse.Namespace) -> int:
    database = _open(get_settings(), wait=True)
    try:
        if args.downgrade:
            migrate.downgrade(database.dsn, args.downgrade)
        else:
            migrate.upgrade(database.dsn, args.revision)
    finally:
        database.close()
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from service.ingest.seeds import load_seeds

    async def work(pool: asyncpg.Pool) -> int:
        results = await load_seeds(pool, get_settings().factdesk_seeds_dir)
        created = sum(r.created for r in results)
        print(f"seeds: {created} new, {len(results) - created} already present")
        return 0

    return _with_pool(work, wait=True)


def cmd_ingest(args: argparse.Namespace) -> int:
    from service.ingest_command import Options, ingest_inputs

    settings = get_settings()
    options = Options(
        paths=args.paths,
        outlet=args.outlet,
        workers=args.workers,
        max_bytes=settings.factdesk_max_article_bytes,
        cpu_budget=settings.factdesk_extraction_cpu_budget,
        backstop=settings.factdesk_extraction_budget,
    )
    # No wait: someone at a terminal wants to know at once that the database is away.
    return _with_pool(lambda pool: ingest_inputs(pool, options), wait=False)


def cmd_export_schema(args: argparse.Namespace) -> int:
    from service.graphql.schema import export_schema

    text = export_schema()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def cmd_export_openapi(args: argparse.Namespace) -> int:
    from service.rest.openapi import export_openapi

    text = export_openapi()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    try:
        # The scorer and its gold live beside the service in a checkout, not in it: the
        # image leaves them out (they are CI's test data, not something a running service
        # needs), so there this is refused in one line rather than shipped half-working.
        from evaluation.run import run_eval
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] != "evaluation":
            raise  # something the scorer needs is missing: a real fault, shown as one
        print(
            "factdesk eval: the scorer (evaluation/) and the gold (tests/gold/) are not "
            "part of the installed service; run it from a source checkout",
            file=sys.stderr,
        )
        return 2

    return run_eval(args)


def _text(value: str) -> str:
    """An argument that is stored as text: bytes that are not UTF-8 (which Python keeps as
    lone surrogates) are a usage error up front, not a traceback once the database refuses
    them halfway through a batch."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise argparse.ArgumentTypeError(
            f"not valid UTF-8 text (byte {error.start}); the shell passed bytes in another encoding"
        ) from None
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factdesk", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve GraphQL (and start the embedded database)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(func=cmd_serve)
    mig = sub.add_parser("migrate", help="apply Alembic migrations")
    mig.add_argument("revision", nargs="?", default="head")
    mig.add_argument("--downgrade", metavar="REVISION", help="downgrade to REVISION (e.g. base)")
    mig.set_defaults(func=cmd_migrate)
    sub.add_parser("seed", help="load the seed articles (idempotent)").set_defaults(func=cmd_seed)
    ing = sub.add_parser(
        "ingest",
        help="ingest article files, directories (walked) or - (stdin)",
        description="Prints one line per input (its state, the API's id and slug), a "
        "summary, and a progress bar on stderr when it is a terminal. Exit status: 0 all "
        "ingested, 1 some input refused, 3 the database cannot be reached.",
    )
    ing.add_argument("paths", nargs="+", metavar="PATH", help="a file, a directory, or -")
    ing.add_argument("--outlet", type=_text, help="the outlet that published these files")
    ing.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes that parse and extract (default: one per core)",
    )
    ing.set_defaults(func=cmd_ingest)
    exp = sub.add_parser("export-schema", help="write the GraphQL schema (SDL)")
    exp.add_argument("--output", "-o", default=str(REPO_ROOT / "schema.graphql"))
    exp.set_defaults(func=cmd_export_schema)
    oapi = sub.add_parser("export-openapi", help="write the OpenAPI document of /api/v1")
    oapi.add_argument("--output", "-o", default=str(REPO_ROOT / "openapi.json"))
    oapi.set_defaults(func=cmd_export_openapi)
    ev = sub.add_parser("eval", help="score extraction against the gold annotations")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    ev.add_argument("--check", action="store_true", help="exit 1 below the CI thresholds")
    ev.set_defaults(func=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        settings = get_settings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in error.errors()
        )
        print(f"factdesk: bad configuration: {problems}", file=sys.stderr)
        return 2
    configure_logging(settings.factdesk_log_level, settings.factdesk_log_format)
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except EmbeddedPostgresMissingError as error:
        print(f"factdesk {args.command}: {error}", file=sys.stderr)
        return 2
    except Exception as error:
        if not is_database_failure(error):
            raise
        # One line, no traceback: the cause is outside this program and is named.
        print(f"factdesk {args.command}: {database_failure_message(error)}", file=sys.stderr)
        return DATABASE_UNREACHABLE
    except KeyboardInterrupt:
        print(f"factdesk {args.command}: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
