"""The real corpus's measures on a small hand-made corpus and hand-made predictions."""

from __future__ import annotations

import dataclasses
import json

import pytest

from evaluation.gold import Gold, GoldEntity, GoldFigure
from evaluation.real_corpus import RealCorpus, load_real_corpus
from evaluation.real_score import (
    ALL,
    MEASURES,
    RealReport,
    loose_name,
    score_real,
)
from evaluation.report import check_thresholds, format_real_table, real_report_to_dict
from evaluation.run import check_real_floors
from evaluation.score import (
    PredictedEntity,
    PredictedFigure,
    PredictedMention,
    Predictions,
)
from tests.evaluation.predictions import perfect_figures, perfect_quotes, replace_figure

# Two outlets on one quake (tune), one business story held out.
ARTICLES = {
    "a.txt": (
        "Quake kills 120 in Nepal\n\nA magnitude 6.4 earthquake struck Nepal on Saturday, "
        "killing at least 120 people, officials said.\n"
        '"We are still searching," said Prakash Sharma.\n'
    ),
    "b.txt": (
        "Nepal toll rises\n\nThe death toll from the earthquake in Nepal rose to 157, "
        "according to police. The US Geological Survey put the magnitude at 5.7.\n"
    ),
    "c.txt": (
        "Swiss Re profit rises\n\nSwiss Re said its profit rose to 1.5bn euro in 2023. "
        "Munich Re's board cut 300 jobs.\n"
    ),
}
MANIFEST = """
articles:
  - {file: a.txt, licence: CC BY 2.5, source: s, attribution: t, topic: disaster,
     split: tune, event: nepal-quake}
  - {file: b.txt, licence: CC BY 2.5, source: s, attribution: t, topic: disaster,
     split: tune, event: nepal-quake}
  - {file: c.txt, licence: Public domain, source: s, attribution: t, topic: business,
     split: heldout, event: null}
"""
GOLD = """
entities:
  - {id: nepal, kind: PLACE, names: [Nepal]}
  - {id: sharma, kind: PERSON, names: [Prakash Sharma]}
  - {id: usgs, kind: ORGANIZATION, names: [US Geological Survey]}
  - {id: swiss-re, kind: ORGANIZATION, names: [Swiss Re]}
  - {id: munich-re, kind: ORGANIZATION, names: [Munich Re]}
merges:
  must_not: [[swiss-re, munich-re]]
articles:
  a.txt:
    figures:
      - {text: "6.4", value: 6.4, approximation: EXACT, unit: magnitude,
         property: magnitude, subject: nepal}
      - {text: at least 120 people, value: 120, approximation: AT_LEAST, unit: people,
         property: [deaths, killed], subject: nepal, attributed_to_text: officials}
    quotes:
      - {text: "We are still searching,", speaker: sharma}
    ignore: [Quake kills 120 in Nepal]
  b.txt:
    figures:
      - {text: "157", value: 157, approximation: EXACT, unit: people, property: deaths,
         subject: nepal, attributed_to_text: police, status: preliminary}
      - {text: "5.7", value: 5.7, approximation: EXACT, unit: magnitude,
         property: magnitude, subject: nepal, attributed_to: usgs}
  c.txt:
    figures:
      - {text: 1.5bn euro, value: 1500000000, approximation: EXACT, unit: EUR,
         property: profit, subject: swiss-re, attributed_to: swiss-re}
      - {text: 300 jobs, value: 300, approximation: EXACT, unit: jobs, property: job_cuts,
         subject: munich-re}
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> RealCorpus:
    root = tmp_path_factory.mktemp("real")
    group = root / "disaster_business"
    (group / "articles").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (group / "articles" / name).write_text(text)
    (group / "manifest.yaml").write_text(MANIFEST)
    (group / "gold.yaml").write_text(GOLD)
    loaded = load_real_corpus(root)
    assert loaded is not None
    return loaded


def perfect(gold: Gold) -> Predictions:
    """A flawless extractor's output, the raw copy standing for the parsed body."""
    figures, quotes = perfect_figures(gold), perfect_quotes(gold, partial=False)
    entities = []
    for i, entity in enumerate(gold.entities.values()):
        printed = [
            PredictedMention(article=name, text=spelling)
            for name, article in gold.articles.items()
            for spelling in entity.names
            if spelling in article.raw
        ]
        entities.append(
            PredictedEntity(
                id=i,
                kind=entity.kind,
                name=entity.names[0],
                aliases=entity.names[1:],
                articles=tuple(sorted({m.article for m in printed})),
                mentions=tuple(printed),
            )
        )
    bodies = {name: article.raw for name, article in gold.articles.items()}
    return Predictions(figures=figures, quotes=quotes, entities=tuple(entities), bodies=bodies)


