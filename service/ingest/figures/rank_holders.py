"""Who holds a place in a ranking: the name the rank is printed before ("a win over No. 8
Tennessee", "a loss to No. 9-ranked Gonzaga"), or the name it is said of ("Internet Explorer
is the #2 browser", "Felt, the No. 2 official at the FBI")."""

from __future__ import annotations

import re

from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.model import EntityKind

_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.OTHER)
# what may stand between a rank and the name it is printed before: "No. 9-ranked Gonzaga"
_BEFORE_NAME = re.compile(r"(?:-ranked)?\s+")
_ARTICLE_END = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
# what may stand between a name and the rank said of it: "Internet Explorer is the #2",
# "IBM is a clear No. 1", "Felt, the No. 2 official"
_SAID_OF = re.compile(
    r"(?i:\s+(?:is|was|has\s+been|had\s+been|remains|remained|became|becomes)"
    r"(?:\s+(?:now|still|again))?\s+(?:the|a(?:\s+clear)?)?|,\s+the)\s*"
)


def rank_holder(sm: SentenceMentions, sentence: str, start: int, end: int) -> int | None:
    """The entity a rank places: the name printed right after it with no article before
    ("a win over No. 8 Tennessee"), else the name it is said of ("Internet Explorer is the #2
    browser", "Felt, the No. 2 official at the FBI" is Felt's rank, not the FBI's); None
    when neither ("the No. 5 seed": the parse decides)."""
    gap = _BEFORE_NAME.match(sentence, end)
    # "the No. 2 U.S. music retailer": after an article the name may only describe the
    # noun that holds the rank (the parse decides)
    if gap is not None and not _ARTICLE_END.search(sentence, 0, start):
        named = sm.first_after(sm.offset + gap.end(), *_KINDS)
        if named is not None and named.span.start == sm.offset + gap.end():
            return named.local_entity
    holder = sm.last_before(sm.offset + start, *_KINDS)
    if holder is not None and _SAID_OF.fullmatch(sentence, holder.span.end - sm.offset, start):
        return holder.local_entity
    return _unfound_holder(sm, sentence[:start])


_NAME_SAID_OF = re.compile(r"((?:[A-Z][\w&'’-]*\s+){0,3}[A-Z][\w&'’-]*)" + _SAID_OF.pattern + "$")


def _unfound_holder(sm: SentenceMentions, before: str) -> int | None:
    """The entity a rank is said of where the name finder found no mention of it there:
    "Usually, Internet Explorer is the #2 browser", inside a quote, is the Internet
    Explorer the story named (the one entity of that name, else none)."""
    said = _NAME_SAID_OF.search(before)
    if said is None:
        return None
    words = said.group(1).split()
    for first in range(len(words)):  # the longest name the words end on
        printed = " ".join(words[first:])
        named = {
            entity.index
            for entity in sm.entities
            if entity.kind in _KINDS and printed in (entity.name, *entity.aliases)
        }
        if named:
            return named.pop() if len(named) == 1 else None
    return None
