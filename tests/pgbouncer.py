"""Debian's PgBouncer, started in front of the test PostgreSQL for one test module."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

# Debian installs it in /usr/sbin, which a non-root PATH often lacks.
BINARY = shutil.which("pgbouncer") or shutil.which("pgbouncer", path="/usr/sbin:/usr/bin")
INSTALL = "apt-get install -y pgbouncer (.ci/run installs it)"
POOL_SIZE = 2  # server connections per database: fewer than the clients, so they share
START = 10.0  # seconds PgBouncer gets to listen
# Seconds PgBouncer waits after a failed login to PostgreSQL before it tries again (15 by
# default); while it waits, it closes every client that sends a query.
LOGIN_RETRY = 2
# As deploy/pgbouncer/pgbouncer.ini sets it: the statement timeout lives on the server
# connections, since the service sends no session settings through PgBouncer.
CONNECT_QUERY = "SET statement_timeout = 5000"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _upstream(server_dsn: str) -> tuple[str, int, str]:
    """Host (or socket directory), port and user of the server behind `server_dsn`."""
    parts = urlsplit(server_dsn)
    host = parse_qs(parts.query).get("host", [parts.hostname or "127.0.0.1"])[0]
    return host, parts.port or 5432, parts.username or "postgres"


def _run_as(host: str) -> str | None:
    """PgBouncer will not run as root: then it runs as the owner of the server's socket
    directory (the embedded server's own user), or as nobody for a TCP server."""
    if os.geteuid() != 0:
        return None
    if host.startswith("/"):
        return pwd.getpwuid(Path(host).stat().st_uid).pw_name
    return "nobody"


@contextlib.contextmanager
def pgbouncer(server_dsn: str) -> Iterator[str]:
    """Yields a DSN template (`{database}` to fill) of a PgBouncer pooling by transaction
    in front of `server_dsn`'s server; stops it afterwards."""
    assert BINARY is not None, f"pgbouncer is not installed: {INSTALL}"
    host, port, user = _upstream(server_dsn)
    listen = _free_port()
    run_as = _run_as(host)
    workdir = Path(tempfile.mkdtemp(prefix="factdesk-pgbouncer-"))
    try:
        (workdir / "userlist.txt").write_text(f'"{user}" ""\n')
        (workdir / "pgbouncer.ini").write_text(
            f"""[databases]
* = host={host} port={port} connect_query='{CONNECT_QUERY}'

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {listen}
unix_socket_dir =
auth_type = trust
auth_file = {workdir}/userlist.txt
pool_mode = transaction
default_pool_size = {POOL_SIZE}
max_client_conn = 100
server_login_retry = {LOGIN_RETRY}
ignore_startup_parameters = extra_float_digits
logfile = {workdir}/pgbouncer.log
pidfile = {workdir}/pgbouncer.pid
"""
        )
        if run_as is not None:
            account = pwd.getpwnam(run_as)
            for path in (workdir, *workdir.iterdir()):
                os.chown(path, account.pw_uid, account.pw_gid)
        command = [BINARY, *(["-u", run_as] if run_as else []), str(workdir / "pgbouncer.ini")]
        with (workdir / "output.txt").open("wb") as output:
            process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        try:
            _wait_listening(listen, process, workdir)
            yield f"postgresql://{user}@127.0.0.1:{listen}/{{database}}"
        finally:
            process.terminate()
            process.wait(timeout=START)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_listening(port: int, process: subprocess.Popen[bytes], workdir: Path) -> None:
    deadline = time.monotonic() + START
    while time.monotonic() < deadline:
        if process.poll() is not None:
            logs = [workdir / "output.txt", workdir / "pgbouncer.log"]
            detail = "".join(log.read_text() for log in logs if log.exists())
            raise AssertionError(f"pgbouncer exited: {detail}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("pgbouncer did not listen in time")
