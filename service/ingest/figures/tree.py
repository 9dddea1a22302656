"""Walking the dependency parse around a figure: the tokens near it, the noun it counts,
the word that governs it, its clause's verb, and the characters a token covers."""

from __future__ import annotations

from spacy.tokens import Token

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.figures.lexicon import UNIT_WORDS
from service.ingest.model import Span

# A token heads a few words in prose; in a list of thousands of numbers one head may hold
# them all, and reading all its children for each of them would be quadratic. Dependents
# further than this many tokens away are not read.
_REACH = 40


def children_of(token: Token) -> list[Token]:
    """The token's dependents within _REACH tokens of it, left to right."""
    doc = token.doc
    low = max(token.left_edge.i, token.i - _REACH)
    high = min(token.right_edge.i, token.i + _REACH)
    return [doc[i] for i in range(low, high + 1) if i != token.i and doc[i].head.i == token.i]


def counted_noun(anchor: Token, span_end: int) -> Token | None:
    """The noun the number counts, past unit words and "of" after an amount."""
    token = anchor
    # a number word may be parsed as the noun's adjective: "Sixty residents were moved"
    counting = ("quantmod", "compound", "nummod", "nmod", "amod" if anchor.like_num else "")
    while token.dep_ in counting and token.head.i != token.i:
        if token.head.pos_ in ("NOUN", "PROPN") or token.head.like_num:
            token = token.head
            if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in UNIT_WORDS:
                break
        elif _model_before_noun(token.head):
            token = token.head.head  # "six AK-47 rifles": the model names the kind counted
            break
        else:
            break
    if token.i == anchor.i and anchor.pos_ == "NOUN" and anchor.lower_ not in UNIT_WORDS:
        return None  # "hundreds" alone; looked at through "of" below
    if token.lower_ in UNIT_WORDS or token.i == anchor.i:
        of = of_object(token)
        if of is not None:
            return of
        return None if token.i == anchor.i or token.lower_ in UNIT_WORDS else token
    while _split_at_hyphen(token):
        token = token.doc[token.i + 2]  # "two co-workers": the parse splits the noun in three
    # "92,000 asylum applications": the phrase's head, past the nouns modifying it
    hyphenated = token.i > 0 and token.doc[token.i - 1].text == "-"  # "a 131-page report"
    while (
        not hyphenated
        and token.dep_ == "compound"
        and token.head.pos_ == "NOUN"
        and token.head.i > token.i
        and not (token.tag_ == "NNS" and token.head.tag_ == "NN")
    ):
        # (a plural counted noun read as a singular noun's modifier is misparsed: "200
        # migrants plan to present claims" counts migrants, not plans)
        token = token.head
    if token.lemma_.lower() in _TIMES_OF_DAY and any(
        c.lower_ in CALENDAR_WORDS for c in token.children
    ):
        return None  # "scored 20 Thursday night": when it happened, not what is counted
    return token


_TIMES_OF_DAY = frozenset({"night", "morning", "afternoon", "evening"})


def _split_at_hyphen(token: Token) -> bool:
    """Whether ``token`` is the first part of a hyphenated noun the parse split into its
    parts ("co - workers", "fellow - passengers"): the noun after the hyphen is the one
    counted, written with no space around the hyphen."""
    doc = token.doc
    if token.pos_ != "NOUN" or token.like_num or token.i + 2 >= len(doc):
        return False  # "one-third" is a share, no noun
    if token.whitespace_ or doc[token.i + 1].text != "-" or doc[token.i + 1].whitespace_:
        return False
    last = doc[token.i + 2]
    return last.pos_ == "NOUN" and not last.like_num


def _model_before_noun(token: Token) -> bool:
    """A model's name (capitals and digits: "AK-47", "F-16", "A330") that modifies the
    common noun after it, which is what a number before them counts."""
    return (
        any(c.isdigit() for c in token.text)
        and any(c.isupper() for c in token.text)
        and token.dep_ in ("nummod", "compound", "amod")
        and token.head.pos_ == "NOUN"
        and token.head.i > token.i
    )


def of_object(token: Token) -> Token | None:
    for child in children_of(token):
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in children_of(child):
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return None


