"""Memory of a long-running extraction worker fed words it has never seen (issue 19).

    .venv/bin/python -m bench.model_vocabulary [--articles N (default 30)]

spaCy keeps every string it meets (its StringStore, the vocabulary's lexemes, the
lemmatizer's cache), so a worker that reads copy of made-up words grows with each
article. In this process, as a pool worker runs it (``workers.parse_and_extract``), each
article is 5,000 distinct made-up words in sentences of ten (about 45 KB, the model's
token cap); after each tenth article the sizes are printed: strings, lemmatizer cache
entries and this process's resident memory. A real article is extracted at the
start and at the end and the two results compared, to show the model reads the same
after all of it.
"""

from __future__ import annotations

import argparse
import random
import resource
import string
import time

from bench.extraction_speed import _texts
from service.ingest.nlp.model import pipeline
from service.ingest.workers import parse_and_extract

WORDS = 5_000


def hostile_article(seed: int) -> str:
    """Sentences of ten made-up words, 5,000 of them, none seen before (for any seed)."""
    rng = random.Random(seed)
    words = [
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(6, 11))) for _ in range(WORDS)
    ]
    sentences = [" ".join(words[i : i + 10]).capitalize() + "." for i in range(0, WORDS, 10)]
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _sizes() -> tuple[int, int]:
    # (len(nlp.vocab) is a count of lexemes ever made, which spaCy never lowers: the
    # strings show what is kept.)
    nlp = pipeline()
    cache = getattr(nlp.get_pipe("lemmatizer"), "cache", {})
    return len(nlp.vocab.strings), len(cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=30)
    args = parser.parse_args()
    real = _texts()[0]  # a seed article
    first = parse_and_extract(real, None)
    print("| articles read | strings | lemma cache | RSS MiB | s per article |")
    print("|---:|---:|---:|---:|---:|")
    strings, cache = _sizes()
    rss = _rss_mib()
    print(f"| 0 (after one real article) | {strings:,} | {cache:,} | {rss:.0f} | |")
    started = time.perf_counter()
    for n in range(1, args.articles + 1):
        parse_and_extract(hostile_article(n), None)
        if n % 10 == 0 or n == args.articles:
            seconds = (time.perf_counter() - started) / n
            strings, cache = _sizes()
            sizes = f"{strings:,} | {cache:,} | {_rss_mib():.0f}"
            print(f"| {n} | {sizes} | {seconds:.2f} |")
    last = parse_and_extract(real, None)
    print(f"\nReal article extracted the same before and after: {first == last}")
    print(f"Peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
