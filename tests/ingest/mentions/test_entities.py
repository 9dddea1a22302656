"""Mentions and local entities on seed paragraphs and on copy written like other outlets'."""

from __future__ import annotations

import pytest

from service.ingest.extract import extract
from service.ingest.mentions.entities import find_mentions
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate
from service.ingest.parse.article import parse_article
from service.ingest.parse.sentences import split_sentences

PERSON, ORG, PLACE, EVENT = (
    EntityKind.PERSON,
    EntityKind.ORGANIZATION,
    EntityKind.PLACE,
    EntityKind.EVENT,
)

# Seed 001 (RFE/RL), story paragraphs with the site chrome removed by hand.
SEED_001 = "\n\n".join(
    (
        "NUR-SULTAN/ALMATY -- Two leading Kazakh human rights groups have urged the government "
        "to thoroughly investigate detentions of hundreds of protesters during and after a June"
        " 9 snap presidential poll.",
        "Kazakhstan’s Bureau for Human Rights and Rule of Law and Human Rights Charter "
        'Foundation in their joint statement on June 11 protested what they called "mass '
        "violations of civil rights and freedoms, namely freedom of expression and freedom of "
        'assembly."',
        "Police on June 9 detained hundreds of demonstrators who were calling the election "
        "illegitimate, and hundreds more the following day when protesters challenged "
        "officially announced preliminary results of the poll giving an overwhelming victory to"
        " interim President Qasym-Zhomart Toqaev, who was handpicked by former authoritarian "
        "President Nursultan Nazarbaev to be his successor.",
        "The statement by the rights groups came hours after Kazakhstan's Central Election "
        "Commission (CEC) announced the poll's final results, confirming Toqaev's victory.",
        "The CEC said on June 11 that Toqaev took 70.96 percent of the ballots in the vote. "
        "Former journalist Amirzhan Qosanov was a distant second in the balloting with 16.23 "
        "percent.",
        "Reports early on June 11 said police were arresting demonstrators in some districts of"
        " the country's largest city, Almaty, after hundreds of people gathered to protest the "
        "official results.",
        "Video posted on social media from Almaty overnight showed dozens of people running in "
        "the streets and being pursued by a special police unit.",
        "Nazarbaev continues to hold many important political positions and still wields "
        "considerable power within the country and inside his political party, Nur-Otan, whose "
        "presidential candidate was Toqaev.",
        "Monitors from the Organization for Security and Cooperation in Europe (OSCE) said in a"
        ' statement that "a lack of regard for fundamental rights showed scant respect for '
        'democratic standards."',
        '"While there were seven candidates, the election showed that there is a need for '
        'genuine democratic consolidation," said George Tsereteli, special coordinator and '
        "leader of the OSCE short-term observer mission.",
        "Deputy Interior Minister Marat Qozhaev called hundreds of demonstrators detained in "
        'Nur-Sultan, Almaty and other towns and cities "radically-minded elements."',
        "Security measures have been heavily stepped up in Nur-Sultan and Almaty.",
        "Internet access in the two cities was reported to be extremely slow.",
        "Meanwhile, Qosanov, who positioned himself as an opposition candidate, said on June 10"
        " that he planned to set up a new political party ahead of parliamentary elections next"
        " year.",
    )
)

# Seed 004, story paragraphs.
SEED_004 = "\n\n".join(
    (
        "Kazakhstan’s deputy interior minister Marat Kozhayev said three police were injured in"
        " clashes and 500 people had been detained at “unsanctioned rallies”.",
        "The Nur Otan party rules the one-party state and Kazakhstan has never held an election"
        " that has been judged free and fair by independent observers.",
        "The veteran, 78-year-old former president Nursultan Nazarbayev, stepped down in March,"
        " sparking an election.",
        "Human Rights Watch said the talk of a genuine political transition was “an illusion”.",
        "Many suspect Nazarbayev will retain power behind the scenes and he wants to install "
        "his politician daughter, Dariga Nazarbayeva (pictured), as president.",
        "Chris Rickleton, a British journalist with AFP, was detained and received a black eye "
        "during his arrest.",
    )
)


def run(body: str) -> tuple[tuple[MentionCandidate, ...], tuple[LocalEntity, ...]]:
    mentions, entities = find_mentions(body, split_sentences(body))
    for m in mentions:  # the contract every consumer relies on
        assert body[m.span.start : m.span.end] == m.text
        assert 0 <= m.local_entity < len(entities)
    assert [e.index for e in entities] == list(range(len(entities)))
    return mentions, entities


