"""The real corpus's manifests (tests/gold/real/*/manifest.yaml) and its gold vocabulary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from evaluation.gold import GoldError, GoldSource, load_gold
from evaluation.real_corpus import (
    SPLITS,
    TOPICS,
    RealCorpusError,
    group_dirs,
    load_real_corpus,
    read_manifests,
)
from tests.evaluation.test_gold import GOLD_DIR

REAL_DIR = GOLD_DIR / "real"

GOOD_ENTRY = """
  - file: quake.txt
    outlet: Wikinews
    original_source: null
    headline: Quake hits Nepal
    published_at: '2023-11-04T00:00:00+00:00'
    url: https://en.wikinews.org/wiki/Quake_hits_Nepal
    licence: CC BY 2.5
    source: amir-zeldes/gum@72ce5ac14 xml/GUM_news_quake.xml
    attribution: Wikinews contributors, via the GUM corpus (Zeldes 2017)
    topic: disaster
    split: heldout
    event: nepal-quake
    note: the first of two reports
"""


def _group(root: Path, manifest: str, files: tuple[str, ...] = ("quake.txt",)) -> Path:
    group = root / "disaster_health"
    (group / "articles").mkdir(parents=True)
    for name in files:
        (group / "articles" / name).write_text("Quake hits Nepal\n\nA quake hit Nepal.\n")
    (group / "manifest.yaml").write_text(manifest)
    return group


def test_every_real_manifest_entry_is_complete() -> None:
    if not group_dirs(REAL_DIR):
        pytest.skip(f"no real gold group (a folder with manifest.yaml) under {REAL_DIR} yet")
    articles = read_manifests(REAL_DIR)  # raises, listing every problem
    assert articles
    for article in articles:
        where = f"{article.group}/{article.name}"
        assert article.licence.strip(), where
        assert article.source.strip(), where
        assert article.attribution.strip(), where
        assert article.topic in TOPICS, where
        assert article.split in SPLITS, where
        assert article.seed.path.is_file(), where


def test_the_real_gold_loads_and_names_only_described_articles() -> None:
    if not group_dirs(REAL_DIR):
        pytest.skip(f"no real gold group under {REAL_DIR} yet")
    corpus = load_real_corpus(REAL_DIR)  # raises GoldError or RealCorpusError
    assert corpus is not None
    assert corpus.scored <= set(corpus.labels)


def test_no_group_means_no_corpus(tmp_path: Path) -> None:
    (tmp_path / "disaster_health" / "articles").mkdir(parents=True)  # no manifest yet
    assert group_dirs(tmp_path) == ()
    assert load_real_corpus(tmp_path) is None
    assert load_real_corpus(tmp_path / "absent") is None


def test_a_good_entry_maps_to_seed_metadata(tmp_path: Path) -> None:
    _group(tmp_path, "articles:" + GOOD_ENTRY)
    (article,) = read_manifests(tmp_path)
    assert article.name == "quake.txt"
    assert (article.group, article.topic, article.split) == (
        "disaster_health",
        "disaster",
        "heldout",
    )
    assert article.event == "nepal-quake"
    meta = article.seed.meta
    assert (meta.outlet, meta.original_source, meta.headline) == (
        "Wikinews",
        None,
        "Quake hits Nepal",
    )
    assert meta.published_at == dt.datetime(2023, 11, 4, tzinfo=dt.UTC)
    assert meta.url == "https://en.wikinews.org/wiki/Quake_hits_Nepal"


def test_a_bare_list_manifest_is_read_too(tmp_path: Path) -> None:
    _group(tmp_path, GOOD_ENTRY)
    assert [a.name for a in read_manifests(tmp_path)] == ["quake.txt"]


def test_a_broken_entry_fails_loudly(tmp_path: Path) -> None:
    broken = """
articles:
  - file: quake.txt
    licence: CC BY-NC 4.0
    source: ''
    topic: weather
    split: test
    event: null
    licnece: CC BY 2.5
  - file: missing.txt
    licence: Public domain (USGS)
    source: https://www.usgs.gov/news/quake
    attribution: US Geological Survey
    topic: science
    split: tune
    event: [a, b]
    published_at: last Tuesday
