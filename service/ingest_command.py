"""`factdesk ingest PATH... | DIR | -`: bulk ingest for people, with progress and a summary.

Parse and extraction run on every core (``workers.ExtractionPool``); the writes, one
transaction per article, happen here in the order the inputs were given. Each input gets
one line on stdout with the API's id and slug; a refused input one line on stderr; the
summary comes last on stderr. A progress bar (count, rate, time left) is drawn on stderr
only when it is a terminal, so logs and pipes get plain lines.
"""

from __future__ import annotations

import math
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from service.db import articles as articles_db
from service.db.pool import is_connection_failure
from service.errors import UNSTORABLE_MESSAGE, FactdeskError, is_unstorable_input
from service.ids import encode_id
from service.ingest.intake import ArticleTooLargeError, decode_copy, take_copy
from service.ingest.model import ArticleMeta
from service.ingest.outcome import IngestResult
from service.ingest.pipeline import ingest_extracted
from service.ingest.workers import ExtractionPool

STDIN = "-"
HTML_SUFFIXES = frozenset({".html", ".htm"})


@dataclass(frozen=True, slots=True)
class Options:
    paths: list[str]
    outlet: str | None
    workers: int | None
    max_bytes: int
    cpu_budget: float | None = None  # per article (service/ingest/budget.py)
    # Per article, seconds of its worker's CPU: past it the worker is stopped and the
    # article refused (FACTDESK_EXTRACTION_BUDGET, as `serve`; workers.py).
    backstop: float = math.inf


def expand(paths: list[str]) -> list[str]:
    """Every input named: files as given, directories walked (files in name order, hidden
    ones skipped), ``-`` for stdin. A path that does not exist stays, to fail by name."""
    found: list[str] = []
    for path in paths:
        root = Path(path)
        if path != STDIN and root.is_dir():
            found += [str(p) for p in sorted(root.rglob("*")) if _visible_file(p, root)]
        else:
            found.append(path)
    return found


def _visible_file(path: Path, root: Path) -> bool:
    return path.is_file() and not any(p.startswith(".") for p in path.relative_to(root).parts)


def read_input(name: str, *, max_bytes: int) -> tuple[str, bool]:
    """The copy of one input (stdin for ``-``) and whether it was declared HTML. Reads at
    most one byte past the cap, so a huge file is refused without being loaded."""
    if name == STDIN:
        raw = sys.stdin.buffer.read(max_bytes + 1)
        html = False
    else:
        with Path(name).open("rb") as file:
            raw = file.read(max_bytes + 1)
        html = Path(name).suffix.lower() in HTML_SUFFIXES
    if len(raw) > max_bytes:
        raise ArticleTooLargeError(f"larger than {max_bytes} bytes", field="text")
    return decode_copy(raw), html


class _Rate(ProgressColumn):
    """Articles per second so far."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "-/s", style="progress.data.speed")


class Report:
    """The lines a run prints, its counts, and the progress bar when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.counts: Counter[str] = Counter()
        self.started = time.perf_counter()
        self.progress: Progress | None = None
        if sys.stderr.isatty():
            self.progress = Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                _Rate(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
                # Lines for stdout pass above the bar only when they share its terminal;
                # piped, they go to the pipe untouched.
                redirect_stdout=sys.stdout.isatty(),
            )
            self.task = self.progress.add_task("ingest", total=total)
            self.progress.start()

    def done(self, name: str, result: IngestResult, slug: str) -> None:
        state = "new" if result.created else "republished" if result.republished else "existing"
        self.counts[state] += 1
        print(f"{name}: {state} {encode_id('Article', result.article_id)} {slug}", flush=True)
        self._advance()

    def failed(self, name: str, reason: str) -> None:
        self.counts["failed"] += 1
        print(f"{name}: not ingested: {reason}", file=sys.stderr, flush=True)
        self._advance()

    def _advance(self) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)

    def close(self) -> str:
        """Stops the bar; the summary line."""
        if self.progress is not None:
            self.progress.stop()
        elapsed = time.perf_counter() - self.started
        total = sum(self.counts.values())
        parts = ", ".join(
            f"{self.counts[k]} {k}" for k in ("new", "existing", "republished", "failed")
        )
        rate = total / elapsed if elapsed > 0 else 0.0
        return f"ingested {total} inputs in {elapsed:.1f} s ({rate:.1f}/s): {parts}"


async def ingest_inputs(pool: asyncpg.Pool, options: Options) -> int:
    """0 when every input was ingested (new or already stored), 1 when any was refused."""
    names = expand(options.paths)
    report = Report(len(names))

    def texts() -> Iterator[tuple[str, str, ArticleMeta]]:
        for name in names:
            try:
                text, html = read_input(name, max_bytes=options.max_bytes)
                copy = take_copy(text, max_bytes=options.max_bytes, html=html)
            except (OSError, FactdeskError) as error:
                report.failed(name, _reason(error))
                continue
            yield name, copy.text, copy.described(ArticleMeta(outlet=options.outlet))

    workers = ExtractionPool(options.workers, cpu_budget=options.cpu_budget)
    try:
        async for name, outcome in workers.extracted(texts(), budget=options.backstop):
            try:
                if isinstance(outcome, BaseException):
                    raise outcome
                parsed, extraction = outcome
                result = await ingest_extracted(pool, parsed, extraction, url=None)
                async with pool.acquire() as conn:
                    slug = await articles_db.find_article_slug(conn, article_id=result.article_id)
            except Exception as error:
                if is_connection_failure(error):
                    raise  # the database went away: the run stops, with one line
                report.failed(name, _reason(error))
                continue
            report.done(name, result, slug or "")
    finally:
        workers.close()
        print(report.close(), file=sys.stderr, flush=True)
    return 1 if report.counts["failed"] else 0


def _reason(error: BaseException) -> str:
    if isinstance(error, FactdeskError):
        return f"{error.message} ({error.code})"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    if is_unstorable_input(error):
        return UNSTORABLE_MESSAGE
    return f"unexpected error: {type(error).__name__}: {error}"
