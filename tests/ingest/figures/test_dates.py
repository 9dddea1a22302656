"""Date cues: which day a sentence's date speaks of, the event's or the report's."""

from __future__ import annotations

import datetime as dt

import pytest

from service.ingest.figures.dates import date_cues, vote_day


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


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("Observers criticised yesterday's rubber-stamp election.", dt.date(2024, 5, 13)),
        ("Turnout in Sunday's presidential vote was low.", dt.date(2024, 5, 12)),
        ("Rallies followed the May 12 snap election.", dt.date(2024, 5, 12)),
        ("The referendum was held on Sunday.", dt.date(2024, 5, 12)),
        ("The election on Sunday and the vote on May 1 differ.", None),  # two days
        ("Police held 200 people on Sunday. The election was fair.", None),
    ],
)
def test_the_day_an_article_dates_its_vote_on(body: str, day: dt.date | None) -> None:
    assert vote_day(body, dt.date(2024, 5, 14)) == day
