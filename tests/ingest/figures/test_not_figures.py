"""Digits that are never a figure: dates, times, addresses, names and models' numbers."""

from __future__ import annotations

import pytest

from service.ingest.figures.numbers import find_numbers


def test_a_number_the_copy_uses_as_a_model_name_is_never_a_count() -> None:
    text = (
        "The Boeing 787 flew. Orders for 18 777s and the 787 Dreamliner came; the 787 "
        "offers 20 extra seats. Some 500 people watched."
    )
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["18", "20", "Some 500 people"]


def test_a_number_before_a_one_word_name_is_a_model_unless_it_counts_people() -> None:
    text = (
        "They unveiled their new 787 Dreamliner at the plant. The 787 will seat 250 people."
        " Its 777-200LR flew; its 747 jet landed and the 747 was sold. There are 500 Apple"
        " engineers, 300 Chinese workers and 120 People Killed here."
    )
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["250 people", "500", "300", "120"]


def test_versions_listed_after_a_name_are_no_counts() -> None:
    text = (
        "Attacks hit Internet Explorer 8 and 9. The fix covers IE6, 7, 8, and 11. "
        "Between 8 and 9 people died; 10, 20 or 30 were hurt."
    )
    found = [(text[n.span.start : n.span.end], n.unit) for n in find_numbers(text)]
    assert found == [
        ("Between 8 and 9 people", "people"),
        ("10", "count"),
        ("20", "count"),
        ("30", "count"),
    ]


def test_nine_eleven_is_a_date_and_a_double_prime_is_inches() -> None:
    text = "Before the anniversary of the 9-11 attacks, the 15.4″ MacBook Pro came out."
    found = [(text[n.span.start : n.span.end], n.unit) for n in find_numbers(text)]
    assert found == [("15.4″", "inches")]


def test_a_model_named_in_quotes_after_its_number_is_no_count() -> None:
    text = (
        'Its rival, the 350 "Skylark", flew on Monday; the 350 seats 40 fewer than the '
        "older jet, and 300 engineers built it."
    )
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["40", "300"]


def test_an_ordinal_printed_apart_from_its_digits_is_no_count() -> None:
    text = "The bus was the 12,000 th built at the plant, which employs 900 people."
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["900 people"]


def test_a_version_or_a_date_of_three_dotted_parts_is_no_count() -> None:
    text = "Users should wait for release 3.2.1, due on 14.06.2011, said 40 testers."
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["40"]


def test_a_toll_free_number_in_letters_and_an_id_are_no_counts() -> None:
    text = (
        "Callers may dial 888-SAFE-CAR or 1-800-HELPNOW. Meeting ID: 55512345. "
        "Some 25 people called."
    )
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["Some 25 people"]


def test_a_local_clock_time_restated_in_gmt_is_no_count() -> None:
    text = "The blast, at 1420 (1120 GMT), injured 14 people."
    found = [text[n.span.start : n.span.end] for n in find_numbers(text)]
    assert found == ["14 people"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The carrier will also lease 12 of Airbus's bigger 350 jets next year.", ["12"]),
        ("Lufthansa weighed their new 380 aircraft, but said the 380 was too big.", []),
        ("The carrier will take 40 new planes next year.", ["40"]),
    ],
)
def test_digits_between_an_owner_s_adjective_and_a_plane_name_a_model(
    text: str, kept: list[str]
) -> None:
    assert [text[n.span.start : n.span.end] for n in find_numbers(text)] == kept
