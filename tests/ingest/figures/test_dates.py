"""Date cues: which day a sentence's date speaks of, the event's or the report's."""

from __future__ import annotations

import pytest

from service.ingest.figures.dates import date_cues


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("The interior ministry said on Tuesday that 200 were held.", True),
        ("Reports early on June 11 said police were arresting demonstrators.", True),
        ("Police on Tuesday said 200 people were held.", True),
        ("Police on June 9 detained hundreds of demonstrators.", False),
        ("More than 100 protesters had gathered late on June 10.", False),
    ],
)
def test_a_date_of_the_report_is_not_the_event_s(sentence: str, statement: bool) -> None:
    (cue,) = date_cues(sentence)
    assert cue.statement is statement
