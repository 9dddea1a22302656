"""Runs of capitalised words, joined and cut into names (pure).

Capitalised tokens run on across spaces, middle initials, name particles ("de", "van"),
a surname's prefix printed apart ("Michael O' Leary"), a subtitle's colon and the
connectors inside organisation names ("of", "for", "and", "&", "on", "in"); each run is
then cut at the connectors that join two names rather than sit inside one ("Regina Ip of
the New People's Party", "Nicolae Ceausescu of Romania", "the Betty Ford Center in
May"). A compass word before "and" shares the name after it ("North and South Korea").
"""

from __future__ import annotations

import re

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.name_tokens import GAP_CONNECTORS, Token
from service.ingest.mentions.names import initials, is_acronym

_PARTICLES = frozenset(
    {"de", "da", "du", "des", "del", "der", "den", "van", "von", "la", "le", "dos", "bin", "ibn"}
)
# Legal forms printed after a company's name and a comma
_LEGAL_FORMS = frozenset({"Inc", "Ltd", "LLC", "Corp", "Co", "plc", "PLC", "AG", "SA", "NV", "LP"})
# Saint, Mount and Fort cut short at the start of a name; "Main St." ends one instead.
SHORT_PLACE_WORDS = frozenset({"St", "Mt", "Ft"})
# Words that a name after "and" shares: "North and South Korea"
_COMPASS_WORDS = gz.word_set(
    "north south east west northern southern eastern western central upper lower"
)
# Last words of a street's, a road's or a square's name: where a body is, never what it
# is about ("the bank on Highway 214", "a shop on Main Street").
_WHERE_HEADS = gz.word_set(
    "street avenue boulevard road lane highway route motorway freeway square plaza drive way"
    " interstate"
)


def shared_names(body: str, out: list[Candidate], first: int) -> None:
    """A compass word before "and" and a name opening with another shares that name's
    rest: "North and South Korea" is "North Korea" and "South Korea", "East and West
    Timor" "East Timor" and "West Timor", not a place called "North". A mention prints
    its own words, so where the body names the shared name in full elsewhere, the
    bare word is no mention at all (the full one stands for it); else it is the
    shared name's only mention, and names it."""
    for i in range(len(out) - 1, max(first, 1) - 1, -1):
        left, right = out[i - 1], out[i]
        words = right.name.split()
        if not (
            left.name.lower() in _COMPASS_WORDS
            and len(words) > 1
            and words[0].lower() in _COMPASS_WORDS
            and body[left.end : right.start] in (" and ", " or ", " & ")
        ):
            continue
        shared = " ".join([left.name, *words[1:]])
        if re.search(rf"(?<![\w-]){re.escape(shared)}(?![\w-])", body):
            del out[i - 1]
        else:
            left.name, left.kind = shared, right.kind


def capitalised_runs(body: str, tokens: list[Token]) -> list[list[tuple[str, Token]]]:
    """Consecutive capitalised tokens; each carries the connector before it ('' = space)."""
    runs: list[list[tuple[str, Token]]] = []
    current: list[tuple[str, Token]] = []
    for n, tok in enumerate(tokens):
        if current:
            prev = current[-1][1]
            gap = body[prev.end : tok.start]
            connector = _connector(gap) if not prev.possessive else None
            if gap == ". " and len(prev.text) == 1 and not prev.possessive:
                connector = ""  # a middle initial: "Michael R. Golden"
            if _surname_prefix_apart(prev, gap):
                connector = ""  # "Michael O' Leary": one surname printed apart
            if (
                gap == ". "
                and prev.text in SHORT_PLACE_WORDS
                and (
                    len(current) == 1
                    or current[-1][0] not in ("", "particle")
                    or current[-2][1].text.lower() in gz.STOP_WORDS  # "The St. Louis plant"
                )
            ):
                connector = ""  # "St. Louis", "Mt. Vernon": Saint, Mount, Fort cut short
            if gap == ": " and _subtitled(body, current, tokens[n:]):
                connector = "subtitle"  # "Batman: The Animated Series"
            if gap == ", " and tok.text.rstrip(".") in _LEGAL_FORMS:
                continue  # "YRC Worldwide, Inc.": the legal form is no name of its own
            if connector is not None:
                current.append((connector, tok))
                continue
            runs.append(current)
        current = [("", tok)]
    if current:
        runs.append(current)
    return runs


