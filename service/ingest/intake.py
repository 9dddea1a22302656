"""One door for copy, whoever brings it (REST, the GraphQL mutation, the CLI, the seed
loader): bytes decoded, the size cap and markup turned to text, the same way every time,
before the pipeline reads it. So the same copy makes the same article whichever way it
arrives, and is refused with the same words.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, replace

from service.errors import FactdeskError
from service.ingest.model import ArticleMeta
from service.ingest.parse.html_story import extract_story
from service.ingest.parse.html_text import html_to_text, looks_like_html, page_lines


class ArticleTooLargeError(FactdeskError):
    """The copy is larger than FACTDESK_MAX_ARTICLE_BYTES."""

    code = "article_too_large"


class InvalidEncodingError(FactdeskError):
    """The bytes are not UTF-8."""

    code = "invalid_encoding"


def decode_copy(raw: bytes) -> str:
    """``raw`` (a request body, a file, stdin) as text: UTF-8, else refused with where it
    breaks. The only encoding taken: REST refuses another declared charset before this."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidEncodingError(
            f"not valid UTF-8 (byte {error.start}); send text encoded as UTF-8", field="text"
        ) from None


@dataclass(frozen=True, slots=True)
class Copy:
    text: str
    converted_from_html: bool
    # A page's lines the story leaves out (header, nav, asides, share bars, footer), kept
    # as the parse stage keeps the boilerplate lines it takes off plain copy.
    chrome: tuple[str, ...] = ()

    def described(self, meta: ArticleMeta) -> ArticleMeta:
        """`meta` with the page chrome intake removed, for the pipeline to store."""
        return replace(meta, removed=self.chrome) if self.chrome else meta


def take_copy(text: str, *, max_bytes: int, html: bool = False) -> Copy:
    """``text`` within the size cap, as plain text: markup (declared by ``html``, or
    recognised) is cleaned to its story text, never refused."""
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise ArticleTooLargeError(f"the text must be at most {max_bytes} bytes", field="text")
    if html or looks_like_html(text):
        copy = html_to_copy(text)
        return Copy(copy, converted_from_html=True, chrome=page_chrome(text, copy))
    return Copy(text, converted_from_html=False)


async def take_copy_off_loop(text: str, *, max_bytes: int, html: bool = False) -> Copy:
    """``take_copy`` for the servers: a page is extracted in a worker thread, since a
    large one takes CPU time the event loop (and ``/healthz``) must not wait for."""
    if html or looks_like_html(text):
        return await asyncio.to_thread(take_copy, text, max_bytes=max_bytes, html=True)
    return take_copy(text, max_bytes=max_bytes)


def html_to_copy(page: str) -> str:
    """A page's story laid out as copy by trafilatura; a fragment too small for it to
    judge (a few paragraphs with no page around them) is kept whole, as text."""
    story = extract_story(page)
    return story.as_copy() if story is not None else html_to_text(page)


def page_chrome(page: str, copy: str) -> tuple[str, ...]:
    """The page's lines of text (one per block, navigation included) that are nowhere in
    `copy`, each once, in page order: what trafilatura left out."""
    kept = " ".join(copy.split())
    chrome: list[str] = []
    for text in page_lines(page):
        # Whole words only: a nav item "Home" is not kept by "Homeland" in the story.
        if text and text not in chrome and not re.search(_whole(text), kept):
            chrome.append(text)
    return tuple(chrome)


def _whole(text: str) -> str:
    return rf"(?<!\w){re.escape(text)}(?!\w)"
