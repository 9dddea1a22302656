"""The `factdesk` command line: usage errors up front, and one line (no traceback) and a
status of its own when the database cannot be reached."""

from __future__ import annotations

import os
import socket

import pytest

from service.cli import DATABASE_UNREACHABLE, build_parser
from tests.commands import factdesk


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
    done = factdesk(dsn, *command, stdin="Police said 3 people were hurt.")
    assert done.returncode == DATABASE_UNREACHABLE, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"factdesk {command[0]}: cannot use the database (")
    assert "secret" not in done.stderr
