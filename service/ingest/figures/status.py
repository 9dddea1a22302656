"""What kind of value a figure is: an exit poll, a poll answer, a forecast, an estimate.

Read from cue words in the figure's clause (preliminary and final results are read by the
figure stage for shares and turnout, where the copy says so); an election count reported
as an outcome is a result. Exit polls, poll answers and
forecasts make facts of their own: they never share one with results.
"""

from __future__ import annotations

import re

from service.ingest.figures.number_words import WORD_NUMBER

_EXIT_POLL = re.compile(r"\bexit[-\s]polls?\b", re.IGNORECASE)
# A survey, not the polls voters go to: "the polls closed" is no poll answer.
_POLL = re.compile(
    r"\b(?:opinion\s+polls?|surveys?|surveyed|respondents|questioned"
    r"|polls?\s+(?:found|finds|showed|shows|suggests?|suggested|indicated|conducted|carried)"
    r"|(?:a|an|the|latest|new|recent)\s+(?:[\w-]+\s+)?poll)\b",
    re.IGNORECASE,
)
# "will be" forecasts the figure it is followed by, or a level ("will be 20% more
# efficient", "will be about $5 billion", "will be larger than forecast, at $40 billion");
# before a participle or anything else it tells what is to happen, and the numbers around
# it count what exists or is decided ("the first four aircraft will be assembled in
# Toulouse", "will be arraigned on two counts", "the webcast will be available for 10 days").
_WILL_BE = (
    r"will\s+be(?=\s+(?:(?:about|around|roughly|some|up\s+to|over|under|at\s+least|nearly"
    r"|almost|just|only|worth|between|(?:more|less|fewer)\s+than|in\s+excess\s+of)\s+)*"
    rf"(?:[$€£¥\d]|[A-Z]{{1,3}}\$|(?:{WORD_NUMBER}|more|less|fewer|higher|lower|larger|smaller"
    r"|bigger|greater|worse|better|cheaper|costlier|faster|slower|longer|shorter)\b))"
)
# A past expectation is still a forecast as reported: "Wall Street expected just 77 cents",
# "the 12-cent loss that had been anticipated", "the $3 billion expected by analysts". Bare
# "expected" or "anticipated" only so before a value or as the passive of what was
# forecast, not as a word for what was awaited ("a widely expected refresh of the 17-inch
# model": 17-inch is no forecast).
_EXPECTED_VALUE = (
    r"(?:expected|anticipated)(?=\s+(?:(?:just|only|about|around|roughly|some|nearly|almost"
    r"|at\s+least|as\s+much\s+as|as\s+many\s+as)\s+)*[$€£¥\d]|\s+by\b)"
    r"|(?<=been\s)anticipated|anticipates?"
)
# Who envisions or foresees a value forecasts it ("he envisioned the bankruptcy process would
# take between 60 and 90 days"), and so does an analyst's price target ("his one-year price
# target of $21"); a target a body sets for itself ("a target rate of 5.25%") is no guess.
_FORESEEN = r"envision(?:s|ed)?|envisag(?:es?|ed)|forese(?:es?|en)|foresaw|price\s+targets?"
# "will cut" and "will be cut" tell what someone has decided, a plan, not a value to
# come, and forecast no figure of their clause ("will cut 30,000 jobs ... after a US$1.6
# billion loss": the loss is booked); what may or could be cut is still a guess.
_FORECAST = re.compile(
    r"\b(?:forecasts?|forecast(?:ed|ing)|projects\s+that|projected|projections?|predicts?|predicted"
    r"|predicting|predictions?|expects?|expected\s+to|is\s+set\s+to|are\s+set\s+to"
    rf"|{_EXPECTED_VALUE}|{_FORESEEN}"
    rf"|{_WILL_BE}|(?:will|would|could|may|might)\s+(?:\w+\s+)?(?:rise|fall|drop|decline"
    r"|increase|decrease|reach|grow|hit|cost|top|exceed|lose|save|reduce|lower|raise"
    r"|climb|double|triple)|(?:would|could|may|might)\s+(?:\w+\s+)?cut)\b",
    re.IGNORECASE,
)
_ESTIMATE = re.compile(r"\b(?:estimated?|estimates?|estimating)\b", re.IGNORECASE)
# An estimate or a forecast that names its own value is that value's, not a figure's before
# it: "might need $30 billion, an increase over their previous estimate of $18 billion".
_ESTIMATE_OF = re.compile(r"\s+(?:of|at)\s+(?:\w+\s+){0,2}?[$€£¥\d]")
# A value set beside the figure after a comma is an older or another's value, out of reach
# of a cue before it: "will give it about 7 percent of the market, compared with IBM's 10
# percent", "expected to rise to 5%, up from 4%".
_COMPARED = re.compile(r",\s+(?:compared\s+(?:with|to)|(?:up|down)\s+from|versus)\b", re.I)
# A figure set against a forecast is what came true, not the forecast: "losses of 26 cents a
# share, worse than analysts had forecast", "beat predictions", "above expectations". The
# words are read as no cue (the forecast itself, "had forecast 20 cents", keeps its own).
_AGAINST_FORECAST = re.compile(
    r"\b(?:(?:than|as)\s+(?:(?:\w+\s+){0,3}?)(?:had\s+|have\s+|was\s+|were\s+)?"
    r"(?:forecast|predicted|projected|expected|estimated)(?!\s+(?:to|at|of|a|an|\$|\d))"
    r"|(?:beat(?:s|ing)?|miss(?:ed|es|ing)?|top(?:s|ped|ping)?|exceed(?:s|ed|ing)?"
    r"|surpass(?:es|ed|ing)?|above|below|ahead\s+of|short\s+of|in\s+line\s+with)\s+"
    r"(?:(?:the\s+)?(?:\w+(?:'s?|s')\s+|market\s+|consensus\s+|average\s+)?)"
    r"(?:forecasts?|predictions?|projections?|expectations?|estimates?))\b",
    re.IGNORECASE,
)
# Clauses end at a colon, a comma before "but"/"while"/"and", a full stop, or "and" before
# a forecast of its own ("the death toll is 2,200 and expected to rise": 2,200 is counted).
_CLAUSE = re.compile(
    r"[;:]|,\s+(?:but|while|and)\b|\.\s"
    r"|\s+and\s+(?=(?:(?:is|are|was|were|it\s+is)\s+)?(?:expected|forecast|projected|predicted"
    r"|set\s+to|likely\s+to|(?:will|would|could|may|might)\s))"
)
# After the figure, a participle after a comma opens a predication of its own: "shares fell
# 5%, extending declines fueled by concern AMD will be the biggest loser" (no forecast of 5%).
# So does a relative clause after a comma: it tells of the noun before it, not of the
# figure ("a design centre that has 1,400 employees and a 30-year contract with VSMPO, which
# Boeing estimates is worth $18 million": no estimate of 1,400), and so does a forecast's
# participle ("has raised its stake to 46 percent, expected to increase to 57%": 46 is held).
_PARTICIPLE_AFTER = re.compile(
    r",\s+(?:[a-z]+ing|which|who|whom|whose|expected|forecast|projected|predicted|estimated)\b"
)
# Before the figure, a relative clause after a comma tells of the noun before it and a cue
# before the comma does not reach into it: "the embassy estimates there are 300 followers of
# Jeffs, who faces trial on four counts" (no estimate of four counts).
_RELATIVE_BEFORE = re.compile(r",\s+(?=(?:who|whom|whose|which)\b)")
_REACH = 200
# How a status narrows the fact key, so that a poll never pools with results.
APART = {"exit_poll": "exit poll", "poll_answer": "poll", "forecast": "forecast"}


