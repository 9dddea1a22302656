"""Who speaks a quote with no cue of its own in its sentence: the speaker of the statement
it runs on from, of the paragraph before that ends in a cue and a colon ("Obama tweeted
from his account:"), the agent of a passive verb ("was praised by Jobs as"), the person a
short clause ending in a colon opens with ("Coach Gareth Southgate was less upbeat:"), the
name leading a headline ("Netanyahu: ..."), the name right after it where the copy
lost the verb ('"...," Prime Minister Benjamin Netanyahu during a televised address'), or
whoever the sentence before reports without quoting ("Heald noted the findings show ...")."""

from __future__ import annotations

import re

from service.ingest.mentions import gazetteer as gz
from service.ingest.model import EntityKind, MentionCandidate, QuoteCandidate
from service.ingest.quotes.cues import MASK, Attribution, Cue, find_cues, named_attribution
from service.ingest.quotes.mention_index import MentionIndex
from service.ingest.quotes.quote_marks import QUOTE_WORD, Quote
from service.ingest.quotes.speakers import attribute


def introduced(
    body: str,
    masked: str,
    q: Quote,
    bounds: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
    index: MentionIndex,
) -> Attribution | None:
    """A quote opening its paragraph after a paragraph that ends in a cue clause and a
    colon ("Obama tweeted from his account:", or "... issued the following statement:")
    is that clause's speaker's."""
    p_start = paragraphs[q.first_par][0]
    if q.first_par == 0 or masked[p_start : q.open].strip():
        return None
    prev_start, prev_end = paragraphs[q.first_par - 1]
    clause = masked[prev_start:prev_end].rstrip()
    if not clause.endswith(":"):
        return None
    starts = [s for s, _ in bounds if prev_start <= s < prev_start + len(clause)]
    sentence_start = starts[-1] if starts else prev_start
    cues = find_cues(masked, sentence_start, prev_start + len(clause)) or [
        Cue(m.start(), m.end(), " ".join(m.group().split()))
        for m in _STATEMENT_ISSUED.finditer(masked, sentence_start, prev_start + len(clause))
    ]
    if not cues:
        return None
    return attribute(body, masked, sentence_start, prev_end, cues[-1], None, index)


# Issuing a statement is speaking when the paragraph ends in a colon and the statement
# follows: "General Manager Ruth Adair issued the following statement on the ruling:".
_STATEMENT_ISSUED = re.compile(
    r"\b(?:issued|released|put\s+out|sent\s+out)\s+(?:a|an|the|this|his|her|its|their)"
    r"\s+(?:following\s+|brief\s+|short\s+|written\s+|joint\s+)?statement\b",
    re.IGNORECASE,
)


# A short clause before a colon, opened by a person's name (only a title, perhaps with
# the organisation the title is held in, before it): "Coach Gareth Southgate was less
# upbeat:", "Harris put it simply:", "Procter & Gamble spokeswoman Jennifer Chelune
# spoke about the incident:".
_COLON_CLAUSE_WORDS = 10


_TITLE_WORDS = 3


# "was praised by Jobs as", "was described by the minister as": the agent's words
_AGENT_AS = re.compile(r"\b\w+ed\s+by\s+(?P<np>[^,;:.]{2,60}?)\s+as\s*$")


def agent_as(masked: str, q: Quote, ctx_start: int, index: MentionIndex) -> Attribution | None:
    """The person or organisation a passive verb names as its agent right before the
    quote ("The new iPhone was praised by Jobs as \"the biggest leap ...\"")."""
    m = _AGENT_AS.search(masked, ctx_start, q.open)
    if m is None:
        return None
    named = [
        (mention, entity)
        for mention, entity in index.within(m.start("np"), m.end("np"))
        if mention.span.start >= m.start("np")
        and index.kind(entity) in (EntityKind.PERSON, EntityKind.ORGANIZATION)
    ]
    return named_attribution(named[-1], Cue(m.start(), m.end(), "as")) if named else None


# A comma closing the quotation, then the name (a title before it at most) with no verb:
# copy that lost its "said" ('"...," Prime Minister Benjamin Netanyahu during a
# televised address.')
_LOST_VERB_TITLE_WORDS = 3


