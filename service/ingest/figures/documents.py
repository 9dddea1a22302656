"""Figures a document vouches for: a study, a report, records or an autopsy that shows them.

News copy credits a number to a document as often as to a speaker: "The autopsy showed
that seven bullets entered his body", "Figures to be published today show a record 45,756
migrants crossing", "Their projections showed that Apple held 19 percent", "23 quakes
occurred on Sunday, US Geological Survey records show". The speech cues
(``speech_cues.py``) read verbs of telling only; this module reads a verb of
showing ("show", "found", "suggests", "indicated", "revealed") whose subject is a document
or the people who wrote one ("researchers found"), and gives the figure that subject's
words: the organisation it names ("US Geological Survey records": the survey), else the
words themselves ("the autopsy"), as the gold credits "Figures to be published today".

What such a cue vouches for is narrower than what "said" does: the figures after the verb
up to the end of their clause (a dash, a semicolon, ", but"), and the figures before it
only when the cue closes the sentence (", records show."). "The county is 43 percent
black, and surveys have found that ..." credits no survey with the 43 percent.
"""

from __future__ import annotations

import re

from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.figures.speech_cues import DOCUMENT_NOUNS
from service.ingest.model import EntityKind

# A verb of showing, after an optional auxiliary ("surveys have found").
_SHOWING = re.compile(
    r"\b(?:(?:have|has|had)\s+)?(?:shows?|showed|finds|found|suggests?|suggested"
    r"|indicates?|indicated|reveals?|revealed)\b",
    re.IGNORECASE,
)
# Where the subject of the verb starts: the sentence, a clause mark, a dash, "that".
_SUBJECT_START = re.compile(r"[,;:“”\"(]|\s(?:--|[–—])\s|\b(?:that|and|but)\b|^", re.IGNORECASE)
# Where the clause the verb opens ends.
_CLAUSE_END = re.compile(r";|\s(?:--|[–—])\s|,\s+(?:but|while|although)\b", re.IGNORECASE)
# Words before the document's noun: an article, a possessive, an adjective or a name,
# never a verb of the sentence's own (no "is", "was", no digit).
_NOT_A_SUBJECT = re.compile(r"\d|\b(?:is|are|was|were|be|been|it|they|he|she|who|which)\b", re.I)
_MAX_WORDS = 8


def document_source(
    sm: SentenceMentions, sentence: str, start: int
) -> tuple[int | None, str | None]:
    """Who or what a document cue of ``sentence`` credits with the figure at ``start``:
    the entity its subject names, else its words; (None, None) when no cue vouches."""
    for cue in _SHOWING.finditer(sentence):
        subject = _subject(sentence, cue.start())
        if subject is None or not _vouches(sentence, start, cue.start(), cue.end()):
            continue
        s, e = subject
        named = sm.within(s, e, EntityKind.PERSON, EntityKind.ORGANIZATION, possessive=False)
        if named:
            return named[-1].local_entity, None
        return None, sentence[s:e]
    return None, None


def _subject(sentence: str, verb: int) -> tuple[int, int] | None:
    """Where the document before the verb at ``verb`` is named, if a document is: "the
    autopsy", "US Geological Survey records", "Figures to be published today"."""
    opening = max(m.end() for m in _SUBJECT_START.finditer(sentence, 0, verb))
    words = sentence[opening:verb]
    stripped = words.strip()
    if not stripped or len(stripped.split()) > _MAX_WORDS or _NOT_A_SUBJECT.search(stripped):
        return None
    # DOCUMENT_NOUNS leaves out an election's "results" ("The results show the camp kept
    # a majority" is the count itself).
    if not any(w.casefold() in DOCUMENT_NOUNS for w in re.findall(r"[A-Za-z]+", stripped)):
        return None
    s = opening + words.index(stripped)
    return s, s + len(stripped)


def _vouches(sentence: str, start: int, verb_start: int, verb_end: int) -> bool:
    """Whether the cue at ``verb_start``..``verb_end`` vouches for the figure at ``start``:
    it follows the verb in the clause the verb opens, or the cue ends the sentence."""
    if start >= verb_end:
        stop = _CLAUSE_END.search(sentence, verb_end)
        return stop is None or start < stop.start()
    return not sentence[verb_end:].strip(" .\"”'’)")
