"""Figures a document vouches for (service/ingest/figures/documents.py)."""

from __future__ import annotations

from tests.ingest.figures.whom import sources_of


def test_a_document_that_shows_a_figure_is_its_source() -> None:
    sources = sources_of(
        "Title fight\n\n"
        "The final numbers showed Ortiz landing 95 of 240 jabs while Reyes landed only 41.\n"
        "An autopsy shows that the man was hit by three of the five bullets fired.\n"
    )
    assert sources["95"] == "The final numbers"
    assert sources["only 41"] == "The final numbers"
    assert sources["three"] == "An autopsy"


def test_records_that_close_the_sentence_vouch_for_its_figures() -> None:
    sources = sources_of(
        "Tremors in the hills\n\n"
        "Altogether, 31 quakes struck the county on Monday, including four that came "
        "before the main shock, National Seismic Service records show.\n"
    )
    assert sources["31"] == "National Seismic Service"


def test_a_document_vouches_for_nothing_before_it_or_past_its_clause() -> None:
    sources = sources_of(
        "Views on the dam\n\n"
        "The district is 61 percent rural, and several studies have found that farmers "
        "oppose the dam.\n"
        "The results show the ruling party kept a majority of 12 seats.\n"
        "The crowd was calm until Friday -- the day the autopsy showed he was shot twice "
        "-- when 300 people marched.\n"
    )
    assert sources["61 percent"] is None
    assert sources["12"] is None
    assert sources["300 people"] is None
