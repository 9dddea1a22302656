"""Which tokens of a body the model reads: its prose, not a run of bare numbers or a
sentence printed again and again (issue 19).

The model costs the same per token whatever the token (about 170 us on a loaded core),
so 5,000 tokens of "1 1 1" or of one sentence said 27,000 times cost a second of CPU and
tell it nothing. News copy has neither: in the gold corpus and the seeds (53 bodies) the
longest run of tokens without a letter is 4, and no sentence of four words or more is
printed more than twice. Past these bounds, with a wide margin, the model skips the
tokens; the rules still read them, as they read the copy past the model's token cap.
A body with nothing to skip is read exactly as before, in one piece.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.tokens import Doc

# A run of this many tokens with no letter among them is a table or a dump (gold: 4).
NUMBER_RUN = 32
# A sentence of at least REPEATED_WORDS words is read this many times at most (gold: 2);
# shorter ones (a closing quote mark, "Updated 10:32 GMT") recur in real copy and cost
# nothing. Digits are compared as one digit: "rose to 157" repeats "rose to 158".
REPEATS = 2
REPEATED_WORDS = 4
_SENTENCE_ENDS = frozenset((".", "!", "?"))
_DIGITS = str.maketrans("0123456789", "0000000000")


@dataclass(frozen=True, slots=True)
class Part:
    """Tokens ``start``..``end`` (end exclusive) of the tokenised body, read by the model
    or not."""

    start: int
    end: int
    read: bool


def parts(doc: Doc, max_tokens: int) -> list[Part]:
    """``doc`` (tokens only) in consecutive parts, ending where the model has read
    ``max_tokens`` tokens or after its last read part; a body with nothing to skip is
    one part (or none when it is empty)."""
    tokens = _Tokens(doc)
    skipped = _number_runs(tokens) | _repeats(tokens)
    read = np.flatnonzero(~skipped)
    cut = int(read[max_tokens]) if len(read) > max_tokens else len(doc)
    kept = skipped[:cut]
    if not cut:
        return []
    starts = [0, *(np.flatnonzero(kept[1:] != kept[:-1]) + 1).tolist()]
    out = [
        Part(start, end, not kept[start])
        for start, end in zip(starts, [*starts[1:], cut], strict=True)
    ]
    while out and not out[-1].read:
        out.pop()
    return out


class _Tokens:
    """What the rules below ask of each token, as arrays over the doc: read from its
    lexemes' attributes (each distinct word looked at once), not from a Token object
    per token, which for 50,000 tokens of "1 1 1" cost a worker a fifth of a second."""

    def __init__(self, doc: Doc) -> None:
        table = doc.to_array(["ORTH", "LOWER", "IS_SPACE"]).reshape(len(doc), 3)
        distinct, which = np.unique(table[:, 0], return_inverse=True)
        texts = [doc.vocab.strings[int(orth)] for orth in distinct]
        self.doc = doc
        self.lower = table[:, 1]
        self.space = table[:, 2].astype(bool)
        self.letter = np.array([_has_letter(t) for t in texts], dtype=bool)[which]
        stop = np.array([t in _SENTENCE_ENDS for t in texts], dtype=bool)[which]
        newline = np.array(["\n" in t for t in texts], dtype=bool)[which]
        self.ends = stop | (self.space & newline)

    def __len__(self) -> int:
        return len(self.space)


def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _runs(flags: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """The maximal runs of True in ``flags``, as (start, end) with end exclusive."""
    edges = np.diff(np.concatenate(([False], flags, [False])).astype(np.int8))
    return list(
        zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True)
    )


def _number_runs(tokens: _Tokens) -> npt.NDArray[np.bool_]:
    """The tokens in runs of NUMBER_RUN or more tokens without a letter (space tokens
    inside a run belong to it)."""
    skipped = np.zeros(len(tokens), dtype=bool)
    counted = np.concatenate(([0], np.cumsum(~tokens.space & ~tokens.letter)))
    for start, end in _runs(tokens.space | ~tokens.letter):
        if counted[end] - counted[start] >= NUMBER_RUN:
            skipped[start:end] = True
    return skipped


def _repeats(tokens: _Tokens) -> npt.NDArray[np.bool_]:
    """The tokens of each sentence of REPEATED_WORDS words or more printed REPEATS times
    before (a sentence ends at . ! ? or a line break)."""
    skipped = np.zeros(len(tokens), dtype=bool)
    if not len(tokens):
        return skipped
    ends = tokens.ends.copy()
    ends[-1] = True
    stops = (np.flatnonzero(ends) + 1).tolist()
    lettered = np.concatenate(([0], np.cumsum(tokens.letter & ~tokens.space)))
    strings = tokens.doc.vocab.strings
    seen: dict[str, int] = {}
    for start, end in zip([0, *stops[:-1]], stops, strict=True):
        if lettered[end] - lettered[start] < REPEATED_WORDS:
            continue
        words = tokens.lower[start:end][~tokens.space[start:end]].tolist()
        shape = " ".join(strings[lower] for lower in words).translate(_DIGITS)
        seen[shape] = seen.get(shape, 0) + 1
        if seen[shape] > REPEATS:
            skipped[start:end] = True
    return skipped
