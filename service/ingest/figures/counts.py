"""What a number with no unit word after it counts (``counted_after``): a length of time
after "more" ("three more years"), people named by a counted noun ("seven candidates"),
one person ("One person is killed"), or, for a bare number word, the people harmed, a
body of people or a group counted before; any other bare number word is no figure."""

from __future__ import annotations

import re
from dataclasses import replace

from service.ingest.figures.approximations import MORE_AFTER
from service.ingest.figures.number_match import Expression
from service.ingest.figures.number_words import ONE_PERSON, fold
from service.ingest.figures.units import (
    COUNTED,
    DURATION,
    DURATION_UNITS,
    PLURAL_NOUN,
    WHEN_AFTER,
)

# A group the copy counted before, named by its number alone: "we could have used the other
# two", "all three are down", "The three who voted against", "while the other two seemed
# cut" (a count, as "two of them" is; never "the two from AFP" nor "the Big Three").
_GROUP_BEFORE = re.compile(r"\b(?:the\s+other|all|the|those|these)\s+$", re.IGNORECASE)


_GROUP_AFTER = re.compile(
    r"\s*[,.;:)](?!\d)|\s+(?P<who>who)\b"
    r"|\s+(?:were|are|was|is|had|have|will|would|could|did|also|then|[a-z]+ed)\b"
)


# A bare number word that a verb of harm takes, or that is harmed, counts people: "an
# attack which killed seven", "injuring three", "five people died and seven were injured"
# (not "lost eight", "beat two": games and rivals are no people).
_HARM = r"(?:killed|dead|injured|wounded|hurt|missing|arrested|detained|rescued|evacuated)"


_HARMED_BARE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|injur(?:ed|ing|es)?|wound(?:ed|ing|s)?|hurt(?:ing|s)?)\s+"
    r"(?:(?:at\s+least|another|a\s+further|over|some|about|nearly)\s+)?$",
    re.IGNORECASE,
)


# A body of people counted by a bare number word after it: "the project's panel of
# twelve", "a flight crew of six" (not "groups of three": groups of what is not said).
_BODY_OF = re.compile(
    r"\b(?:panel|jury|crew|committee|board|council|commission|delegation|bench)\s+of\s+$",
    re.IGNORECASE,
)


_WERE_HARMED = re.compile(
    rf"\s+(?:were|are|have\s+been|had\s+been)\s+(?:(?:also|seriously|critically|"
    rf"badly|slightly|reportedly)\s+)?{_HARM}\b",
    re.IGNORECASE,
)


def counted_after(
    body: str, m: re.Match[str], kind: str, scale: re.Match[str] | None, read: Expression
) -> Expression | None:
    """What the number ``m`` counts where no unit word follows it, read from ``read.end``:
    "more" first ("20 more people"), then a length of time after it ("three more years
    were added to his term", "two more decades": years, not a count), a counted noun
    ("seven candidates", "2,000 registered voters": people, with the noun), one person
    ("One person is killed") or a bare number word (``bare_number_word``). None where a
    bare number word counts nothing."""
    is_more, end = False, read.end
    if (more := MORE_AFTER.match(body, end)) is not None:
        is_more, end = True, more.end()
    dur = DURATION.match(body, end) if is_more else None
    if dur is not None and not WHEN_AFTER.match(body, dur.end()):
        word = fold(dur.group("u")).removesuffix("s")
        value = read.value * (10 if word == "decade" else 1)
        return replace(read, value=value, unit=DURATION_UNITS[word], end=dur.end(), is_more=True)
    if (counted := COUNTED.match(body, end)) is not None:
        adjectives = counted.group("adj").split()
        registered = adjectives[-1:] if adjectives[-1:] in (["registered"], ["eligible"]) else []
        noun = " ".join([*registered, counted.group("noun")])
        return replace(read, unit="people", end=counted.end(), noun=noun, is_more=is_more)
    if kind == "words" and read.value == 1 and (one := ONE_PERSON.match(body, end)):
        return replace(
            read, unit="people", end=one.end(), is_more=is_more
        )  # "One person is killed"
    read = replace(read, end=end, is_more=is_more)
    if kind == "words" and scale is None and PLURAL_NOUN.match(body, end) is None:
        return bare_number_word(body, m, read)
    return read


def bare_number_word(body: str, m: re.Match[str], read: Expression) -> Expression | None:
    """A number word with no noun after it counts people where it is harmed or makes up
    a body of people ("which he said killed seven", "seven were injured", "a panel of
    twelve"), and a group the copy counted before ("all three are down", "The three who
    voted against": people); any other is no figure ("including two from AFP")."""
    if (
        _HARMED_BARE.search(body, max(0, m.start() - 20), m.start())
        or _WERE_HARMED.match(body, read.end)
        or _BODY_OF.search(body, max(0, m.start() - 20), m.start())
    ):
        return replace(read, unit="people")
    group = _GROUP_AFTER.match(body, read.end) if m.group(0).islower() else None
    if group is None or not _GROUP_BEFORE.search(body, max(0, m.start() - 12), m.start()):
        return None
    if group.group("who"):
        return replace(read, unit="people")  # "The three who voted against"
    return read
