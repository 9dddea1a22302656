"""Rules for figures of sport, votes and polls: points scored or in a table, wins and
losses, a measure that counts no carries, a poll's sample and margin of error, and the
turnout of an election.
"""

from __future__ import annotations

from spacy.tokens import Token

from service.ingest.figures.lexicon import Concept, Lexicon, counted_unit, unit_class
from service.ingest.figures.naming import verb_decides
from service.ingest.figures.tree import of_object

# Words that place points in a league table rather than on a scoresheet.
_TABLE_WORDS = frozenset({"table", "standings", "group", "league", "ladder", "championship"})


def game_points(noun: Token, governor: Token | None, unit: str, lex: Lexicon) -> Concept:
    """Points outside a market: scored (goals) unless a table is in view ("top of the
    table with three points") or they are an argument's ("I want to emphasize three
    points", "five bullet points"); a verb of either decides ("winning three points")."""
    in_table = any(t.lemma_.lower() in _TABLE_WORDS for t in noun.sent)
    argued = any(
        c.dep_ in ("compound", "amod") and c.lower_ in _ARGUMENT_WORDS for c in noun.children
    )
    argued = argued or (governor is not None and governor.lemma_.lower() in _ARGUING_VERBS)
    found = lex.concepts["points" if in_table or argued else "goals"]
    return found if governor is None else verb_decides(found, noun, governor, unit, lex)


# Points a speaker makes: "emphasize three points", "five bullet points", "two key points"
_ARGUING_VERBS = frozenset(
    {"emphasize", "emphasise", "raise", "address", "stress", "discuss", "outline", "list",
     "argue", "note", "want", "summarize", "summarise"}
)  # fmt: skip


_ARGUMENT_WORDS = frozenset({"bullet", "talking", "key", "main", "major", "several"})


def error_margin(noun: Token | None) -> bool:
    """ "a 3.1 percent margin of error": how far a poll may be off."""
    if noun is None or noun.lemma_.lower() != "margin":
        return False
    error = of_object(noun)
    return error is not None and error.lemma_.lower() == "error"


RESULTS = {"win": "wins", "lose": "losses", "draw": "draws"}


_POLLS = frozenset({"poll", "survey", "sample", "study"})


def polled(head: Token, governor: Token | None) -> bool:
    """Whether the people are a poll's or a survey's sample: "the poll of 1,000 people"."""
    return (
        governor is not None
        and governor.lemma_.lower() in _POLLS
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
    )


_ELECTORS = frozenset({"voter", "elector", "electorate"})


_TURNING_OUT = frozenset({"cast", "vote", "turn", "take", "participate", "go"})


# Verbs that restate a count as a share of a whole: "2.44 million people, accounting
# for 88 percent of eligible voters, cast their ballots".
_AMOUNTING = frozenset({"account", "represent", "comprise", "constitute", "make"})


def turned_out(unit: str, noun: Token | None, governor: Token | None) -> bool:
    """A share of the voters who voted is the turnout: "60% of eligible voters cast a
    ballot", "67 percent of registered voters turned out", also where it restates the
    voters counted ("Some 2.44 million people, accounting for some 88.41 percent of the
    country's eligible voters, cast their ballots": the people's verb says they voted)."""
    if (
        governor is not None
        and governor.lemma_.lower() in _AMOUNTING
        and governor.dep_ in ("acl", "relcl")
        and governor.head.dep_ in ("nsubj", "nsubjpass")
    ):
        governor = governor.head.head
    return (
        unit_class(unit) == "percent"
        and noun is not None
        and noun.lemma_.lower() in _ELECTORS
        and governor is not None
        and governor.lemma_.lower() in _TURNING_OUT
    )


def measures_no_count(concept: Concept, noun: Token | None) -> bool:
    """A physical measure is never a count of things the copy names ("six carries")."""
    return (
        noun is not None
        and concept.unit is not None
        and unit_class(concept.unit) == "measure"
        and unit_class(counted_unit(noun)) == "count"
    )


# Lengths of time too short to be anyone's time in office.
_BRIEF = frozenset({"hours", "minutes", "seconds"})


def too_brief_for_power(found: Concept, unit: str) -> bool:
    """Time in power ("ruled for 30 years", "led the country for 100 days") is never
    counted in hours: "the battery can run for up to eight hours on a charge" is how long
    something lasts, a plain duration."""
    return found.key == "years_in_power" and unit in _BRIEF
