"""Factdesk's extraction gold (seeds, extra, real) with a chosen spaCy model.

    PYTHONPATH=. .venv/bin/python training/eval_real.py \
        [--model DIR] [--ud-to-clear] [--json OUT]

Without --model: the shipped en_core_web_sm (service.ingest.nlp.model.pipeline as is).
With --model: that directory, loaded with spacy.load, replaces the cached pipeline()
(analyse() looks ``pipeline`` up in its module at call time, so replacing the module
attribute is enough; the eval ingests on the thread path, no worker processes).
The trained model already writes OntoNotes labels (PERSON/ORG/GPE), which Factdesk's
recognised.KINDS reads. --ud-to-clear appends an adapter that renames UD relations to the
ClearNLP ones Factdesk's rules test for and re-heads case-marked nominals (prep/pobj).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, HEAD  # type: ignore[import-not-found]  # compiled, no stubs
from spacy.language import Language
from spacy.tokens import Doc

import service.ingest.nlp.model as model
from evaluation.report import format_real_table, format_table, real_report_to_dict, report_to_dict
from evaluation.run import evaluate
from service.config import get_settings
from service.db.scratch import scratch_server

RENAME = {
    "obj": "dobj",
    "nsubj:pass": "nsubjpass",
    "csubj:pass": "csubjpass",
    "aux:pass": "auxpass",
    "nmod:poss": "poss",
    "compound:prt": "prt",
    "obl:npmod": "npadvmod",
    "nmod:npmod": "npadvmod",
    "obl:tmod": "npadvmod",
    "nmod:tmod": "npadvmod",
    "obl:unmarked": "npadvmod",
    "nmod:unmarked": "npadvmod",
    "iobj": "dative",
    "det:predet": "predet",
    "cc:preconj": "preconj",
    "acl:relcl": "relcl",
    "flat": "compound",
    "nsubj:outer": "nsubj",
}


@Language.component("ud_to_clear")
def ud_to_clear(doc: Doc) -> Doc:
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for t in doc:
        if deps[t.i].split(":")[0] in ("obl", "nmod") and deps[t.i] not in RENAME:
            case = next(
                (c for c in t.children if c.dep_ == "case" and c.pos_ == "ADP" and c.i < t.i),
                None,
            )
            if case is not None and t.head.i != t.i:
                heads[case.i] = heads[t.i]
                deps[case.i] = "agent" if deps[t.i] == "obl:agent" else "prep"
                heads[t.i] = case.i
                deps[t.i] = "pobj"
                continue
        deps[t.i] = RENAME.get(deps[t.i], deps[t.i].split(":")[0])
    arr = numpy.zeros((len(doc), 2), dtype="uint64")
    for i in range(len(doc)):
        arr[i, 0] = numpy.uint64(numpy.int64(heads[i] - i).astype("uint64"))
        arr[i, 1] = doc.vocab.strings.add(deps[i])
    sents = [s.start for s in doc.sents]
    doc.from_array([HEAD, DEP], arr)  # type: ignore[arg-type]  # numpy array is what it takes
    assert [s.start for s in doc.sents] == sents  # heads stay inside their sentence
    return doc


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path)
    parser.add_argument("--ud-to-clear", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.model is not None:
        nlp = spacy.load(args.model)
        if args.ud_to_clear:
            nlp.add_pipe("ud_to_clear", last=True)
        model.pipeline = lambda: nlp  # type: ignore[assignment]
        # Make sure nothing else keeps the cached en_core_web_sm.
        assert model.analyse("Test.").vocab is nlp.vocab
    print("pipeline:", model.pipeline().meta.get("name"), model.pipeline().pipe_names)
    start = time.perf_counter()
    with scratch_server(None, prefix="factdesk-train-") as dsn:
        results = asyncio.run(evaluate(dsn, get_settings().factdesk_seeds_dir))
    for name, report in results.reports.items():
        print(f"== {name}\n{format_table(report)}\n")
    if results.real is not None:
        print(f"== real\n{format_real_table(results.real)}\n")
    print(f"eval took {time.perf_counter() - start:.0f}s")
    if args.json:
        out: dict[str, object] = {n: report_to_dict(r) for n, r in results.reports.items()}
        if results.real is not None:
            out["real"] = real_report_to_dict(results.real)
        args.json.write_text(json.dumps(out, indent=1, default=str))


if __name__ == "__main__":
    main()