# "expected to" forecasts what its verb does to a figure a few words on ("is expected to be
# out six to eight months", "expected to report a loss of $2 billion"), not the counts of
# a scene set further on ("is expected to be arraigned today in New Bedford District Court
# on two counts of murder").
_EXPECTED_REACH = 6
# A definite count names things the reader knows of, no value to come: "fears the policy
# will reduce trade between the two nations", "the first four aircraft".
_DEFINITE = re.compile(r"\b(?:the|these|those)\s+(?:(?:first|last|other|remaining)\s+)?$", re.I)


# A count of the members of a group the subject names before a forecast cue counts who
# moves, not what is forecast: "A convoy of 40 trucks is expected to reach the port". A
# quantity's own noun keeps its figure forecast ("a rise of 5% is expected").
_GROUP_OF = re.compile(
    r"\b(?:a|an|the)\s+(?!(?:total|number|sum|rise|increase|fall|drop|decline|loss|gain"
    r"|deficit|surplus|toll|cost|share|further|growth|level|minimum|maximum|average)\b)"
    r"[a-z]+\s+of\s+$",
    re.IGNORECASE,
)


def _reaches(cue: re.Match[str], clause: str, figure: int) -> bool:
    """Whether a forecast cue in ``clause`` speaks of the figure starting at ``figure``."""
    if cue.start() > figure and _GROUP_OF.search(clause, max(0, figure - 40), figure):
        return False
    if not cue.group(0).lower().startswith("expected") or cue.end() > figure:
        return True
    return len(clause[cue.end() : figure].split()) <= _EXPECTED_REACH


