"""What a number measures, read from its unit, its noun and the words of its clause: the
seed story's rules (vote share, turnout, years in power, detained, injured, protesters).

Each rule reads only the figure's sentence, so every decision can be explained by
pointing at the words that triggered it. The rest of the seed story's rules live beside
it: the mentions of a sentence in ``sentence_mentions.py``, whose vote share or age a
figure is in ``person_subjects.py``, who gives it in ``speech_cues.py`` and
``attribution.py``, the story's city and country in ``story_places.py``.
"""

from __future__ import annotations

import re

from service.ingest.figures.number_match import NumberMatch

_CLAUSE_BREAK = re.compile(r"[;:]|\s[-–—]{1,2}\s|\b(?:while|but|after|because|although|whereas)\b")
_DETAINED = re.compile(
    r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|ing|s)?|detentions?|held|rounded\s+up|custody|"
    r"jailed|imprisoned)\b",
    re.IGNORECASE,
)
_INJURED = re.compile(r"\b(?:injur(?:ed|ies|y)|wounded|hurt|hospitali[sz]ed)\b", re.IGNORECASE)
_PROTEST = re.compile(
    r"\b(?:protest(?:ed|ing|s)?|rall(?:ied|y|ies)|gathered|marched|demonstrat(?:ed|ions?))\b",
    re.IGNORECASE,
)
_PROTESTER_NOUNS = frozenset({"protesters", "protestors", "demonstrators"})
_VOTE = re.compile(
    r"\b(?:votes?|ballots?|polls?|won|wins?|took|received|got|gets|gave|secured|garnered"
    r"|polled|elected|re-elected|election"
    # a place in the count: "Kosanov was second with about 16%", "came a distant third"
    r"|(?:came|finished|was|placed|ended|trailed)\s+(?:\w+\s+){0,2}?"
    r"(?:second|third|fourth|fifth|last))\b",
    re.I,
)
# The people a survey asked, or what they answered: their share is an answer, never a
# vote ("62 percent of respondents said", "35 percent who believed the violence ...").
_RESPONDENTS = re.compile(
    r"\s+of\s+(?:the\s+|those\s+)?(?:respondents|(?:people|adults|voters|americans|those)\s+"
    r"(?:asked|polled|surveyed|questioned))\b"
    r"|\s+(?:who\s+)?(?:said|say|says|believed|believe|believes|thought|think|thinks|felt"
    r"|feel|feels|agreed|agree|agrees|disagreed|disagree|considered|consider)\b",
    re.IGNORECASE,
)
# Words only a story about a vote prints: an election, a referendum, a ballot, polling,
# voters, candidates, "percent of the vote". A vote share is read only in such a story:
# elsewhere a share a company "took" of a market, or a county "43 percent black" in a
# sentence about opinion polls, or what jurors "voted", is no candidate's share of a vote.
_ELECTORAL = re.compile(
    r"\b(?:elect(?:ion|ions|ed|oral|orate)|re-elected|ballots?|referend\w*|polling"
    r"|voters?|candidates?|run-?offs?|primaries|caucus\w*|plebiscite)\b"
    r"|\bof\s+the\s+(?:popular\s+)?vote\b",
    re.IGNORECASE,
)
_TURNOUT_BEFORE = re.compile(r"\bturnout\b[^.;,]{0,60}$", re.IGNORECASE)
_TURNOUT_AFTER = re.compile(r"^\s*(?:turnout)\b", re.IGNORECASE)
# "-led" after a name says who heads a group, no term in power: "an EADS-led consortium
# signed a 27-year contract", "the Saudi-led coalition has fought for four years".
_IN_POWER = re.compile(
    r"\b(?:rul(?:e|ed|ing)|in\s+power|reign(?:ed)?|regime|at\s+the\s+helm|(?<!-)led)\b", re.I
)
# "after nearly three decades in power"
_IN_POWER_AFTER = re.compile(r"\s+(?:in\s+(?:power|office)|at\s+the\s+helm)\b", re.I)
_KEPT = re.compile(r"\b(?:kept|held|detained|custody|jailed)\b", re.IGNORECASE)
_WINDOW = 60


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: cut at ';', dashes, 'while', 'after'..."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right_m = _CLAUSE_BREAK.search(text, end)
    return max(left, start - _WINDOW), min(right_m.start() if right_m else len(text), end + _WINDOW)