def _figure(gold: Gold, text: str) -> GoldFigure:
    return next(f for f in gold.figures if f.text == text)


def _stray(corpus: RealCorpus, article: str, text: str) -> PredictedFigure:
    """A predicted figure on `text` that the gold does not hold."""
    raw = corpus.gold.articles[article].raw
    start = raw.index(text)
    return PredictedFigure(
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        body=raw,
        value=float(text),
        upper_bound=None,
        approximation="EXACT",
        unit="count",
        property=None,
        subject=None,
        subject_aliases=(),
        attributed_to=None,
        attributed_to_aliases=(),
        attributed_to_text=None,
        fact_id=None,
        qualifier=None,
        status=None,
    )


def _score(corpus: RealCorpus, predictions: Predictions) -> RealReport:
    return score_real(corpus.gold, predictions, corpus.labels)


def _ratio(report: RealReport, measure: str, column: str = ALL) -> float | None:
    return report.slices[column].shares[measure].ratio


def test_perfect_predictions_score_perfectly_in_every_slice(corpus: RealCorpus) -> None:
    report = _score(corpus, perfect(corpus.gold))
    assert list(report.slices) == [ALL, "tune", "heldout", "business", "disaster"]
    assert report.slices["tune"].articles == ("a.txt", "b.txt")
    assert report.slices["heldout"].articles == report.slices["business"].articles == ("c.txt",)
    everything = report.slices[ALL]
    for measure, share in everything.shares.items():
        expected = 0 if measure == "malformed_entities" else share.total
        assert (share.hits, share.items) == (expected, ()), measure
    assert everything.shares["numbers.recall"].total == 6
    assert everything.shares["status"].total == 1  # only 157 has a gold status
    assert everything.shares["concept"].total == 6
    assert everything.shares["cross_source_joins"].total == 2  # deaths and magnitude
    assert everything.shares["malformed_entities"].total == 5
    assert everything.counts == {"false_merges": 0, "must_not_merged": 0}
    assert report.slices["heldout"].shares["cross_source_joins"].ratio is None


def test_a_stray_number_is_a_false_positive_unless_ignored(corpus: RealCorpus) -> None:
    predictions = perfect(corpus.gold)
    year = _stray(corpus, "c.txt", "2023")
    headline = _stray(corpus, "a.txt", "120")  # in the headline, an `ignore` string
    predictions = dataclasses.replace(predictions, figures=(*predictions.figures, year, headline))
    report = _score(corpus, predictions)
    precision = report.slices[ALL].shares["numbers.precision"]
    assert (precision.hits, precision.total) == (6, 7)
    at = ARTICLES["c.txt"].index("2023")
    assert precision.items == (f"c.txt: '2023'@{at} = EXACT 2023 count",)
    assert _ratio(report, "numbers.precision", "heldout") == 2 / 3
    assert _ratio(report, "numbers.precision", "tune") == 1.0
    assert _ratio(report, "numbers.recall") == 1.0


def test_a_wrong_value_is_missed_and_false_and_judges_nothing_else(corpus: RealCorpus) -> None:
    predictions = replace_figure(perfect(corpus.gold), _figure(corpus.gold, "157"), value=156.0)
    report = _score(corpus, predictions)
    assert _ratio(report, "numbers.recall", "tune") == 3 / 4
    assert _ratio(report, "numbers.precision", "tune") == 3 / 4
    assert report.slices["tune"].shares["units"].total == 3
    assert report.slices["tune"].shares["status"].total == 0
    assert _ratio(report, "numbers.recall", "heldout") == 1.0


def test_count_is_not_people(corpus: RealCorpus) -> None:
    predictions = replace_figure(perfect(corpus.gold), _figure(corpus.gold, "157"), unit="count")
    units = _score(corpus, predictions).slices["disaster"].shares["units"]
    assert (units.hits, units.total) == (3, 4)
    assert units.items == ("b.txt: '157': unit count, gold people",)


def test_concept_takes_any_listed_key_and_nothing_else(corpus: RealCorpus) -> None:
    gold = corpus.gold
    killed = replace_figure(perfect(gold), _figure(gold, "at least 120 people"), property="killed")
    assert _ratio(_score(corpus, killed), "concept") == 1.0
    injured = replace_figure(
        perfect(gold), _figure(gold, "at least 120 people"), property="injured"
    )
    assert _ratio(_score(corpus, injured), "concept") == 5 / 6
    missing = replace_figure(perfect(gold), _figure(gold, "300 jobs"), property=None)
    assert _ratio(_score(corpus, missing), "concept", "business") == 1 / 2


