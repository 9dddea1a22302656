"""The kind the words around a name give it (pure): "the" before it makes a thing of a
person's name ("the Golden Compass"), a place GeoNames knows before a common noun or
after "in" is that place ("the Paris attacks", "a bank in Woodburn"), a state or a
country read as a person's name is the place ("Florida").
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.places import place_type
from service.ingest.model import EntityKind

# Words before a place: "lived in Santa Rosa", "the mayor of Valencia"; "in", "near" and
# "between" alone before a word neither rules nor recogniser could type
_PLACE_PREPOSITION = re.compile(r"\b(?:of|in|from|at|near|to|between)\s+$", re.IGNORECASE)
IN_PLACE = re.compile(r"\b(?:in|near|between)\s+$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "the Shaquille O'Neal's jersey": "the" is the jersey's
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def the_thing(body: str, cand: Candidate, doc: Doc) -> Candidate:
    """A name taken for a person's, with no given name, that "the" itself determines is
    no person: nobody is "the Golden Compass" or "the App Store" ("the" of "the Trump
    administration" is the administration's). GeoNames' place is that place ("the Far
    East"), a plural a team ("the Tar Heels"; not "the Trumps" where "Trump" is printed),
    anything else a work or a product. Not before a possessive ("the Shaquille O'Neal's
    jersey")."""
    if cand.kind is not EntityKind.PERSON or gz.is_given_name(cand.name.split()[0]):
        return cand
    if (
        _THE_BEFORE.search(body, max(0, cand.start - 4), cand.start) is None
        or _POSSESSIVE_AFTER.match(body, cand.end) is not None
    ):
        return cand
    span = doc.char_span(cand.start, cand.end)
    if span is None or not any(
        child.dep_ == "det" and child.lower_ == "the" and child.i < span.start
        for child in span.root.children
    ):
        return cand
    if place_type(cand.name) is not None:
        return replace(cand, kind=EntityKind.PLACE)
    last = cand.name.split()[-1]
    if last.endswith("s") and re.search(rf"\b{re.escape(last[:-1])}\b(?!s)", body):
        return cand  # "the Trumps": the people called Trump
    team = last.endswith("s") and not last.endswith("ss") and last[:1].isupper()
    return replace(cand, kind=EntityKind.ORGANIZATION if team else EntityKind.OTHER)


def place_before_noun(cand: Candidate, doc: Doc) -> Candidate:
    """A lone word taken for a person that names a place GeoNames knows, and modifies a
    common noun, is that place: "the Valencia floods", "the Paris attacks"."""
    if cand.kind is not EntityKind.PERSON or " " in cand.name or gz.is_given_name(cand.name):
        return cand
    if place_type(cand.name) is None:
        return cand
    token = doc.char_span(cand.start, cand.end)
    if token is None or len(token) != 1:
        return cand
    word = token[0]
    if word.dep_ != "compound" or word.head.pos_ != "NOUN":
        return cand
    return replace(cand, kind=EntityKind.PLACE)


def known_place(cand: Candidate) -> Candidate:
    """A person's name that GeoNames knows as a state or a country ("Florida", "Ohio"),
    or as a city of several words ("San Diego", "New Orleans"), is that place, unless it
    starts with a given name ("Georgia", "Morgan Hill"); a one-word city may well be a
    surname ("Clinton", "Jackson")."""
    if cand.kind is not EntityKind.PERSON or gz.is_given_name(cand.name.split()[0]):
        return cand
    kind = place_type(cand.name)
    if kind in ("region", "country") or (kind == "city" and " " in cand.name):
        return replace(cand, kind=EntityKind.PLACE)
    return cand


# Words before a name that place it: "in Woodburn", "the city of Thessaloniki", "in the
# Maldives"
_LOCATIVE = re.compile(
    r"\b(?:in|near|between|(?:city|town|village|suburb|capital|port) of)\s+$", re.IGNORECASE
)
# "in the" before a country: "in the Maldives", "in the Philippines"
_IN_THE = re.compile(r"\bin\s+the\s+$", re.IGNORECASE)
# A firm is what one holds a stake in, not a place: "shares in Nokia", "interested in Honda"
_HOLDING_IN = re.compile(
    r"\b(?:stakes?|shares?|invest\w*|interest\w*|holdings?|confidence|trust)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A state or country after a town and a comma: "Schenectady, New York", "Banstead, Surrey"
_PLACE_AFTER_COMMA = re.compile(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")
# Capitalised words of letters only: "Banda Aceh", "Winston-Salem"; not "ATI" or "Q10"
_TOWN_SPELLING = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
# What a quake, a storm or a flood does to a place: "a quake struck Pisco"
_STRIKES = frozenset({"hit", "strike", "rock", "jolt", "shake", "devastate", "batter", "ravage"})


def town_by_context(body: str, cand: Candidate, doc: Doc) -> Candidate:
    """A name GeoNames knows, read as an organisation or left untyped, that the copy sets
    where only a place goes is that place: after "in", "near" or "the city of" ("a bank
    in Woodburn", "the city of Thessaloniki"; "in the" only before a country: "in the
    Maldives"; never "shares in Nokia"), before a comma and the state or country it
    lies in ("of Schenectady, New York"), or struck by a disaster ("the quake hit Pisco").
    Not a listed organisation, not a name ending in an organisation's head ("Temple
    University"), not a name that starts with a given name ("Morgan Hill"), and only a
    name spelt as towns are: "interested in the Q10", "factored in ATI's" name products
    and firms GeoNames happens to know."""
    if cand.kind not in (EntityKind.ORGANIZATION, EntityKind.OTHER):
        return cand
    words = cand.name.split()
    if (
        not _TOWN_SPELLING.fullmatch(cand.name)
        or place_type(cand.name) is None
        or gz.organization_canonical(cand.name) is not None
        or words[-1].lower() in gz.ORG_HEADS
        or gz.is_given_name(words[0])
    ):
        return cand
    before = body[max(0, cand.start - 40) : cand.start]
    located = _HOLDING_IN.search(before) is None and (
        _LOCATIVE.search(before) is not None
        or (place_type(cand.name) == "country" and _IN_THE.search(before) is not None)
    )
    comma = _PLACE_AFTER_COMMA.match(body, cand.end)
    if comma is not None and place_type(comma.group(1)) in ("region", "country"):
        located = True
    if not located:
        span = doc.char_span(cand.start, cand.end)
        head = span.root if span is not None else None
        located = (
            head is not None
            and head.dep_ == "dobj"
            and head.head.pos_ == "VERB"
            and head.head.lemma_ in _STRIKES
        )
    return replace(cand, kind=EntityKind.PLACE) if located else cand


def place_after_preposition(
    body: str, cand: Candidate, before: re.Pattern[str] = _PLACE_PREPOSITION
) -> bool:
    """A name GeoNames knows as a place, printed after "of", "in", "from"... ("lived in
    Santa Rosa"), unless it starts with a given name. A word neither rules nor recogniser
    could type takes only "in", "near" or "between" ("the name of God", "at Green v.
    United States" name no town)."""
    return (
        not gz.is_given_name(cand.name.split()[0])
        and place_type(cand.name) is not None
        and before.search(body, max(0, cand.start - 9), cand.start) is not None
    )