def name_after(
    body: str, masked: str, q: Quote, ctx_end: int, index: MentionIndex
) -> Attribution | None:
    """The person named right after a quotation that closes on a comma, when the copy lost
    the verb between them: '"Iran lied," Prime Minister Benjamin Netanyahu during a
    televised address.' is Netanyahu's (a cue there would have been read already)."""
    if body[q.close - 1] != ",":
        return None
    people = _people(index, q.close + 1, ctx_end)
    if not people:
        return None
    first, entity = people[0]
    title = QUOTE_WORD.findall(masked[q.close + 1 : first.span.start])
    if len(title) > _LOST_VERB_TITLE_WORDS or any(
        w.casefold() not in gz.PERSON_ROLES | gz.TITLE_MODIFIERS and not gz.place_canonical(w)
        for w in title
    ):
        return None
    return Attribution(entity, first.text, None)


def colon_subject(masked: str, q: Quote, ctx_start: int, index: MentionIndex) -> Attribution | None:
    """The person a short clause ending in a colon right before the quote is about."""
    before = masked[ctx_start : q.open].rstrip()
    if not before.endswith(":"):
        return None
    clause_start = max(ctx_start, masked.rfind(MASK, ctx_start, q.open) + 1)
    clause = masked[clause_start : ctx_start + len(before)]
    if len(QUOTE_WORD.findall(clause)) > _COLON_CLAUSE_WORDS:  # it starts after any quote
        return None
    end = ctx_start + len(before)
    # "Asked whether he would stay, Guardiola smiled:": the clause after the last comma
    # when it names someone ("Coach Gareth Southgate, 52, was less upbeat:" does not)
    after_comma = masked.rfind(",", clause_start, end) + 1
    if after_comma and _people(index, after_comma, end):
        clause_start = after_comma
    people = _people(index, clause_start, end)
    if not people:
        return None
    first, entity = people[0]
    # "Procter & Gamble spokeswoman Jennifer Chelune spoke about it:": the organisation
    # the person speaks for is part of the title
    lead = list(masked[clause_start : first.span.start])
    for m, e in index.within(clause_start, first.span.start):
        if index.kind(e) is EntityKind.ORGANIZATION and m.span.start >= clause_start:
            lead[m.span.start - clause_start : m.span.end - clause_start] = " " * len(m.text)
    title = QUOTE_WORD.findall("".join(lead))
    if len(title) > _TITLE_WORDS or any(
        w.casefold() not in gz.PERSON_ROLES | gz.TITLE_MODIFIERS and not gz.place_canonical(w)
        for w in title
    ):
        return None  # "Her verdict on Kamala Harris was harsh:" is not Harris speaking
    return Attribution(entity, first.text, ":")


def headline_speaker(
    masked: str, q: Quote, paragraphs: list[tuple[int, int]], index: MentionIndex
) -> Attribution | None:
    """A quote in a headline led by a name and a colon is that person's: "Netanyahu:
    Evidence proves Iran deal 'based on lies'". The headline is the first paragraph when
    it is one line with no full stop before the quote; the words before the colon are
    the name and at most a title ("Prime Minister Netanyahu:"), nothing else ("Report:")."""
    if q.first_par != 0:
        return None
    start = paragraphs[0][0]
    lead = masked[start : q.open]
    colon = lead.find(":")
    if colon < 0 or "\n" in lead or re.search(r"[.!?]\s", lead):
        return None
    people = _people(index, start, start + colon)
    if not people:
        return None
    first, entity = people[-1]
    if masked[first.span.end : start + colon].strip():
        return None  # "Obama aide: ..." is not Obama
    title = QUOTE_WORD.findall(masked[start : first.span.start])
    if len(title) > _TITLE_WORDS or any(
        w.casefold() not in gz.PERSON_ROLES | gz.TITLE_MODIFIERS and not gz.place_canonical(w)
        for w in title
    ):
        return None
    return Attribution(entity, first.text, ":")


