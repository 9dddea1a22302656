"""The speaker named before the cue in its clause: the name right before it ("Toqaev also
said"), the officer named before an organisation ("Scott Carson, president and CEO of
Boeing Commercial Airplanes said"), a person and an appositive naming their role ("Anuar
Nurpeisov, an actor ..., said"), the antecedent of a relative clause ("Zarif, who said"),
and the subject a sentence opens with, past an opening clause ("Hosting Macron at the
White House, Mr. Trump ...")."""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import EntityKind, MentionCandidate
from service.ingest.quotes.cues import CUE_RE, MASK
from service.ingest.quotes.mention_index import MentionIndex
from service.ingest.quotes.speaker_words import (
    ORG_HEADS,
    PERSON_HEADS,
    SPEAKER_KINDS,
    WORD,
    singular,
)

# Words between a name and its cue that keep the name the subject ("Toqaev also said").
_ADJACENT_GAP = re.compile(
    r"[\s)’'s]*(?:,\s*(?=(?:has|have|had|would|will)\b))?"  # "Nunzio Galantino, has called"
    r"(?:(?:also|later|then|again|previously|earlier|further|once|publicly|"
    r"recently|separately|has|have|had|was|is|would|will|who|has\s+since)\s+)*",
)


_CLAUSE_BOUNDARY = re.compile(
    MASK + r"|[,;:\[\]]|\b(?:that|which|who|whom|whose|what|when|while|where|after|before|"
    r"because|as|and|but|although|though|if|since|until|than|whether)\b",
    re.IGNORECASE,
)


# ", president and CEO of" between a person and the organisation named before the cue
_OFFICE_OF = re.compile(
    r"\s*,\s*(?:the\s+)?(?P<role>(?:[\w-]+\s+){1,6}?)(?:of|at|for)\s+(?:the\s+)?"
)


# Nothing but "of"/"at"/"from" between a person and the organisation before the cue
_MEMBER_OF = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?")


