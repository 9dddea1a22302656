"""Rules for earthquakes: a number that is a quake's magnitude, and a count of quakes
whose magnitude a verb gives.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

_QUAKES = frozenset({"earthquake", "quake", "tremor", "temblor", "aftershock"})


def counts_quakes(noun: Token | None) -> bool:
    """Whether the figure counts quakes ("five more small quakes"): what "measuring"
    says of them is their magnitude, not the count's."""
    return noun is not None and noun.tag_ == "NNS" and noun.lemma_.lower() in _QUAKES


def quake_magnitude(anchor: Token, noun: Token | None) -> bool:
    """Whether the number is a quake's magnitude: printed after "magnitude" ("magnitude
    7.0") or before "on the Richter scale", or with one decimal before the quake it
    measures ("a strong 7.9 earthquake", "a 6.7-strength quake") or after it ("aftershocks
    of around 4.0")."""
    doc = anchor.doc
    before = doc[anchor.i - 1] if anchor.i > 0 else None
    if before is not None and before.lower_ == "magnitude":
        return True
    following = doc[anchor.i + 1 : anchor.i + 8].text.lower()
    scale_words = noun is None or noun.lemma_.lower() in ("degree", "point", "magnitude")
    if scale_words and "richter" in following.split(".")[0]:
        return True  # "aftershocks varying from 2.8 to 3.8 degrees on the Richter scale"
    if re.fullmatch(r"\d\.\d", anchor.text) is None:
        return False
    if re.match(r"-?\s*strength\b", following):
        return True  # "a 6.7-strength quake"
    after = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    named = [t for t in (noun, after) if t is not None]
    if any(t.lemma_.lower() in _QUAKES or t.lower_ in _QUAKES for t in named):
        return True
    # "at least four aftershocks of around 4.0", "a quake of 5.6"
    of = anchor.head if anchor.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.lemma_.lower() in _QUAKES
