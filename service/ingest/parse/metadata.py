"""Recognising what the copy says about itself: timestamps, datelines, bylines, sources.

Pure helpers for ``article.py``. Each takes one stripped line and answers ``None`` when
the line is not what it looks for, so the parser can try them in turn.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Publishers and agencies by the labels copy uses for them, mapped to one display
# name. Only for casing and well-known short forms ("REUTERS", "RFE", "AP"); a name
# not listed here is kept as printed (see ``source_display_name``).
SOURCE_NAMES: dict[str, str] = {
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "rfe": "RFE/RL",
    "rfe/rl": "RFE/RL",
    "radio free europe/radio liberty": "RFE/RL",
    "radio free europe": "RFE/RL",
    "ap": "Associated Press",
    "the associated press": "Associated Press",
    "associated press": "Associated Press",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "al jazeera": "Al Jazeera",
    "bbc": "BBC",
    "bbc news": "BBC",
    "tass": "TASS",
    "interfax": "Interfax",
    "kazinform": "Kazinform",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
    "xinhua": "Xinhua",
}


def source_display_name(label: str) -> str:
    """ "REUTERS" -> "Reuters", "RFE" -> "RFE/RL"; unknown names as printed (shouting undone)."""
    label = " ".join(label.split()).strip(" .,;:")
    known = SOURCE_NAMES.get(label.casefold())
    if known is not None:
        return known
    # An unknown all-capitals name longer than an acronym is a label shouting
    # ("KAZINFORM NEWS"), not an acronym ("TASS", "KTK"): give it title case.
    if label.isupper() and len(label.replace(" ", "")) > 5:
        return label.title()
    return label


def is_known_source(label: str) -> bool:
    return " ".join(label.split()).strip(" .,;:").casefold() in SOURCE_NAMES


# --- timestamps ---------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_TIMESTAMP = re.compile(
    r"""
    ^(?:(?:first\s+)?(?:published|updated|posted|last\s+updated|last\s+modified)
        (?:\s+(?:on|at))?\s*:?\s*)?
    (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
    (?:
        (?P<d1>\d{1,2})\s+(?P<m1>[a-z]{3,9})\.?,?\s+(?P<y1>\d{4})
      | (?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})
      | (?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})
    )
    (?:
        (?:\s*,\s*|\s+at\s+|\s*[|T]\s*|\s+-\s+|\s+)
        (?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?
        \s*(?P<ampm>[ap]\.?m\.?)?
        \s*(?P<zone>(?:gmt|utc)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|z|[+-]\d{2}:?\d{2})?
    )?
    \s*$
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ZONE_OFFSET = re.compile(r"(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?$")


@dataclass(frozen=True, slots=True)
class Timestamp:
    """A line that is only a date (and maybe a time): furniture, never story text."""

    # Set only when the line gives a date, a time and a zone: the parser never guesses
    # a time of day or a time zone.
    moment: dt.datetime | None


def match_timestamp(line: str) -> Timestamp | None:
    """``"11 Jun 2019, 02:45 GMT+10"`` -> the instant in UTC; ``None`` if the line is not one."""
    found = _TIMESTAMP.match(line)
    if found is None:
        return None
    parts = found.groupdict()
    if parts["y3"] is not None:
        year, month, day = int(parts["y3"]), int(parts["m3"]), int(parts["d3"])
    else:
        month_name = (parts["m1"] or parts["m2"] or "").casefold()
        if month_name not in _MONTHS:
            return None
        year = int(parts["y1"] or parts["y2"])
        month = _MONTHS[month_name]
        day = int(parts["d1"] or parts["d2"])
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    if parts["hour"] is None or parts["zone"] is None:
        return Timestamp(moment=None)
    hour = int(parts["hour"])
    ampm = (parts["ampm"] or "").casefold()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    offset = _zone_offset(parts["zone"])
    if offset is None:
        return Timestamp(moment=None)
    try:
        local = dt.datetime(
            year,
            month,
            day,
            hour,
            int(parts["minute"]),
            int(parts["second"] or 0),
            tzinfo=dt.timezone(offset),
        )
    except ValueError:
        return Timestamp(moment=None)
    return Timestamp(moment=local.astimezone(dt.UTC))


def _zone_offset(zone: str) -> dt.timedelta | None:
    zone = zone.strip()
    if zone.casefold() in {"gmt", "utc", "z"}:
        return dt.timedelta(0)
    found = _ZONE_OFFSET.search(zone)
    if found is None:
        return None
    minutes = int(found["hours"]) * 60 + int(found["minutes"] or 0)
    if minutes > 14 * 60:
        return None
    return dt.timedelta(minutes=-minutes if found["sign"] == "-" else minutes)


# --- datelines ----------------------------------------------------------------

# A place in capitals ("ALMATY", "NUR-SULTAN/ALMATY"), optionally ", Region" in any
# case ("ALMATY, Kazakhstan", "WASHINGTON, D.C.", "ALMATY, June 11") and an agency in
# brackets ("(Reuters)", "(AP)"). Two capitals at least, so "I -- " is no dateline.
_PLACE = r"[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+)*"
_REGION = r"[A-Z0-9][\w.'’\-]*(?:\s+[A-Z0-9][\w.'’\-]*){0,3}"
_AGENCY = r"\((?P<agency>[^()\n]{2,40})\)"
_DASH = r"(?:--|—|–|-)"
_DATELINE_LEAD = re.compile(
    rf"^(?P<dateline>{_PLACE}(?:,\s+{_REGION})?(?:\s+{_AGENCY})?)\s*{_DASH}\s+(?P<rest>\S)"
)
_DATELINE_ALONE = re.compile(
    rf"^(?P<dateline>{_PLACE}(?P<region>,\s+{_REGION})?(?:\s+{_AGENCY})?)(?:\s*{_DASH})?$"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # "ALMATY, Kazakhstan", "ALMATY (Reuters)"
    agency: str | None  # display name of the bracketed agency: "Reuters"
    story_start: int | None  # where the story text starts in the line, if it goes on


def match_dateline(line: str) -> Dateline | None:
    """A dateline opening a paragraph (``"ALMATY, Kazakhstan -- Reports ..."``) or alone."""
    found = _DATELINE_LEAD.match(line)
    if found is None:
        found = _DATELINE_ALONE.match(line)
        # A place alone in capitals could as well be a crosshead ("POET DETAINED"):
        # alone, a dateline needs its region or its agency.
        if found is None or (found["region"] is None and found["agency"] is None):
            return None
    agency = found["agency"]
    story_start = found.start("rest") if "rest" in found.groupdict() else None
    return Dateline(
        text=found["dateline"],
        agency=source_display_name(agency) if agency else None,
        story_start=story_start,
    )


# --- bylines and credit lines -------------------------------------------------

# Credits that name who wrote or reported the story. "Editing by" is left out on
# purpose: editors are not authors, and a byline is an author credit.
_AUTHOR_ROLES = re.compile(
    r"^(?:with\s+)?(?:additional\s+|further\s+)?(?:reporting|writing|compiled|research)"
    r"(?:\s+and\s+writing)?\s+by\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_OTHER_ROLES = re.compile(r"^(?:editing|graphics|photos?|video)\s+by\b", re.IGNORECASE)
_CONTRIBUTED = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w ]*?\s+)?(?:writers?|reporters?|correspondents?|journalists?)\s+"
    r"(?P<names>.+?)\s+contributed(?:\s+to\s+this\s+(?:report|story))?\.?$",
    re.IGNORECASE,
)
# Credit lines are a sentence at most. _CONTRIBUTED's optional lead and its names can
# split a run of spaces in every way, so a long line is not tried at all (a line of
# 30,000 spaces took 25 s).
MAX_CREDIT_LINE = 400
_BY = re.compile(r"^by\s+(?P<names>[^.!?]{3,120})$", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r"\s*(?:,\s*and\s+|,|\s+and\s+|\s*&\s*)\s*")
# "Tamara Vaal in Nur-Sultan": where the reporter was is not part of the name.
_LOCATION_SUFFIX = re.compile(r"\s+in\s+[A-Z][\w.'’\- ]*$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w.'’\-]*|de|da|del|van|von|der|al-\w+|bin|ibn|le|la)$")


