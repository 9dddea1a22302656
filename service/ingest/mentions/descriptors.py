"""Words printed with a name that are not the name (pure).

Copy puts descriptions, honours and bare titles in capitals next to names; the rules and
the recogniser then read them as names or parts of names:
- a descriptor before a person or party: "Nonpartisan Paul Tse", "Pan-democrat Lam
  Cheuk-ting", "Pro-Beijing DAB" -> "Paul Tse", "Lam Cheuk-ting", "DAB"; what a company
  does before its name: "Chipmaker Nvidia" -> "Nvidia", an organisation;
- an honour after a name: "Mark Tedeschi, QC," -> no organisation "QC";
- a title or a common noun alone: "the Chief Justice", "the State", "the Party" -> no
  entity (the person or body it stands for is named elsewhere, or not at all).
And a person's name the capitals cut at its particles is one name again: "Erik ten Hag".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.places import place_type
from service.ingest.model import EntityKind

# Honours and degrees printed after a name, never a name themselves.
POST_NOMINALS = frozenset(
    {"QC", "KC", "SC", "SBS", "JP", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE",
     "PhD", "MD", "Jr", "Sr", "Esq", "FRS"}
)  # fmt: skip
# "Pro-Beijing", "Anti-government", "Pan-democrat", "Ex-minister": a stance or a former
# role, in a capitalised word joined by a hyphen.
_STANCE = re.compile(r"(?:pro|anti|pan|ex|non|neo|post|pre)-[\w-]+", re.IGNORECASE)
# Capitalised common nouns that stand for a body or a role but name none on their own
# ("the State", "the Party"; not "the Senate" or "Press", which name one or a person).
_GENERIC = gz.CORE_TITLES | gz.word_set(
    """state party government home act chapter section article title landscape emeritus
    countdown people public nation country city region province"""
)


def tidied(
    body: str, candidates: Sequence[Candidate], people: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """The candidates without the words above. ``people`` are the spans the recogniser
    reads as persons."""
    out: list[Candidate] = []
    for cand in candidates:
        if cand.kind is EntityKind.EVENT:
            out.append(cand)
            continue
        cand = _without_descriptor(body, cand, people)
        cand = _without_role(body, cand)
        cand = _with_number(body, cand)
        if _honour(body, cand) or _generic(cand):
            continue
        if (office := _title_of(body, cand)) is not None:
            if office is _NO_HOLDER:
                continue
            cand = office
        if out and (joined := _with_particle(body, out[-1], cand)) is not None:
            out[-1] = joined
            continue
        if out and (joined := _with_possessor(body, out[-1], cand)) is not None:
            out[-1] = joined
            continue
        out.append(cand)
    return out


# Lower-case words inside a person's name: "Erik ten Hag", "Ursula von der Leyen"
_PARTICLES = re.compile(
    r"\s+(?:(?:van|von|der|den|de|del|della|di|da|du|la|le|ten|ter|bin|ibn|al|el|dos|das)\s+)+"
)


def _with_particle(body: str, before: Candidate, after: Candidate) -> Candidate | None:
    """One person's name the capitals cut in two at its particles, else None."""
    if before.kind is not EntityKind.PERSON or after.kind not in (
        EntityKind.PERSON,
        EntityKind.OTHER,
    ):
        return None
    if _PARTICLES.fullmatch(body, before.end, after.start) is None:
        return None
    name = " ".join(body[before.start : after.end].split())
    return replace(before, end=after.end, name=name)


# Heads that make one name with the possessive before them: "the Marion County Sheriff's
# Office", "Sam's Club", "the Worldwide Developer's Conference"
_POSSESSED_HEADS = gz.word_set("office club conference department division bureau unit")
# What lies between the possessor and its head: capitalised words the rules dropped (a
# title: "District Attorney's") and the possessive itself
_POSSESSIVE_GAP = re.compile(r"(?:\s+[A-Z][\w.-]*){0,2}['’]s\s+")


