"""`factdesk ingest`: files, directories and stdin, on worker processes, with the API's
ids and slugs, a summary, and a progress bar when stderr is a terminal."""

from __future__ import annotations

import asyncio
import os
import pty
import subprocess
import threading
from pathlib import Path

import asyncpg
import pytest

from service.db.scratch import recreate_database
from service.ids import decode_id
from service.ingest_command import STDIN, expand
from tests.commands import factdesk
from tests.ingest.test_intake import NOT_UTF8_AT_3


def test_expand_walks_directories_in_name_order_and_skips_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b" / ".git").mkdir(parents=True)
    for name in ("b/2.txt", "b/1.html", "b/.git/x", ".hidden.txt", "a.txt"):
        (tmp_path / name).write_text("x")
    missing = str(tmp_path / "missing.txt")
    assert expand([str(tmp_path), STDIN, missing]) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "1.html"),
        str(tmp_path / "b" / "2.txt"),
        STDIN,
        missing,
    ]


def _ingest(dsn: str, paths: list[Path]) -> subprocess.CompletedProcess[str]:
    return factdesk(dsn, "ingest", *map(str, paths), "--workers", "2", "--outlet", "Wire")


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


async def _slugs(dsn: str) -> dict[int, str]:
    connection = await asyncpg.connect(dsn)
    try:
        rows = await connection.fetch("SELECT id, slug FROM articles")
        return {int(r["id"]): r["slug"] for r in rows}
    finally:
        await connection.close()


async def test_ingest_extracts_on_worker_processes_and_writes_in_order(
    server_dsn: str, files: list[Path]
) -> None:
    dsn = await recreate_database(server_dsn, "factdesk_cli")
    done = await asyncio.to_thread(_ingest, dsn, files)
    assert done.returncode == 1  # one file was refused
    lines = [line.split(" ") for line in done.stdout.splitlines()]
    assert [line[0] for line in lines] == [f"{files[i]}:" for i in (0, 1, 2, 4)]
    assert [line[1] for line in lines] == ["new", "new", "new", "existing"]
    # The API's ids and slugs, as REST and GraphQL know the articles.
    slugs = await _slugs(dsn)
    assert {decode_id(line[2], "Article")[1]: line[3] for line in lines} == slugs
    assert lines[1][2] == lines[3][2]
    assert f"{files[3]}: not ingested: article text is empty (empty_article)" in done.stderr
    assert "3 new, 1 existing, 0 republished, 1 failed" in done.stderr.splitlines()[-1]
    assert "Traceback" not in done.stderr
    connection = await asyncpg.connect(dsn)
    try:
        assert await connection.fetchval("SELECT count(*) FROM articles") == 3
        assert await connection.fetchval("SELECT count(*) FROM figures") > 0
    finally:
        await connection.close()


def _ingest_on_a_terminal(dsn: str, *args: str, stdin: str) -> tuple[int, str, str]:
    """Runs ingest with stderr on a pseudo-terminal; (status, stdout, what the terminal got).

    The terminal is read while the process runs: a pseudo-terminal holds a few KB, and a
    progress bar redrawn often on a loaded machine fills it, which would block the process
    (and this test) for ever."""
    leader, follower = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the follower end is closed and drained
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        done = factdesk(dsn, "ingest", *args, stdin=stdin, stderr=follower)
        os.close(follower)
        reader.join(timeout=30)
    finally:
        os.close(leader)
    return done.returncode, done.stdout, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def seeds(seeds_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


async def test_ingest_walks_directories_reads_stdin_and_records_republications(
    server_dsn: str, tmp_path: Path, seeds: list[str]
) -> None:
    dsn = await recreate_database(server_dsn, "factdesk_cli")
    first = tmp_path / "first.txt"
    first.write_text(seeds[0])
    done = await asyncio.to_thread(
        factdesk, dsn, "ingest", str(first), "--workers", "1", "--outlet", "Wire"
    )
    assert done.returncode == 0, done.stderr

    desk = tmp_path / "desk"
    (desk / "later").mkdir(parents=True)
    (desk / "a.txt").write_text(seeds[0] + "\n\n")  # the same copy, from another outlet
    (desk / "b.txt").write_text(seeds[1])
    (desk / "later" / "c.txt").write_text(seeds[2])
    (desk / ".draft.txt").write_text("hidden files are skipped")
    status, out, terminal = await asyncio.to_thread(
        _ingest_on_a_terminal,
        dsn,
        str(desk),
        "-",
        "--workers",
        "1",
        "--outlet",
        "Paper",
        stdin=seeds[3],
    )
    assert status == 0, terminal
    states = [(line.split(" ")[0], line.split(" ")[1]) for line in out.splitlines()]
    assert states == [
        (f"{desk / 'a.txt'}:", "republished"),
        (f"{desk / 'b.txt'}:", "new"),
        (f"{desk / 'later' / 'c.txt'}:", "new"),
        ("-:", "new"),
    ]
    assert "4/4" in terminal  # the progress bar, drawn because stderr is a terminal
    assert "3 new, 0 existing, 1 republished, 0 failed" in terminal
    assert "Traceback" not in terminal
    assert len(await _slugs(dsn)) == 4


async def test_a_file_that_is_not_utf8_is_refused_in_the_words_rest_uses(
    server_dsn: str, tmp_path: Path
) -> None:
    dsn = await recreate_database(server_dsn, "factdesk_cli")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\u00e9 owners said 3 people were hurt.".encode("latin-1"))
    done = await asyncio.to_thread(_ingest, dsn, [latin])
    assert done.returncode == 1
    assert f"{latin}: not ingested: {NOT_UTF8_AT_3} (invalid_encoding)" in done.stderr
    assert "Traceback" not in done.stderr


async def test_an_article_past_the_cpu_backstop_is_refused_and_the_batch_goes_on(
    server_dsn: str, tmp_path: Path
) -> None:
    """FACTDESK_EXTRACTION_BUDGET holds for the bulk path as for `serve` (issue 19):
    the runaway's worker is stopped, it is reported as refused, the rest are stored."""
    short = "Quake toll rises\n\nOfficials counted 12 dead in Jajarkot on Sunday.\n"
    copies = {
        "a.txt": short,
        "b.txt": "Toll\n\n" + "The toll rose to 157 on Sunday, police said. " * 4000,
        "c.txt": short.replace("12", "14"),
    }
    for name, text in copies.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    dsn = await recreate_database(server_dsn, "factdesk_cli_backstop")
    done = await asyncio.to_thread(
        factdesk,
        dsn,
        "ingest",
        str(tmp_path),
        "--workers",
        "1",
        env={"FACTDESK_EXTRACTION_BUDGET": "0.1"},
    )
    assert done.returncode == 1
    assert [line.split(" ")[:2] for line in done.stdout.splitlines()] == [
        [f"{tmp_path / 'a.txt'}:", "new"],
        [f"{tmp_path / 'c.txt'}:", "new"],
    ]
    assert f"{tmp_path / 'b.txt'}: not ingested: " in done.stderr
    assert "(article_too_complex)" in done.stderr
    assert "2 new, 0 existing, 0 republished, 1 failed" in done.stderr.splitlines()[-1]
    assert "Traceback" not in done.stderr