def _surname_prefix_apart(prev: Token, gap: str) -> bool:
    """Whether an Irish or a French surname's prefix is printed apart from the rest
    after its apostrophe ("Ryanair's chief, Michael O' Leary", "Jean D' Arcy"): one
    name, "O'Leary", not a person "O" and a name "Leary"."""
    return prev.text in ("O", "D") and gap in ("' ", "’ ")


# A surname's prefix printed apart after its apostrophe: "Michael O' Leary"
_PREFIX_APART = re.compile(r"\b([OD]['’]) (?=[A-Z])")


def closed_surnames(name: str) -> str:
    """The name with a surname's prefix closed up to the rest (`_surname_prefix_apart`):
    "Michael O' Leary" is Michael O'Leary."""
    return _PREFIX_APART.sub(r"\1", name)


def has_surname_apart(name: str) -> bool:
    """Whether the name prints a surname's prefix apart: "Michael O' Leary"."""
    return _PREFIX_APART.search(name) is not None


def _subtitled(body: str, title: list[tuple[str, Token]], after: list[Token]) -> bool:
    """Whether capitalised words after a colon are the subtitle of a work named before
    it, in running text ("in Counter-Strike: Global Offensive"): the title is printed
    after a lower-case word, the subtitle is two capitalised words or more, and the
    sentence goes on or ends after it."""
    first = title[0][1]
    before = body[max(0, first.start - 20) : first.start].split()
    if first.initial or not before or not before[-1].islower():
        return False
    words = [after[0]]
    for tok in after[1:]:
        if body[words[-1].end : tok.start] != " ":
            break
        words.append(tok)
    named = [t for t in words if t.text.lower() not in gz.STOP_WORDS]
    following = body[words[-1].end : words[-1].end + 1]
    return len(named) >= 2 and following in ("", ",", ".", ";", ")", " ")


def _connector(gap: str) -> str | None:
    if gap and gap.isspace() and "\n" not in gap:
        return ""
    if gap in GAP_CONNECTORS:
        return GAP_CONNECTORS[gap]
    word = gap.strip()
    if gap.startswith(" ") and gap.endswith(" ") and word in _PARTICLES:
        return "particle"
    return None


def split_run(body: str, run: list[tuple[str, Token]]) -> list[list[tuple[str, Token]]]:
    """Cuts a run at connectors that join two names rather than sit inside one."""
    segments: list[list[tuple[str, Token]]] = []
    current: list[tuple[str, Token]] = []
    for i, (connector, tok) in enumerate(run):
        if i == 1 and _spelt_out(body, run):
            segments.append(current)  # "TARP Troubled Assets Relief Program"
            current = []
        elif (
            current
            and connector not in ("", "particle", "subtitle")
            and not _keeps(body, current, run, i)
        ):
            segments.append(current)
            current = []
            connector = ""
        current.append((connector, tok))
    segments.append(current)
    return segments


def _spelt_out(body: str, run: list[tuple[str, Token]]) -> bool:
    """Whether the run is an acronym followed by the name it abbreviates, spelt out:
    two names ("TARP", "Troubled Assets Relief Program"), the first standing for
    the second."""
    acronym = run[0][1].text
    if len(run) < 3 or not is_acronym(acronym) or run[1][0] != "":
        return False
    spelt = body[run[1][1].start : run[-1][1].end]
    return initials(spelt) == "".join(c for c in acronym.lower() if c.isalpha())


