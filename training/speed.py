"""Words per second of a model on Factdesk's texts (seeds + real gold), one doc at a time
as service.ingest.nlp.model.analyse() does (make_doc, then each component).

    PYTHONPATH=. taskset -c 1 .venv/bin/python training/speed.py [DIR]
"""

import sys
import time
from pathlib import Path

import spacy

REPO = Path(__file__).resolve().parents[1]
if len(sys.argv) > 1:
    nlp = spacy.load(sys.argv[1])
else:
    from service.ingest.nlp.model import pipeline

    nlp = pipeline()
texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests/gold/real").rglob("*.txt"))]
for sample in texts[:3]:  # warm-up
    warm = nlp.make_doc(sample)
    for _, component in nlp.pipeline:
        warm = component(warm)
best = 0.0
for _round in range(3):
    words = 0
    start = time.perf_counter()
    for text in texts:
        doc = nlp.make_doc(text)
        for _, component in nlp.pipeline:
            doc = component(doc)
        words += len(doc)
    best = max(best, words / (time.perf_counter() - start))
print(f"{nlp.meta.get('name')}: {len(texts)} texts, {words} tokens, best of 3: {best:,.0f} words/s")
