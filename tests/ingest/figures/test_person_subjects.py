"""Whose age a figure is: an age describing a noun is no pronoun's person, a relative
described by age is the name set after it, an age before a title and a name is that
person's."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.figures.person_subjects import age_subject
from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Span
from service.ingest.parse.article import parse_article


def _ages(copy: str) -> dict[str, str | None]:
    extraction = extract(parse_article(copy))
    names = [e.name for e in extraction.entities]
    return {
        f.text: names[f.subject] if f.subject is not None and f.subject >= 0 else None
        for f in extraction.figures
        if f.property == "age"
    }


def test_an_age_describing_a_noun_is_not_whom_a_pronoun_stands_for() -> None:
    ages = _ages(
        "Shooting in Springfield\n\n"
        "Mary Holt, 11, is recovering from a cut to her cheek, while a 31-year-old "
        "Springfield mother was shot in the arm.\n"
        "Mendez was aiming for a 12-year-old boy whom he had argued with.\n"
        "The charges included assaults on the two boys, 13 and 14, who he had met "
        "online, prosecutors said.\n"
    )
    assert ages["11"] == "Mary Holt"
    assert ages["31-year-old"] is None
    assert ages["12-year-old"] is None
    assert ages["13"] is None
    assert ages["14"] is None


def test_an_age_said_of_a_pronoun_is_still_its_person() -> None:
    ages = _ages(
        "Former member speaks\n\n"
        "Valeska Paris was born in Switzerland. In 1995, at age seventeen, she was told to "
        "leave. Peter Hale said he left when he was 5 years old.\n"
    )
    assert ages["at age seventeen"] == "Valeska Paris"
    assert ages["5"] == "Peter Hale"


def test_a_relative_described_by_age_is_the_name_set_after_it() -> None:
    ages = _ages(
        "Caravan reaches border\n\n"
        "Daniel Ruiz joined the march with his 18-year-old brother, Luis Ortega, and "
        "their uncle.\n"
        '"I am tired," said 19-year-old Carla Mendez, who walked with her 44-year-old '
        "mother, Rosa Diaz.\n"
    )
    assert ages["18-year-old"] == "Luis Ortega"
    assert ages["19-year-old"] == "Carla Mendez"
    assert ages["44-year-old"] == "Rosa Diaz"


def _age_of(sentence: str, age: str, name: str) -> int | None:
    """What ``age_subject`` finds for ``age`` in a one-sentence body naming ``name``."""
    at = sentence.index(name)
    mention = MentionCandidate(
        Span(at, at + len(name)), name, name.split()[-1], EntityKind.PERSON, 0, 0
    )
    person = LocalEntity(0, EntityKind.PERSON, "Paul Rowan", ())
    sm = SentenceMentions(sentence, 0, [mention], [person])
    start = sentence.index(age)
    return age_subject(sm, sentence, start, start + len(age), sentence)


def test_an_age_before_a_title_and_name_is_that_persons() -> None:
    sentence = "A doorman identified the 47-year-old Mr. Rowan as the robber."
    assert _age_of(sentence, "47-year-old", "Rowan") == 0


def test_an_age_a_relative_clause_gives_is_the_name_before_it() -> None:
    sentence = "The crowd sang for trainer Paul Rowan, who turned 71 on Friday."
    assert _age_of(sentence, "71", "Paul Rowan") == 0


def test_an_age_before_a_name_the_name_finder_missed_is_the_named_persons() -> None:
    # the parse finds no mention of "Klitschko" after "champion"; the story named him
    ages = _ages(
        "Tony Reyes loses title bout\n\n"
        "Tony Reyes lost to Wladimir Klitschko on Saturday. Reyes had won his last four "
        "fights. The 36-year-old champion Klitschko improved to 58-3 (51 KO).\n"
    )
    assert ages["36-year-old"] == "Wladimir Klitschko"


def test_an_age_set_after_a_name_and_now_is_that_persons() -> None:
    ages = _ages(
        "Preacher jailed for life\n\n"
        "Victor Marsh was jailed for life on Friday. Victor Marsh had led the church for "
        'a decade. "I waited years for this day," said Dana Pruitt, now 31.\n'
    )
    assert ages["31"] == "Dana Pruitt"


def test_a_definite_age_and_nationality_is_the_person_named_before() -> None:
    ages = _ages(
        "Ramos keeps his belt\n\n"
        "Luis Ramos retained his title in Basel on Saturday. Ramos knocked down Tony "
        "Hall with a left hook in the sixth round, and the 38-year-old American never "
        "got up.\n"
    )
    assert ages["38-year-old"] == "Tony Hall"


def test_an_age_at_death_is_the_person_the_sentence_opens_on() -> None:
    ages = _ages(
        "Judge dies\n\n"
        "Walter Greer, the retired judge who sentenced Frank Lucas and Tom Reyes, has "
        "died at age 88.\n"
        "Sam Hale said Peter Reed died aged 80.\n"
    )
    assert ages["at age 88"] == "Walter Greer"
    assert ages["aged 80"] == "Peter Reed"
