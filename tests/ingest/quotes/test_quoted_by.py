"""Quote speakers read from the parse where the cue rules found nobody credible: the order of
the steps."""

from __future__ import annotations

from tests.ingest.quotes.reading import parsed_speakers


def test_a_title_in_quotes_is_not_credited_from_the_parse() -> None:
    body = 'The singer Tom Reyes said the "Summer Lights Tour" would visit twelve cities.'
    assert parsed_speakers(body) == [("Summer Lights Tour", None)]