def entity(entities: tuple[LocalEntity, ...], name: str) -> LocalEntity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, f"{name!r} not among {[e.name for e in entities]}"
    return found[0]


def names(entities: tuple[LocalEntity, ...]) -> set[str]:
    return {e.name for e in entities} | {a for e in entities for a in e.aliases}


def test_seed_001_people_with_titles_and_descriptions() -> None:
    _, entities = run(SEED_001)
    qozhaev = entity(entities, "Marat Qozhaev")
    assert qozhaev.kind is PERSON
    assert qozhaev.description == "deputy interior minister"
    toqaev = entity(entities, "Qasym-Zhomart Toqaev")
    assert toqaev.kind is PERSON
    assert toqaev.description == "interim president"
    assert "Toqaev" in toqaev.aliases
    assert any("surname 'Toqaev'" in r for r in toqaev.reasons)
    assert entity(entities, "Amirzhan Qosanov").description == "former journalist"
    assert entity(entities, "Nursultan Nazarbaev").kind is PERSON
    tsereteli = entity(entities, "George Tsereteli")
    assert tsereteli.kind is PERSON
    assert tsereteli.description is not None
    assert "special coordinator" in tsereteli.description


def test_seed_001_organisations_and_acronyms() -> None:
    _, entities = run(SEED_001)
    osce = entity(entities, "Organization for Security and Cooperation in Europe")
    assert osce.kind is ORG
    assert "OSCE" in osce.aliases
    assert any("acronym 'OSCE'" in r and "defined in text" in r for r in osce.reasons)
    cec = entity(entities, "Central Election Commission")
    assert cec.kind is ORG
    assert cec.aliases == ("CEC",)
    # "X and Y" between two organisations is cut; "and" inside one name is kept.
    assert entity(entities, "Bureau for Human Rights and Rule of Law").kind is ORG
    assert entity(entities, "Human Rights Charter Foundation").kind is ORG
    assert entity(entities, "Nur-Otan").kind is ORG


def test_seed_001_places_and_dateline() -> None:
    mentions, entities = run(SEED_001)
    assert entity(entities, "Kazakhstan").kind is PLACE
    assert entity(entities, "Almaty").kind is PLACE
    assert entity(entities, "Nur-Sultan").kind is PLACE
    dateline = [m for m in mentions if m.span.start < 20]
    assert [(m.text, m.name, m.kind) for m in dateline] == [
        ("NUR-SULTAN", "Nur-Sultan", PLACE),
        ("ALMATY", "Almaty", PLACE),
    ]


def test_sentence_initial_common_words_and_adjectives_are_not_entities() -> None:
    _, entities = run(SEED_001)
    found = names(entities)
    for word in ("Police", "Reports", "Video", "Meanwhile", "Security", "Internet", "Monitors"):
        assert word not in found
    assert not any(n == "Kazakh" or n.startswith("Kazakh ") for n in found)
    assert "President" not in found
    assert "Former" not in found


def test_a_role_noun_opening_a_sentence_is_a_title_not_part_of_the_name() -> None:
    # Seen at 100k: "Businessman Aisultan Nazarbayev" became a person of that name.
    body = (
        "ALMATY — Businessman Aisultan Nazarbayev opened a shop on Friday, the agency said. "
        "Activist Ermek Kassymenuly said police detained 12 people."
    )
    mentions, entities = run(body)
    found = names(entities)
    assert not any(n.split()[0] in ("Businessman", "Activist") for n in found), found
    for name in ("Aisultan Nazarbayev", "Ermek Kassymenuly"):
        assert entity(entities, name).kind is PERSON
        (mention,) = [m for m in mentions if m.name == name]
        assert mention.span.start == body.index(name)