def value_status(sentence: str, start: int, end: int, *, share: bool) -> str | None:
    """The status the clause around ``sentence[start:end]`` gives the figure, if any;
    ``share``: the figure is a percentage (only shares come from exit polls and polls)."""
    # The clause, read within _REACH characters either side (linear in a long sentence).
    window = max(0, start - _REACH)
    left = max(
        (m.end() for pattern in (_CLAUSE, _RELATIVE_BEFORE)
         for m in pattern.finditer(sentence, window, start)),
        default=window,
    )  # fmt: skip
    right = min(
        (found.start() for pattern in (_CLAUSE, _PARTICIPLE_AFTER)
         if (found := pattern.search(sentence, end, end + _REACH))),
        default=None,
    )  # fmt: skip
    right = right if right is not None else min(len(sentence), end + _REACH)
    # blanked out, not cut, so that the figure keeps its place in the clause
    clause = _AGAINST_FORECAST.sub(lambda m: " " * len(m.group(0)), sentence[left:right])
    if share and _EXIT_POLL.search(sentence, max(0, start - 2 * _REACH), end + 2 * _REACH):
        return "exit_poll"
    if share and _POLL.search(clause):
        return "poll_answer"
    if _counts_estimators(sentence, start, end):
        return None
    # a forecast or an estimate is not of a value set beside it ("compared with ...")
    beside = max((m.end() for m in _COMPARED.finditer(clause, 0, start - left)), default=0)
    clause = " " * beside + clause[beside:]
    if _DEFINITE.search(sentence, max(0, start - 30), start) is not None and not _told_after(
        clause, end - left
    ):
        return None
    if not _a_term(sentence, start, end) and any(
        _reaches(cue, clause, start - left) and _speaks_of(cue, clause, end - left)
        for cue in _FORECAST.finditer(clause)
    ):
        return "forecast"
    if any(_speaks_of(cue, clause, end - left) for cue in _ESTIMATE.finditer(clause)):
        return "estimate"
    if any(_believed_of(cue, clause, start - left) for cue in _BELIEVED.finditer(clause)):
        return "estimate"
    return None


# What the copy only believes or thinks, or what may be held, is a guess at the value after
# it: "is believed to have about 10,000 followers", "is thought to have attracted 840
# orders", "believed to be worth at least $160 million and possibly as much as $180
# million", "an oil field that could contain between 8 and 15 billion barrels". A figure
# before the words is what they are said of ("two men, believed to be managers"), and what
# one is believed to be doing is a deed, not a guess at a value ("is believed to be seeking a
# five-year deal").
_BELIEVED = re.compile(
    r"\b(?:(?:believed|thought|reckoned)\s+to\s+(?:be|have)(?!\s+\w+ing\b)"
    r"|(?:could|may|might)\s+(?:contain|hold))\b",
    re.IGNORECASE,
)
_BELIEVED_REACH = 10


