"""Moves of a market: how far an index, a share or a price went, in points or percent.

"The Dow lost 631 points, or 5.7%", "the Nasdaq fell 82.65 points", "a drop of 9%": each
is the index's decline (unit points or percent), never points won in a table (sport) or
an open key. A verb counts as a market's move only when what moved is a market: an
index, the market, stocks or shares, a price or a currency (its subject, or its subject's
compound words); a noun of change ("a drop of 9%", "a 3% gain") is a move whatever moved.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from service.ingest.mentions.gazetteer import MARKET_INDEX_WORDS, place_canonical

# Verbs and nouns of a move, by its direction.
_DOWN_VERBS = frozenset(
    {"fall", "drop", "decline", "lose", "shed", "slump", "plunge", "slide", "tumble", "sink",
     "dip", "ease", "retreat", "crash", "plummet", "skid", "slip", "weaken"}
)  # fmt: skip
_UP_VERBS = frozenset(
    {"rise", "gain", "add", "climb", "jump", "surge", "advance", "rally", "soar", "increase",
     "rebound", "edge", "firm"}
)  # fmt: skip
_DOWN_NOUNS = frozenset(
    {"fall", "drop", "decline", "loss", "slump", "plunge", "slide", "dip", "decrease"}
)
_UP_NOUNS = frozenset(
    {"rise", "gain", "jump", "surge", "advance", "rally", "climb", "rebound", "increase"}
)
# Verbs of a move that nothing but a market makes in points ("it had fallen 260.77
# points"); "lost", "dropped", "gained" points may be a team's.
_INTRANSITIVE = frozenset(
    {"fall", "decline", "slump", "plunge", "slide", "tumble", "sink", "dip", "plummet", "rise",
     "climb", "jump", "surge", "advance", "rally", "soar", "rebound"}
)  # fmt: skip
# Words beside the number that say which way it went: "closed up 511.51 points", "went up
# by 0.16%", "was 6.62% lower".
_UP_DOWN_BEFORE = {"up": "growth", "down": "decline", "higher": "growth", "lower": "decline"}
# Words between the direction and a number: qualifiers, and the amount it restates; how
# far it went at most or in all ("were down as much as 5 percent", "have been down by a
# total of 14 percent").
_SKIPPED = frozenset(
    {"by", "$", "more", "than", "about", "nearly", "almost", "(", "%", "percent", "or", ",",
     "point", "points", "as", "much", "a", "total", "of"}
)  # fmt: skip
_UP_DOWN_AFTER = {"higher": "growth", "lower": "decline", "up": "growth", "down": "decline"}

# Words that name what a market move is of ("the Dow Jones Industrial Average", "the
# benchmark index", "shares of Accenture", "crude", "the rouble").
_MARKET_WORDS = frozenset(
    {"index", "indices", "indexes", "average", "dow", "nasdaq", "ftse", "nikkei", "dax", "cac",
     "kospi", "sensex", "topix", "hang", "seng", "s&p", "composite", "rts", "micex", "stoxx",
     "market", "stock", "share", "equity", "bourse", "benchmark", "crude", "oil", "gold",
     "price", "currency", "dollar", "euro", "yen", "pound", "rouble", "ruble", "yuan",
     "bond", "yield"}
)  # fmt: skip


def market_move(anchor: Token, governor: Token | None, unit: str, noun: Token | None) -> str | None:
    """``decline`` or ``growth`` when the figure (in percent, or a count of points) is
    how far a market moved, through the verb or noun that governs it; else None."""
    points = noun is not None and noun.lemma_.lower() == "point"
    # "the Dow fell 344.65": a bare number a market's move verb takes is points
    bare = noun is None and unit == "count" and governor is not None and anchor.head == governor
    # "The Dow was up 3.10%, an increase of 330.89": a noun of change names the points
    bare = bare or (
        noun is None
        and unit == "count"
        and governor is not None
        and governor.pos_ == "NOUN"
        and governor.lemma_.lower() in _DOWN_NOUNS | _UP_NOUNS
        and anchor.dep_ == "pobj"
        and anchor.head.lower_ == "of"
        and anchor.head.head.i == governor.i
        and market_in_view(anchor)
    )
    if not (unit == "percent" or points or bare):
        return None
    if points and not market_in_view(anchor):
        return None  # "Shy Ely put up 23 points": a game's, however it moved
    if (
        points
        and noun is not None
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _LEVEL_PREPOSITIONS
    ):
        return None  # "dropped 3% to 9,203.32 points": where it went, not how far
    if (way := _way_beside(anchor, noun)) is not None:
        return way
    if noun is not None and unit == "percent" and noun.pos_ == "NOUN":
        if noun.lemma_.lower() in _DOWN_NOUNS:
            return "decline"  # "reported a 49% decline", "a 32% drop in US sales"
        if noun.lemma_.lower() in _UP_NOUNS:
            return "growth"
    if governor is None:
        return None
    lemma = governor.lemma_.lower()
    if governor.pos_ == "NOUN":
        if lemma in _DOWN_NOUNS:
            return "decline"
        return "growth" if lemma in _UP_NOUNS else None
    if governor.pos_ != "VERB":
        return None
    if (
        not moved_is_market(governor)
        and not (points and lemma in _INTRANSITIVE)
        and not (unit == "percent" and _company_moved(governor))
    ):
        return None
    particle = next((c.lower_ for c in governor.children if c.dep_ == "prt"), None)
    if particle in ("up", "down"):
        return _UP_DOWN_BEFORE[particle]  # "The FTSE 100 has gone up in value by 8.26%"
    if bare and anchor.dep_ not in ("dobj", "npadvmod", "advmod"):
        return None
    if lemma in _DOWN_VERBS:
        return "decline"
    return "growth" if lemma in _UP_VERBS else None


def _company_moved(verb: Token) -> bool:
    """Whether a move verb's subject is a name, in a sentence about markets: a company's
    shares moved ("with Bank of America losing 11.7% and Citigroup falling by 9.7%")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        bool(subjects)
        and subjects[0].pos_ == "PROPN"
        and place_canonical(subjects[0].text) is None
        and market_in_view(verb)
    )


