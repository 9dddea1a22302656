"""Mentions and local entities on seed paragraphs and on copy written like other outlets'."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.model import EntityKind
from service.ingest.parse.article import parse_article
from tests.ingest.mentions.finding import ORG, PERSON, PLACE, entity, names, run

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


def test_a_unit_after_its_number_is_no_name() -> None:
    extraction = extract(parse_article("iPhone\n\nThe iPhone comes in 16 GB and 32 GB models."))
    assert "GB" not in {e.name for e in extraction.entities}


def test_a_newspaper_keeps_the_nationality_in_its_name() -> None:
    _, entities = run(
        '"It could have been much worse," Khaled Al-Maeena, editor at large at the Saudi '
        "Gazette, said."
    )
    assert entity(entities, "Saudi Gazette").kind is EntityKind.ORGANIZATION


def test_a_noun_that_is_no_name_alone_may_open_one() -> None:
    _, entities = run(
        "A flaw in Internet Explorer let attackers in. Most of the Internet was unaffected."
    )
    found = names(entities)
    assert "Internet Explorer" in found
    assert not {"Explorer", "Internet"} & found


def test_a_capitalised_count_inside_a_sentence_opens_the_name_after_it() -> None:
    _, entities = run(
        "The order came from its launch customer, All Nippon Airways, and lifted the All "
        "Ordinaries index. Lawyers cited the First Amendment. Most Analysts agreed."
    )
    found = names(entities)
    assert {"All Nippon Airways", "All Ordinaries", "First Amendment"} <= found, found
    assert not {"Nippon Airways", "Ordinaries", "Amendment"} & found, found
    assert "Most Analysts" not in found, found
