"""Headings keep listed names only (headings.py)."""

from __future__ import annotations

from tests.ingest.mentions.finding import names, run


def test_heading_lines_only_keep_listed_names() -> None:
    body = "POET DETAINED IN ALMATY\n\n'Scant Respect' For Democratic Standards"
    _, entities = run(body)
    assert names(entities) == {"Almaty"}
