"""Time per article of the HTML intake, trafilatura against the old standard-library cleaner.

    .venv/bin/python -m bench.html_intake [--rounds 200]

Runs each CMS page of tests/ingest/fixtures/cms through the intake (markup to copy) and
the parse stage, `rounds` times, with the extractor in use now (trafilatura,
``intake.html_to_copy``) and with the cleaner it replaced (``html_text.html_to_text``),
and prints milliseconds per article for each. Then feeds hostile pages of about 1 MiB
(deep nesting, a 900 KB comment, 15,000 paragraphs, one long word, a long attribute)
through the new path once each and prints the seconds each took, to show it stays
bounded. No database, no I/O inside the loops.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from service.config import REPO_ROOT
from service.ingest.intake import html_to_copy
from service.ingest.parse.article import parse_article
from service.ingest.parse.html_text import html_to_text

PAGES = REPO_ROOT / "tests" / "ingest" / "fixtures" / "cms"
STORY = "Police detained 500 people in Almaty on Monday, officials said."
HOSTILE = {
    "900 KB in an unclosed comment": f"<p>{STORY}</p><!--" + "a" * 900_000,
    "900 KB in a closed comment": (
        f"<html><body><p>{STORY}</p><!--" + "a" * 900_000 + f"--><p>{STORY}</p></body></html>"
    ),
    "100,000 nested divs": (
        "<html><body>" + "<div>" * 100_000 + f"<p>{STORY}</p>" + "</div>" * 100_000
    ),
    "60,000 unclosed nested tags": "<html><body>" + "<div><span><b>" * 60_000 + STORY,
    "15,000 paragraphs": "<html><body>" + f"<p>{STORY}</p>" * 15_000 + "</body></html>",
    "a 1 MB word": f"<html><body><p>{STORY} " + "a" * 1_000_000 + "</p></body></html>",
    "a 900 KB attribute": '<html><body><p class="'
    + "x " * 450_000
    + f'">{STORY}</p></body></html>',
}


def _per_article_ms(convert: Callable[[str], str], pages: list[str], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            parse_article(convert(page))
    return (time.perf_counter() - start) * 1000 / (rounds * len(pages))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    files = sorted(Path(PAGES).glob("*.html"))
    pages = [path.read_text(encoding="utf-8") for path in files]
    print(f"{len(pages)} CMS pages x {args.rounds} rounds, intake + parse per article:")
    for name, convert in (("trafilatura", html_to_copy), ("stdlib cleaner", html_to_text)):
        print(f"  {name:>15}: {_per_article_ms(convert, pages, args.rounds):.2f} ms")
    print("hostile pages, trafilatura path once each:")
    for name, page in HOSTILE.items():
        start = time.perf_counter()
        copy = html_to_copy(page)
        seconds = time.perf_counter() - start
        size = len(page.encode()) / 2**20
        print(f"  {name:>30} ({size:.2f} MiB): {seconds:.2f} s, {len(copy):,} chars out")


if __name__ == "__main__":
    main()
