"""One statement across articles: ``statement_key`` and ``is_same_statement`` link the same
words whatever their marks, case, apostrophes or ellipses."""

from __future__ import annotations

import hashlib
import re

from anyascii import anyascii

_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")


_MIN_SAME_WORDS = 6


def statement_key(text: str) -> str:
    """The same words, whatever their marks, case, apostrophes or ellipses: a sha1 hex."""
    return hashlib.sha1(" ".join(statement_words(text)).encode(), usedforsecurity=False).hexdigest()


def statement_words(text: str) -> tuple[str, ...]:
    """Lowercase ASCII words of ``text``; apostrophes join ("we’ve" -> "weve")."""
    ascii_text = anyascii(text).casefold().replace("'", "")
    return tuple(re.findall(r"[a-z0-9]+", ascii_text))


def is_same_statement(a: str, b: str) -> bool:
    """Equal keys, or the shorter quote (six words or more) is a run of the longer one.

    An elided quote ("a lack of regard ... showed scant respect") matches when each of
    its pieces appears, in order, in the other.
    """
    wa, wb = statement_words(a), statement_words(b)
    if wa == wb:
        return bool(wa)
    short_text, long_words = (a, wb) if len(wa) <= len(wb) else (b, wa)
    pieces = [statement_words(p) for p in _ELLIPSIS.split(short_text)]
    pieces = [p for p in pieces if p]
    if sum(len(p) for p in pieces) < _MIN_SAME_WORDS:
        return False
    at = 0
    for piece in pieces:
        found = _find_run(long_words, piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _find_run(words: tuple[str, ...], run: tuple[str, ...], start: int) -> int:
    n = len(run)
    for i in range(start, len(words) - n + 1):
        if words[i : i + n] == run:
            return i
    return -1