"""
    _group(tmp_path, broken)
    with pytest.raises(RealCorpusError) as raised:
        read_manifests(tmp_path)
    message = str(raised.value)
    for problem in (
        "quake.txt: licence 'CC BY-NC 4.0' forbids commercial use or derivatives",
        "quake.txt: source must be a non-empty text",
        "quake.txt: attribution must be a non-empty text",
        "quake.txt: topic 'weather' is not one of",
        "quake.txt: split 'test' is not one of ['tune', 'heldout']",
        "quake.txt: unknown key 'licnece'",
        "missing.txt: no such article file",
        "missing.txt: event must be a cluster id or null",
        "missing.txt: published_at 'last Tuesday' is not an ISO 8601 date and time",
    ):
        assert problem in message


def test_one_file_name_in_two_groups_is_refused(tmp_path: Path) -> None:
    _group(tmp_path, "articles:" + GOOD_ENTRY)
    other = tmp_path / "business_sport"
    (other / "articles").mkdir(parents=True)
    (other / "articles" / "quake.txt").write_text("Quake hits Nepal\n")
    (other / "manifest.yaml").write_text("articles:" + GOOD_ENTRY)
    with pytest.raises(RealCorpusError, match="in the manifests of business_sport and"):
        read_manifests(tmp_path)


OPEN_GOLD = """
entities:
  - {id: nepal, kind: PLACE, names: [Nepal]}
articles:
  quake.txt:
    figures:
      - {text: "300", value: 300, approximation: EXACT, unit: flights,
         property: [flights, cancelled_flights], subject: nepal, status: exit_poll}
"""


def _gold_group(tmp_path: Path, gold: str) -> Path:
    group = tmp_path / "business_sport"
    (group / "articles").mkdir(parents=True)
    (group / "articles" / "quake.txt").write_text("Nepal\n\n300 flights were cancelled.\n")
    (group / "gold.yaml").write_text(gold)
    return group


def test_real_gold_takes_open_keys_units_and_statuses(tmp_path: Path) -> None:
    group = _gold_group(tmp_path, OPEN_GOLD)
    gold = load_gold([GoldSource(group / "gold.yaml", group / "articles", open_vocabulary=True)])
    (figure,) = gold.figures
    assert (figure.property, figure.properties) == ("flights", ("flights", "cancelled_flights"))
    assert (figure.unit, figure.status) == ("flights", "exit_poll")
    assert gold.facts() == {("nepal", "flights", None): (figure,)}


def test_the_seeds_vocabulary_stays_closed(tmp_path: Path) -> None:
    group = _gold_group(tmp_path, OPEN_GOLD)
    with pytest.raises(GoldError) as raised:
        load_gold([GoldSource(group / "gold.yaml", group / "articles")])
    message = str(raised.value)
    assert "is not a key in docs/extraction.md" in message
    assert "status 'exit_poll' unknown" in message


def test_open_keys_must_still_be_snake_case_and_statuses_known(tmp_path: Path) -> None:
    bad = OPEN_GOLD.replace("[flights, cancelled_flights]", "Cancelled Flights").replace(
        "exit_poll", "guess"
    )
    group = _gold_group(tmp_path, bad)
    with pytest.raises(GoldError) as raised:
        load_gold([GoldSource(group / "gold.yaml", group / "articles", open_vocabulary=True)])
    message = str(raised.value)
    assert "property keys ['Cancelled Flights'] are not snake_case" in message
    assert "status 'guess' unknown" in message


def test_gold_of_an_article_no_manifest_describes_is_refused(tmp_path: Path) -> None:
    group = _gold_group(tmp_path, OPEN_GOLD)
    (group / "articles" / "other.txt").write_text("Other\n")
    (group / "manifest.yaml").write_text("articles:" + GOOD_ENTRY.replace("quake.txt", "other.txt"))
    with pytest.raises(RealCorpusError, match="no manifest describes"):
        load_real_corpus(tmp_path)


def _thomas_file(tmp_path: Path, name: str, entity_id: str) -> Path:
    (tmp_path / f"{name}.txt").write_text(f"{entity_id} said so. Thomas agreed.\n")
    gold = tmp_path / f"{name}.yaml"
    gold.write_text(
        f"articles_dir: .\nentities:\n  - {{id: {entity_id}, kind: PERSON, names: [Thomas]}}\n"
        f"articles:\n  {name}.txt: {{}}\n"
    )
    return gold


def test_unrelated_real_stories_may_share_a_spelling(tmp_path: Path) -> None:
    court = _thomas_file(tmp_path, "court", "clarence-thomas")
    health = _thomas_file(tmp_path, "health", "thomas-sam")
    both_open = [GoldSource(court, open_vocabulary=True), GoldSource(health, open_vocabulary=True)]
    assert set(load_gold(both_open).entities) == {"clarence-thomas", "thomas-sam"}
    with pytest.raises(GoldError, match="name 'Thomas' is in clusters clarence-thomas and"):
        load_gold([GoldSource(court), GoldSource(health, open_vocabulary=True)])
