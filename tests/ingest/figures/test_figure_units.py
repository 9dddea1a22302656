"""The unit of a figure: a count of times counts no jobs."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article


def test_a_count_of_times_counts_no_jobs() -> None:
    figures = {
        f.text: f
        for f in extract(
            parse_article("Rovers twice cut the deficit to one goal before half-time.")
        ).figures
    }
    assert figures["twice"].unit == "times"
    assert figures["twice"].property is None  # the deficit was cut, no jobs