def test_a_portfolio_before_a_title_is_part_of_the_title() -> None:
    body = "Environment Minister John Baird said the plan was sound on Monday."
    _, entities = run(body)
    assert entity(entities, "John Baird").kind is PERSON
    assert not any("Minister" in n for n in names(entities)), names(entities)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Assistant District Attorney", "Anthony Evans"),
        ("City Councilman", "Charles Barron"),
        ("Police Inspector", "Dave Gaskin"),
        ("Detective Chief Inspector", "Paul Duhig"),
        ("Corrections Officer", "Manuel Gonzalez"),
        ("Coroner", "Gary Hargrove"),
        ("Assistant Sheriff", "Doyle Campbell"),
        ("Special Counsel", "Hannah Okafor"),
        ("State Trooper", "Wes Delaney"),
        ("Representative", "Carla Munoz"),
        ("Undersheriff", "Dale Whitcomb"),
        ("Deputy Undersecretary", "Lena Porter"),
    ],
)
def test_local_government_and_police_titles_are_no_part_of_the_name(title: str, name: str) -> None:
    body = f"{title} {name} said the case was closed on Monday."
    _, entities = run(body)
    assert entity(entities, name).kind is PERSON
    assert not any(title.split()[-1] in n for n in names(entities)), names(entities)


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        (
            "Deputy Public Defender Mara Quinn asked the witness about the car.",
            "Mara Quinn",
            "deputy public defender",
        ),
        (
            "Chief Patrol Agent Dana Whitfield said there had been no arrests.",
            "Dana Whitfield",
            "chief patrol agent",
        ),
        (
            "Chief Executive Owen Marsh told analysts the deal would close.",
            "Owen Marsh",
            "chief executive",
        ),
        ("The Saints signed RB Dorian Hale off the practice squad.", "Dorian Hale", "rb"),
        ("As for the Cubs, GM Theo Epstein has said little.", "Theo Epstein", "gm"),
    ],
)
def test_a_title_of_words_that_are_no_title_alone_is_no_part_of_the_name(
    body: str, name: str, role: str | None
) -> None:
    _, entities = run(body)
    found = entity(entities, name)
    assert found.kind is PERSON
    assert len(names(entities) - {"Saints", "Cubs"}) == 1, names(entities)
    if role is not None:
        assert found.description == role


def test_a_title_run_on_over_of_is_no_part_of_the_name() -> None:
    body = '"The plan protects the parks," said Secretary of the Interior Dirk Halvorsen.'
    _, entities = run(body)
    found = entity(entities, "Dirk Halvorsen")
    assert found.kind is PERSON
    assert found.description == "secretary of the interior"


def test_gm_before_words_that_are_no_name_is_general_motors() -> None:
    body = 'GM launched the "GM Total Confidence" plan for buyers who lose their jobs.'
    _, entities = run(body)
    assert not any(e.name == "Total Confidence" for e in entities), names(entities)


def test_a_title_cut_short_between_a_body_and_a_name_belongs_to_neither() -> None:
    body = (
        "The fire was set on purpose, Harbor County Sheriff's Office Lt. Dana Royce said. "
        "Rep. Omar Lindqvist and Rivertown Fire Department Capt. Lee Ortega agreed."
    )
    _, entities = run(body)
    found = names(entities)
    assert {"Dana Royce", "Omar Lindqvist", "Rivertown Fire Department", "Lee Ortega"} <= found
    assert not any(n.endswith(("Lt", "Capt")) or n == "Rep" for n in found), found


def test_a_numbered_street_or_precinct_keeps_its_number_and_compass_word() -> None:
    body = (
        "Deputies went to the 12000 block of East 223rd Street on Monday. Officers from the "
        "67th Precinct said the suspect was arrested near Fifth Avenue."
    )
    _, entities = run(body)
    found = names(entities)
    assert {"East 223rd Street", "67th Precinct", "Fifth Avenue"} <= set(found), found
    assert entity(entities, "East 223rd Street").kind is PLACE
    assert "Street" not in found, found
    assert "East" not in found, found  # the compass word is the street's
    assert "Precinct" not in found, found


def test_a_month_cut_short_before_its_day_is_a_date_not_a_name() -> None:
    body = (
        "The hearing was moved to Sept. 14, and the Harbor Court on Jan. 9 fined the firm. "
        "Sales fell on Dec 2. Jan Kowalski, the mayor, said the port would reopen."
    )
    _, entities = run(body)
    found = names(entities)
    assert {"Harbor Court", "Jan Kowalski"} <= found, found
    assert not found & {"Sept", "Jan", "Dec", "Harbor Court on Jan"}, found


