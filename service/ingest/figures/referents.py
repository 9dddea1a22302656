"""Whom the words the parse points at stand for: a name, a nationality ("Panamanian"), a
pronoun ("its profit", "he"), or a noun copy uses for something it has named ("the
company", "the index", "the plane"), each the last such entity named before it; and the
named giver of a figure the parse found."""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.ingest.figures.concepts import Reading
from service.ingest.figures.event_places import COUNTRY
from service.ingest.figures.organisation_kinds import (
    PUBLIC_HEADS,
    is_authority,
    is_outlet,
    names_index,
)
from service.ingest.figures.sentence_mentions import SentenceMentions
from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.coreference import last_named
from service.ingest.mentions.places import country_of_demonym
from service.ingest.model import (
    EntityKind,
    LocalEntity,
    MentionCandidate,
    Span,
)

_PRONOUNS = {
    **dict.fromkeys(
        ("it", "its", "they", "their", "company", "firm", "group", "bank", "lender",
         "insurer", "carmaker", "automaker", "manufacturer", "maker", "airline", "retailer",
         "club", "team", "party", "government", "ministry", "agency", "giant", "operator",
         "conglomerate", "business", "corporation", "organisation", "organization"),
        EntityKind.ORGANIZATION,
    ),
    **dict.fromkeys(("he", "his", "him", "she", "her"), EntityKind.PERSON),
}  # fmt: skip


def country_named(printed: str, entities: Sequence[LocalEntity]) -> int | None:
    """The story's entity for the country a nationality adjective names, if one."""
    words = printed.split()
    # "Panamanian", or a nationality before what it qualifies: "German GDP"
    name = country_of_demonym(words[0]) if 1 <= len(words) <= 2 else None
    if name is None:
        return None
    key = gz.place_canonical(name) or name
    for entity in entities:
        if (
            entity.kind is EntityKind.PLACE
            and (gz.place_canonical(entity.name) or entity.name) == key
        ):
            return entity.index
    return None


def parse_subject(
    reading: Reading, sm: SentenceMentions, mentions: Sequence[MentionCandidate]
) -> int | None:
    """The entity a name the parse points at belongs to; a pronoun ("its profit", "the
    company's") is the last entity of its kind named before it."""
    spans = reading.subject_spans
    for span in spans:
        # a name in a sentence before only as what a main clause's "it" or "they"
        # stands for
        named = mentions if span.end <= sm.offset and _carries(sm, spans) else sm.mentions
        overlapping = [
            m
            for m in named
            if m.local_entity >= 0 and m.span.start < span.end and span.start < m.span.end
        ]
        if overlapping:
            # the name the words end on, past those compounded before it: "FTX founder
            # Sam Bankman-Fried" is Bankman-Fried
            return max(overlapping, key=lambda m: m.span.end).local_entity
        printed = sm.body[span.start : span.end]
        if (country := country_named(printed, sm.entities)) is not None:
            return country  # "Five Panamanian players": Panama, named in the story
        word = printed.lower().split()[-1:]
        if word == ["government"]:
            return COUNTRY  # "the government will spend": the story's country's
        if (
            _index_described(printed)
            and (market := _last_index(mentions, sm.entities, span.start)) is not None
        ):
            return market  # "The index fell over 2,000 points": the Dow named before
        if (
            word
            and word[0] in _PRODUCT_NOUNS
            and not indefinite(sm.body, span)
            and not _PASSIVE_BY.match(sm.body, span.end)
            and (product := _last_product(mentions, sm.entities, span.start)) is not None
        ):
            return product  # "the plane has flown for nearly thirty hours": the A400M
        if word and _company_noun(word[0]) and not indefinite(sm.body, span):
            company = _last_company(mentions, sm.entities, span.start)
            if company is not None:
                return company  # "The company lost $1.7 billion": EDS, not the SEC
        kind = _PRONOUNS.get(word[0]) if word else None
        if kind is not None and not indefinite(sm.body, span):
            earlier = last_named(
                mentions, sm.entities, before=span.start, kinds=(kind,), sex=_SEXES.get(word[0])
            )
            if earlier is not None:
                return earlier
    return None


# Nouns copy uses for a product it has named ("the plane", "the handset").
_PRODUCT_NOUNS = frozenset(
    {"plane", "aircraft", "jet", "jetliner", "airliner", "superjumbo", "handset", "phone",
     "smartphone", "device", "laptop", "notebook", "browser"}
)  # fmt: skip


def _last_product(
    mentions: Sequence[MentionCandidate], entities: Sequence[LocalEntity], before: int
) -> int | None:
    """The product named last before ``before``, by a model name: one with a digit or a
    capital inside a word ("A400M", "Boeing 787", "BlackBerry Bold"), so that a stray
    capitalised word the name finder took for something ("House") stands for none."""
    found = None
    for m in mentions:
        if m.span.end <= before and 0 <= m.local_entity < len(entities):
            entity = entities[m.local_entity]
            if entity.kind is EntityKind.OTHER and _MODEL_NAME.search(entity.name):
                found = m.local_entity
    return found


