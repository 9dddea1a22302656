"""Quote speakers read from the parse where the cue rules found nobody credible: the order of
the steps."""

from __future__ import annotations

from tests.ingest.quotes.reading import parsed_speakers


def test_a_title_in_quotes_is_not_credited_from_the_parse() -> None:
    body = 'The singer Tom Reyes said the "Summer Lights Tour" would visit twelve cities.'
    assert parsed_speakers(body) == [("Summer Lights Tour", None)]


def test_a_quote_running_on_is_credited_as_the_one_before_it() -> None:
    body = (
        "Aer Lingus will buy six more jets from Airbus.\n\n"
        "Aer Lingus chief, Lynne Embleton, justified her choice of Airbus by "
        'saying, "The A321 burns less fuel than anything else on the market"... "On top '
        'of that, it is cheap to maintain. These jets will let us open routes to Canada."'
    )
    assert [who for _, who in parsed_speakers(body)] == ["Lynne Embleton", "Lynne Embleton"]
