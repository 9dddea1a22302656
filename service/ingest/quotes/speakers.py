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
* "and said", "..., claiming": the subject of the previous cue in the same sentence.
* Otherwise the subject noun phrase (the words after the last clause boundary):
  a mention inside it (PERSON before ORGANIZATION); a pronoun ("he"/"she" -> last
  PERSON, "it" -> last ORGANIZATION or "the ... department/ministry/newspaper/..."
  phrase, "they" -> last ORGANIZATION in the sentence); "the <description>" -> the
  last entity whose name, alias or description shares the head noun or a modifier
  ("the US-based rights group" -> Human Rights Watch; a bare "the group" -> the last
  ORGANIZATION; "the newspaper" -> the last one named like a newspaper, "The Boston
  Herald"); "the statement by X" -> X; anything else is an unnamed speaker
  ("some of those attending the meeting") kept as ``speaker_text`` only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.coreference import may_be
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate

MASK = "\x1f"


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VERBS = _word_set(
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
_AFTER_BOUNDARY = re.compile(
    MASK + r"|[,.;:!?()\[\]]|\b(?:at|in|on|from|during|who|which|that|after|before|with|"
    r"near|outside|inside|as|while|when|for|to)\b",
)
_LEADING_ADVERBIAL = re.compile(
    r"\s*(?:(?:late|early|later)\s+)?(?:on\s+(?:[A-Z]\w+)(?:\s+\d{1,2})?|on\s+\w+day|"
    r"late|later|earlier|afterwards|also)?\s*,?\s*"
)
# "a spokesperson for the company": whom the spokesperson speaks for
_SPEAKS_FOR = re.compile(
    r"(?i)(?:an?|the)\s+(?:\w+\s+)?(?:spokes\w+|representatives?|press\s+officer)\s+"
    r"(?:for|of|at)\s+(?P<whom>.+)$"
)
_SPOKESPERSON = re.compile(r"\b(?:spokes\w+|representatives?|press\s+secretary)\s*$")
_PRONOUN = re.compile(r"(?i)(he|she|it|they)")
_WORD = re.compile(r"[A-Za-z0-9][\w’'&/.-]*")
_ORG_PHRASE = re.compile(
    r"\b[Tt]he\s+(?:[\w’'.-]+\s+){0,3}?(?:department|ministry|commission|committee|agency|"
    r"office|party|movement|government|court|mission|foundation|bureau|organi[sz]ation|"
    r"council|service|group|watchdog|newspaper|paper|magazine|network|channel|broadcaster|"
    r"website|outlet)\b"
)
# Heads so generic that the last ORGANIZATION is the best guess without a name match:
# "the group", "the company", "the carmaker".
_GENERIC_ORG_HEADS = gz.COMPANY_NOUNS | _word_set(
    """group organisation organization watchdog body company firm corporation business
    giant"""
)
_ORG_HEADS = (
    _word_set(
        """department ministry commission committee agency office party movement government
    court mission foundation bureau organisation organization council service group
    watchdog body union police monitor observer"""
    )
    | _GENERIC_ORG_HEADS
)

_PERSON_HEADS = _word_set(
    """man woman minister president spokesman spokeswoman spokesperson official activist
    singer poet candidate leader journalist diplomat chairman chairwoman head chief
    coordinator director lawyer opposition banker actor manager coach boss captain
    striker midfielder defender goalkeeper forward player winger skipper judge prosecutor
    economist analyst executive governor mayor senator secretary professor researcher
    scientist doctor nurse teacher farmer resident witness mother father veteran
    premier chancellor ambassador general commander officer congressman congresswoman
    lawmaker legislator councillor councilman councilwoman attorney solicitor barrister
    detective inspector sergeant superintendent magistrate founder owner chairperson
    commissioner adviser advisor aide strategist pollster historian expert consultant
    campaigner"""
)
# "the newspaper", "the paper": the last organisation whose name ends like a newspaper's
_NEWSPAPER_HEADS = _word_set("newspaper paper daily tabloid")
_MASTHEADS = _word_set(
    """news times gazette chronicle telegraph courier inquirer examiner bulletin post
    journal herald tribune globe mirror express guardian independent observer standard"""
)
# People a story quotes without naming them: "the witness told detectives".
UNNAMED_HEADS = _word_set(
    "witness resident neighbour neighbor passenger bystander onlooker survivor"
)
# A person told by age: "the 26-year-old", "the 78-year-old".
_AGED = re.compile(r"\d{1,3}-year-old")
# Modifiers too generic to pick an entity by.
_WEAK_WORDS = _word_set(
    """the a an us-based local international former new joint two leading main its their
    his her official statement"""
)
_MAX_NP_WORDS = 10
# How far back "the manager" may look for the person it stands for, when no name fits.
_DESCRIBED_REACH = 300
_SPEAKER_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION)


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


class MentionIndex:
    """An article's mentions ordered by position, with their local entity."""

    def __init__(
        self, mentions: Sequence[MentionCandidate], entities: Sequence[LocalEntity]
    ) -> None:
        by_name: dict[str, int] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                by_name.setdefault(name.casefold(), entity.index)
        resolved: list[tuple[MentionCandidate, int]] = []
        for m in sorted(mentions, key=lambda m: (m.span.start, m.span.end)):
            idx = m.local_entity if 0 <= m.local_entity < len(entities) else None
            if idx is None:
                idx = by_name.get(m.name.casefold())
            if idx is not None:
                resolved.append((m, idx))
        self.entities = entities
        self.items = resolved
        self._starts = [m.span.start for m, _ in resolved]
        self._entity_words = [_entity_words(e) for e in entities]

    def kind(self, entity: int) -> EntityKind:
        return self.entities[entity].kind

    def within(self, start: int, end: int) -> list[tuple[MentionCandidate, int]]:
        """Mentions that end inside ``start..end`` (they may begin before it)."""
        hi = bisect.bisect_left(self._starts, end)
        return [(m, e) for m, e in self.items[:hi] if start < m.span.end <= end]

    def last_before(
        self, pos: int, kinds: tuple[EntityKind, ...], since: int = 0, sex: str | None = None
    ) -> tuple[MentionCandidate, int] | None:
        """The last mention of ``kinds`` before ``pos``; with ``sex``, never a person
        whose given name is only ever the other sex's."""
        hi = bisect.bisect_left(self._starts, pos)
        for m, e in reversed(self.items[:hi]):
            if m.span.end <= since:
                return None
            if (
                m.span.end <= pos
                and self.kind(e) in kinds
                and may_be(self.entities[e], sex, self.entities)
            ):
                return m, e
        return None

    def sole_holder(self, role: str) -> int | None:
        """The one person of the article whose description holds every word of ``role``
        ("prime minister" for "Israeli prime minister"), or None when none or several do."""
        wanted = {_singular(w) for w in _WORD.findall(role)}
        holders = {
            e.index
            for e in self.entities
            if e.kind is EntityKind.PERSON
            and wanted <= {_singular(w) for w in _WORD.findall(e.description or "")}
        }
        return holders.pop() if len(holders) == 1 else None

    def surname_of(self, word: str) -> int | None:
        """The one person of the article whose full name ends in ``word``."""
        bearers = {
            e.index
            for e in self.entities
            if e.kind is EntityKind.PERSON and " " in e.name and e.name.split()[-1] == word
        }
        return bearers.pop() if len(bearers) == 1 else None

    def by_description(self, words: list[str], pos: int) -> int | None:
        """The last entity before ``pos`` that "the <words>" fits, by head noun or modifier."""
        head = _singular(words[-1])
        if _AGED.fullmatch(head):  # "added the 26-year-old": the last person named
            last = self.last_before(pos, (EntityKind.PERSON,))
            return last[1] if last else None
        if head in _ORG_HEADS:
            kinds: tuple[EntityKind, ...] = (EntityKind.ORGANIZATION,)
        elif head in _PERSON_HEADS:
            kinds = (EntityKind.PERSON,)
        else:
            kinds = _SPEAKER_KINDS
        cues = {head} | {_singular(w) for w in words[:-1] if w not in _WEAK_WORDS}
        hi = bisect.bisect_left(self._starts, pos)
        seen: set[int] = set()
        for _m, e in reversed(self.items[:hi]):
            if e in seen or self.kind(e) not in kinds:
                continue
            seen.add(e)
            if cues & self._entity_words[e]:
                return e
        if head in _NEWSPAPER_HEADS:
            # "The Boston Herald reported ... Though the newspaper doesn't cite its source":
            # the last organisation named as a newspaper is
            for _m, e in reversed(self.items[:hi]):
                name = self.entities[e].name.split()
                if self.kind(e) is EntityKind.ORGANIZATION and name[-1].casefold() in _MASTHEADS:
                    return e
            return None
        if head in _GENERIC_ORG_HEADS:
            last = self.last_before(pos, (EntityKind.ORGANIZATION,))
            return last[1] if last else None
        if kinds == (EntityKind.PERSON,):
            # "the president": an entity described as one, even when its name was taken
            # for an organisation's, before whoever was named last
            for _m, e in reversed(self.items[:hi]):
                if self.kind(e) is EntityKind.ORGANIZATION and head in self._entity_words[e]:
                    return e
            # "the City manager said": the person just named; a witness or a resident is
            # someone the story does not name
            if head in UNNAMED_HEADS:
                return None
            last = self.last_before(pos, kinds, since=max(0, pos - _DESCRIBED_REACH))
            return last[1] if last else None
        return None


def _entity_words(entity: LocalEntity) -> frozenset[str]:
    text = " ".join((entity.name, *entity.aliases, entity.description or ""))
    return frozenset(_singular(w) for w in _WORD.findall(text.casefold()))


def _singular(word: str) -> str:
    word = word.casefold()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def find_cues(masked: str, start: int, end: int) -> list[Cue]:
    """Reporting verbs in ``masked[start:end]``, leaving out passive and naming uses, and
    a relative clause's verb when the sentence's own cue follows it ("one resident, who
    asked not to be named, told AFP")."""
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
        if m.group().lower() in _FINDING and _FOUND_OBJECT.match(masked, m.end(), end):
            continue  # "Russia found a "willing partner"": found something, said nothing
        if not _WORD.search(masked, start, m.start()) and _OPENING_PARTICIPLE.match(
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


# A sentence opened by a participle clause: "Asked whether he would stay, Guardiola
# smiled:", "Told of the verdict, ...": who was asked speaks later, if at all.
_OPENING_PARTICIPLE = re.compile(
    r"[A-Z]\w*ed\s+(?:about|whether|if|why|how|what|when|where|who|to|by|for|on|of|that)\b"
)


# A speaker described by a relative clause between it and its cue
_DESCRIBED_BY_CLAUSE = re.compile(
    r"[\s,]*(?P<np>[^,;:.]{2,60}?),\s*(?:who|which)\b[^;:.]*,\s*$", re.IGNORECASE
)
_RELATIVE_BEFORE = re.compile(r",\s*(?:who|which)\s+$", re.IGNORECASE)


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
        return _after_cue(body, masked, cue, ctx_end, index)
    relayed = _QUOTED_AS.match(masked, cue.end, ctx_end)
    if cue.phrase.lower() in _RELAYING and relayed is not None:
        # "Detik.com quoted Djamal as saying": Djamal speaks, Detik.com passes it on
        pronoun = _SUBJECT_OF.get(relayed.group("np").casefold())
        if pronoun is not None:  # "People quoted him as saying": whom "he" stands for
            return _pronoun(body, pronoun, relayed.start("np"), cue, index)
        return _noun_phrase(body, relayed.start("np"), relayed.end("np"), cue, index)
    starts = [b.end() for b in re.finditer(MASK + "+", masked[clause_floor : cue.start])]
    clause_start = clause_floor + (starts[-1] if starts else 0)
    quoted = _QUOTED_PASSIVE.search(masked, clause_start, cue.start)
    if quoted is not None:  # "Mr. Kim was quoted as telling": Kim speaks
        subject_start = _after_last_boundary(masked, clause_start, quoted.start())
        return _noun_phrase(body, subject_start, quoted.start(), cue, index)
    before = masked[clause_start : cue.start]
    antecedent = _relative_antecedent(masked, clause_floor, clause_start, cue.start, index)
    if antecedent is not None:
        return named_attribution(antecedent, cue)
    apposed = _apposed_person(masked, clause_start, cue.start, index)
    if apposed is not None:
        return named_attribution(apposed, cue)
    named = _adjacent_mention(masked, clause_start, cue.start, index)
    if named is not None and (officer := _officer_of(masked, clause_start, named, index)):
        return named_attribution(officer, cue)
    if named is not None:  # "the premier of the state of X said": not X
        lead_start = _after_last_boundary(masked, clause_start, named[0].span.start)
        lead = body[lead_start : named[0].span.start]
        if holds_role(lead.lstrip()) and not index.within(lead_start, named[0].span.start):
            return Attribution(None, body[lead_start : cue.start].strip(), cue.phrase)
    if named is not None:
        via = _VIA.search(masked, clause_start, named[0].span.start)
        if via is None:
            return named_attribution(named, cue)
        # "A leaked internal letter seen by Sky News says": the letter speaks, not Sky News
        return _noun_phrase(body, clause_start, via.start(), cue, index)
    if not _WORD.search(before):
        participle = cue.phrase.lower().endswith("ing")
        if starts and not participle:  # "'...,' said George Tsereteli"
            return _after_cue(body, masked, cue, ctx_end, index)
        if participle and previous is not None:  # '... "Antennagate," saying that': not
            return Attribution(previous.speaker, previous.speaker_text, cue.phrase)  # after
        return Attribution(None, None, cue.phrase)
    inherits = cue.phrase.lower().endswith("ing") or re.search(r"\band\s*$", before)
    if inherits and previous is not None:
        return Attribution(previous.speaker, previous.speaker_text, cue.phrase)
    if previous is None and re.search(r"\b(?:and|but)\s*$", before):
        # "Mr. Trump again assailed the agreement as "insane," but said": the subject of
        # the verb the cue is joined to
        subject = _sentence_subject(masked, clause_floor, cue.start, index)
        if subject is not None:
            return named_attribution(subject, cue)
    tail_start = _after_last_boundary(masked, clause_start, cue.start)
    reported = list(_REPORTING.finditer(masked, tail_start, cue.start))
    if reported and not inherits:
        # "Comey said the president told him, ...": whoever the first cue reports speaks
        tail_start = reported[-1].end()
    tail = body[tail_start : cue.start].strip()
    if inherits and not tail and before.rstrip().endswith(","):
        # "Trump did not restrain ... with French President Emmanuel Macron, warning":
        # a participle after a comma runs on from its sentence's subject, not the last name
        subject = _sentence_subject(masked, clause_floor, cue.start, index)
        if subject is not None:
            return named_attribution(subject, cue)
        described = _described_subject(body, masked, clause_floor, cue.start)
        if described is not None:  # "The president ... distanced himself from Cohen, saying"
            return _described_speaker(described, cue, index)
        opener = _pronoun_subject(masked, clause_floor, cue.start)
        if opener is not None:  # "He also declined to speculate ..., saying": whom he is
            return _pronoun(body, opener.group("p"), opener.start("p"), cue, index)
    if not tail and before.rstrip().endswith(","):
        inverted = _inverted_speaker(body, masked, cue, ctx_end, index)
        if inverted is not None:
            return inverted
        described = _described_subject(body, masked, clause_start, cue.start)
        if described is not None and _PARENTHETICAL.match(masked, described.end()):
            # "The president, sitting next to Prime Minister Shinzo Abe, said": the one
            # described, not the name in the clause set between subject and cue
            return _described_speaker(described, cue, index)
        subject = _appositive_subject(masked, clause_start, cue.start, index)
        if subject is not None:
            return named_attribution(subject, cue)
        described = _DESCRIBED_BY_CLAUSE.match(masked, clause_start, cue.start)
        if described is not None:  # '"...," one resident, who asked not to be named, told'
            return _noun_phrase(body, described.start("np"), described.end("np"), cue, index)
        if previous is not None:
            return Attribution(previous.speaker, previous.speaker_text, cue.phrase)
        return Attribution(None, None, cue.phrase)
    return _noun_phrase(body, tail_start, cue.start, cue, index)


def _inverted_speaker(
    body: str, masked: str, cue: Cue, ctx_end: int, index: MentionIndex
) -> Attribution | None:
    """The speaker named after a cue set after a comma that ends the clause it closes:
    "Sales will slow as rivals such as Intel catch up, said Chan." (not Intel, the name
    before the comma), "..., said the fire chief, James Steele." Not "Sanders, a
    senator, said Trump would ...", whose name after the cue opens what is said, nor
    "..., told France Info." (whom the speaker told)."""
    if cue.phrase.split(" ")[0].lower() not in _INVERTED_VERBS:
        return None  # "..., told France Info.": whom the speaker told
    found = _after_cue(body, masked, cue, ctx_end, index)
    if found.speaker is None:
        return None
    named = [m for m, e in index.within(cue.end, ctx_end) if e == found.speaker]
    if not named or not _CLAUSE_END.match(masked, named[0].span.end, ctx_end):
        return None
    return found


_CLAUSE_END = re.compile(r"\s*(?:[,.;]|$)")
# Cues whose subject may follow them; "told", "asked", "warned" take an object there.
_INVERTED_VERBS = _word_set(
    "said says added adds wrote writes noted notes explained explains continued continues "
    "concluded concludes recalled recalls"
)


def _described_speaker(described: re.Match[str], cue: Cue, index: MentionIndex) -> Attribution:
    """A subject told by description ("The president"): the entity it describes, if one,
    with the description as the speaker text."""
    words = [w.casefold() for w in _WORD.findall(described.group())]
    found = index.by_description(words, described.start())
    return Attribution(found, described.group().strip(), cue.phrase)


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

# ", president and CEO of" between a person and the organisation named before the cue
_OFFICE_OF = re.compile(
    r"\s*,\s*(?:the\s+)?(?P<role>(?:[\w-]+\s+){1,6}?)(?:of|at|for)\s+(?:the\s+)?"
)

# Nothing but "of"/"at"/"from" between a person and the organisation before the cue
_MEMBER_OF = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?")


def _officer_of(
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


def _after_last_boundary(masked: str, start: int, end: int) -> int:
    """Where the last clause of ``masked[start:end]`` begins (past its last boundary)."""
    found = start
    for b in _CLAUSE_BOUNDARY.finditer(masked, start, end):
        found = b.end()
    return found


# A name after these is who saw or passed on what speaks, not the speaker.
_VIA = re.compile(
    r"\b(?:seen|obtained|reviewed|quoted|cited|published|leaked|sent|shown|given)\s+"
    r"(?:by|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def named_attribution(mention: tuple[MentionCandidate, int], cue: Cue) -> Attribution:
    m, entity = mention
    return Attribution(entity, m.text, cue.phrase)


def _adjacent_mention(
    masked: str, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    last = index.last_before(cue_start, _SPEAKER_KINDS, since=clause_start)
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


# A clause set off by commas after a subject, opened by a lower-case word ("sitting next
# to", "who has", "speaking in"), not a name in apposition ("The official, Ali Shamkhani,")
_PARENTHETICAL = re.compile(r"\s*,\s*[a-z]")
# "The president", "the company's chief executive": a subject described, not named
_DESCRIBED_SUBJECT = re.compile(
    r"[Tt]he\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[a-z][\w-]*)(?=\s*,|\s+[a-z])"
)


# A sentence whose subject is "he" or "she", past an opening clause: "He also declined"
_PRONOUN_SUBJECT = re.compile(r"\s*(?P<p>[Hh]e|[Ss]he)\s+[a-z]")


def _pronoun_subject(masked: str, clause_start: int, cue_start: int) -> re.Match[str] | None:
    """The "he" or "she" a sentence opens with (past an opening clause, before any quote),
    the subject a participle after a comma runs on from."""
    opening = _OPENING_CLAUSE.match(masked, clause_start, cue_start)
    start = opening.end() if opening else clause_start
    found = _PRONOUN_SUBJECT.match(masked, start, cue_start)
    if found is None or MASK in masked[start : found.end()]:
        return None
    return found


def _described_subject(
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
    head = _singular(found["head"])
    return found if head in _PERSON_HEADS or head in _ORG_HEADS else None


_NAME_LEAD_WORDS = _word_set("the a an of for and former then new acting deputy senior chief vice")


def _may_lead_a_name(word: str) -> bool:
    """A lower-case word that may stand in the title or description before a name."""
    w = word.casefold()
    return (
        w in _NAME_LEAD_WORDS
        or w in gz.PERSON_ROLES
        or w in gz.TITLE_MODIFIERS
        or _singular(w) in _PERSON_HEADS
        or _singular(w) in _ORG_HEADS
    )


def _sentence_subject(
    masked: str, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    """The name a sentence opens with, past an opening clause ("Hosting X, Mr. Trump"):
    its subject, when no comma, quote or verb of speech comes before it."""
    opening = _OPENING_CLAUSE.match(masked, clause_start, cue_start)
    start = opening.end() if opening else clause_start
    for m, e in index.within(start, cue_start):
        if m.span.start < start or index.kind(e) not in _SPEAKER_KINDS:
            continue
        lead = masked[start : m.span.start]
        if re.search(r"[,;:()]|" + MASK, lead) or len(_WORD.findall(lead)) > _SUBJECT_LEAD_WORDS:
            return None
        if any(w.islower() and not _may_lead_a_name(w) for w in _WORD.findall(lead)):
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


def _relative_antecedent(
    masked: str, clause_floor: int, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    """Whom a relative clause's cue belongs to: "Iranian diplomat Mohammad Javad Zarif, who
    said Trump is being "impetuous"", and "Boris Johnson, who said in 2015 "...", tweeted
    the news was "fantastic"" (both quotes are Johnson's)."""
    runs = list(re.finditer(MASK + "+", masked[clause_floor:cue_start]))
    if _WHO_CUE.search(masked, clause_start, cue_start) is not None:
        end = clause_start
        before_who = _WHO_CUE.search(masked, clause_start, cue_start)
    elif runs and not _WORD.search(masked, clause_start, cue_start):
        end = clause_floor + runs[-1].start()
        last_start = clause_floor + (runs[-2].end() if len(runs) > 1 else 0)
        before_who = _WHO_BEFORE_QUOTE.search(masked, last_start, end)
        clause_start = last_start
    else:
        return None
    if before_who is None:
        return None
    found = index.last_before(before_who.start() + 1, _SPEAKER_KINDS, since=clause_start)
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
_PARTY_MEMBERS = _word_set("democrat republican conservative liberal")


def _apposed_person(
    masked: str, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    """The person a clause opens with when only an appositive naming their role stands
    between the name and the cue; no other person is named in it but as an owner."""
    subject = _sentence_subject(masked, clause_start, cue_start, index)
    if subject is None or index.kind(subject[1]) is not EntityKind.PERSON:
        return None
    apposed = _APPOSED.match(masked, subject[0].span.end, cue_start)
    if apposed is None or MASK in apposed["role"] or CUE_RE.search(apposed["role"]):
        return None
    words = [w.casefold() for w in _WORD.findall(apposed["role"])]
    if not words or len(words) > _APPOSED_ROLE_WORDS or words[0] in ("and", "or"):
        return None
    if re.search(r"\b(?:who|which|that|whose|when|where|while|after|before|as)\b", apposed["role"]):
        return None
    roles = gz.PERSON_ROLES | _PERSON_HEADS | _PARTY_MEMBERS
    if not any(_singular(w) in roles or w in roles for w in words):
        return None
    for m, e in index.within(apposed.start("role"), cue_start):
        # "Goodlatte, Gowdy and Nunes said": names listed, not one described (a name
        # that owns or qualifies a role, "Mr. Stone's lawyer", "Liberal Democrat deputy
        # leader", is part of the description)
        listed = re.match(r"\s*(?:,|and\b|or\b)|\s*$", masked[m.span.end : cue_start])
        if index.kind(e) is EntityKind.PERSON and e != subject[1] and listed is not None:
            return None
    return subject


def _appositive_subject(
    masked: str, clause_start: int, cue_start: int, index: MentionIndex
) -> tuple[MentionCandidate, int] | None:
    for m, e in index.within(clause_start, cue_start):
        if m.span.start < clause_start or index.kind(e) not in _SPEAKER_KINDS:
            continue
        if re.match(r"\s*(?:\([^)]*\))?\s*,", masked[m.span.end : cue_start]):
            return m, e
    return None


_LEADING_ADVERB = re.compile(r"(?:Then|Later|Now|Finally|Suddenly|Meanwhile|Also),?\s+(?=[a-z])")
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|later|then|again|further|previously|earlier|recently|separately|"
    r"once|publicly|repeatedly|reportedly))+$"
)


def _noun_phrase(body: str, start: int, end: int, cue: Cue, index: MentionIndex) -> Attribution:
    """Attribution to the noun phrase ``body[start:end]`` (a subject or an agent)."""
    text = body[start:end].strip(" \t\n,.;:")
    offset = start + body[start:end].find(text) if text else start
    # "It also said", "Cummings later wrote": the adverb is no part of who speaks
    text = _TRAILING_ADVERBS.sub("", text)
    # "Then a co-worker yelled": the adverb opening the sentence is no part of who speaks
    lead = _LEADING_ADVERB.match(text)
    if lead is not None:
        offset += lead.end()
        text = text[lead.end() :]
    words = _WORD.findall(text)
    if not words or len(words) > _MAX_NP_WORDS:
        return Attribution(None, None, cue.phrase)
    inside = [
        (m, e)
        for m, e in index.within(offset, offset + len(text))
        if m.span.start >= offset and index.kind(e) in _SPEAKER_KINDS
    ]
    people = [x for x in inside if index.kind(x[1]) is EntityKind.PERSON]
    if not people and inside and holds_role(body[offset : inside[0][0].span.start]):
        return Attribution(None, text, cue.phrase)  # "the general secretary of Unite"
    if people or inside:
        return named_attribution((people or inside)[-1], cue)
    if len(words) == 1 and _PRONOUN.fullmatch(words[0]):
        return _pronoun(body, words[0], offset, cue, index)
    if words[-1][:1].isupper() and (bearer := index.surname_of(words[-1])) is not None:
        return Attribution(bearer, text, cue.phrase)  # "Djamal", not read as a name here
    if len(words) > 1 and words[-1] in ("he", "she", "they"):
        # "Speaking to the public he said", "Of the government ownership he stated": a
        # phrase set before the subject, which is the pronoun
        at = offset + text.rfind(words[-1])
        return _pronoun(body, words[-1], at, cue, index)
    lowered = [w.casefold() for w in words]
    spokesperson = _SPEAKS_FOR.match(text)
    if spokesperson is not None:  # "A spokesperson for the company said": the company
        behind = [w.casefold() for w in _WORD.findall(spokesperson["whom"])]
        if behind and behind[0] == "the":
            return Attribution(index.by_description(behind, offset), text, cue.phrase)
    possessive = _POSSESSIVE_ROLE.fullmatch(text)
    if possessive is not None and _singular(possessive["head"]) in _PERSON_HEADS:
        holder = index.sole_holder(possessive["role"])
        return Attribution(holder, text, cue.phrase)
    agent = _statement_agent(lowered)
    if agent is not None:
        inner = index.by_description(agent, offset) if agent else None
        return Attribution(inner, text, cue.phrase)
    if lowered[0] == "the":
        return Attribution(index.by_description(lowered, offset), text, cue.phrase)
    return Attribution(None, text, cue.phrase)


# "Israel's prime minister", "the church's minister": a role told by whose it is
_POSSESSIVE_ROLE = re.compile(
    r"(?:[Tt]he\s+)?[A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*){0,2}['’]s\s+"
    r"(?P<role>(?:[a-z][\w-]*\s+){0,2}(?P<head>[a-z][\w-]*))"
)


# "the premier of", "the head of the German state of": a role held in what is named next.
_HOLDER = re.compile(r"^(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?P<role>[\w-]+)\s+(?:of|at)\s")


def holds_role(lead: str) -> bool:
    """The words before a noun phrase's first name describe someone holding a role in it
    (not a spokesperson, whose words are the organisation's)."""
    m = _HOLDER.match(lead.casefold())
    role = m["role"] if m is not None else ""
    return role in gz.PERSON_ROLES and _SPOKESPERSON.search(role) is None


def _statement_agent(words: list[str]) -> list[str] | None:
    """For "the joint statement by rights groups": ``["rights", "groups"]``; else None."""
    for i, w in enumerate(words):
        if w not in ("statement", "report", "letter"):
            continue
        if i + 1 < len(words) and words[i + 1] in ("by", "of", "from"):
            return [x for x in words[i + 2 :] if x not in _WEAK_WORDS]
        return []
    return None


def _pronoun(body: str, word: str, pos: int, cue: Cue, index: MentionIndex) -> Attribution:
    """ "he"/"she" -> last PERSON, "they" -> last ORGANIZATION in the sentence, "it" -> ``_it``."""
    kind = word.casefold()
    if kind in ("he", "she"):
        sex = "male" if kind == "he" else "female"
        last = index.last_before(pos, (EntityKind.PERSON,), sex=sex)
    elif kind == "they":
        floor = max(body.rfind(".", 0, pos), body.rfind("\n", 0, pos))
        last = index.last_before(pos, (EntityKind.ORGANIZATION,), since=floor)
    else:
        return _it(body, word, pos, cue, index)
    return Attribution(last[1] if last else None, word, cue.phrase)


def _it(body: str, word: str, pos: int, cue: Cue, index: MentionIndex) -> Attribution:
    """The last ORGANIZATION, unless a later "the ... department" phrase stands for it.

    An unresolved phrase ("The Almaty police department", no such entity) becomes the
    speaker text, which says more than "it".
    """
    last = index.last_before(pos, (EntityKind.ORGANIZATION,))
    phrases = list(_ORG_PHRASE.finditer(body, max(0, pos - 600), pos))
    if phrases and (last is None or phrases[-1].start() >= last[0].span.end):
        phrase = phrases[-1]
        words = [w.casefold() for w in _WORD.findall(phrase.group())]
        found = index.by_description(words, phrase.start())
        if found is None:
            return Attribution(None, phrase.group(), cue.phrase)
        return Attribution(found, word, cue.phrase)
    return Attribution(last[1] if last else None, word, cue.phrase)


# Lower-case words (a role, perhaps its department) and title abbreviations between names
_ROLE_BETWEEN = re.compile(
    r"(?:\s+(?:[a-z][\w-]*|[A-Z][a-z]{0,3}\.))(?:\s+(?:[a-z][\w-]*|[A-Z][a-z]{0,3}\.)){0,3}\s+"
)


def _names_a_role(gap: str) -> bool:
    words = [w.casefold().rstrip(".") for w in gap.split()]
    return any(w in gz.PERSON_ROLES or w in _PERSON_HEADS or w in UNNAMED_HEADS for w in words)


def _appositive_person(
    masked: str, following: list[tuple[MentionCandidate, int]]
) -> tuple[MentionCandidate, int]:
    """The first name after a cue, or the person it introduces: "in the words of the
    Crown prosecutor, Mark Tedeschi" is Tedeschi's."""
    first = following[0]
    if len(following) < 2:
        return first
    person = following[1]
    gap = masked[first[0].span.end : person[0].span.start]
    if first[0].kind is EntityKind.PERSON:
        # "said Troy police Lt. Gerry Scherlinck", "said South Richmond Hill resident Suri
        # Charanjit": a place taken for a person's name, then the speaker's role
        return person if _ROLE_BETWEEN.fullmatch(gap) and _names_a_role(gap) else first
    apposed = re.fullmatch(r"(?:\s+[a-z][\w-]*){0,2}\s*,\s*", gap) is not None
    # "says ANA senior vice president Mitsuo Morimoto": the organisation's officer
    # "said Airbus President and Chief Executive Officer, Tom Enders": offices joined
    titled = 0 < len(words := re.findall(r"[\w-]+", gap.lower())) <= 6 and all(
        w in gz.PERSON_ROLES or w in gz.TITLE_MODIFIERS or w == "and" for w in words
    )
    return person if (apposed or titled) and _may_hold_title(person[0], titled) else first


def _may_hold_title(mention: MentionCandidate, titled: bool) -> bool:
    """Whether the name after an organisation and a role is the one who holds it: a
    person, or a name the entity finder typed an organisation that is listed as none, when
    only the words of a role stand between ("crowed Nvidia CEO Jen-Hsun Huang": a given
    name it does not know left Huang an organisation, yet no firm has a CEO set before
    its name)."""
    if mention.kind is EntityKind.PERSON:
        return True
    return (
        titled
        and mention.kind is EntityKind.ORGANIZATION
        and gz.organization_canonical(mention.name) is None
    )


_TITLE_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,3}\.(?=\s)")


# Words that join a role to what it is of inside one noun phrase ("strategist for
# Invesco", "chief investment officer at Solaris Asset Management").
_ROLE_JOINS = frozenset({"of", "for", "at", "in", "from", "with", "to"})
_ROLE_WORDS = 12


def _role_comma(masked: str, start: int, end: int, stop: re.Match[str] | None) -> int | None:
    """Where the comma after a role named right after the cue is: the first boundary, or
    the first comma when only the words joining a role to its organisation ("for",
    "at", "of") come before it, within a dozen words."""
    while stop is not None and stop.group() in _ROLE_JOINS:
        stop = _AFTER_BOUNDARY.search(masked, stop.end(), end)
    if stop is None or stop.group() != ",":
        return None
    return stop.start() if len(_WORD.findall(masked, start, stop.start())) <= _ROLE_WORDS else None


def _after_cue(body: str, masked: str, cue: Cue, ctx_end: int, index: MentionIndex) -> Attribution:
    """The speaker named after the cue: "said George Tsereteli, ...", "according to X"."""
    adv = _LEADING_ADVERBIAL.match(masked, cue.end, ctx_end)
    start = adv.end() if adv else cue.end
    pronoun = re.match(r"(he|she|it|they)\b", masked[start:ctx_end])
    if pronoun:
        return _pronoun(body, pronoun.group(1), start, cue, index)
    following = [
        (m, e)
        for m, e in index.within(start, ctx_end)
        if m.span.start >= start and index.kind(e) in _SPEAKER_KINDS
    ]
    if following:
        # "according to Troy police Lt. Gerry Scherlinck": a title's full stop ends nothing
        lead = _TITLE_ABBREVIATION.sub(" ", masked[start : following[0][0].span.start])
        if not _AFTER_BOUNDARY.search(lead) and len(_WORD.findall(lead)) <= 6:
            return named_attribution(_appositive_person(masked, following), cue)
    stop = _AFTER_BOUNDARY.search(masked, start + 1, ctx_end)
    end = stop.start() if stop else ctx_end
    comma = _role_comma(masked, start, ctx_end, stop)
    if comma is not None:
        # "said the general secretary of Unite, Tony Woodley", "said the senior market
        # strategist for Invesco AIM, Fritz Meyer": the person set after the role
        apposed = [
            (m, e)
            for m, e in index.within(comma, ctx_end)
            if index.kind(e) is EntityKind.PERSON and not masked[comma + 1 : m.span.start].strip()
        ]
        if apposed:
            return named_attribution(apposed[0], cue)
    if stop and stop.group() in ("for", "of", "at") and _SPOKESPERSON.search(body, start, end):
        # "said a spokesman for the ministry": the ministry speaks.
        further = _AFTER_BOUNDARY.search(masked, stop.end() + 1, ctx_end)
        end = further.start() if further else ctx_end
    return _noun_phrase(body, start, end, cue, index)
