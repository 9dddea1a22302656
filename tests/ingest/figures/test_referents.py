"""Whom the words the parse points at stand for: a new noun is no one named before, "the
company", "the plane", "the chipmaker", "he" the last of their kind named."""

from __future__ import annotations

from service.ingest.figures.referents import country_named
from service.ingest.model import EntityKind, LocalEntity
from tests.ingest.figures.whom import subjects_of


def test_a_group_told_as_a_new_one_is_no_organisation_named_before() -> None:
    subjects = subjects_of(
        "Protest in Detroit\n\n"
        "General Motors hosted a fair in Detroit on Monday. A group of about 200 students "
        "had occupied the main hall yesterday, waving banners.\n"
    )
    assert subjects["about 200 students"] == "Detroit"


def test_the_company_still_stands_for_the_organisation_named_before() -> None:
    subjects = subjects_of(
        "Carmaker cuts jobs\n\nFord said on Monday that the company would cut 5,000 jobs.\n"
    )
    assert subjects["5,000"] == "Ford"


def test_a_gerund_after_a_preposition_is_the_deed_of_its_verbs_subject() -> None:
    subjects = subjects_of(
        "Canada beat Spain\n\n"
        "Canada beat Spain 70 to 52 on Monday. Tom Reed led Canada in scoring with 18 "
        "points.\n"
    )
    assert subjects["18"] == "Tom Reed"


def test_jobs_at_a_company_are_that_companys_not_the_owners() -> None:
    subjects = subjects_of(
        "Carmaker to cut jobs\n\nFord will cut 2,000 jobs at Volvo. Ford will cut 3,000 jobs "
        "in Spain.\n"
    )
    assert subjects["2,000"] == "Volvo"
    assert subjects["3,000"] == "Ford"


def test_he_stands_for_no_woman_named_by_her_given_name() -> None:
    subjects = subjects_of(
        "Man jailed for attack\n\n"
        "A court heard that Tom Wells attacked his neighbour Anna Price at her home in "
        "March. He was sentenced to six years in prison on Friday.\n"
    )
    assert subjects["six years"] == "Tom Wells"


def test_the_plane_stands_for_the_model_named_before() -> None:
    subjects = subjects_of(
        "Airbus freighter flies\n\n"
        "Airbus showed its new A370 at Toulouse on Tuesday. The Airbus A370 made its first "
        "flight in June. Since then, the plane has flown for nearly eleven hours.\n"
    )
    assert subjects["nearly eleven hours"] == "A370"


def test_a_count_by_whom_the_plane_was_met_is_not_the_planes() -> None:
    subjects = subjects_of(
        "Airbus freighter lands\n\n"
        "Airbus showed its new A370 at Toulouse on Tuesday. The Airbus A370 made its first "
        "flight in June. The aircraft was greeted by some 300 guests.\n"
    )
    assert subjects["some 300"] != "A370"


def test_the_company_is_the_business_named_before_not_a_regulator() -> None:
    subjects = subjects_of(
        "Software firm recovers\n\n"
        "Unisys Corporation faced a Federal Trade Commission inquiry in 2004. The company "
        "lost $300 million that year.\n"
    )
    assert subjects["$300 million"] == "Unisys Corporation"


def test_a_maker_stands_for_the_business_named_before() -> None:
    subjects = subjects_of(
        "Chip sales slow\n\n"
        "Analysts at Moody's Investors Service said Tuesday that Texas Instruments faced "
        "a slowdown in Brazil. The chipmaker's debt of $4 billion worried them.\n"
    )
    assert subjects["$4 billion"] == "Texas Instruments"


def test_a_prison_term_the_parse_gives_no_one_is_the_person_named_before() -> None:
    subjects = subjects_of(
        "Court in Ecuador\n\n"
        "A court in Ecuador heard the case on Monday. Marco Salinas is already serving a "
        "nine-year sentence imposed in 2015.\n"
    )
    assert subjects["nine-year"] == "Marco Salinas"


def test_a_nationality_before_a_measure_names_the_country() -> None:
    """ "German GDP", "Afghan team": the country the story names, as "Panamanian" alone."""
    germany = LocalEntity(index=0, kind=EntityKind.PLACE, name="Germany", aliases=())
    assert country_named("German GDP", (germany,)) == 0
    assert country_named("Panamanian", (germany,)) is None
