"""A rule candidate checked against the recognised names it overlaps (pure).

It is cut into several names the recogniser reads ("Fernando Cheung" and "the Labour
Party"), cut to the one it reads with a day or a title stuck to it ("Nur-Sultan
Wednesday"), widened to the whole the recogniser reads over a nationality, a direction
or a title the rules cut off ("Southern California", "General Motors"), retyped where
the rules could not tell, or dropped (a nationality, a capitalised word of no kind).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.added_names import described_person
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.joined_bodies import country_and_one_word
from service.ingest.mentions.kinds import capitals_beside_lower
from service.ingest.mentions.kinds_by_context import _IN_PLACE, _place_after_preposition
from service.ingest.mentions.names import is_acronym
from service.ingest.mentions.places import place_type
from service.ingest.mentions.recognised_names import AMOUNTS, KINDS, NOT_ENTITIES, TIMES
from service.ingest.mentions.run_on_names import _body_then_speaker, _titled_person
from service.ingest.mentions.runs import has_surname_apart
from service.ingest.model import EntityKind

# Words stuck to a recognised name that are no part of it: days, months, "on"
_FURNITURE = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "today", "yesterday", "tonight", "january", "february", "march", "april", "may",
     "june", "july", "august", "september", "october", "november", "december", "on"}
)  # fmt: skip
# "'s Party", "'s Front": the head of an organisation named after a possessive, a plural's
# too ("Workers' Party"), and what it is of ("the Worker's Party of Korea").
_POSSESSIVE_HEAD = re.compile(
    r"['’]s?\s+(?:"
    + "|".join(sorted(w.title() for w in gz.ORG_HEADS))
    + r")(?:\s+of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?"
)
# Between a person and a capitalised name she belongs to ("... of the Ak Zhol").
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")
# How often the parse must read a lone capitalised word as a proper noun to keep it
_PROPER_REPEATS = 2
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Miss|Mx)\.?\s+$")


def _checked(
    body: str, cand: Candidate, names: list[tuple[int, int, str]], proper: Counter[str]
) -> list[Candidate]:
    """The candidate against the recognised names it overlaps (``names``): kept, cut,
    widened, retyped or dropped; ``proper`` counts the words the parse reads as proper
    nouns."""
    titled = _titled_person(body, cand)
    if titled is not None:
        return titled
    if cand.kind is EntityKind.ORGANIZATION and (spoken := _body_then_speaker(body, cand)):
        return spoken
    if any(s <= cand.start and cand.end <= e for s, e, label in names if label in AMOUNTS):
        return []
    if cand.kind is EntityKind.PERSON and has_surname_apart(body[cand.start : cand.end]):
        # "Michael O' Leary": the recogniser stops at the apostrophe ("Michael O'" and
        # a place "Leary"); the rules read one surname
        return [cand]
    if cand.kind in (EntityKind.PERSON, EntityKind.OTHER) and any(
        s <= cand.start and cand.end <= e for s, e, label in names if label in TIMES
    ):
        return [replace(cand, kind=EntityKind.EVENT)]  # "on Waitangi Day": nobody's name
    inside = [
        n for n in names if n[0] < cand.end and cand.start < n[1] and n[2] not in AMOUNTS | TIMES
    ]
    for start, end, label in inside:
        if (
            label in ("ORG", "GPE", "LOC", "FAC", "EVENT")
            and start < cand.start
            and end == cand.end
            and _only_demonyms(body[start : cand.start])
            and _cut_from_name(cand, body[start : cand.start])
        ):
            # the rules cut a nationality or a direction off the name the recogniser
            # reads whole ("Southern California", "the Korean War"): the whole stands
            name = " ".join(body[start:end].split())
            return [replace(cand, start=start, name=name, kind=KINDS[label])]
    if gz.place_canonical(cand.name) or gz.organization_canonical(cand.name):
        return [cand]
    for start, end, label in inside:
        # "the New People's Party": the rules stop at the possessive, the recogniser
        # names the party; an organisation's head after "'s" belongs to its name
        if (
            label == "ORG"
            and start <= cand.start
            # a place's or one person's party is theirs, not a name: "Putin's Party"
            and cand.kind is not EntityKind.PLACE
            and not (cand.kind is EntityKind.PERSON and " " not in cand.name)
            and _POSSESSIVE_HEAD.fullmatch(body, cand.end, end)
        ):
            name = " ".join(body[cand.start : end].split())
            return [replace(cand, end=end, name=name, kind=EntityKind.ORGANIZATION)]
    wider = [
        n
        for n in inside
        if n[0] < cand.start
        and cand.end <= n[1]
        and n[2] in ("ORG", "GPE", "LOC", "FAC")
        and _only_titles(body[n[0] : cand.start] + " " + body[cand.end : n[1]])
        and not _office_of(body, cand, n[0])
    ]
    if len(inside) == 1 and wider:
        # The rules cut a title word off an organisation's name ("General Motors"
        # read as General ... Motors): the recogniser's whole name stands.
        start, end, label = wider[0]
        name = " ".join(body[start:end].split())
        return [replace(cand, start=start, end=end, name=name, kind=KINDS[label])]
    if not inside:
        return _unrecognised(body, cand, proper)
    if len(inside) == 1 or not _separate(body, inside):
        return _cut_to_one(body, cand, inside)
    if (
        _ends_in_a_nationality(body, cand, inside)
        or _of_both_across_and(body, cand, inside)
        or _agency_across_and(body, cand, inside)
    ):
        return [cand]
    return _cut_into_parts(body, cand, inside)


def _unrecognised(body: str, cand: Candidate, proper: Counter[str]) -> list[Candidate]:
    """A candidate the recogniser names nothing in: a place after "in", no name at all
    for a capitalised word of no kind the parse rarely reads as a proper noun, else the
    rules' name."""
    if cand.kind is EntityKind.OTHER and _place_after_preposition(body, cand, _IN_PLACE):
        return [replace(cand, kind=EntityKind.PLACE)]  # "Police in Arequipa arrested"
    if (
        cand.kind is EntityKind.OTHER
        and not is_acronym(cand.name)
        and ": " not in cand.name  # a work's title and subtitle, named by the rules
        and proper[cand.name] < _PROPER_REPEATS
    ):
        return []  # "Chapter", "Countdown": capitalised, but no name
    return [cand]


