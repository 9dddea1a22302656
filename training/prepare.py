"""Openly licensed treebanks -> spaCy DocBin files (train, dev, test) for ``spacy train``.

Reads the treebanks straight from their git directories (``git show COMMIT:path``), so
every file used is named by a commit. Writes nothing inside the repository.

- UD English EWT (CC BY-SA 4.0): words, spaces, lemmas, UPOS, XPOS, heads, relations.
  The released ``en_ewt-ud-train.conllu`` is absent from the mirror; the repository's own
  build (``not-to-release/tools/build.py``) is a plain concatenation of the per-document
  sources listed in ``not-to-release/file-lists/files.<split>``, which is what is done here.
- Universal NER English EWT (CC BY-SA 4.0): PER/ORG/LOC spans, joined to EWT by
  ``sent_id`` (a sentence whose words differ is left without entity annotation). Labels
  are written as OntoNotes ones (PER -> PERSON, ORG -> ORG, LOC -> GPE) so that the model
  reads like ``en_core_web_sm`` to Factdesk and to tests/ingest/nlp/treebank.py.
- GUM (annotations CC BY 4.0; texts per genre): only the genres whose text licence allows
  commercial use (GUM_GENRES). Named entities come from GUM's coreference entities of type
  person/organization/place whose head word is a proper noun: the run of proper nouns
  around that head inside the mention ("Professor Cres Eastman" -> "Cres Eastman" when
  "Professor" is a common noun).

Splits: train = EWT train (no entity annotation: UNER's train file is absent) + the first
EWT dev documents (with UNER) + GUM's allowed genres; dev = the last DEV_HELD EWT dev
sentences (with UNER); test = EWT test with UNER test.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import spacy
from spacy.tokens import Doc, DocBin

GUM_GENRES = ("news", "interview", "academic", "court", "bio", "voyage")
UNER_TO_ONTONOTES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
GUM_TO_ONTONOTES = {"person": "PERSON", "organization": "ORG", "place": "GPE"}
SENTENCES_PER_DOC = 10
DEV_HELD = 500


@dataclass(slots=True)
class Sentence:
    doc_id: str
    sent_id: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based, absolute within sentence
    deps: list[str] = field(default_factory=list)
    misc: list[str] = field(default_factory=list)
    ents: list[str | None] | None = None  # IOB tags; None: not annotated


def git_show(repo: Path, path: str, commit: str = "HEAD") -> str:
    return subprocess.run(  # noqa: S603
        ["git", "-C", str(repo), "show", f"{commit}:{path}"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def git_head(repo: Path) -> str:
    return git_show_cmd(repo, "rev-parse", "HEAD").strip()


def git_ls(repo: Path, under: str) -> list[str]:
    return git_show_cmd(repo, "ls-tree", "-r", "--name-only", "HEAD", under).split()


def git_show_cmd(repo: Path, *args: str) -> str:
    return subprocess.run(  # noqa: S603
        ["git", "-C", str(repo), *args],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def read_conllu(text: str, default_doc: str) -> Iterator[Sentence]:
    """Sentences of CoNLL-U text: syntactic words only (ranges and empty nodes skipped)."""
    doc_id = default_doc
    sent_id = ""
    rows: list[list[str]] = []
    for line in (*text.splitlines(), ""):
        if not line.strip():
            if rows:
                yield _sentence(doc_id, sent_id, rows)
            rows = []
            continue
        if line.startswith("#"):
            if m := re.match(r"#\s*newdoc id\s*=\s*(\S+)", line):
                doc_id = m.group(1)
            elif m := re.match(r"#\s*sent_id\s*=\s*(\S+)", line):
                sent_id = m.group(1)
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        rows.append(cols)


def _sentence(doc_id: str, sent_id: str, rows: list[list[str]]) -> Sentence:
    s = Sentence(doc_id=doc_id, sent_id=sent_id)
    for i, cols in enumerate(rows):
        s.words.append(cols[1])
        s.spaces.append("SpaceAfter=No" not in cols[9].split("|"))
        s.lemmas.append(cols[2])
        s.upos.append(cols[3])
        s.xpos.append(cols[4])
        head = int(cols[6])
        s.heads.append(i if head == 0 else head - 1)
        s.deps.append("ROOT" if head == 0 else cols[7])
        s.misc.append(cols[9])
    return s


def read_iob2(text: str) -> dict[str, tuple[list[str], list[str]]]:
    """UNER IOB2 by sent_id: (words, tags)."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    sent_id = ""
    words: list[str] = []
    tags: list[str] = []
    for line in (*text.splitlines(), ""):
        if not line.strip():
            if words:
                out[sent_id] = (words, tags)
            words, tags = [], []
            continue
        if line.startswith("#"):
            if m := re.match(r"#\s*sent_id\s*=\s*(\S+)", line):
                sent_id = m.group(1)
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    return out


