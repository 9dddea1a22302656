"""Who said a quote, read from the parse where the cue rules found nobody credible.

The rules in ``speakers.py`` read cue verbs and the words beside them; on real copy they
leave a quote without a speaker, or credit a place ("Waitangi Day"), a word ("has") or
a fragment ("He didn't"). For those quotes only, the parse names the speaker: the
subject of the speech verb nearest the quote in its sentence ("Solomon said", "he told
BBC Sport", "a spokesman added"). A name is the entity mentioned there; "he", "she" are
the last person named before the quote, "it", "they" the last organisation; a common
noun phrase ("the ministry", "a spokeswoman") is the speaker's description.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.coreference import (
    SUBJECT_REACH,
    coined_names,
    last_named,
    main_verb,
    may_be,
    salient_person,
)
from service.ingest.mentions.told_sex import told_sexes
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, QuoteCandidate
from service.ingest.quotes.not_statements import names_something
from service.ingest.quotes.noun_phrases import holds_role
from service.ingest.quotes.speaker_words import UNNAMED_HEADS
from service.ingest.quotes.without_cue import split_off

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
_PERSON_PRONOUNS = frozenset({"he", "she"})
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_SOMEONE = frozenset({"someone", "somebody"})  # "she heard someone say"
_GROUP_PRONOUNS = frozenset({"it", "they", "we"})


def credit_quotes(
    quotes: Sequence[QuoteCandidate],
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> tuple[QuoteCandidate, ...]:
    """The quotes, each whose speaker the rules could not credibly name read again; one
    the rules could only describe ("The secretary general of CEI, Nunzio Galantino, has
    called ...") takes the person the parse finds there, else keeps its description."""
    out: list[QuoteCandidate] = []
    quoted = [(q.span.start, q.span.end) for q in quotes]
    unquoted = [m for m in mentions if not any(s <= m.span.start < e for s, e in quoted)]
    coined = coined_names(doc.text, mentions)
    told = told_sexes(doc, mentions, entities, quoted)
    # the statement before, as the cue rules read it and as credited
    previous: tuple[QuoteCandidate, QuoteCandidate] | None = None
    for q in quotes:
        if names_something(doc.text, q.span, q.sentence):
            out.append(q)  # "the "American Pie" star": nobody's words, nobody runs on
            continue
        spoke = [
            (x.sentence.start, x.sentence.end, x.speaker) for x in out if x.speaker is not None
        ]
        credited = _credit_one(q, doc, mentions, entities, unquoted, spoke, coined, told, previous)
        out.append(credited)
        previous = (q, credited)
    return tuple(out)


def _credit_one(
    q: QuoteCandidate,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    unquoted: Sequence[MentionCandidate],
    spoke: Sequence[tuple[int, int, int]],
    coined: frozenset[int],
    told: Mapping[int, str],
    previous: tuple[QuoteCandidate, QuoteCandidate] | None,
) -> QuoteCandidate:
    """One quote credited (``credit_quotes``)."""
    if q.speaker_text is not None and q.speaker_text.casefold() in _PERSON_PRONOUNS:
        q = _pronoun_credited(q, doc, unquoted, entities, spoke, coined, told, previous)
        if q.speaker is None and (q.speaker_text or "he").casefold() not in _PERSON_PRONOUNS:
            return q  # someone described, not named: "a neighbour recalled"
    if q.speaker is None and q.speaker_text and _no_description(doc, q, q.speaker_text):
        return _described_again(q, doc, mentions, entities)
    if q.cue is not None and q.cue.lower() in _PARTICIPLES:
        # "X defended the choice of Boeing, saying ...": X says it, not Boeing
        subject = _participle_subject(doc, q)
        named = _credited_by(q, subject, doc, mentions, entities) if subject else q
        if named.speaker is not None:
            return named
    if _doubtful(q, entities):
        return _credited(q, doc, mentions, entities)
    if q.speaker is not None and entities[q.speaker].kind is EntityKind.ORGANIZATION:
        return _officer_of(q, doc, mentions, entities, previous)
    if q.speaker is None and q.speaker_text is not None:
        named = _credited(q, doc, mentions, entities)
        # "the premier of the state of X" is not X; "the secretary general of CEI,
        # Nunzio Galantino" is Galantino
        if named.speaker is not None and (
            entities[named.speaker].kind is EntityKind.PERSON or not holds_role(q.speaker_text)
        ):
            return named
    return q


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def _pronoun_credited(
    quote: QuoteCandidate,
    doc: Doc,
    unquoted: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    spoke: Sequence[tuple[int, int, int]],
    coined: frozenset[int],
    told: Mapping[int, str],
    previous: tuple[QuoteCandidate, QuoteCandidate] | None,
) -> QuoteCandidate:
    """A quote credited to "he" or "she": to the person who was last the subject of a
    clause or credited with a quote (coreference.salient_person), from the pronoun
    nearest the quote outside it; to someone the last main clause introduces without a
    name, as the copy describes them ("One customer was sceptical. '...,' he said": one
    customer, not the executive named before). A quote that runs on from the one before
    without a pronoun of its own ('"...," he said. "..."') is that one's speaker's
    (``previous``: that quote as the cue rules read it, and as credited)."""
    text = doc.text
    found = [
        m.start()
        for m in _PRONOUN.finditer(text, quote.sentence.start, quote.sentence.end)
        if not quote.span.start <= m.start() < quote.span.end
    ]
    if not found:
        if previous is not None:
            read, credited = previous
            if (
                (credited.speaker is not None or read.speaker_text != credited.speaker_text)
                and (read.speaker_text, read.cue) == (quote.speaker_text, quote.cue)
                and split_off(text[read.sentence.end : quote.sentence.start].strip(' \t\n"”'))
            ):
                return replace(quote, speaker=credited.speaker, speaker_text=credited.speaker_text)
        return quote
    at = min(found, key=lambda i: abs(i - quote.span.start))
    sex = "female" if text[at].lower() == "s" else "male"
    people = [
        m
        for m in unquoted
        if 0 <= m.local_entity < len(entities)
        and entities[m.local_entity].kind is EntityKind.PERSON
    ]
    asked = _asked_one(doc, quote, people, entities, told, at, sex)
    if asked is not None:
        return replace(quote, speaker=asked)
    described = _described_topic(doc, people, at, sex) or _described_speaker(
        text, quote, previous, sex
    )
    if described is not None:
        return replace(quote, speaker=None, speaker_text=described)
    who = salient_person(
        doc, unquoted, entities, before=at, sex=sex, spoke=spoke, coined=coined, told=told
    )
    return quote if who is None else replace(quote, speaker=who)


# Cues of an answer: who answers is who was asked, not who asked.
_REPLIES = frozenset(
    {"answered", "answers", "responded", "responds", "replied", "replies", "retorted"}
)
_ASKED = frozenset({"asked", "asks"})
# How far before the answer's pronoun the question may be asked: a few sentences.
_QUESTION_REACH = 400


def _asked_one(
    doc: Doc,
    quote: QuoteCandidate,
    people: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    told: Mapping[int, str],
    at: int,
    sex: str,
) -> int | None:
    """The person asked the last question before an answer credited to "he"/"she"
    ('Lynch asked Coleman, "You lied to this jury, correct?" "Yes," he responded' is
    Coleman's, not Lynch's, though Lynch is the subject named last), when the pronoun may
    stand for them; None for any other cue, or when no one named was asked within a few
    sentences ("When asked about it, he answered" asks no one named)."""
    if (quote.cue or "").split(" ")[0].casefold() not in _REPLIES:
        return None
    start = max(0, at - _QUESTION_REACH)
    for token in reversed([t for t in doc if start <= t.idx < at]):
        if token.lower_ not in _ASKED or token.pos_ not in ("VERB", "AUX"):
            continue
        for obj in (c for c in token.children if c.dep_ in ("dobj", "dative")):
            named = next((m for m in people if m.span.start <= obj.idx < m.span.end), None)
            if named is None:
                continue
            entity = entities[named.local_entity]
            if may_be(entity, sex, entities) and told.get(entity.index, sex) == sex:
                return entity.index
            return None
    return None


# People a story brings in without a name ("a neighbour", "one customer"), and the nouns
# among them that say the person's sex.
_MEN = gz.word_set("man father husband son brother boy spokesman")
_WOMEN = gz.word_set("woman mother wife daughter sister girl spokeswoman")
_UNNAMED_PEOPLE = (
    UNNAMED_HEADS
    | gz.word_set(
        """customer shopper friend relative worker employee student fan visitor villager
        local protester demonstrator official spokesperson source member parent colleague
        teacher nurse doctor driver owner voter investor analyst trader lawyer"""
    )
    | _MEN
    | _WOMEN
)
_NEW_ONE = frozenset({"a", "an", "one", "another"})


def _described_topic(doc: Doc, people: Sequence[MentionCandidate], at: int, sex: str) -> str | None:
    """The description of the person "he"/"she" at ``at`` stands for when the nearest
    main clause before it (past clauses whose subject is the same pronoun) has for
    subject someone it brings in without a name: "a neighbour recalled", "one Mac
    customer from the show floor was sceptical" ("a", "an", "one", "another" and a noun
    for a person). None when its own sentence names someone before the pronoun, or the
    clause is about anything else, or names a person in its subject ("A former member,
    Rebecca Musser, said": ``people`` are the mentions of persons)."""
    own = doc.char_span(at, at + 1, alignment_mode="expand")
    if own is None:
        return None
    sentence = own.sent
    if any(sentence.start_char <= m.span.start < at for m in people):
        return None
    pronoun = "she" if sex == "female" else "he"
    while sentence.start > 0:
        sentence = doc[sentence.start - 1].sent
        if sentence.end_char < at - SUBJECT_REACH:
            return None
        subjects = [c for c in main_verb(sentence).children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        subject = subjects[0]
        if subject.lower_ == pronoun:
            continue
        noun = subject.lemma_.lower()
        if (
            subject.pos_ != "NOUN"
            or noun not in _UNNAMED_PEOPLE
            or noun in (_WOMEN if sex == "male" else _MEN)
            or not any(c.lower_ in _NEW_ONE for c in subject.children if c.i < subject.i)
            or any(subject.left_edge.idx <= m.span.start <= subject.right_edge.idx for m in people)
        ):
            return None
        return doc.text[subject.left_edge.idx : subject.idx + len(subject)]
    return None


def _described_speaker(
    text: str,
    quote: QuoteCandidate,
    previous: tuple[QuoteCandidate, QuoteCandidate] | None,
    sex: str,
) -> str | None:
    """The description of the speaker of the quote right before, when that one was
    credited to someone described, not named, and "he"/"she" may be them: '"...," said
    fisherman's wife Mapahai, 35. / "...," she said' is the fisherman's wife's, not the
    governor's named before her. Nothing but blank space between the two statements;
    the description holds a word for a person and none for the other sex."""
    if previous is None:
        return None
    credited = previous[1]
    description = credited.speaker_text
    if (
        credited.speaker is not None
        or not description
        or text[credited.sentence.end : quote.sentence.start].strip()
    ):
        return None
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", description)}
    if not words & (_UNNAMED_PEOPLE | gz.PERSON_ROLES) or words & (
        _MEN if sex == "female" else _WOMEN
    ):
        return None
    return description


# A description is a noun phrase: words the cue rules cut out of a clause ("rewrote the",
# "I have to", "A government official downplayed the unrest", "several times") are none.
_PHRASE_HEADS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_PHRASE_ENDS = _PHRASE_HEADS | {"PART"}  # "a man's voice"
_CLAUSE_HEADS = frozenset({"VERB", "AUX"})
_NOT_PEOPLE = frozenset({"time", "him", "them"})


def _no_description(doc: Doc, quote: QuoteCandidate, text: str) -> bool:
    """Whether the words the cue rules took for an unnamed speaker (``text``, printed in
    the quote's sentence outside the quote) are no noun phrase that could speak: a verb
    heads them ("There is an old saying that ...", "A government official downplayed
    the unrest saying"), or no noun does ("For the man described by ..."), or their last
    word is no noun ("one of his key lawyers would later say", "rewrote the"), or their
    noun is one of time or an object pronoun ("He ... and several times described",
    "People quoted him as saying")."""
    span = _printed_span(doc, quote, text)
    if span is None:
        return False
    heads = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    return (
        span[-1].pos_ not in _PHRASE_ENDS
        or any(t.pos_ in _CLAUSE_HEADS for t in heads)
        or not any(t.pos_ in _PHRASE_HEADS for t in heads)
        or any(t.lemma_.lower() in _NOT_PEOPLE or t.lower_ in _NOT_PEOPLE for t in heads)
    )


def _printed_span(doc: Doc, quote: QuoteCandidate, words: str) -> Span | None:
    """The tokens of ``words`` printed in the quote's sentence outside the quote."""
    text, start = doc.text, quote.sentence.start
    while (at := text.find(words, start, quote.sentence.end)) >= 0:
        if not quote.span.start <= at < quote.span.end:
            span = doc.char_span(at, at + len(words), alignment_mode="expand")
            return span if span is not None and len(span) else None
        start = at + 1
    return None


def _trimmed(doc: Doc, quote: QuoteCandidate, text: str) -> str | None:
    """The description the words open, cut before the verbs that end them ("one of his
    key lawyers would" -> "one of his key lawyers", "one of the queries supplied"), when
    no verb is left in it and a noun is; else None ("I have to")."""
    span = _printed_span(doc, quote, text)
    if span is None:
        return None
    end = span.end
    while end > span.start and doc[end - 1].pos_ in _CLAUSE_HEADS | {"PART"}:
        end -= 1
    kept = doc[span.start : end]
    if not len(kept) or any(t.pos_ in _CLAUSE_HEADS for t in kept):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in kept):
        return None  # "I have to say", "There is"
    trimmed = doc.text[kept.start_char : kept.end_char]
    return None if _no_description(doc, quote, trimmed) else trimmed


def _described_again(
    quote: QuoteCandidate,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> QuoteCandidate:
    """A quote whose description was no noun phrase, read again from the parse: the
    subject of the clause a participle cue hangs on, else of the speech verb nearest the
    quote ("A government official downplayed the unrest saying": a government official;
    "He stated ... and several times described": he); else the noun phrase the words
    open ("one of his key lawyers would later say"); else nobody ("There is an old
    saying that ...", a saying)."""
    text = quote.speaker_text or ""
    found = quote
    if quote.cue is not None and quote.cue.lower() in _PARTICIPLES:
        subject = _participle_subject(doc, quote)
        found = _credited_by(quote, subject, doc, mentions, entities) if subject else quote
    if found.speaker is None and found.speaker_text == text:
        found = _credited(quote, doc, mentions, entities)
    if found.speaker is not None:
        return found
    if found.speaker_text not in (None, text) and not _no_description(
        doc, quote, found.speaker_text or ""
    ):
        return found
    return replace(quote, speaker_text=_trimmed(doc, quote, text))


def _doubtful(quote: QuoteCandidate, entities: Sequence[LocalEntity]) -> bool:
    if quote.speaker is not None:
        return entities[quote.speaker].kind not in _CREDIBLE
    if quote.speaker_text is None:
        return True
    return any(word.lower() in _NOT_SPEAKERS for word in quote.speaker_text.split())


def _credited(
    quote: QuoteCandidate,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> QuoteCandidate:
    verb = _speech_verb(doc, quote)
    subject = _subject(verb) if verb is not None else None
    if subject is None:
        return quote
    return _credited_by(quote, subject, doc, mentions, entities)


def _credited_by(
    quote: QuoteCandidate,
    subject: Token,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
) -> QuoteCandidate:
    """The quote credited to what ``subject`` names or stands for; "him"/"her" as "he"/
    "she" ("People quoted him as saying")."""
    word = _OBJECT_PRONOUNS.get(subject.lower_, subject.lower_)
    if word in _GROUP_PRONOUNS and quote.speaker_text and not _doubtful(quote, entities):
        # the rules read "it" as the description that stands for it ("The Almaty police
        # department said ... 'Police will not allow ...,' it said"): no earlier name
        return quote
    if word in _PERSON_PRONOUNS or word in _GROUP_PRONOUNS:
        kind = EntityKind.PERSON if word in _PERSON_PRONOUNS else EntityKind.ORGANIZATION
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
        return replace(quote, speaker=None, speaker_text=doc.text[start:end])
    return quote


def _officer_of(
    quote: QuoteCandidate,
    doc: Doc,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    previous: tuple[QuoteCandidate, QuoteCandidate] | None,
) -> QuoteCandidate:
    """A quote the rules gave an organisation whose person the speech verb's subject
    names: the subject itself or a name set beside it ("said Enough Project co-founder
    John Prendergast", "Ben Stephenson, controller of BBC Drama, said", "explained
    Microsoft's Dustin Childs", "Peter Boockvar, a strategist for Miller Tabak,
    commented"); the organisation was only part of the person's description. An
    organisation that is the subject ("GM, led by Mary Barra, said") keeps the quote. A
    quote that runs on from the one before with no cue of its own (``previous``: that
    quote as the cue rules read it, and as credited) is credited as that one was."""
    if previous is not None and _runs_on(doc.text, quote, previous[0]):
        # '"...," said BBC controller Ben Stephenson. "..."': the one credited before
        return replace(quote, speaker=previous[1].speaker, speaker_text=previous[1].speaker_text)
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


def _runs_on(text: str, quote: QuoteCandidate, before: QuoteCandidate) -> bool:
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


# A participle cue says nothing of who speaks: the clause it hangs on does.
_PARTICIPLES = frozenset(
    {"saying", "adding", "noting", "writing", "claiming", "insisting", "arguing",
     "warning", "stating", "explaining", "declaring", "telling"}
)  # fmt: skip


def _participle_subject(doc: Doc, quote: QuoteCandidate) -> Token | None:
    """Who speaks in "X defended the record, saying ...", "X justified it by saying ...":
    the subject of the verb the participle hangs on; in "Detik.com quoted Djamal as
    saying", the one quoted."""
    span = doc.char_span(quote.sentence.start, quote.sentence.end, alignment_mode="expand")
    if span is None:
        return None
    cues = [t for t in span if t.lower_ in _PARTICIPLES and t.idx < quote.span.start]
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
    if head.pos_ not in ("VERB", "AUX") or head.i == cues[-1].i:
        return None
    if head.lemma_.lower() in ("quote", "cite"):
        return next((c for c in head.children if c.dep_ == "dobj"), None)
    return _subject(head)


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
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() not in _NOT_PEOPLE
        ]
        if subjects:
            return subjects[0]
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
