"""The model's attribute ruler (coarse part of speech, morphology and some lemmas from the
tags and arcs), its patterns found by lookup instead of spaCy's Matcher.

The ruler's 180 patterns are one or two tokens long and test only a token's tag, lower
case form, arc label and whether it is a space, each against a value, a list of values
or (three of them) a regular expression.
spaCy's Matcher tries every pattern at every token, which cost more than the tagger and
the parser's own network together; here each token looks up the few patterns whose first
token could match it. The matches are those the Matcher finds, and spaCy's own
``AttributeRuler.set_annotations`` applies them (in pattern order, a later pattern
overriding an earlier one), so every attribute comes out the same
(tests/ingest/nlp/test_model.py compares the whole pipeline with spaCy's on real copy).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

# The token attributes the patterns test, in the order of ``Doc.to_array``'s columns.
FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# Fields a pattern can be looked up by, most selective first.
_LOOKUP = ("LOWER", "TAG", "DEP", "IS_SPACE")


class UnsupportedPatternError(ValueError):
    """A pattern uses something the lookup does not implement (an operator, another
    attribute): the model is not the one this module was written for."""


@dataclass(frozen=True, slots=True)
class Test:
    """One attribute of one token: its value (a string's hash, or 0/1) is among
    ``values`` (or, when not ``among``, is not); or, with ``regex``, its string matches
    (``re.search``, as the Matcher's REGEX)."""

    column: int
    values: frozenset[int]
    among: bool
    regex: re.Pattern[str] | None = None

    def passes(self, value: int, strings: StringStore) -> bool:
        if self.regex is not None:
            return self.regex.search(strings[value]) is not None
        return (value in self.values) == self.among


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern of the ruler: its position among the ruler's entries (which decides
    precedence), that entry's match id, its length in tokens, and its tests left to run
    once it is looked up (each with its token's offset in the pattern)."""

    entry: int
    match_id: int
    length: int
    rest: tuple[tuple[int, Test], ...]


class AttributeRules:
    """The patterns of one ``AttributeRuler``, indexed by the value of their first token."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        strings = ruler.vocab.strings
        # Per looked-up column: value -> the rules whose first token wants that value.
        self._by_value: dict[int, dict[int, list[Rule]]] = {
            FIELDS.index(field): defaultdict(list) for field in _LOOKUP
        }
        self._everywhere: list[Rule] = []
        for entry, spec in enumerate(ruler.patterns):
            match_id = strings[str(entry)]
            # AttributeRuler.patterns types its entries loosely; each is a list of
            # token patterns (token attribute -> wanted value).
            for pattern in cast(list[list[dict[str, object]]], spec["patterns"]):
                tests = [(k, t) for k, token in enumerate(pattern) for t in _tests(strings, token)]
                self._index(entry, match_id, len(pattern), tests)

    def _index(self, entry: int, match_id: int, length: int, tests: list[tuple[int, Test]]) -> None:
        first = {FIELDS[t.column]: t for k, t in tests if k == 0}
        for field in _LOOKUP:
            test = first.get(field)
            if test is not None and test.among and test.regex is None:
                rest = tuple((k, t) for k, t in tests if t is not test)
                for value in test.values:
                    self._by_value[test.column][value].append(Rule(entry, match_id, length, rest))
                return
        self._everywhere.append(Rule(entry, match_id, length, tuple(tests)))

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` gives: (entry, match id, start, end) of every
        match, in the order they are applied."""
        rows: list[list[int]] = doc.to_array(list(FIELDS)).tolist()
        strings = doc.vocab.strings
        lookups = list(self._by_value.items())
        found: set[tuple[int, int, int, int]] = set()
        for start, row in enumerate(rows):
            candidates = [r for column, rules in lookups for r in rules.get(row[column], ())]
            for rule in (*candidates, *self._everywhere):
                end = start + rule.length
                if end <= len(rows) and (
                    not rule.rest
                    or all(t.passes(rows[start + k][t.column], strings) for k, t in rule.rest)
                ):
                    found.add((rule.entry, rule.match_id, start, end))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        # spaCy's own application of the matches (untyped in spaCy).
        self.ruler.set_annotations(doc, self.matches(doc))  # type: ignore[no-untyped-call]
        return doc


def _tests(strings: StringStore, token: Mapping[str, object]) -> tuple[Test, ...]:
    tests: list[Test] = []
    for field, wanted in token.items():
        if field not in FIELDS:
            raise UnsupportedPatternError(f"a pattern tests {field}")
        column = FIELDS.index(field)
        if isinstance(wanted, dict):
            if len(wanted) != 1 or not wanted.keys() <= {"IN", "NOT_IN", "REGEX"}:
                raise UnsupportedPatternError(f"a pattern tests {field} with {wanted}")
            ((operator, values),) = wanted.items()
            if operator == "REGEX" and isinstance(values, str) and field != "IS_SPACE":
                tests.append(Test(column, frozenset(), True, re.compile(values)))
            else:
                tests.append(Test(column, _hashes(strings, values), operator == "IN"))
        else:
            tests.append(Test(column, _hashes(strings, [wanted]), True))
    return tuple(tests)


def _hashes(strings: StringStore, values: object) -> frozenset[int]:
    if not isinstance(values, list):
        raise UnsupportedPatternError(f"a pattern tests against {values!r}")
    # A flag (IS_SPACE) is 0 or 1 in Doc.to_array; a string is its hash ("" is 0).
    return frozenset(int(v) if isinstance(v, bool) else strings[str(v)] for v in values)
