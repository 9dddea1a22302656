"""The subject of the speech verb nearest the quote, read from the parse, and what it names."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article
from tests.ingest.quotes.reading import parsed_speakers


def test_the_subject_of_the_speech_verb_speaks() -> None:
    body = (
        "Enver Solomon leads the Refugee Council. The charity's chief executive, who "
        'has campaigned for years, told reporters: "Moves to reduce the backlog are '
        'welcome, but they must be well thought out."'
    )
    assert parsed_speakers(body)[0][1] in ("Enver Solomon", "The charity's chief executive")


def test_he_is_the_last_person_named() -> None:
    body = (
        "Kane Williamson scored a century at Lord's on Monday. Speaking after the match, "
        'he told BBC Sport: "It was the best innings of my life."'
    )
    assert parsed_speakers(body) == [("It was the best innings of my life.", "Kane Williamson")]


def test_a_described_speaker_is_the_name_in_apposition() -> None:
    body = (
        "The secretary general of the bishops' conference, Nunzio Galantino, has called "
        'the ruling "dangerous".'
    )
    assert parsed_speakers(body) == [("dangerous", "Nunzio Galantino")]


def test_a_quote_after_a_colon_is_the_clause_subjects() -> None:
    body = (
        "Rishi Sunak defended the government's record on Wednesday: "
        '"The Home Secretary and I are working intensely on that legislation."'
    )
    assert parsed_speakers(body)[0][1] == "Rishi Sunak"


def test_a_participle_cue_is_the_words_of_the_clause_it_hangs_on() -> None:
    body = (
        "Boeing lost the tanker deal to Airbus on Friday. Marvin Sambur defended the "
        'Air Force\'s consideration of Boeing, saying, "This was not a competitive bid." '
        "Paul Wolfowitz published an article in the Congressional Record, saying: "
        '"We intend to require competition." The news site Detik.com quoted Syafii '
        'Djamal as saying: "We do not need to buy aircraft from Europe."'
    )
    assert [name for _, name in parsed_speakers(body)] == [
        "Marvin Sambur",
        "Paul Wolfowitz",
        "Syafii Djamal",
    ]


def test_the_officer_speaks_not_the_organisation_of_the_office() -> None:
    body = (
        'Scott Carson, president and CEO of Boeing Commercial Airplanes said, "This has '
        'been a wonderful day." "We plan to use the 787 to expand," says ANA senior vice '
        'president Mitsuo Morimoto. "Our review found errors," said Michael R. Golden, '
        "the agency's counsel."
    )
    assert [name for _, name in parsed_speakers(body)] == [
        "Scott Carson",
        "Mitsuo Morimoto",
        "Michael R. Golden",
    ]


def test_the_company_is_the_last_organisation_named() -> None:
    body = (
        "The planemaker Airbus is late. In a statement on its website, the company said that "
        '"the root cause of the problem is the late mock-up."'
    )
    assert parsed_speakers(body)[0][1] == "Airbus"


def test_a_judge_who_ruled_speaks() -> None:
    body = (
        "U.S. District Judge Mark Pittman ruled that the program was "
        '"an unconstitutional exercise of Congress\'s legislative power."'
    )
    assert parsed_speakers(body)[0][1] == "Mark Pittman"


def test_it_read_as_a_description_is_not_taken_back_by_the_parse() -> None:
    copy = (
        "Protests\n\n"
        "News website Tengrinews.kz said police beat up one of its reporters.\n\n"
        "The Almaty police department said a police car had been damaged.\n\n"
        '"Police will not allow disturbances of public order," it said in a statement.\n'
    )
    extraction = extract(parse_article(copy))
    (quote,) = extraction.quotes
    assert quote.speaker is None  # not Tengrinews.kz, the last organisation named
    assert quote.speaker_text == "The Almaty police department"


def test_a_person_joined_to_a_club_in_the_subject_speaks() -> None:
    # the parse makes "Manchester City" the subject and the player its conjunct
    body = (
        "Manchester City and Togo striker Emmanuel Adebayor announces his retirement from "
        'international football, saying he is "still haunted" by the attack.'
    )
    assert parsed_speakers(body) == [("still haunted", "Emmanuel Adebayor")]


def test_he_after_a_fronted_phrase_is_the_person() -> None:
    body = (
        "Fritz Henderson described the events of today as a turning point.\n\n"
        'Speaking to the public he said that "The GM that let you down is history."'
    )
    assert parsed_speakers(body) == [("The GM that let you down is history.", "Fritz Henderson")]


def test_quoted_as_saying_is_the_one_quoted() -> None:
    body = (
        "Transport minister Jusman Syafii Djamal met reporters in Jakarta.\n\n"
        '"We do not need to buy aircraft from Europe," Detik.com quoted Djamal as saying.'
    )
    assert parsed_speakers(body)[0][1] == "Jusman Syafii Djamal"


def test_a_participle_after_a_quote_keeps_the_clause_subject() -> None:
    body = (
        'Steve Jobs acknowledged that "a small share of users" had issues, but dismissed '
        'an "Antennagate," saying that the issue "has been blown out of proportion."'
    )
    assert dict(parsed_speakers(body))["has been blown out of proportion."] == "Steve Jobs"


def test_a_person_in_the_subject_speaks_before_the_organisation() -> None:
    body = (
        "The current Microsoft CEO Steve Ballmer also expressed condolences and described "
        'him as "one of the founders of our industry".'
    )
    assert parsed_speakers(body) == [("one of the founders of our industry", "Steve Ballmer")]


def test_more_cue_verbs_name_the_speaker() -> None:
    body = (
        "Apple's vice-president of marketing, Greg Joswiak, indicated that the patch is for "
        'people who want "an easy option to set their own volume limit."\n\n'
        'Alan Mulally remembered asking, "How can it go away?"\n\n'
        "Richard Doherty praised the design. "
        'He states "A lot of products could have gotten to market earlier."'
    )
    assert [s for _, s in parsed_speakers(body)] == [
        "Greg Joswiak",
        "Alan Mulally",
        "Richard Doherty",
    ]


def test_the_agent_of_a_passive_verb_before_as_speaks() -> None:
    body = (
        "Steve Jobs opened the conference.\n\n"
        'The new iPhone was praised by Jobs as "the biggest leap we have taken."'
    )
    assert parsed_speakers(body) == [("the biggest leap we have taken.", "Steve Jobs")]


def test_a_person_the_subject_names_speaks_not_the_organisation_in_their_description() -> None:
    body = (
        "Shares in the insurer fell on Tuesday.\n\n"
        '"The market has simply lost patience with the board," explained Lakeview '
        "Partners' Daniel Okafor.\n\n"
        "Miriam Castell, director of Harbour Street Research, said the company had "
        '"no credible plan for the next two years".'
    )
    assert parsed_speakers(body) == [
        ("The market has simply lost patience with the board,", "Daniel Okafor"),
        ("no credible plan for the next two years", "Miriam Castell"),
    ]


def test_a_quote_running_on_keeps_the_person_not_the_organisation() -> None:
    body = (
        "The ferry service was cancelled for a week.\n\n"
        '"Nobody warned us," said Coastal Travellers Association co-founder Helen Marsh.\n\n'
        '"We found out from the radio like everyone else."'
    )
    assert [who for _, who in parsed_speakers(body)] == ["Helen Marsh", "Helen Marsh"]


def test_whoever_refers_to_something_as_a_phrase_or_hints_at_it_speaks() -> None:
    body = (
        "Governor Ellen Marsh met the union leaders on Friday. The pension reform, which "
        'Marsh has often referred to as "the fairest deal in a generation," goes to a vote '
        'next week.\n\nSenator Paul Okafor hinted that "a compromise is closer than people '
        'think," while touring a factory in Dayton.'
    )
    got = dict(parsed_speakers(body))
    assert got["the fairest deal in a generation,"] == "Ellen Marsh"
    assert got["a compromise is closer than people think,"] == "Paul Okafor"


def test_he_before_a_participle_is_named_before_him_not_between_him_and_the_quote() -> None:
    # the abbreviation's full stop cuts the parse's sentence, so the parse reads the
    # participle's subject; "he" is Mr. Hale, not Mr. Ortiz named after "he"
    body = (
        '"The figures were checked twice," Mr. Hale wrote. He then defended his choice to '
        'send the report to Mr. Ortiz, saying again that "most of it was confirmed by the '
        'auditors."'
    )
    got = dict(parsed_speakers(body))
    assert got["most of it was confirmed by the auditors."] == "Hale"


def test_a_participle_after_a_quotation_is_not_said_by_the_subject_inside_it() -> None:
    # the parse hangs "adding" on "wrote" inside the first quotation, whose subject is
    # the one reported on; the three who noted it speak
    body = (
        "Former inspector Karl Wendt kept notes on his meetings with the mayor, the "
        "council said on Friday.\n\n"
        'Harris, Moore and Patel noted that Wendt "never wrote that he felt threatened," '
        'adding that while Wendt "went to great lengths to describe the rooms, he never '
        'once mentioned the contract."'
    )
    got = dict(parsed_speakers(body))
    said = got["went to great lengths to describe the rooms, he never once mentioned the contract."]
    assert said in ("Harris", "Moore", "Patel")


def test_a_participle_after_a_participle_runs_on_from_the_clause_subject() -> None:
    # "saying" hangs on "issuing", which has no subject of its own: the mayor speaks
    body = (
        "Mayor Linda Okafor had her own answer to the strike, issuing a statement "
        'Tuesday saying she had "asked the transit board to settle the dispute before '
        'the holidays."'
    )
    got = dict(parsed_speakers(body))
    assert got["asked the transit board to settle the dispute before the holidays."] == (
        "Linda Okafor"
    )


def test_a_verb_joined_to_the_reported_words_is_the_reporters() -> None:
    # the parse joins "defended" to "was chasing" inside what the union said: the union
    # defended the strike, not the company
    body = (
        "Writing on its website, Unite said Ford Motor Company was chasing headlines with "
        "its lawsuit and defended the strike by its members, saying it exposed the "
        '"broken promises of the management."'
    )
    got = dict(parsed_speakers(body))
    assert got["broken promises of the management."] == "Unite"


def test_the_role_alone_is_the_person_described_by_it_before() -> None:
    body = (
        "Governor Maria Delgado toured the flooded valley on Tuesday. The governor "
        'hinted that "serious money from the state" would reach the farmers by spring.'
    )
    assert parsed_speakers(body) == [("serious money from the state", "Maria Delgado")]


def test_a_role_no_one_was_described_by_stays_a_description() -> None:
    body = (
        "Maria Delgado toured the flooded valley on Tuesday. The governor hinted that "
        '"serious money from the state" would reach the farmers by spring.'
    )
    assert parsed_speakers(body) == [("serious money from the state", "The governor")]


def test_an_opening_calling_clause_is_the_words_of_the_main_clause_subject() -> None:
    # "Calling it ..." opens the sentence: nobody is named before the cue; the subject of
    # the clause it hangs on (the union) speaks
    body = (
        'Calling it "a betrayal of every nurse in the county," the Royal College of '
        "Nursing lodged a formal complaint with the health board on Thursday."
    )
    got = dict(parsed_speakers(body))
    assert got["a betrayal of every nurse in the county,"] == "Royal College of Nursing"