def test_saint_mount_or_fort_cut_short_opens_a_place_name() -> None:
    body = (
        "The St. Petersburg office will close. Workers in Ft. Wayne and Mt. Pleasant were "
        "told on Monday, a spokesman on Elm St. said."
    )
    _, entities = run(body)
    found = names(entities)
    assert {"St. Petersburg", "Ft. Wayne", "Mt. Pleasant"} <= found, found
    assert entity(entities, "Mt. Pleasant").kind is PLACE
    assert not found & {"St", "Ft", "Mt", "Petersburg", "Wayne", "Pleasant"}, found


def test_a_sea_or_a_cape_named_for_where_it_lies_is_a_place() -> None:
    body = "Tankers crossing the Strait of Hormuz and the Cape of Good Hope were delayed."
    _, entities = run(body)
    assert entity(entities, "Strait of Hormuz").kind is PLACE
    assert entity(entities, "Cape of Good Hope").kind is PLACE


def test_a_common_word_opening_a_sentence_before_a_person_is_no_part_of_the_name() -> None:
    body = (
        "The nonpartisan candidate won. Nonpartisan Paul Tse lost his seat. National "
        "Science Foundation grants rose."
    )
    _, entities = run(body)
    assert "Paul Tse" in names(entities)
    assert not any(n.startswith("Nonpartisan") for n in names(entities)), names(entities)


def test_possessive_is_left_out_of_the_span_and_name() -> None:
    mentions, _ = run(SEED_001)
    toqaevs = [m for m in mentions if m.name == "Toqaev"]
    assert len(toqaevs) == 3
    assert all(m.text == "Toqaev" for m in toqaevs)
    possessive = [m for m in toqaevs if SEED_001[m.span.end : m.span.end + 2] == "'s"]
    assert len(possessive) == 1
    assert len({m.local_entity for m in mentions if "Toqaev" in m.name}) == 1


def test_surname_only_mention_joins_the_full_name() -> None:
    mentions, entities = run(SEED_001)
    qosanov = entity(entities, "Amirzhan Qosanov")
    later = [m for m in mentions if m.text == "Qosanov"]
    assert len(later) == 1
    assert later[0].local_entity == qosanov.index
    assert later[0].kind is PERSON


def test_a_full_name_taken_for_an_organisation_is_the_person_its_surname_names() -> None:
    """The recogniser labels "Erling Haaland" an organisation and "Haaland" a person: the
    surname's use outvotes the one label, and the two are one person."""
    body = (
        "Title\n\nCity clinched the title after Erling Haaland scored in the 88th minute.\n\n"
        '"We never stopped believing," Haaland told Sky Sports.\n'
    )
    found = extract(parse_article(body))
    haaland = entity(found.entities, "Erling Haaland")
    assert haaland.kind is PERSON
    assert [m.local_entity for m in found.mentions if m.text == "Haaland"] == [haaland.index]


def test_a_surname_in_an_opening_line_joins_the_full_name_that_follows() -> None:
    """A standfirst left in the body ("Tokaev promises continuity", no full stop) names a
    person the story introduces next; a surname opening a paragraph of prose does not."""
    standfirst = (
        "Tokaev promises continuity while police hold hundreds\n\n"
        "Kassym-Jomart Tokaev was sworn in as president on Wednesday.\n\n"
        "Mr Tokaev thanked voters."
    )
    mentions, entities = run(standfirst)
    tokaev = entity(entities, "Kassym-Jomart Tokaev")
    assert {m.local_entity for m in mentions if "Tokaev" in m.text} == {tokaev.index}
    prose = (
        "Sam was taken to hospital, the court heard.\n\n"
        "Her father Thomas Sam told the court he was sorry."
    )
    mentions, entities = run(prose)
    assert len({m.local_entity for m in mentions if "Sam" in m.text}) == 2


def test_dated_event_mentions() -> None:
    body = (
        "Protests followed the June 9 presidential election in Kazakhstan.\n\n"
        "Observers said the June 9 election was marred by violations."
    )
    mentions, entities = run(body)
    events = [e for e in entities if e.kind is EVENT]
    assert len(events) == 1
    assert events[0].name == "June 9 presidential election"
    assert events[0].aliases == ("June 9 election",)
    assert len([m for m in mentions if m.kind is EVENT]) == 2


