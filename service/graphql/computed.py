"""Fields a compiled statement leaves to Python: `Fact.disputed` as known at a past time.

The rule that keeps the stored `disputed` (service.ingest.agreement) is Python's, and the
statement does not write it again in SQL: where the value goes, it writes the rule's
inputs (db/known.agreement_inputs_sql) between two COMPUTED marks, and `fill` puts the
value the rule gives in their place, as the resolvers compute it (types/fact.disputed_at).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from service.db.figures import DistinctReport
from service.db.trees import COMPUTED
from service.ingest.agreement import agreement_of
from service.ingest.ranks import fact_judgements


@dataclass(frozen=True, slots=True)
class _Judged:
    """A judgement in force then, with the value its report printed (ranks.Judged)."""

    id: int
    fact_id: int
    kind: str
    value: float
    upper_bound: float | None
    approximation: str
    text: str


def fill(text: str) -> str:
    """The statement's JSON text with each computed value in place of its inputs."""
    if COMPUTED not in text:
        return text
    parts = text.split(COMPUTED)
    for index in range(1, len(parts), 2):
        parts[index] = "true" if _disputed(orjson.loads(parts[index])) else "false"
    return "".join(parts)


def _float(value: float | None) -> float | None:
    return None if value is None else float(value)  # JSON writes 12.0 as 12


def _disputed(inputs: dict[str, Any]) -> bool:
    reports = [
        DistinctReport(0, float(value), _float(upper), approximation, text, figures)
        for value, upper, approximation, text, figures in inputs["reports"]
    ]
    judged = [
        _Judged(id, 0, kind, float(value), _float(upper), approximation, text)
        for id, kind, value, upper, approximation, text in inputs["judgements"]
    ]
    return agreement_of(reports, fact_judgements(judged)).disputed
