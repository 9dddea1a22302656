"""HTML sent as copy is cleaned to plain text rather than refused.

Newsroom systems push CMS HTML; refusing it would make every client write its own
converter. The standard library's parser is deterministic and needs nothing downloaded:
script, style and other non-content elements are dropped, block elements become line
breaks (one paragraph per line, which is what the parse stage reads), entities are
unescaped and runs of whitespace collapse to one space.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_UNREAD = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
)
# A fragment's navigation is no part of its story; a page's is part of its chrome.
_SKIPPED = _UNREAD | {"nav"}
_BLOCKS = frozenset(
    {
        *("p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer"),
        *("aside", "nav", "main", "figure", "figcaption", "table", "tr", "td", "th"),
        *("caption", "address", "form", "fieldset", "html", "body", "title"),
    }
)
# Opening or closing tags that prose does not contain by accident.
_TAG = re.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|p|div|br|script|style|article|section|span|"
    r"h[1-6]|a|li|ul|ol|table|tr|td|meta|link|em|strong|b|i|figure|figcaption)\b[^<>]*)>",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def looks_like_html(text: str) -> bool:
    """Markup rather than prose: starts with a tag, or carries two or more HTML tags."""
    head = text.lstrip()[:200]
    if head.startswith("<") and _TAG.match(head) is not None:
        return True
    return len(_TAG.findall(text, 0, 200_000)) >= 2


class _TextCollector(HTMLParser):
    def __init__(self, skipped: frozenset[str] = _SKIPPED) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped = skipped
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skipping: list[str] = []

    def _break(self) -> None:
        line = _SPACES.sub(" ", "".join(self._current)).strip()
        if line:
            self.lines.append(line)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.skipped:
            self._skipping.append(tag)
        elif tag in _BLOCKS and not self._skipping:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS and not self._skipping:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipped:
            if tag in self._skipping:
                # Close up to the matching tag: unbalanced markup must not hide the rest.
                while self._skipping and self._skipping.pop() != tag:
                    pass
        elif tag in _BLOCKS and not self._skipping:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)


def html_to_text(html: str) -> str:
    """Story text of an HTML document or fragment, one paragraph per line."""
    lines = _lines(html, _SKIPPED)
    return "\n".join(lines) + ("\n" if lines else "")


def page_lines(html: str) -> list[str]:
    """Every line of text a page shows, one per block, navigation included."""
    return _lines(html, _UNREAD)


def _lines(html: str, skipped: frozenset[str]) -> list[str]:
    collector = _TextCollector(skipped)
    # A comment never closed hides the rest of the page from a browser; the parser would
    # hand it back as text instead.
    opened = html.rfind("<!--")
    if opened != -1 and html.find("-->", opened) == -1:
        html = html[:opened]
    collector.feed(html)
    collector.close()
    collector._break()
    return collector.lines
