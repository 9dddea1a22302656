"""Rules for counts of people and of things: who was harmed, held or left in a state
("left 1,200 people dead"), who lives in a place or fits in a vehicle, a person's
stated age, whose staff a job is, and when a concept of people cannot measure a count
of things (or the other way round).
"""

from __future__ import annotations

from spacy.tokens import Token

from service.ingest.figures.lexicon import (
    GENERIC,
    Concept,
    Lexicon,
    counted_unit,
    fits,
    pick,
    plural,
    unit_class,
)
from service.ingest.figures.naming import noun_concept, verb_concept
from service.ingest.figures.tree import children_of

# Verbs that say how many people something takes, with "can" or "could" before them.
_TAKES = frozenset({"carry", "hold", "seat", "accommodate", "take", "fit", "transport"})


def by_agent(head: Token, governor: Token) -> bool:
    """Whether the count is the participle's agent, who did the deed: "the topics
    discussed by the two leaders" are the leaders', while "300 protesters were arrested"
    and "500 held a day earlier" are who it was done to (and "charged with two counts"
    are the charges)."""
    return head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.i == governor.i


def can_take(verb: Token, noun: Token | None, *, ranged: bool = False) -> bool:
    """Whether a count of people is what a plane, bus or hall can take, its capacity:
    "an aircraft that can carry up to 840 people", "five which can carry 290
    passengers", "able to carry 555 passengers", "capable of carrying 900"; a range of
    people it takes, told in the present or future, is its capacity too ("It carries
    between 305 and 550 passengers", "will carry between 200 and 350": one trip carries
    one number, and "the bus carried between 30 and 40 passengers" is one trip's). Without
    "can" it is who is aboard ("a bus carrying 40 passengers overturned"), and a count of
    things is no capacity of people ("can carry 20 tonnes")."""
    return (
        noun is not None
        and counted_unit(noun) == "people"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in _TAKES
        and ((ranged and _not_past(verb)) or _able(verb))
    )


def _not_past(verb: Token) -> bool:
    """Whether the verb tells what is so or will be: "carries", "will carry"."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in verb.children
    )


def _able(verb: Token) -> bool:
    """Whether the verb says what something can do: "can carry", "could hold", "able to
    carry", "capable of carrying"."""
    if any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "able":
        return True
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "of"
        and verb.head.head.lemma_.lower() == "capable"
    )


def lives_there(noun: Token | None, governor: Token | None) -> bool:
    """People a place holds: "Qeshm island, home to 120,000 people", "a town of about
    15,000 people", "the island, which has about 200,000 residents"."""
    if noun is None or noun.lemma_.lower() not in _DWELLERS:
        return False
    through = noun.head.lower_ if noun.dep_ == "pobj" else None
    over = noun.head.head.lower_ if through else None  # "home" may be parsed an adverb
    held = governor.lemma_.lower() if governor is not None else None
    return (
        (through == "to" and over == "home")
        or (through == "of" and held in _SETTLEMENTS)
        or (held == "have" and noun.dep_ == "dobj" and noun.lemma_.lower() != "people")
    )


_DWELLERS = frozenset({"people", "resident", "inhabitant", "soul"})


_SETTLEMENTS = frozenset(
    {
        "town", "city", "village", "island", "nation", "country", "state", "province",
        "region", "district", "capital", "community", "municipality", "suburb", "county",
        "metropolis", "settlement", "neighbourhood", "neighborhood",
    }
)  # fmt: skip


def stated_age(anchor: Token) -> Token | None:
    """The person a bare whole number is said to be ("He was 95", "Smith is 42"): the
    subject of "be" the number completes, a person's pronoun or name."""
    if anchor.dep_ != "attr" or anchor.head.lemma_ != "be" or not anchor.text.isdigit():
        return None
    if not 0 < int(anchor.text) <= 120 or anchor.n_lefts or anchor.n_rights:
        return None
    for child in anchor.head.children:
        if child.dep_ == "nsubj" and (
            child.lower_ in ("he", "she") or (child.pos_ == "PROPN" and child.ent_type_ == "PERSON")
        ):
            return child
    return None


# Concepts a counted noun names only with what was done to it: "destroyed 300 homes",
# "300 damaged homes" (the verb's or the adjective's lemma is one of the concept's verbs).
# Vehicles counted are produced or sold only when a verb says so ("recalling 1 million
# vehicles" are recalls).
_NAMED_BY_VERB = {
    "buildings_damaged": None,  # any of its nouns
    "production": frozenset({"vehicle", "car", "unit"}),
}


def needs_its_verb(found: Concept, noun: Token) -> bool:
    if found.key not in _NAMED_BY_VERB:
        return False
    nouns = _NAMED_BY_VERB[found.key]
    return nouns is None or noun.lemma_.lower() in nouns