def _way_beside(anchor: Token, noun: Token | None) -> str | None:
    """The direction printed beside the number: "up 12%", "up by 0.16%", "6.62% lower"."""
    doc = anchor.doc
    i = anchor.i - 1
    while i >= 0 and (doc[i].lower_ in _SKIPPED or doc[i].like_num):
        i -= 1  # "closed up 511.51 points or 3.31%", "went up by 0.16% (16.03 points)"
    if i >= 0 and (way := _UP_DOWN_BEFORE.get(doc[i].lower_)) is not None:
        return way
    last = noun if noun is not None else anchor
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if anchor.i + 1 < len(doc) and doc[anchor.i + 1].lower_ == "%":
        after = doc[anchor.i + 2] if anchor.i + 2 < len(doc) else None
    return _UP_DOWN_AFTER.get(after.lower_) if after is not None else None


def market_in_view_at(doc: Doc | None, start: int, end: int) -> bool:
    """``market_in_view`` for the characters ``start``..``end`` of the parsed text; never
    without a parse."""
    tokens = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    return tokens is not None and len(tokens) > 0 and market_in_view(tokens[0])


def market_in_view(token: Token) -> bool:
    """Whether the token's sentence, or the one before it, names a market: points there
    are an index's, elsewhere a game's ("had 14 points and six rebounds")."""
    sentence = token.sent
    before = _sentence_before(sentence.root)
    return any(_names_market(t) for t in (*(before or ()), *sentence))


def _names_market(token: Token) -> bool:
    return (
        token.lower_ in _MARKET_WORDS
        # plural nouns: "their stocks lost nearly six percent" (not "averaging 15.5
        # points", nor "consumer prices rose 2.4%": inflation)
        or (token.pos_ == "NOUN" and token.lemma_.lower() in _TRADED)
        or token.lower_ in MARKET_INDEX_WORDS
    )


