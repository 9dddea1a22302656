"""What the model reads: prose, not runs of bare numbers or a sentence said again and
again; real copy whole, as before (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.ingest.extract import readable
from service.ingest.nlp.model import MAX_TOKENS, analyse, analyse_many, pipeline
from service.ingest.nlp.prose import NUMBER_RUN, REPEATS, parts
from service.ingest.parse.article import parse_article

ROOT = Path(__file__).parents[3]
REAL_COPY = sorted([*ROOT.glob("tests/gold/**/*.txt"), *ROOT.glob("seeds/*.txt")])
STORY = "Police detained 500 people in Almaty on Monday, officials said. "


@pytest.mark.parametrize("path", REAL_COPY, ids=lambda p: p.name)
def test_the_model_reads_every_real_body_whole(path: Path) -> None:
    body = readable(parse_article(path.read_text(encoding="utf-8")).body)
    tokens = pipeline().make_doc(body)
    found = parts(tokens, MAX_TOKENS)
    assert [(p.start, p.end, p.read) for p in found] == [(0, len(tokens), True)]


def test_a_run_of_bare_numbers_is_not_read() -> None:
    text = STORY + "1 " * NUMBER_RUN + STORY
    doc = analyse(text)
    assert doc.text == text
    run = [t for t in doc if t.text == "1"]
    assert len(run) == NUMBER_RUN
    assert all(t.tag_ == "" for t in run)
    # the prose on both sides is read, each Almaty recognised
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["Almaty", "Almaty"]


def test_a_shorter_run_is_read() -> None:
    text = STORY + "1 " * (NUMBER_RUN - 2) + STORY  # the run: the story's "." and the 1s
    doc = analyse(text)
    assert all(t.tag_ != "" for t in doc)


def test_a_sentence_is_read_at_most_repeats_times() -> None:
    text = "".join(STORY.replace("500", str(n)) for n in range(REPEATS + 3))
    doc = analyse(text)
    assert doc.text == text[: len(doc.text)]
    read = [e.text for e in doc.ents if e.label_ == "GPE"]
    assert read == ["Almaty"] * REPEATS


def test_prose_after_skipped_copy_counts_to_the_token_cap() -> None:
    text = "1 " * 1_000 + "Word " * (MAX_TOKENS + 100)
    doc = analyse(text)
    assert sum(t.tag_ != "" for t in doc) == MAX_TOKENS
    assert text.startswith(doc.text)


def test_copy_that_is_all_numbers_gives_an_empty_parse() -> None:
    assert len(analyse("1 " * 50_000)) == 0


def test_one_by_one_and_batched_agree() -> None:
    texts = [STORY * 2, STORY + "1 " * 100 + STORY, "1 " * 100]
    one = [analyse(t) for t in texts]
    many = analyse_many(texts)
    for a, b in zip(one, many, strict=True):
        assert a.text == b.text
        assert [(t.tag_, t.dep_, t.ent_type_) for t in a] == [
            (t.tag_, t.dep_, t.ent_type_) for t in b
        ]
