"""The speech cues of a sentence ("..., the ministry said", "according to police", "said
Fauzi") and whom each names as the speaker, with the words that describe the speaker
(a figure there is no claim of theirs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.model import EntityKind, MentionCandidate

_SPEECH_VERBS = (
    "said", "says", "told", "announced", "reported", "stated", "claimed", "estimated",
    "confirmed", "added", "claims", "estimates",
)  # fmt: skip
# The present of the same verbs, in lower case only ("the United States" states nothing):
# "Officials say", "a source tells THR", "Haiti ... confirms the death toll has reached".
_PRESENT_VERBS = ("say(?!\\s*,)", "tells", "confirms", "announces")  # "say, of": a filler
# Forms a noun shares ("the states", "according to reports"), a verb only before "that":
# "the Communications Minister states that", "The Reuters news agency reports that".
_THAT_VERBS = ("states", "state", "reports", "report")
_AUXILIARIES = ("has", "have", "had")
# Every cue starts with one of these letters; checking it first spares the engine trying
# each case-insensitive word at every word start.
_SPEECH_INITIALS = "".join(
    sorted(
        {w[0] for w in (*_SPEECH_VERBS, *_PRESENT_VERBS, *_THAT_VERBS, *_AUXILIARIES)}
        | {"a"}  # according to
    )
)
_SPEECH = re.compile(
    rf"\b(?=[{_SPEECH_INITIALS}])(?:(?:(?:{'|'.join(_AUXILIARIES)})\s+)?"
    rf"(?P<verb>(?:{'|'.join(_SPEECH_VERBS)})\b|(?-i:{'|'.join(_PRESENT_VERBS)})\b"
    rf"|(?-i:{'|'.join(_THAT_VERBS)})(?=\s+that\b))|according\s+to\b)",
    re.IGNORECASE,
)
# A verb of telling that tells nothing: "didn't say why", "would later say", "to say".
_NOT_TOLD = re.compile(
    r"(?:(?:\b(?:not|do|does|did|will|would|could|should|can|may|might|must|shall)|n['’]t)"
    r"(?:\s+\w+)?|\bto)\s+$",
    re.IGNORECASE,
)
# Where a speaker's words start: a comma, a quote mark (not an apostrophe), "that".
_CHUNK_START = re.compile(r"[,;:“”\"]|[‘’'](?![a-z])|\bthat\b|^", re.IGNORECASE)
_CLOSING_QUOTE = re.compile(r"[”\"’'],?\s*$")
_NOT_A_SPEAKER = re.compile(
    r"\b(?:when|while|because|if|after|before|where|whose)\b"
    r"|\b(?:was|were|is|are|been|be|being)(?:\s+(?:not|never|also|first))?$"  # passive
    r"|\d",
    re.IGNORECASE,
)
_AFTER_VERB_END = re.compile(
    r"[,.;:]|\s(?:at|in|on|during|with|after|before|that)\s|\s[(]|\s(?:--|[–—])\s"
)
# A full stop inside a name ends no source: "the U.S. Geological Survey", "F.B.I.
# surveillance reports", "said state Rep. Barry Fleming".
_ABBREVIATED = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Jr|Sr|Inc|Co|Corp))$"
)
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:also|early|late|again))*\s+(?:(?:early|late)\s+)?"
    r"(?:on|last|in\s+a\s+statement|at\s+a\s+news\s+conference)\b[^,]*$|\s+(?:also|again)$",
    re.IGNORECASE,
)
# "claimed 244 pilgrims' lives", "claimed the lives of": a disaster's toll, no claim.
_TOOK_LIVES = re.compile(
    r"(?<=claimed|.claims)\s+(?:the\s+lives\b|(?:[\w,]+\s+){1,2}(?:[\w-]+['’]?\s+)?lives\b)",
    re.IGNORECASE,
)
# A cue with nothing before it but "and"/"but" runs on from the sentence's subject.
_JOINING = frozenset({"and", "but"})
# Who "they say" or "you say": people in general, no source ("they said" is someone).
_ANYONE = frozenset({"they", "you", "people"})
_LEADING_NOISE = re.compile(r"^(?:and|but|so|then|also|meanwhile)\s+", re.IGNORECASE)
_RELATIVE = re.compile(r"^(?:which|who|whom|that|what|as)\b", re.IGNORECASE)
# A cue verb after an article, "of", "new" or a number is an adjective ("an estimated
# 5,000", "the reported toll", "the number of confirmed cases", "14 new confirmed cases");
# after a possessive it is a noun ("to present their claims to officials").
# So is one joined to an adverb by a hyphen ("a recently-announced restructuring", "the
# widely-reported demand").
_ADJECTIVAL = re.compile(
    r"(?:\b(?:an?|the|of|new|my|your|his|her|its|our|their)|\d)\s+$|\b\w+ly-$", re.IGNORECASE
)
# Words that name no one: function words alone ("at an"), the speaker's "I" and "we".
_NO_NAME = re.compile(
    r"(?:(?:at|an?|the|in|on|of|to|for|by|with|from|it|its|this|there)\b\s*)+"
    r"|(?:I|I['’]m|I['’]ve|we|we['’]re|we['’]ve)"
    r"|(?:having|being|after|before|while|when|since)",  # "..., having reported profits"
    re.IGNORECASE,
)


_TITLE_ONLY = re.compile(r"(?:(?:[A-Z][\w.-]*|[a-z][\w-]*)\s+){0,3}")
_APPOSITION = re.compile(r",\s+")
_APPOSITION_END = re.compile(r"\s*(?:[,.;:]|$)")


@dataclass(frozen=True, slots=True)
class SpeechCue:
    """A speech cue of a sentence ("..., the ministry said") and who it names."""

    position: int  # where the cue starts in the sentence
    speaker: int | None
    speaker_text: str
    # A figure starting in one of these ranges describes the speaker; it is not their claim.
    describes_speaker: tuple[tuple[int, int], ...]


def speech_cues(sm: SentenceMentions, sentence: str) -> list[SpeechCue]:
    """The cues in ``sentence`` that name a plausible speaker; ``attribution`` then picks,
    for each figure, the one that vouches for it."""
    cues: list[SpeechCue] = []
    for m in _SPEECH.finditer(sentence):
        describes: list[tuple[int, int]] = []
        if m.group("verb") is not None and _NOT_TOLD.search(sentence, 0, m.start()):
            continue
        if m.group("verb") is None:  # according to X
            chunk_start, chunk_end = m.end(), _source_end(sentence, m.end())
            chunk_end = _role_named(sm, sentence, chunk_start, chunk_end)
            publisher = _publisher(sm, sentence, m.end())
            if publisher is not None:  # "according to figures released April 3 by NPD"
                chunk_start, chunk_end = publisher
        else:
            chunk_end = m.start()
            chunk_start = max(c.end() for c in _CHUNK_START.finditer(sentence, 0, chunk_end))
            if not sentence[chunk_start:chunk_end].strip():
                if _CLOSING_QUOTE.search(sentence[:chunk_end]):  # "...,” said X" (inverted)
                    chunk_start, chunk_end = m.end(), _source_end(sentence, m.end())
                elif (
                    inverted := _inverted(sm, sentence, chunk_start, m.end(), m.group("verb"))
                ) is not None:  # "Around 40 houses were damaged, said Fauzi."
                    chunk_start, chunk_end = inverted
                    describes.append((chunk_end, len(sentence)))  # "Cronk, co-director of"
                else:  # "The OSCE, which sent ..., said": the subject before the clause
                    clause_end = chunk_start
                    chunk_end = _clause_opening(sentence, chunk_start)
                    describes.append((chunk_end, clause_end))
                    chunk_start = max(
                        c.end() for c in _CHUNK_START.finditer(sentence, 0, chunk_end)
                    )
        describes.append((chunk_start, chunk_end))  # the speaker's own description
        raw = sentence[chunk_start:chunk_end]
        who = _LEADING_NOISE.sub("", _TRAILING_TIME.sub("", raw.strip())).strip()
        if who.lower() in _RELATIVE_PRONOUNS and m.group("verb") is not None:
            # "a report released by the US Labor Department, which said that ...": the
            # name the relative pronoun stands for, for what follows the verb
            named = _antecedent(sm, sentence, chunk_start)
            if named is not None:
                describes.append((0, m.start()))
                cues.append(SpeechCue(m.start(), named.local_entity, named.text, tuple(describes)))
            continue
        if (
            not who
            or _RELATIVE.match(who)
            or _NOT_A_SPEAKER.search(who)
            or len(who.split()) > 9
            or _ADJECTIVAL.search(sentence, 0, m.start())  # "at an estimated cost of"
            or _TOOK_LIVES.match(sentence, m.end())  # "A similar crush claimed 244 lives"
            or _NO_NAME.fullmatch(who)
        ):
            continue
        if who.lower() in _JOINING:
            # "Gunness put the death toll at 40, and added that": the verb runs on from
            # the sentence's subject, a name it opens on
            opening = _opening_name(sm, sentence)
            if opening is None:
                continue
            chunk_start, chunk_end = opening
            raw = who = sentence[chunk_start:chunk_end]
        if who.lower() in _ANYONE and m.group("verb") == "say":
            continue  # "regulations that they say are ...": what people say, nobody's word
        offset = chunk_start + raw.index(who.split()[0])
        speaker = _speaker(sm, offset, offset + len(who))
        cues.append(SpeechCue(m.start(), speaker, who, tuple(describes)))
    return cues


_RELATIVE_PRONOUNS = frozenset({"which", "who"})


def _antecedent(sm: SentenceMentions, sentence: str, chunk_start: int) -> MentionCandidate | None:
    """The person or organisation a relative pronoun after a comma stands for: the one
    named last in the words before the comma ("a report released by the US Labor
    Department on the same day, which said": the department; "Mr. Trump, who said":
    Trump), none when the pronoun follows no comma or no name."""
    comma = sentence.rfind(",", 0, chunk_start)
    if comma < 0 or sentence[comma + 1 : chunk_start].strip():
        return None
    opening = max(c.end() for c in _CHUNK_START.finditer(sentence, 0, comma))
    named = sm.last_before(sm.offset + comma, EntityKind.PERSON, EntityKind.ORGANIZATION)
    if named is None or named.span.start < sm.offset + opening:
        return None
    return named


# What writes a figure down: documents and counts, and the people who made them
# (``documents.py`` reads them as subjects; "according to" reads them as sources).
DOCUMENT_NOUNS = frozenset(
    {"study", "studies", "report", "reports", "survey", "surveys", "poll", "polls",
     "figures", "data", "statistics", "numbers", "records", "research", "analysis",
     "census", "autopsy", "projections", "tests", "estimates", "findings",
     "documents", "audit", "researchers", "scientists"}
)  # fmt: skip
_DOCUMENT_REACH = 8  # words from "according to" to the document's noun
_SOURCE_WORDS_END = re.compile(r"[,;:(]|\s(?:--|[–—])\s|\.(?:\s|$)")


def _publisher(sm: SentenceMentions, sentence: str, start: int) -> tuple[int, int] | None:
    """Where the organisation (else person) that put out the document a source names is
    named: "according to figures released April 3 by NPD Group", "according to a report
    published in The New York Times", "according to an American Iron and Steel Institute
    analysis of government data". Only when a document's noun opens the source (within
    a few words) and a name stands in its words, up to a comma or the sentence's end."""
    stop = _SOURCE_WORDS_END.search(sentence, start)
    end = stop.start() if stop else len(sentence)
    words = re.findall(r"[A-Za-z]+", sentence[start:end])[:_DOCUMENT_REACH]
    if not any(w.casefold() in DOCUMENT_NOUNS for w in words):
        return None
    named = sm.within(start, end, EntityKind.ORGANIZATION, EntityKind.PERSON)
    if not named:
        return None
    first = min(named, key=lambda m: m.span.start)
    return first.span.start - sm.offset, first.span.end - sm.offset


