"""The story's topic and what takes it: an outlet cited most is no topic; a central bank's
money is its country's."""

from __future__ import annotations

from service.ingest.figures.story_topic import story_topic
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Span
from tests.ingest.figures.whom import subjects_of

ORG, PLACE = EntityKind.ORGANIZATION, EntityKind.PLACE


def test_an_outlet_the_story_cites_most_is_not_what_it_is_about() -> None:
    subjects = subjects_of(
        "Dam talks stall\n\n"
        "Ethiopia hosted talks with Sudan on the dam, Reuters reported on Monday. "
        "Reuters said the delegates left early, and Reuters added that the next round was "
        "not set. About 300 delegates attended the talks.\n"
    )
    assert subjects["About 300 delegates"] == "Ethiopia"


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


def test_a_headline_names_an_entity_as_the_body_prints_it() -> None:
    """The headline's "UK" is the entity named "U.K." (its canonical spelling): the story
    is about it, not the ministry the body names as often."""
    mentions = [
        MentionCandidate(Span(4, 23), "Westland Home Office", "Westland Home Office", ORG, 0, 0),
        MentionCandidate(Span(30, 32), "UK", "U.K.", PLACE, 0, 1),
        MentionCandidate(Span(40, 51), "Home Office", "Home Office", ORG, 1, 0),
        MentionCandidate(Span(60, 62), "UK", "U.K.", PLACE, 1, 1),
    ]
    entities = [
        LocalEntity(0, ORG, "Westland Home Office", ("Home Office",)),
        LocalEntity(1, PLACE, "U.K.", ()),
    ]
    assert story_topic(mentions, entities, "UK to speed up visa checks") == 1
