"""Who a quote is attributed to: cue verbs and the speaker they name, describe or refer back to.

Works on a *masked* copy of the body in which every quotation (marks included) is
replaced by ``MASK`` characters, so that cue verbs and names inside quoted words are
never mistaken for the reporting clause around them.

Speaker rules, in order, for a cue at ``start..end``:

* ``according to X``: X is the noun phrase after the cue.
* A PERSON/ORGANIZATION mention right before the cue ("Toqaev said", "Toqaev also
  said", "... (OSCE) said in a statement") is the speaker; an organisation whose officer
  was named before it is the officer's ("Scott Carson, president and CEO of Boeing
  Commercial Airplanes said").
* Nothing but punctuation between a closing quote and the cue ("..., said George
  Tsereteli", "..., said an unnamed young woman at ..."): the noun phrase after the cue;
  "said a spokesman for the ministry" gives the ministry.
* A cue after a comma whose speaker follows it and ends the clause ("..., as rivals such
  as Intel catch up, said Chan."): that speaker, not the name before the comma.
* An appositive before the cue ("Anuar Nurpeisov, an actor ..., said"): the first
  PERSON/ORGANIZATION of the clause that a comma follows.
* "and said", "and again branded", "..., claiming": the subject of the previous cue in the
  same sentence.
* Otherwise the subject noun phrase (the words after the last clause boundary):
  a mention inside it (PERSON before ORGANIZATION); a pronoun ("he"/"she" -> last
  PERSON, "it" -> last ORGANIZATION or "the ... department/ministry/newspaper/..."
  phrase, "they" -> last ORGANIZATION in the sentence); "the <description>" -> the
  last entity whose name, alias or description shares the head noun or a modifier
  ("the US-based rights group" -> Human Rights Watch; a bare "the group" -> the last
  ORGANIZATION; "the newspaper" -> the last one named like a newspaper, "The Boston
  Herald"); "the statement by X" -> X; anything else is an unnamed speaker
  ("some of those attending the meeting") kept as ``speaker_text`` only.

The cues are found in ``cues.py``; a speaker before the cue is read in ``before_cue.py``,
one after it in ``after_cue.py``, a noun phrase, pronoun or description in
``noun_phrases.py`` and ``mention_index.py``. This module keeps the order in which they
are tried.
"""

from __future__ import annotations

import re

from service.ingest.quotes.after_cue import after_cue, inverted_speaker
from service.ingest.quotes.before_cue import (
    adjacent_mention,
    after_last_boundary,
    apposed_person,
    appositive_subject,
    described_subject,
    officer_of,
    pronoun_subject,
    relative_antecedent,
    sentence_subject,
    unnamed_subject,
)
from service.ingest.quotes.cues import MASK, Attribution, Cue, named_attribution
from service.ingest.quotes.mention_index import MentionIndex
from service.ingest.quotes.noun_phrases import holds_role, noun_phrase, pronoun_speaker
from service.ingest.quotes.speaker_words import WORD

# A speaker described by a relative clause between it and its cue
_DESCRIBED_BY_CLAUSE = re.compile(
    r"[\s,]*(?P<np>[^,;:.]{2,60}?),\s*(?:who|which)\b[^;:.]*,\s*$", re.IGNORECASE
)


