"""Who a sentence credits with a figure: the nearest of its speech cues, before first, unless
the figure is background (a possessor's, a trailing or opening clause's, one a "but"
answers)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.ingest.figures.speech_cues import SpeechCue

_POSSESSED = re.compile(
    r"\b\w+['’]s\s+(?:(?:more than|nearly|about|some|over)\s+)?$", re.IGNORECASE
)
_OPENING_CLAUSE = re.compile(
    r"(?:After|Before|Since|When|While|Although|Though|Because|If|Once|Until|Despite)\b"
)
_BUT = re.compile(r",\s+but\b", re.IGNORECASE)
_BACKGROUND_CLAUSE = re.compile(r",\s+(?:after|before|since|when|as)\b", re.IGNORECASE)


def attribution(
    cues: Sequence[SpeechCue], sentence: str, start: int
) -> tuple[int | None, str | None]:
    """Who the sentence credits with the figure at ``start``: the nearest of the sentence's
    speech ``cues``, before first."""
    cues = [c for c in cues if not any(s <= start < e for s, e in c.describes_speaker)]
    if _POSSESSED.search(sentence, 0, start):
        return None, None  # "the country's 12 million voters": background, not the claim
    # A figure in a trailing "..., after hundreds gathered" clause sets the scene of what
    # was reported; the cue before that clause does not vouch for it.
    cues = [
        c
        for c in cues
        if c.position > start or not _BACKGROUND_CLAUSE.search(sentence, c.position, start)
    ]
    # "made an offer of $160 million, but sources say it is less": the cue after "but"
    # vouches for its own clause, not for the one it answers.
    cues = [c for c in cues if c.position < start or not _BUT.search(sentence, start, c.position)]
    if _OPENING_CLAUSE.match(sentence) and "," not in sentence[:start]:
        # "After a plan to bail out three auto companies failed, the White House said":
        # the opening clause sets the scene; the cue after it vouches for the main one.
        closing = sentence.find(",", start)
        cues = [c for c in cues if c.position < start or not 0 <= closing < c.position]
    if not cues:
        return None, None
    before = [c for c in cues if c.position < start]
    chosen = before[-1] if before else cues[0]
    return chosen.speaker, chosen.speaker_text
