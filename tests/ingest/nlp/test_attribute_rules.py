"""The attribute ruler's patterns found by lookup: the same matches as spaCy's Matcher."""

from __future__ import annotations

import pytest
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from service.config import REPO_ROOT
from service.ingest.nlp.attribute_rules import AttributeRules, UnsupportedPatternError
from service.ingest.nlp.model import attribute_rules, pipeline

# Copy that reaches the rare patterns: the three regular expressions (ain't, nothin',
# y all), the two-token ones, arcs (it as an object, an expletive there), spaces.
RARE = (
    "Y'all ain't seen nothin' yet, y all said. There is a cat. I gave it to you and me. "
    "Gets got? Don't do it, she did not have to. \n\n  "
)


def _before_the_ruler(text: str) -> Doc:
    nlp = pipeline()
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = component(doc)
    raise AssertionError("no attribute ruler")


def _stock_matches(doc: Doc) -> list[tuple[int, int, int, int]]:
    ruler = pipeline().get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return sorted(set(ruler.match(doc)))


def test_rare_patterns_match_as_the_matcher_finds_them() -> None:
    doc = _before_the_ruler(RARE)
    found = attribute_rules().matches(doc)
    assert found == _stock_matches(doc)
    assert {147, 153, 163} <= {entry for entry, _, _, _ in found}  # the regexes


def test_real_copy_matches_as_the_matcher_finds_it() -> None:
    paths = sorted(REPO_ROOT.glob("tests/gold/real/*/articles/*.txt"))
    assert len(paths) >= 30
    for path in paths:
        doc = _before_the_ruler(path.read_text(encoding="utf-8"))
        assert attribute_rules().matches(doc) == _stock_matches(doc), path.name


def test_a_pattern_it_cannot_look_up_is_refused() -> None:
    ruler = AttributeRuler(pipeline().vocab)
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "a"})
    with pytest.raises(UnsupportedPatternError, match="OP"):
        AttributeRules(ruler)
