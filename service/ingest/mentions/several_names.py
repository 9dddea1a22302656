"""A candidate holding several recognised names: whether they are several (of different
kinds, words between them, unless one runs on to what it is about: "UN Convention on
Biological Diversity"), whether the rules' one name stands over them ("the Press Democrat
newspaper", "the Union of Rationalist Atheists and Agnostics", "the U.S. Fish and
Wildlife Service"), else the candidate cut into them ("Fernando Cheung" and "the Labour
Party")."""

from __future__ import annotations

import itertools
import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.joined_bodies import country_and_one_word
from service.ingest.mentions.places import place_type
from service.ingest.mentions.recognised_names import KINDS, NOT_ENTITIES
from service.ingest.model import EntityKind


def read_as_one(body: str, cand: Candidate, inside: list[tuple[int, int, str]]) -> bool:
    """Whether the rules' one organisation stands over the recognised names it holds
    (``inside``): a name ending in a party word, one of two things across "and", a
    government's agency."""
    return (
        _ends_in_a_nationality(body, cand, inside)
        or _of_both_across_and(body, cand, inside)
        or _agency_across_and(body, cand, inside)
    )


def separate(body: str, names: list[tuple[int, int, str]]) -> bool:
    """Whether recognised names side by side are several names: of different kinds, or
    with words between them ("Fernando Cheung of the Labour Party")."""
    if len({label for _, _, label in names}) > 1:
        return True
    ordered = sorted(names)
    return any(
        body[a[1] : b[0]].strip(" -") and not _runs_on(body, a, b)
        for a, b in itertools.pairwise(ordered)
    )


_SUBJECT_CONNECTOR = re.compile(r"\s+(?:on|for|of)\s+(?:the\s+)?")