def _cut_to_one(body: str, cand: Candidate, inside: list[tuple[int, int, str]]) -> list[Candidate]:
    """A candidate holding one recognised name (or several read as one): typed, cut to
    that name where a day or a title is stuck to it, cut into a person and the body after
    "of" she belongs to, or dropped as a nationality."""
    # One recognised name, or "Qasym-Zhomart Toqaev" read as two people.
    start, end, label = min(n[0] for n in inside), max(n[1] for n in inside), inside[0][2]
    if label in NOT_ENTITIES:
        # "Panamanian", "Buddhist"; a name the rules typed stays ("Nazarbaev", which
        # the recogniser misreads as a nationality)
        return [] if cand.kind is EntityKind.OTHER or gz.is_demonym(cand.name) else [cand]
    kind = _kind(cand, label)
    if kind is EntityKind.ORGANIZATION and described_person(body, cand.end):
        kind = EntityKind.PERSON  # "Rubilio Mendez, 34, a migrant": no company is 34
    if cand.kind is EntityKind.PERSON and _HONORIFIC.search(
        body, max(0, cand.start - 6), cand.start
    ):
        kind = EntityKind.PERSON  # "Mr MacFarlane", whatever the recogniser took it for
    if kind is EntityKind.PERSON and _place_after_preposition(body, cand):
        kind = EntityKind.PLACE  # "the mayor of Valencia": a city, though read as a name
    start, end = max(start, cand.start), min(end, cand.end)
    member = _OF_BODY.match(body, end, cand.end)
    if label == "PERSON" and start == cand.start and member is not None:
        # "Daniya Espayeva of the Ak Zhol party": a person and the party
        # she belongs to, though the recogniser named only the person
        person = " ".join(body[start:end].split())
        body_name = " ".join(body[member.end() : cand.end].split())
        return [
            replace(cand, end=end, name=person, kind=EntityKind.PERSON),
            replace(cand, start=member.end(), name=body_name, kind=EntityKind.ORGANIZATION),
        ]
    rest = body[cand.start : start] + " " + body[end : cand.end]
    if (start, end) == (cand.start, cand.end) or not _only_furniture(rest):
        return [replace(cand, kind=kind)]  # "Environment Canada" stays whole
    # A name with a day or a title stuck to it: "Nur-Sultan Wednesday" -> "Nur-Sultan"
    name = " ".join(body[start:end].split())
    return [replace(cand, start=start, end=end, name=name, kind=kind)]


