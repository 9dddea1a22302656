"""Rules for figures of money, shares and markets: earnings per share, prices per unit
and exchange rates, the level a change reached ("raised prices to $10"), what an
amount is "in", and what a percentage the lexicon has no concept for is a share of
(a stake, a likelihood, a cut or a rise).
"""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from service.ingest.figures.lexicon import (
    UNIT_WORDS,
    Concept,
    Lexicon,
    counted_unit,
    currency_nouns,
    lexicon,
    pick,
)
from service.ingest.figures.naming import WORK, noun_concept, open_key, paid_for
from service.ingest.figures.tree import children_of, governor_of, is_passive, of_object

# What a market's move or level is of: the index, share or price that moved.
MARKET_CONCEPTS = frozenset({"index_level", "decline", "growth"})


def per_share_concept(anchor: Token, span_end: int) -> Concept | None:
    """ "33 cents a share", "$1.20 per share": earnings per share, unless it is a price."""
    doc = anchor.doc
    # the figure's span ends with the words (expansion.py keeps them), or they follow it
    last = " ".join(t.lower_ for t in doc[max(0, span_end - 2) : span_end])
    following = " ".join(t.lower_ for t in doc[span_end : span_end + 2])
    following = last if last in ("a share", "per share") else following
    if following not in ("a share", "per share"):
        return None
    verb = governor_of(anchor)
    key = "earnings_per_share"
    if verb is not None and verb.lemma_.lower() in ("offer", "pay", "bid", "value", "price"):
        key = "share_price"
    elif verb is not None and verb.lemma_.lower() == "lose":
        key = "loss_per_share"  # "lost a net $5.9 billion, or $9.66 per share"
    return lexicon().concepts[key]


def expected_against(anchor: Token, governor: Token | None) -> tuple[Token, Concept] | None:
    """ "earned $1.14 a share, while Wall Street expected just 77 cents": the number of the
    amount per share told before an amount that was expected, forecast or estimated in
    the same sentence, and what it measures. The expected amount measures that too
    (earnings or a loss per share), and of whom; "a share" is printed once, with the
    result."""
    if governor is None or governor.lemma_.lower() not in _EXPECTING:
        return None
    doc = anchor.doc
    for token in anchor.sent:
        if token.i >= anchor.i:
            return None
        end = token.i + 1
        if end < len(doc) and doc[end].lemma_.lower() in currency_nouns() | _COINS:
            end += 1  # "42 cents a share"
        if token.like_num and (told := per_share_concept(token, end)) is not None:
            return token, told
    return None