def test_seed_004_gendered_surnames_stay_apart() -> None:
    mentions, entities = run(SEED_004)
    father = entity(entities, "Nursultan Nazarbayev")
    daughter = entity(entities, "Dariga Nazarbayeva")
    assert father.index != daughter.index
    assert father.aliases == ("Nazarbayev",)
    assert daughter.aliases == ()
    assert father.description == "78-year-old former president"
    alone = [m for m in mentions if m.text == "Nazarbayev"]
    assert alone
    assert all(m.local_entity == father.index for m in alone)


def test_seed_004_lowercase_titles_rights_groups_and_appositions() -> None:
    _, entities = run(SEED_004)
    kozhayev = entity(entities, "Marat Kozhayev")
    assert kozhayev.kind is PERSON
    assert kozhayev.description == "deputy interior minister"
    assert entity(entities, "Nur Otan").kind is ORG
    assert entity(entities, "Human Rights Watch").kind is ORG
    assert entity(entities, "AFP").kind is ORG
    assert entity(entities, "Chris Rickleton").description == "British journalist with AFP"


def test_people_sharing_a_first_name_stay_apart() -> None:
    body = (
        "Political activist Mukhtar Taizhan wrote on Facebook that the vote was rigged. "
        "Authorities blamed fugitive banker Mukhtar Ablyazov for the protests.\n\n"
        "Ablyazov lives in France. Taizhan said he would keep protesting."
    )
    mentions, entities = run(body)
    taizhan = entity(entities, "Mukhtar Taizhan")
    ablyazov = entity(entities, "Mukhtar Ablyazov")
    assert taizhan.index != ablyazov.index
    assert taizhan.description == "political activist"
    assert [m.local_entity for m in mentions if m.text == "Ablyazov"] == [ablyazov.index]
    assert [m.local_entity for m in mentions if m.text == "Taizhan"] == [taizhan.index]
    assert entity(entities, "France").kind is PLACE


def test_copy_from_another_outlet() -> None:
    body = (
        "MOSCOW (Reuters) - Russian President Vladimir Putin met German Chancellor Olaf Scholz "
        "at the Kremlin on Tuesday, the TASS news agency reported.\n\n"
        "Putin's spokesman, Dmitry Peskov, told reporters the talks were useful. "
        "The European Union's foreign policy chief said the Ministry of Foreign Affairs "
        "of Ukraine had not been consulted.\n\n"
        "Separately, the World Health Organization (WHO) said the Red Sea region needed aid, "
        "and Amnesty International urged calm in Central Asia."
    )
    _, entities = run(body)
    putin = entity(entities, "Vladimir Putin")
    assert putin.kind is PERSON
    assert putin.aliases == ("Putin",)
    assert putin.description == "Russian president"
    assert entity(entities, "Olaf Scholz").description == "German chancellor"
    assert entity(entities, "Dmitry Peskov").kind is PERSON
    assert entity(entities, "Moscow").kind is PLACE
    assert entity(entities, "Reuters").kind is ORG
    assert entity(entities, "TASS").kind is ORG
    assert entity(entities, "European Union").kind is ORG
    assert entity(entities, "Ministry of Foreign Affairs of Ukraine").kind is ORG
    who = entity(entities, "World Health Organization")
    assert who.kind is ORG
    assert who.aliases == ("WHO",)
    assert entity(entities, "Red Sea").kind is PLACE
    assert entity(entities, "Central Asia").kind is PLACE
    assert entity(entities, "Amnesty International").kind is ORG
    found = names(entities)
    assert not {"Russian", "German", "Separately", "Tuesday", "The"} & found


def test_acronym_spelling_the_initials_of_a_name_in_the_article() -> None:
    body = (
        "The Central Election Commission announced the results on Monday. "
        "The CEC said turnout was high."
    )
    _, entities = run(body)
    cec = entity(entities, "Central Election Commission")
    assert cec.aliases == ("CEC",)
    assert any("initials" in r for r in cec.reasons)


def test_heading_lines_only_keep_listed_names() -> None:
    body = "POET DETAINED IN ALMATY\n\n'Scant Respect' For Democratic Standards"
    _, entities = run(body)
    assert names(entities) == {"Almaty"}


