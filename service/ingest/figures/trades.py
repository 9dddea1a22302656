"""What a sum changing hands measures when its verb alone would say price: a cost someone
bore ("delays have cost Airbus $6 billion") and a holding sold, a deal as one bought is
("sold its chip unit to Marvell for $600 million"), and what the goods sold came to in all
("sold 13.7 million Macs, totaling $22 billion"). ``naming.py`` looks the verb up by the
phrase these return.
"""

from __future__ import annotations

from spacy.tokens import Token

from service.ingest.figures.tree import children_of, is_passive, of_object


def cost_borne(verb: Token) -> str | None:
    """The phrase "cost" is looked up as when the sum is a cost someone bore, no price a
    seller asks: "the strike could cost the economy $2 billion", "delays have cost Airbus
    $6 billion" (to someone: "cost someone"), "the inquiry has already cost $3 million"
    (run up: "have cost"); "the phone will cost $199" stays a price."""
    if any(c.dep_ == "dative" for c in children_of(verb)):
        return "cost someone"
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children_of(verb)):
        return "have cost"
    return None


def sells_a_holding(verb: Token) -> bool:
    """Whether an active "sell" hands over a holding, a deal as a purchase is ("bought
    Compaq for $19 billion"), no product at its price: a buyer named ("sold the unit to
    Marvell for $600 million"), or an object that is a name or the seller's own ("sold EDS
    for $2.5 billion", "sold one of their oil fields for $30 million"); "songs are sold
    for 99 cents", "the phone sells for $199" and "sold the phones for $99" stay prices."""
    if is_passive(verb):
        return False
    children = children_of(verb)
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in children):
        return True
    for obj in (c for c in children if c.dep_ == "dobj"):
        owned = of_object(obj) or obj
        if obj.pos_ == "PROPN" or any(c.dep_ == "poss" for c in (*obj.children, *owned.children)):
            return True
    return False


# Verbs that say what a sale came to in all: "totaling", "amounting to", "worth".
_CAME_TO = frozenset({"total", "amount"})


def sales_total(verb: Token) -> bool:
    """Whether the verb tells what the goods a clause sold came to in all, the seller's
    takings, a revenue: "sold 13.7 million Macs last year, totaling $22 billion", "shipped
    400,000 cars, amounting to $9 billion in sales". A total of anything else ("aid
    totaling $5 billion") and of a holding sold, with no number of units ("sold its
    insurance arm to Allianz, totaling $4 billion"), are no takings."""
    if verb.lemma_.lower() not in _CAME_TO or verb.dep_ != "advcl":
        return False
    sold = verb.head
    if sold.lemma_.lower() not in ("sell", "ship") or is_passive(sold):
        return False
    return any(c.dep_ == "dobj" and _counted(c) for c in children_of(sold))


def _counted(goods: Token) -> bool:
    """Whether the object sold is a number of units, goods rather than a holding: "13.7
    million Macs", "40 million tickets" (no "its insurance arm")."""
    return any(c.dep_ == "nummod" or c.like_num for c in goods.children)