def _keeps(body: str, left: list[tuple[str, Token]], run: list[tuple[str, Token]], i: int) -> bool:
    connector = run[i][0]
    left_words = [t.text for _, t in left]
    joined = body[left[0][1].start : run[i][1].end]
    if (
        gz.is_listed_prefix(joined)
        or gz.place_canonical(joined)
        or gz.organization_canonical(joined)
    ):
        return True
    if left_words[0].lower() in gz.STOP_WORDS and len(left_words) == 1:
        return False
    if connector in ("in", "on") and _when_or_where(run, i):
        return False  # "the Betty Ford Center in May", "the West Coast Bank on Highway 214"
    if body[left[-1][1].end : run[i][1].start] == " & ":
        return True  # "Johnson & Johnson", "Procter & Gamble": one name
    if (
        connector in ("on", "for", "of")
        and left_words[-1].lower() in gz.NAMED_FOR_SUBJECT
        and (left_words[-1].lower() not in gz.CORE_TITLES or _owned(left_words))
    ):
        # "Convention on Biological Diversity": named for what it is about; a title
        # only as an organisation's office ("United Nations High Commissioner for
        # Refugees"), not before its holder ("European Commissioner for Competition
        # Neelie Kroes")
        return True
    head_first = any(w.lower() in gz.ORG_HEAD_FIRST for w in left_words)
    if (
        connector == "of"
        and not head_first
        and len(left_words) >= 2
        and run[-1][1].possessive
        and left_words[-1].lower() not in gz.ORG_HEADS
    ):
        return False  # "Regina Ip of the New People's Party": a person, then her party
    if connector == "of" and len(left_words) >= 2 and _of_place(body, left_words, run, i):
        return False  # "Nicolae Ceausescu of Romania": a person, then the place
    if connector == "of":
        return not gz.is_given_name(left_words[0]) or len(left_words) == 1
    if not head_first:
        return False
    if connector == "and":
        # "Bureau for Human Rights and Rule of Law and Human Rights Charter Foundation":
        # cut where the words after "and" make a name of their own.
        end = i
        while end + 1 < len(run) and run[end + 1][0] in ("", "particle"):
            end += 1
        rest = [t.text for _, t in run[i : end + 1]]
        tail = body[run[i][1].start : run[end][1].end]
        if rest[-1].lower() in gz.ORG_HEADS or gz.is_given_name(rest[0]):
            return False
        return not (gz.place_canonical(tail) or gz.organization_canonical(tail))
    return True


def _when_or_where(run: list[tuple[str, Token]], i: int) -> bool:
    """Whether the words after "in" or "on" say when or where, not what a body is
    about: a month or a day ("checked into the Betty Ford Center in May"), or a street,
    a road or a square ("the West Coast Bank on Highway 214"); "Organization for
    Security and Cooperation in Europe", "Committee on Homeland Security" go on."""
    end = i
    while end + 1 < len(run) and run[end + 1][0] in ("", "particle"):
        end += 1
    words = [t.text.lower().rstrip(".") for _, t in run[i : end + 1]]
    return words[0] in CALENDAR_WORDS or words[-1] in _WHERE_HEADS


def _of_place(body: str, left_words: list[str], run: list[tuple[str, Token]], i: int) -> bool:
    """Whether a name of two words or more before "of" is a person's, or a title and a
    person's, and what follows "of" a listed place: "President Emmanuel Macron of
    France", "Nicolae Ceausescu of Romania", "King Abdullah of Saudi Arabia". A body or
    a place is named of a place ("Federal Reserve Bank of New York", "University of
    Texas", "Democratic Republic of Congo" is listed): no head word before "of"."""
    end = i + 1
    while end < len(run) and run[end][0] in ("", "particle"):
        end += 1
    place = body[run[i][1].start : run[end - 1][1].end]
    if gz.place_canonical(place) is None:
        return False
    heads = gz.ORG_HEADS | gz.ORG_HEAD_FIRST | gz.PLACE_HEADS
    return not any(w.lower() in heads for w in left_words) and not gz.is_listed_prefix(
        " ".join(left_words)
    )


def _owned(words: list[str]) -> bool:
    """Whether the words open with a listed organisation's name ("United Nations")."""
    return any(gz.organization_canonical(" ".join(words[:n])) for n in (1, 2, 3))
