"""The capitalised words of a story body that names are read from (pure).

A word with a capital (hyphenated, with an apostrophe, slash or dots inside) or U.S.-style
initials is a token; a possessive 's is left out of it, a listed name's number is taken
into it ("FTSE 100"), listed places side by side are cut apart ("NUR-SULTAN/ALMATY"), and
a month cut short before its day is no token ("Feb. 3"). Where capitals are forced (a
sentence's first word) a word counts as a name only with evidence from elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.mentions import gazetteer as gz
from service.ingest.model import Sentence

UPPER = "".join(
    chr(c)
    for c in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x370, 0x530))
    if chr(c).isupper()
)
# A capitalised word (with hyphenated, apostrophe, slash or dotted parts) or U.S.-style
# initials; an Arabic article prefix ("al-Assad") belongs to the word.
_TOKEN = re.compile(
    r"(?<![\w-])(?<!\w['’])(?:(?:al|el|ad|as|ash|at|ar|an|bin|ibn)-)?"
    rf"(?:(?:[A-Z]\.){{2,}}|[{UPPER}][\w]*(?:[-'’./&][\w]+)*)"
)
# A number that a listed name carries after its word: "FTSE 100", "S&P 500's".
_LISTED_NUMBER = re.compile(r"( \d{2,4})\b(['’]s)?")
# What may stand between two words of one name, and the connector it is
GAP_CONNECTORS = {
    " of ": "of",
    " of the ": "of",
    " for ": "for",
    " for the ": "for",
    " and ": "and",
    " & ": "and",
    " on ": "on",
    " in ": "in",
    " against ": "against",
}
# A word beside a name: "Sheriff's Department", "said"
WORD = re.compile(r"[\w'’-]+")
# A month cut short, before the day it dates: "Feb. 3", "Sept. 12, 2008", "Sep 14".
_SHORT_MONTHS = frozenset(
    m for m in CALENDAR_WORDS if len(m) <= 4 and m not in ("may", "june", "july")
)
_DAY_AFTER_MONTH = re.compile(r"\.?\s+\d{1,2}\b")
# Opening quotes and brackets: a capital after one is forced
OPENING_QUOTES = "\"'“‘(["


@dataclass(slots=True)
class Token:
    start: int
    end: int  # end of the name part: a possessive 's is left out
    text: str
    initial: bool  # first word of its sentence (or after a dateline dash / colon)
    possessive: bool


def sentence_tokens(body: str, sentence: Sentence) -> list[Token]:
    out: list[Token] = []
    start, end = sentence.span.start, sentence.span.end
    lead = start  # where the sentence's words begin, after opening quotes and brackets
    while lead < end and body[lead] in OPENING_QUOTES:
        lead += 1
    for m in _TOKEN.finditer(body, start, end):
        text = m.group(0)
        tok_end = m.end()
        possessive = text.endswith(("'s", "’s"))
        if possessive:
            text = text[:-2]
            tok_end -= 2
        # Capitals are forced at a sentence start, after a dateline dash or colon, and
        # at the start of a quotation or parenthesis.
        before = body[max(start, m.start() - 4) : m.start()]
        initial = (
            m.start() <= lead
            or before.endswith(("(", "“", '"', "‘", " '", "('"))
            or before.rstrip().endswith(("--", "—", "–", ":"))
        )
        owned = _LISTED_NUMBER.match(body, m.end(), end) if possessive else None
        if owned is not None and any(
            gz.organization_canonical(body[t.start : m.end()] + owned.group(1)) for t in out[-3:]
        ):
            # "Standard & Poor's 500": a listed name with a possessive inside it
            text, tok_end, possessive = text + owned.group(1), owned.end(1), False
        listed = _LISTED_NUMBER.match(body, tok_end, end) if not possessive else None
        if listed is not None and gz.organization_canonical(text + listed.group(1)):
            text += listed.group(1)  # "FTSE 100", "S&P 500", "Nikkei 225": listed names
            tok_end = listed.end(1)
            possessive = listed.group(2) is not None
        # "NUR-SULTAN/ALMATY", "the Singapore-Sydney route": listed places side by side,
        # each a name (no listed place is two listed places joined by a hyphen)
        parts = text.split("/" if "/" in text else "-")
        if len(parts) > 1 and all(gz.place_canonical(p.title()) for p in parts):
            pos = m.start()
            for part in parts:
                out.append(Token(pos, pos + len(part), part, initial, False))
                pos += len(part) + 1
            continue
        if text.lower() in _SHORT_MONTHS and _DAY_AFTER_MONTH.match(body, tok_end):
            continue  # "on Feb. 3": a date, no name ("Jan Egeland" keeps his given name)
        out.append(Token(m.start(), tok_end, text, initial, possessive))
    return out


def capitalised_evidence(body: str, tokens_by_sentence: list[list[Token]]) -> set[str]:
    """Words written capitalised on their own where capitals are not forced ("said
    Zaitov"), and last words of two-word names ("Rinat Zaitov")."""
    seen: set[str] = set()
    for tokens in tokens_by_sentence:
        for i, tok in enumerate(tokens):
            joined_before = i > 0 and _joined(body, tokens[i - 1], tok)
            joined_after = i + 1 < len(tokens) and _joined(body, tok, tokens[i + 1])
            if not tok.initial and not joined_before and not joined_after:
                seen.add(tok.text)
            elif (
                joined_after
                and body[tok.end : tokens[i + 1].start] == " "
                and (
                    i + 2 >= len(tokens)
                    or not _joined(body, tokens[i + 1], tokens[i + 2])
                    # "Claudia Sheinbaum on Sunday": a day joins no name
                    or tokens[i + 2].text.lower() in CALENDAR_WORDS
                )
            ):
                seen.add(tokens[i + 1].text)
    return seen


def _joined(body: str, left: Token, right: Token) -> bool:
    gap = body[left.end : right.start]
    return not left.possessive and (gap == " " or gap in GAP_CONNECTORS)


def span_text(body: str, toks: list[Token]) -> str:
    return " ".join(body[toks[0].start : toks[-1].end].split())
