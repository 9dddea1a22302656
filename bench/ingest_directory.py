"""`factdesk ingest DIR` of N synthetic article files, as a person runs it at a terminal.

Writes N corpus articles (bench/corpus.py) as .txt files in a temporary directory, one
file made empty (refused), then runs `python -m service.cli ingest DIR` on a scratch
database with stderr on a pseudo-terminal, so the progress bar is drawn. Prints the
terminal's last progress line and summary, the seconds and the articles per second, and
checks: every file has a result line, the empty one failed, the summary counts add up.

    .venv/bin/python -m bench.ingest_directory --files 1000
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pty
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.corpus import Generator
from service.config import REPO_ROOT
from service.db import migrate
from service.db.scratch import environment_dsn, recreate_database, scratch_server


def write_files(directory: Path, count: int, empty: int) -> None:
    """`count` new articles, file `empty` (from 1) left empty."""
    gen = Generator()
    first = 40_000_000 + int(time.time()) % 1_000_000 * 1000  # copy never seen before
    for n in range(count):
        text = "" if n + 1 == empty else gen.article(first + n)["text"]
        (directory / f"{n + 1:05d}.txt").write_text(text, encoding="utf-8")


def ingest_on_a_terminal(dsn: str, directory: Path) -> tuple[int, str, str, float]:
    """(status, stdout, what the terminal got, seconds) of `factdesk ingest directory`."""
    leader, follower = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:  # a full pseudo-terminal would block the process
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    env = {**os.environ, "DATABASE_URL": dsn, "FACTDESK_LOG_LEVEL": "warning"}
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "service.cli", "ingest", str(directory)],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=follower,
            text=True,
            check=False,
        )
        took = time.monotonic() - started
        os.close(follower)
        reader.join(timeout=30)
    finally:
        os.close(leader)
    return done.returncode, done.stdout, b"".join(chunks).decode("utf-8", "replace"), took


async def main(files: int) -> None:
    with scratch_server(environment_dsn(), prefix="factdesk-bench-") as server_dsn:
        dsn = await recreate_database(server_dsn, "factdesk_ingest_dir")
        await asyncio.to_thread(migrate.upgrade, dsn)
        with tempfile.TemporaryDirectory(prefix="factdesk-desk-") as tmp:
            directory = Path(tmp)
            empty = files // 2
            write_files(directory, files, empty)
            status, out, terminal, took = await asyncio.to_thread(
                ingest_on_a_terminal, dsn, directory
            )
    results = out.splitlines()
    # The bar is redrawn in place: the last redraw is the text after the last carriage return.
    plain = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", terminal)  # colours and cursor moves
    screens = [s.strip() for s in re.split(r"[\r\n]", plain) if s.strip()]
    bars = [s for s in screens if f"/{files}" in s]
    summary = [s for s in screens if " new, " in s]
    print(f"exit status {status} (1: a file was refused)")
    print(f"result lines on stdout: {len(results)} (of {files} files)")
    print(f"progress redraws seen: {len(bars)}; the last: {bars[-1] if bars else None!r}")
    print(f"summary: {summary[-1] if summary else None!r}")
    print(f"{files} files in {took:.1f} s: {files / took:.1f} articles/s")
    assert status == 1, "the empty file is refused"
    assert len(results) == files - 1, "one result line per stored file"
    assert summary, "no summary"
    assert f"{files - 1} new, 0 existing, 0 republished, 1 failed" in summary[-1]
    assert "Traceback" not in terminal


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    asyncio.run(main(parser.parse_args().files))