def test_subject_matches_any_spelling_and_not_another_entity(corpus: RealCorpus) -> None:
    gold = corpus.gold
    figure = _figure(gold, "300 jobs")
    aliased = replace_figure(perfect(gold), figure, subject="MUNICH RE", subject_aliases=("MR",))
    assert _ratio(_score(corpus, aliased), "subject") == 1.0
    wrong = replace_figure(perfect(gold), figure, subject="Swiss Re")
    report = _score(corpus, wrong)
    assert _ratio(report, "subject", "heldout") == 1 / 2
    assert _ratio(report, "subject", "tune") == 1.0
    none = replace_figure(perfect(gold), figure, subject=None)
    assert _ratio(_score(corpus, none), "subject") == 5 / 6


def test_attribution_none_for_none_and_a_description_for_a_description(
    corpus: RealCorpus,
) -> None:
    gold = corpus.gold
    lost = replace_figure(perfect(gold), _figure(gold, "157"), attributed_to_text=None)
    assert _ratio(_score(corpus, lost), "attribution") == 5 / 6
    invented = replace_figure(
        perfect(gold), _figure(gold, "6.4"), attributed_to="US Geological Survey"
    )
    assert _ratio(_score(corpus, invented), "attribution") == 5 / 6
    described = replace_figure(perfect(gold), _figure(gold, "157"), attributed_to_text="the police")
    assert _ratio(_score(corpus, described), "attribution") == 1.0


def test_status_is_judged_where_the_gold_has_one(corpus: RealCorpus) -> None:
    gold = corpus.gold
    final = replace_figure(perfect(gold), _figure(gold, "157"), status="final")
    assert _ratio(_score(corpus, final), "status") == 0.0
    extra = replace_figure(perfect(gold), _figure(gold, "5.7"), status="final")
    assert _ratio(_score(corpus, extra), "status") == 1.0  # no gold status: not judged


def test_malformed_entities_are_spellings_no_gold_name_has(corpus: RealCorpus) -> None:
    predictions = perfect(corpus.gold)
    nepal = next(e for e in predictions.entities if e.name == "Nepal")
    fine = dataclasses.replace(
        nepal,
        mentions=(
            *nepal.mentions,
            PredictedMention("b.txt", "NEPAL"),
            PredictedMention("b.txt", "Nepal’s"),
        ),
    )
    swapped = tuple(fine if e is nepal else e for e in predictions.entities)
    report = _score(corpus, dataclasses.replace(predictions, entities=swapped))
    assert _ratio(report, "malformed_entities") == 0.0
    glued = PredictedEntity(
        id=99,
        kind="PLACE",
        name="Nepal Saturday",
        aliases=(),
        articles=("a.txt",),
        mentions=(PredictedMention("a.txt", "Nepal Saturday"),),
    )
    entities = (*predictions.entities, glued)
    report = _score(corpus, dataclasses.replace(predictions, entities=entities))
    malformed = report.slices[ALL].shares["malformed_entities"]
    assert (malformed.hits, malformed.total) == (1, 6)
    assert malformed.items == ("a.txt: entity 99 PLACE: 'Nepal Saturday'",)
    assert _ratio(report, "malformed_entities", "heldout") == 0.0


def test_loose_name() -> None:
    assert loose_name("Tokayev’s") == loose_name("TOKAYEV") == "tokayev"
    assert loose_name("Citizens'") == "citizens"
    assert loose_name("Zürich") == "zurich"


def test_a_split_fact_is_a_lost_join(corpus: RealCorpus) -> None:
    predictions = replace_figure(perfect(corpus.gold), _figure(corpus.gold, "157"), fact_id=1000)
    report = _score(corpus, predictions)
    joins = report.slices["tune"].shares["cross_source_joins"]
    assert (joins.hits, joins.total) == (1, 2)
    assert joins.items == ("nepal-quake: nepal/deaths/None in fact 1, fact 1000",)
    missing = dataclasses.replace(
        perfect(corpus.gold),
        figures=tuple(p for p in perfect(corpus.gold).figures if p.text != "5.7"),
    )
    assert _ratio(_score(corpus, missing), "cross_source_joins") == 1 / 2
    unfiled = perfect(corpus.gold)
    for text in ("6.4", "5.7"):  # both outside any fact: sharing "no fact" is no join
        unfiled = replace_figure(unfiled, _figure(corpus.gold, text), fact_id=None)
    assert _ratio(_score(corpus, unfiled), "cross_source_joins") == 1 / 2


