"""One door for copy, whoever brings it (REST, the GraphQL mutation, the CLI, the seed
loader): the size cap and markup turned to text, the same way every time, before the
pipeline reads it. So the same copy makes the same article whichever way it arrives.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.errors import FactdeskError
from service.ingest.html_text import html_to_text, looks_like_html


class ArticleTooLargeError(FactdeskError):
    """The copy is larger than FACTDESK_MAX_ARTICLE_BYTES."""

    code = "article_too_large"


@dataclass(frozen=True, slots=True)
class Copy:
    text: str
    converted_from_html: bool


def take_copy(text: str, *, max_bytes: int, html: bool = False) -> Copy:
    """``text`` within the size cap, as plain text: markup (declared by ``html``, or
    recognised) is cleaned to its story text, never refused."""
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise ArticleTooLargeError(f"the text must be at most {max_bytes} bytes", field="text")
    if html or looks_like_html(text):
        return Copy(html_to_text(text), converted_from_html=True)
    return Copy(text, converted_from_html=False)