@dataclass(frozen=True, slots=True)
class Credit:
    """A credit line: the people it names (maybe none, when it credits agencies)."""

    people: tuple[str, ...]


def match_credit_line(line: str) -> Credit | None:
    """``(Reporting by A and B; Additional reporting by C in X; Editing by D)`` and kin."""
    if len(line) > MAX_CREDIT_LINE:
        return None  # see MAX_CREDIT_LINE
    inner = line.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1].strip()
    contributed = _CONTRIBUTED.match(inner)
    if contributed is not None:
        names = _credited_names(contributed["names"])
        if names is None:
            return None
        return Credit(people=tuple(name for name in names if _is_person_name(name)))
    clauses = [clause.strip() for clause in inner.split(";") if clause.strip()]
    if not clauses:
        return None
    people: list[str] = []
    for clause in clauses:
        authors = _AUTHOR_ROLES.match(clause)
        if authors is not None:
            names = _credited_names(authors["names"])
            if names is None:
                return None  # "Reporting by the BBC found that ...": a sentence
            people.extend(name for name in names if _is_person_name(name))
        elif _OTHER_ROLES.match(clause) is None:
            return None  # one clause that is no credit: this is a sentence, not a credit
    return Credit(people=tuple(people))


# WordPress post meta: "Posted on June 14, 2019 by Saule B. | 3 Comments".
_POST_META = re.compile(
    r"^(?:posted|published)\s+on\s+(?P<when>.+?)\s+by\s+(?P<who>[^|]+?)\s*(?:\|.*)?$",
    re.IGNORECASE,
)


