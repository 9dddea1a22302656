"""Titles and roles printed with a person's name, and no part of it (pure).

A title before the name ("Deputy Interior Minister Marat Qozhaev", "Secretary of the
Interior Dirk Kempthorne", "RB Reggie Bush"), inside a run of capitals between a body
and its holder ("DNC Chair Tom Perez"), cut short after a body's name ("Oregon State
Police Lt. Gregg Hastings") or in the possessive after the place it is held in ("L.A.
County Sheriff's Deputy Jerry Ortiz"): the rules cut it off the name and read it back
as the person's description (``roles.py``).
"""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.name_tokens import UPPER, WORD, Token, span_text

# Titles a portfolio of a word or two comes before: "Environment Minister John Baird"
_PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner"})
# Titles cut short ("Lt.", "Capt."), never whole words ("Burger King. Then ..."), and the
# full stop of one, then the name it titles: "Lt. Gregg Hastings".
_SHORT_TITLES = gz.word_set(
    "sen gov dr prof gen col lt capt sgt adm rev rep const det supt insp cpl maj cmdr"
)
_TITLE_THEN_NAME = re.compile(rf"\. [{UPPER}]")
# Titles, and the corporate ones the title list lacks, that sit inside a run of capitals
# between a body's name and its holder ("HP CIO Randy Mott").
_INSIDE_TITLES = gz.CORE_TITLES | gz.word_set("cio co-founder cofounder founder vp")
# Titles printed after the name of the body or the place they are held in ("LA County
# Sheriff", "HP CIO"); not those that follow another word of an office ("Surgeon
# General", "Crown Counsel") or end a name ("Burger King", "Orange Prince").
_TRAILING_TITLES = (
    gz.CORE_TITLES | gz.word_set("cio co-founder cofounder founder vp")
) - gz.word_set("general counsel king queen prince princess lord lady dame sir father pope")


def title_inside(run: list[tuple[str, Token]]) -> list[list[tuple[str, Token]]]:
    """A title inside a run of capitals, between a body's or a place's name and the
    person holding it ("Qeshm Governor Mehdi Irannejad", "DNC Chair Tom Perez",
    "Boeing Chief Financial Officer Michael Sears"), or with what it is of between it
    and the person ("Chief of Detectives Charlie Beck", "European Commissioner for
    Competition Neelie Kroes"): the title is in neither name, so the run is cut into
    the words before the title and the person's name (the title is read back from the
    name as its description). Only when the name is a person's: two to four words, no
    role word or listed name among them, opened by a given name unless the title is
    right before it. A title that opens the run ("German Chancellor Angela Merkel",
    "Commerce Secretary Gary Locke") is the rules' usual case (`title_length`)."""
    words = [t.text for _, t in run]
    connectors = [c for c, _ in run]
    titles = [i for i, w in enumerate(words) if w.lower().rstrip(".") in _INSIDE_TITLES]
    if not titles or title_length(words, connectors) > 0:
        return [run]  # "German Chancellor Angela Merkel": the usual title before a name
    last = titles[-1]
    # where each word after the title would end a name opened there: at the next
    # connector ("Ruth Hale on Monday" is cut there later, as any run is)
    ends = [
        next(
            (e for e in range(k + 1, len(run)) if connectors[e] not in ("", "particle")),
            len(run),
        )
        for k in range(len(run))
    ]
    name = next(
        (
            k
            for k in range(last + 1, len(words))
            if (gz.is_given_name(words[k]) or k == last + 1)
            and connectors[k] == ""
            and 2 <= ends[k] - k <= 4
            and not any(role_word(w) or w.lower() in gz.STOP_WORDS for w in words[k : ends[k]])
        ),
        None,
    )
    if name is None:
        return [run]
    tail = words[name : ends[name]]
    if (
        tail[-1].lower() in gz.ORG_HEADS
        or tail[-1].lower() in gz.PLACE_HEADS
        or gz.place_canonical(" ".join(tail))
        or gz.organization_canonical(" ".join(tail))
    ):
        return [run]
    start = last
    while (
        start > 0
        and connectors[start] == ""
        and role_word(words[start - 1])
        # "Troy Police Chief", "New York City Mayor": the body's or place's own word
        and words[start - 1].lower() not in gz.ORG_HEADS
        and gz.place_canonical(" ".join(words[:start])) is None
    ):
        start -= 1  # "Boeing Chief Financial Officer": the whole title goes
    # what the title is of, when listed: "Acting President of Kenya William Ruto"
    of = " ".join(words[last + 1 : min(ends[last + 1], name)]) if name > last + 1 else ""
    listed = bool(of) and bool(gz.place_canonical(of) or gz.organization_canonical(of))
    middle = run[last + 1 : min(ends[last + 1], name)] if listed else []
    parts = (run[:start], middle, run[name:])
    return [[("", p[0][1]), *p[1:]] for p in parts if p]


def title_after_name(body: str, toks: list[Token], connectors: list[str]) -> bool:
    """Whether the last word is a title in the possessive printed after the name of the
    body or the place it is held in: "L.A. County Sheriff's Deputy Jerry Ortiz", "the
    Lakewood Sheriff's station". The title is no part of that name; a body named so
    keeps it ("the Albany County Sheriff's Department"), and so does a title that names
    an office with the word before it ("Surgeon General's") and a listed name. Only
    after a listed place or body, or a name ending in a place's or a body's head word
    ("Abed Sultan's" is a person's name)."""
    if len(toks) < 2 or connectors[-1] != "" or not toks[-1].possessive:
        return False
    after = WORD.match(body, toks[-1].end + 3)
    if after is not None and after.group(0).istitle() and after.group(0).lower() in gz.ORG_HEADS:
        return False  # "the Albany County Sheriff's Department": the body's own name
    last = toks[-1].text.lower().rstrip(".")
    if last not in _TRAILING_TITLES:
        return False
    span, held_in = span_text(body, toks), span_text(body, toks[:-1])
    return not (
        gz.organization_canonical(span) or gz.place_canonical(span) or role_word(toks[-2].text)
    ) and bool(
        gz.place_canonical(held_in)
        or gz.organization_canonical(held_in)
        or toks[-2].text.lower() in gz.PLACE_HEADS | gz.ORG_HEADS
    )


