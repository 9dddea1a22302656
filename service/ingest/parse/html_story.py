"""A CMS page's story, with trafilatura doing the hard part: finding the main text.

Pages wrap a story in chrome (site header, nav, cookie banners, share bars, "Read more"
boxes, related links, footers). trafilatura is a maintained extractor built for exactly
this; we keep only what it gives and lay it out as the copy the parse stage already
reads, so a page and its plain-text twin make the same article and stored copy stays
self-describing:

    headline
    standfirst (when the page marks one)
    By <authors>
    Published: <ISO time>
    Caption: <each figure caption>
    <one story paragraph per line>

Captions come from the page's own markup (``figcaption`` and elements classed as
captions) inside the story, never from navigation, headers, asides or footers, and
trafilatura's body is read with them taken out, so a caption is never body text too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
# Where chrome lives: nothing under these is a caption of the story.
_CHROME = frozenset({"nav", "footer", "aside", "form", "menu", "dialog"})
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
_STANDFIRST_CLASS = re.compile(r"standfirst|\bdek\b|subhead|summary|\blede\b", re.IGNORECASE)
# trafilatura's body elements that hold lines of their own.
_CONTAINERS = frozenset({"quote", "list", "table", "row", "div", "body"})
_SKIPPED = frozenset({"graphic", "lb"})
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


@dataclass(frozen=True, slots=True)
class Story:
    """What a page says, each part apart."""

    headline: str | None
    standfirst: str | None
    authors: tuple[str, ...]
    published: str | None  # ISO 8601, as the page states it (a date, or a time with zone)
    captions: tuple[str, ...]
    paragraphs: tuple[str, ...]

    def as_copy(self) -> str:
        """The story laid out as plain copy (see the module docstring)."""
        lines: list[str] = []
        if self.headline:
            lines.append(self.headline)
        if self.standfirst:
            lines.append(self.standfirst)
        if self.authors:
            lines.append("By " + _join_names(self.authors))
        if self.published:
            lines.append(f"Published: {self.published}")
        lines.extend(f"Caption: {caption}" for caption in self.captions)
        lines.extend(self.paragraphs)
        return "\n\n".join(lines) + "\n"


def extract_story(page: str) -> Story | None:
    """The page's story, or ``None`` when trafilatura finds no main text (a fragment too
    small to judge, or a page of chrome only)."""
    # Imported on first use: it brings dateparser, htmldate and more (a third of a second
    # per process), which serve's start-up and extraction workers that never see HTML
    # should not pay.
    import trafilatura
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        date_extraction_params={"original_date": True, "outputformat": _DATE_FORMAT},
    )
    if not isinstance(document, Document) or document.body is None:
        return None
    headline = _clean(document.title or "") or None
    captions = _page_captions(page)
    standfirst: str | None = None
    paragraphs: list[str] = []
    for element, line in _body_lines(document.body):
        if headline is not None and not paragraphs and line == headline:
            continue  # the headline printed again at the top of the body
        if line in captions or _CAPTION_CLASS.search(element.get("class") or ""):
            if line not in captions:
                captions.append(line)
            continue
        if standfirst is None and _STANDFIRST_CLASS.search(element.get("class") or ""):
            standfirst = line
            continue
        paragraphs.append(line)
    if not paragraphs:
        return None
    return Story(
        headline=headline,
        standfirst=standfirst,
        authors=_authors(document.author),
        published=_clean(document.date or "") or None,
        captions=tuple(captions),
        paragraphs=tuple(paragraphs),
    )


def _body_lines(body: etree._Element) -> list[tuple[etree._Element, str]]:
    """Each paragraph-like element of trafilatura's body with its text, in order."""
    found: list[tuple[etree._Element, str]] = []
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            continue
        if tag in _CONTAINERS and any(isinstance(child.tag, str) for child in element):
            found.extend(_body_lines(element))
            continue
        line = _clean("".join(element.itertext()))
        if line:
            found.append((element, line))
    return found


def _page_captions(page: str) -> list[str]:
    """Figure captions printed inside the page's story (not in its chrome), in order."""
    try:
        root = html.fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    captions: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        is_caption = element.tag == "figcaption" or (
            _CAPTION_CLASS.search(element.get("class") or "") is not None
        )
        if not is_caption or _in_chrome(element):
            continue
        text = _clean(element.text_content())
        if text and text not in captions:
            captions.append(text)
    return captions


def _in_chrome(element: etree._Element) -> bool:
    """Under a nav, footer, aside or form, or a header that is the site's (not the
    article's own)."""
    in_article = False
    for ancestor in element.iterancestors():
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in ("article", "main"):
            in_article = True
        if tag in _CHROME or ancestor.get("role") == "navigation":
            return True
        if tag == "header" and not in_article and _outside_article(ancestor):
            return True
    return False


def _outside_article(header: etree._Element) -> bool:
    return not any(
        isinstance(a.tag, str) and a.tag in ("article", "main") for a in header.iterancestors()
    )


def _authors(value: str | None) -> tuple[str, ...]:
    """trafilatura joins several authors with "; "."""
    if not value:
        return ()
    return tuple(name for name in (_clean(part) for part in value.split(";")) if name)


def _join_names(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
