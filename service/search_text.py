"""The one bound on search text, for every search both APIs offer.

PostgreSQL turns a search into a query tree whose depth grows with its words: a 1 MB
search string overflowed its stack ("stack depth limit exceeded", answered as an internal
error) after the name keys were computed for every word. People search with a few words
or a pasted sentence; anything longer is refused before any work.
"""

from __future__ import annotations

from service.errors import SearchTooLongError

MAX_SEARCH_CHARS = 500


def bounded_search(text: str | None, *, field: str) -> str | None:
    """`text` unchanged; SearchTooLongError when it is longer than MAX_SEARCH_CHARS."""
    if text is not None and len(text) > MAX_SEARCH_CHARS:
        raise SearchTooLongError(
            f"search text must be at most {MAX_SEARCH_CHARS} characters, got {len(text)}",
            field=field,
        )
    return text