# "The aircraft was greeted by some 400 guests": the count is of the agent, not the plane.
_PASSIVE_BY = re.compile(r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+\w+\s+by\b")
_MODEL_NAME = re.compile(r"\d|\b\w+[a-z][A-Z]")


def _carries(sm: SentenceMentions, spans: Sequence[Span]) -> bool:
    """Whether one of ``spans`` is a pronoun opening the sentence ("It", "They",
    "Their"), whose antecedent the parse gave before it."""
    return any(
        not any(m.span.start < span.start for m in sm.mentions)
        and sm.offset <= span.start
        and sm.body[span.start : span.end].lower() in ("it", "its", "they", "their")
        for span in spans
    )


_SEXES = {"he": "male", "his": "male", "him": "male", "she": "female", "her": "female"}


# Determiners of a noun that names no one named before: "one major corporation that
# posted a gain was Wal-Mart", "a company with 500 staff".
_INDEFINITE = re.compile(r"\b(?:a|an|one|another|any|some|each|every|no)\s+$", re.IGNORECASE)


def indefinite(body: str, span: Span) -> bool:
    """Whether the noun at ``span`` is told as a new one ("a company", "one corporation"),
    so that it stands for no organisation named before, as "the company" does."""
    return _INDEFINITE.search(body, max(0, span.start - 12), span.start) is not None


def _last_index(
    mentions: Sequence[MentionCandidate], entities: Sequence[LocalEntity], before: int
) -> int | None:
    """The market index named last before ``before`` ("the Dow Jones (DJIA)")."""
    found = None
    for m in mentions:
        if m.span.end <= before and 0 <= m.local_entity < len(entities):
            entity = entities[m.local_entity]
            if any(names_index(n) for n in (entity.name, *entity.aliases)):
                found = m.local_entity
    return found


def _index_described(printed: str) -> bool:
    """Whether words name an index by description only: "the index", "the benchmark
    index", in lower case (not "the Russell 2000 Index": a name of its own)."""
    words = printed.split()
    return (
        bool(words)
        and words[-1] in ("index", "average")
        and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])
    )


_DESCRIPTION = re.compile(r"the\s+(?P<noun>\w+)|(?P<pronoun>it|they|he|she)", re.I)
# Nouns copy uses for a company it has named; "the ministry" may be any ministry.
_COMPANY_NOUNS = frozenset(
    {"company", "firm", "carmaker", "automaker", "manufacturer", "maker", "bank", "lender",
     "insurer", "airline", "retailer", "conglomerate", "group", "club", "team"}
)  # fmt: skip


def _company_noun(word: str) -> bool:
    """Whether a noun is one copy uses for a business it has named: "the company", "the
    firm", "the lender", and any "-maker" ("the chipmaker", "the drugmaker")."""
    return word in _COMPANY_NOUNS - {"club", "team", "group"} or (
        word.endswith("maker") and len(word) > len("maker")
    )


def _last_company(
    mentions: Sequence[MentionCandidate], entities: Sequence[LocalEntity], before: int
) -> int | None:
    """The business named last before ``before``: the organisation "the company" or "the
    chipmaker" stands for, past regulators, ministries, courts and news outlets named
    since ("... a Securities and Exchange Commission investigation. The company lost $1.7
    billion": the company named before the commission)."""
    found = None
    for m in mentions:
        if m.span.end > before or not 0 <= m.local_entity < len(entities):
            continue
        entity = entities[m.local_entity]
        words = entity.name.lower().split()
        if (
            entity.kind is EntityKind.ORGANIZATION
            and not is_authority(entity)
            and not is_outlet(entity)
            and not (words and words[-1] in PUBLIC_HEADS)
        ):
            found = m.local_entity
    return found


def described(
    text: str, mentions: Sequence[MentionCandidate], entities: Sequence[LocalEntity], before: int
) -> int | None:
    """The entity a source named by description stands for: "the firm", "the company", "it"
    are the last organisation named before; "he", "she" the last person. "The interior
    ministry" names no earlier one: it stays words."""
    match = _DESCRIPTION.fullmatch(text.strip())
    if match is None:
        return None
    noun = (match.group("noun") or "").lower()
    if noun and noun not in _COMPANY_NOUNS:
        return None
    kind = _PRONOUNS.get(noun or match.group("pronoun").lower())
    if kind is None:
        return None
    return last_named(mentions, entities, before=before, kinds=(kind,))


def parse_source(reading: Reading, sm: SentenceMentions) -> tuple[int | None, str | None]:
    """The named giver of the figure ("the US Geological Survey put ... at 5.7"), else the
    words naming it ("police estimated ...")."""
    span = reading.source_span
    if span is None:
        return None, None
    for mention in sm.mentions:
        if mention.span.start < span.end and span.start < mention.span.end:
            return mention.local_entity, None
    return None, sm.body[span.start : span.end]
