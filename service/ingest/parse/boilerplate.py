"""Telling story lines from the page furniture around them.

Pure predicates over one stripped line, for ``article.py``. They describe *kinds* of
furniture (a promo teaser ends in "..." after a "CITY, Region:" lead; a caption ends
with a bracketed photo credit) rather than any one outlet's sentences; the few fixed
phrases that are needed live in the tables at the top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

# --- the phrase tables --------------------------------------------------------

# Whole lines of site navigation and chrome, compared case-insensitively.
NAVIGATION_LINES = frozenset(
    {
        "accessibility links",
        "breaking news",
        "skip to main content",
        "skip to content",
        "toggle navigation",
        "menu",
        "search",
        "advertisement",
        "share",
        "share this",
        "share this article",
        "share this story",
        "print",
        "listen to this article",
        "back to top",
        "image",
        "image caption",
        "media caption",
    }
)

# Headings that open the part of a page after the story (related links, comment
# forms): the heading and everything after it is not story. Whole lines only, a
# trailing colon ignored, so "More information about the vote..." stays story.
TRAILER_HEADINGS = frozenset(
    {
        "related",
        "related stories",
        "related articles",
        "related content",
        "related coverage",
        "read more",
        "read next",
        "more stories",
        "more on this story",
        "more information",
        "more details",
        "you may also like",
        "recommended",
        "most read",
        "most popular",
        "leave a reply",
        "leave a comment",
        "comments",
        "share this",
        "share this article",
        "share this story",
    }
)

# Line openings that end the story the same way: copyright and syndication notices,
# agency source notes, comment-form notices.
TRAILER_OPENINGS = re.compile(
    r"^(?:copyright\s*(?:\(c\)|©|\d{4})|©|\(c\)\s*\d{4}|all\s+rights\s+reserved"
    r"|original\s+source\s*:|sources?\s*:|this\s+site\s+uses\s+akismet"
    # WordPress comment threads: '3 thoughts on "..."', "12 Responses to ...", "2 comments"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:thoughts?\s+on|responses?\s+to|comments?\b|replies\s+to))",
    re.IGNORECASE,
)

# A contact line (an e-mail address or a phone number) is the outlet talking, not the story.
# The address's local part starts only where a run of its characters starts (the
# lookbehind): without it, a search retried the rest of a long word from every position
# in it, quadratic (a 30,000-character word took 2.7 s). Same matches, found in one pass.
CONTACT = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+"
    r"|(?:\+\d{1,3}[\s-]?)?(?:\(?\d{3}\)?[\s-]){1,2}\d{3}[\s-]?\d{4}\b"
)

# Openings of one-line promos (newsletters, submissions, inline related links); the
# line goes, the story goes on.
PROMO_OPENINGS = re.compile(
    r"^(?:get\s+a\s+daily\s+dose\b|sign\s+up\s+(?:for|to)\b|subscribe\s+(?:to|now)\b"
    r"|publish\s+news\s+of\s+your\b|follow\s+us\s+on\b|click\s+here\b"
    r"|(?:related|read\s+more|read\s+also|also\s+read|see\s+also|watch|listen)\s*:\s*\S)",
    re.IGNORECASE,
)

# Caption prefixes some outlets print before the caption text (BBC: "Image caption").
CAPTION_PREFIX = re.compile(
    r"^(?:image|media|photo|picture)\s+caption\s*[,:]?\s+|^caption\s*:\s*", re.IGNORECASE
)

# Position and archive notes that only captions carry: "(left)", "(file photo)".
CAPTION_CUE = re.compile(
    r"\((?:left|right|center|centre|top|bottom|front|back|l|r|c|second\s+(?:left|right)"
    r"|file(?:\s+photo|\s+picture|\s+image)?|archive(?:\s+photo)?)\)",
    re.IGNORECASE,
)

# --- predicates -----------------------------------------------------------------

# Sentence-final punctuation, allowing closing quotes and brackets after it.
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)$")
# "CITY, Region: " as a teaser leads with it; a glued label ("More InformationCONCORD,")
# may come first. Only the line's opening is searched (TEASER_LEAD_WINDOW): a search of
# the whole line retried a long run of capitals from each of its letters.
_TEASER_LEAD = re.compile(
    r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*, [A-Z][\w.'’\-]*(?: [\w.'’\-]+){0,3}:\s"
)
_IMAGE_PLACEHOLDER = re.compile(
    r"^[•·*\-\s]*(?:\d+\s*[x×:]\s*\d+\s+)?(?:image|photo|picture|video|gallery|media|audio)s?$",
    re.IGNORECASE,
)
# A photo credit at the end of a caption: "[Ruslan Pryanikov/AFP]", "[File: X/Reuters]",
# "(Photo by X/AFP via Getty Images)". The spaces before it are taken from where their run
# starts (the lookbehind), not retried from each space of a long run.
_BRACKET_CREDIT = re.compile(
    r"(?<!\s)\s*(?:\[(?P<square>[^\[\]]{2,80})\]|\((?P<round>(?:photo|picture|image)\s*(?:by|:)[^()]{2,80})\))$",
    re.IGNORECASE,
)
# "Picture credit: Wikimedia", "Photo: Reuters", "Image source, Getty Images": the
# credit runs to the end of the line and is short and unpunctuated.
_CREDIT_TAIL = re.compile(
    r"(?:^|(?<=[\s.|–—-]))(?:(?:picture|photo(?:graph)?|image)\s*(?:credit|copyright|source)?"
    r"|credit)\s*[:,]\s*(?P<credit>[^.!?:]{2,60})$"
    r"|(?:^|(?<=[\s.|–—-]))image\s+copyright\s+(?P<credit2>[^.!?:]{2,60})$",
    re.IGNORECASE,
)
_PHOTO_WORDS = re.compile(r"^(?:file|photo|pic|picture|image|getty|afp|ap|reuters)\b", re.I)
_WORD = re.compile(r"\S+")

SHORT_LABEL_MAX_WORDS = 8
# A teaser lead starts within the first 30 characters; a place, region and colon longer
# than this is no lead.
TEASER_LEAD_WINDOW = 200


def ends_sentence(line: str) -> bool:
    """Whether the line ends like a sentence (or a lead-in to a quote)."""
    return _TERMINAL.search(line) is not None


def word_count(line: str, *, up_to: int) -> int:
    """The words of ``line``, counted no further than ``up_to + 1``: enough to compare
    with ``up_to`` or less, and a 1 MiB line costs no more than a short one."""
    return sum(1 for _ in islice(_WORD.finditer(line), up_to + 1))


def is_navigation(line: str) -> bool:
    return (
        line.casefold().rstrip(":") in NAVIGATION_LINES
        or _IMAGE_PLACEHOLDER.match(line) is not None
    )


def is_contact_line(line: str) -> bool:
    """Short lines carrying an e-mail address or phone number ("Email tips@... or call ...")."""
    return word_count(line, up_to=30) <= 30 and CONTACT.search(line) is not None


def is_promo(line: str) -> bool:
    return PROMO_OPENINGS.match(line) is not None


def opens_trailer(line: str) -> bool:
    """A heading or notice after which nothing is story."""
    heading = line.casefold().rstrip(": ").strip()
    return heading in TRAILER_HEADINGS or TRAILER_OPENINGS.match(line) is not None


def ends_in_ellipsis(line: str) -> bool:
    return _ELLIPSIS_END.search(line) is not None


def has_teaser_lead(line: str) -> bool:
    """ "DUBAI, U.A.E.: A cargo ship ..." (possibly after a glued label)."""
    found = _TEASER_LEAD.search(line[:TEASER_LEAD_WINDOW])
    return found is not None and found.start() <= 30


# A quotation that opens the line and closes on a comma or a mark of its own, with words
# after it: '"It's significant that it was lost," he said', the speaker's attribution.
_ATTRIBUTED_QUOTE = re.compile(r"^[\"“][^\"“”]+[,?!][\"”]\s+\w")


def is_short_label(line: str) -> bool:
    """A few words with no sentence ending: a crosshead ("POET DETAINED"), an image's alt
    text ("Police officers Kazakhstan") or a picture label ("Kassym-Jomart Tokayev").
    Never a quotation and who spoke it that lost its full stop ('"It's significant that
    it was lost," he said'; '"I don't want six reasons," Coburn says,'): a crosshead
    may quote words ("'Scant Respect' For Democratic Standards"), but does not end them
    on a comma and then name their speaker."""
    return (
        word_count(line, up_to=SHORT_LABEL_MAX_WORDS) <= SHORT_LABEL_MAX_WORDS
        and not ends_sentence(line)
        and _ATTRIBUTED_QUOTE.match(line) is None
    )


@dataclass(frozen=True, slots=True)
class CaptionSplit:
    caption: str | None  # the caption text without its credit; None for a bare credit
    had_credit: bool
    had_prefix: bool


def split_caption(line: str) -> CaptionSplit:
    """Take a caption prefix and a trailing photo credit off a line."""
    text = line
    prefix = CAPTION_PREFIX.match(text)
    if prefix is not None:
        text = text[prefix.end() :]
    had_credit = False
    bracket = _BRACKET_CREDIT.search(text)
    if bracket is not None and _looks_like_credit(bracket["square"], bracket["round"]):
        text, had_credit = text[: bracket.start()], True
    else:
        tail = _CREDIT_TAIL.search(text)
        if tail is not None:
            text, had_credit = text[: tail.start()], True
    text = text.rstrip(" \t|–—-").strip()
    return CaptionSplit(caption=text or None, had_credit=had_credit, had_prefix=prefix is not None)


def _looks_like_credit(square: str | None, round_: str | None) -> bool:
    if round_ is not None:
        return True
    assert square is not None
    # "[Ruslan Pryanikov/AFP]", "[File: ...]"; not an editorial "[sic]" or "[the president]".
    return "/" in square or _PHOTO_WORDS.match(square.strip()) is not None


def has_caption_cue(line: str) -> bool:
    return CAPTION_CUE.search(line) is not None