def _with_possessor(body: str, before: Candidate, after: Candidate) -> Candidate | None:
    """One organisation's name the possessive cut in two, else None: "the Bristol County
    District Attorney's Office" is one office, not "Bristol County District" and "Office",
    and "Sam's Club" one store; the head is dropped where the recogniser already read the
    whole name and the rules the head again; not a place's ("Iran's Office" is an office
    of Iran's) nor a body's ("the Superior Court's Division 3" is a part of the court)."""
    if after.name.lower() not in _POSSESSED_HEADS or after.kind is EntityKind.EVENT:
        return None
    if before.start <= after.start and after.end <= before.end:
        return before  # the head again, inside the name the recogniser already joined
    first, last = before.name.split()[0], before.name.split()[-1]
    if (
        (place_type(before.name) is not None and not gz.is_given_name(first))
        or last.lower() in gz.ORG_HEADS
        or _POSSESSIVE_GAP.fullmatch(body, before.end, after.start) is None
    ):
        return None
    name = " ".join(body[before.start : after.end].split())
    return replace(before, end=after.end, name=name, kind=EntityKind.ORGANIZATION)


# A title and what it is of: "Minister of Industry", "Chair of the Federation of State
# Medical Boards"
_TITLE_OF = re.compile(r"((?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:of|for)\s+(?:the\s+)?")
_NO_HOLDER = Candidate(0, 0, "", EntityKind.OTHER, 0)
# Titles that with their place make a style one person is known by: "the Prince of Wales"
_STYLES = gz.word_set(
    "king queen prince princess emir sultan sheikh pope bishop archbishop patriarch cardinal"
)


def _title_of(body: str, cand: Candidate) -> Candidate | None:
    """A title with what it is of and no holder's name: the body or place it is of, when
    that is a name ("Chair of the Federation of State Medical Boards" -> the federation,
    "Mayor of Springfield" -> the town), else no entity ("Canada's Minister of
    Industry", "Summit's President of Production": a portfolio names nobody). None when
    the candidate is no such title, or a style ("the Prince of Wales")."""
    text = body[cand.start : cand.end]
    match = _TITLE_OF.match(text)
    if match is None or match.end() == len(text):
        return None
    words = match.group(1).lower().split()
    if (
        words[-1] not in gz.CORE_TITLES
        or words[-1] in _STYLES
        or not all(w in gz.CORE_TITLES | gz.TITLE_MODIFIERS for w in words)
    ):
        return None
    start = cand.start + match.end()
    name = " ".join(body[start : cand.end].split())
    if place_type(name) is not None or gz.place_canonical(name) is not None:
        return replace(cand, start=start, name=name, kind=EntityKind.PLACE)
    rest = name.lower().split()
    if (
        gz.organization_canonical(name) is not None
        or rest[0] in gz.ORG_HEAD_FIRST
        or rest[-1].rstrip("s") in gz.ORG_HEADS
    ):
        return replace(cand, start=start, name=name, kind=EntityKind.ORGANIZATION)
    return _NO_HOLDER


# Words that name a road, a terminal or a part of a court only with the number after them
_NUMBERED_HEADS = gz.word_set(
    """interstate highway route terminal gate pier runway platform hangar division"""
)
# The number of the name: "Interstate 805", "Terminal 3", "Route 9A"; not a decimal or a
# thousands group ("Highway 1,200")
_NAME_NUMBER = re.compile(r" (\d{1,4}[A-Z]?)\b(?![.,]\d)")


def _with_number(body: str, cand: Candidate) -> Candidate:
    """A head that names one road or terminal only with its number takes the number:
    "Interstate 805", "Highway 175", "the soon-to-open Terminal 3", each a place; the head
    alone names nothing ("Interstate", "Terminal")."""
    if cand.name.lower() not in _NUMBERED_HEADS:
        return cand
    number = _NAME_NUMBER.match(body, cand.end)
    if number is None:
        return cand
    kind = cand.kind if cand.name.lower() == "division" else EntityKind.PLACE
    return replace(cand, end=number.end(), name=f"{cand.name} {number.group(1)}", kind=kind)


def _honour(body: str, cand: Candidate) -> bool:
    return cand.name in POST_NOMINALS and body[: cand.start].rstrip().endswith(",")


