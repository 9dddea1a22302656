"""Throughput of the pure extraction stages alone, on one core.

    .venv/bin/python -m bench.extraction_speed [--rounds 100]

Runs parse and every extraction stage over the seed and gold articles, `rounds` times, in
this one process (no database, no I/O inside the loop), and prints articles per second for
the whole chain and the time each stage takes per article.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from typing import Any

from service.config import REPO_ROOT
from service.ingest.entities import find_mentions
from service.ingest.figures import find_figures
from service.ingest.parse import parse_article
from service.ingest.quotes import find_quotes
from service.ingest.sentences import split_sentences


def _texts() -> list[str]:
    paths = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    paths += sorted((REPO_ROOT / "tests" / "gold" / "articles").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def run(rounds: int) -> dict[str, Any]:
    texts = _texts()
    spent: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            mark = time.perf_counter()

            def lap(stage: str) -> None:
                nonlocal mark
                now = time.perf_counter()
                spent[stage] += now - mark
                mark = now

            parsed = parse_article(text)
            lap("parse")
            body = parsed.body
            sentences = split_sentences(body)
            lap("sentences")
            mentions, entities = find_mentions(body, sentences)
            lap("mentions")
            find_quotes(body, sentences, mentions, entities)
            lap("quotes")
            published = parsed.published_at.date() if parsed.published_at else None
            find_figures(body, sentences, mentions, entities, published_on=published)
            lap("figures")
    elapsed = time.perf_counter() - started
    articles = rounds * len(texts)
    return {
        "articles": articles,
        "seconds": elapsed,
        "articles_per_second": articles / elapsed,
        "ms_per_article": {k: 1000 * v / articles for k, v in spent.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=100)
    result = run(parser.parse_args().rounds)
    print(
        f"{result['articles']} articles in {result['seconds']:.2f} s: "
        f"{result['articles_per_second']:.0f} articles/s on one core"
    )
    for stage, ms in result["ms_per_article"].items():
        print(f"  {stage:10} {ms:.3f} ms/article")


if __name__ == "__main__":
    main()
