"""The parse's route to a speaker: the speech verb nearest the quote in its sentence, its
subject ("Solomon said", "he told BBC Sport", "a spokesman added"), the subject a
participle runs on from ("X defended the choice of Boeing, saying ..."), and what that
subject names: an entity mentioned in it or set beside it ("The secretary general of CEI,
Nunzio Galantino"), the last person or organisation a pronoun stands for, or a
description; an organisation's officer named in the sentences around it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.coreference import last_named
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, QuoteCandidate
from service.ingest.quotes.mention_index import MentionIndex
from service.ingest.quotes.noun_phrases import introduced_unnamed

SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "note", "write", "comment", "tweet", "state", "explain",
     "announce", "warn", "insist", "argue", "claim", "reply", "declare", "describe",
     "call", "ask", "urge", "stress", "acknowledge", "admit", "conclude", "continue",
     "remark", "observe", "suggest", "respond", "predict", "recall", "confirm", "enthuse",
     "boast", "joke", "quip", "lament", "exclaim", "muse", "concede", "rule", "yell",
     "shout", "scream", "answer", "testify", "vow", "disclose", "tout", "brand", "dismiss",
     "thunder", "crow", "refer", "hint"}
)  # fmt: skip


_CREDIBLE = (EntityKind.PERSON, EntityKind.ORGANIZATION)


_NOT_SPEAKERS = frozenset(
    {"has", "have", "had", "did", "didn't", "does", "is", "was", "were", "are", "be"}
)


PERSON_PRONOUNS = frozenset({"he", "she"})


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


_SOMEONE = frozenset({"someone", "somebody"})  # "she heard someone say"


_GROUP_PRONOUNS = frozenset({"it", "they", "we"})


NOT_PEOPLE = frozenset({"time", "him", "them"})


def doubtful(quote: QuoteCandidate, entities: Sequence[LocalEntity]) -> bool:
    if quote.speaker is not None:
        return entities[quote.speaker].kind not in _CREDIBLE
    if quote.speaker_text is None:
        return True
    return any(word.lower() in _NOT_SPEAKERS for word in quote.speaker_text.split())


def parse_credited(
    quote: QuoteCandidate,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> QuoteCandidate:
    verb = _speech_verb(doc, quote)
    subject = _subject(verb) if verb is not None else None
    if subject is None:
        return quote
    return credited_by(quote, subject, doc, mentions, entities)


def credited_by(
    quote: QuoteCandidate,
    subject: Token,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> QuoteCandidate:
    """The quote credited to what ``subject`` names or stands for; "him"/"her" as "he"/
    "she" ("People quoted him as saying")."""
    word = _OBJECT_PRONOUNS.get(subject.lower_, subject.lower_)
    if word in _GROUP_PRONOUNS and quote.speaker_text and not doubtful(quote, entities):
        # the rules read "it" as the description that stands for it ("The Almaty police
        # department said ... 'Police will not allow ...,' it said"): no earlier name
        return quote
    if word in PERSON_PRONOUNS or word in _GROUP_PRONOUNS:
        kind = EntityKind.PERSON if word in PERSON_PRONOUNS else EntityKind.ORGANIZATION
        # named before the pronoun, not between it and the quote ("He then defended his
        # decision to share it with Mr. Trump, saying": not Trump)
        earlier = last_named(mentions, entities, before=subject.idx, kinds=(kind,))
        if earlier is not None:
            return replace(quote, speaker=earlier, speaker_text=None)
        return quote
    for appos in (c for c in subject.children if c.dep_ == "appos"):
        # "The secretary general of CEI, Nunzio Galantino, has called ...": the name
        named = _credible_in(appos.idx, appos.idx + len(appos.text), mentions, entities)
        if named is not None:
            return replace(quote, speaker=named, speaker_text=None)
    # The noun phrase up to its head: "the charity's chief executive" (not the relative
    # clause or apposition after it).
    words = [subject, *(t for left in subject.lefts for t in left.subtree)]
    start = min(t.idx for t in words)
    end = subject.idx + len(subject.text)
    named = _credible_in(start, end, mentions, entities)
    if named is not None and entities[named].kind is not EntityKind.PERSON:
        # "Manchester City and Togo striker Emmanuel Adebayor announces ..., saying he
        # is": the parse joins the club and the player; the person speaks
        named = _person_joined(subject, mentions, entities) or named
    if named is not None:
        return replace(quote, speaker=named, speaker_text=None)
    if (subject.pos_ == "NOUN" or word in _SOMEONE) and len(words) <= 6:
        described = _described_person(subject, words, mentions, entities)
        if described is not None:
            return replace(quote, speaker=described, speaker_text=None)
        return replace(quote, speaker=None, speaker_text=doc.text[start:end])
    return quote


def _described_person(
    subject: Token,
    words: list[Token],
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> int | None:
    """ "The president hinted that ...": a role noun after "the", alone, stands for the
    person the article named with it before ("President Donald Trump"), when one was;
    not a role with words of its own ("the former president"), nor a noun no person is
    described by ("the friend" whom the story never names)."""
    if len(words) != 2 or words[1].lower_ != "the" or subject.lower_ not in gz.PERSON_ROLES:
        return None
    index = MentionIndex(mentions, entities)
    found = index.described_as([subject.lower_], subject.idx, (EntityKind.PERSON,))
    if found is not None and introduced_unnamed(
        subject.doc.text, subject.idx, subject.lower_, found, index
    ):
        return None  # "One senior diplomat said ... the diplomat said": that one
    return found


def parsed_officer(
    quote: QuoteCandidate,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> QuoteCandidate:
    """A quote the rules gave an organisation whose person the speech verb's subject
    names: the subject itself or a name set beside it ("said Enough Project co-founder
    John Prendergast", "Ben Stephenson, controller of BBC Drama, said", "explained
    Microsoft's Dustin Childs", "Peter Boockvar, a strategist for Miller Tabak,
    commented"); the organisation was only part of the person's description. An
    organisation that is the subject ("GM, led by Mary Barra, said") keeps the quote. A
    quote that runs on from the one before is credited as that one was before this is
    asked (``quoted_by``)."""
    verb = _speech_verb(doc, quote)
    subject = _subject(verb) if verb is not None else None
    if subject is None:
        return quote
    # the parse may split a hyphenated title into subjects of their own ("co", "-",
    # "founder ... Marsh"): every subject of the subject's verb
    subjects = [c for c in subject.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads = {t.i for s in subjects for t in (s, *s.children) if t.i == s.i or t.dep_ == "appos"}
    for m in mentions:
        if not (0 <= m.local_entity < len(entities)):
            continue
        if entities[m.local_entity].kind is not EntityKind.PERSON:
            continue
        if quote.span.start <= m.span.start < quote.span.end:
            continue
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is not None and span.root.i in heads:
            return replace(quote, speaker=m.local_entity, speaker_text=None)
    return quote


def runs_on(text: str, quote: QuoteCandidate, before: QuoteCandidate) -> bool:
    """Whether ``quote`` stands alone right after ``before`` and the cue rules gave it
    that quote's attribution (they carry a statement on to the next paragraph)."""
    own = text[quote.sentence.start : quote.span.start] + text[quote.span.end : quote.sentence.end]
    return (
        (quote.speaker, quote.speaker_text, quote.cue)
        == (before.speaker, before.speaker_text, before.cue)
        and not any(c.isalnum() for c in own)
        and not any(c.isalnum() for c in text[before.sentence.end : quote.sentence.start])
    )


def _person_joined(
    subject: Token, mentions: Sequence[MentionCandidate], entities: Sequence[LocalEntity]
) -> int | None:
    """A person named in a phrase joined to the subject by "and" (its conjunct)."""
    for joined in (c for c in subject.children if c.dep_ == "conj"):
        tokens = list(joined.subtree)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        named = _credible_in(start, end, mentions, entities)
        if named is not None and entities[named].kind is EntityKind.PERSON:
            return named
    return None


def _speech_verb(doc: Doc, quote: QuoteCandidate) -> Token | None:
    """The speech verb of the quote's sentence, outside the quote, nearest to it."""
    span = doc.char_span(quote.sentence.start, quote.sentence.end, alignment_mode="expand")
    if span is None:
        return None
    verbs = [
        t
        for t in span
        if t.pos_ == "VERB"
        and t.lemma_.lower() in SPEECH_VERBS
        and not quote.span.start <= t.idx < quote.span.end
    ]
    if not verbs:
        return _colon_clause(doc, span, quote)

    def distance(t: Token) -> int:
        if t.idx < quote.span.start:
            return quote.span.start - t.idx
        return t.idx - quote.span.end

    return min(verbs, key=distance)


# A participle cue says nothing of who speaks: the clause it hangs on does. "Calling it
# "an assault on democracy," the committee filed suit": the committee calls it so.
PARTICIPLES = frozenset(
    {"saying", "adding", "noting", "writing", "claiming", "insisting", "arguing",
     "warning", "stating", "explaining", "declaring", "telling", "calling"}
)  # fmt: skip


def participle_subject(doc: Doc, quote: QuoteCandidate) -> Token | None:
    """Who speaks in "X defended the record, saying ...", "X justified it by saying ...":
    the subject of the verb the participle hangs on; in "Detik.com quoted Djamal as
    saying", the one quoted."""
    span = doc.char_span(quote.sentence.start, quote.sentence.end, alignment_mode="expand")
    if span is None:
        return None
    cues = [t for t in span if t.lower_ in PARTICIPLES and t.idx < quote.span.start]
    if not cues:
        return None
    head = cues[-1].head
    for _ in range(3):  # past "by" and "as": "by saying", "as saying"
        if head.pos_ != "ADP":
            break
        head = head.head
    while _inside_quotation(doc.text, quote.sentence.start, head.idx) and head.head.i != head.i:
        # 'noted that Comey "never wrote that he felt obstructed," adding': the parse hangs
        # the participle on a verb of the words quoted before it, whose subject is no one
        # speaking now; the verb the quotation stands in speaks
        head = head.head
    if head.dep_ == "dobj" and cues[-1].dep_ == "acl":
        # "A government official downplayed the unrest saying ...": no comma, and the
        # parse hangs the participle on the object
        head = head.head
    head = _past_participles(head)
    head = _out_of_reported(head)
    if head.pos_ not in ("VERB", "AUX") or head.i == cues[-1].i:
        return None
    if head.lemma_.lower() in ("quote", "cite"):
        return next((c for c in head.children if c.dep_ == "dobj"), None)
    return _subject(head)


def _past_participles(head: Token) -> Token:
    """The clause a chain of participles runs on from: "Sessions had his own response,
    issuing a statement Monday saying he had ...": "saying" hangs on "issuing", which has
    no subject of its own and hangs on "had", whose subject (Sessions) speaks."""
    for _ in range(3):
        if head.tag_ != "VBG" or head.dep_ not in ("advcl", "xcomp", "acl"):
            break
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            break
        head = head.head
    return head


def _out_of_reported(head: Token) -> Token:
    """A verb joined by "and" to the words someone reports, with no subject of its own,
    is the reporter's: "Wikileaks said the DNC was seeking publicity and defended its
    release of the emails, saying ...": the parse joins "defended" to "was seeking",
    but Wikileaks defended it, not the DNC."""
    if head.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return head
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    reporter = first.head
    if first.dep_ == "ccomp" and reporter.lemma_.lower() in SPEECH_VERBS:
        return reporter
    return head


_DOUBLE_MARKS = re.compile(r'["“”]')


def _inside_quotation(text: str, start: int, at: int) -> bool:
    """``at`` stands inside double quotation marks opened after ``start``."""
    return len(_DOUBLE_MARKS.findall(text, start, at)) % 2 == 1


def _credible_in(
    start: int, end: int, mentions: Sequence[MentionCandidate], entities: Sequence[LocalEntity]
) -> int | None:
    """The person mentioned within ``start``..``end``, else the organisation ("The
    current Microsoft CEO Steve Ballmer ... described": Ballmer)."""
    found = [
        m.local_entity
        for m in mentions
        if m.span.start < end
        and start < m.span.end
        and m.local_entity >= 0
        and entities[m.local_entity].kind in _CREDIBLE
    ]
    people = [e for e in found if entities[e].kind is EntityKind.PERSON]
    chosen = people or found
    return chosen[0] if chosen else None


def _colon_clause(doc: Doc, sentence: Span, quote: QuoteCandidate) -> Token | None:
    """ "Sunak defended the record: \"The Home Secretary and I ...\"": a quote after a
    colon is the words of the clause before it, whatever its verb."""
    before = doc.text[sentence.start_char : quote.span.start].rstrip(" \"“'‘")
    if not before.endswith(":"):
        return None
    roots = [t for t in sentence if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    return roots[0] if roots and roots[0].idx < quote.span.start else None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or for a verb joined to another by "and"/"but", the first's
    ("Jobs acknowledged ... but dismissed ..., saying": Jobs). A noun of time the parse
    made a subject is none ("He stated ... and several times described": he)."""
    for _ in range(3):
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() not in NOT_PEOPLE
        ]
        if subjects:
            return subjects[0]
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
