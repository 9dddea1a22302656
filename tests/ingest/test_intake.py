"""One intake for every door: bytes decoded, the size cap, and markup cleaned to text."""

from __future__ import annotations

import pytest

from service.ingest.intake import ArticleTooLargeError, InvalidEncodingError, decode_copy, take_copy

# What every door says of "Café" in Latin-1 (REST, the batch, the CLI).
NOT_UTF8_AT_3 = "not valid UTF-8 (byte 3); send text encoded as UTF-8"


def test_plain_copy_passes_as_it_is() -> None:
    copy = take_copy("Headline\n\nOfficials counted 12 dead.\n", max_bytes=1000)
    assert copy.text == "Headline\n\nOfficials counted 12 dead.\n"
    assert not copy.converted_from_html


def test_markup_is_cleaned_to_its_text_declared_or_not() -> None:
    page = "<html><body><h1>Quake</h1><p>Officials counted 12 dead.</p></body></html>"
    for declared in (True, False):
        copy = take_copy(page, max_bytes=1000, html=declared)
        assert copy.converted_from_html
        assert "Officials counted 12 dead." in copy.text
        assert "<p>" not in copy.text


def test_the_cap_counts_utf8_bytes() -> None:
    take_copy("é" * 10, max_bytes=20)
    with pytest.raises(ArticleTooLargeError) as refused:
        take_copy("é" * 11, max_bytes=20)
    assert refused.value.code == "article_too_large"
    assert refused.value.field == "text"


def test_a_comment_never_closed_is_markup_not_copy() -> None:
    copy = take_copy("<p>Officials counted 12 dead.</p><!--" + "a" * 5000, max_bytes=10_000)
    assert copy.text == "Officials counted 12 dead.\n"


def test_bytes_are_utf8_or_refused_with_where_they_break() -> None:
    assert decode_copy("Caf\u00e9 owners".encode()) == "Caf\u00e9 owners"
    with pytest.raises(InvalidEncodingError) as refused:
        decode_copy("Caf\u00e9 owners".encode("latin-1"))
    assert (refused.value.code, refused.value.field) == ("invalid_encoding", "text")
    assert refused.value.message == NOT_UTF8_AT_3
