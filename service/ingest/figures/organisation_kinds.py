"""What kind of organisation an entity is, by its name: a market index ("the Dow Jones",
"the Sensex"), an authority that gives figures about others ("the Interior Ministry"),
a public body that is no business ("Parliament"), a news outlet ("Reuters", "The
Washington Post")."""

from __future__ import annotations

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import (
    EntityKind,
    LocalEntity,
)
from service.ingest.parse.metadata import SOURCE_NAMES


def names_index(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and (words[0] in gz.MARKET_INDEX_WORDS or words[-1] in ("index", "average"))


# Last words of an organisation that is no business: a public body, a court, a party.
PUBLIC_HEADS = frozenset(
    {"government", "parliament", "congress", "senate", "house", "assembly", "court",
     "party", "army", "navy", "force", "union", "nations", "fund", "organisation",
     "organization"}
)  # fmt: skip


def is_index(entity: LocalEntity) -> bool:
    """Whether the entity is a market index by its name or an alias: one the list of
    indices holds ("All Ordinaries", "Standard & Poor's 500"), or one "index" or
    "average" ends."""
    return any(
        names_index(name) or gz.is_market_index(name) for name in (entity.name, *entity.aliases)
    )


# News outlets by name ("BBC", "Reuters", "Wikinews") and by the last word of a
# newspaper's name ("the L.A. Times", "the New Zealand Herald").
# (the agencies and publishers the parse stage already knows, and broadcasters)
_OUTLETS = frozenset(SOURCE_NAMES) | frozenset(
    {"cnn", "wikinews", "upi", "nbc", "cbs", "abc news", "fox news", "npr", "kyodo", "yonhap",
     "itar-tass", "ria novosti"}
)  # fmt: skip
_OUTLET_HEADS = frozenset(
    {"times", "herald", "post", "journal", "tribune", "gazette", "telegraph", "guardian",
     "chronicle", "examiner", "inquirer", "courier", "observer", "independent"}
)  # fmt: skip


def is_outlet(entity: LocalEntity) -> bool:
    """Whether the entity is a news outlet: an agency or broadcaster by name, or a
    newspaper by the word its name ends on ("The Washington Post")."""
    if entity.kind is not EntityKind.ORGANIZATION:
        return False
    for name in (entity.name, *entity.aliases):
        words = name.lower().split()
        if " ".join(words) in _OUTLETS or (len(words) > 1 and words[-1] in _OUTLET_HEADS):
            return True
    return False


# Last words of a body that gives figures about others (a ministry, an agency, police).
_AUTHORITY_HEADS = frozenset(
    {"ministry", "department", "treasury", "agency", "office", "commission", "bureau",
     "service", "survey", "institute", "police", "authority", "council", "committee",
     "statistics", "administration", "board"}
)  # fmt: skip


def is_authority(entity: LocalEntity) -> bool:
    words = entity.name.lower().split()
    return entity.kind is EntityKind.ORGANIZATION and bool(words) and words[-1] in _AUTHORITY_HEADS