def _opening_name(sm: SentenceMentions, sentence: str) -> tuple[int, int] | None:
    """Where the person (else organisation) a sentence opens on is named ("Defensive end
    Kyle Vanden Bosch watched ..."): its subject, when only a title stands before it."""
    for kind in (EntityKind.PERSON, EntityKind.ORGANIZATION):  # "UNRWA spokesman Chris"
        for m in sm.of_kind(kind):
            start = m.span.start - sm.offset
            if start >= 0 and _TITLE_ONLY.fullmatch(sentence, 0, start):
                return start, m.span.end - sm.offset
    return None


def _role_named(sm: SentenceMentions, sentence: str, start: int, end: int) -> int:
    """Where a source described by its role ends when the person's name follows between
    commas: "according to the Afghan team's coach, Alireza Mehraban, in their first ..."
    is Mehraban's word. A source that names someone itself keeps its end."""
    inside = sm.within(start, end, EntityKind.PERSON, EntityKind.ORGANIZATION, possessive=False)
    gap = _APPOSITION.match(sentence, end)
    if inside or gap is None:
        return end
    person = sm.first_after(sm.offset + gap.end(), EntityKind.PERSON)
    if person is None or person.span.start != sm.offset + gap.end():
        return end
    closing = person.span.end - sm.offset
    return closing if _APPOSITION_END.match(sentence, closing) else end


