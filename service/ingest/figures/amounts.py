"""What an amount of money is, where the lexicon's words do not say: a price by how it is
offered ("starting at $199"), else the noun the amount is the size of, as an open key
("declared assets of $82 billion" -> assets, "Damage ... was estimated at $1 million" ->
damage). Read from the parse; pure.
"""

from __future__ import annotations

from spacy.tokens import Token

from service.ingest.figures.lexicon import counted_unit
from service.ingest.figures.tree import children_of

# How copy offers a thing at a price: "starting at $199", "Pricing ... begins at $119.99",
# "available for US$29", "will go for $2,199", "Apple will ask $1,099 for the base model".
_OFFERED_AT = {
    "start": ("at",),
    "begin": ("at",),
    "retail": ("at", "for"),
    "available": ("for", "at"),
    "go": ("for",),
}
_ASKED = frozenset({"ask", "charge"})

# Verbs that state a sum's size, whose subject names what the sum is: "Damage was
# estimated at $1 million", "The ransom totalled $2 million", "revenue totaling $100bn".
_SIZING = frozenset(
    {"estimate", "value", "put", "set", "total", "amount", "reach", "exceed", "top",
     "stand", "come", "range", "be", "assess", "calculate"}
)  # fmt: skip
# Nouns an amount may hang on that say nothing of what it is: "an estimate of $18
# billion", "a total of £11.2 million", "to the tune of", "in excess of", "the figure of".
_EMPTY = frozenset(
    {"estimate", "figure", "total", "tune", "excess", "sum", "amount", "range", "region",
     "order", "level", "average", "minimum", "maximum", "upwards", "tally", "number",
     "money", "cash", "dollar", "euro", "pound", "drop", "fall", "rise", "increase",
     "decrease", "decline", "gain", "loss", "jump", "change", "addition", "part", "half",
     "share", "lot", "bit", "way", "case", "time", "year", "month", "week", "day",
     "record", "high", "low", "peak"}
)  # fmt: skip


def offered_at(anchor: Token, governor: Token | None) -> bool:
    """Whether an amount is what a thing is offered at: its price ("The 13-inch models
    start at $1,199", "Apple will ask $1,099 for the base version")."""
    if governor is None:
        return False
    lemma = governor.lemma_.lower()
    if lemma == "be" and any(
        c.dep_ == "acomp" and c.lower_ == "available" for c in governor.children
    ):
        lemma = "available"  # "music videos will be available at the store for $1.99"
    preposition = anchor.head if anchor.dep_ == "pobj" else None
    if preposition is not None and preposition.head.i == governor.i:
        return preposition.lower_ in _OFFERED_AT.get(lemma, ())
    return anchor.dep_ == "dobj" and lemma in _ASKED and anchor.head.i == governor.i


def measure_key(measure: Token) -> str | None:
    """The open key of the noun a sum is the size of: snake case as printed, with the
    nouns compounded before it ("bridge financing" -> bridge_financing, "a total box
    office take" -> box_office_take)."""
    start = measure.i
    while (
        start > 0
        and measure.doc[start - 1].dep_ == "compound"
        and measure.doc[start - 1].pos_ == "NOUN"
    ):
        start -= 1
    words = [t.lower_ for t in measure.doc[start : measure.i + 1]]
    return "_".join(words) if all(w.isalpha() for w in words) else None


def measure_noun(anchor: Token, head: Token, governor: Token | None) -> Token | None:
    """The noun an amount of money is the size of, when no concept's words say: the noun
    it follows through "of" ("assets of $82.29 billion"), the noun after "in" ("$1.5
    million in bridge financing"), the noun a sizing participle describes ("revenue
    totaling $100.5 billion"), or the subject of a sizing verb ("Damage ... was estimated
    at $1 million", "The ransom was $2 million"); none for a word that only frames a sum
    ("an estimate of", "a total of")."""
    for token in (anchor, head):  # "$1.5 million in bridge financing"
        for child in children_of(token):
            if child.dep_ == "prep" and child.lower_ == "in":
                objects = [o for o in children_of(child) if o.dep_ == "pobj"]
                if objects and _names_a_measure(objects[0]):
                    return objects[0]
    if governor is None:
        return None
    if governor.pos_ == "NOUN":  # "declared assets of $82.29 billion"
        attached = head.head if head.dep_ == "pobj" else None
        if attached is not None and attached.lower_ == "of" and _names_a_measure(governor):
            return governor
        return None
    if governor.pos_ not in ("VERB", "AUX") or governor.lemma_.lower() not in _SIZING:
        return None
    if governor.lemma_.lower() == "be" and not (head.dep_ == "attr" and head.head.i == governor.i):
        return None  # "The 4GB model is cheaper ... at $149": no model's size
    if governor.dep_ == "acl" and governor.head.pos_ == "NOUN":  # "revenue totaling $100bn"
        return governor.head if _names_a_measure(governor.head) else None
    subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].i != head.i and _names_a_measure(subjects[0]):
        return subjects[0]  # "Damage to the church was estimated at $1 million"
    return None


def _names_a_measure(noun: Token) -> bool:
    """A common noun that can be what a sum is (not a person, a group of people or a word
    that only frames the sum)."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() not in _EMPTY
        and noun.lower_ not in _EMPTY
        and counted_unit(noun) != "people"
        and len(noun.lower_) > 2
    )