def _cut_into_parts(
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


def _office_of(body: str, cand: Candidate, start: int) -> bool:
    """Whether the words the recogniser reads before a person the rules titled are what
    the title is of: "Secretary of the Interior Dirk Kempthorne" is no organisation
    "Interior Dirk Kempthorne", the rules' title runs over "of the Interior". Not when
    the rules took a title word of a name for a title ("the chief of General Motors"
    read as "Motors" titled "General"): a full name, and no title word cut off."""
    before = body[max(0, start - 8) : start].split()
    cut = [w.lower() for w in body[start : cand.start].split()]
    if cand.kind is not EntityKind.PERSON or cand.description is None or " " not in cand.name:
        return False
    if "of" in cut:
        return cut[0] in gz.CORE_TITLES  # the whole "Secretary of the Interior" read too
    return not any(w in gz.CORE_TITLES for w in cut) and (
        before[-1:] == ["of"] or before[-2:] == ["of", "the"]
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


def _separate(body: str, names: list[tuple[int, int, str]]) -> bool:
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


def _only_furniture(rest: str) -> bool:
    """Whether the words left beside a recognised name are a day or a title."""
    words = [w.lower().strip(".,") for w in rest.split()]
    titles = gz.CORE_TITLES | gz.TITLE_MODIFIERS
    return bool(words) and all(w in _FURNITURE or w in titles for w in words)


def _only_titles(rest: str) -> bool:
    """One or two words, each a title the rules cut off a name ("General")."""
    words = [w.lower() for w in rest.split()]
    return 0 < len(words) <= 2 and all(w in gz.CORE_TITLES | gz.TITLE_MODIFIERS for w in words)


def _only_demonyms(rest: str) -> bool:
    """One or two words the rules cut off a name as a nationality or a direction, which the
    recogniser reads into it: "Southern California", "the Korean War", "the Eastern
    Conference", "British Columbia" (not "British" of "the British FTSE 100", which the
    recogniser leaves out of the index's name)."""
    words = rest.split()
    return 0 < len(words) <= 2 and all(gz.is_demonym(w) for w in words)


# Words of direction that open the names of regions: "Southern California"
_DIRECTIONS = gz.word_set("northern southern eastern western central")


def _event_with_direction(
    body: str, cand: Candidate, names: list[tuple[int, int, str]]
) -> Candidate:
    """An event the rules named without the direction word opening it, which the
    recogniser reads into its name: "The Northern Arena Esports Championship ran
    throughout the weekend" is the Northern Arena Esports Championship."""
    for start, end, _ in names:
        before = body[start : cand.start].split()
        if (
            end == cand.end
            and start < cand.start
            and 0 < len(before) <= 2
            and all(w.lower() in _DIRECTIONS for w in before)
        ):
            return replace(cand, start=start, name=" ".join(body[start:end].split()))
    return cand


def _cut_from_name(cand: Candidate, before: str) -> bool:
    """Whether the nationality or direction before a name is part of it rather than a
    description of it: never before a person ("American Hasim Rahman") or a listed
    organisation ("the Brazilian Bovespa"), nor a nationality before a name complete with
    its head ("the British National Council for Voluntary Organisations"; a direction is
    part of it: "the Central Elections Commission", "the Western Naval Command", also
    where the rules took it for a person's with no given name); before a listed place
    only a direction ("Southern California", not "British London")."""
    if gz.organization_canonical(cand.name) is not None:
        return False
    direction = all(w.lower() in _DIRECTIONS for w in before.split())
    if cand.kind is EntityKind.PERSON:
        # "Western Naval Command" the rules took for a person's name: no given name
        return direction and not gz.is_given_name(cand.name.split()[0])
    if direction and gz.place_canonical(cand.name) is None:
        return True  # "the Central Elections Commission", "the Western Naval Command"
    last = cand.name.split()[-1].lower()
    if last in gz.ORG_HEADS or last.removesuffix("s") in gz.ORG_HEADS:
        return False
    if gz.place_canonical(cand.name) is not None:
        return all(w.lower() in _DIRECTIONS for w in before.split())
    return True


def _kind(cand: Candidate, label: str) -> EntityKind:
    """The rules' kind, unless they could not tell (OTHER), took an organisation for a
    person with no given name to go by ("Environment Canada"), or a person with a given
    name for an organisation ("Jim Press"). No name with a word in capitals beside one
    in lower case is a person's, whatever the recogniser reads ("Mac OS X")."""
    recognised = KINDS[label]
    if recognised is EntityKind.PERSON and capitals_beside_lower(cand.name):
        return EntityKind.ORGANIZATION if cand.kind is EntityKind.OTHER else cand.kind
    if cand.kind is EntityKind.OTHER:
        return recognised
    words = cand.name.split()
    if (
        cand.kind is EntityKind.PERSON
        and recognised is EntityKind.ORGANIZATION
        and not gz.is_given_name(words[0])
    ):
        return recognised
    if (
        cand.kind is EntityKind.ORGANIZATION
        and recognised is EntityKind.PERSON
        and len(words) in (2, 3)
        and gz.is_given_name(words[0])
    ):
        return recognised  # "Jim Press": a given name, though "Press" heads organisations
    return cand.kind
