"""Transliteration-aware matching keys for entity names.

``name_key`` folds the spellings one name gets across outlets and transliteration
systems (Qasym-Zhomart Toqaev / Kassym-Jomart Tokayev, Organisation / Organization,
Co-operation / Cooperation, Nur-Otan / Nur Otan) onto one key, while keeping what tells
people apart: a gendered surname ending (Nazarbayev / Nazarbayeva) and every name part.
``alias_keys`` is what the database stores for one alias so later mentions (surname
only, acronym) find it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from service.ingest.model import EntityKind

SURNAME_PREFIX = "sn:"
ACRONYM_PREFIX = "acr:"
INITIALS_PREFIX = "ini:"
EVENT_PREFIX = "ev:"
# Keys derived from a name (its surname, acronym, initials, event) rather than the name itself.
DERIVED_PREFIXES = (SURNAME_PREFIX, ACRONYM_PREFIX, INITIALS_PREFIX, EVENT_PREFIX)

_POSSESSIVE = re.compile(r"['’]s\b|(?<=s)['’](?=\s|$)")
_LEADING_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)
_DROPPED = re.compile(r"[.'’`]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")
# "Co-operation" and "Cooperation" are one word, in the name and in its initials (OSCE).
_CO_PREFIX = re.compile(r"\bco-(?=[a-z])")
_VOWEL_Y_VOWEL = re.compile(r"(?<=[aeiou])y(?=[aeiou])")
_DOUBLED = re.compile(r"([a-z])\1+")
_FINAL_Y = re.compile(r"(?<=[^aeiou])(?:iy|y)$")
# British and American spellings of words common in organisation names.
_SPELLING = {"defence": "defense", "offence": "offense", "labour": "labor", "programme": "program"}
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&/.-]*[A-Z0-9]\.?")
_CONNECTORS_TEXT = """
    of for and on in the to against de la le du des del da van von
"""
_CONNECTORS = frozenset(_CONNECTORS_TEXT.split())
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_EVENT_HEADS = {
    "election": "election",
    "elections": "election",
    "poll": "election",
    "polls": "election",
    "vote": "election",
    "ballot": "election",
    "balloting": "election",
    "referendum": "referendum",
}


# Names repeat across a feed; keys are pure, so a bounded cache makes them nearly free.
@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A key equal for spellings of one name: ASCII, lower case, transliteration folded."""
    text = _LEADING_THE.sub("", _POSSESSIVE.sub("", anyascii(name)))
    text = _CO_PREFIX.sub("co", _DROPPED.sub("", text.lower()))
    return " ".join(_fold_part(part) for part in _SEPARATORS.split(text) if part)


@lru_cache(maxsize=1 << 16)
def _fold_part(part: str) -> str:
    part = _SPELLING.get(part, part)
    part = part.replace("isation", "ization").replace("ised", "ized")
    if len(part) > 4 and part.endswith("tre"):
        part = part[:-3] + "ter"  # centre / center
    # Cyrillic and Kazakh letters romanised several ways: Қ q/k, Ж zh/j/dzh, Х kh/h.
    part = part.replace("dzh", "j").replace("zh", "j").replace("dj", "j")
    part = part.replace("kh", "h").replace("q", "k").replace("ck", "k")
    part = part.replace("x", "ks").replace("ph", "f").replace("gh", "g")
    if part.startswith("ye"):
        part = part[1:]  # Yerlan / Erlan, Yevgeny / Evgeny
    part = _VOWEL_Y_VOWEL.sub("", part)  # Tokayev / Tokaev, Aliyev / Aliev
    part = _FINAL_Y.sub("i", part)  # Dmitriy / Dmitry / Dmitri
    return _DOUBLED.sub(r"\1", part)  # Kassym / Kasym, Kossanov / Kosanov


@lru_cache(maxsize=1 << 14)
def is_acronym(name: str) -> bool:
    """True for names written as capitals: OSCE, CEC, U.S., RFE/RL."""
    stripped = _LEADING_THE.sub("", name).strip()
    letters = [c for c in stripped if c.isalpha()]
    return (
        2 <= len(letters) <= 10 and " " not in stripped and _ACRONYM.fullmatch(stripped) is not None
    )


def acronym_key(name: str) -> str:
    """An acronym's letters, lower case and not transliteration-folded: 'IPHF' -> 'iphf'.

    Folded like a name, 'IPHF' (ph -> f, ff -> f) and 'IIF' (ii -> i) were both 'if', and
    every later bare 'IPHF' met two organisations and became an entity of its own."""
    return "".join(c for c in anyascii(_LEADING_THE.sub("", name)).lower() if c.isalnum())


def initials(name: str) -> str:
    """Initials of the significant words: 'Central Election Commission' -> 'cec'."""
    words = [w for w in _SEPARATORS.split(_CO_PREFIX.sub("co", anyascii(name).lower())) if w]
    return "".join(w[0] for w in words if w not in _CONNECTORS)


def surname_key(name: str) -> str:
    """The key of the last name part: 'Qasym-Zhomart Toqaev' -> 'tokaev'."""
    parts = name_key(name).split()
    return parts[-1] if parts else ""


def event_key(name: str) -> str | None:
    """A key for a dated event ('June 9 presidential election' -> 'june 9 election')."""
    words = anyascii(name).lower().replace("-", " ").split()
    month_day = None
    head = None
    for i, word in enumerate(words):
        if word in _MONTHS and i + 1 < len(words) and words[i + 1].isdigit():
            month_day = f"{word} {words[i + 1]}"
        if word in _EVENT_HEADS:
            head = _EVENT_HEADS[word]
    if month_day is None or head is None:
        return None
    return f"{month_day} {head}"


def alias_keys(name: str, kind: EntityKind) -> tuple[str, ...]:
    """Every key stored for one alias: the name key plus kind-specific lookup keys."""
    key = name_key(name)
    if not key:
        return ()
    keys = [key]
    if kind is EntityKind.PERSON:
        keys.append(SURNAME_PREFIX + key.split()[-1])
    elif kind in (EntityKind.ORGANIZATION, EntityKind.OTHER):
        if is_acronym(name):
            keys.append(ACRONYM_PREFIX + acronym_key(name))
        elif len(letters := initials(name)) >= 2:
            keys.append(INITIALS_PREFIX + letters)
    elif kind is EntityKind.EVENT and (event := event_key(name)) is not None:
        keys.append(EVENT_PREFIX + event)
    return tuple(dict.fromkeys(keys))
