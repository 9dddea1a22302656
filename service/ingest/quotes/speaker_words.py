"""Words that tell whom a speaker's words stand for: the head nouns of people and of
organisations ("the minister", "the ministry"), and the word pattern the speaker rules
read by."""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import EntityKind

WORD = re.compile(r"[A-Za-z0-9][\w’'&/.-]*")


# Heads so generic that the last ORGANIZATION is the best guess without a name match:
# "the group", "the company", "the carmaker".
GENERIC_ORG_HEADS = gz.COMPANY_NOUNS | gz.word_set(
    """group organisation organization watchdog body company firm corporation business
    giant"""
)


ORG_HEADS = (
    gz.word_set(
        """department ministry commission committee agency office party movement government
    court mission foundation bureau organisation organization council service group
    watchdog body union police monitor observer"""
    )
    | GENERIC_ORG_HEADS
)


PERSON_HEADS = gz.word_set(
    """man woman minister president spokesman spokeswoman spokesperson official activist
    singer poet candidate leader journalist diplomat chairman chairwoman head chief
    coordinator director lawyer opposition banker actor manager coach boss captain
    striker midfielder defender goalkeeper forward player winger skipper judge prosecutor
    economist analyst executive governor mayor senator secretary professor researcher
    scientist doctor nurse teacher farmer resident witness mother father veteran
    premier chancellor ambassador general commander officer congressman congresswoman
    lawmaker legislator councillor councilman councilwoman attorney solicitor barrister
    detective inspector sergeant superintendent magistrate founder owner chairperson
    commissioner adviser advisor aide strategist pollster historian expert consultant
    campaigner"""
)


# People a story quotes without naming them: "the witness told detectives".
UNNAMED_HEADS = gz.word_set(
    "witness resident neighbour neighbor passenger bystander onlooker survivor"
)


# Modifiers too generic to pick an entity by.
WEAK_WORDS = gz.word_set(
    """the a an us-based local international former new joint two leading main its their
    his her official statement"""
)


SPEAKER_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION)


def singular(word: str) -> str:
    word = word.casefold()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
