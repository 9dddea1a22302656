"""The kind of a name the rules read (pure): a listed place or organisation, a head word
("... Commission", "... Street", "... Championship"), a title or a given name (a
person), an organisation noun or a speech cue beside it, a surname's ending.
"""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.name_tokens import WORD, Token
from service.ingest.mentions.names import is_acronym
from service.ingest.mentions.roles import APPOSITION
from service.ingest.mentions.runs import SHORT_PLACE_WORDS
from service.ingest.model import EntityKind

_SURNAME_ENDINGS = gz.SURNAME_SUFFIXES
# The first word of a place named for where it lies: "Gulf of Aden", "Strait of Hormuz".
_WATER_AND_LAND = gz.word_set(
    "gulf bay strait straits sea ocean lake river isle island islands cape horn mount"
)


# A word in capitals inside a name: "OS", "MP3", "RCMP", "WCCO-TV" (two capitals at least).
_CAPITALS_WORD = re.compile(r"[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
# A king's or a pope's numeral, a "Jr": capitals a person's name does carry.
_NUMERAL_OR_SUFFIX = re.compile(r"[IVXLC]+|JR|SR")


def capitals_beside_lower(name: str) -> bool:
    """True when a name prints, after its first word, a word in capitals beside a word in
    lower-case letters: "Mac OS X", "Creston RCMP", "Los Angeles LAX". Such a name is a
    product's, a place's or a force's, never a person's ("Apple said Mac OS X ..." makes
    no speaker). A first word in capitals may be a person's initials run together ("JJ
    Abrams"); a numeral ("Benedict XVI") or a country ("US") is no such word; a name all
    in capitals (a shouted headline, "JOHN SMITH") tells nothing; and one with a word in
    lower case joins two names."""
    words = name.split()
    if any(w[0].islower() for w in words):
        return False  # "Lowell Anger of CAPOS": a person and the body she works for
    capitals = [
        w
        for w in words[1:]
        if _CAPITALS_WORD.fullmatch(w)
        and not _NUMERAL_OR_SUFFIX.fullmatch(w)
        and gz.place_canonical(w) is None  # "US Treasury": a country's, of no kind of its own
    ]
    lower = [w for w in words if any(c.islower() for c in w)]
    return bool(capitals) and bool(lower)


def kind_of_run(
    body: str,
    lower_words: set[str],
    evidenced: set[str],
    name: str,
    toks: list[Token],
    connectors: list[str],
    titled: bool,
) -> EntityKind | None:
    """The kind of the name ``toks`` spell (``_read_kind``), an organisation where that
    reads a person but the name prints a word in capitals beside one in lower case
    ("Mac OS X"): no person's name does."""
    kind = _read_kind(body, lower_words, evidenced, name, toks, connectors, titled)
    if kind is EntityKind.PERSON and capitals_beside_lower(name):
        return EntityKind.ORGANIZATION
    return kind


def _read_kind(
    body: str,
    lower_words: set[str],
    evidenced: set[str],
    name: str,
    toks: list[Token],
    connectors: list[str],
    titled: bool,
) -> EntityKind | None:
    """The kind of the name ``toks`` spell, None when it is no name: ``lower_words`` are
    the words the body prints in lower case, ``evidenced`` those it prints capitalised
    where capitals are not forced (``name_tokens.capitalised_evidence``)."""
    words = [t.text for t in toks]
    last = words[-1].lower()
    if len(words) == 1 and is_acronym(name):
        if name.lower() in gz.MEASURE_ACRONYMS:
            return None  # "German GDP contracted": a measure, not an organisation
        if gz.unit_after_number(body, toks[0].start, toks[-1].end):
            return None  # "16 GB", "2 GHz": a unit after its number
        if gz.place_canonical(name):
            return EntityKind.PLACE
        bracketed = (
            body[toks[0].start - 1 : toks[0].start] == "("
            and body[toks[-1].end : toks[-1].end + 1] == ")"
        )
        common = name.lower() in lower_words or name.lower() in gz.STOP_WORDS
        if common and not bracketed and gz.organization_canonical(name) is None:
            return None  # "IT", "WHO" in a shouted line: words, not acronyms
        return EntityKind.ORGANIZATION
    if gz.place_canonical(name):
        return EntityKind.PLACE
    if gz.organization_canonical(name):
        return EntityKind.ORGANIZATION
    if "subtitle" in connectors:
        return EntityKind.OTHER  # a work's title: a show, a game, a book
    if last in gz.ORG_HEADS or (
        len(words) > 1 and words[0].lower() in gz.ORG_HEAD_FIRST and connectors[1] != ""
    ):
        return EntityKind.ORGANIZATION
    if len(words) > 1 and last in gz.PLACE_HEADS:
        return EntityKind.PLACE
    if len(words) > 1 and last in gz.EVENT_HEADS:
        return EntityKind.EVENT
    if len(words) > 1 and words[0] in SHORT_PLACE_WORDS:
        return EntityKind.PLACE  # "Mt. Vernon", "St. Louis"
    if len(words) > 1 and words[0].lower() in _WATER_AND_LAND and connectors[1] == "of":
        return EntityKind.PLACE  # "Gulf of Aden", "Horn of Africa", "Bay of Biscay"
    if titled or (len(words) > 1 and gz.is_given_name(words[0])):
        return EntityKind.PERSON
    if _org_noun_beside(body, toks[0].start, toks[-1].end):
        return EntityKind.ORGANIZATION
    if words[-1].lower().endswith(_SURNAME_ENDINGS) and all(c == "" for c in connectors[1:]):
        return EntityKind.PERSON
    if _speech_cue_beside(body, toks[0].start, toks[-1].end) and len(words) <= 3:
        return EntityKind.PERSON
    if len(words) > 1 and any(c not in ("", "particle") for c in connectors[1:]):
        return EntityKind.ORGANIZATION
    if len(words) == 1:
        if name.lower() in lower_words and name not in evidenced:
            return None
        return EntityKind.OTHER
    if len(words) <= 3 and all(
        w.lower() not in gz.STOP_WORDS and w.lower() not in lower_words and not gz.is_demonym(w)
        for w in words
    ):
        return EntityKind.PERSON
    return EntityKind.OTHER


def _org_noun_beside(body: str, start: int, end: int) -> bool:
    after = WORD.match(body, end + 1) if body[end : end + 1] == " " else None
    if after is not None and after.group(0).lower() in gz.ORG_NOUNS:
        return True
    m = APPOSITION.match(body, _after_parenthesis(body, end))
    if m is not None and m.group(1).split()[0].lower() in gz.ORG_NOUNS:
        return True
    before = body[max(0, start - 30) : start].split()
    return bool(before) and before[-1].rstrip(",").lower() in gz.ORG_NOUNS


def _after_parenthesis(body: str, end: int) -> int:
    """Position after a '(ACRONYM)' that directly follows a name, else ``end``."""
    if body.startswith(" (", end):
        close = body.find(")", end, end + 14)
        if close != -1:
            return close + 1
    return end


def _speech_cue_beside(body: str, start: int, end: int) -> bool:
    after = WORD.match(body, end + 1) if body[end : end + 1] == " " else None
    if after is not None and after.group(0).lower() in gz.SPEECH_CUES:
        return True
    before = body[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in gz.SPEECH_CUES