def restated_per_share(end: int, doc: Doc) -> Concept | None:
    """ "had gained $704 million, or fifteen cents per share": an amount restated per share
    right after it (", or ... a share") is the result the per-share amount divides, the
    net profit (or the net loss, after "lost")."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "or":
        return None
    for token in doc[end + 2 : end + 5]:
        if not token.like_num:
            continue
        after = token.i + 1
        if after < len(doc) and doc[after].lemma_.lower() in currency_nouns() | _COINS:
            after += 1  # "fifteen cents per share"
        told = per_share_concept(token, after)
        if told is None or told.key == "share_price":
            return None
        return lexicon().concepts["loss" if told.key == "loss_per_share" else "profit"]
    return None


# The hundredths a small amount is told in: "42 cents", "30 pence".
_COINS = frozenset({"cent", "penny", "pence", "centime"})
# The verbs and nouns of what analysts looked for: "Wall Street expected 77 cents", "a
# forecast of 80 cents", "estimates of 35 cents".
_EXPECTING = frozenset(
    {"expect", "forecast", "predict", "anticipate", "estimate", "project", "expectation"}
)


def own_currency(noun: Token, tokens: TokenSpan) -> bool:
    """Whether the counted noun is the amount's own currency word ("billions of euros",
    "tens of millions of dollars"): it says what the sum is counted in, never what it
    measures, so the verb names that ("lend Greece billions of euros" is debt, "earned
    the gangs tens of millions of dollars" their profit), not the currency's rate."""
    return tokens.start <= noun.i < tokens.end and noun.lemma_.lower() in currency_nouns()


def currency_priced(doc: Doc, tokens: TokenSpan) -> bool:
    """A currency named outside the amount ("the pound slipped to $1.27"): a rate."""
    currencies = currency_nouns()
    return any(t.lemma_.lower() in currencies and not tokens.start <= t.i < tokens.end for t in doc)


# A price per unit of a commodity: "$85 a barrel", "$2,400 an ounce", "€50 per tonne".
PER_UNIT = re.compile(
    r"\s+(?:a|an|per)\s+(?:barrel|ounce|tonne|ton|gallon|litre|liter|kilo|kilogram|pound"
    r"|bushel|megawatt-hour|MWh)\b"
)


def ratio_base(noun: Token) -> bool:
    """ "of GDP", "of gross domestic product": what a share is measured against."""
    words = " ".join(t.lower_ for t in noun.subtree)
    return noun.head.lower_ == "of" and words in _RATIO_BASES


_RATIO_BASES = frozenset({"gdp", "gross domestic product", "national income", "gni", "output"})


# Concepts that are a change, whose verbs also say where a level went ("fell to 56").
CHANGES = frozenset({"growth", "decline"})


# What a company reports of itself: who reports it is also whose it is ("GM reported a
# 49% decline", "Toyota posted a record profit of $20bn"), unlike "police reported 12 deaths".
OWN_RESULTS = frozenset(
    {"growth", "decline", "profit", "loss", "revenue", "earnings_per_share", "loss_per_share",
     "job_cuts", "jobs_created", "production", "market_share", "customers", "recalls"}
)  # fmt: skip


def is_level(head: Token, governor: Token | None, lex: Lexicon) -> bool:
    """ "has dropped to approximately 56 percent", "up from 70 percent", "from 70 to 56":
    the figure is the level a change reached or left, through "to" or "from"."""
    current = head
    while current.head.i != current.i and current.head.lower_ in UNIT_WORDS:
        current = current.head
    if current.dep_ != "pobj" or current.head.lower_ not in ("to", "from"):
        return False
    link = current.head.head
    if link.lower_ in ("up", "down"):
        return True
    if governor is None or governor.pos_ not in ("VERB", "AUX"):
        return False
    if governor.lemma_.lower() in _CUTS | _RAISES:
        return True  # "raised prices to $10", "cut its key rate to 4%"
    concepts = lex.verbs.get(governor.lemma_.lower(), ())
    return any(c.key in CHANGES for c in concepts)


def object_concept(verb: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What the object of a verb that moved it measures ("raised prices to $10": price);
    a central bank's bare "rates" are its interest rate."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.pos_ != "NOUN":
            continue
        if (found := noun_concept(obj, unit, lex)) is not None:
            return found
        setter = [t for t in verb.children if t.dep_ == "nsubj"]
        if (
            obj.lemma_.lower() == "rate"
            and setter
            and _CENTRAL_BANK.search(" ".join(t.text for t in setter[0].subtree))
        ):
            return pick(lex.nouns.get("interest rate"), unit)
    return None


_CENTRAL_BANK = re.compile(r"\b(?:central\s+bank|Bank|Reserve|Fed|ECB)\b")


def in_concept(
    anchor: Token, head: Token, governor: Token | None, unit: str, lex: Lexicon
) -> Concept | None:
    """ "$15 billion in bailout money", "$2bn in sales": what an amount is, after "in"."""
    for token in (anchor, head, governor):
        if token is None:
            continue
        for child in children_of(token):
            if child.dep_ != "prep" or child.lower_ != "in":
                continue
            for obj in children_of(child):
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and not _bare_money(obj):
                    found = noun_concept(obj, unit, lex)
                    if found is not None:
                        return found
    return None


# Words that only say a sum is money: "$14 billion in funds", "$1.8 billion in cash".
_MONEY_WORDS = frozenset({"fund", "money", "cash"})


def _bare_money(noun: Token) -> bool:
    """ "in funds" names no measure, "in bailout funds" does (its modifier)."""
    return noun.lemma_.lower() in _MONEY_WORDS and not any(
        c.dep_ in ("compound", "amod") for c in noun.children
    )


# Verbs whose subject gets the sum they take: "Chrysler will receive CA$1 billion"; "give"
# and "grant" in the passive ("the automakers asked to be given $14 billion").
_RECEIVING = frozenset({"receive", "get", "obtain"})


_GIVING = frozenset({"give", "grant", "hand"})


# Pronouns of a person, who is paid rather than aided.
_PERSONAL = frozenset({"he", "she", "i", "you", "him", "her"})


def received(verb: Token, head: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What a sum received measures, unless a noun it is "in" names that ("$2 million in
    bridge financing"): pay when it is for work ("He received $59 million for his
    performance" -> salary), else aid when the recipient is no person ("Chrysler will
    receive CA$1 billion", "the automakers pleaded to be given $14 billion in funds"); a
    person's sum for nothing named ("she was given $3 million upfront") names nothing."""
    lemma = verb.lemma_.lower()
    passive = is_passive(verb)
    while head.dep_ == "nummod" and head.head.lemma_.lower() in currency_nouns():
        head = head.head  # "receive 2 billion euros": the currency word is the object
    if not _taken(head, verb) or _in_named(head):
        return None
    if not (lemma in _RECEIVING and not passive) and not (lemma in _GIVING and passive):
        return None
    if (thing := paid_for(verb)) is not None and thing.lemma_.lower() in WORK:
        return pick(lex.verbs.get("pay for work"), unit)
    recipients = [c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")]
    if any(_person(t) for t in recipients):
        return None
    return pick((lex.concepts["aid"],), unit)


def _in_named(head: Token) -> bool:
    """Whether the sum is "in" a noun that names it ("$2 million in bridge financing"):
    that noun says what it is, whoever received it ("in funds" names nothing)."""
    return any(
        obj.dep_ == "pobj" and obj.pos_ == "NOUN" and not _bare_money(obj)
        for prep in children_of(head)
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for obj in children_of(prep)
    )


def _taken(head: Token, verb: Token) -> bool:
    """Whether the sum is the verb's object, also where the parse reads "up to" before it
    as the verb's particle and a preposition ("to receive up to CA$7.5 billion")."""
    if head.dep_ == "dobj":
        return head.head.i == verb.i
    link = head.head
    return (
        head.dep_ == "pobj"
        and link.lower_ == "to"
        and link.head.i == verb.i
        and any(c.dep_ == "prt" and c.lower_ == "up" and c.i == link.i - 1 for c in verb.children)
    )


def _person(token: Token) -> bool:
    """A person named or pronounced, or a noun counting people ("workers", "victims")."""
    return (
        token.ent_type_ == "PERSON"
        or token.lower_ in _PERSONAL
        or (token.pos_ == "NOUN" and counted_unit(token) == "people")
    )


# Verbs that cut or raise what they take by a share ("reduce costs by 30%").
_CUTS = frozenset({"reduce", "cut", "lower", "slash", "decrease", "trim", "shrink", "stop"})


_RAISES = frozenset({"raise", "increase", "boost", "lift", "hike", "expand"})


# Nouns a share names a likelihood with ("a 60-80 percent chance of a bankruptcy").
_LIKELIHOOD = frozenset({"chance", "probability", "likelihood", "odds"})


def share_key(anchor: Token, noun: Token | None, governor: Token | None, end: int) -> str | None:
    """An open key for a percentage the lexicon has no concept for: a likelihood; the
    share of what follows "of" ("50% of the dealerships" -> dealerships_share); what a
    verb cuts or raises by it ("reduce costs by 30%" -> cost_cuts)."""
    doc = anchor.doc
    following = doc[end] if end < len(doc) else None
    if following is not None and following.lemma_.lower() in _LIKELIHOOD:
        return "probability"
    if governor is not None and _of_likelihood(governor):
        return "probability"  # "put the chance of a hit at 3.1%", "the odds rose to 3.1%"
    if noun is not None and governor is not None and _cuts_staff(governor, noun):
        return "job_cuts_share"  # "will cut 10% of its workforce", "lay off 6% of its staff"
    if noun is not None and counted_unit(noun) == "people":
        return None  # "eight out of 10 voters": what they did or think, not who they are
    if noun is not None and governor is not None and (cut := _cut_or_raise(governor, noun)):
        return cut  # "cut 5% of its costs" as "reduce costs by 5%"
    if governor is not None and _holding(governor, noun):
        return "stake"  # "will be owned 55 percent by the union", "bought 6% of Chrysler"
    if noun is not None and noun.lemma_.lower() in ("share", "stake"):
        whole = of_object(noun) if noun.lemma_.lower() == "share" else None
        if whole is not None and whole.pos_ == "NOUN" and open_key(whole) is not None:
            return f"{whole.lower_}_share"  # "a 29.8% share of the audience": no holding
        return "stake"  # "a ten percent share in the company": a holding of it
    if noun is not None and open_key(noun) is not None:
        return f"{noun.lower_}_share"  # as printed: "production", not "productions"
    if governor is None or governor.pos_ != "VERB":
        return None
    objects = [t for t in governor.children if t.dep_ == "dobj" and t.pos_ == "NOUN"]
    return _cut_or_raise(governor, objects[0]) if objects else None


# Verbs that own, or change hands of, part of a company; nouns of such a part; nouns
# of a company the part may be "of".
_HOLDING_VERBS = frozenset(
    {"own", "hold", "retain", "keep", "control", "buy", "purchase", "acquire", "sell"}
)


_HOLDINGS = frozenset({"stake", "holding", "shareholding", "ownership"})


_COMPANIES = frozenset(
    {"company", "firm", "business", "group", "automaker", "carmaker", "bank", "airline",
     "carrier", "maker", "subsidiary", "venture", "operator", "insurer", "lender"}
)  # fmt: skip


def _holding(verb: Token, noun: Token | None) -> bool:
    """Whether a share a verb takes is a holding in a company: of a company ("intends to
    purchase the six percent of automaker Chrysler", "bought 20 percent of the firm"), by
    an owner ("will be owned 55 percent by the union"), of a holding the verb changes
    ("has increased its holding to 46 percent") or the sentence sells ("sold 80.1% of
    its stake, retaining the other 19.9%"). Never a share of other things ("holds 45
    percent of the seats")."""
    if verb.pos_ != "VERB":
        return False
    if any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _HOLDINGS for c in verb.children
    ):
        return True  # "increased its holding to 46 percent"
    if verb.lemma_.lower() not in _HOLDING_VERBS:
        return False
    if noun is not None:
        return noun.pos_ == "PROPN" or noun.lemma_.lower() in _COMPANIES
    if any(c.dep_ == "agent" for c in verb.children):
        return True  # "owned 55 percent by the United Auto Workers"
    return any(t.lemma_.lower() in _HOLDINGS for t in verb.sent)


def _cut_or_raise(verb: Token, thing: Token) -> str | None:
    """ "cost_cuts" for a verb that cuts costs, "price_increase" for one raising prices."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _CUTS | _RAISES or not thing.lemma_.isalpha():
        return None
    return f"{thing.lemma_.lower()}_{'cuts' if lemma in _CUTS else 'increase'}"


def _of_likelihood(governor: Token) -> bool:
    """Whether the verb that takes a share says it of a chance: its subject or object
    ("the odds rose to 3.1%"), or a chance it depends from ("put the chance of hitting
    Earth at 3.1%", where the parse hangs the share on "hitting")."""
    if any(
        c.dep_ in ("nsubj", "dobj") and c.lower_ in _LIKELIHOOD | {"odds"}
        for c in governor.children
    ):
        return True
    return any(t.lemma_.lower() in _LIKELIHOOD for t in itertools.islice(governor.ancestors, 2))


def _cuts_staff(governor: Token, noun: Token) -> bool:
    """Whether a verb that cuts jobs takes a share of the staff ("lay off 6% of its staff")."""
    lex = lexicon()
    verb = governor.lemma_.lower()
    if any(c.dep_ == "prt" for c in governor.children):
        verb = " ".join([verb, *(c.lower_ for c in governor.children if c.dep_ == "prt")])
    cuts = any(c.key == "job_cuts" for c in lex.verbs.get(verb, ()))
    return cuts and any(c.key == "employees" for c in lex.nouns.get(noun.lemma_.lower(), ()))
