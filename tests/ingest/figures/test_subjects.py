"""Whom a figure is about: what a noun told as a new one ("a group", "one company") does
not stand for."""

from __future__ import annotations

from dataclasses import replace

from service.ingest.extract import extract
from service.ingest.figures import forms_fact
from service.ingest.figures.subjects import _counts_nothing
from service.ingest.model import Approximation, FigureCandidate, Span
from service.ingest.parse.article import parse_article
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


def test_an_age_told_of_someone_new_is_not_the_storys_topic() -> None:
    subjects = subjects_of(
        "Climber dies on Mount Cook\n\n"
        "A climber has died on Mount Cook. Rescuers reached Mount Cook on Sunday. "
        "A 41-year-old British climber died after falling 200 metres on Mount Cook.\n"
    )
    assert subjects["41-year-old"] is None  # a place is no age's


def test_an_age_of_someone_new_is_not_the_person_the_story_is_about() -> None:
    subjects = subjects_of(
        "Judge jails Harlan Moss\n\n"
        "Harlan Moss was jailed on Monday. Harlan Moss had robbed a bank in Ohio, and "
        "Harlan Moss will appeal. A 19-year-old clerk told the court she was afraid.\n"
    )
    assert subjects["19-year-old"] is None


def test_the_age_of_someone_told_of_before_is_the_storys_person() -> None:
    subjects = subjects_of(
        "Judge jails Harlan Moss\n\n"
        "Harlan Moss was jailed on Monday. Harlan Moss had robbed a bank in Ohio, and "
        "Harlan Moss will appeal. The 52-year-old told the court he was sorry.\n"
    )
    assert subjects["52-year-old"] == "Harlan Moss"


def test_a_count_after_two_cities_named_as_one_place_is_the_countrys() -> None:
    subjects = subjects_of(
        "Quake hits Spain\n\n"
        "A strong earthquake struck Spain between Madrid and the city of Toledo. "
        "The government declared an emergency with 300 dead. The quake also shook Seville. "
        "Officials in Seville reported 12 injured.\n"
    )
    assert subjects["300"] == "Spain"
    assert subjects["12"] == "Seville"


def test_the_person_a_story_is_about_owns_only_figures_told_of_them() -> None:
    subjects = subjects_of(
        "Striker Dario Vance leaves Rovers\n\n"
        "Dario Vance left Rovers on Monday after six seasons. Dario Vance thanked the fans, "
        "and Vance said he would rest. The stadium holds 40,000 fans. "
        "With Vance the club won 3 cups.\n"
    )
    assert subjects["40,000"] is None  # a sentence that does not name him
    assert subjects["3"] == "Dario Vance"


def test_a_count_of_the_entities_set_side_by_side_is_no_figure_of_the_topic() -> None:
    subjects = subjects_of(
        "Norsk Steel to merge with Baltic Iron\n\n"
        "Norsk Steel will merge with Baltic Iron, Norsk Steel said on Monday. "
        "Norsk Steel shares rose. The two companies have worked together since 2009.\n"
    )
    assert subjects["two"] is None  # said of both companies


def test_an_outlet_the_story_cites_most_is_not_what_it_is_about() -> None:
    subjects = subjects_of(
        "Dam talks stall\n\n"
        "Ethiopia hosted talks with Sudan on the dam, Reuters reported on Monday. "
        "Reuters said the delegates left early, and Reuters added that the next round was "
        "not set. About 300 delegates attended the talks.\n"
    )
    assert subjects["About 300 delegates"] == "Ethiopia"


def test_a_definite_count_of_more_entities_is_no_figure_of_the_topic_either() -> None:
    subjects = subjects_of(
        "Norsk Steel joins Nordic alliance\n\n"
        "Norsk Steel joined the Nordic steel alliance on Monday, Norsk Steel said. "
        "Norsk Steel shares rose. The five companies will buy ore together.\n"
    )
    assert subjects["five"] is None  # the alliance's members, Norsk Steel one of them


def test_he_stands_for_no_woman_named_by_her_given_name() -> None:
    subjects = subjects_of(
        "Man jailed for attack\n\n"
        "A court heard that Tom Wells attacked his neighbour Anna Price at her home in "
        "March. He was sentenced to six years in prison on Friday.\n"
    )
    assert subjects["six years"] == "Tom Wells"


