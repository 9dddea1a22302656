"""The `factdesk` command line refuses arguments it cannot store before doing any work."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest

from service.cli import build_parser
from service.config import REPO_ROOT
from service.db.scratch import recreate_database


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


def _ingest(dsn: str, paths: list[Path]) -> subprocess.CompletedProcess[str]:
    args = [*map(str, paths), "--workers", "2", "--outlet", "Wire"]
    return subprocess.run(
        [sys.executable, "-m", "service.cli", "ingest", *args],
        cwd=REPO_ROOT,
        env={**os.environ, "DATABASE_URL": dsn, "FACTDESK_LOG_LEVEL": "warning"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def files(tmp_path: Path, seeds_dir: Path) -> list[Path]:
    """Three seeds, an empty file, and the second seed again with CRLF line ends and a
    straight apostrophe (the same copy: one article)."""
    seeds = sorted(seeds_dir.glob("*.txt"))[:3]
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    again = tmp_path / "again.txt"
    text = seeds[1].read_text(encoding="utf-8")
    assert "\u2019" in text
    straight = text.replace("\u2019", "'").replace("\n", "\r\n")
    again.write_bytes(straight.encode())
    return [*seeds, empty, again]


async def test_ingest_extracts_on_worker_processes_and_writes_in_order(
    server_dsn: str, files: list[Path]
) -> None:
    dsn = await recreate_database(server_dsn, "factdesk_cli")
    done = await asyncio.to_thread(_ingest, dsn, files)
    assert done.returncode == 1  # one file was refused
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(files[i]) for i in (0, 1, 2, 4)]
    assert [line.endswith("(new)") for line in lines] == [True, True, True, False]
    assert f"{files[3]}: not ingested" in done.stderr
    assert "Traceback" not in done.stderr
    connection = await asyncpg.connect(dsn)
    try:
        assert await connection.fetchval("SELECT count(*) FROM articles") == 3
        assert await connection.fetchval("SELECT count(*) FROM figures") > 0
    finally:
        await connection.close()
