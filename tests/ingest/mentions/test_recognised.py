"""Names checked against the recogniser: cut where one name ends, typed, or dropped."""

from __future__ import annotations

import pytest

from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.entities import find_mentions
from service.ingest.mentions.recognised import _one_body_across_for_on
from service.ingest.model import EntityKind
from service.ingest.nlp.model import analyse
from service.ingest.parse.sentences import split_sentences

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


def entities(body: str) -> list[tuple[EntityKind, str]]:
    _, found = find_mentions(body, split_sentences(body), analyse(body))
    return [(e.kind, e.name) for e in found]


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


def test_a_name_holding_a_place_stays_whole() -> None:
    # The recogniser sees only "Canada" in it; the rules' whole name stands.
    names = [name for _, name in entities("Environment Canada issued a warning for Ottawa.")]
    assert names == ["Environment Canada", "Ottawa"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a convention runs on across "on" to what it is about, though the recogniser
        # reads two names ("The UN Convention", "Biological Diversity")
        ("The UN Convention on Biological Diversity places a ban on geoengineering.",
         [(ORG, "UN Convention on Biological Diversity")]),
        ("The Convention on Biological Diversity (CBD) meets in Japan.",
         [(ORG, "Convention on Biological Diversity"), (PLACE, "Japan")]),
        # an organisation's office runs on across "for"
        ('It came after the United Nations High Commissioner for Refugees "recommended it".',
         [(ORG, "United Nations High Commissioner for Refugees")]),
    ],
)  # fmt: skip
def test_a_name_runs_on_to_what_it_is_about(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


def test_a_title_before_its_holder_does_not_run_on() -> None:
    # "European Commissioner for Competition" is Neelie Kroes's title, no organisation
    found = entities("European Commissioner for Competition Neelie Kroes said the deal was fine.")
    assert (ORG, "Commissioner for Competition Neelie Kroes") not in found


def test_a_transcript_heading_names_the_speaker_without_on_behalf_of() -> None:
    body = (
        "We'll hear argument first this morning in Case 22-506. General Prelogar.\n"
        "ORAL ARGUMENT OF GEN. ELIZABETH B. PRELOGAR ON BEHALF OF THE PETITIONERS\n"
        "Mr. Chief Justice, and may it please the Court: the pandemic caused distress."
    )
    names = [name for _, name in entities(body)]
    assert "ELIZABETH B. PRELOGAR" in names
    assert not [n for n in names if "BEHALF" in n]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a given name's syllable after a hyphen is part of the name
        ("Localist group Civic Passion's Wong Yeung-tat was defeated in this district.",
         "Wong Yeung-tat"),
        ("While pro-Beijing veteran politician Wong Kwok-hing of FTU was defeated.",
         "Wong Kwok-hing"),
        # also one that spells a function word, which the parse reads as a noun
        ("Pyongyang will host South Korean President Moon Jae-in at a summit next week.",
         "Moon Jae-in"),
        # a participle after a hyphen is not
        ("The Gordon Brown-led government fell.", "Gordon Brown"),
        # nor a word of the clause a lost dash ran into the name
        ("Chela Ortiz-in 2019 she moved to Texas with her mother.", "Chela Ortiz"),
        # nor a word of the sentence a lost dash ran into the name
        ("Chela Ortiz-who was married three weeks before-sat with her mother.",
         "Chela Ortiz"),
    ],
)  # fmt: skip
def test_a_person_s_name_runs_on_over_a_hyphen_to_a_syllable(body: str, name: str) -> None:
    assert name in [n for _, n in entities(body)]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a work's title runs on across a colon to its subtitle in running text
        ("Kevin Conroy, the voice of Batman in Batman: The Animated Series, spoke.",
         "Batman: The Animated Series"),
        ("The finals saw Cloud9 and Immortals face off in Counter-Strike: Global Offensive.",
         "Counter-Strike: Global Offensive"),
    ],
)  # fmt: skip
def test_a_title_runs_on_to_its_subtitle(body: str, name: str) -> None:
    assert (EntityKind.OTHER, name) in entities(body)


def test_names_either_side_of_the_that_the_recogniser_reads_as_one_are_one() -> None:
    body = (
        "A stampede during the Stoning the Devil ritual on the last day at the Hajj in "
        "Mina, Saudi Arabia, kills at least 362 Muslims."
    )
    names = [n for _, n in entities(body)]
    assert "Stoning the Devil" in names
    assert "Devil" not in names


