"""Ages in a sentence: whether one describes a noun ("a 31-year-old mother") or a
pronoun's person, and whose word it is when a speaker tells it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.ingest.figures.attribution import attribution
from service.ingest.figures.speech_cues import SpeechCue

# An age that describes a noun: "a 31-year-old mother", "her 44-year-old mother", or set
# after one between commas, "the two boys, 13 and 14,".
_AGE_ON_NOUN = re.compile(r"\s+(?!(?:said|says|told|added|was|is|has|had|and|or)\b)[A-Za-z]")
_AGE_AFTER_NOUN = re.compile(r"[a-z],\s*(?:\d+\s*(?:,|and|or)\s*)*$")


def describes_noun(sentence: str, start: int, end: int) -> bool:
    """Whether an age describes a noun, not a pronoun's person: "a 12-year-old girl whom he
    had met", "the two boys, 13 and 14, who he had met" are no age of whom "he" is; "at age
    seventeen, she" and "when he was 5 years old" are."""
    compound = sentence[start:end].lower().endswith("old")
    if compound and _AGE_ON_NOUN.match(sentence, end):
        return True
    return sentence[start:end].isdigit() and _AGE_AFTER_NOUN.search(sentence, 0, start) is not None


# A finite verb of the reported clause: "Paris claims she was ...", "the church ... is".
_CLAUSE_VERB = re.compile(r"\s(?:was|were|is|are|had|has|have|would|will)\s", re.IGNORECASE)


def told_age(
    cues: Sequence[SpeechCue], sentence: str, start: int, end: int
) -> tuple[int | None, str | None]:
    """Who tells an age: the speaker whose claim it is part of ("Paris claims that she was
    kept at the base until she was eighteen"); nobody when it describes a name the copy
    introduces ("Apple confirmed that Papermaster, 49, had left", "said 61-year-old
    Anargyros Bizianis", "the 55-year-old's love of") or stands before the cue
    ("Comeaux, 49, took ..., Lyons said")."""
    if describes_noun(sentence, start, end) or sentence.startswith(("'s", "’s"), end):
        return None, None
    # The claim is a clause of its own ("claims she was ... aged eighteen"); an age in the
    # cue's own clause describes the speaker ("announces his retirement at the age of 26").
    told = [
        c for c in cues if c.position < start and _CLAUSE_VERB.search(sentence, c.position, start)
    ]
    return attribution(told, sentence, start)
