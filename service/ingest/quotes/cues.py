"""Speech cues (said, told, added, "according to", "in a statement", "planned to say") and
the attribution a cue gives.

Works on a *masked* copy of the body in which every quotation (marks included) is
replaced by ``MASK`` characters, so that cue verbs inside quoted words are never
mistaken for the reporting clause around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import MentionCandidate
from service.ingest.quotes.speaker_words import WORD

MASK = "\x1f"


_VERBS = gz.word_set(
    """said says say saying told tells telling wrote writes writing added adds adding
    called calls calling stated claimed claiming warned warns warning described
    describes describing noted insisted insists insisting argued argues tweeted
    announced declared explained asked replied responded urged admitted acknowledged
    stressed vowed recalled complained alleged predicted promised reported quoted
    notes noting explains explaining reasoned concluded concludes commented comments
    stating
    observed remarked asserted asserts countered cautioned conceded testified claims
    enthused enthuses boasted boasts joked jokes quipped quips admits concedes recalls
    replies responds laments lamented confirmed confirms suggested suggests continued
    continues exclaimed mused ruled rules ruling found finds posted posts posting reads
    shouted yelled states indicated indicates asks asking denied denies fumed fumes
    retorted snapped scoffed sighed laughed gushed wondered recounted
    elaborated emphasised emphasized reiterated contended opined proclaimed whispered
    repeated recounts demurred tweeting tweets read accused accuses accusing vowing vows
    disclosed touted touts branded thundered answered crowed alleges"""
)


# "Mr. Mueller planned to ask", "Meyer went on to say": a verb of speech its subject means
# to use, read with it as one cue, so that the subject stands next to the cue
_CATENATIVE = (
    r"(?:planned|plans|planning|wanted|wants|went\s+on|goes\s+on|decided|intended|intends|"
    r"hoped|hopes)\s+to\s+(?:say|ask|add|tell|write|note|warn|explain|insist|argue)"
)


CUE_RE = re.compile(
    r"\b(?<!\bUnited\s)(?:according\s+to|in\s+the\s+words\s+of|"
    + _CATENATIVE
    + r"|(?:"
    + "|".join(sorted(_VERBS))
    + r")(?:\s+in\s+(?:a|an|its|their|his|her)\s+(?:joint\s+|written\s+)?statement)?)\b",
    re.IGNORECASE,
)


# "was called", "is described", "so-called": naming or passive, not someone speaking.
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?|so-)$")


# "Oler, accused of having two wives,", "Blackmore, alleged to have 19 wives,": a clause
# set beside a name that says what others accuse them of, no one speaking.
_PASSIVE_BESIDE = re.compile(r"(?:accused|alleged)\s+(?:of|to)\b", re.IGNORECASE)


_COMMA_BEFORE = re.compile(r",\s*$")


# "read" is a cue where a document speaks ('"...," the letter read', "Nielsen's statement
# read"), not as an infinitive ("gave to a friend to read to the press").
_INFINITIVE_BEFORE = re.compile(r"\bto\s+$")


# A participle right after a determiner or possessive describes the noun that follows
# ("the alleged collusion", "his reported remarks"): no one speaks by it.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|these|those|its|his|her|their|our|any)\s+$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    phrase: str  # as printed, whitespace collapsed: "said in a statement"


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: int | None
    speaker_text: str | None
    cue: str | None


def find_cues(masked: str, start: int, end: int) -> list[Cue]:
    """Reporting verbs in ``masked[start:end]``, leaving out passive and naming uses, a
    participle that describes a noun ("the alleged collusion"), and a relative clause's
    verb when the sentence's own cue follows it ("one resident, who asked not to be
    named, told AFP")."""
    cues: list[Cue] = []
    relative: list[bool] = []
    for m in CUE_RE.finditer(masked, start, end):
        if _PASSIVE_BEFORE.search(masked, max(start, m.start() - 20), m.start()):
            continue
        if _PASSIVE_BESIDE.match(masked, m.start(), end) and _COMMA_BEFORE.search(
            masked, max(start, m.start() - 5), m.start()
        ):
            continue
        if m.group().lower() == "read" and _INFINITIVE_BEFORE.search(masked, start, m.start()):
            continue  # "a memo that Comey gave to a friend to read to the press"
        if m.group().lower().endswith("ed") and _DETERMINER_BEFORE.search(
            masked, max(start, m.start() - 8), m.start()
        ):
            continue  # "calling the alleged collusion "...": a word of a noun, not a cue
        if m.group().lower() in _FINDING and _FOUND_OBJECT.match(masked, m.end(), end):
            continue  # "Russia found a "willing partner"": found something, said nothing
        if m.group().lower() in _ANSWERING and _answered_with_an_act(masked, m.end(), end):
            continue  # "the army responded with a single shell": an act, not words
        if not WORD.search(masked, start, m.start()) and _OPENING_PARTICIPLE.match(
            masked, m.start()
        ):
            continue
        cues.append(Cue(m.start(), m.end(), " ".join(m.group().split())))
        relative.append(
            _RELATIVE_BEFORE.search(masked, max(start, m.start() - 12), m.start()) is not None
        )
    return [
        cue
        for i, cue in enumerate(cues)
        if not (relative[i] and any(not r for r in relative[i + 1 :]))
    ]


# "found" speaks as a finding ("the judge found that", '"...," the report found'), not
# with an object ("Russia found a "willing and active partner" in the campaign")
_FINDING = frozenset({"found", "finds"})


_FOUND_OBJECT = re.compile(r"\s+(?!that\b)[a-z]")


# Answering speaks with words ('he replied: "..."', "responded with a statement saying"),
# not with a thing done ("the army responded with a single shell", "Iverson responded
# with an MVP-caliber season"): an answer "with" a word that is no way of speaking.
_ANSWERING = frozenset({"responded", "responds", "replied", "replies", "answered", "answers"})


_ANSWERED_WITH = re.compile(r"\s+with\s+(?P<words>[^,;:.!?" + MASK + "]{1,60})")


# Words an answer is made of
_SPOKEN = frozenset(
    {
        *("statement", "statements", "tweet", "tweets", "letter", "post", "message", "note"),
        *("comment", "comments", "remark", "remarks", "words", "question", "questions"),
        *("joke", "quip", "answer", "reply", "response", "announcement", "denial"),
        *("release", "saying"),
    }
)


def _answered_with_an_act(masked: str, at: int, end: int) -> bool:
    """Whether an answering verb ending at ``at`` goes on "with" something done, not said:
    "responded with a single shell", not "responded with a statement" or "replied with a
    curt "..."" (a quotation right after the words)."""
    m = _ANSWERED_WITH.match(masked, at, end)
    if m is None or masked.startswith(MASK, m.end()):
        return False
    words = m.group("words").lower().split()[:4]
    return bool(words) and not _SPOKEN.intersection(words)


# A sentence opened by a participle clause: "Asked whether he would stay, Guardiola
# smiled:", "Told of the verdict, ...": who was asked speaks later, if at all.
_OPENING_PARTICIPLE = re.compile(
    r"[A-Z]\w*ed\s+(?:about|whether|if|why|how|what|when|where|who|to|by|for|on|of|that)\b"
)


_RELATIVE_BEFORE = re.compile(r",\s*(?:who|which)\s+$", re.IGNORECASE)


def named_attribution(mention: tuple[MentionCandidate, int], cue: Cue) -> Attribution:
    m, entity = mention
    return Attribution(entity, m.text, cue.phrase)