def attribute(
    body: str,
    masked: str,
    clause_floor: int,
    ctx_end: int,
    cue: Cue,
    previous: Attribution | None,
    index: MentionIndex,
) -> Attribution:
    """The speaker of ``cue``; ``clause_floor`` is where its sentence (or paragraph) starts."""
    if cue.phrase.lower().startswith(("according", "in the words")):
        return after_cue(body, masked, cue, ctx_end, index)
    relayed = _QUOTED_AS.match(masked, cue.end, ctx_end)
    if cue.phrase.lower() in _RELAYING and relayed is not None:
        # "Detik.com quoted Djamal as saying": Djamal speaks, Detik.com passes it on
        pronoun = _SUBJECT_OF.get(relayed.group("np").casefold())
        if pronoun is not None:  # "People quoted him as saying": whom "he" stands for
            return pronoun_speaker(body, pronoun, relayed.start("np"), cue, index)
        return noun_phrase(body, relayed.start("np"), relayed.end("np"), cue, index)
    starts = [b.end() for b in re.finditer(MASK + "+", masked[clause_floor : cue.start])]
    clause_start = clause_floor + (starts[-1] if starts else 0)
    quoted = _QUOTED_PASSIVE.search(masked, clause_start, cue.start)
    if quoted is not None:  # "Mr. Kim was quoted as telling": Kim speaks
        subject_start = after_last_boundary(masked, clause_start, quoted.start())
        return noun_phrase(body, subject_start, quoted.start(), cue, index)
    before = masked[clause_start : cue.start]
    antecedent = relative_antecedent(masked, clause_floor, clause_start, cue.start, index)
    if antecedent is not None:
        return named_attribution(antecedent, cue)
    apposed = apposed_person(masked, clause_start, cue.start, index)
    if apposed is not None:
        return named_attribution(apposed, cue)
    named = adjacent_mention(masked, clause_start, cue.start, index)
    if named is not None and (officer := officer_of(masked, clause_start, named, index)):
        return named_attribution(officer, cue)
    if named is not None:  # "the premier of the state of X said": not X
        lead_start = after_last_boundary(masked, clause_start, named[0].span.start)
        lead = body[lead_start : named[0].span.start]
        if holds_role(lead.lstrip()) and not index.within(lead_start, named[0].span.start):
            return Attribution(None, body[lead_start : cue.start].strip(), cue.phrase)
    if named is not None:
        via = _VIA.search(masked, clause_start, named[0].span.start)
        if via is None:
            return named_attribution(named, cue)
        # "A leaked internal letter seen by Sky News says": the letter speaks, not Sky News
        return noun_phrase(body, clause_start, via.start(), cue, index)
    if not WORD.search(before):
        participle = cue.phrase.lower().endswith("ing")
        if starts and not participle:  # "'...,' said George Tsereteli"
            return after_cue(body, masked, cue, ctx_end, index)
        if participle and previous is not None:  # '... "Antennagate," saying that': not
            return Attribution(previous.speaker, previous.speaker_text, cue.phrase)  # after
        return Attribution(None, None, cue.phrase)
    inherits = cue.phrase.lower().endswith("ing") or _JOINED.search(before)
    if inherits and previous is not None:
        return Attribution(previous.speaker, previous.speaker_text, cue.phrase)
    if previous is None and re.search(r"\b(?:and|but)\s*$", before):
        # "Mr. Trump again assailed the agreement as "insane," but said": the subject of
        # the verb the cue is joined to
        subject = sentence_subject(masked, clause_floor, cue.start, index)
        if subject is not None:
            return named_attribution(subject, cue)
    tail_start = after_last_boundary(masked, clause_start, cue.start)
    reported = list(_REPORTING.finditer(masked, tail_start, cue.start))
    if reported and not inherits:
        # "Comey said the president told him, ...": whoever the first cue reports speaks
        tail_start = reported[-1].end()
    tail = body[tail_start : cue.start].strip()
    if inherits and not tail and before.rstrip().endswith(","):
        # "Trump did not restrain ... with French President Emmanuel Macron, warning":
        # a participle after a comma runs on from its sentence's subject, not the last name
        subject = sentence_subject(masked, clause_floor, cue.start, index)
        if subject is not None:
            return named_attribution(subject, cue)
        described = described_subject(body, masked, clause_floor, cue.start)
        if described is not None:  # "The president ... distanced himself from Cohen, saying"
            return _described_speaker(described, cue, index)
        unnamed = unnamed_subject(masked, clause_floor, cue.start)
        if unnamed is not None:  # "A government official played down the report, saying"
            return Attribution(None, unnamed, cue.phrase)
        opener = pronoun_subject(masked, clause_floor, cue.start)
        if opener is not None:  # "He also declined to speculate ..., saying": whom he is
            return pronoun_speaker(body, opener.group("p"), opener.start("p"), cue, index)
    if not tail and before.rstrip().endswith(","):
        inverted = inverted_speaker(body, masked, cue, ctx_end, index)
        if inverted is not None:
            return inverted
        described = described_subject(body, masked, clause_start, cue.start)
        if described is not None and _PARENTHETICAL.match(masked, described.end()):
            # "The president, sitting next to Prime Minister Shinzo Abe, said": the one
            # described, not the name in the clause set between subject and cue
            return _described_speaker(described, cue, index)
        subject = appositive_subject(masked, clause_start, cue.start, index)
        if subject is not None:
            return named_attribution(subject, cue)
        described = _DESCRIBED_BY_CLAUSE.match(masked, clause_start, cue.start)
        if described is not None:  # '"...," one resident, who asked not to be named, told'
            return noun_phrase(body, described.start("np"), described.end("np"), cue, index)
        if previous is not None:
            return Attribution(previous.speaker, previous.speaker_text, cue.phrase)
        return Attribution(None, None, cue.phrase)
    return noun_phrase(body, tail_start, cue.start, cue, index)


def _described_speaker(described: re.Match[str], cue: Cue, index: MentionIndex) -> Attribution:
    """A subject told by description ("The president"): the entity it describes, if one,
    with the description as the speaker text."""
    words = [w.casefold() for w in WORD.findall(described.group())]
    found = index.by_description(words, described.start())
    return Attribution(found, described.group().strip(), cue.phrase)


# "and said", "and again branded": a cue joined to the verb before it shares its subject
_JOINED = re.compile(r"\band(?:\s+(?:again|also|then|later|still|even|repeatedly))?\s*$")


# "Comey said the president told him": a cue that reports another's words
_REPORTING = re.compile(r"\b(?:said|says|wrote|writes|recalled|recounted)\s+(?:that\s+)?")


# "X was quoted by state television as saying": X spoke
_QUOTED_PASSIVE = re.compile(
    r"\s+(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:quoted|cited)\s+"
    r"(?:by\s+[^,;:.]{1,60}?\s+)?as\s+$"
)


# "quoted X as saying", "cited X as telling": X is who spoke
_RELAYING = frozenset({"quoted", "quotes", "quoting", "cited", "cites", "citing"})


# The object pronoun a relaying verb takes, read as the subject it stands for
_SUBJECT_OF = {"him": "he", "her": "she", "them": "they"}


_QUOTED_AS = re.compile(
    r"\s+(?P<np>[^,;:.]{1,80}?)\s+as\s+(?:saying|telling|stating|writing|adding)\b"
)


# A name after these is who saw or passed on what speaks, not the speaker.
_VIA = re.compile(
    r"\b(?:seen|obtained|reviewed|quoted|cited|published|leaked|sent|shown|given)\s+"
    r"(?:by|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# A clause set off by commas after a subject, opened by a lower-case word ("sitting next
# to", "who has", "speaking in"), not a name in apposition ("The official, Ali Shamkhani,")
_PARENTHETICAL = re.compile(r"\s*,\s*[a-z]")