def test_a_show_a_flight_or_a_marathon_is_an_event_not_a_person() -> None:
    # "Paris" and "Adam" are given names too; the last word says what the name is
    body = (
        "Qatar Airways ordered jets at the Paris Air Show. The crash of Adam Air Flight 574 "
        "killed 102 people. The Gold Coast Marathon was held on Sunday."
    )
    _, entities = run(body)
    kinds = {e.name: e.kind for e in entities}
    assert kinds["Paris Air Show"] is EntityKind.EVENT
    assert kinds["Adam Air Flight"] is EntityKind.EVENT
    assert kinds["Gold Coast Marathon"] is EntityKind.EVENT


def test_the_euro_zone_is_a_place_in_lower_case_too() -> None:
    body = "Inflation in the euro zone fell to 2.4 percent. The euro area economy grew."
    mentions, entities = run(body)
    assert [(m.text, entities[m.local_entity].name) for m in mentions] == [
        ("euro zone", "Eurozone"),
        ("euro area", "Eurozone"),
    ]
    assert entities[0].kind is EntityKind.PLACE


def test_a_person_of_a_party_in_the_possessive_is_two_names() -> None:
    body = (
        "In Hong Kong Island, Regina Ip of the New People's Party won. "
        "Profit at Bank of America's main unit rose."
    )
    _, entities = run(body)
    kinds = {e.name: e.kind for e in entities}
    assert kinds["Regina Ip"] is EntityKind.PERSON
    assert kinds["Bank of America"] is EntityKind.ORGANIZATION


def test_a_market_index_is_one_name_with_its_number() -> None:
    _, entities = run(
        "The FTSE 100 fell 2.03 points. The S&P 500 index dropped 3.24%, the Nasdaq "
        "Composite fell 2% and the Dow Jones Industrial Average lost 631 points. Some 100 "
        "traders watched."
    )
    assert {"FTSE 100", "S&P 500", "Nasdaq Composite", "Dow Jones Industrial Average"} <= names(
        entities
    )
    assert entity(entities, "Nasdaq Composite").kind is ORG
    assert not any("100" in name for name in names(entities) - {"FTSE 100"})


def test_a_companys_legal_form_after_a_comma_is_no_name_of_its_own() -> None:
    _, entities = run("YRC Worldwide, Inc. was the biggest faller, and Apple, Inc. gained.")
    found = names(entities)
    assert "YRC Worldwide" in found
    assert "Apple" in found
    assert not any("Inc" in name for name in found)


def test_a_lone_name_the_parse_keeps_reading_as_a_proper_noun_is_kept() -> None:
    # The recogniser labels no "Opel"; the parse reads it as a proper noun each time.
    extraction = extract(
        parse_article(
            "GM to cut jobs at Opel\n\nGeneral Motors will cut 10,000 jobs at Opel. "
            "About 54,000 people are employed by Opel, about 25,000 of them in Germany."
        )
    )
    assert "Opel" in {e.name for e in extraction.entities}
    employed = next(f for f in extraction.figures if f.text.startswith("About 54,000"))
    assert employed.subject is not None
    assert extraction.entities[employed.subject].name == "Opel"


def test_a_listed_name_with_a_possessive_inside_it_is_one_name() -> None:
    _, entities = run("The Standard & Poor's 500 index lost 26 points on Monday.")
    assert "Standard & Poor's 500" in names(entities)


def test_a_unit_after_its_number_is_no_name() -> None:
    extraction = extract(parse_article("iPhone\n\nThe iPhone comes in 16 GB and 32 GB models."))
    assert "GB" not in {e.name for e in extraction.entities}


def test_an_acronym_before_the_name_it_spells_out_is_that_name() -> None:
    _, entities = run(
        "We will consider other options, including use of the TARP Troubled Assets "
        "Relief Program, to prevent a collapse."
    )
    found = entity(entities, "Troubled Assets Relief Program")
    assert found.aliases == ("TARP",)
    assert found.kind is EntityKind.ORGANIZATION


def test_a_newspaper_keeps_the_nationality_in_its_name() -> None:
    _, entities = run(
        '"It could have been much worse," Khaled Al-Maeena, editor at large at the Saudi '
        "Gazette, said."
    )
    assert entity(entities, "Saudi Gazette").kind is EntityKind.ORGANIZATION


def test_a_name_before_a_colon_is_a_title_only_in_running_text() -> None:
    # opening a sentence, or after no lower-case word, it is a name of its own
    for body in (
        "Shares fell. Reuters: Apple Inc shares rose 5% on Monday.",
        "At 10 Reuters: Apple Inc rose.",
    ):
        _, entities = run(body)
        assert {e.name for e in entities} >= {"Reuters", "Apple Inc"}