def election_story(text: str) -> bool:
    """Whether the copy is about a vote: it names an election, a ballot, a candidate or
    voters ("the June 9 election", "the opposition candidate got 16 percent")."""
    return _ELECTORAL.search(text) is not None


def choose_property(
    number: NumberMatch, text: str, start: int, end: int, *, election: bool = True
) -> str | None:
    """The property key a figure measures, from its unit, noun and the clause's words.

    ``election`` says whether the story is about a vote (``election_story``): only there
    is a percent in a sentence that says "took", "won" or "poll" a vote share."""
    if number.is_age:
        return "age"
    left, right = clause_bounds(text, start, end)
    before, after = text[left:start], text[end:right]
    around = before + " " + after
    if number.unit == "percent":
        if _TURNOUT_BEFORE.search(text[:start]) or _TURNOUT_AFTER.match(after):
            return "turnout"
        if _RESPONDENTS.match(text, end):
            return None  # "62 percent of respondents said": a poll's answer, no candidate's
        return "vote_share" if election and _VOTE.search(text) else None
    if number.unit == "years":
        in_power = _IN_POWER.search(text[:start]) or _IN_POWER_AFTER.match(text, end)
        return "years_in_power" if in_power else None
    if number.unit in ("hours", "days", "weeks"):
        return "detention_duration" if _KEPT.search(text[:start]) else None
    if number.unit not in ("people", "count"):
        return None
    noun = number.noun or ""
    event = _nearest_cue(text, left, start, end, right)
    if event is not None:
        return event
    if noun in ("observers", "monitors"):
        return "observers"
    if noun == "candidates":
        return "candidates"
    if noun in ("registered voters", "eligible voters"):
        return "registered_voters"
    if noun in _PROTESTER_NOUNS or (
        _PROTEST.search(around) and (number.unit == "people" or number.approximation == "VAGUE")
    ):
        return "protesters"
    return None


def _nearest_cue(text: str, left: int, start: int, end: int, right: int) -> str | None:
    """ "injured" or "detained", whichever cue word sits nearest the figure in its clause."""
    best: tuple[int, str] | None = None
    for prop, cue in (("injured", _INJURED), ("detained", _DETAINED)):
        for m in cue.finditer(text, left, right):
            if start <= m.start() < end or _held_no_one(text, m.start(), m.end()):
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, prop)
    return best[1] if best else None


# "held" detains no one where it holds an event or a hope: "the election, held under a
# new constitution", "held out hope", "held talks".
_HELD_EVENT = re.compile(
    r"\b(?:election|elections|vote|poll|polls|referendum|talks|meeting|summit|ceremony"
    r"|conference|race|games|session|rally|funeral|service|hearing|trial),?\s*$",
    re.IGNORECASE,
)
_HELD_SOMETHING = re.compile(
    r"\s+(?:out|up|back|off|talks|office|power|elections|hands|meetings?"
    r"|(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:meeting|talks|election|vote|summit"
    r"|conference|ceremony|rally|referendum|hearing|session|lead|majority|record|title|post"
    r"|seat|position|view|belief))\b",
    re.IGNORECASE,
)


def _held_no_one(text: str, start: int, end: int) -> bool:
    """Whether the cue "held" at ``text[start:end]`` holds an event or a hope, not people
    ("500 others who were held a day earlier" are held)."""
    if text[start:end].lower() != "held":
        return False
    return bool(
        _HELD_EVENT.search(text, max(0, start - 30), start) or _HELD_SOMETHING.match(text, end)
    )
