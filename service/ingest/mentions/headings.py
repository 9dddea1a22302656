"""Headings in a story body (pure): a line in capitals or a title-cased line with no final
punctuation, where capitals say nothing and only listed names are names.
"""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.name_tokens import OPENING_QUOTES, Token, span_text
from service.ingest.model import EntityKind, Sentence

_CLOSING_QUOTES = "\"'”’)]"


def listed_in_heading(body: str, tokens: list[Token], sentence: Sentence) -> list[Candidate]:
    """In a heading ('POET DETAINED IN ALMATY') capitals say nothing: listed names only."""
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        for width in range(min(4, len(tokens) - i), 0, -1):
            toks = tokens[i : i + width]
            name = span_text(body, toks)
            if gz.place_canonical(name) is not None:
                kind = EntityKind.PLACE
            elif gz.organization_canonical(name) is not None:
                kind = EntityKind.ORGANIZATION
            else:
                continue
            name = gz.listed_spelling(name)
            found.append(Candidate(toks[0].start, toks[-1].end, name, kind, sentence.index))
            i += width - 1
            break
        i += 1
    return found


def is_heading(text: str) -> bool:
    """All capitals, or a title-cased line without final punctuation: a subheading."""
    if not any(c.islower() for c in text):
        return True
    if text.rstrip(_CLOSING_QUOTES)[-1:] in ".!?:;,":
        return False
    words = text.split()
    capitalised = sum(1 for w in words if w.lstrip(OPENING_QUOTES)[:1].isupper())
    return len(words) >= 2 and capitalised >= 0.6 * len(words)


LINE = re.compile(r"[^\n]+")


def is_capitals_line(text: str) -> bool:
    """A line of two words or more in capitals only: a heading."""
    return len(text.split()) >= 2 and not any(c.islower() for c in text)