# What a company's stock is called: a price it moves to in money is a share price.
_STOCK_WORDS = frozenset({"stock", "share", "equity"})
# What is traded, named in the plural too: "stocks", "shares", "European markets".
_TRADED = _STOCK_WORDS | {"market", "bond", "index"}


def share_price_level(head: Token, noun: Token | None) -> bool:
    """Whether an amount of money is where a company's shares moved to or closed at
    ("their stocks lost nearly six percent to close at $73.57", "EDS shares soared $5.27
    to finish yesterday at $24.13"); the price of a product is none ("the price for the
    iPhone has been reduced to $199")."""
    if not market_level(head, noun):
        return False
    market = market_of(head)
    # the stock words themselves, or the noun a company's name is set on ("EDS shares")
    return market is not None and any(
        t.lemma_.lower() in _STOCK_WORDS for t in (*market.subtree, market.head)
    )


def commodity_price(head: Token, noun: Token | None) -> bool:
    """Whether a bare amount of money is where a commodity's price went ("Light crude was
    down $1.40 to $64.20", "copper fell to $8,100"): the object of "to"/"at" on "up",
    "down" or a verb of moving whose subject is a commodity. How far it moved ("down
    $1.40") is no price: two prices of crude in one sentence would stand in dispute."""
    if noun is not None or head.dep_ != "pobj" or head.head.lower_ not in ("to", "at"):
        return False
    verb = head.head.head
    moved = False
    for _ in range(2):
        lemma = verb.lemma_.lower()
        moved = moved or lemma in _DOWN_VERBS | _UP_VERBS | {"up", "down"}
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i or lemma not in ("up", "down"):
            break
        verb = verb.head  # "was down $1.40 to $64.20": through "down" to "was"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return (
        moved
        and verb.pos_ in ("VERB", "AUX")
        and any(c.lemma_.lower() in _COMMODITIES for c in subjects)
    )


# What is traded as a commodity, priced in money: "crude", "gold", "copper".
_COMMODITIES = frozenset(
    {"crude", "oil", "gold", "silver", "copper", "platinum", "palladium", "wheat", "corn",
     "soybean", "gasoline", "aluminium", "aluminum", "nickel", "zinc", "coffee", "cocoa", "sugar"}
)  # fmt: skip


def moved_is_market(verb: Token) -> bool:
    """Whether what the verb moves names a market (an index, stocks, a price): its
    subject, the noun its relative clause hangs on, or a first verb's subject."""
    return market_named(verb) is not None


def market_named(verb: Token) -> Token | None:
    """The word naming the market the verb moves (``moved_is_market``'s walk): "the Dow
    Jones, which fell 678 points" is the Dow Jones's move; None when no market moves."""
    if (
        verb.dep_ in ("relcl", "acl")
        and verb.head.i != verb.i
        and any(_names_market(t) for t in verb.head.subtree if t.i < verb.i)
    ):
        # "the Dow Jones, which fell 678 points"; "with the FTSE index losing 3.2%", where
        # the parse hangs the verb on the index as a participle
        return verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "they"):
            return child if any(_names_market(t) for t in child.subtree) else None
    # "The Dow continued to fall, and it had fallen 2.62% to 9694.73": "it" is the
    # first verb's subject
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        # "the FTSE fell 2.03 points, but stayed below", "..., ending the day at 8,017"
        return market_named(verb.head)
    if verb.dep_ == "ROOT" and _subject_is_it(verb) and (before := _sentence_before(verb)):
        # "The Nikkei fell. It dropped 3% to 9,203"; where the parse gives the sentence
        # before no subject, the market it names ("As of 18:00 UTC, the primary UK index,
        # the FTSE 100, was one of the few indexes to increase in value. It went up")
        return market_named(before.root) or next(
            (t for t in before if t.pos_ in ("NOUN", "PROPN") and _names_market(t)), None
        )
    return None