def _source_end(sentence: str, start: int) -> int:
    """Where the source named from ``start`` ("according to the U.S. Geological Survey,
    which ...", "said Sgt. Mark Ryan of ...") ends: at a comma, a clause, a parenthesis or a
    dash, or at a full stop that ends no abbreviation."""
    for stop in _AFTER_VERB_END.finditer(sentence, start):
        if stop.group() == "." and (
            _ABBREVIATED.search(sentence, start, stop.start())
            or sentence[stop.end() : stop.end() + 1].isalpha()
        ):
            continue
        return stop.start()
    return len(sentence)


# A parenthetical that describes the subject before it: a relative clause ("The OSCE,
# which sent ..., said"), or an apposition after a short subject ("John Ging, the head of
# the agency, said"; "Daniel Ortega, 62, said"), not a predicate ("..., were inside").
_RELATIVE_CLAUSE = re.compile(r"\s*(?:which|who|whose|whom|where)\b", re.IGNORECASE)
_APPOSED = re.compile(r"\s*(?:(?:the|a|an|its|his|her|their)\b|[A-Z0-9])")
# "..., told the BBC": whom a verb of telling names after it is the listener.
_LISTENER_VERBS = frozenset({"told", "tells"})
_SHORT_SUBJECT = 6  # words of a subject a parenthetical may follow ("John Ging, the head")


