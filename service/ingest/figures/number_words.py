"""Numbers written as words and their values: "twenty-five", "a dozen", "one hundred and
fifty", the vague amounts ("hundreds", "tens of thousands", "a few hundred") and the
scale words and letters after a number ("12 million", "1.5bn"). ``fold`` reads a
case-insensitive match as the letters it matched.
"""

from __future__ import annotations

import re

# Case-insensitive patterns match "ı" for "i", "ſ" for "s" and "İ" for "I", which lower()
# keeps (İ becomes "i" plus a combining dot): read them as the letters they matched.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})


def fold(text: str) -> str:
    """``text`` lowercased as a case-insensitive pattern reads it, to look matches up."""
    return text.lower().translate(_FOLD)


_UNIT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip


_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip


_DIGIT_WORDS = {"one": 1, **{k: v for k, v in _UNIT_WORDS.items() if v < 10}}


_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}


VAGUE_AMOUNTS = {
    "tens of thousands": (1e4, 99_999.0),
    "hundreds of thousands": (1e5, 999_999.0),
    "hundreds": (100.0, 999.0),
    "thousands": (1000.0, 9999.0),
    "millions": (1e6, 9_999_999.0),
    "tens of millions": (1e7, 99_999_999.0),
    "hundreds of millions": (1e8, 999_999_999.0),
    "billions": (1e9, 9_999_999_999.0),
    "tens of billions": (1e10, 99_999_999_999.0),
    "hundreds of billions": (1e11, 999_999_999_999.0),
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
}


# "a few hundred", "several dozen", "a few hundred million": some of a scale, as vague as
# its plural ("several hundred" reads as "hundreds": 100..999)
_FEW = {"dozen": "dozens", "hundred": "hundreds", "thousand": "thousands"}


_FEW |= {"million": "millions", "billion": "billions", "hundred thousand": "hundreds of thousands"}


_FEW |= {"hundred million": "hundreds of millions", "hundred billion": "hundreds of billions"}


VAGUE_AMOUNTS |= {
    f"{few} {scale}": VAGUE_AMOUNTS[v] for few in ("a few", "several") for scale, v in _FEW.items()
}


def alternation(words: object) -> str:
    return "|".join(sorted(map(str, words), key=len, reverse=True))  # type: ignore[call-overload]


# "One person is killed", "one soldier was wounded", "one man died": a toll of one is a
# figure, though the word "one" otherwise is not ("one demonstrator who had cut his wrist").
ONE_PERSON_NOUNS = (
    r"(?:person|man|woman|child|boy|girl|soldier|officer|policeman|civilian|worker|pilgrim"
    r"|passenger|student|journalist|player|tourist|climber|miner|firefighter|victim)"
)


_ONE_HARMED = (
    rf"{ONE_PERSON_NOUNS}\s+(?:(?:is|was|has\s+been|had\s+been|were)\s+"
    r"(?:confirmed\s+|reported\s+|also\s+)?"
    r"(?:killed|dead|injured|wounded|hurt|missing|arrested|detained)|died|dies|drowned)\b"
)


ONE_PERSON = re.compile(
    r"\s+[a-z]+(?=\s+(?:(?:is|was|has|had|were)\s|(?:died|dies|drowned)\b))", re.IGNORECASE
)


WORD_NUMBER = (
    rf"(?:(?:{alternation(_TENS_WORDS)})(?:-(?:{alternation(_DIGIT_WORDS)}))?"
    rf"|half\s+a\s+dozen|a\s+dozen|(?:half\s+a|a|one)(?=\s+(?:{alternation(_SCALES)})\b)"
    rf"|one(?=\s+{_ONE_HARMED})"
    # "one or two jurors", "one to three years": the low end of a range
    rf"|one(?=\s+(?:or|to)\s+(?:{alternation(k for k, v in _UNIT_WORDS.items() if v < 13)})\b)"
    rf"|(?:{alternation(_UNIT_WORDS)}))(?:\s+dozen)?"
)


# Every vague amount and number word starts with one of these letters. Checking it first
# spares the engine trying each case-insensitive word at every word start in the body.
# Digits never start where a word does, so listing them last changes no match.
NUMBER_WORD_INITIALS = "".join(
    sorted({w[0] for w in (*VAGUE_AMOUNTS, *_TENS_WORDS, *_UNIT_WORDS, "half", "a", "one")})
)


# The part of a whole number after it: "2-1/2", "2 1/2", "7 ½"
FRACTION_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


MIXED_FRACTION = re.compile(
    r"(?:[\s-](?P<n>[1-9])/(?P<d>[2-9]|1[0-6])|\s?(?P<glyph>[½¼¾⅓⅔]))(?![\d/])"
)


# "12 million", "$161-million", "1.5bn", "US$7.2 bn" (a letter alone only touching: "7 m"
# is a length)
SCALE_AFTER = re.compile(
    rf"(?:(?:\s+|-)(?P<word>{alternation(_SCALES)})\b|\s?(?P<short>bn|mn|tn|(?<=\d)[kmb])\b)",
    re.IGNORECASE,
)


_SPACED_GROUPS = re.compile(r"\d{1,3} \d{3}")


# "two and a half years", "four and a half months": a whole number in words and a half
# The tens and units after "hundred": "one hundred and fifty", "two hundred twenty-five"
HUNDRED_AND = re.compile(
    rf"(?:\s+and)?\s+(?P<n>(?:{alternation(_TENS_WORDS)})(?:-(?:{alternation(_DIGIT_WORDS)}))?"
    rf"|{alternation(_DIGIT_WORDS | _UNIT_WORDS)})\b(?!-)",
    re.IGNORECASE,
)


AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b(?!\s+of\b)", re.IGNORECASE)


def parse_number_text(text: str) -> float | None:
    """The value of digits ("1,288", "70.76") or number words ("twenty-five", "a dozen")."""
    t = " ".join(fold(text).replace(",", "").split())
    if _SPACED_GROUPS.fullmatch(t):
        t = t.replace(" ", "")  # "2, 000": thousands as copy rebuilt from tokens prints them
    try:
        return float(t)
    except ValueError:
        pass
    dozen = t.endswith(" dozen") and t not in ("a dozen", "half a dozen")
    t = t.removesuffix(" dozen") if dozen else t
    if t in ("a dozen", "half a dozen"):
        return 12.0 if t == "a dozen" else 6.0
    if t in ("a", "one"):
        value = 1.0
    elif t == "half a":  # "half a trillion dollars"
        value = 0.5
    elif "-" in t:
        tens, _, unit = t.partition("-")
        value = float(_TENS_WORDS[tens] + _DIGIT_WORDS[unit])
    elif t in _TENS_WORDS:
        value = float(_TENS_WORDS[t])
    elif t in _UNIT_WORDS:
        value = float(_UNIT_WORDS[t])
    else:
        return None
    return value * 12 if dozen else value


def scale_factor(scale: re.Match[str]) -> float:
    """What a scale printed after a number multiplies it by: "million", "bn", "k"."""
    word = scale.group("word")
    return _SCALES[fold(word)] if word else _SHORT_SCALES[fold(scale.group("short"))]