def officer_of(
    masked: str, clause_start: int, named: tuple[MentionCandidate, int], index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    """ "Scott Carson, president and CEO of Boeing Commercial Airplanes said": the person
    whose office the organisation before the cue is, not the organisation. "Holger
    Schmieding of Berenberg wrote": the person, even when the firm's one-word name was
    taken for a person's (nobody is "of" a person)."""
    kind = index.kind(named[1])
    one_word = " " not in named[0].name
    if kind is not EntityKind.ORGANIZATION and not (kind is EntityKind.PERSON and one_word):
        return None
    person = index.last_before(named[0].span.start, (EntityKind.PERSON,), since=clause_start)
    if person is None:
        return None
    if _MEMBER_OF.fullmatch(masked, person[0].span.end, named[0].span.start):
        return person
    if kind is not EntityKind.ORGANIZATION:
        return None
    office = _OFFICE_OF.fullmatch(masked, person[0].span.end, named[0].span.start)
    if office is None:
        return None
    words = office["role"].lower().split()
    return person if any(w in gz.PERSON_ROLES for w in words) else None


def after_last_boundary(masked: str, start: int, end: int) -> int:
    """Where the last clause of ``masked[start:end]`` begins (past its last boundary)."""
    found = start
    for b in _CLAUSE_BOUNDARY.finditer(masked, start, end):
        found = b.end()
    return found


def adjacent_mention(
    masked: str, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    last = index.last_before(cue_start, SPEAKER_KINDS, since=clause_start)
    if last is None:
        return None
    gap = _ADJACENT_GAP.fullmatch(masked, last[0].span.end, cue_start)
    return last if gap is not None else None


# An opening clause set before a sentence's subject: "Hosting President Macron at the
# White House, Mr. Trump ...", "In a statement, ...", "After the vote, ...".
_OPENING_CLAUSE = re.compile(
    r"\s*(?:[A-Z]\w*ing|In|At|On|After|Before|During|While|When|With|Since|As|For)\b[^,]*,\s*"
)


# Words that may stand before a subject's name: titles, its organisation, a determiner.
_SUBJECT_LEAD_WORDS = 8


# "The president", "the company's chief executive": a subject described, not named
_DESCRIBED_SUBJECT = re.compile(
    r"[Tt]he\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[a-z][\w-]*)(?=\s*,|\s+[a-z])"
)


# A sentence whose subject is "he" or "she", past an opening clause: "He also declined"
_PRONOUN_SUBJECT = re.compile(r"\s*(?P<p>[Hh]e|[Ss]he)\s+[a-z]")


def pronoun_subject(masked: str, clause_start: int, cue_start: int) -> re.Match[str] | None:
    """The "he" or "she" a sentence opens with (past an opening clause, before any quote),
    the subject a participle after a comma runs on from."""
    opening = _OPENING_CLAUSE.match(masked, clause_start, cue_start)
    start = opening.end() if opening else clause_start
    found = _PRONOUN_SUBJECT.match(masked, start, cue_start)
    if found is None or MASK in masked[start : found.end()]:
        return None
    return found


def described_subject(
    body: str, masked: str, clause_start: int, cue_start: int
) -> re.Match[str] | None:
    """The description a sentence opens with, past an opening clause, when its head is
    a person's or an organisation's."""
    opening = _OPENING_CLAUSE.match(masked, clause_start, cue_start)
    start = opening.end() if opening else clause_start
    start += len(masked[start:cue_start]) - len(masked[start:cue_start].lstrip())
    found = _DESCRIBED_SUBJECT.match(body, start, cue_start)
    if found is None or MASK in masked[found.start() : found.end()]:
        return None
    head = singular(found["head"])
    return found if head in PERSON_HEADS or head in ORG_HEADS else None


def unnamed_subject(masked: str, clause_start: int, cue_start: int) -> str | None:
    """Someone a sentence opens with and brings in without a name, past an opening clause
    ("A South Korean government official later played down the report"): "a", "an" or
    "one" and up to four words, the longest run of them that ends in a word for a person
    or an organisation ("A man walked in" is "A man")."""
    opening = _OPENING_CLAUSE.match(masked, clause_start, cue_start)
    start = opening.end() if opening else clause_start
    start += len(masked[start:cue_start]) - len(masked[start:cue_start].lstrip())
    found = _UNNAMED_SUBJECT.match(masked, start, cue_start)
    if found is None:
        return None
    words = found["words"].split()
    for n in range(len(words), 0, -1):
        head = words[n - 1]
        if head.islower() and (singular(head) in PERSON_HEADS or singular(head) in ORG_HEADS):
            return " ".join([found["det"], *words[:n]])
    return None


# "A government official", "One resident": a subject brought in without a name
_UNNAMED_SUBJECT = re.compile(r"(?P<det>An?|One)(?P<words>(?:\s+[\w’'-]+){1,4})")


_NAME_LEAD_WORDS = gz.word_set(
    "the a an of for and former then new acting deputy senior chief vice"
)


def _may_lead_a_name(word: str) -> bool:
    """A lower-case word that may stand in the title or description before a name."""
    w = word.casefold()
    return (
        w in _NAME_LEAD_WORDS
        or w in gz.PERSON_ROLES
        or w in gz.TITLE_MODIFIERS
        or singular(w) in PERSON_HEADS
        or singular(w) in ORG_HEADS
    )


def sentence_subject(
    masked: str, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    """The name a sentence opens with, past an opening clause ("Hosting X, Mr. Trump"):
    its subject, when no comma, quote or verb of speech comes before it."""
    opening = _OPENING_CLAUSE.match(masked, clause_start, cue_start)
    start = opening.end() if opening else clause_start
    for m, e in index.within(start, cue_start):
        if m.span.start < start or index.kind(e) not in SPEAKER_KINDS:
            continue
        lead = masked[start : m.span.start]
        if re.search(r"[,;:()]|" + MASK, lead) or len(WORD.findall(lead)) > _SUBJECT_LEAD_WORDS:
            return None
        if any(w.islower() and not _may_lead_a_name(w) for w in WORD.findall(lead)):
            return None  # "He pointed to the bankruptcy of Chrysler": a verb came first
        if CUE_RE.search(lead) or re.match(r"['’]s\b", masked[m.span.end : m.span.end + 2]):
            return None  # "Comey's memo, saying": the memo, not Comey
        if index.kind(e) is EntityKind.ORGANIZATION:
            return _titled_officer(masked, (m, e), cue_start, index) or (m, e)
        return m, e
    return None


_TITLE_GAP_WORDS = 4


def _titled_officer(
    masked: str, org: tuple[MentionCandidate, int], end: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    """The person an organisation's name and a title introduce: "House Minority Leader
    Nancy Pelosi", "DNC Chair Tom Perez"."""
    after = [
        (m, e) for m, e in index.within(org[0].span.end, end) if m.span.start >= org[0].span.end
    ]
    if not after or index.kind(after[0][1]) is not EntityKind.PERSON:
        return None
    gap = re.findall(r"[\w-]+|[^\w\s]", masked[org[0].span.end : after[0][0].span.start])
    titled = 0 < len(gap) <= _TITLE_GAP_WORDS and all(
        w.lower() in gz.PERSON_ROLES or w.lower() in gz.TITLE_MODIFIERS or w.istitle() for w in gap
    )
    return after[0] if titled else None


# ", who said", ", who has also told": the cue of a relative clause
_WHO_CUE = re.compile(r"\s*\)?\s*,\s*who\s+(?:[a-z]+\s+){0,2}$")


# ", who said in December 2015 " before a quote, and after it ", tweeted ...": the quote
# stands in the relative clause, and the main clause's cue is the same person's
_WHO_BEFORE_QUOTE = re.compile(r"\s*\)?\s*,\s*who\s+[^,;:.()]*$")


def relative_antecedent(
    masked: str, clause_floor: int, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    """Whom a relative clause's cue belongs to: "Iranian diplomat Mohammad Javad Zarif, who
    said Trump is being "impetuous"", and "Boris Johnson, who said in 2015 "...", tweeted
    the news was "fantastic"" (both quotes are Johnson's)."""
    runs = list(re.finditer(MASK + "+", masked[clause_floor:cue_start]))
    if _WHO_CUE.search(masked, clause_start, cue_start) is not None:
        end = clause_start
        before_who = _WHO_CUE.search(masked, clause_start, cue_start)
    elif runs and not WORD.search(masked, clause_start, cue_start):
        end = clause_floor + runs[-1].start()
        last_start = clause_floor + (runs[-2].end() if len(runs) > 1 else 0)
        before_who = _WHO_BEFORE_QUOTE.search(masked, last_start, end)
        clause_start = last_start
    else:
        return None
    if before_who is None:
        return None
    found = index.last_before(before_who.start() + 1, SPEAKER_KINDS, since=clause_start)
    if found is None or masked[found[0].span.end : before_who.start()].strip():
        return None
    return found


# "Rep. Elijah E. Cummings of Maryland, the senior Democrat on the House Committee on
# Oversight, said", "Jo Swinson, Liberal Democrat deputy leader and Foreign Affairs
# spokesperson said": a person, then a phrase naming a role (and perhaps whom it is held
# in) up to the cue.
_APPOSED = re.compile(
    r"(?:\s+(?:of|from)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?\s*,\s*(?P<role>[^;:]+?),?\s*$"
)


_APPOSED_ROLE_WORDS = 20


_PARTY_MEMBERS = gz.word_set("democrat republican conservative liberal")


def apposed_person(
    masked: str, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    """The person a clause opens with when only an appositive naming their role stands
    between the name and the cue; no other person is named in it but as an owner."""
    subject = sentence_subject(masked, clause_start, cue_start, index)
    if subject is None or index.kind(subject[1]) is not EntityKind.PERSON:
        return None
    apposed = _APPOSED.match(masked, subject[0].span.end, cue_start)
    if apposed is None or MASK in apposed["role"] or CUE_RE.search(apposed["role"]):
        return None
    words = [w.casefold() for w in WORD.findall(apposed["role"])]
    if not words or len(words) > _APPOSED_ROLE_WORDS or words[0] in ("and", "or"):
        return None
    if re.search(r"\b(?:who|which|that|whose|when|where|while|after|before|as)\b", apposed["role"]):
        return None
    roles = gz.PERSON_ROLES | PERSON_HEADS | _PARTY_MEMBERS
    if not any(singular(w) in roles or w in roles for w in words):
        return None
    for m, e in index.within(apposed.start("role"), cue_start):
        # "Goodlatte, Gowdy and Nunes said": names listed, not one described (a name
        # that owns or qualifies a role, "Mr. Stone's lawyer", "Liberal Democrat deputy
        # leader", is part of the description)
        listed = re.match(r"\s*(?:,|and\b|or\b)|\s*$", masked[m.span.end : cue_start])
        if index.kind(e) is EntityKind.PERSON and e != subject[1] and listed is not None:
            return None
    return subject


def appositive_subject(
    masked: str, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    for m, e in index.within(clause_start, cue_start):
        if m.span.start < clause_start or index.kind(e) not in SPEAKER_KINDS:
            continue
        if re.match(r"\s*(?:\([^)]*\))?\s*,", masked[m.span.end : cue_start]):
            return m, e
    return None