def _believed_of(cue: re.Match[str], clause: str, figure: int) -> bool:
    """Whether a "believed to" or "could contain" cue in ``clause`` is a guess at the
    figure starting at ``figure``: one a few words after it."""
    return cue.end() <= figure and len(clause[cue.end() : figure].split()) <= _BELIEVED_REACH


# A figure that counts who estimates or forecasts is none of their values: "the average of
# the estimates of two investment banks", "the median forecast of 20 economists".
_CUE_OF = re.compile(
    r"\b(?:estimates?|forecasts?|projections?|predictions?)\s+(?:of|by|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ESTIMATORS = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:analysts|economists|experts|banks|brokers|forecasters"
    r"|firms|agencies|institutes)\b",
    re.IGNORECASE,
)


# A term a deal comes with or runs under names the deal, no value to come: "will cost
# $199 with a two-year contract", "on a three-year lease".
_TERM_BEFORE = re.compile(r"\b(?:with|on|under)\s+(?:a|an)\s+$", re.IGNORECASE)
_TERM = re.compile(r"-(?:years?|months?|weeks?|days?)$", re.IGNORECASE)


def _a_term(sentence: str, start: int, end: int) -> bool:
    """Whether the figure is the term of a deal ("with a two-year contract")."""
    return (
        _TERM.search(sentence, start, end) is not None
        and _TERM_BEFORE.search(sentence, max(0, start - 12), start) is not None
    )


def _counts_estimators(sentence: str, start: int, end: int) -> bool:
    """Whether the figure counts the estimators a cue before it names ("the estimates of two
    investment banks"): who estimates, not what is estimated."""
    return (
        _CUE_OF.search(sentence, max(0, start - 40), start) is not None
        and _ESTIMATORS.match(sentence, end) is not None
    )


def _speaks_of(cue: re.Match[str], clause: str, figure_end: int) -> bool:
    """Whether an estimate or forecast cue in ``clause`` may speak of the figure ending at
    ``figure_end``: not when it comes after the figure and names a value of its own ("an
    increase over their previous estimate of $18 billion" is no estimate of the new
    figure, "down to about 2.3 percent from an initial forecast of 3.5 percent" no forecast
    of 2.3 percent)."""
    if cue.start() < figure_end:
        return True
    if (relative := _RELATIVE_CUE.search(clause, figure_end, cue.start())) is not None:
        return len(clause[figure_end : relative.start()].split()) <= _NOUN_WORDS
    return _ESTIMATE_OF.match(clause, cue.end()) is None


# A cue after the figure that opens a relative clause tells of the noun just before it:
# "the 12-cent loss that had been anticipated" is the forecast, but "unless 90% of
# bondholders agree to terms that would reduce its costs" forecasts no 90%.
_RELATIVE_CUE = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_NOUN_WORDS = 2


def _told_after(clause: str, figure_end: int) -> bool:
    """Whether a relative clause right after the figure forecasts or estimates it: then a
    definite figure is that value ("the 12-cent loss that had been anticipated")."""
    return any(
        (relative := _RELATIVE_CUE.search(clause, figure_end, cue.start())) is not None
        and len(clause[figure_end : relative.start()].split()) <= _NOUN_WORDS
        for pattern in (_FORECAST, _ESTIMATE)
        for cue in pattern.finditer(clause, figure_end)
    )


# What an election's outcome is counted in, and the words that report an outcome.
_ELECTION_COUNTS = frozenset({"votes", "vote_margin", "vote_share", "seats"})
_OUTCOME = re.compile(
    r"\b(?:won|wins?|received|took|got|secured|garnered|(?:re-?)?elected|gained|polled"
    r"|results?|tally|count(?:ed)?|defeat(?:s|ed|ing)?|beat(?:s|en)?|earn(?:s|ed)?|victory"
    r"|lost|loses?)\b",
    re.IGNORECASE,
)


def outcome_status(prop: str | None, sentence: str) -> str | None:
    """ "result" for an election outcome reported as counted ("Regina Ip was re-elected
    with 60,760 votes"), when the copy gives the figure no other status."""
    return "result" if prop in _ELECTION_COUNTS and _OUTCOME.search(sentence) else None
