"""Helpers for the desk's HTTP tests: fetch a page, read it as HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import httpx


async def page(client: httpx.AsyncClient, path: str, **params: str) -> str:
    """The page at `path`, which must be a 200 HTML answer."""
    response = await client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    return response.text


def hrefs(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({re.escape(prefix)}[^"]*)"', html)


# Elements with no end tag: inside a wanted element they start a word but open no level.
VOID = frozenset({"br", "hr", "img", "input", "link", "meta", "source", "wbr"})


class _Text(HTMLParser):
    def __init__(self, selector_class: str) -> None:
        super().__init__()
        self.wanted = selector_class
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += tag not in VOID
            self.found[-1] += " "  # an element inside starts a new word
        elif self.wanted in classes:
            self.depth = 1
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found[-1] += data


def texts_of(html: str, css_class: str) -> list[str]:
    """The text of every element with the class `css_class` (entities decoded)."""
    parser = _Text(css_class)
    parser.feed(html)
    return [" ".join(t.split()) for t in parser.found]
