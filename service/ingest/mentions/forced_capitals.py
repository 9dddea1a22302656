"""Words the capitals of a sentence's start or of a page label make names, and are none
(pure): a label of the page ("PUBLISHED: 16:05 GMT"), a time ("Late Saturday and early
Sunday"), a word opening the sentence before a name ("Recently Apple has ...").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.recognised_names import KINDS, TIMES
from service.ingest.model import EntityKind

_OPENING = "\"'“‘([ "
# Tags of words that open a sentence but name nothing: adverbs, participles, determiners,
# interjections, adjectives and common nouns ("Recently", "Acquiring", "Neither", "Uh").
_COMMON_TAGS = frozenset(
    {"RB", "RBR", "RBS", "VBG", "VBN", "VBD", "DT", "PDT", "UH", "IN", "CC", "JJ", "NN"}
)


# Words of the clock and the calendar: days, months, seasons, spans, decades, time zones.
_TIME_WORDS = (
    CALENDAR_WORDS
    | {f"{day}s" for day in CALENDAR_WORDS}
    | gz.word_set(
        """spring summer autumn fall winter day days week weeks weekend weekends month months
        year years decade decades century morning mornings afternoon evening night nights
        am pm a.m p.m noon midnight twenties thirties forties fifties sixties seventies
        eighties nineties gmt bst utc cet est edt cst cdt mst mdt pst pdt"""
    )
)
_PROPER_TAGS = frozenset({"NNP", "NNPS"})


def page_label(body: str, cand: Candidate, doc: Doc) -> bool:
    """Whether a word in capitals before a colon is a label of the page, no name: the
    parse reads it as a common word ("PUBLISHED: 16:05 GMT", "UPDATED: 10 June", "NOTE:
    the figures are provisional"), where an exchange before a ticker is a proper noun
    ("NYSE: IBM")."""
    if not cand.name.isupper() or " " in cand.name or body[cand.end : cand.end + 1] != ":":
        return False
    span = doc.char_span(cand.start, cand.end)
    return span is not None and len(span) == 1 and span[0].tag_ not in _PROPER_TAGS


def time_words(cand: Candidate, doc: Doc, names: list[tuple[int, int, str]]) -> bool:
    """Whether a candidate of a person or of no kind is a time the recogniser reads as a
    date or a clock time, made of the calendar's and the clock's words and words the parse
    takes for no proper noun: "Late Saturday and early Sunday, ...", "Early Tuesday, ...",
    "Weeks later", "at 3:15 PM EDT", "the end of the Fifties". Capitals forced at a
    sentence start made them names; a name of a day stays one ("Waitangi Day", "Oscar
    Sunday", "Christmas Eve": an EVENT, `checked_names.checked`)."""
    if cand.kind not in (EntityKind.PERSON, EntityKind.OTHER) or not any(
        s <= cand.start and cand.end <= e for s, e, label in names if label in TIMES
    ):
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and all(
        t.lower_.rstrip(".") in _TIME_WORDS or t.tag_ not in _PROPER_TAGS for t in span
    )


def without_opening_word(
    body: str,
    cand: Candidate,
    doc: Doc,
    names: list[tuple[int, int, str]],
    sentence_starts: Sequence[int],
    named: dict[str, EntityKind],
) -> Candidate:
    """A candidate run on from the word that opens its sentence, where the parse reads that
    word as no proper noun (or reads no name's word in it) and what follows it is a listed
    name or one the recogniser names without the word: "Recently Apple has ...",
    "Acquiring EDS also ...", "Praising London's ...", "Uh Mitchell expressed ...".
    Capitals are forced there, so the word is no part of the name. A listed name stays
    whole, and so does a word the recogniser takes into a name ("Catching Fire", "Supreme
    Court"), unless the copy prints the rest alone as a name elsewhere and that word with a
    capital nowhere but at a sentence's start (`_opener_only`: "Joining Cooley at the news
    conference was ..." beside "Sheriff Lee Cooley said"; "Actual Airbus job cuts" beside
    "Airbus said")."""
    if gz.organization_canonical(cand.name) or gz.place_canonical(cand.name):
        return cand
    index = bisect.bisect_right(sentence_starts, cand.start) - 1
    if index < 0 or body[sentence_starts[index] : cand.start].strip(_OPENING) != "":
        return cand
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return cand
    first, rest = span[0], span[1]
    name = " ".join(body[rest.idx : cand.end].split())
    alone = named.get(name) if _opener_only(body, first.text, sentence_starts) else None
    if not first.text.istitle() or gz.is_given_name(first.text):
        alone = None  # "JSA Research", "Darius Butler": a name's own first word
    detached = first.head not in span[1:] and not any(t.head == first for t in span[1:])
    adjective = alone is not None and first.dep_ == "amod"
    if first.tag_ not in _COMMON_TAGS and not detached and not adjective:
        return cand  # "Northern Ireland": a word of the name, whatever its tag
    if rest.idx <= cand.start:
        return cand
    if any(s <= first.idx < e for s, e, _ in names) and alone is None:
        return cand
    if rest.lower_ in gz.STOP_WORDS:
        return cand  # "Doctor Who": no organisation WHO
    # the rules read two capitalised words as a person's name; the name left is what the
    # lists or the recogniser say it is ("Recently Apple": the company Apple)
    if gz.organization_canonical(name):
        return replace(cand, start=rest.idx, name=name, kind=EntityKind.ORGANIZATION)
    if gz.place_canonical(name):
        return replace(cand, start=rest.idx, name=name, kind=EntityKind.PLACE)
    label = next((lb for s, _, lb in names if s == rest.idx and lb in KINDS), None)
    if label is not None:
        return replace(cand, start=rest.idx, name=name, kind=KINDS[label])
    if alone is not None and name.lower() not in gz.ORG_HEADS:
        return replace(cand, start=rest.idx, name=name, kind=alone)
    return cand


def _opener_only(body: str, word: str, sentence_starts: Sequence[int]) -> bool:
    """Whether a capitalised word is printed with its capital only where it opens a
    sentence ("Joining", "Actual"), never inside one as a name's word would be
    ("Northern" of "in Northern Ireland")."""
    for match in re.finditer(rf"(?<![\w.-]){re.escape(word)}(?![\w-])", body):
        index = bisect.bisect_right(sentence_starts, match.start()) - 1
        start = sentence_starts[index] if index >= 0 else 0
        if body[start : match.start()].strip(_OPENING + "\n") != "":
            return False
    return True
