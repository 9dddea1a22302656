"""A candidate holding one recognised name (one_name.py)."""

from __future__ import annotations

from tests.ingest.mentions.finding import entities


def test_a_name_holding_a_place_stays_whole() -> None:
    # The recogniser sees only "Canada" in it; the rules' whole name stands.
    names = [name for _, name in entities("Environment Canada issued a warning for Ottawa.")]
    assert names == ["Environment Canada", "Ottawa"]