def match_post_meta(line: str) -> tuple[Timestamp | None, tuple[str, ...]] | None:
    """The time and authors of a blog's "Posted on DATE by NAME | N Comments" line."""
    found = _POST_META.match(line)
    if found is None:
        return None
    stamp = match_timestamp(found["when"])
    who = found["who"].strip()
    people = tuple(p for p in _NAME_SEPARATORS.split(who) if p and _is_proper_name(p))
    if stamp is None and not people:
        return None
    return stamp, people


def match_byline(line: str) -> Credit | None:
    """A top-of-copy ``"By Jane Doe and John Roe, Reuters"``; ``None`` for "By Monday, ..."."""
    found = _BY.match(line)
    if found is None:
        return None
    parts = [part for part in _NAME_SEPARATORS.split(found["names"].strip()) if part]
    people = [part for part in parts if _is_person_name(part)]
    # Every part is a person or a known outlet ("..., Reuters"); anything else means
    # the line is a sentence that happens to start with "By".
    if not people or any(not _is_person_name(p) and not is_known_source(p) for p in parts):
        return None
    return Credit(people=tuple(people))


def _credited_names(names: str) -> tuple[str, ...] | None:
    """The names in a credit list, or ``None`` when a part is no name at all.

    Callers keep only the people: agencies credited beside people are no bylines
    ("With reporting by Reuters, TASS, and Kazinform" credits no person).
    """
    found = []
    for part in _NAME_SEPARATORS.split(names.strip().rstrip(".")):
        name = _LOCATION_SUFFIX.sub("", part.strip())
        if not name:
            continue
        if not (_is_person_name(name) or is_known_source(name) or _is_proper_name(name)):
            return None
        found.append(name)
    return tuple(found) if found else None


def _is_proper_name(name: str) -> bool:
    """An organisation credited by name: one to four capitalised words ("Kazinform")."""
    tokens = name.split()
    return 1 <= len(tokens) <= 4 and all(_NAME_TOKEN.match(token) for token in tokens)


def _is_person_name(name: str) -> bool:
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or is_known_source(name):
        return False
    return all(_NAME_TOKEN.match(token) for token in tokens) and tokens[0][0].isupper()


# --- where the copy says it comes from ----------------------------------------

_ORIGINAL_SOURCE = re.compile(r"^original\s+source\s*:\s*(?P<name>.+)$", re.IGNORECASE)
_REPUBLISHED = re.compile(
    r"\b(?:republished|reprinted|reproduced)\s+with\s+(?:the\s+)?permission\s+of\s+"
    r"(?P<name>[^,;]+?)(?:[,;]|\.(?:\s|$)|$)"
    r"|\boriginally\s+(?:published|appeared)\s+(?:by|on|in|at)\s+(?P<name2>[^,;]+?)(?:[,;.]|$)",
    re.IGNORECASE,
)


def match_original_source(line: str) -> str | None:
    """``"Original source: REUTERS"`` or ``"Republished with the permission of X"`` -> name."""
    found = _ORIGINAL_SOURCE.match(line)
    if found is not None:
        return source_display_name(found["name"])
    republished = _REPUBLISHED.search(line)
    if republished is not None:
        return source_display_name(republished["name"] or republished["name2"])
    return None


def match_outlet_label(line: str, next_line: str | None) -> str | None:
    """A first line naming the publisher ("RFE"): a known name, or a short capitalised
    label directly above a timestamp line (the layout of syndication feeds)."""
    if is_known_source(line):
        return source_display_name(line)
    words = line.split()
    looks_like_label = 0 < len(words) <= 3 and line.isupper() and len(line) <= 30
    if looks_like_label and next_line is not None and match_timestamp(next_line) is not None:
        return source_display_name(line)
    return None