@pytest.mark.parametrize(
    ("body", "name", "run_on"),
    [
        ("Recently Google has been buying rights to sell films online.", "Google",
         "Recently Google"),
        ("Acquiring Compaq also gave HP a larger share of the market.", "Compaq",
         "Acquiring Compaq"),
        # an opening word the recogniser reads into a person's name, cut off where the copy
        # prints the name alone elsewhere
        ("Orozco will be held without bail, Sheriff Tom Cooley told reporters.\n\n"
         "Joining Cooley at the news conference was Assistant Sheriff Doyle Campbell.",
         "Tom Cooley", "Joining Cooley"),
        ("The deal was struck by Obama. The base hated Obama. Anything Obama did was by "
         "definition bad.", "Obama", "Anything Obama"),
        # ... or into a title it takes the whole quoted sentence for
        ('"Acquiring Harlow Data Centre Services gives us a foothold in Europe," the chief '
         "executive said. Harlow Data Centre Services employs 300 people.",
         "Harlow Data Centre Services", "Acquiring Harlow Data Centre Services"),
    ],
)  # fmt: skip
def test_a_word_opening_the_sentence_is_no_part_of_the_name_after_it(
    body: str, name: str, run_on: str
) -> None:
    names = [n for _, n in entities(body)]
    assert name in names, names
    assert run_on not in names, names


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a given name opening the sentence is the person's own
        ("Butler missed the game. Darius Butler returned to practice on Friday.",
         "Darius Butler"),
        # a word printed with its capital inside a sentence too is a name's word
        ("Voters in Central Lakeland were angry. Lakeland was quiet. Central Lakeland "
         "voted no.", "Central Lakeland"),
    ],
)  # fmt: skip
def test_an_opening_word_of_the_name_itself_stays(body: str, name: str) -> None:
    names = [n for _, n in entities(body)]
    assert name in names, names


def test_a_word_the_recogniser_reads_into_the_name_stays() -> None:
    names = [n for _, n in entities("Northern Ireland voted to stay, officials said.")]
    assert "Northern Ireland" in names, names


@pytest.mark.parametrize(
    ("body", "joined", "apart"),
    [
        # a body whose name has "and" inside it, read as one by the recogniser
        ("Officials at the Securities and Exchange Commission opened an inquiry on Monday.",
         ["Securities and Exchange Commission"], ["Securities", "Exchange Commission"]),
        ("The plan was drawn up by the National Oceanic and Atmospheric Administration.",
         ["National Oceanic and Atmospheric Administration"],
         ["National Oceanic", "Atmospheric Administration"]),
        # the recogniser names no part of the single word before "and"
        ("Scientists at the Fish and Wildlife Service objected to the new rule.",
         ["Fish and Wildlife Service"], ["Fish", "Wildlife Service"]),
        # ... or reads the body from a word after the name's first
        ("House Ways and Means Committee Chairman Kevin Brady said tariffs hurt farmers.",
         ["House Ways and Means Committee"], ["House Ways", "Means Committee"]),
        # a firm the recogniser names on its own before "and" stays apart
        ("The phones were examined by experts from Cricket Wireless and Federal Bureau "
         "of Investigation agents.",
         ["Cricket Wireless", "Federal Bureau of Investigation"], []),
        # a country's agency the recogniser reads whole needs no head word after "and"
        ("A spokesman for U.S. Customs and Border Protection said the crossing would reopen.",
         ["U.S. Customs and Border Protection"], ["Border Protection"]),
        # a word the rules took for no name ("immigration" is printed in lower case)
        # opens the organisation the recogniser reads over "and"
        ("An immigration lawyer said the detainees were handed over to Immigration and "
         "Customs Enforcement on Friday.",
         ["Immigration and Customs Enforcement"], ["Customs Enforcement"]),
        # a body named for two things it is of, which the recogniser cuts at "and"
        ("The Association of Retired Teachers and Librarians said pensions had fallen.",
         ["Association of Retired Teachers and Librarians"],
         ["Association of Retired Teachers", "Librarians"]),
        # ... not a body of a place and another the recogniser names in two words
        ("A statement from the Bank of Ghana and Federal Reserve followed.",
         ["Bank of Ghana", "Federal Reserve"], ["Bank of Ghana and Federal Reserve"]),
        # two bodies side by side stay two: a head word ends the first one
        ("Rangers from the Forest Service and National Park Service fought the fire.",
         ["Forest Service", "National Park Service"],
         ["Forest Service and National Park Service"]),
        # a body named across "on" or "for" the recogniser reads whole
        ("The watchdog group the Project on Government Oversight asked for the files.",
         ["Project on Government Oversight"], ["Government Oversight"]),
        ("Officers searched the Yearning for Zion Ranch near the county line.",
         ["Yearning for Zion Ranch"], ["Zion Ranch"]),
    ],
)  # fmt: skip
def test_one_body_named_across_and_for_or_on_is_one_name(
    body: str, joined: list[str], apart: list[str]
) -> None:
    names = [n for _, n in entities(body)]
    assert all(n in names for n in joined), names
    assert not any(n in names for n in apart), names


def test_a_road_after_on_joins_no_name() -> None:
    # where someone was: the recogniser may read "Salem on Interstate" as one body
    body = "They found Dana Pruitt of Salem on Interstate 84 that night."
    salem, road = body.index("Salem"), body.index("Interstate")
    left = Candidate(salem, salem + 5, "Salem", EntityKind.OTHER, 0)
    right = Candidate(road, road + 10, "Interstate", EntityKind.OTHER, 0)
    names = [(salem, road + 10, "ORG")]
    assert not _one_body_across_for_on(body, left, right, names)
    body = body.replace("Interstate 84", "Interstate Pact")
    assert _one_body_across_for_on(body, left, right, names)


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


