"""The parse stage: raw copy in, story text apart from everything around it.

``parse_article`` reads the copy line by line. Every non-blank line is one paragraph
(feeds put one paragraph per line); a line repeated back to back is one line seen
twice, which is how pages print captions and headlines. The lines above the story
give the headline, standfirst, furniture and dateline; then come story paragraphs,
with captions, crossheads and promos taken out; a trailer (credits, copyright,
"Original source:", related links, comment forms) ends the story, and is read only
for what it says about the copy's source and authors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum, auto

from service.errors import EmptyArticleError, InvalidArticleError
from service.ingest.model import ArticleMeta, ParsedArticle
from service.ingest.parse import boilerplate as bp
from service.ingest.parse.identity import content_hash, story_hash
from service.ingest.parse.metadata import (
    match_byline,
    match_credit_line,
    match_dateline,
    match_original_source,
    match_outlet_label,
    match_post_meta,
    match_timestamp,
)

__all__ = ["content_hash", "parse_article"]

# Control characters that plain text does not carry (tab, LF and CR excepted), lone
# surrogates and the replacement character that marks undecodable bytes.
_NON_TEXT = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")
# More than one such character in fifty is a binary blob or a mis-decoded file; a
# stray form feed in a long article is not.
_NON_TEXT_MAX_SHARE = 1 / 50
_EDGE_INVISIBLES = "\u200b\u200c\u200d\u2060\ufeff"
_CAPTION_MAX_WORDS = 25
# A line longer than this is a paragraph, never a caption: its credit and prefix are not
# looked for (on a 1 MiB line that was most of the parse).
_CAPTION_MAX_CHARS = 2_000
_STANDFIRST_MIN_WORDS = 6
_HEADLINE_MAX_WORDS = 20
_HEADLINE_MAX_CHARS = 160
_DERIVED_HEADLINE_CHARS = 100
_UNFINISHED_TITLE = re.compile(r"[.,;:…][\"'”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")
# Words whose full stop ends no sentence ("Mr. Tokayev", "Jan. 9").
_ABBREVIATIONS = frozenset(
    {
        *("mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt"),
        *("sgt", "prof", "jr", "sr", "no", "vs", "inc", "co", "corp", "ltd"),
        *("jan", "feb", "aug", "sept", "oct", "nov", "dec"),
    }
)


def parse_article(text: str, meta: ArticleMeta | None = None) -> ParsedArticle:
    """Split raw copy into headline, standfirst, dateline, bylines, body and captions.

    Values in ``meta`` win over what the copy says for headline, outlet, published time
    and original source. Raises ``InvalidArticleError`` for text that is not text and
    ``EmptyArticleError`` when no story text remains once the furniture is gone.
    """
    _reject_non_text(text)
    reading = _Reader(_collapse_repeats(_normalise_line_endings(text))).read()
    if not reading.paragraphs and reading.standfirst is not None:
        # Copy whose only sentence stood where a standfirst stands: it is the story.
        reading.paragraphs.append(reading.standfirst)
        reading.standfirst = None
    if not reading.paragraphs:
        raise EmptyArticleError("no story text left after removing boilerplate", field="text")
    body = "\n\n".join(reading.paragraphs)
    captions = _unique(reading.captions)
    meta = meta or ArticleMeta()
    return ParsedArticle(
        raw_text=text,
        content_hash=content_hash(text),
        story_hash=story_hash(reading.dateline, reading.standfirst, captions, body),
        headline=meta.headline or reading.headline or headline_from_body(body),
        standfirst=reading.standfirst,
        dateline=reading.dateline,
        bylines=_unique(reading.bylines),
        body=body,
        captions=captions,
        original_source=meta.original_source or reading.original_source,
        outlet=meta.outlet or reading.outlet,
        published_at=meta.published_at or reading.published_at,
        removed=(*meta.removed, *reading.removed),
    )


def headline_from_body(body: str) -> str:
    """The body's first sentence, cut at a word boundary near 100 characters."""
    first = body.split("\n\n", 1)[0]
    for end in _SENTENCE_END.finditer(first):
        before = first[: end.start()].rsplit(None, 1)[-1].rstrip(".").casefold()
        if len(before) > 1 and "." not in before and before not in _ABBREVIATIONS:
            first = first[: end.start() + 1]
            break
    sentence = first.strip().rstrip(".")
    if len(sentence) <= _DERIVED_HEADLINE_CHARS:
        return sentence
    cut = sentence[: _DERIVED_HEADLINE_CHARS + 1].rsplit(None, 1)[0]
    return cut.rstrip(",;:—–- ") + "…"


def _unique(values: list[str]) -> tuple[str, ...]:
    """Each value once, first spelling kept ("JIM HEINTZ" at the top, "Jim Heintz" at the end)."""
    first: dict[str, str] = {}
    for value in values:
        first.setdefault(value.casefold(), value)
    return tuple(first.values())