def test_two_places_joined_by_a_hyphen_are_two_places() -> None:
    _, entities = run("Its first flight on the Singapore-Sydney route left Changi.")
    assert {"Singapore", "Sydney"} <= names(entities)
    assert "Singapore-Sydney" not in names(entities)


def test_a_person_only_the_recogniser_found_is_described_like_the_rest() -> None:
    body = (
        "The former union boss was first sentenced in 2004 by Harold Pike, a federal judge "
        "in Maine, who called him a danger to the public.\n\n"
        "In August 2009, Judge Martin T. Wendell of Federal District Court in Boston ruled "
        "that he was fit to stand trial.\n\n"
        '"He has paid for what he did," the judge said.'
    )
    extraction = extract(parse_article("Headline\n\n" + body))
    assert entity(extraction.entities, "Martin T. Wendell").description == "judge"
    (quote,) = extraction.quotes  # "the judge" is the judge named last
    named = {e.index: e.name for e in extraction.entities}
    assert quote.speaker is not None
    assert named[quote.speaker] == "Martin T. Wendell"


@pytest.mark.parametrize(
    ("body", "person", "not_names"),
    [
        # a title between a place's or a body's name and its holder
        ("Flooding closed three roads, Marlow Governor Dennis Keating said on Friday.",
         "Dennis Keating", ("Marlow Governor Dennis Keating",)),
        ("Plans were filed by Kestrel Dynamics Chief Financial Officer Ruth Hale on Monday.",
         "Ruth Hale", ("Kestrel Dynamics Chief Financial", "Financial Officer Ruth Hale")),
        # a title with what it is of between it and its holder
        ("The case was reopened by Chief of Detectives Laura Whitfield last week.",
         "Laura Whitfield", ("Chief of Detectives Laura Whitfield", "Detectives Laura Whitfield")),
        ("The memo went to Assistant Secretary of the Navy for Research Paul Henning.",
         "Paul Henning", ("Research Paul Henning",)),
    ],
)  # fmt: skip
def test_a_title_inside_a_run_of_capitals_is_in_no_name(
    body: str, person: str, not_names: tuple[str, ...]
) -> None:
    extraction = extract(parse_article("Report\n\n" + body))
    found = {e.name: e for e in extraction.entities}
    assert found[person].kind is PERSON, sorted(found)
    assert not set(not_names) & set(found), sorted(found)


def test_a_title_opening_a_run_still_describes_the_name_after_it() -> None:
    _, entities = run("Commerce Secretary Gary Locke said the rule would stand.")
    locke = entity(entities, "Gary Locke")
    assert locke.description == "commerce secretary"
    assert "Commerce" not in names(entities)


def test_a_noun_that_is_no_name_alone_may_open_one() -> None:
    _, entities = run(
        "A flaw in Internet Explorer let attackers in. Most of the Internet was unaffected."
    )
    found = names(entities)
    assert "Internet Explorer" in found
    assert not {"Explorer", "Internet"} & found


def test_a_person_of_a_listed_place_is_a_person_and_the_place() -> None:
    _, entities = run(
        "The guests included Nicolae Ceausescu of Romania and President Lech Walesa of "
        "Poland, who met staff of the University of Texas and the Federal Reserve "
        "Bank of New York."
    )
    found = names(entities)
    assert {"Nicolae Ceausescu", "Romania", "Lech Walesa"} <= found, found
    assert {"University of Texas", "Federal Reserve Bank of New York"} <= found, found
    assert not any(" of Romania" in n or " of Poland" in n for n in found), found


@pytest.mark.parametrize(
    ("body", "kept", "not_names"),
    [
        # a title in the possessive after the place it is held in
        ("Two deputies from the Marin County Sheriff's office were called.",
         "Marin County", ("Marin County Sheriff",)),
        # a body named so keeps it
        ("The Marin County Sheriff's Department arrested two men.",
         "Marin County Sheriff's Department", ("Marin County",)),
        # a corporate title between a body and its holder
        ("The plan, said Rainford Trust Co-Founder Ellen Marsh, was sound.",
         "Ellen Marsh", ("Rainford Trust Co-Founder", "Rainford Trust Co-Founder Ellen Marsh")),
    ],
)  # fmt: skip
def test_a_title_after_the_name_it_is_held_in_is_no_part_of_it(
    body: str, kept: str, not_names: tuple[str, ...]
) -> None:
    extraction = extract(parse_article("Report\n\n" + body))
    found = {e.name for e in extraction.entities}
    assert kept in found, sorted(found)
    assert not set(not_names) & found, sorted(found)