def title_before_name(body: str, tok: Token) -> bool:
    """Whether a title cut short ends the run before the name it belongs to: "the
    Oregon State Police Lt. Gregg Hastings", "Woodburn Police Department Capt. Tom
    Tennant". The full stop ended the run; the title is no part of the body's name."""
    return tok.text.lower() in _SHORT_TITLES and _TITLE_THEN_NAME.match(body, tok.end) is not None


def title_length(words: list[str], connectors: list[str], over_of: bool = False) -> int:
    """How many leading words form a title ('Deputy Interior Minister'), 0 if none.
    A role noun leading a name of two words or more is one too ('Businessman Aisultan
    Nazarbayev', 'Activist Ermek Kassymenuly'); before a single word it may be the
    name itself ('Son Heung-min'). With ``over_of``, a title may run on over "of" to
    what it is of (`_title_of_then_name`); a title inside a longer run is cut apart
    before (`title_inside`)."""
    last_core = 0
    # "Environment Minister John Baird", "Home Affairs Secretary ...": a portfolio of
    # a word or two before the title, when a name of two words or more follows.
    portfolio = next((i for i, w in enumerate(words[1:3], 1) if w.lower() in _PORTFOLIO_TITLES), 0)
    if (
        portfolio
        and len(words) - portfolio - 1 >= 2
        and all(c in ("", "particle") for c in connectors[1 : portfolio + 1])
    ):
        words = ["Minister"] * (portfolio + 1) + words[portfolio + 1 :]
    words = _glued_titles(words, connectors)
    for i, word in enumerate(words):
        lowered = word.lower().rstrip(".")
        if lowered in gz.CORE_TITLES or (i == 0 and lowered in gz.ROLE_NOUNS and len(words) >= 3):
            last_core = i + 1
        elif lowered not in gz.TITLE_MODIFIERS and not gz.is_demonym(word):
            break
    if last_core == len(words):
        return last_core
    if last_core and connectors[last_core] in ("of", "for") and over_of:
        return _title_of_then_name(words, connectors, last_core)
    if last_core and connectors[last_core] in ("", "particle"):
        rest = words[last_core:]
        if rest[-1].lower() in gz.ORG_HEADS or gz.place_canonical(" ".join(rest)):
            return 0  # "General Assembly", "President Hotel": not a title before a name
        return last_core
    return 0


def _title_of_then_name(words: list[str], connectors: list[str], core: int) -> int:
    """How many leading words form a title that runs on over "of" or "for" to what it is
    of, then its holder's name: "Secretary of the Interior Dirk Kempthorne", "Minister of
    State for Trade Ana Ruiz". The name is the last two or three words, glued, opened by
    a given name or right after the title's own words ("Interior", "State"); 0 when there
    is none, or when those words name a body or a place ("Chairman of the Paul Allen
    Foundation")."""
    own = next(
        (k for k in range(core, len(words)) if words[k].lower() not in gz.TITLE_MODIFIERS),
        len(words),
    )
    for k in range(max(core + 1, len(words) - 3), len(words) - 1):
        rest = words[k:]
        if (
            (gz.is_given_name(words[k]) or k == own > core)
            and connectors[k] == ""
            and all(c in ("", "particle") for c in connectors[k + 1 :])
            and rest[-1].lower() not in gz.ORG_HEADS | gz.PLACE_HEADS
            and not any(role_word(w) for w in rest)
            and gz.place_canonical(" ".join(rest)) is None
            and gz.organization_canonical(" ".join(rest)) is None
        ):
            return k
    return 0


def _glued_titles(words: list[str], connectors: list[str]) -> list[str]:
    """The leading words with titles the title words alone do not make read as one core
    title each, when a name of two words or more follows: a title of two words whose
    words are no title alone ("Deputy Public Defender Peter Lynch", "Chief Patrol Agent
    Rodney Scott", "Chief Executive Hector Ruiz") and a player's position or a club's
    general manager in capitals ("RB Reggie Bush", "GM Theo Epstein"); "GM" is General
    Motors too, so it is a title only before a given name ("the GM Total Confidence
    plan")."""
    words = list(words)
    first = words[0].lower()
    if (
        len(words) >= 3
        and words[0].isupper()
        and first in gz.POSITION_ABBREVIATIONS
        and (first != "gm" or gz.is_given_name(words[1]))
    ):
        words[0] = "Minister"
    for i in range(len(words) - 3):
        pair = f"{words[i]} {words[i + 1]}".lower()
        if pair in gz.TWO_WORD_TITLES and connectors[i + 1] == "" and connectors[i + 2] == "":
            words[i : i + 2] = ["Minister", "Minister"]
    return words


def role_word(word: str) -> bool:
    """A word of a role or title ("Chief", "Executive", "Officer"), never of a name alone."""
    lowered = word.lower().rstrip(".")
    return lowered in gz.PERSON_ROLES or lowered in gz.TITLE_MODIFIERS or lowered in gz.CORE_TITLES