def test_a_toll_is_the_place_where_it_happened_not_the_victims_country() -> None:
    subjects = subjects_of(
        "Convoy attacked\n\n"
        "Three people were killed when gunmen fired on a convoy carrying the Ghana rugby "
        "team to a tournament in Zambia.\n"
    )
    assert subjects["Three people"] == "Zambia"


def test_a_toll_in_a_town_and_its_country_is_the_towns() -> None:
    subjects = subjects_of(
        "Gunman sought\n\n"
        "Police in Liberia are searching for a gunman. In March, a gunman killed four "
        "people at a market in Kolahun, Liberia, before fleeing into Guinea.\n"
    )
    assert subjects["four people"] == "Kolahun"


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


def test_a_person_the_story_is_about_owns_no_figure_they_give() -> None:
    subjects = subjects_of(
        "Mayor Lena Ortiz opens fair\n\n"
        "Lena Ortiz opened the county fair on Saturday. Ortiz said that about 9,000 "
        "visitors had come by noon.\n"
    )
    assert subjects["about 9,000"] is None


def test_money_is_no_figure_of_an_index_the_story_is_about() -> None:
    subjects = subjects_of(
        "Dow Jones slides\n\n"
        "The Dow Jones Industrial Average lost 310 points on Monday. Traders said the Dow "
        "Jones could slide further. Elsewhere, gold slipped by $12 to $880.\n"
    )
    assert subjects["$12"] is None
    assert subjects["$880"] is None


def test_a_distance_is_of_the_place_it_is_measured_from() -> None:
    subjects = subjects_of(
        "Quake shakes Peru\n\n"
        "A strong earthquake hit Peru on Tuesday. It struck 40 kilometres (25 miles) "
        "south-east of the mountain city of Cusco.\n"
    )
    assert subjects["40 kilometres"] == "Cusco"
    assert subjects["25 miles"] == "Cusco"


def test_a_distance_from_a_place_makes_no_fact_of_the_place() -> None:
    extraction = extract(
        parse_article(
            "Quake shakes Peru\n\nIt struck 40 kilometres south-east of the mountain city "
            "of Cusco.\n"
        )
    )
    (distance,) = [f for f in extraction.figures if f.text == "40 kilometres"]
    assert distance.subject is not None
    assert not forms_fact(distance)


def test_a_prison_term_the_parse_gives_no_one_is_the_person_named_before() -> None:
    subjects = subjects_of(
        "Court in Ecuador\n\n"
        "A court in Ecuador heard the case on Monday. Marco Salinas is already serving a "
        "nine-year sentence imposed in 2015.\n"
    )
    assert subjects["nine-year"] == "Marco Salinas"


def test_a_span_of_time_is_no_figure_of_the_storys_topic() -> None:
    subjects = subjects_of(
        "Floods hit Moravia\n\n"
        "Floods hit Moravia on Monday, and rescuers in Moravia worked through the night. "
        "The search lasted nine hours before the last family was found.\n"
    )
    assert subjects["nine hours"] is None  # the search's, not Moravia's


def test_a_count_in_a_sentence_about_another_city_is_no_figure_of_the_storys_country() -> None:
    subjects = subjects_of(
        "Quake shakes Peru\n\n"
        "A strong quake shook Peru on Monday, and Peru declared an emergency. Rescuers in "
        "Arequipa set up 300 tents for families, a spokesman said.\n"
    )
    assert subjects["300"] is None  # tents in Arequipa, no fact of Peru


def test_a_bare_number_counting_no_noun_is_no_figure_of_the_storys_topic() -> None:
    subjects = subjects_of(
        "Boeing plans longer jet\n\n"
        "Boeing said on Tuesday it would build a longer jet. Engineers will stretch the 777 "
        "for the longest routes, Boeing said.\n"
    )
    assert subjects["777"] is None  # a model's number, nothing Boeing has 777 of


def test_a_sides_goals_beside_a_dash_stay_a_score() -> None:
    body = "The first half ended 0 – 0."
    start = body.rindex("0")
    figure = FigureCandidate(
        span=Span(start, start + 1),
        text="0",
        sentence=Span(0, len(body)),
        value=0,
        upper_bound=None,
        approximation=Approximation.EXACT,
        unit="count",
        property=None,
        subject=None,
        attributed_to=None,
        attributed_to_text=None,
    )
    assert not _counts_nothing(body, figure)  # the other half of "0 – 0", a side's goals
    assert _counts_nothing("The first half ended with 0.", replace(figure, span=Span(26, 27)))