def test_a_list_of_capitalised_words_before_the_acronym_it_spells_is_one_name() -> None:
    _, entities = run(
        "Its Flight Data, Navigation and Control Unit (FDNCU) failed twice, and the "
        "Tracking and Landing Aid (TLA) was switched off."
    )
    found = names(entities)
    assert {"Flight Data, Navigation and Control Unit", "Tracking and Landing Aid"} <= found
    assert not {"Flight Data", "Navigation", "Control Unit", "Tracking"} & found, found
    assert entity(entities, "Flight Data, Navigation and Control Unit").aliases == ("FDNCU",)


def test_a_compass_word_before_and_shares_the_name_after_it() -> None:
    # named in full elsewhere: the bare word is no mention; else it names the shared name
    mentions, entities = run(
        "Envoys from North and South Korea met in Geneva, while ferries between East and "
        "West Timor stopped. North Korea sent four."
    )
    found = names(entities)
    assert {"North Korea", "South Korea", "East Timor", "West Timor"} <= found, found
    assert not {"North", "East"} & found, found
    assert "North" not in {m.text for m in mentions}


def test_a_generic_head_alone_is_an_entity_only_for_a_body_named_in_full() -> None:
    _, entities = run(
        "Our Company thanks its staff, said Mr. Dale. The Calloway Institute agreed; the "
        "Institute will publish its review."
    )
    found = names(entities)
    assert "Company" not in found, found
    assert "Calloway Institute" in found, found


def test_the_acronym_of_a_common_noun_alone_is_no_name() -> None:
    body = (
        "The Harlow Motors van carried a GPS tracker, 8GB of RAM and two USB ports, police "
        "said. The driver, a senior VP at the firm, was held on a DUI charge at 9 p.m. EDT "
        "while the Harlow Motors TV advert ran."
    )
    _, entities = run(body)
    found = names(entities)
    assert not {"GPS", "RAM", "USB", "VP", "DUI", "EDT"} & found, found
    assert "Harlow Motors" in found, found
    extraction = extract(parse_article("Van held\n\n" + body))
    found = {e.name for e in extraction.entities}
    assert not {"GPS", "RAM", "USB", "VP", "DUI", "EDT"} & found, found


def test_the_acronym_of_a_degree_a_test_a_unit_or_a_chemical_alone_is_no_name() -> None:
    body = (
        "The SWAT team found the suspect, who holds a BS in Biology from Dunmore College and "
        "scored an I.Q. of 140, with traces of DDT and VX on his gloves, police said at "
        "6 a.m. PT. The Raiders placed their tackle on IR."
    )
    _, entities = run(body)
    found = names(entities)
    assert not {"SWAT", "BS", "I.Q.", "DDT", "VX", "PT", "IR"} & found, found
    assert "Dunmore College" in found, found


def test_a_capitalised_count_inside_a_sentence_opens_the_name_after_it() -> None:
    _, entities = run(
        "The order came from its launch customer, All Nippon Airways, and lifted the All "
        "Ordinaries index. Lawyers cited the First Amendment. Most Analysts agreed."
    )
    found = names(entities)
    assert {"All Nippon Airways", "All Ordinaries", "First Amendment"} <= found, found
    assert not {"Nippon Airways", "Ordinaries", "Amendment"} & found, found
    assert "Most Analysts" not in found, found


def test_a_month_or_a_street_after_in_or_on_is_no_part_of_the_name() -> None:
    _, entities = run(
        "The singer entered the Hazelden Recovery Center in June, her agent said. A fire "
        "broke out at the Pacific Coast Bank on Route 9 overnight. The Commission on "
        "Human Rights and the Council on Foreign Relations met."
    )
    found = names(entities)
    assert {"Hazelden Recovery Center", "Pacific Coast Bank"} <= found, found
    assert {"Commission on Human Rights", "Council on Foreign Relations"} <= found, found
    assert not {"Hazelden Recovery Center in June", "Pacific Coast Bank on Route"} & found
