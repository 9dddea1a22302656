"""Quotations that are no statement, never emitted and so never pinned on the nearest
person.

Not statements (never emitted, so never pinned on the nearest person):

* titles, poems, songs, slogans, chants, banners, hashtags: a word of that family
  within eight words before or after the quote, with no cue verb in between ("a 1909
  poem about Russian colonial rule, “Wake up, Kazakh! …”", chanting "Oyan Kazakh");
* names: "a movement called "X"", "so-called", "is called"; a gloss after a hashtag;
* scare quotes: three words or fewer with no cue verb in the sentence (to “choose” a
  president), or one or two words whose only cue is a loose one (asked voters to
  "choose"); with a real cue they are partial quotes of the cue's speaker
  ("unsanctioned rallies" after "Kozhayev said");
* headings: a paragraph of at most ten words, without final punctuation, with no cue.
"""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import Span
from service.ingest.quotes.cues import CUE_RE
from service.ingest.quotes.quote_marks import MARKS, QUOTE_WORD, SENTENCE_END, Quote

_TITLE_WORD = re.compile(
    r"\b(?:poems?|songs?|anthems?|lyrics?|verses?|slogans?|chants?|chanting|chanted|"
    r"banners?|placards?|posters?|signs?|motto|hashtags?|headlines?|headlined|titled|"
    r"entitled|books?|novels?|films?|movies?|documentary|album|nicknamed|known\s+as|"
    r"reading|#\w+)\b",
    re.IGNORECASE,
)


_NAMING_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|its|his|her|their)\s+(?:[\w-]+\s+){0,2}|"
    r"\b(?:is|are|was|were|be|been|being)\s+|so-)called\s*$|#\w+\s*\(?\s*$",
    re.IGNORECASE,
)


# An analyst's rating, not words anyone said: "downgraded the bank to "sector perform"
# from "outperform"", "rates the stock "buy"", "upgraded it to a "strong buy"" (up to
# five words between, the grades before it among them)
_RATING_BEFORE = re.compile(
    r"\b(?:downgrad|upgrad|rat)(?:e|es|ed|ing)(?:\s+[\w'’&.“”\"-]+){0,5}?"
    r"(?:\s+(?:to|from|at|as)(?:\s+an?)?)?\s*$",
    re.IGNORECASE,
)


# A single capitalised word in quotes that a noun of a work or its people follows names
# that work: "the "Twilight" author", "the "Lion" release", ""Frozen" star".
_WORK_NOUN_AFTER = re.compile(
    r"[\"”’']\s+(?:author|authors|director|directors|star|stars|co-star|sequel|prequel|"
    r"release|series|franchise|saga|creator|creators|actor|actress|cast|producer|producers|"
    r"writer|writers|fans|character|characters|episode|episodes|trilogy|update|version)\b"
)


_TITLE_WINDOW = 8


_SCARE_MAX_WORDS = 3


_HEADING_MAX_WORDS = 10


def is_title(masked: str, q: Quote, ctx_start: int, ctx_end: int) -> bool:
    """A poem, song, slogan, banner, hashtag or name in quotes: a title word nearby."""
    before = masked[ctx_start : q.open]
    if _NAMING_BEFORE.search(before):
        return True
    after = masked[q.close + 1 : ctx_end]
    before_words = list(re.finditer(r"\S+", before))[-_TITLE_WINDOW:]
    after_words = list(re.finditer(r"\S+", after))[:_TITLE_WINDOW]
    if before_words:
        window = before[before_words[0].start() :]
        title = list(_TITLE_WORD.finditer(window))
        if title and not CUE_RE.search(window, title[-1].end()):
            return True
    if after_words:
        window = after[: after_words[-1].end()]
        title_after = _TITLE_WORD.search(window)
        if title_after and not CUE_RE.search(window, 0, title_after.start()):
            return True
    return False


# Words a title leaves in lower case: "Angel in a White Coat", "Give Peace a Chance".
_TITLE_SMALL_WORDS = gz.word_set("a an the of in on for and to at with from by or nor as but vs")


_NAME_MAX_WORDS = 10


def names_something(body: str, span: Span, sentence: Span) -> bool:
    """Whether a quote printed in title case names something, reporting no words ("the
    "American Pie" star", "a new website, "The Internet Explorer 6 Countdown"", was voted
    "Most Likely to Succeed"): two to ten words, two or more of them capitalised and the
    rest small words or numbers. Not a question or exclamation ("Somebody in the FBI?"),
    nor words all in capitals ("NO COLLUSION and NO OBSTRUCTION", a shouted tweet), nor
    a quote in a headline, whose every word is capitalised ("Ambassador: Netanyahu's
    Intel 'Presented a Smoking Gun'")."""
    if _is_rating(body[sentence.start : span.start].rstrip(MARKS)):
        return True
    text = body[span.start : span.end]
    words = QUOTE_WORD.findall(text)
    if len(words) == 1 and words[0][0].isupper() and _WORK_NOUN_AFTER.match(body, span.end):
        return True  # "the "Twilight" author", "the "Lion" release"
    if not 2 <= len(words) <= _NAME_MAX_WORDS or text.rstrip(" ,." + MARKS)[-1:] in "?!":
        return False
    capitalised = [w for w in words if w[0].isupper()]
    if len(capitalised) < 2 or all(w.isupper() and len(w) > 1 for w in capitalised):
        return False
    around = QUOTE_WORD.findall(
        body[sentence.start : span.start] + " " + body[span.end : sentence.end]
    )
    return _title_case(words) and not (len(around) > 1 and _title_case(around))


def _is_rating(before: str) -> bool:
    """Whether the words ``before`` a quote grade something, an analyst's rating and
    nobody's words: "downgraded the bank to "sector perform" from "outperform"", "rates
    the stock "buy"", unless a cue verb stands between ("the rating agency said")."""
    rating = _RATING_BEFORE.search(before)
    return rating is not None and not CUE_RE.search(rating.group())


def _title_case(words: list[str]) -> bool:
    return all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _TITLE_SMALL_WORDS for w in words
    )


def is_scare_or_heading(body: str, q: Quote, words: int, paragraphs: list[tuple[int, int]]) -> bool:
    """For a quote without cue: a few words (scare quotes) or a heading paragraph."""
    if words <= _SCARE_MAX_WORDS:
        return True
    p_start, p_end = paragraphs[q.first_par][0], paragraphs[q.last_par][1]
    par = body[p_start:p_end].rstrip(" \t" + MARKS)
    return (
        bool(par)
        and par[-1] not in SENTENCE_END
        and len(QUOTE_WORD.findall(par)) <= _HEADING_MAX_WORDS
    )