def market_of(head: Token) -> Token | None:
    """The word naming the market whose move or level the figure at ``head`` is: through
    the verb it hangs on ("fell 678 points ... to below 9,000, closing at 8,579.19")."""
    verb = head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    market = market_named(verb) if verb.pos_ in ("VERB", "AUX") else None
    if market is None or market.sent != head.sent:
        return None  # "It dropped 10.12%": "it" names the market, as a pronoun does
    if market.pos_ != "NOUN":
        return market
    # "the primary UK index, the FTSE 100, dropped", "the Standard & Poor's 500 index",
    # "the Merval index": the name the noun carries, never a place ("the UK index",
    # "Japan's Nikkei index")
    # "Bank of America shares", "shares of Ford": the company whose shares they are
    owners = [
        o for c in market.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
    ]
    named = sorted(
        (
            c
            for c in (*market.children, *owners)
            if c.pos_ == "PROPN"
            and c.dep_ in ("appos", "poss", "compound", "nmod", "pobj")
            and place_canonical(c.text) is None
        ),
        key=lambda c: c.dep_ != "appos",
    )
    return named[0] if named else market


def _subject_is_it(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it" for c in verb.children)


def _sentence_before(verb: Token) -> Span | None:
    start = verb.sent.start
    return verb.doc[start - 1].sent if start > 0 else None


# Prepositions that place a market's level: "fell 1.62% to 9694.73", "closed at 4,605",
# "stayed below 5000".
_LEVEL_PREPOSITIONS = frozenset({"to", "at", "below", "above", "under", "over", "near"})
# Verbs whose object "a level of" places one: "reaching a level of 6595.32"
_REACHING_VERBS = frozenset({"reach", "hit", "touch", "record", "hold", "maintain"})
# Verbs whose "on" places a level too: "finished on 7223.98", "closed on 4,605"
_CLOSING_VERBS = frozenset({"finish", "close", "end", "settle", "stand"})


# Where a market stood at its most: "an intraday bear market low of 7,447.55".
_EXTREMES = frozenset({"low", "high", "record", "peak", "trough"})


def market_level(head: Token, noun: Token | None) -> bool:
    """Whether a bare number is the level a market stood at: the object of "to", "at",
    "below"... on a verb whose subject names a market ("the Dow fell 1.62% to 9694.73")."""
    if noun is not None and noun.lemma_.lower() not in ("point", "mark", "level"):
        return False  # "rose to 300 flights": a count of its own
    current = noun if noun is not None else head
    preposition = current.head
    if (
        current.dep_ == "pobj"
        and preposition.lower_ == "of"
        and preposition.head.lemma_.lower() in _EXTREMES
        and market_in_view(current)
    ):
        return True  # "set an intraday low of 7,447.55", "its all-time high of over 14,000"
    if (
        current.dep_ == "pobj"
        and preposition.lower_ == "of"
        and preposition.head.lemma_.lower() in ("level", "value")
        and preposition.head.dep_ in ("pobj", "dobj")
    ):
        # "bringing it to a level of 7,465.95", "reaching a level of 6595.32"
        current = preposition.head
        preposition = current.head
        if current.dep_ == "dobj":
            return preposition.lemma_.lower() in _REACHING_VERBS and moved_is_market(preposition)
    verb = preposition.head
    for _ in range(3):  # "to below the 5000 mark at 4907.20": past the mark to the verb
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        if not (verb.pos_ == "ADP" or verb.lemma_.lower() in ("mark", "level", "point")):
            break
        verb = verb.head
    closing_on = preposition.lower_ == "on" and verb.lemma_.lower() in _CLOSING_VERBS
    if current.dep_ != "pobj" or (preposition.lower_ not in _LEVEL_PREPOSITIONS and not closing_on):
        return False
    return verb.pos_ in ("VERB", "AUX") and moved_is_market(verb)
