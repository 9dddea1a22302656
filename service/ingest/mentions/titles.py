"""Titles of works printed in quotation marks: one name, not the names inside them.

The rules and the recogniser read a quoted title's capitalised words as names of their own
and cut it into pieces ("American Pie" read as "Pie", "The Boy from Oz" as "Boy" and
"Oz", "Give Peace a Chance" as "Give Peace" and "Chance"). A quoted phrase of two to
seven words whose first and last words are capitalised and whose other words are
capitalised or the small words titles keep in lower case ("a", "of", "from", ...) is a
title; the names lying inside it, none running past it, are that one title (kind OTHER,
as the gold annotates works: "The Internet Explorer 6 Countdown"). A quoted name the
rules already read whole ("Rocket Man") keeps its kind; a nickname quoted inside a
person's name (Vincent "The Fish" Moretti) is no title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.ingest.mentions.candidate import Candidate
from service.ingest.model import EntityKind

# A phrase in straight or curly double quotes, on one line, a closing comma or full stop
# inside the quotes left out. A quote mark with a space after it opens nothing: it closes
# a quotation whose opening mark was misplaced ('featured in" Twilight," producing the
# tale "American Pie"' pairs the marks around "American Pie", not around ' producing ...')
_QUOTED = re.compile(r"(?<!\w)[\"“](?!\s)(?P<phrase>[^\"”\n]{3,80}?)[,.]?[\"”]")

# Words a title keeps in lower case between its capitalised words
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "from", "for", "in", "on", "to", "and", "with", "at", "by", "or"}
)


def _is_title(phrase: str) -> bool:
    """Whether a quoted phrase reads as a title: 2-7 words, the first and the last
    capitalised, the others capitalised or small words; no word in capitals of more than
    one letter run on past the first ("NO COLLUSION and NO OBSTRUCTION" is a slogan), no
    question mark or comma ("Peoples of Europe, Rise Up" is a call)."""
    words = phrase.split()
    if not 2 <= len(words) <= 7 or any(ch in phrase for ch in ",?!:;"):
        return False
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    if sum(1 for w in words if len(w) > 1 and w.isupper()) > 1:
        return False
    return all(w[0].isupper() or w in _SMALL_WORDS for w in words)


def _nickname(body: str, start: int, end: int) -> bool:
    """Whether the quotes sit between two capitalised words: a nickname inside a person's
    name (Vincent "The Fish" Moretti), no title."""
    before = body[max(0, start - 40) : start].split()  # a window: never the whole body
    after = body[end : end + 40].split()
    return bool(before and after) and before[-1][:1].isupper() and after[0][:1].isupper()


def whole_titles(body: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates, those lying strictly inside a quoted title replaced by the title:
    '... starred in "American Pie" and ...' gives "American Pie", not "Pie"."""
    out = list(candidates)
    for m in _QUOTED.finditer(body):
        phrase = m.group("phrase")
        if not _is_title(phrase) or _nickname(body, m.start(), m.end()):
            continue
        start, end = m.start("phrase"), m.start("phrase") + len(phrase)
        inside = [c for c in out if start <= c.start and c.end <= end]
        if not inside or any(c.start == start and c.end == end for c in inside):
            continue
        if any(c.start < end and start < c.end and c not in inside for c in out):
            continue  # a name running past the quotes: no title
        if any(c.kind is EntityKind.EVENT for c in inside):
            continue
        title = Candidate(
            start, end, " ".join(phrase.split()), EntityKind.OTHER, inside[0].sentence_index
        )
        out = [c for c in out if c not in inside]
        out.append(title)
    out.sort(key=lambda c: c.start)
    return out