def part_of(anchor: Token, noun: Token | None) -> bool:
    """Whether the number counts part of the group named after "of": "three of his
    colleagues were killed", "Roughly 200 of their counterparts gathered". What governs the
    number then governs the count, not the "of" the group hangs on. The whole a part is
    taken from is not one ("one of her four cats", "60 of its 6,500")."""
    return (
        noun is not None
        and anchor.pos_ == "NUM"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.i == anchor.i
    )


def governor_of(token: Token) -> Token | None:
    """The verb (or noun, through a preposition) that takes ``token`` as an argument."""
    current = token
    # Past unit words that head the number ("12 percent", "3.2 billion euros").
    while current.head.i != current.i:
        if current.head.lower_ in UNIT_WORDS or (
            current.dep_ in ("conj", "appos") and current.head.pos_ in ("NOUN", "PROPN", "NUM")
        ):
            current = current.head
        elif (  # "dozens of demonstrators": the amount is what the verb takes
            current.dep_ == "pobj"
            and current.head.lower_ == "of"
            and current.head.head.lower_ in UNIT_WORDS
        ):
            current = current.head.head
        else:
            break
    if current.dep_ in ("acl", "relcl"):
        return None
    for child in children_of(current):  # "demonstrators arrested", "people killed"
        if child.dep_ == "acl" and child.tag_ in ("VBN", "VBG") and not _aside(child):
            return child
    head = current.head
    if head.i == current.i:
        return None
    if current.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head  # "rose to 157", "with 375 people", "put ... at 5.7"
        if head.lower_ in _COMPARATIVES and head.head.i != head.i:
            head = head.head  # "the toll would have been more than a thousand"
        elif head.lower_ in _FRAMES and head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head  # "an offer in excess of $160 million": the offer's
        elif _dated(head):
            head = head.head.head  # "bought the firm in late 2006 for $51 million"
    if head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
        return head
    return None


def _dated(token: Token) -> bool:
    """Whether the token is a date set in the clause by a preposition ("in late 2006",
    "on Monday"): an amount the parse hangs on it belongs to the clause's verb, as in
    "bought the car maker in late 2006 for $51 million" (bought for it, not 2006's)."""
    return (
        token.ent_type_ == "DATE"
        and token.pos_ in ("NUM", "PROPN")
        and token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and token.head.head.pos_ == "VERB"
    )


def _aside(participle: Token) -> bool:
    """A present participle set off by a comma after its noun describes the noun and the
    sentence goes on past it: in "Some 2 million people, accounting for 70 percent of the
    voters, cast their ballots" the people cast ballots (unlike "people killed", "200
    protesters, injured in the clashes, ...", where the participle is the deed)."""
    doc = participle.doc
    before = participle.left_edge.i - 1
    return participle.tag_ == "VBG" and before >= 0 and doc[before].text == ","


# Nouns that only frame an amount ("in excess of", "to the tune of", "in the region of"):
# what takes the frame takes the amount.
_FRAMES = frozenset({"excess", "tune", "region", "neighbourhood", "neighborhood"})
# Words that compare a number ("more than a thousand"): what takes them takes the number.
_COMPARATIVES = frozenset({"more", "less", "fewer", "greater", "higher", "lower"})


def is_passive(verb: Token) -> bool:
    """ "500 held a day earlier", "500 were held": a participle or a passive clause."""
    if verb.tag_ != "VBN":
        return False
    return verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in children_of(verb))


def clause_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (a few steps up), where its clause is headed."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("amod", "acl", "relcl"):
            return current
        if current.dep_ in ("acl", "relcl", "ccomp", "advcl") or current.head.i == current.i:
            return None  # another clause: its subject is not this figure's
        current = current.head
    return None


def char_span_of(token: Token, describing: bool = False) -> Span:
    """The token with the proper nouns compounded into it ("US Geological Survey"), and
    when ``describing`` a common noun, the adjectives before it ("most financial
    analysts", "recent poll")."""
    joined = ("compound", "flat", "amod") if describing and token.pos_ == "NOUN" else None
    words = [token]
    for child in children_of(token):
        if child.i < token.i and child.dep_ in (joined or ("compound", "flat")):
            words.extend(child.subtree)
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    return Span(start, end)
