"""The NLP model alone: where its time goes, and Factdesk's loading of it against spaCy's.

    .venv/bin/python -m bench.model_speed [--rounds 3] [--batch 16]

Over the bodies `bench.extraction_speed` reads (the seeds and the gold copy), in this one
process: first the CPU time of each pipeline component per article (the tokenizer, then
tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner), for the same files loaded the
stock way (``spacy.load``: BLIS, the Matcher) and as ``nlp.model`` runs them, in batches
of ``--batch`` as the bulk path does; then the whole model as ``analyse_many`` runs it
against the stock pipeline, the two taking turns chunk by chunk so that both see the same
machine, and the ratio; then both on bodies the model reads to its 5,000-token cap
(issue 19). CPU time, not wall time: the machine is shared, and a process is charged only
for the time it runs.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

from bench.extraction_speed import _texts
from service.ingest.extract import readable
from service.ingest.nlp.model import (
    analyse,
    analyse_many,
    attribute_rules,
    model_dir,
    pipeline,
)
from service.ingest.parse.article import parse_article


def _bodies() -> list[str]:
    return [readable(parse_article(text).body) for text in _texts()]


def stock_pipeline() -> Language:
    """The same files loaded the way spaCy loads them: BLIS, the Matcher."""
    with use_ops("numpy", use_blis=True):
        return spacy.load(model_dir(), exclude=["senter"])


def components(bodies: list[str], rounds: int, batch: int, *, stock: bool) -> dict[str, float]:
    """CPU milliseconds per article of each step of ``nlp.model``'s pipeline (or, with
    ``stock``, of spaCy's loading of the same files)."""
    nlp = stock_pipeline() if stock else pipeline()
    spent: dict[str, float] = defaultdict(float)
    for _ in range(rounds):
        for first in range(0, len(bodies), batch):
            mark = time.process_time()
            docs = [nlp.make_doc(b) for b in bodies[first : first + batch]]
            spent["tokenizer"] += time.process_time() - mark
            for name, component in nlp.pipeline:
                mark = time.process_time()
                docs = _step(name, component, docs, batch, lookup=not stock)
                spent[name] += time.process_time() - mark
    articles = rounds * len(bodies)
    return {name: 1000 * seconds / articles for name, seconds in spent.items()}


def _step(
    name: str, component: Callable[[Doc], Doc], docs: list[Doc], batch: int, *, lookup: bool
) -> list[Doc]:
    """One component over ``docs`` as ``nlp.model._annotated`` runs it (with ``lookup``,
    the attribute ruler's patterns by attribute_rules.py)."""
    if name == "attribute_ruler" and lookup:
        return [attribute_rules()(doc) for doc in docs]
    pipe: Callable[..., Iterable[Doc]] = getattr(component, "pipe")  # noqa: B009 (untyped)
    return list(pipe(docs, batch_size=batch))


def against_stock(bodies: list[str], rounds: int, batch: int) -> tuple[float, float]:
    """CPU milliseconds per article of ``analyse_many`` and of the stock pipeline."""
    stock = stock_pipeline()
    spent = [0.0, 0.0]
    for round_ in range(rounds + 1):  # round 0 warms both (caches, allocations)
        for first in range(0, len(bodies), batch):
            chunk = bodies[first : first + batch]
            mark = time.process_time()
            analyse_many(chunk, batch)
            ours = time.process_time() - mark
            mark = time.process_time()
            list(stock.pipe(chunk, batch_size=batch))
            theirs = time.process_time() - mark
            if round_:
                spent[0] += ours
                spent[1] += theirs
    articles = rounds * len(bodies)
    return 1000 * spent[0] / articles, 1000 * spent[1] / articles


def _prose(bodies: list[str], tokens: int) -> str:
    """Real copy, the gold bodies one after another, to about ``tokens`` tokens."""
    out, count = [], 0
    for body in bodies:
        out.append(body)
        count += len(pipeline().make_doc(body))
        if count > tokens:
            break
    return "\n\n".join(out)


def at_the_token_cap(bodies: list[str], rounds: int) -> list[tuple[str, int, float, float]]:
    """Bodies the model reads MAX_TOKENS of (issue 19): each one's name, the tokens the
    model read, and CPU seconds of ``analyse`` and of the stock pipeline over the same
    text (turn about, the best of ``rounds``)."""
    stock = stock_pipeline()
    cases = [
        ("one capitalised word, no sentence end", "Word " * 20_000),
        ("one lower-case word, no sentence end", "word " * 20_000),
        ("distinct capitalised names", " ".join(f"Name{i:05d}".title() for i in range(20_000))),
        ("real copy (the gold bodies in a row)", _prose(bodies, 8_000)),
    ]
    out = []
    for name, text in cases:
        doc = analyse(text)
        best = [float("inf"), float("inf")]
        for _ in range(rounds):
            mark = time.process_time()
            analyse(text)
            best[0] = min(best[0], time.process_time() - mark)
            mark = time.process_time()
            stock(doc.text)
            best[1] = min(best[1], time.process_time() - mark)
        out.append((name, len(doc), best[0], best[1]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()
    bodies = _bodies()
    pipeline()
    spent: dict[bool, dict[str, float]] = {}
    for loading in (True, False):
        components(bodies, 1, args.batch, stock=loading)  # warm: caches, allocations
        spent[loading] = components(bodies, args.rounds, args.batch, stock=loading)
    total = {loading: sum(ms.values()) for loading, ms in spent.items()}
    print(
        f"{len(bodies)} bodies x {args.rounds}, batches of {args.batch}: CPU ms per article, "
        "spaCy's stock loading -> nlp.model's"
    )
    for name, ms in spent[False].items():
        print(
            f"  {name:16} {spent[True][name]:6.2f} -> {ms:6.2f}  ({100 * ms / total[False]:4.1f}%)"
        )
    print(f"  {'total':16} {total[True]:6.2f} -> {total[False]:6.2f}")
    ours_ms, stock_ms = against_stock(bodies, args.rounds, args.batch)
    print(
        f"analyse_many {ours_ms:.2f} ms/article, spaCy's stock loading {stock_ms:.2f} "
        f"ms/article: {stock_ms / ours_ms:.2f}x (turn about, same run)"
    )
    print("bodies the model reads to its token cap (issue 19): CPU s, best of rounds")
    for name, tokens, ours, stock in at_the_token_cap(bodies, args.rounds):
        print(
            f"  {name:40} {tokens:5} tokens  {ours:.3f} s, stock {stock:.3f} s: {stock / ours:.2f}x"
        )


if __name__ == "__main__":
    main()