def _reject_non_text(text: str) -> None:
    if not isinstance(text, str):
        raise InvalidArticleError("article text must be a string", field="text")
    if "\x00" in text:
        raise InvalidArticleError("article text contains NUL bytes", field="text")
    if not text.strip():
        raise EmptyArticleError("article text is empty", field="text")
    odd = len(_NON_TEXT.findall(text))
    if odd and odd > len(text) * _NON_TEXT_MAX_SHARE:
        raise InvalidArticleError(
            f"article text is not text: {odd} control or undecodable characters", field="text"
        )


def _normalise_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # stripped of whitespace at its edges, otherwise as in the copy
    repeated: bool  # printed twice or more in a row (blank lines between allowed)


def _collapse_repeats(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for raw in text.split("\n"):
        stripped = raw.strip().strip(_EDGE_INVISIBLES).strip()
        if not stripped:
            continue
        if lines and lines[-1].text == stripped:
            lines[-1] = _Line(stripped, repeated=True)
        else:
            lines.append(_Line(stripped, repeated=False))
    return lines


class _Section(Enum):
    HEADER = auto()  # above the story: headline, standfirst, pictures, dateline
    BODY = auto()
    TRAILER = auto()  # after the story: read for sources and credits only


@dataclass
class _Reading:
    headline: str | None = None
    standfirst: str | None = None
    dateline: str | None = None
    bylines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    outlet: str | None = None
    published_at: dt.datetime | None = None
    # Where the copy names its original source, strongest first.
    stated_source: str | None = None  # "Original source: REUTERS"
    dateline_source: str | None = None  # "ALMATY (Reuters)"
    republished_from: str | None = None  # "Republished with the permission of ..."
    # Lines left out of the story: furniture, labels, bare credits, the trailer.
    removed: list[str] = field(default_factory=list)

    @property
    def original_source(self) -> str | None:
        return self.stated_source or self.dateline_source or self.republished_from


class _Reader:
    def __init__(self, lines: list[_Line]) -> None:
        self._lines = lines
        self._section = _Section.HEADER
        self._after_label = False  # the previous line was a short label (alt text, crosshead)
        self._dateline_alone = False  # a dateline line was read; the story starts next
        self._found = _Reading()

    def read(self) -> _Reading:
        for index, line in enumerate(self._lines):
            if self._section is _Section.TRAILER:
                self._read_trailer(line.text)
                self._found.removed.append(line.text)
                continue
            was_label, self._after_label = self._after_label, False
            if self._read_furniture(index, line):
                self._found.removed.append(line.text)
            else:
                self._read_text(index, line, after_label=was_label)
        return self._found

    def _next(self, index: int) -> _Line | None:
        return self._lines[index + 1] if index + 1 < len(self._lines) else None

    def _read_furniture(self, index: int, line: _Line) -> bool:
        """Lines that are furniture wherever they stand. True when the line was used up."""
        text, found = line.text, self._found
        if (
            bp.is_navigation(text)
            or bp.is_promo(text)
            or bp.is_contact_line(text)
            or self._is_teaser(index)
        ):
            return True
        post = match_post_meta(text)
        if post is not None:
            post_stamp, people = post
            if post_stamp is not None:
                found.published_at = found.published_at or post_stamp.moment
            found.bylines.extend(people)
            return True
        stamp = match_timestamp(text)
        if stamp is not None:
            found.published_at = found.published_at or stamp.moment
            return True
        if index == 0:
            following = self._next(index)
            outlet = match_outlet_label(text, following.text if following else None)
            if outlet is not None:
                found.outlet = outlet
                return True
        if bp.opens_trailer(text):
            self._read_trailer(text)
            # A one-paragraph post read as a standfirst still ends at its trailer.
            if self._section is _Section.BODY or found.standfirst is not None:
                self._section = _Section.TRAILER
            return True
        credit = match_credit_line(text)
        if credit is not None:
            # Credit lines close the story on every wire and site we have seen. Only
            # people become bylines: "With reporting by Reuters, TASS, and Kazinform"
            # credits agencies, which are neither authors nor the original source of
            # a story the outlet wrote itself, so the line just leaves the body.
            found.bylines.extend(credit.people)
            if self._section is _Section.BODY:
                self._section = _Section.TRAILER
            return True
        if self._section is _Section.HEADER and not found.paragraphs:
            byline = match_byline(text)
            if byline is not None:
                found.bylines.extend(byline.people)
                return True
        return False

    def _is_teaser(self, index: int) -> bool:
        """A promo teaser: ends in "..." and leads with "CITY, Region:", or stands in a run
        of such truncated lines."""
        text = self._lines[index].text
        if not bp.ends_in_ellipsis(text):
            return False
        if bp.has_teaser_lead(text):
            return True
        neighbours = (self._lines[i] for i in (index - 1, index + 1) if 0 <= i < len(self._lines))
        return any(bp.ends_in_ellipsis(n.text) for n in neighbours)

    def _read_text(self, index: int, line: _Line, *, after_label: bool) -> None:
        found = self._found
        in_header = self._section is _Section.HEADER
        could_be_headline = (
            in_header and found.headline is None and not self._dateline_alone
        ) and _is_title_like(line.text)
        if in_header and found.headline is None and self._lede_repeated(index, line):
            found.headline = line.text  # a lede printed above itself as the headline
            return
        if self._caption(line, after_label=after_label, could_be_headline=could_be_headline):
            return  # a caption, or a credit alone (_caption files it)
        if in_header and not self._dateline_alone:
            dateline = match_dateline(line.text)
            if dateline is not None:
                found.dateline = dateline.text
                found.dateline_source = dateline.agency
                if dateline.story_start is None:
                    self._dateline_alone = True
                else:
                    self._start_body(line.text[dateline.story_start :])
                return
            if could_be_headline:
                found.headline = line.text
                return
        if bp.is_short_label(line.text):
            # Crossheads ("POET DETAINED"), alt text and picture labels: not story, and
            # never glued to the next sentence.
            self._after_label = True
            self._found.removed.append(line.text)
            return
        if in_header and self._is_standfirst(index, line):
            found.standfirst = line.text
            return
        self._start_body(line.text)

    def _lede_repeated(self, index: int, line: _Line) -> bool:
        """A sentence over the story that the story's first paragraph starts with again
        (news summaries print the lede as their headline): the headline, not story."""
        following = self._next(index)
        return (
            following is not None
            and bp.ends_sentence(line.text)
            and len(following.text) > len(line.text)
            and following.text.startswith(line.text)
        )

    def _caption(self, line: _Line, *, after_label: bool, could_be_headline: bool) -> bool:
        """Record the line as a caption (or drop a bare credit) when it is one."""
        if len(line.text) > _CAPTION_MAX_CHARS:
            return False
        split = bp.split_caption(line.text)
        if split.caption is None:
            alone = split.had_credit or split.had_prefix  # a credit or prefix alone
            if alone:
                self._found.removed.append(line.text)
            return alone
        unfinished = not bp.ends_sentence(split.caption)
        is_caption = (
            (line.repeated and not could_be_headline and not _quoted_sentence(split.caption))
            or split.had_credit
            or split.had_prefix
            or (bp.has_caption_cue(line.text) and unfinished)
            # The line after an image's alt text or label describes the picture.
            or (
                after_label
                and unfinished
                and bp.word_count(line.text, up_to=_CAPTION_MAX_WORDS) <= _CAPTION_MAX_WORDS
            )
        )
        if is_caption:
            self._found.captions.append(split.caption)
        return is_caption

    def _is_standfirst(self, index: int, line: _Line) -> bool:
        """The sentence between headline and the article's furniture (picture, byline,
        dateline); a sentence followed straight by more text is the story's lede."""
        found = self._found
        if found.headline is None or found.standfirst is not None or self._dateline_alone:
            return False
        if (
            not bp.ends_sentence(line.text)
            or bp.word_count(line.text, up_to=_STANDFIRST_MIN_WORDS) < _STANDFIRST_MIN_WORDS
        ):
            return False
        following = self._next(index)
        return following is not None and _is_furniture(following)

    def _start_body(self, paragraph: str) -> None:
        self._section = _Section.BODY
        self._found.paragraphs.append(paragraph)

    def _read_trailer(self, text: str) -> None:
        found = self._found
        source = match_original_source(text)
        if source is not None:
            if text.casefold().startswith("original"):
                found.stated_source = found.stated_source or source
            else:
                found.republished_from = found.republished_from or source
            return
        credit = match_credit_line(text)
        if credit is not None:
            found.bylines.extend(credit.people)


def _quoted_sentence(text: str) -> bool:
    """A paragraph that opens with a quote mark and ends a sentence is story, also printed
    twice in a row ('"Or it could be a ship that cut the cable."' in a spokeswoman's
    quotes): a caption describes a picture, it does not open with someone's words."""
    return text[:1] in "\"“'‘" and bp.ends_sentence(text)


def _is_title_like(text: str) -> bool:
    words = bp.word_count(text, up_to=_HEADLINE_MAX_WORDS)
    return (
        2 <= words <= _HEADLINE_MAX_WORDS
        and len(text) <= _HEADLINE_MAX_CHARS
        and _UNFINISHED_TITLE.search(text) is None
        and not bp.ends_in_ellipsis(text)
    )


def _is_furniture(line: _Line) -> bool:
    """What sits between a standfirst and the story: pictures, bylines, datelines. Not a
    short label: a crosshead can follow the lede as well."""
    text = line.text
    split = bp.split_caption(text)
    return (
        line.repeated
        or split.had_credit
        or split.had_prefix
        or bp.has_caption_cue(text)
        or bp.is_navigation(text)
        or match_timestamp(text) is not None
        or match_byline(text) is not None
        or match_dateline(text) is not None
    )
