"""Names the rules missed that the recogniser finds, and when they are worth adding (pure):
a place, a person or organisation of two words or more, an acronym, a name found again
or the subject of its clause; a name described as a person right after it is one.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.names import is_acronym


def named_subjects(body: str, doc: Doc) -> set[int]:
    """Where a proper noun is the subject of its clause ("Boeing delivered 27 jets",
    "Tesla will cut ..."), a word the copy never prints in lower case: one the recogniser
    names there is a name even when it is printed once, at a sentence start. Common
    nouns there ("Police", "Analysts") are tagged as such and never named, nor are
    plural groups ("Democrats")."""
    lower = {t.lower_ for t in doc if t.text.islower()}
    return {
        t.idx
        for t in doc
        if t.tag_ == "NNP"
        and t.dep_ in ("nsubj", "nsubjpass")
        and t.lower_ not in lower
        and t.lower_ not in gz.STOP_WORDS
    }


def lone_proper_noun(body: str, start: int, end: int) -> bool:
    """One capitalised word in the singular that names no nationality or faith."""
    word = body[start:end]
    return word.isalpha() and not word.endswith("s") and not gz.is_demonym(word)


def after_company_noun(body: str, start: int) -> bool:
    before = body[max(0, start - 20) : start].split()
    return bool(before) and gz.is_company_noun(before[-1])


def added(body: str, start: int, end: int, label: str, *, repeated: bool = False) -> bool:
    """Whether a name the rules missed is worth adding: a person or organisation of two
    words or more (or an acronym, or one the recogniser finds again), a place; never a
    nationality ("Kazakh spring")."""
    text = body[start:end]
    words = text.split()
    if not text[:1].isupper() or "\n" in text or gz.is_demonym(words[0]):
        return False
    if any(w.lower() in gz.MEASURE_ACRONYMS for w in words):
        return False  # "GDP", "Q3 GDP": a measure the rules left out on purpose
    if label in ("GPE", "LOC"):
        return True
    if _PORTFOLIO.match(body, end):
        return False  # "Shadow Home Secretary Yvette Cooper": a portfolio, no organisation
    return len(words) > 1 or is_acronym(text) or repeated or described_person(body, end)


# ", the so-called opposition candidate," after a name
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?P<role>[\w-]+),")


# ", an official from the local disaster agency", ", a media relations officer for the
# RCMP": a job held somewhere, set after a name with "a" or "an"
_JOB_AT = re.compile(
    r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?P<role>[\w-]+)\s+(?:of|at|for|from|with|in)\s"
)


# An age set after a name: "Rubilio Mendez, 34, a migrant", "Smith, aged 52,", "Jones (41)";
# never a list of versions ("IE6, 7, 8")
_AGED = re.compile(
    r",\s+(?:aged\s+)?(?:[1-9]\d?|1[01]\d),(?=\s+[^\W\d])|\s+\((?:aged\s+)?(?:[1-9]\d?|1[01]\d)\)"
)


def described_person(body: str, end: int) -> bool:
    """Whether the name ending at ``end`` is described as a person right after it
    ("Kossanov, the so-called opposition candidate, got ...", "Rubilio Mendez, 34, a
    migrant", "Fauzi, an official from the disaster agency"), whatever the recogniser
    took it for."""
    if _AGED.match(body, end):
        return True
    m = _APPOSITIVE.match(body, end) or _JOB_AT.match(body, end)
    return m is not None and m["role"].lower() in gz.PERSON_ROLES


_PORTFOLIO = re.compile(r"\s+(?:Minister|Secretary|Commissioner)\b")