def uner_tags(tags: list[str]) -> list[str | None]:
    """UNER tags -> OntoNotes-labelled IOB tags (OTH and other labels become O)."""
    out: list[str | None] = []
    for tag in tags:
        prefix, _, label = tag.partition("-")
        if prefix in ("B", "I") and label in UNER_TO_ONTONOTES:
            # An I- after O would be an invalid start: spaCy wants B- there.
            if prefix == "I" and (not out or out[-1] in ("O", None)):
                prefix = "B"
            out.append(f"{prefix}-{UNER_TO_ONTONOTES[label]}")
        else:
            out.append("O")
    return out


def attach_uner(sentences: list[Sentence], uner: dict[str, tuple[list[str], list[str]]]) -> int:
    joined = 0
    for s in sentences:
        found = uner.get(s.sent_id)
        if found is not None and found[0] == s.words:
            s.ents = uner_tags(found[1])
            joined += 1
    return joined


def gum_entities(s: Sentence) -> list[str | None]:
    """Named person/organization/place entities of a GUM sentence as IOB tags."""
    spans: list[tuple[int, int, str]] = []
    open_: dict[str, tuple[int, str]] = {}
    for i, misc in enumerate(s.misc):
        entity = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        # e.g. "(1-person-new-...-coref(3-substance-...)" or "2)" or "1)3)"
        for part in re.findall(r"\([^()]*\)?|\d+\)", entity):
            if part.startswith("("):
                eid, _, rest = part[1:].partition("-")
                etype = rest.split("-", 1)[0]
                if part.endswith(")"):
                    spans.append((i, i + 1, etype))
                else:
                    open_[eid] = (i, etype)
            else:
                eid = part[:-1]
                if eid in open_:
                    start, etype = open_.pop(eid)
                    spans.append((start, i + 1, etype))
    tags: list[str | None] = ["O"] * len(s.words)
    named: list[tuple[int, int, str]] = []
    for start, end, etype in spans:
        if etype not in GUM_TO_ONTONOTES:
            continue
        inside = range(start, end)
        heads = [i for i in inside if s.heads[i] not in inside or s.heads[i] == i]
        if len(heads) != 1 or s.upos[heads[0]] != "PROPN":
            continue
        label = GUM_TO_ONTONOTES[etype]
        lo, hi = _name_run(s, heads[0], start, end, loose=label != "PERSON")
        named.append((lo, hi + 1, label))
    # Innermost first: a nested name keeps its own type; overlaps are dropped.
    for lo, hi, label in sorted(named, key=lambda n: n[1] - n[0]):
        if all(t == "O" for t in tags[lo:hi]):
            tags[lo] = f"B-{label}"
            for k in range(lo + 1, hi):
                tags[k] = f"I-{label}"
    return tags


CONNECTORS = frozenset({"of", "and", "for", "the", "de", "&", "-"})


def _name_run(s: Sentence, head: int, start: int, end: int, *, loose: bool) -> tuple[int, int]:
    """The name around ``head`` inside the mention [start, end): proper nouns for a person
    (titles such as "Professor" stay out); for a place or organisation also capitalised
    words and inner connectors ("New York", "University of Texas", "Democratic Party")."""

    def part(i: int) -> bool:
        if s.upos[i] == "PROPN":
            return True
        return loose and s.words[i][:1].isupper() and s.upos[i] in ("ADJ", "NOUN", "VERB", "NUM")

    def connector(i: int, step: int) -> bool:
        j = i + step
        return loose and s.words[i].lower() in CONNECTORS and start <= j < end and part(j)

    lo = hi = head
    while lo - 1 >= start and (part(lo - 1) or connector(lo - 1, -1)):
        lo -= 1
    while hi + 1 < end and (part(hi + 1) or connector(hi + 1, 1)):
        hi += 1
    return lo, hi