def done_to(found: Concept, noun: Token, lex: Lexicon) -> bool:
    words = [noun.head, *(c for c in children_of(noun) if c.dep_ in ("amod", "acl", "relcl"))]
    return any(found in lex.verbs.get(w.lemma_.lower(), ()) for w in words)


# People a job can be lost or created for; customers or subscribers hold none.
_STAFF = frozenset(
    {"worker", "employee", "staff", "people", "personnel", "workforce", "contractor",
     "person", "staffer", "teacher", "nurse", "doctor", "officer", "engineer", "miner",
     "driver", "pilot", "employe"}
)  # fmt: skip


def not_staff(noun: Token | None) -> bool:
    """A count of people who are not anyone's staff: "200,000 subscribers", "customers"."""
    if noun is None or counted_unit(noun) != "people" or noun.ent_type_ == "NORP":
        return False
    return noun.lemma_.lower() not in _STAFF


def counts_things(found: Concept, noun: Token | None, unit: str, lex: Lexicon) -> bool:
    """A concept of people never measures a count of things that are no people, unless
    the counted noun names it itself: "seven bullets entered Gray's body" counts bullets
    (the body is no death), "86 tackles" no injured, "13 offices" no employees; "two
    counts of murder" are charges by their own noun, "seven customer nations" customers
    by their modifier."""
    if found.unit != "people" or unit_class(unit) != "count" or not counts_no_people(noun):
        return False
    return noun is not None and noun_concept(noun, unit, lex) is not found


def counts_no_people(noun: Token | None) -> bool:
    """Whether the counted noun counts things that are no people ("bullets", "offices");
    not "others" or "people", not jobs ("employ 13,000 jobs"), not a noun with a role's
    ending the list of people may lack ("5,000 machinists")."""
    if noun is None or noun.lower_ in GENERIC or counted_unit(noun) in (None, "people", "jobs"):
        return False
    return not noun.lemma_.lower().endswith(_AGENT_ENDINGS)


def counts_heads(found: Concept, noun: Token | None, unit: str, lex: Lexicon) -> bool:
    """A concept of things counted never measures a head count, unless the counted noun
    names it itself: "Four men rammed their car" produced no cars, "14,000 people fled
    their homes" damaged no buildings; "lay off 47,000 employees" are jobs, not things."""
    if found.unit in (None, "people", "jobs", "count") or unit_class(found.unit) != "count":
        return False
    if unit_class(unit) != "count" or noun is None:
        return False
    if noun.lower_ not in GENERIC and counted_unit(noun) != "people":
        return False  # "250 others injured and 800 homes destroyed": the others are people
    return noun_concept(noun, unit, lex) is not found


# Endings of nouns for people ("machinist", "striker", "operator", "librarian",
# "auctioneer", "detainee", "neighbour", "fireman"): a count of one may be a head count.
_AGENT_ENDINGS = ("ist", "er", "or", "ian", "ee", "our", "man")


# The state a disaster leaves people in: "left 1,200 people dead", "300 homeless".
_LEFT_STATES = {"dead": "deaths", "injured": "injured", "wounded": "injured",
                "homeless": "homeless", "missing": "missing", "stranded": "stranded"}  # fmt: skip