def _inverted(
    sm: SentenceMentions, sentence: str, comma_end: int, verb_end: int, verb: str
) -> tuple[int, int] | None:
    """Where the speaker of a cue printed after the claim with no quotation is named
    ("Officers freed seven people, said Vanore."; "..., said the Central Mat-Su fire chief,
    James Steele"; "..., said Heather Cronk, co-director of ..."): the words after the verb,
    when they end on a person or organisation named there and the sentence before the
    verb's comma is no subject with a parenthetical ("The OSCE, which sent ..., said";
    "John Ging, the head of the agency, said": its subject speaks). None otherwise, and
    after "told" ("..., Dana Tamir, director at Trusteer, told the BBC": the listener)."""
    if verb.lower() in _LISTENER_VERBS:
        return None
    closing = sentence.rfind(",", 0, comma_end)
    if closing < 0 or sentence[closing + 1 : comma_end].strip():
        return None  # the words start at a quotation mark or "that", not at a comma
    opening = sentence.rfind(",", 0, closing)
    if opening > 0:
        before = sentence[:opening].strip()
        subject = before[max(c.end() for c in _CHUNK_START.finditer(before)) :].split()
        named = sm.last_before(sm.offset + opening, EntityKind.PERSON, EntityKind.ORGANIZATION)
        if _RELATIVE_CLAUSE.match(sentence, opening + 1) or (
            (_APPOSED.match(sentence, opening + 1) or _ends_on(named, sm.offset + len(before)))
            and len(subject) <= _SHORT_SUBJECT
            and not any(w[0].isdigit() for w in subject)
        ):
            return None
    end = _role_named(sm, sentence, verb_end, _source_end(sentence, verb_end))
    words = sentence[verb_end:end]
    if not words.strip() or len(words.split()) > 9:
        return None
    last = sm.last_before(sm.offset + end, EntityKind.PERSON, EntityKind.ORGANIZATION)
    if last is None or last.span.start < sm.offset + verb_end:
        return None
    if sentence[last.span.end - sm.offset : end].strip():
        return None  # "said the Press Democrat newspaper": no name ends the words
    start = verb_end + len(words) - len(words.lstrip())
    return start, end


def _ends_on(mention: MentionCandidate | None, end: int) -> bool:
    """Whether ``mention`` ends at body offset ``end`` ("Dana Tamir, director at ...")."""
    return mention is not None and mention.span.end == end


def _clause_opening(sentence: str, comma_end: int) -> int:
    """Where the parenthetical clause ending at the comma before ``comma_end`` began."""
    closing = sentence.rfind(",", 0, comma_end)
    opening = sentence.rfind(",", 0, max(closing, 0))
    return opening if opening > 0 else 0


def _speaker(sm: SentenceMentions, start: int, end: int) -> int | None:
    inside = sm.within(start, end, EntityKind.PERSON, EntityKind.ORGANIZATION, possessive=False)
    return inside[-1].local_entity if inside else None
