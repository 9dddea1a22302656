"""CMS pages through the intake and the parse stage: the whole story, none of the chrome.

The pages in fixtures/cms/ are ours (see its README): each wraps a story in a cookie
banner, site header, nav, share bars, a "Read more" box in the middle of the story,
related links and footers, as CMS templates do.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from service.config import REPO_ROOT
from service.ingest.intake import take_copy
from service.ingest.model import ArticleMeta, ParsedArticle
from service.ingest.parse.article import parse_article
from service.ingest.parse.html_story import extract_story

PAGES = Path(__file__).parents[1] / "fixtures" / "cms"


@dataclass(frozen=True)
class Page:
    file: str
    headline: str
    standfirst: str | None
    bylines: tuple[str, ...]
    published_at: dt.datetime
    captions: tuple[str, ...]
    paragraphs: tuple[str, ...]  # every paragraph of the story, quotes included, in order
    chrome: tuple[str, ...]  # text of the page around the story


HARBOUR = Page(
    file="harbour-fire.html",
    headline="Fire destroys 40 boats in Port Ellery harbour",
    standfirst=None,
    bylines=("Maria Keane",),
    published_at=dt.datetime(2026, 11, 17, 9, 30, tzinfo=dt.UTC),
    captions=("Firefighters worked through the night as 40 boats burned at the north quay.",),
    paragraphs=(
        "A fire that broke out in Port Ellery harbour late on Monday destroyed 40 boats and "
        "damaged the fish market, the county fire service said on Tuesday.",
        "Crews from six stations fought the blaze for more than nine hours. Nobody was hurt, "
        "but two fishermen were treated for smoke inhalation, the service said.",
        "The harbour master, Colin Reid, said the damage would cost at least £3 million to "
        "repair and that the north quay would stay closed for a month.",
        "\u201cSome of these families have fished from this harbour for four generations, and "
        "tonight they lost their boats,\u201d Reid said.",
        "The cause of the fire is not yet known. Police said they were keeping an open mind "
        "and asked anyone with footage to come forward.",
    ),
    chrome=(
        "The Coastal Ledger",
        "News from the north coast",
        "cookies",
        "Politics",
        "Photos of the week",
        "Subscribe",
        "Share on",
        "Email this story",
        "Read more",
        "Harbour dredging plan",
        "Fish market reopens",
        "Related stories",
        "Lifeboat crew honoured",
        "Most read",
        "Cannery to add 120 jobs",
        "newsletter",
        "Tagged",
        "All rights reserved",
        "Privacy policy",
        "Smoke over the harbour",  # the picture's alt text is not its caption
    ),
)

COUNCIL = Page(
    file="council-vote.html",
    headline="Council votes to close two libraries",
    standfirst=(
        "Campaigners say the decision will leave 9,000 people without a library within "
        "walking distance."
    ),
    bylines=("Tom Aldous",),
    published_at=dt.datetime(2026, 10, 3, 17, 5, tzinfo=dt.UTC),
    captions=("About 300 residents protested outside County Hall before the vote.",),
    paragraphs=(
        "Midshire County Council has voted to close the libraries in Ashby Green and "
        "Wellford to save £420,000 a year.",
        "Councillors backed the plan by 31 votes to 24 after a debate that lasted more than "
        "three hours on Thursday evening.",
        "Council leader Priya Natarajan said the authority had no choice. \u201cWe have "
        "protected every statutory service, but we cannot keep every building open,\u201d "
        "she told the meeting.",
        "Opposition councillor Gareth Lowe called the vote a betrayal of the county's "
        "poorest families.",
        "\u201cClosing Wellford library takes away the only warm, free place many people "
        "here have,\u201d Lowe said.",
        "The libraries will close in April. The council said it would open a mobile library "
        "service visiting both villages once a week.",
    ),
    chrome=(
        "Midshire Herald",
        "cookie",
        "Crime",
        "Weather",
        "Puzzles",
        "Home",
        "WhatsApp",
        "Copy link",
        "Read more",
        "budget gap",
        "Sign up",
        "Topics",
        "Trending",
        "Storm warning",
        "Advertisement",
        "Northway Media",
        "Local Democracy Reporter",
    ),
)


def _parsed(page: Page) -> ParsedArticle:
    html = (PAGES / page.file).read_text(encoding="utf-8")
    copy = take_copy(html, max_bytes=1_000_000)
    return parse_article(copy.text, copy.described(ArticleMeta()))


# Chrome that is no text of the page (a picture's alt text).
UNSHOWN = frozenset({"Smoke over the harbour"})


@pytest.mark.parametrize("page", [HARBOUR, COUNCIL], ids=lambda page: page.file)
def test_every_paragraph_of_the_story_survives_in_order(page: Page) -> None:
    parsed = _parsed(page)
    assert parsed.body.split("\n\n") == list(page.paragraphs)


@pytest.mark.parametrize("page", [HARBOUR, COUNCIL], ids=lambda page: page.file)
def test_headline_byline_date_and_captions_are_kept_apart(page: Page) -> None:
    parsed = _parsed(page)
    assert parsed.headline == page.headline
    assert parsed.standfirst == page.standfirst
    assert parsed.bylines == page.bylines
    assert parsed.published_at == page.published_at
    assert parsed.captions == page.captions
    for caption in page.captions:
        assert caption not in parsed.body


@pytest.mark.parametrize("page", [HARBOUR, COUNCIL], ids=lambda page: page.file)
def test_nothing_of_the_chrome_gets_in(page: Page) -> None:
    parsed = _parsed(page)
    kept = [parsed.body, parsed.headline or "", parsed.standfirst or "", *parsed.captions]
    for chrome in page.chrome:
        for text in kept:
            assert chrome.casefold() not in text.casefold(), (chrome, text)


@pytest.mark.parametrize("page", [HARBOUR, COUNCIL], ids=lambda page: page.file)
def test_the_chrome_is_kept_apart_as_removed_lines(page: Page) -> None:
    """What trafilatura leaves out of a page is stored with the lines the parse stage
    removes (the article's removedLines), and nothing of the story is among them."""
    removed = _parsed(page).removed
    for chrome in set(page.chrome) - UNSHOWN:
        assert any(chrome.casefold() in line.casefold() for line in removed), chrome
    for text in (page.headline, *page.paragraphs, *page.captions):
        assert all(text not in line for line in removed), text


def test_a_caption_in_the_site_chrome_is_no_caption_of_the_story() -> None:
    page = (PAGES / HARBOUR.file).read_text(encoding="utf-8")
    # A nav item and a sidebar picture, each marked up as captions.
    page = page.replace(
        '<li><a href="/sport/">Sport</a></li>',
        "<li><figure><figcaption>Sport pictures</figcaption></figure></li>",
    ).replace(
        "<h2>Most read</h2>",
        '<h2>Most read</h2><p class="wp-caption-text">Cannery workers on the line</p>',
    )
    story = extract_story(page)
    assert story is not None
    assert story.captions == HARBOUR.captions


def test_a_fragment_too_small_to_judge_is_kept_whole() -> None:
    fragment = "<p>Police detained 500 people in Almaty on Monday, officials said.</p>"
    assert extract_story(fragment) is None
    copy = take_copy(fragment, max_bytes=1000)
    assert copy.text == "Police detained 500 people in Almaty on Monday, officials said.\n"


def test_reading_a_page_calls_no_babel() -> None:
    # The image drops Babel's locale data (Dockerfile): courlan, through trafilatura,
    # checks URL path segments with Babel only when filtering links by language, which
    # the intake never asks for. A missing locale would go unnoticed there (courlan takes
    # UnknownLocaleError as no evidence), so the probe fails on any call into Babel.
    probe = REPO_ROOT / "tests" / "babel_probe.py"
    pages = sorted(str(page) for page in PAGES.glob("*.html"))
    run = subprocess.run(
        [sys.executable, str(probe), *pages], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{len(pages) + 1} pages read" in run.stderr