def test_quotes_and_speakers(corpus: RealCorpus) -> None:
    predictions = perfect(corpus.gold)
    quotes = tuple(dataclasses.replace(q, speaker="Munich Re") for q in predictions.quotes)
    report = _score(corpus, dataclasses.replace(predictions, quotes=quotes))
    assert _ratio(report, "quotes.recall") == 1.0
    assert _ratio(report, "quote_speakers.precision", "disaster") == 0.0
    assert _ratio(report, "quote_speakers.recall") == 0.0
    assert _ratio(report, "quote_speakers.recall", "business") is None


def test_a_false_merge_fails_the_real_gate(corpus: RealCorpus) -> None:
    from evaluation.run import THRESHOLDS

    predictions = perfect(corpus.gold)
    assert (
        check_thresholds(_score(corpus, predictions).slices[ALL].report, THRESHOLDS["real"]) == []
    )
    swiss = next(e for e in predictions.entities if e.name == "Swiss Re")
    munich = next(e for e in predictions.entities if e.name == "Munich Re")
    merged = dataclasses.replace(
        swiss, aliases=("Munich Re",), mentions=swiss.mentions + munich.mentions
    )
    entities = tuple(merged if e is swiss else e for e in predictions.entities if e is not munich)
    report = _score(corpus, dataclasses.replace(predictions, entities=entities))
    assert report.slices["business"].counts == {"false_merges": 1, "must_not_merged": 1}
    assert report.slices["tune"].counts["false_merges"] == 0
    failures = check_thresholds(report.slices[ALL].report, THRESHOLDS["real"])
    assert failures == ["false_merges: 1 > 0"]


def test_real_table_and_json(corpus: RealCorpus) -> None:
    predictions = replace_figure(perfect(corpus.gold), _figure(corpus.gold, "157"), unit="count")
    report = _score(corpus, predictions)
    lines = format_real_table(report).splitlines()
    assert lines[0].split() == ["measure", ALL, "tune", "heldout", "business", "disaster"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:]}
    assert list(rows) == ["articles", *MEASURES]
    assert rows["articles"] == ["3", "2", "1", "1", "2"]
    assert rows["units"][:4] == ["0.833", "5/6", "0.750", "3/4"]
    assert rows["status"][-4:] == ["-", "0/0", "1.000", "1/1"]
    as_json = json.loads(json.dumps(real_report_to_dict(report)))
    assert as_json["tune"]["measures"]["units"] == {"value": 0.75, "hits": 3, "total": 4}
    assert as_json[ALL]["items"]["units"] == ["b.txt: '157': unit count, gold people"]
    assert as_json[ALL]["measures"]["false_merges"] == 0
    assert "items" not in as_json["tune"]


def test_a_spelling_two_clusters_share_is_no_evidence_of_a_merge(corpus: RealCorpus) -> None:
    entities = dict(corpus.gold.entities)
    for entity_id, name in (("swiss-re", "Swiss Re"), ("munich-re", "Munich Re")):
        entities[entity_id] = GoldEntity(entity_id, "ORGANIZATION", (name, "Re"))
    gold = dataclasses.replace(corpus.gold, entities=entities)
    # Each predicted company holds its own name and the shared "Re": both are right.
    report = score_real(gold, perfect(gold), corpus.labels).slices[ALL]
    assert report.counts == {"false_merges": 0, "must_not_merged": 0}
    assert report.report.metrics["entity_merges"].precision == 1.0


def test_a_join_with_a_held_out_article_is_held_out(corpus: RealCorpus) -> None:
    labels = dict(corpus.labels)
    labels["b.txt"] = dataclasses.replace(labels["b.txt"], split="heldout")
    predictions = replace_figure(perfect(corpus.gold), _figure(corpus.gold, "157"), fact_id=1000)
    report = score_real(corpus.gold, predictions, labels)
    assert report.slices["tune"].shares["cross_source_joins"].total == 0
    heldout = report.slices["heldout"].shares["cross_source_joins"]
    assert (heldout.hits, heldout.total) == (1, 2)
    assert report.slices["disaster"].shares["cross_source_joins"].total == 2
    assert report.slices["business"].shares["cross_source_joins"].total == 0


def test_ci_fails_when_a_real_measure_falls_under_its_floor(corpus: RealCorpus) -> None:
    assert check_real_floors(_score(corpus, perfect(corpus.gold))) == []
    gold = corpus.gold
    no_units = perfect(gold)
    for figure in gold.figures:
        no_units = replace_figure(no_units, figure, unit="count")
    failures = check_real_floors(_score(corpus, no_units))
    assert [f.split(":")[0] for f in failures] == ["units"]