def _runs_on(body: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Whether two recognised names are one that runs on across "on", "for" or "of" to
    what it is about ("UN Convention" on "Biological Diversity")."""
    last = body[left[0] : left[1]].split()[-1].lower()
    return (
        last in gz.NAMED_FOR_SUBJECT
        and _SUBJECT_CONNECTOR.fullmatch(body, left[1], right[0]) is not None
    )


def cut_into_parts(
    body: str, cand: Candidate, inside: list[tuple[int, int, str]]
) -> list[Candidate]:
    """A candidate holding several recognised names, cut into them, each with the
    recogniser's kind; a person's given names the recogniser left off are taken in."""
    parts: list[Candidate] = []
    previous_end = cand.start
    for start, end, label in sorted(inside):
        if label in NOT_ENTITIES:
            continue
        start, end = max(start, cand.start), min(end, cand.end)
        if label == "PERSON":
            start = _given_names_before(body, max(previous_end, cand.start), start)
        previous_end = end
        text = " ".join(body[start:end].split())
        if text[:1].isupper():
            parts.append(Candidate(start, end, text, KINDS[label], cand.sentence_index))
    return parts


# "Union of", "Central Commission for": an organisation's head word and what it is of or for
_HEAD_OF = re.compile(r"\b(\w+) (?:of|for) (?:the )?[A-Z]")


# What "and" joins inside such a name: capitalised words, perhaps with "of" ("Referenda
# of Turkmenistan")
_AND_TAIL = re.compile(r" and ((?:[A-Z][\w'’-]*)(?: (?:of |the )*[A-Z][\w'’-]*)*)")


def _of_both_across_and(body: str, cand: Candidate, inside: list[tuple[int, int, str]]) -> bool:
    """Whether an organisation the rules read whole, named for what it is of or for, runs
    on over "and" to a second thing it is of or for, where the recogniser cut it in two
    ("the Union of Rationalist Atheists and Agnostics", "the Central Commission for
    Elections and Referenda of Turkmenistan": not "Agnostics", "Referenda"). The first
    name the recogniser reads is an organisation from the rules' start, opened by a head
    word and "of" or "for"; what follows "and" is capitalised words up to the rules' end,
    no organisation of its own (no head word last: "the Ministry of Defence and Foreign
    Office" are two; nor one the recogniser names an organisation in two words or more,
    "the Bank of Ghana and Federal Reserve"), no listed organisation or place, nor a given
    name first; and the first is of no place ("the Bank of England")."""
    if cand.kind is not EntityKind.ORGANIZATION:
        return False
    first = min(inside)
    if first[2] != "ORG" or first[0] > cand.start or first[1] >= cand.end:
        return False
    head = _HEAD_OF.search(body, cand.start, first[1])
    if head is None or head.group(1).lower() not in gz.ORG_HEAD_FIRST:
        return False
    if place_type(body[head.end() - 1 : first[1]]) is not None:
        return False  # "the Bank of England and Federal Reserve": a body of a place is whole
    tail = _AND_TAIL.fullmatch(body, first[1], cand.end)
    if tail is None:
        return False
    second = tail.group(1)
    words = second.split()
    if any(s == tail.start(1) and " " in body[s:e] and label == "ORG" for s, e, label in inside):
        return False  # the recogniser's organisation of two words or more after "and"
    return (
        words[-1].lower() not in gz.ORG_HEADS
        and not gz.is_given_name(words[0])
        and gz.organization_canonical(second) is None
        and gz.place_canonical(second) is None
    )


def _agency_across_and(body: str, cand: Candidate, inside: list[tuple[int, int, str]]) -> bool:
    """Whether an organisation the rules joined over "and" is a government's agency the
    recogniser cut in two: a country's name and one word, then a name ending in an
    agency's head word ("the U.S. Fish and Wildlife Service": not "U.S. Fish" and
    "Wildlife Service"; see ``joined_bodies.country_and_one_word``)."""
    if cand.kind is not EntityKind.ORGANIZATION or len(inside) != 2:
        return False
    first, second = sorted(inside)
    left_end = second[0] - len(" and ")
    return (
        body[left_end : second[0]] == " and "
        and second[1] == cand.end
        and second[2] == "ORG"
        and country_and_one_word(body, cand.start, left_end, [first], body[second[0] : second[1]])
    )


def _ends_in_a_nationality(body: str, cand: Candidate, inside: list[tuple[int, int, str]]) -> bool:
    """Whether the rules' organisation is one the recogniser reads as an organisation and
    a nationality or party word straight after it, ending the name: "the Press Democrat
    newspaper" (the paper, not "Press" and a Democrat). A legislature or a party before
    the word is its members ("Senate Republican leader"): no such name."""
    if cand.kind is not EntityKind.ORGANIZATION or len(inside) != 2:
        return False
    (s1, e1, l1), (s2, e2, l2) = sorted(inside)
    head = body[s1:e1].split()[-1].lower()
    return (
        l1 == "ORG"
        and l2 in NOT_ENTITIES
        and (s1, e2) == (cand.start, cand.end)
        and body[e1:s2] == " "
        and head not in _MEMBERS_OF
    )


_MEMBERS_OF = gz.word_set("senate house congress assembly parliament party caucus committee")


def _given_names_before(body: str, floor: int, start: int) -> int:
    """Where a person's name starts when the recogniser left off the capitalised word or
    two before it that the rules read with it ("Refugee Council Enver Solomon": the
    recogniser's "Solomon" is "Enver Solomon"); never past a title or another name."""
    words = list(_WORD_BEFORE.finditer(body, floor, start))
    taken = start
    for match in reversed(words[-2:]):
        word = match.group(1)
        if (
            match.end() != taken
            or not word[:1].isupper()
            or word.lower() in _NOT_GIVEN
            or gz.place_canonical(word)
            or gz.organization_canonical(word)
            or gz.is_demonym(word)
            or re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", body)
        ):
            break  # a word the copy also prints in lower case is a common one
        taken = match.start(1)
    return taken


_WORD_BEFORE = re.compile(r"([\w'’-]+) ")
_NOT_GIVEN = gz.CORE_TITLES | gz.TITLE_MODIFIERS | gz.ROLE_NOUNS | gz.ORG_HEADS | gz.STOP_WORDS
