"""The first numbers of copy dense with them, found without reading all of it (issue 19).

``find_numbers`` reads the whole body (up to extraction's MAX_READ characters) with
every rule before it stops at its limit: dates and clock times to exclude, ages and
fractions in words, scores, model names. For a body that prints more numbers than the
figure stage keeps (a table, a dump of bare numbers) most of that reading finds nothing
that is kept: in 100,000 characters of "1 1 1", the 500 numbers kept end at character
1,000. Real copy never prints that many (the gold articles at most 18, a long results
story a few hundred), so for it nothing changes.
"""

from __future__ import annotations

from service.ingest.figures.number_match import NumberMatch
from service.ingest.figures.numbers import find_numbers

# Characters read past the last number kept from a head, so that each number kept has all
# the context its rules read (at most 60 characters before it, a range or scale after it),
# with a wide margin: a number near the cut could read as another one.
MARGIN = 1_000
# The heads tried: this many characters per number wanted (plus MARGIN), each only if it
# prints at least as many digits as numbers are wanted.
CHARACTERS_PER_NUMBER = (10, 40)
_DIGITS = "0123456789"


def first_numbers(body: str, limit: int) -> tuple[NumberMatch, ...]:
    """``find_numbers(body, limit)``, read from the shortest head of ``body`` that holds
    ``limit`` numbers clear of its end, when one of the heads tried does; else (all real
    copy) from the whole body, as before."""
    for per_number in CHARACTERS_PER_NUMBER:
        cut = per_number * limit + MARGIN
        if len(body) <= cut:
            break
        head = body[:cut]
        if sum(head.count(digit) for digit in _DIGITS) < limit:
            continue  # prose: fewer digits than numbers wanted
        found = find_numbers(head, limit)[:limit]
        if len(found) == limit and found[-1].span.end <= cut - MARGIN:
            return found
    return find_numbers(body, limit)
