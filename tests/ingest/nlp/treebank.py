"""Scores the NLP model on public treebanks, with their own tokens (no tokeniser error).

- UPOS accuracy on Universal Dependencies CoNLL-U (spaCy's ``pos_`` is UPOS);
- entity F1 on Universal NER IOB2, with OntoNotes labels mapped to UNER's three:
  PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC (other labels are not UNER entities).

Run on a whole file: ``python -m tests.ingest.nlp.treebank pos|ner FILE``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

ONTONOTES_TO_UNER = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


@dataclass(frozen=True, slots=True)
class Sentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]  # UPOS, or IOB2 entity tags


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U file: syntactic words and their UPOS (ranges skipped)."""
    yield from _read(path, tag_column=3)


def read_iob2(path: Path) -> Iterator[Sentence]:
    """Sentences of a Universal NER IOB2 file: tokens and their B-/I-/O tags."""
    yield from _read(path, tag_column=2)


def _read(path: Path, *, tag_column: int) -> Iterator[Sentence]:
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield Sentence(tuple(words), tuple(tags))
            words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multiword-token ranges and empty nodes
        words.append(cols[1])
        tags.append(cols[tag_column])
    if words:
        yield Sentence(tuple(words), tuple(tags))


def _parse(nlp: Language, words: tuple[str, ...]) -> Doc:
    doc = Doc(nlp.vocab, words=list(words))
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def upos_accuracy(nlp: Language, sentences: list[Sentence]) -> float:
    right = total = 0
    for sentence in sentences:
        doc = _parse(nlp, sentence.words)
        right += sum(t.pos_ == gold for t, gold in zip(doc, sentence.tags, strict=True))
        total += len(sentence.tags)
    return right / total


def _gold_spans(tags: tuple[str, ...]) -> set[tuple[int, int, str]]:
    spans: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate((*tags, "O")):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            spans.add((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return {s for s in spans if s[2] in ("PER", "ORG", "LOC")}


def entity_f1(nlp: Language, sentences: list[Sentence]) -> tuple[float, float, float]:
    """(precision, recall, F1) of exact entity spans with mapped labels."""
    tp = fp = fn = 0
    for sentence in sentences:
        doc = _parse(nlp, sentence.words)
        predicted = {
            (e.start, e.end, ONTONOTES_TO_UNER[e.label_])
            for e in doc.ents
            if e.label_ in ONTONOTES_TO_UNER
        }
        gold = _gold_spans(sentence.tags)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall)


def main() -> None:
    from service.ingest.nlp.model import pipeline

    what, path = sys.argv[1], Path(sys.argv[2])
    if what == "pos":
        sentences = list(read_conllu(path))
        print(f"UPOS accuracy {upos_accuracy(pipeline(), sentences):.4f} ({len(sentences)} sents)")
    else:
        sentences = list(read_iob2(path))
        p, r, f = entity_f1(pipeline(), sentences)
        print(f"entities P {p:.4f} R {r:.4f} F1 {f:.4f} ({len(sentences)} sentences)")


if __name__ == "__main__":
    main()