def _generic(cand: Candidate) -> bool:
    """One common noun ("the State"), a stance ("Pro-Beijing"), a label or a numbered part
    ("Group F", "Protected B", "Article III"), titles only ("the Chief Justice") or an
    office named by its portfolio ("the Communications Minister", "the State Department
    Spokesperson")."""
    words = cand.name.lower().split()
    if len(words) == 1:
        return (words[0] in _GENERIC and not cand.name.isupper()) or bool(
            _STANCE_ALONE.fullmatch(cand.name)
        )
    if _NUMBERED_PART.fullmatch(cand.name) or (
        _LETTERED.fullmatch(cand.name) and not gz.is_given_name(words[0])
    ):
        return True
    titles = gz.CORE_TITLES | gz.TITLE_MODIFIERS
    if words[-1] in _TITLE_LAST and all(w in titles for w in words):
        return True
    return (
        words[-1] in _OFFICES
        and len(words) <= 4
        and not gz.is_given_name(cand.name.split()[0])
        and not any(w in _CONNECTORS for w in words)
    )


# The last word of a title alone ("the Chief Justice", "the Prime Minister")
_TITLE_LAST = gz.CORE_TITLES | gz.word_set("justice")
# Titles of an office held by one person, never a surname or part of a body's name: a
# name ending in one, with no given name before it, is the office, not its holder.
_OFFICES = gz.word_set(
    """minister spokesperson spokesman spokeswoman secretary commissioner chairman
    chairwoman chairperson ambassador envoy ombudsman officer"""
)
_CONNECTORS = gz.word_set("of for on and the")


def _without_role(body: str, cand: Candidate) -> Candidate:
    """A listed organisation with the title of someone in it run on after its name
    ("Apple Chief Executive Officer") is that organisation; the title is a role."""
    words = list(re.finditer(r"\S+", body[cand.start : cand.end]))
    if len(words) < 2 or words[-1].group().lower() not in gz.ROLE_NOUNS:
        return cand
    for n in (2, 1):
        owner = " ".join(w.group() for w in words[:n])
        if n < len(words) and gz.organization_canonical(owner) is not None:
            end = cand.start + words[n - 1].end()
            return replace(cand, end=end, name=owner, kind=EntityKind.ORGANIZATION)
    return cand


# "Pro-Beijing", "Anti-Brexit" alone: a stance, no place or body
_STANCE_ALONE = re.compile(r"(?:Pro|Anti)-[\w-]+")
# A label of a word and a letter: a group of a draw ("Group F"), a grade ("Protected B");
# not a Roman numeral ("Atlas V" is a rocket)
_LETTERED = re.compile(r"[A-Z][a-z]+ [A-HJ-UWYZ]")
# A numbered part of a text: "Article III", "Title IV", "Section 5", "Group 2"
_NUMBERED_PART = re.compile(
    r"(?:Article|Title|Section|Chapter|Part|Clause|Paragraph|Schedule|Group|Pool) "
    r"(?:[IVXLC]+|\d{1,3}[A-Za-z]?)"
)


def _without_descriptor(body: str, cand: Candidate, people: Sequence[tuple[int, int]]) -> Candidate:
    words = list(re.finditer(r"\S+", body[cand.start : cand.end]))
    if len(words) < 2:
        return cand
    first = words[0].group()
    rest_start = cand.start + words[1].start()
    stance = _STANCE.fullmatch(first) is not None
    # A word the recogniser leaves off a full name it reads as a person: "Nonpartisan
    # Paul Tse" (the recogniser: "Paul Tse").
    described = (
        not gz.is_given_name(first)
        and any(start == rest_start and end <= cand.end for start, end in people)
        and len(words) >= 3
    )
    company = gz.is_company_noun(first)  # "Chipmaker Nvidia", "Insurer Aviva"
    if not (stance or described or company):
        return cand
    name = " ".join(body[rest_start : cand.end].split())
    kind = EntityKind.PERSON if _PERSON_STANCE.fullmatch(first) else cand.kind
    if company:
        kind = EntityKind.ORGANIZATION
    return replace(cand, start=rest_start, name=name, kind=kind)


# "Pan-democrat", "Ex-minister", "Anti-abortionist": the name after it is a person's
_PERSON_STANCE = re.compile(r"\w+-[a-z]+(?:crat|ist|ite|ian|er|or|minister|president)")