def reported_before(
    body: str,
    masked: str,
    context: tuple[int, int],
    bounds: list[tuple[int, int]],
    q: Quote,
    paragraphs: list[tuple[int, int]],
    index: MentionIndex,
) -> Attribution | None:
    """ "Heald noted the findings show ... . "An air-quality cleanup would ..."": a quote
    that is a sentence of its own, right after a sentence in which a named speaker
    reports without quoting, is that speaker's: in its paragraph, or, when it opens its
    paragraph, the previous paragraph's last ("Trump acknowledged the meeting in a
    tweet, saying it went well.\n\n"Mike Pompeo met with Kim ..."")."""
    ctx_start, ctx_end = context
    if QUOTE_WORD.search(masked[ctx_start:ctx_end].replace(MASK, "")):
        return None  # words of the narrative around it: "were granted "parole" status"
    p_start = paragraphs[q.first_par][0]
    before = [(s, e) for s, e in bounds if p_start <= s and e <= ctx_start + 1]
    if not before and q.first_par > 0 and not masked[p_start : q.open].strip():
        prev_start, prev_end = paragraphs[q.first_par - 1]
        before = [(s, e) for s, e in bounds if prev_start <= s and e <= prev_end + 1]
    if not before:
        return None
    start, end = before[-1]
    if MASK in masked[start:end]:
        return None  # a sentence that quotes is continued by ``continuation`` or not at all
    cues = find_cues(masked, start, end)
    if not cues:
        return None
    cue = cues[-1] if _closes_sentence(masked, cues[-1], end) else cues[0]
    found = attribute(body, masked, start, end, cue, None, index)
    return found if found.speaker is not None else None


# What may follow a cue that closes its sentence: "..., a ministry statement said.",
# "..., police said on Monday."
_SENTENCE_CLOSE = re.compile(r"\s*(?:(?:on|late|early)\s+\w+|\w+day)?\s*[.!]?\s*")


# A comma, then a short subject, then the cue
_COMMA_SUBJECT = re.compile(r",\s*(?:[\w.'’-]+\s+){1,6}$")


def _closes_sentence(masked: str, cue: Cue, end: int) -> bool:
    """ "..., a Defence Ministry statement said.": a cue after a comma and a short subject
    at the end of its sentence attributes the whole sentence (not the participle before
    it: "a distress call from the MV Gibe saying two boats were closing in")."""
    return (
        _SENTENCE_CLOSE.fullmatch(masked, cue.end, end) is not None
        and _COMMA_SUBJECT.search(masked, max(0, cue.start - 80), cue.start) is not None
    )


def _people(index: MentionIndex, start: int, end: int) -> list[tuple[MentionCandidate, int]]:
    """Person mentions that start and end within ``start..end``."""
    return [
        (m, e)
        for m, e in index.within(start, end)
        if index.kind(e) is EntityKind.PERSON and m.span.start >= start
    ]


def continuation(
    masked: str,
    q: Quote,
    ctx_start: int,
    ctx_end: int,
    previous: tuple[Quote, QuoteCandidate, int] | None,
    paragraphs: list[tuple[int, int]],
) -> Attribution | None:
    """The previous statement's speaker when this quote stands alone right after it."""
    if previous is None:
        return None
    outside = masked[ctx_start:ctx_end].replace(MASK, "")
    if QUOTE_WORD.search(outside):
        return None
    prev_q, prev, prev_ctx_end = previous
    if prev.speaker is None and prev.speaker_text is None:
        return None
    if prev_q.last_par == q.first_par:
        adjacent = not QUOTE_WORD.search(masked[prev_ctx_end:ctx_start])
    else:
        adjacent = prev_q.last_par + 1 == q.first_par and _ends_paragraph(
            masked, prev_ctx_end, paragraphs[prev_q.last_par][1]
        )
    if not adjacent:
        return None
    return Attribution(prev.speaker, prev.speaker_text, prev.cue)


# Words the sentence splitter may leave after a sentence that ends its paragraph, cut
# off at an abbreviation or a "!" inside a name: "Ch. | 4.", "he told E! | News."
_SPLIT_OFF_WORDS = 2


def _ends_paragraph(masked: str, sentence_end: int, par_end: int) -> bool:
    """Whether the sentence ending at ``sentence_end`` ends its paragraph: nothing after
    it, or only what the splitter cut off it (``split_off``)."""
    return split_off(masked[sentence_end:par_end])


def split_off(rest: str) -> bool:
    """Whether ``rest``, the words between a sentence and the next, is nothing or only a
    word or two the splitter cut off the first ('"It was horrible to see," said Benson, a
    managing editor at WCCO-TV, Ch. 4.' ends at "Ch."), no quote among them."""
    return MASK not in rest and len(QUOTE_WORD.findall(rest)) <= _SPLIT_OFF_WORDS