def left_in_state(verb: Token, head: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What a verb of leaving says of the people it counts: "the outbreak has left 1,200
    people dead" counts the dead, "the quake left 300 injured" the injured."""
    if verb.lemma_.lower() != "leave" or head.dep_ not in ("dobj", "nsubj"):
        return None
    for state in (*verb.children, *head.children):
        if state.dep_ == "prep" and state.lower_ == "without" and state.i > head.i:
            objects = {c.lemma_.lower() for c in state.children if c.dep_ == "pobj"}
            if objects & {"power", "electricity"}:  # "left 2.6 million without power"
                return lex.concepts["power_outages"]
        if state.dep_ in ("oprd", "acomp", "amod", "advcl", "xcomp") and state.i > head.i:
            key = _LEFT_STATES.get(state.lower_)
            if key is not None and fits(lex.concepts[key], unit):
                return lex.concepts[key]
    return None


def in_state(noun: Token, unit: str, lex: Lexicon) -> Concept | None:
    """The state a disaster left the counted people in, said before their noun: "the two
    wounded men" are injured, "three missing climbers" missing, "the four dead
    soldiers" dead."""
    for child in children_of(noun):
        if child.dep_ == "amod" and child.i < noun.i:
            key = _LEFT_STATES.get(child.lower_)
            if key is not None and fits(lex.concepts[key], unit):
                return lex.concepts[key]
    return None


# Prepositions that tie what was done to a verb's subject to its deed ("after being hurt").
_BEFORE_DEED = frozenset({"after", "since"})


def after_being(verb: Token, head: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What was done to the people a verb's subject counts, in a passive after "after":
    "five people had received treatment after being injured" counts the injured, "12
    men were released after being held for a week" the detained. Only a deed of a
    disaster or of the law (a concept about a place), and only for people: "lasted 52
    games before being replaced" names no game."""
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head.i != verb.i:
        return None
    if counted_unit(head) not in (None, "people"):
        return None
    for prep in children_of(verb):
        if prep.dep_ != "prep" or prep.lower_ not in _BEFORE_DEED:
            continue
        for deed in children_of(prep):
            if deed.dep_ != "pcomp" or not any(c.dep_ == "auxpass" for c in children_of(deed)):
                continue
            lemma = deed.lemma_.lower()
            hits = (*lex.passive_verbs.get(lemma, ()), *lex.verbs.get(lemma, ()))
            hit = pick(tuple(c for c in hits if c.subject == "place"), unit)
            if hit is not None and hit.unit == "people":
                return hit
    return None


def deed_to_come(verb: Token, head: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What the infinitive after a verb of having to, needing or being made to does to the
    verb's subject: "Around 20 more people had to be ushered to safety" counts the
    evacuated, "300 residents needed to be rescued" the rescued, "1,500 people were
    forced to flee" the displaced. Only a deed done to the subject (a passive) or one the
    subject does alone (no object): "had to arrest 20 protesters" arrests no one of a
    count of police."""
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head.i != verb.i:
        return None
    if verb.lemma_.lower() not in _HAVING_TO:
        return None
    for deed in children_of(verb):
        if deed.dep_ != "xcomp" or deed.pos_ != "VERB":
            continue
        done = children_of(deed)
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in done):
            return None
        passive = any(c.dep_ == "auxpass" for c in done)
        if not passive and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in done):
            return None
        return verb_concept(deed, unit, lex)
    return None


# Verbs whose subject is who an infinitive after them will be done to or do: "had to be
# evacuated", "needed to be rescued", "were forced to flee", "were ordered to evacuate".
_HAVING_TO = frozenset({"have", "need", "force", "order", "compel", "oblige", "make"})


# Prepositions of where a deed happened: "killed 230,000 people in 13 countries"
_WHERE = frozenset({"in", "across", "throughout", "within"})


def where_it_happened(noun: Token | None, unit: str) -> bool:
    """Whether the counted things are where the verb's deed happened, not what it was done
    to: the 13 countries of "killed 230,000 people in 13 countries" are no dead."""
    return (
        noun is not None
        and unit_class(unit) == "count"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _WHERE
    )


def does_it_to_others(head: Token, governor: Token | None) -> bool:
    """The count is who or what does the verb's deed to someone else: "two crashes killed
    102 people" counts no dead ("500 people died" does)."""
    return (
        governor is not None
        and head.dep_ == "nsubj"
        and head.head.i == governor.i
        # a place is left, not done to: "7 million people have fled Sudan"
        and any(c.dep_ == "dobj" and c.ent_type_ not in ("GPE", "LOC") for c in governor.children)
    )


def new(noun: Token) -> bool:
    """Whether the counted noun is said to be new ("44,000 new positions")."""
    return any(c.dep_ == "amod" and c.lower_ == "new" for c in noun.children)


# Concepts that count things bought or made, never people or acts: "police ordered 300
# people to leave" and "accused of ordering four murders" order nothing.
_GOODS = frozenset({"orders", "recalls"})


_ACTS = frozenset(
    {"murders", "attacks", "strikes", "raids", "arrests", "executions", "evacuations",
     "investigations", "inquiries", "reviews", "tests", "searches", "assassinations"}
)  # fmt: skip


def counts_other(concept: Concept, noun: Token | None) -> bool:
    """A verb's concept counted in its own things cannot count another noun: "held two
    referendums" are no seats, "taking three points" no seats either."""
    if noun is not None and concept.key in _GOODS:
        counted = counted_unit(noun) or plural(noun.lemma_.lower())
        return counted == "people" or counted in _ACTS or counted.endswith("ings")
    if noun is None or concept.unit is None or concept.unit in ("people", "count"):
        return False
    if unit_class(concept.unit) != "count":
        return False
    counted = counted_unit(noun) or plural(noun.lemma_.lower())
    return counted not in (concept.unit, "people")


# Concepts whose figure is about whom the deed is done to: the one fined or sentenced.
DONE_TO = frozenset({"fine", "sentence", "bail", "transfer_fee"})
