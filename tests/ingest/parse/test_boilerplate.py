"""Furniture predicates find what they did, in time linear in the line however it is built.

The hostile cases run in a child process (tests/bounded.py): each took hours with the
backtracking regexes (a 30,000-character word took 2.7 s and grows with its square) and
takes milliseconds now.
"""

from __future__ import annotations

import pytest

from service.ingest.parse import boilerplate as bp
from service.ingest.parse.metadata import match_credit_line
from tests.bounded import run_bounded

MEGA = 1_000_000


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        # CONTACT: the address's local part was retried from every letter of a long word.
        (f"bp.is_contact_line('a' * {MEGA})", "False"),
        (f"bp.is_contact_line('write to ' + 'a' * {MEGA} + '@example.com')", "True"),
        # _TEASER_LEAD: a run of capitals retried from each capital.
        (f"bp.has_teaser_lead('A' * {MEGA})", "False"),
        # _BRACKET_CREDIT: a run of spaces retried from each space.
        (f"bp.split_caption('x' + ' ' * {MEGA} + 'y').had_credit", "False"),
        # _CONTRIBUTED: a run of spaces split between its lead and its names every way.
        (f"match_credit_line('Reuters' + ' ' * {MEGA} + 'x contributed')", "None"),
    ],
)
def test_predicates_are_linear_in_the_line(call: str, expected: str) -> None:
    code = (
        "from service.ingest.parse import boilerplate as bp\n"
        "from service.ingest.parse.metadata import match_credit_line\n"
        f"print({call})"
    )
    assert run_bounded(code) == expected


def test_a_megabyte_line_is_parsed_in_linear_time() -> None:
    # A word, capitals, spaces and an unclosed HTML comment of a megabyte each: the last
    # never answered and froze the process (the parse holds the GIL in `re`).
    code = f"""
from service.ingest.parse.article import parse_article
from service.ingest.parse.html_text import html_to_text

story = "Police detained 500 people in Almaty on Monday, officials said.\\n"
for filler in ("a" * {MEGA}, "A" * {MEGA}, "x " + " " * {MEGA} + "y"):
    print(parse_article(story + filler + "\\n" + story).body.startswith("Police detained"))
html = html_to_text("<p>" + story + "</p><!--" + "a" * {MEGA})
print(parse_article(html).body.startswith("Police detained"))
"""
    assert run_bounded(code).split() == ["True"] * 4


def test_contact_lines_are_still_found() -> None:
    assert bp.is_contact_line("Email tips@example.com or call (555) 123-4567")
    assert bp.is_contact_line("Contact: j.doe+news@mail.example.co.uk")
    assert bp.is_contact_line("Call +7 727 555 1234")
    assert not bp.is_contact_line("Police detained 500 people on Monday.")
    found = bp.CONTACT.search("write to news.desk@example.com today")
    assert found is not None
    assert found.group() == "news.desk@example.com"


def test_teaser_leads_and_photo_credits_are_still_found() -> None:
    assert bp.has_teaser_lead("DUBAI, U.A.E.: A cargo ship was seized ...")
    assert bp.has_teaser_lead("More InformationCONCORD, New Hampshire: The vote ...")
    assert not bp.has_teaser_lead("Police detained 500 people on Monday.")
    split = bp.split_caption("Protesters in Almaty   [Ruslan Pryanikov/AFP]")
    assert split == bp.CaptionSplit("Protesters in Almaty", had_credit=True, had_prefix=False)


def test_credit_lines_are_still_read() -> None:
    credit = match_credit_line("Reuters writer Tamara Vaal contributed to this report.")
    assert credit is not None
    assert credit.people == ("Tamara Vaal",)
    reporting = match_credit_line("(Reporting by Mariya Gordeyeva; Editing by Tom Balmforth)")
    assert reporting is not None
    assert reporting.people == ("Mariya Gordeyeva",)


def test_words_are_counted_only_as_far_as_the_comparison_needs() -> None:
    # Every caller compares with a handful of words; a 1 MiB line was counted to its end.
    assert bp.word_count("one two three", up_to=8) == 3
    assert bp.word_count("word " * MEGA, up_to=8) == 9
    assert bp.is_short_label("POET DETAINED")
    assert not bp.is_short_label("word " * MEGA)


def test_a_quotation_and_its_speaker_that_lost_the_full_stop_is_no_label() -> None:
    assert not bp.is_short_label('"We never saw it coming," she said')
    assert not bp.is_short_label("“Who pays for that?” Mr. Ortiz asked")
    assert bp.is_short_label("'Scant Respect' For Democratic Standards")
