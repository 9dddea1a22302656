"""UPOS accuracy (UD EWT test) and entity F1 (UNER EWT test) with tests/ingest/nlp/treebank.py.

    PYTHONPATH=. .venv/bin/python training/eval_treebank.py [DIR]
Without DIR: the shipped en_core_web_sm through service.ingest.nlp.model.pipeline().
"""

import sys
from pathlib import Path

import spacy

from tests.ingest.nlp.treebank import entity_f1, read_conllu, read_iob2, upos_accuracy

DATA = Path("/work/train/data")
if len(sys.argv) > 1:
    nlp = spacy.load(sys.argv[1])
else:
    from service.ingest.nlp.model import pipeline

    nlp = pipeline()
pos = list(read_conllu(DATA / "en_ewt-ud-test.conllu"))
ner = list(read_iob2(DATA / "en_ewt-ud-test.iob2"))
print(f"model {nlp.meta.get('name')} pipes {nlp.pipe_names}")
print(f"UPOS accuracy {upos_accuracy(nlp, pos):.4f} ({len(pos)} sentences)")
p, r, f = entity_f1(nlp, ner)
print(f"entities P {p:.4f} R {r:.4f} F1 {f:.4f} ({len(ner)} sentences)")
