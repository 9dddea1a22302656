"""The gold annotations load, agree with the copy and say what the product promises."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evaluation.gold import (
    Gold,
    GoldError,
    GoldSource,
    gold_sources,
    load_gold,
    normalize_name,
)
from service.ingest.seeds import read_manifest_entries

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "gold"
FIRST_SEED = "000_f9b1461cc6b3d973.txt"


def seeds_dir() -> Path:
    """The seed copy: FACTDESK_SEEDS_DIR, the repo's seeds/, or the shared design seeds."""
    candidates = [REPO / "seeds", REPO.parent / "shared" / "seeds"]
    if env := os.environ.get("FACTDESK_SEEDS_DIR"):
        candidates.insert(0, Path(env))
    for candidate in candidates:
        if (candidate / FIRST_SEED).is_file():
            return candidate
    pytest.fail(f"seed articles not found in any of {candidates}")


@pytest.fixture(scope="module")
def gold() -> Gold:
    return load_gold(gold_sources(GOLD_DIR, seeds_dir()))


def test_gold_files_load_with_all_articles(gold: Gold) -> None:
    seeds = sorted(p.name for p in seeds_dir().glob("*.txt"))
    extras = sorted(p.name for p in (GOLD_DIR / "articles").glob("*.txt"))
    assert len(seeds) == 5
    assert len(extras) >= 8
    assert sorted(gold.articles) == sorted(seeds + extras)


def test_every_annotated_string_occurs_in_its_article(gold: Gold) -> None:
    for article in gold.articles.values():
        for figure in article.figures:
            assert article.raw[figure.raw_start :].startswith(figure.text)
        for quote in article.quotes:
            assert article.raw[quote.raw_start :].startswith(quote.text)
        for text in (*article.not_figures, *article.ignore):
            assert text in article.raw


def test_referenced_entities_exist(gold: Gold) -> None:
    for figure in gold.figures:
        for ref in (figure.subject, *figure.attributed_to):
            assert ref is None or ref in gold.entities
    for quote in gold.quotes:
        assert all(ref in gold.entities for ref in quote.speakers)
    for a, b in gold.must_not:
        assert a in gold.entities
        assert b in gold.entities


def test_every_article_has_figures_and_boilerplate_traps(gold: Gold) -> None:
    for article in gold.articles.values():
        assert article.figures, article.name
        assert article.not_figures, article.name


def test_tokayev_vote_share_is_one_fact_with_five_seed_values() -> None:
    seeds_only = load_gold([GoldSource(GOLD_DIR / "seeds.yaml", seeds_dir())])
    fact = seeds_only.facts()[("tokayev", "vote_share", None)]
    reported = sorted((f.article[:3], f.text, f.approximation, f.value) for f in fact)
    assert reported == [
        ("000", "70.76 percent", "EXACT", 70.76),
        ("000", "more than 70 percent", "MORE_THAN", 70),
        ("001", "70.96 percent", "EXACT", 70.96),
        ("002", "nearly 71 percent", "NEARLY", 71),
        ("004", "70.8 per cent", "EXACT", 70.8),
    ]
    statuses = {f.text: f.status for f in fact}
    assert statuses["more than 70 percent"] == "preliminary"
    assert statuses["70.96 percent"] == "final"


def test_tokayev_spellings_are_one_cluster_and_distinct_people_stay_apart(gold: Gold) -> None:
    names = {normalize_name(n) for n in gold.entities["tokayev"].names}
    for spelling in ("Kassym-Jomart Tokayev", "Qasym-Zhomart Toqaev", "Tokaev", "Toqayev"):
        assert normalize_name(spelling) in names
    assert ("nazarbayev", "nazarbayeva") in gold.must_not
    assert ("tokayev", "aidos-tokayev") in gold.must_not


def test_manifest_describes_every_extra_article() -> None:
    manifest = read_manifest_entries(GOLD_DIR / "articles" / "manifest.yaml")
    extras = {p.name for p in (GOLD_DIR / "articles").glob("*.txt")}
    assert set(manifest) == extras
    for meta in manifest.values():
        assert set(meta) == {"file", "outlet", "original_source", "headline", "published_at", "url"}


def test_a_typo_in_the_gold_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Toqaev won 70.76 percent of the vote.\n")
    gold_file = tmp_path / "gold.yaml"
    gold_file.write_text(
        """
articles_dir: .
entities:
  - {id: tokayev, kind: PERSON, names: [Toqaev, Tokayev]}
articles:
  a.txt:
    figures:
      - {text: 70.67 percent, value: 70.67, approximation: EXACT, unit: percent,
         property: vote_share, subject: tokayev}
    quotes:
      - {text: won, speaker: nobody}
"""
    )
    with pytest.raises(GoldError) as raised:
        load_gold([GoldSource(gold_file)])
    message = str(raised.value)
    assert "'70.67 percent' (occurrence 1) not found" in message
    assert "name 'Tokayev' is in none of its articles" in message
    assert "names unknown nobody" in message
