"""Values a compiled statement leaves to Python: what the rules over a fact's values say.

`Fact.disputed` as known at a past time, `SourcedValue.rank` and `conflicting`, and
`Fact.preferred` follow rules written once, in Python (service.ingest.facts.agreement and
service.ingest.facts.ranks), which the statement does not write again in SQL. Where such a
value goes, it writes what it is, the rule's inputs (db/known_values.value_inputs_sql) and, for
`preferred`, every value's JSON to choose from, between marks (db/json_text.OPEN, SPLIT,
CLOSE); `fill` puts what the rule gives in their place, as the resolvers compute it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import orjson

from service.db.figures import DistinctReport
from service.db.json_text import CLOSE, OPEN, SPLIT
from service.ingest.facts.agreement import agreement_of
from service.ingest.facts.ranks import Assessed, assess, fact_judgements, preferred_index

# A marked place holding no other (those inside a candidate are filled first).
_INNERMOST = re.compile(f"{OPEN}([^{OPEN}{CLOSE}]*){CLOSE}")


@dataclass(frozen=True, slots=True)
class _Judged:
    """A judgement in force, with the value its report printed (ranks.Judged)."""

    id: int
    fact_id: int
    kind: str
    value: float
    upper_bound: float | None
    approximation: str
    text: str


@dataclass(frozen=True, slots=True)
class _Assessed:
    """One fact's values as the rules leave them."""

    disputed: bool
    values: list[Assessed]
    preferred: int | None


def fill(text: str) -> str:
    """The statement's JSON text with each computed value in place of its marks."""
    if OPEN not in text:
        return text
    facts: dict[str, _Assessed] = {}  # by inputs: a fact's values are assessed once
    while OPEN in text:
        text = _INNERMOST.sub(lambda m: _computed(m.group(1), facts), text)
    return text


def _computed(marked: str, facts: dict[str, _Assessed]) -> str:
    what, inputs, *candidates = marked.split(SPLIT)
    fact = facts.get(inputs)
    if fact is None:
        fact = facts[inputs] = _assessed(inputs)
    name, _, index = what.partition(":")
    if name == "disputed":
        return "true" if fact.disputed else "false"
    if name == "rank":
        return f'"{fact.values[int(index)].rank.value}"'
    if name == "conflicting":
        return "true" if fact.values[int(index)].conflicting else "false"
    assert name == "preferred", what
    return "null" if fact.preferred is None else candidates[fact.preferred]


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)  # JSON writes 12.0 as 12


def _assessed(inputs: str) -> _Assessed:
    found = orjson.loads(inputs)
    reports = []
    heads: dict[int, tuple[DistinctReport, int]] = {}  # by value, in order of first report
    for value, upper, approximation, text, figures, value_group in found["reports"]:
        report = DistinctReport(0, float(value), _float(upper), approximation, text, figures)
        reports.append(report)
        head, counted = heads.get(value_group, (report, 0))
        heads[value_group] = (head, counted + figures)
    judged = fact_judgements(
        _Judged(id, 0, kind, float(value), _float(upper), approximation, text)
        for id, kind, value, upper, approximation, text in found["judgements"]
    )
    values = list(heads.values())
    return _Assessed(
        agreement_of(reports, judged).disputed,
        assess(values, judged),
        preferred_index(values, judged),
    )
