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

from spacy.tokens import Doc, Token

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
    skipped = _number_runs(doc) | _repeats(doc)
    cut, read = len(doc), 0
    for i in range(len(doc)):
        if i not in skipped:
            if read == max_tokens:
                cut = i
                break
            read += 1
    out: list[Part] = []
    start = 0
    for i in range(1, cut + 1):
        if i == cut or (i in skipped) != (start in skipped):
            out.append(Part(start, i, start not in skipped))
            start = i
    while out and not out[-1].read:
        out.pop()
    return out


def _has_letter(token: Token) -> bool:
    return any(c.isalpha() for c in token.text)


def _number_runs(doc: Doc) -> set[int]:
    """Indices of the tokens in runs of NUMBER_RUN or more tokens without a letter (space
    tokens inside a run belong to it)."""
    skipped: set[int] = set()
    run: list[int] = []
    counted = 0
    for token in [*doc, None]:
        if token is not None and (token.is_space or not _has_letter(token)):
            run.append(token.i)
            counted += not token.is_space
            continue
        if counted >= NUMBER_RUN:
            skipped.update(run)
        run, counted = [], 0
    return skipped


def _repeats(doc: Doc) -> set[int]:
    """Indices of the tokens of each sentence of REPEATED_WORDS words or more printed
    REPEATS times before (a sentence ends at . ! ? or a line break)."""
    skipped: set[int] = set()
    seen: dict[str, int] = {}
    sentence: list[Token] = []
    for token in doc:
        sentence.append(token)
        last = token.i == len(doc) - 1
        if not (token.text in _SENTENCE_ENDS or (token.is_space and "\n" in token.text) or last):
            continue
        words = [t for t in sentence if not t.is_space]
        if sum(_has_letter(t) for t in words) >= REPEATED_WORDS:
            shape = " ".join(t.lower_ for t in words).translate(_DIGITS)
            seen[shape] = seen.get(shape, 0) + 1
            if seen[shape] > REPEATS:
                skipped.update(t.i for t in sentence)
        sentence = []
    return skipped