def test_people_told_of_with_no_role_are_no_figure_of_a_company_the_story_is_about() -> None:
    subjects = subjects_of(
        "Norcast to cut prices\n\n"
        "Norcast will cut its prices next month. Two people familiar with the plan said the "
        "cuts would start in May.\n"
    )
    assert subjects["Two people"] is None  # the story's sources, not Norcast's people


def test_a_share_of_something_unnamed_is_no_figure_of_a_company_the_story_is_about() -> None:
    subjects = subjects_of(
        "Norcast to open stores\n\n"
        "Norcast will open 40 stores next year, Norcast said. About half of the new stores "
        "will be in the north.\n"
    )
    assert subjects["About half"] is None  # a share of the stores, no figure of Norcast


def test_how_many_times_larger_with_no_property_is_no_figure_of_the_storys_topic() -> None:
    subjects = subjects_of(
        "Norcast unveils phone\n\n"
        "Norcast unveiled a new phone on Monday, Norcast said. The new model is twice as "
        "fast as the old one.\n"
    )
    assert subjects["twice"] is None  # how much faster the model is, no figure of Norcast


def test_a_count_of_the_parts_of_an_argument_is_no_figure_of_the_storys_topic() -> None:
    subjects = subjects_of(
        "Norcast faces suit\n\n"
        "Norcast Inc. was sued on Monday. Norcast said there are really two issues in this "
        "case.\n"
    )
    assert subjects["two"] is None  # issues of the case, nothing Norcast has two of


def test_things_seized_are_no_figure_of_the_place_the_story_is_about() -> None:
    subjects = subjects_of(
        "Drugs raid in Leeds\n\n"
        "Police raided a warehouse in Leeds on Friday. Officers said 40 kilograms of cocaine "
        "and six handguns were seized from a van.\n"
    )
    assert subjects["40 kilograms"] is None  # the van's owners', not Leeds'
    assert subjects["six"] is None


def test_a_market_move_the_parse_gives_no_one_is_the_index_named_before_it() -> None:
    subjects = subjects_of(
        "Asian markets tumble\n\n"
        "Asian markets tumbled on Tuesday. Japan's stock losses were also heavy, pushing the "
        "Nikkei in Tokyo to its lowest levels since 1982, at 7,162. The Kospi had its worst "
        "fall since 1998, a drop of 8% or 110 points, before recovering to close with a loss "
        "of 2.10% or 26.40 points.\n"
    )
    assert subjects["7,162"] == "Nikkei"
    assert subjects["2.10%"] == "Kospi"
    assert subjects["26.40"] == "Kospi"


def test_moves_told_respectively_of_a_list_they_do_not_pair_with_are_no_ones() -> None:
    subjects = subjects_of(
        "Asian markets tumble\n\n"
        "Asian markets tumbled on Tuesday. Other indices, such as the Nikkei and the Kospi, "
        "dropped by 310 points, 40 points and 12 points, respectively.\n"
    )
    assert subjects["310"] is None


def test_money_a_central_bank_moves_is_its_countrys() -> None:
    subjects = subjects_of(
        "Markets steady after central banks act\n\n"
        "Stocks in Tokyo and London steadied on Thursday. The Bank of England lent "
        "£25 billion to banks in Britain overnight, and the Bank of England kept its main "
        "rate at 4.5 percent.\n"
    )
    assert subjects["£25 billion"] == "Britain"
    assert subjects["4.5 percent"] == "Bank of England"


def test_money_of_a_central_bank_the_story_is_about_is_the_storys_country() -> None:
    subjects = subjects_of(
        "Central Bank frees up funds\n\n"
        "The Central Bank said on Monday that it would help Hungary's lenders. The Central "
        "Bank governor, Anna Kovacs, said that lower reserve rules would free an additional "
        "300 billion forints. Hungary has seen investors pull out nearly 4 billion euros "
        "since June, the Central Bank said.\n"
    )
    assert subjects["300 billion forints"] == "Hungary"
