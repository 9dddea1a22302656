"""The names the statistical recogniser reads in a parse, and what their labels name (pure).

Each name is trimmed as the rules trim theirs: no leading "the", no possessive, no dash
the recogniser took in; a person's name runs on over a hyphen to a given name's syllable
("Wong Kwok-hing", "Moon Jae-in") and ends before a function word in capitals; a name
ending in a word that joins names' words ("the Bay of") is a cut in the middle of one and
no name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import EntityKind

KINDS = {
    "PERSON": EntityKind.PERSON,
    "ORG": EntityKind.ORGANIZATION,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
    "EVENT": EntityKind.EVENT,
    "WORK_OF_ART": EntityKind.OTHER,
    "LAW": EntityKind.OTHER,
    "PRODUCT": EntityKind.OTHER,
}
NOT_ENTITIES = frozenset({"NORP", "LANGUAGE"})
# A name inside an amount is part of it: the "US" of "US$6 billion".
AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# A name inside a date is a day of the calendar: "Waitangi Day", "Christmas Eve".
TIMES = frozenset({"DATE", "TIME"})

# Words that join a name's words and never end one ("and" may end a list's item the
# recogniser ran on: "Facebook, Flickr and")
_CONNECTORS = frozenset({"of", "for", "the", "on", "in", "at", "to"})


def recognised_names(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of every recognised name, a leading "the" and a trailing
    possessive left out; a name ending in a word that joins names' words ("the Bay of"
    of "the Bay of Biscay") is the recogniser's cut in the middle of one, and no name: it
    cuts no name the rules read whole."""
    names: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in KINDS and ent.label_ not in NOT_ENTITIES | AMOUNTS | TIMES:
            continue
        last = ent[-1]
        if last.lower_ in _CONNECTORS and last.is_lower and doc.text[last.idx - 1] == " ":
            continue  # "the Bay of": a name cut in its middle ("Moon Jae-in" is whole)
        start, end = _trimmed(ent)
        while end > start and doc.text[end - 1] in "-–—":
            end -= 1  # "Chela Ortiz-": a dash the recogniser took in is no part of a name
        if ent.label_ == "PERSON" and (syllable := _GIVEN_NAME_SYLLABLE.match(doc.text, end)):
            end = syllable.end()  # "Wong Kwok-hing": the recogniser stops at the hyphen
        elif ent.label_ == "PERSON":
            end = _noun_syllable_end(doc, end)
        if start < end:
            names.append((start, end, ent.label_))
    return names


# The lower-case syllable after a hyphen that ends a given name ("Kwok-hing", "Yeung-tat"),
# not a participle ("-based", "-led") nor a word of the sentence after a dash run into
# the name ("Chela Ortiz-who was married", "Malcolm Tucker-would not")
_GIVEN_NAME_SYLLABLE = re.compile(
    r"-(?![a-z]*ed\b)(?!(?:who|whom|whose|which|that|the|and|but|or|as|at|in|on|of|to|for"
    r"|with|from|by|is|was|are|were|has|had|have|her|his|its|our|their|not"
    r"|would|could|should|will|shall|can|might|must|said|says|did|does)\b)[a-z]{2,5}\b(?!-)"
)


def _noun_syllable_end(doc: Doc, end: int) -> int:
    """Where a person's name ends whose given name's last syllable spells a function word
    ("Moon Jae-in"): the parse reads that syllable as a noun, the lost dash of copy before
    a clause as the word it is ("Chela Ortiz-in 2019 she ..." stays "Chela Ortiz")."""
    if doc.text[end : end + 1] != "-":
        return end
    token = next((t for t in doc if t.idx == end + 1), None)
    if (
        token is None
        or not token.is_lower
        or not 2 <= len(token) <= 5
        or token.tag_ not in ("NN", "NNP")
        or doc.text[token.idx + len(token) : token.idx + len(token) + 1] == "-"
    ):
        return end
    return token.idx + len(token)


def _trimmed(ent: Span) -> tuple[int, int]:
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    tokens = [t for t in tokens if t.tag_ != "POS"]
    if ent.label_ == "PERSON":
        # A name in capitals ends before a function word in capitals: "ELIZABETH B.
        # PRELOGAR ON BEHALF OF THE PETITIONERS" is Elizabeth B. Prelogar.
        cut = next(
            (n for n, t in enumerate(tokens) if t.text.isupper() and t.lower_ in gz.STOP_WORDS),
            None,
        )
        tokens = tokens[:cut]
    if not tokens:
        return 0, 0
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
