"""What a figure takes from those before it: the group a count counts, the people named
before "the two"."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article


def test_a_count_of_a_group_named_before_takes_its_unit() -> None:
    article = (
        "Trawlers return\n\nSix fishing trawlers left the harbour on Monday.\n"
        "Four of them returned before dark, the coastguard said.\n"
        "The club sold 40,000 tickets, 12,000 of which went to members.\n"
    )
    units = {f.text: f.unit for f in extract(parse_article(article)).figures}
    assert units["Four"] == "trawlers"
    assert units["12,000"] == "tickets"


def test_the_other_two_looks_for_its_group_in_its_own_sentence() -> None:
    article = (
        "Cables cut\n\nThe second cable serves 14 states.\n"
        "With one line down we could use the other two, he said.\n"
    )
    units = {f.text: f.unit for f in extract(parse_article(article)).figures}
    assert units.get("two", "count") == "count"


def test_the_two_after_two_people_are_named_counts_people() -> None:
    article = (
        "Leaders meet\n\nChancellor Olaf Brandt welcomed President Maria Duarte in Lisbon on "
        "Monday.\nThe two signed a trade pact after lunch.\n"
    )
    units = {f.text: f.unit for f in extract(parse_article(article)).figures}
    assert units["two"] == "people"


def test_a_list_item_that_takes_a_plan_is_no_forecast() -> None:
    article = (
        "Plant closures\n\nThe carmaker said it expects to cut about 2,500 jobs in Italy, "
        "1,200 in Poland, 900 in Spain and 800 in Belgium.\n"
    )
    figures = {f.text: f for f in extract(parse_article(article)).figures}
    for text in ("about 2,500", "1,200", "900", "800"):
        assert (figures[text].property, figures[text].status) == ("job_cuts", None), text
