"""What a figure takes from those before it: the group a count counts, the people named
before "the two", the measure of the other end of a change told "from ... to ...", what a
bare count compared with a count measures."""

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


def test_a_change_told_from_one_amount_to_another_measures_one_thing() -> None:
    article = (
        "Mill seeks relief\n\nHarbor Mills is also trying to restructure, cutting its liabilities "
        "from $14.2 billion in unsecured debt to $6.1 billion.\n"
        "Some stocks swung wildly; retailer Norvale saw its shares tumble from about $38 to "
        "six cents before they recovered.\n"
    )
    properties = {f.text: f.property for f in extract(parse_article(article)).figures}
    assert properties["$14.2 billion"] == properties["$6.1 billion"] == "debt"
    assert properties["about $38"] == properties["six cents"] == "share_price"


def test_a_bare_count_compared_with_a_count_of_people_counts_them_too() -> None:
    article = (
        "Final draws fewer viewers\n\nThe audience for the cup final fell again this year, "
        "with about 20 million people tuning in, compared with 31.4 million five years ago.\n"
    )
    figures = {f.text: f for f in extract(parse_article(article)).figures}
    earlier = figures["31.4 million"]
    assert (earlier.unit, earlier.property) == ("people", "viewers")


def test_a_list_item_that_takes_a_plan_is_no_forecast() -> None:
    article = (
        "Plant closures\n\nThe carmaker said it expects to cut about 2,500 jobs in Italy, "
        "1,200 in Poland, 900 in Spain and 800 in Belgium.\n"
    )
    figures = {f.text: f for f in extract(parse_article(article)).figures}
    for text in ("about 2,500", "1,200", "900", "800"):
        assert (figures[text].property, figures[text].status) == ("job_cuts", None), text
