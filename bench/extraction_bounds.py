"""How long parse and extraction take on bodies that are not prose (issue 19).

    .venv/bin/python -m bench.extraction_bounds

Each body is about 1 MiB (the ingest cap) or a few KB of one repeated token: numbers
without a sentence break, capitalised words, sentences of figures. Prints seconds, the
figures found and the process's peak RSS. Before the bounds, 30 KB of "1 " took 88 s.
"""

from __future__ import annotations

import resource
import time

from service.ingest.extract import extract
from service.ingest.nlp.model import pipeline
from service.ingest.parse.article import parse_article

BODIES = [
    ("1 ", 15_000),
    ("+1 ", 10_000),
    ("1,000 ", 5_000),
    ("1 ", 500_000),
    ("Word ", 200_000),
    ("The death toll rose to 157 on Sunday. ", 26_000),
]


def main() -> None:
    pipeline()
    for unit, times in BODIES:
        text = "Headline\n\n" + unit * times + "\n"
        started = time.perf_counter()
        extraction = extract(parse_article(text))
        seconds = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{unit!r:14} x {times:>7}  {len(text) / 1024:7.0f} KB  {seconds:6.2f} s  "
            f"{len(extraction.figures):5} figures  peak RSS {rss:.0f} MB"
        )


if __name__ == "__main__":
    main()