def test_a_time_made_a_name_by_its_capitals_is_no_name() -> None:
    body = (
        "Late Friday, protesters marched to the harbour. Months later the talks resumed at "
        "9 AM EDT, and on Anzac Day the city fell silent."
    )
    found = [name for _, name in entities(body)]
    assert not {"Late Friday", "Months", "AM EDT"} & set(found), found
    assert "Anzac Day" in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Riots spread to the port city of Thessaloniki on Tuesday.",
         [(PLACE, "Thessaloniki")]),
        ("Looters targeted shops in Woodburn after the storm.", [(PLACE, "Woodburn")]),
        ("The suspect, a 40-year-old mechanic of Schenectady, New York, was held.",
         [(PLACE, "Schenectady"), (PLACE, "New York")]),
        ("A magnitude 6.1 earthquake hit Guayaquil early on Monday.",
         [(PLACE, "Guayaquil")]),
        # a firm GeoNames knows as a town stays a firm where one holds shares in it
        ("Customers interested in the Nokia can order it online.",
         [(ORG, "Nokia")]),
    ],
)  # fmt: skip
def test_a_town_read_as_an_organisation_where_only_a_place_goes_is_a_place(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


OTHER = EntityKind.OTHER


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a work, a product: nobody is "the Golden Compass"
        ("Critics praised the Golden Compass, which opened on Friday.",
         [(OTHER, "Golden Compass")]),
        ("Ford will stop building the Crown Victoria next year.",
         [(ORG, "Ford"), (OTHER, "Crown Victoria")]),
        # a plural is a team
        ("The Tar Heels beat the Blue Devils 70-61 on Saturday.",
         [(ORG, "Tar Heels"), (ORG, "Blue Devils")]),
        # "the" of what the person owns
        ("He wore the Shaquille O'Neal's jersey to the game.",
         [(PERSON, "Shaquille O'Neal")]),
    ],
)  # fmt: skip
def test_a_name_the_article_itself_determines_is_no_person(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Wildfires spread across Southern California on Monday.",
         [(PLACE, "Southern California")]),
        ("Veterans of the Korean War gathered in Seoul.",
         [(EntityKind.EVENT, "Korean War"), (PLACE, "Seoul")]),
        ("He was treated at a hospital in British Columbia.", [(PLACE, "British Columbia")]),
        # a direction opens a body's name complete with its head, or one the rules took
        # for a person's, and an event's
        ("Two frigates of the Eastern Naval Command escorted the convoy on Tuesday.",
         [(ORG, "Eastern Naval Command")]),
        ("The Southern Arena Chess Championship drew large crowds over the weekend.",
         [(EntityKind.EVENT, "Southern Arena Chess Championship")]),
        # a nationality before such a name describes it
        ("Officials of the British National Council for Voluntary Organisations met.",
         [(ORG, "National Council for Voluntary Organisations")]),
    ],
)  # fmt: skip
def test_a_nationality_or_direction_the_recogniser_reads_into_a_name_stays(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


def test_an_organisation_ending_in_a_party_word_is_one_name() -> None:
    body = "The cause was not known, said the Press Democrat newspaper in Santa Rosa."
    _, entities = find_mentions(body, split_sentences(body), analyse(body))
    found = {e.name for e in entities}
    assert "Press Democrat" in found, sorted(found)


def test_what_a_title_is_of_stays_out_of_the_holders_name() -> None:
    # the recogniser reads "Interior Dirk Halvorsen" as one name; "Interior" is what the
    # rules' title "Secretary of the Interior" is of
    body = '"The plan protects the parks," said Secretary of the Interior Dirk Halvorsen.'
    assert [name for _, name in entities(body)] == ["Dirk Halvorsen"]


def test_a_recognised_name_ending_in_of_cuts_no_name_read_whole() -> None:
    found = entities("The jet circled the Bay of Biscay for an hour before it landed.")
    assert (PLACE, "Bay of Biscay") in found, found
    assert not {"Bay of", "Biscay"} & {name for _, name in found}, found


@pytest.mark.parametrize(
    ("body", "kept", "dropped"),
    [
        # the page's labels in capitals before a colon name nothing
        ("PUBLISHED: 09:12 GMT, 3 March 2015 | UPDATED: 11:40 GMT, 3 March 2015. Ferry "
         "operator Stena Line said sailings were cancelled.",
         ["Stena Line"], ["PUBLISHED", "UPDATED"]),
        ("The senator said the memo was clear (NOTE: the memo has not been released).",
         [], ["NOTE"]),
        # an exchange before its ticker is a name
        ("Shares of Intel (NASDAQ: INTC) rose on Monday.", ["Intel", "Nasdaq"], []),
    ],
)  # fmt: skip
def test_a_label_of_the_page_is_no_name(body: str, kept: list[str], dropped: list[str]) -> None:
    names = [n for _, n in entities(body)]
    assert all(n in names for n in kept), names
    assert not any(n in names for n in dropped), names
