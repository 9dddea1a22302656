"""The scorer on hand-made predictions built from the gold itself."""

from __future__ import annotations

import dataclasses
import json

import pytest

from evaluation.gold import Gold, GoldEntity, GoldFigure, gold_sources, load_gold
from evaluation.report import check_thresholds, format_table, report_to_dict
from evaluation.score import (
    CATEGORIES,
    Metric,
    PredictedEntity,
    Predictions,
    Report,
    locate,
    score,
)
from tests.evaluation.predictions import perfect_figures, perfect_quotes, replace_figure
from tests.evaluation.test_gold import GOLD_DIR, seeds_dir

SEED_000 = "000_f9b1461cc6b3d973.txt"
SEED_002 = "002_5ff466a66850c255.txt"
SEED_004 = "004_d5dc6f06da05cd96.txt"


@pytest.fixture(scope="module")
def gold() -> Gold:
    return load_gold(gold_sources(GOLD_DIR, seeds_dir()))


def perfect(gold: Gold) -> Predictions:
    """What a flawless extractor would store, with the raw copy standing for the body."""
    figures, quotes = perfect_figures(gold), perfect_quotes(gold)
    entities = tuple(
        PredictedEntity(id=i, kind=e.kind, name=e.names[0], aliases=e.names[1:], articles=())
        for i, e in enumerate(gold.entities.values())
    )
    bodies = {name: article.raw for name, article in gold.articles.items()}
    return Predictions(figures=figures, quotes=quotes, entities=entities, bodies=bodies)


def _gold_figure(gold: Gold, article: str, text: str) -> GoldFigure:
    return next(f for f in gold.articles[article].figures if f.text == text)


def test_perfect_predictions_score_one_everywhere(gold: Gold) -> None:
    report = score(gold, perfect(gold))
    for category in CATEGORIES:
        metric = report.metrics[category]
        assert (metric.precision, metric.recall, metric.f1) == (1.0, 1.0, 1.0), category
        assert metric.tp > 0, category
    assert report.false_merges == ()
    assert report.must_not_merged == ()
    assert report.boilerplate_figures == ()


def test_gold_is_located_in_a_cleaned_body(gold: Gold) -> None:
    article = gold.articles[SEED_002]
    # A parser keeps the headline, standfirst and captions apart, strips the indentation
    # and turns no-break spaces into spaces; the scorer reads the standfirst and captions
    # after the body (evaluation.run.ScoredText), where seed 002's "700" is printed.
    lines = [line.strip().replace("\xa0", " ") for line in article.raw.splitlines()]
    body = "\n\n".join(line for line in lines[6:] + lines[2:5] if line)
    anchors = [(f.raw_start, f.text) for f in article.figures]
    anchors += [(q.raw_start, q.text) for q in article.quotes]
    for raw_start, text in anchors:
        start = locate(article, raw_start, len(text), body)
        assert start is not None, text
        assert body[start:].startswith(text)


def test_a_missing_figure_lowers_recall_only(gold: Gold) -> None:
    missing = _gold_figure(gold, SEED_004, "70.8 per cent")
    predictions = perfect(gold)
    predictions = dataclasses.replace(
        predictions,
        figures=tuple(
            p
            for p in predictions.figures
            if (p.article, p.start) != (missing.article, missing.raw_start)
        ),
    )
    report = score(gold, predictions)
    figures = report.metrics["figures"]
    assert figures.fn == 1
    assert figures.precision == 1.0
    assert figures.recall < 1.0
    assert any("70.8 per cent" in miss for miss in report.misses["figures"])
    assert report.metrics["facts"].fn == 1  # Tokayev's vote share is now incomplete


def test_wrong_subject_counts_against_sourced_values_not_figures(gold: Gold) -> None:
    figure = _gold_figure(gold, SEED_004, "70.8 per cent")
    predictions = replace_figure(perfect(gold), figure, subject="Amirzhan Kosanov")
    report = score(gold, predictions)
    assert report.metrics["figures"].f1 == 1.0
    sourced = report.metrics["sourced_values"]
    assert (sourced.fp, sourced.fn) == (1, 1)
    assert sourced.recall < 1.0


def test_subject_matches_on_any_spelling_ignoring_case_and_accents(gold: Gold) -> None:
    figure = _gold_figure(gold, SEED_004, "70.8 per cent")
    predictions = replace_figure(
        perfect(gold), figure, subject="Tokayev K.", subject_aliases=("TOQAEV",)
    )
    assert score(gold, predictions).metrics["sourced_values"].f1 == 1.0


def test_wrong_value_or_approximation_is_not_a_figure_hit(gold: Gold) -> None:
    figure = _gold_figure(gold, SEED_002, "nearly 71 percent")
    predictions = replace_figure(perfect(gold), figure, approximation="EXACT")
    report = score(gold, predictions)
    assert (report.metrics["figures"].fp, report.metrics["figures"].fn) == (1, 1)


def test_a_must_not_merge_is_a_false_merge(gold: Gold) -> None:
    predictions = perfect(gold)
    father = next(e for e in predictions.entities if e.name == "Nursultan Nazarbaev")
    daughter = next(e for e in predictions.entities if e.name == "Dariga Nazarbayeva")
    merged = dataclasses.replace(father, aliases=(*father.aliases, daughter.name))
    entities = tuple(
        merged if e is father else e for e in predictions.entities if e is not daughter
    )
    report = score(gold, dataclasses.replace(predictions, entities=entities))
    assert report.must_not_merged == (("nazarbayev", "nazarbayeva"),)
    assert len(report.false_merges) == 1
    merges = report.metrics["entity_merges"]
    assert merges.fp > 0
    assert merges.precision < 1.0


def test_an_unmerged_spelling_lowers_merge_recall(gold: Gold) -> None:
    predictions = perfect(gold)
    tokayev = next(e for e in predictions.entities if e.name == "Qasym-Zhomart Toqaev")
    split = (
        dataclasses.replace(tokayev, aliases=tuple(a for a in tokayev.aliases if a != "Toqayev")),
        PredictedEntity(id=999, kind="PERSON", name="Toqayev", aliases=(), articles=()),
    )
    entities = tuple(e for e in predictions.entities if e is not tokayev) + split
    merges = score(gold, dataclasses.replace(predictions, entities=entities)).metrics[
        "entity_merges"
    ]
    assert merges.precision == 1.0
    assert merges.recall < 1.0


def test_a_poem_with_a_speaker_is_a_speaker_error(gold: Gold) -> None:
    predictions = perfect(gold)
    quotes = tuple(
        dataclasses.replace(q, speaker="Anuar Nurpeisov")
        if q.article == SEED_004 and q.text.startswith("Wake up, Kazakh!")
        else q
        for q in predictions.quotes
    )
    report = score(gold, dataclasses.replace(predictions, quotes=quotes))
    assert report.metrics["quotes"].f1 == 1.0
    speakers = report.metrics["quote_speakers"]
    assert speakers.fp == 1
    assert speakers.precision < 1.0
    assert any("pinned on Anuar Nurpeisov" in fp for fp in report.false_positives["quote_speakers"])


def test_an_unnamed_speaker_matches_by_description(gold: Gold) -> None:
    predictions = perfect(gold)
    quotes = tuple(
        dataclasses.replace(q, speaker_text="An unnamed young woman at a demonstration")
        if q.speaker_text == "an unnamed young woman"
        else q
        for q in predictions.quotes
    )
    report = score(gold, dataclasses.replace(predictions, quotes=quotes))
    assert report.metrics["quote_speakers"].f1 == 1.0


def test_splitting_a_fact_loses_it(gold: Gold) -> None:
    figure = _gold_figure(gold, SEED_004, "70.8 per cent")
    report = score(gold, replace_figure(perfect(gold), figure, fact_id=10_000))
    facts = report.metrics["facts"]
    assert (facts.fp, facts.fn) == (2, 1)  # two partial predicted facts, one gold fact lost


def test_a_boilerplate_figure_is_counted(gold: Gold) -> None:
    raw = gold.articles[SEED_000].raw
    start = raw.index("1201 Connecticut")
    template = perfect(gold).figures[0]
    stray = dataclasses.replace(
        template, article=SEED_000, text="1201", start=start, end=start + 4, property=None
    )
    predictions = perfect(gold)
    predictions = dataclasses.replace(predictions, figures=(*predictions.figures, stray))
    report = score(gold, predictions)
    assert len(report.boilerplate_figures) == 1
    assert report.metrics["figures"].fp == 0  # no property, no gold: not a claim


def test_an_unpredicted_article_misses_everything_in_it(gold: Gold) -> None:
    predictions = perfect(gold)
    bodies = {k: v for k, v in predictions.bodies.items() if k != SEED_004}
    report = score(gold, dataclasses.replace(predictions, bodies=bodies))
    assert report.metrics["figures"].fn == len(gold.articles[SEED_004].figures)


def test_report_table_dict_and_thresholds(gold: Gold) -> None:
    report = score(gold, perfect(gold))
    table = format_table(report)
    assert table.splitlines()[0].startswith("category")
    assert all(category in table for category in CATEGORIES)
    as_json = json.loads(json.dumps(report_to_dict(report)))
    assert as_json["metrics"]["facts"]["f1"] == 1.0
    assert check_thresholds(report, {"facts": 0.9, "quotes.recall": 1.0, "false_merges": 0}) == []
    worse = Report(
        metrics={**report.metrics, "facts": Metric.from_counts(1, 1, 1)},
        false_merges=("entity 1",),
        must_not_merged=(),
        boilerplate_figures=(),
    )
    failures = check_thresholds(worse, {"facts": 0.9, "false_merges": 0, "quotes.recal": 0.5})
    assert failures == [
        "facts.f1: 0.500 < 0.900",
        "false_merges: 1 > 0",
        "quotes.recal: unknown threshold",
    ]


def test_metric_from_counts() -> None:
    assert Metric.from_counts(3, 1, 0) == Metric(3, 1, 0, 0.75, 1.0, 6 / 7)
    assert Metric.from_counts(0, 0, 0).f1 == 1.0
    assert Metric.from_counts(0, 2, 2).f1 == 0.0


def test_a_surname_printed_only_inside_the_full_name_is_no_merge_to_find() -> None:
    gold = Gold(
        entities={"k": GoldEntity("k", "PERSON", ("Marat Kozhayev", "Kozhayev"))},
        articles={},
        must_not=(),
    )
    entity = PredictedEntity(id=1, kind="PERSON", name="Marat Kozhayev", aliases=(), articles=())
    full_only = Predictions((), (), (entity,), {"a.txt": "Minister Marat Kozhayev said."})
    assert score(gold, full_only).metrics["entity_merges"].fn == 0
    bare = Predictions((), (), (entity,), {"a.txt": "Marat Kozhayev spoke. Kozhayev said."})
    assert score(gold, bare).metrics["entity_merges"].fn == 1
