"""Names checked against the recogniser: cut where one name ends, typed, or dropped."""

from __future__ import annotations

import pytest

from service.ingest.mentions.entities import find_mentions
from service.ingest.model import EntityKind
from service.ingest.parse.sentences import split_sentences
from tests.ingest.mentions.finding import ORG, PERSON, PLACE, entities


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a person and the party they stand for
        ("Fernando Cheung of the Labour Party won a seat in the council.",
         [(PERSON, "Fernando Cheung"), (ORG, "Labour Party")]),
        # a state, or a city of several words, is a place wherever it stands
        ("Florida and Ohio moved to ban the practice, as did New Orleans.",
         [(PLACE, "Florida"), (PLACE, "Ohio"), (PLACE, "New Orleans")]),
        # a city of two words after "in", whatever the recogniser read
        ("He was 95 and lived in Santa Rosa.", [(PLACE, "Santa Rosa")]),
        # an age set after a name makes it a person's, whatever the recogniser read
        ("Rubilio Mendez, 34, a migrant from Guatemala who traveled with the caravan, "
         "said he has no family in the U.S.",
         [(PERSON, "Rubilio Mendez"), (PLACE, "Guatemala"), (PLACE, "U.S.")]),
        # a title and the country it is of stay out of the person's name
        ("U.S. President Donald Trump met Angela Merkel in Berlin.",
         [(PLACE, "U.S."), (PERSON, "Donald Trump"), (PERSON, "Angela Merkel"),
          (PLACE, "Berlin")]),
        # a day stuck to a place
        ("Protesters gathered in Nur-Sultan Wednesday as police watched.",
         [(PLACE, "Nur-Sultan")]),
        # a title word the rules cut off an organisation's name ("General"), and the
        # "US" of an amount, which is no place
        ("United States automobile company General Motors lost US$6 billion in May.",
         [(PLACE, "United States"), (ORG, "General Motors")]),
        # a given name the recogniser left off a person after an organisation
        ("After the leak, CEO of the Refugee Council Enver Solomon told Sky News it was bad.",
         [(ORG, "Refugee Council"), (PERSON, "Enver Solomon"), (ORG, "Sky News")]),
        # a portfolio before a title is no organisation
        ("Shadow Home Secretary Yvette Cooper said it was damning.",
         [(PERSON, "Yvette Cooper")]),
        # "for the" inside an organisation's name
        ("Critics like Joint Council for the Welfare of Immigrants campaigner Caitlin "
         "Boswell spoke.",
         [(ORG, "Joint Council for the Welfare of Immigrants"), (PERSON, "Caitlin Boswell")]),
        # a single word the recogniser names twice, only ever at a sentence start
        ("Chrysler said on Thursday it would close dealerships. Chrysler has been losing "
         "money for a year.",
         [(ORG, "Chrysler")]),
        # a nationality is no entity
        ("The Panamanian ship sank off the coast.", []),
        # one name the recogniser reads as two stays one
        ("Qasym-Zhomart Toqaev won the election, officials said.",
         [(PERSON, "Qasym-Zhomart Toqaev")]),
        # an organisation the recogniser knows, which the rules took for a person
        ("Siemens Energy cut 4,100 jobs in Berlin.",
         [(ORG, "Siemens Energy"), (PLACE, "Berlin")]),
        # a person (no listed given name) and the party she belongs to, though only the
        # person is recognised
        ("Daniya Sultanova of the Ak Zhol party received 5.05 percent.",
         [(PERSON, "Daniya Sultanova"), (ORG, "Ak Zhol")]),
        # a single surname the recogniser names (as a person or not), described as a
        # person right after; a company described as a company stays one
        ("Sokolov, the opposition candidate, got about 16 percent.",
         [(PERSON, "Sokolov")]),
        ("Microsoft, the software giant, said it would cut jobs.",
         [(ORG, "Microsoft")]),
        # a title of a country before the person holding it
        ("Acting President of Kenya William Ruto won the vote with 60 percent.",
         [(PLACE, "Kenya"), (PERSON, "William Ruto")]),
        # "the" before the country is no part of its name
        ("The President of the United States Joe Biden will visit Ireland in April.",
         [(PLACE, "United States"), (PERSON, "Joe Biden"), (PLACE, "Ireland")]),
        # a company named once, at a sentence start, as the subject of its clause (even
        # where the recogniser took it for a nationality); common nouns there are none
        ("Boeing delivered 27 jets in March.", [(ORG, "Boeing")]),
        ("Rivian said it would lay off 6% of its staff.", [(ORG, "Rivian")]),
        ("Police said 20 people were held. Analysts expect more.", []),
        ("Democrats said the bill would fail.", []),
        ("UK VAT receipts rose.", [(PLACE, "U.K.")]),
        # a place the recogniser took for a person, before the noun it qualifies
        ("The death toll from the Valencia floods rose to 95.", [(PLACE, "Valencia")]),
        # a town GeoNames knows, after "in" or "between", that the recogniser missed or
        # took for a person; never a word after "of" that only names a town by chance
        ("Police in Arequipa arrested 12 people.", [(PLACE, "Arequipa")]),
        ("The quake struck Italy between Bologna and the city of Modena.",
         [(PLACE, "Italy"), (PLACE, "Bologna"), (PLACE, "Modena")]),
        # a party named with a possessive is one name; a place's is the place
        ("Regina Ip of the New People's Party won.",
         [(PERSON, "Regina Ip"), (ORG, "New People's Party")]),
        ("Russia's Party said no.", [(PLACE, "Russia")]),
        # ... so is a plural's, with what it is of
        ("Kim told a meeting of the Workers' Party of Korea that no more tests were needed.",
         [(PERSON, "Kim"), (ORG, "Workers' Party of Korea")]),
        # a measure's acronym is no organisation, nor part of the place before it
        ("German GDP contracted and US CPI rose in Berlin.", [(PLACE, "U.S."), (PLACE, "Berlin")]),
        # an office's title run on into the speaker's name: the body after "of", and
        # the person, even with a given name no list knows
        ("Prosecutors agreed, Director of Public Prosecutions Noordin Haji said.",
         [(ORG, "Public Prosecutions"), (PERSON, "Noordin Haji")]),
        ("The vote was fair, Chairman of the Central Electoral Commission Berik Imashev told "
         "a briefing.", [(ORG, "Central Electoral Commission"), (PERSON, "Berik Imashev")]),
    ],
)  # fmt: skip
def test_names_are_checked(body: str, expected: list[tuple[EntityKind, str]]) -> None:
    assert entities(body) == expected


def test_without_a_parse_the_rules_alone_decide() -> None:
    # a given name no list knows: only the recogniser could cut the party off
    body = "Xoliswa Cheung of the Labour Party won a seat in the council."
    _, found = find_mentions(body, split_sentences(body))
    assert [e.name for e in found] == ["Xoliswa Cheung of the Labour Party"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the year of an edition is part of the event's name
        ("It was the first game played by both teams at the 2012 Summer Paralympics.",
         [(EntityKind.EVENT, "2012 Summer Paralympics")]),
        ("The team travelled to the 2010 Africa Cup of Nations in Angola.",
         [(EntityKind.EVENT, "2010 Africa Cup of Nations"), (PLACE, "Angola")]),
        # not of a place before a common noun, nor without "the"
        ("It approached the 2004 Indian Ocean earthquake as the deadliest.",
         [(PLACE, "Indian Ocean")]),
        ("In 2010 Africa Cup of Nations matches were played in Angola.",
         [(ORG, "Africa Cup of Nations"), (PLACE, "Angola")]),
    ],
)  # fmt: skip
def test_the_year_of_an_edition_names_the_event(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected
