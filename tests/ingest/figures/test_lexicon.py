"""Units of counts (service/ingest/figures/lexicon.py)."""

from __future__ import annotations

import pytest

from service.ingest.figures.lexicon import counted_unit
from service.ingest.figures.tree import counted_noun
from service.ingest.nlp.model import analyse


@pytest.mark.parametrize(
    ("sentence", "number", "unit"),
    [
        # a model counted by its plural: the plural as printed, in lower case
        ("The carrier has ordered 24 777s from the maker.", "24", "777s"),
        ("Options are included for 9 more A350s.", "9", "a350s"),
        ("The airline flies 30 jets.", "30", "jets"),
    ],
)
def test_a_model_counted_by_its_plural(sentence: str, number: str, unit: str) -> None:
    doc = analyse(sentence)
    (anchor,) = [t for t in doc if t.text == number]
    assert counted_unit(counted_noun(anchor, anchor.idx + len(number))) == unit
