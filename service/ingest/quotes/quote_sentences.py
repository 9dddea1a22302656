"""The sentence around a quote (run on past what the sentence splitter cut off), and
whether the quote fills it (*full*) or is part of it (*partial*)."""

from __future__ import annotations

import bisect
import re

from service.ingest.quotes.cues import CUE_RE, MASK
from service.ingest.quotes.quote_marks import MARKS, QUOTE_WORD, Quote


def sentence_context(
    body: str, bounds: list[tuple[int, int]], q: Quote, p_start: int, p_end: int
) -> tuple[int, int]:
    """The sentence (or run of sentences) around the quote, inside its paragraphs, or
    run on into the next paragraph when that opens with a lower-case word."""
    starts = [b[0] for b in bounds]
    start, end = p_start, p_end
    i = bisect.bisect_right(starts, q.open) - 1
    if i >= 0 and bounds[i][0] <= q.open < bounds[i][1]:
        start = max(bounds[i][0], p_start)
    j = bisect.bisect_right(starts, max(q.close - 1, q.open)) - 1
    if j >= 0 and bounds[j][0] < q.close <= bounds[j][1] + 1:
        end = min(max(bounds[j][1], q.close + 1), p_end)
        while end < p_end and not body[end].isspace():
            end += 1  # closing marks the splitter left outside
        rest = body[q.close + 1 : end].strip(" \t\n" + MARKS + ".,;:!?")
        nxt = j + 1
        # '"We will win." he said' split apart by the sentence splitter; '"Would we have
        # won without him?" Colts coach Bruce Arians asked.', split after the question mark
        if (
            not rest
            and nxt < len(bounds)
            and bounds[nxt][0] < p_end
            and (
                body[bounds[nxt][0]].islower()
                or (
                    body[q.close - 1] in "?!"
                    and not body[start : q.open].strip()
                    and _cue_clause(body, *bounds[nxt])
                )
            )
        ):
            end = min(bounds[nxt][1], p_end)
        elif (
            not rest
            and end >= p_end
            and nxt < len(bounds)
            and body[bounds[nxt][0]].islower()
            and not body[p_end : bounds[nxt][0]].strip()
        ):
            # a paragraph break the layout put inside the sentence ('"... collapse."
            # <break> said Stephen Harper, Prime Minister of Canada.'): no paragraph
            # opens with a lower-case word, so that one ends the quote's sentence
            line_end = body.find("\n", bounds[nxt][0])
            end = bounds[nxt][1] if line_end < 0 else min(bounds[nxt][1], line_end)
            return min(start, q.open), end
    return min(start, q.open), max(end, min(q.close + 1, p_end))


_CUE_CLAUSE_WORDS = 8


def _cue_clause(body: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start``..``end`` opens with a short cue clause: a
    speaker of a few words, then the cue ("Colts interim coach Bruce Arians asked.",
    "Deputy Public Defender Peter Lynch asked Coleman, who ..."), no quote or comma
    before it ("Mr. Mueller planned to ask, according to the list" is no such clause)."""
    cue = CUE_RE.search(body, start, end)
    if cue is None or re.search(f"[{re.escape(MARKS)},;:]", body[start : cue.start()]):
        return False
    return 0 < len(QUOTE_WORD.findall(body, start, cue.start())) <= _CUE_CLAUSE_WORDS


def is_full(before: str, after: str) -> bool:
    """Nothing but a cue clause (or nothing) around the quote in its sentence."""
    head = before.split(MASK)[-1].strip()
    tail = after.split(MASK)[0].strip(" \t\n.,;:!?" + MARKS)
    head_ok = not QUOTE_WORD.search(head) or (head[-1] in ",:" and CUE_RE.search(head) is not None)
    tail_ok = not QUOTE_WORD.search(tail) or CUE_RE.search(tail) is not None
    return head_ok and tail_ok
