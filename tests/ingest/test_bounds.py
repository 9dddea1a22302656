"""Extraction is bounded whatever the body: no sentence, model input or figure count grows
with copy that is not prose (issue 19: 30 KB of numbers held a core for 88 s). Times are
measured by bench/extraction_bounds.py, not here."""

from __future__ import annotations

from service.ingest.figures import find_figures
from service.ingest.figures.stage import MAX_FIGURES
from service.ingest.nlp.model import MAX_TOKENS, analyse
from service.ingest.parse.sentences import MAX_SENTENCE, split_sentences


def test_a_body_without_sentence_breaks_is_cut_into_bounded_sentences() -> None:
    body = "1 " * 5000
    sentences = split_sentences(body)
    assert len(sentences) > 1
    assert all(s.span.end - s.span.start <= MAX_SENTENCE for s in sentences)
    # nothing lost: the pieces cover every number
    assert sum(body[s.span.start : s.span.end].count("1") for s in sentences) == 5000


def test_the_model_reads_a_bounded_prefix_of_any_body() -> None:
    body = "Word " * 250_000  # 1.25 MB: past spaCy's own max_length
    doc = analyse(body)
    assert 0 < len(doc) <= MAX_TOKENS
    assert body.startswith(doc.text)


def test_a_table_of_numbers_yields_at_most_max_figures() -> None:
    body = "1 " * (MAX_FIGURES + 500)
    sentences = split_sentences(body)
    figures = find_figures(body, sentences, (), (), published_on=None, doc=analyse(body))
    assert len(figures) == MAX_FIGURES
