"""Ranks from judgements, pure: a value's rank, what still counts, which value is preferred."""

from __future__ import annotations

from dataclasses import dataclass

from service.ingest.facts.ranks import Rank, assess, fact_judgements, preferred_index


@dataclass(frozen=True)
class Report:
    value: float
    text: str
    upper_bound: float | None = None
    approximation: str = "EXACT"


@dataclass(frozen=True)
class Judgement:
    id: int
    kind: str
    value: float
    text: str
    fact_id: int = 1
    upper_bound: float | None = None
    approximation: str = "EXACT"


TWELVE, FIFTEEN = Report(12.0, "12 people"), Report(15.0, "15 people")


def test_the_newest_rank_judgement_of_a_value_counts() -> None:
    judged = fact_judgements(
        [Judgement(2, "PREFERRED", 12.0, "12 people"), Judgement(1, "DEPRECATED", 12.0, "12")]
    )
    assert judged.rank((12.0, None, "EXACT"), 3) is Rank.PREFERRED
    assert judged.rank((15.0, None, "EXACT"), 1) is Rank.NORMAL


def test_a_value_is_deprecated_once_every_report_of_it_is_flagged() -> None:
    judged = fact_judgements([Judgement(1, "WRONG_UNIT", 12.0, "12 people")])
    assert judged.rank((12.0, None, "EXACT"), 2) is Rank.NORMAL
    assert judged.counting((12.0, None, "EXACT"), "12 people", 2) == 1
    assert judged.rank((12.0, None, "EXACT"), 1) is Rank.DEPRECATED


def test_assess_leaves_deprecated_values_out_of_conflicts() -> None:
    values = [(TWELVE, 1), (FIFTEEN, 1)]
    assert [(a.rank, a.conflicting) for a in assess(values, fact_judgements([]))] == [
        (Rank.NORMAL, True),
        (Rank.NORMAL, True),
    ]
    judged = fact_judgements([Judgement(1, "DEPRECATED", 12.0, "12 people")])
    assert [(a.rank, a.conflicting) for a in assess(values, judged)] == [
        (Rank.DEPRECATED, False),
        (Rank.NORMAL, False),
    ]
    assert preferred_index(values, judged) is None


def test_the_latest_preferred_value_is_the_preferred_one() -> None:
    values = [(TWELVE, 1), (FIFTEEN, 1)]
    judged = fact_judgements(
        [Judgement(1, "PREFERRED", 15.0, "15 people"), Judgement(2, "PREFERRED", 12.0, "12")]
    )
    assert preferred_index(values, judged) == 0