def to_docs(nlp: spacy.language.Language, sentences: Iterable[Sentence]) -> Iterator[Doc]:
    """Sentences grouped into docs of up to SENTENCES_PER_DOC, never across documents."""
    group: list[Sentence] = []
    for s in sentences:
        if group and (group[-1].doc_id != s.doc_id or len(group) == SENTENCES_PER_DOC):
            yield _doc(nlp, group)
            group = []
        group.append(s)
    if group:
        yield _doc(nlp, group)


def _doc(nlp: spacy.language.Language, group: list[Sentence]) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool | int | None] = []
    ents: list[str | None] = []
    for s in group:
        offset = len(words)
        words += s.words
        spaces += s.spaces
        spaces[-1] = True
        lemmas += s.lemmas
        pos += s.upos
        tags += s.xpos
        heads += [offset + h for h in s.heads]
        deps += s.deps
        starts += [True] + [False] * (len(s.words) - 1)
        ents += s.ents if s.ents is not None else [None] * len(s.words)
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        tags=tags,
        heads=heads,
        deps=deps,
        sent_starts=starts,
        # None marks a token without entity annotation (missing, not O); spaCy accepts
        # it although its stub says list[str].
        ents=cast("list[str]", ents),
    )


def ewt_split(ewt: Path, split: str) -> list[Sentence]:
    files = git_show(ewt, f"not-to-release/file-lists/files.{split}").split()
    text = "".join(git_show(ewt, f"not-to-release/sources/{f}") for f in files)
    released = f"en_ewt-ud-{split}.conllu"
    if split != "train":  # the released dev/test files exist: check the build equals them
        assert text == git_show(ewt, released), f"{released} differs from its sources"
    return list(read_conllu(text, default_doc=f"ewt-{split}"))


def stats(name: str, sentences: list[Sentence]) -> str:
    tokens = sum(len(s.words) for s in sentences)
    with_ents = sum(s.ents is not None for s in sentences)
    return f"{name}: {len(sentences)} sentences, {tokens} tokens, {with_ents} with entities"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--ewt", type=Path, required=True)
    parser.add_argument("--uner", type=Path, required=True)
    parser.add_argument("--gum", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    nlp = spacy.blank("en")

    train, dev, test = (ewt_split(args.ewt, s) for s in ("train", "dev", "test"))
    joined_dev = attach_uner(dev, read_iob2(git_show(args.uner, "en_ewt-ud-dev.iob2")))
    joined_test = attach_uner(test, read_iob2(git_show(args.uner, "en_ewt-ud-test.iob2")))
    print(f"UNER joined: dev {joined_dev}/{len(dev)}, test {joined_test}/{len(test)}")
    dev_train, dev_held = dev[:-DEV_HELD], dev[-DEV_HELD:]

    gum: list[Sentence] = []
    for path in git_ls(args.gum, "dep/"):
        name = path.rsplit("/", 1)[-1]
        genre = name.split("_")[1] if name.startswith("GUM_") else ""
        if genre in GUM_GENRES and name.endswith(".conllu"):
            for s in read_conllu(git_show(args.gum, path), default_doc=name):
                s.ents = gum_entities(s)
                gum.append(s)

    print(f"commits: EWT {git_head(args.ewt)} UNER {git_head(args.uner)} GUM {git_head(args.gum)}")
    for name, part in (
        ("EWT train", train),
        ("EWT dev -> train", dev_train),
        ("EWT dev -> dev", dev_held),
        ("EWT test", test),
        (f"GUM {'/'.join(GUM_GENRES)}", gum),
    ):
        print(stats(name, part))
    args.out.mkdir(parents=True, exist_ok=True)
    for split, parts in (
        ("train", (train, dev_train, gum)),
        ("dev", (dev_held,)),
        ("test", (test,)),
    ):
        docs = [d for part in parts for d in to_docs(nlp, part)]
        DocBin(docs=docs, store_user_data=False).to_disk(args.out / f"{split}.spacy")
        print(f"{split}.spacy: {len(docs)} docs")


if __name__ == "__main__":
    main()
