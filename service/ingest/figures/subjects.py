"""Whom a figure is about and who gives it: the sentence's place for a toll, else what the
parse points at (the verb's subject, a possessor, a pronoun's antecedent); the story's
city, country or organisation when the sentence names none.

Rules worth knowing:
- A place belongs to the count printed last before it, with the counts joined to that
  one by "and" ("719 dead and 863 injured in a stampede near Mecca"); with none before
  it, to the first count after it ("200 people arrested in ... Almaty, in addition to
  500 others": Almaty is the 200's).
- Of several places in the sentence, the toll is of the one printed as where it happened
  ("in Angola", with the region after it: "in Salt Lake City, Utah"), not of the victims'
  country ("a bus carrying the Togo team").
- "The plane", "the handset" stand for the product named last by a model name ("the
  A400M"), as "the company" stands for the organisation.
- A count with no place in its sentence happened where the story last was (the last city
  named before it); country-wide counts and country-level figures are the country's.
- Money a government moves is the country's; results a company reports are the
  company's, when the sentence names neither.
- Any other figure nothing nearer places is about the entity the story names most,
  unless another value of its property in the story says it is about something else; a
  person the story names most owns only figures of sentences that name them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from service.ingest.figures.central_banks import STORY_COUNTRY, bank_country
from service.ingest.figures.concepts import Reading
from service.ingest.figures.lexicon import lexicon, unit_class
from service.ingest.figures.properties import (
    SentenceMentions,
    age_subject,
    main_place,
    vote_subject,
)
from service.ingest.figures.respectively import RESPECTIVELY, pair_respectively
from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.coreference import last_named
from service.ingest.mentions.places import country_of_demonym
from service.ingest.model import (
    EntityKind,
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
    Span,
    TextPart,
)
from service.ingest.parse.metadata import SOURCE_NAMES

_DURATIONS = frozenset({"detention_duration"})


def at_place(prop: str | None) -> bool:
    """Whether a figure of ``prop`` is about where it happened (deaths, detained, ...)."""
    concept = lexicon().concepts.get(prop) if prop is not None else None
    return concept is not None and concept.subject == "place"


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


def _country_named(printed: str, entities: Sequence[LocalEntity]) -> int | None:
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


def country_level(prop: str | None) -> bool:
    """Whether a figure of ``prop`` is a country's statistic (turnout, unemployment)."""
    concept = lexicon().concepts.get(prop) if prop is not None else None
    return concept is not None and concept.subject == "country"


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
        if (country := _country_named(printed, sm.entities)) is not None:
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
            and not _indefinite(sm.body, span)
            and not _PASSIVE_BY.match(sm.body, span.end)
            and (product := _last_product(mentions, sm.entities, span.start)) is not None
        ):
            return product  # "the plane has flown for nearly thirty hours": the A400M
        if word and _company_noun(word[0]) and not _indefinite(sm.body, span):
            company = _last_company(mentions, sm.entities, span.start)
            if company is not None:
                return company  # "The company lost $1.7 billion": EDS, not the SEC
        kind = _PRONOUNS.get(word[0]) if word else None
        if kind is not None and not _indefinite(sm.body, span):
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


def _indefinite(body: str, span: Span) -> bool:
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
            if any(_names_index(n) for n in (entity.name, *entity.aliases)):
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


def _names_index(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and (words[0] in gz.MARKET_INDEX_WORDS or words[-1] in ("index", "average"))


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


# Last words of an organisation that is no business: a public body, a court, a party.
_PUBLIC_HEADS = frozenset(
    {"government", "parliament", "congress", "senate", "house", "assembly", "court",
     "party", "army", "navy", "force", "union", "nations", "fund", "organisation",
     "organization"}
)  # fmt: skip


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
            and not _is_authority(entity)
            and not _is_outlet(entity)
            and not (words and words[-1] in _PUBLIC_HEADS)
        ):
            found = m.local_entity
    return found


# What a market figure measures: a move, a level, a share's price.
_MARKET_MEASURES = frozenset({"decline", "growth", "index_level", "share_price"})


def _mover_before(
    body: str,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    figure: FigureCandidate,
) -> int | None:
    """What moved, for a market's move or level the parse gave no subject: the
    organisation printed last before the figure in its sentence, when it is an index or
    a business ("Indian shares on the Sensex index in Mumbai fell ten percent": the
    Sensex; "with shares in HBOS falling by 41.54%": HBOS). Never an exchange, a
    regulator or an outlet ("the shares of the company rose 5 percent at the New York
    Stock Exchange"), nor the source that gives it, nor a move told of several ("the
    Nasdaq and the S&P 500 dipped by 96 points and 50 points, respectively")."""
    if figure.part is not TextPart.BODY or figure.property not in _MARKET_MEASURES:
        return None
    sentence = figure.sentence
    if RESPECTIVELY.search(body, sentence.start, sentence.end):
        return None
    before = [
        m
        for m in mentions
        if sentence.start <= m.span.start
        and m.span.end <= figure.span.start
        and 0 <= m.local_entity < len(entities)
        and entities[m.local_entity].kind is EntityKind.ORGANIZATION
    ]
    if not before:
        return None
    entity = entities[before[-1].local_entity]
    if entity.index == figure.attributed_to:
        return None  # "Nasdaq says that all trades at prices 60% higher": its rule
    if _is_index(entity):
        return entity.index
    words = entity.name.lower().split()
    if (
        _is_authority(entity)
        or _is_outlet(entity)
        or not words
        or words[-1] in _PUBLIC_HEADS | {"exchange"}
        or entity.name.lower() in _EXCHANGES
    ):
        return None
    return entity.index


_EXCHANGES = frozenset({"nyse", "lse", "tse", "hkex", "sgx", "asx"})


def _is_index(entity: LocalEntity) -> bool:
    """Whether the entity is a market index by its name or an alias: one the list of
    indices holds ("All Ordinaries", "Standard & Poor's 500"), or one "index" or
    "average" ends."""
    return any(
        _names_index(name) or gz.is_market_index(name) for name in (entity.name, *entity.aliases)
    )


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


def subject_of(
    prop: str | None,
    sm: SentenceMentions,
    sentence: str,
    start: int,
    end: int,
    body: str,
    siblings: Sequence[Span] = (),
) -> int | None:
    absolute = sm.offset + start
    found: MentionCandidate | None = None
    if prop == "vote_share":
        # "against 48.4% for Kamala Harris": the share of whom it is for
        after = _FOR_WHOM.match(sentence, end)
        if after is not None:
            named = sm.first_after(
                sm.offset + after.end(), EntityKind.PERSON, EntityKind.ORGANIZATION
            )
            if named is not None and named.span.start == sm.offset + after.end():
                return named.local_entity
        return vote_subject(sm, sentence, start)
    if prop == "age":
        return age_subject(sm, sentence, start, end, body)
    if prop in ("score", "half_time_score"):
        return _winner_after(sm, sentence, start, end) or _first_side(sm, sentence, start)
    if prop == "years_in_power":
        found = sm.last_before(absolute, EntityKind.PERSON)
    elif at_place(prop):
        return _event_place(sm, sentence, Span(absolute, sm.offset + end), siblings)
    elif prop == "detention_duration":
        places = {m.local_entity for m in sm.of_kind(EntityKind.PLACE)}
        return places.pop() if len(places) == 1 else None
    elif prop == "interest_rate":
        # "UK interest rates were lowered to 5 percent by the Bank of England": the rate
        # is the bank's that sets it, as "the Bank of England cut rates to 5%"
        banks = [
            m
            for m in sm.of_kind(EntityKind.ORGANIZATION)
            if _CENTRAL_BANK.match(sm.body, m.span.start, m.span.end)
        ]
        if banks:
            return banks[0].local_entity
    elif prop == "observers":
        found = sm.nearest(absolute, sm.offset + end, EntityKind.ORGANIZATION)
    elif country_level(prop):
        found = sm.nearest(absolute, sm.offset + end, EntityKind.PLACE, EntityKind.EVENT)
    return found.local_entity if found is not None else None


# What follows a distance up to the place it is measured from: "58km (36 miles)
# south-west of", "100 miles from", "150 nautical miles off"; then at most a few words
# describing the place ("the region's main city of Manokwari").
_FROM_PLACE = re.compile(
    r"(?:\s+(?:nautical\s+)?(?:miles?|kilomet(?:er|re)s?|km|metres?|meters?|feet|ft|yards))?"
    r"\)?(?:\s*\([^()]{1,30}\))?,?\s+(?:(?:(?:north|south|east|west)[a-z-]*\s+){1,2}of|from|off)"
    r"\s+"
)
_PLACE_WORDS = re.compile(r"(?:[Tt]he\s+)?(?:[a-z'’-]+\s+){0,4}")


def measured_from(sm: SentenceMentions, sentence: str, end: int) -> int | None:
    """The place a distance is measured from, when the place follows it: "the quake
    struck 75 kilometres west of Manokwari", "flying no further than 100 miles from
    Toulouse" (as the gold's "about 500 miles (800 km) from Herat" is Herat's). The
    distance is the place's as its subject, but no fact of it: "Kathmandu: length" would
    set the epicentre's distance against any other distance from the capital."""
    match = _FROM_PLACE.match(sentence, end)
    if match is None:
        return None
    # a place the name finder took for an organisation is still where it is measured
    # from ("from Herat", "of The Geysers")
    place = sm.first_after(sm.offset + match.end(), EntityKind.PLACE, EntityKind.ORGANIZATION)
    if place is None:
        return None
    between = sentence[match.end() : place.span.start - sm.offset]
    return place.local_entity if _PLACE_WORDS.fullmatch(between) else None


# A bank that sets interest rates: "the Bank of England", "the Federal Reserve", "the
# European Central Bank", "the Reserve Bank of India", "the Fed", "the ECB".
_CENTRAL_BANK = re.compile(
    r"(?:the\s+)?(?:(?:Reserve\s+|National\s+|People['’]s\s+)?Bank\s+of\s+\w|Federal\s+Reserve"
    r"|Fed\b|ECB\b|.*\bCentral\s+Bank\b|.*\bNational\s+Bank\b|.*\bReserve\s+Bank\b)"
)
_FOR_WHOM = re.compile(r"\s+(?:of\s+the\s+(?:[\w-]+\s+)?(?:vote|ballots?)\s+)?for\s+(?:the\s+)?")


# Where a match is played is no side: "In Paris, Djokovic beat Alcaraz", "at Wembley".
_VENUE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$", re.IGNORECASE)


# "England lost 2-1 to Spain", "were beaten 3-0 by Arsenal": the side named after the
# score won, and a result told winner first is the winner's, as in "Spain beat England
# 2-1"; one told from the loser's side ("lost 1 – 2 to England") is the loser's.
_LOST = re.compile(
    r"\b(?:lost|lose|loses|losing|fell|falls|went\s+down|succumbed|(?:were|was)\s+beaten"
    r"|(?:were|was)\s+defeated)\b[^,;]{0,40}$",
    re.IGNORECASE,
)
_TO_WINNER = re.compile(r"\s+(?:to|by|against)\s+(?:the\s+)?(?=[A-Z])")


def _winner_after(sm: SentenceMentions, sentence: str, start: int, end: int) -> int | None:
    goals = [int(g) for g in re.findall(r"\d+", sentence[start:end])]
    if len(goals) != 2 or goals[0] <= goals[1]:
        return None  # "Tunisia lost 1 – 2 to England": told from the loser's side
    if not _LOST.search(sentence, max(0, start - 60), start):
        return None
    after = _TO_WINNER.match(sentence, end)
    if after is None:
        return None
    named = sm.first_after(
        sm.offset + after.end(), EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.PERSON
    )
    return named.local_entity if named and named.span.start == sm.offset + after.end() else None


def _first_side(sm: SentenceMentions, sentence: str, start: int) -> int | None:
    """A match result is of the side printed first of the two in its clause: "Sweden
    defeated South Korea 1 – 0; Belgium defeated Panama 3 – 0", "Group F — Sweden 1 – 0
    Korea Republic"."""
    clause = max(sentence.rfind(";", 0, start), sentence.rfind(" — ", 0, start)) + 1
    named = [
        m
        for m in sm.of_kind(EntityKind.PLACE, EntityKind.ORGANIZATION, EntityKind.PERSON)
        if sm.offset + clause <= m.span.start
        and m.span.end <= sm.offset + start
        and not _COMPETITION.search(sm.body, m.span.start, m.span.end)
        and not _VENUE.search(sm.body, max(0, m.span.start - 12), m.span.start)
    ]
    # Teams when the clause names any ("Granqvist scored, putting Sweden 1 – 0 up"), else
    # players ("Djokovic beat Alcaraz 7-6")
    teams = [m for m in named if sm.kind(m) is not EntityKind.PERSON]
    sides = teams or named
    # the two sides are the two names printed last before the score, the winner first
    # ("Yesterday, at the FIFA World Cup, Sweden defeated South Korea 1 – 0")
    distinct = list(dict.fromkeys(m.local_entity for m in sides))
    return distinct[-2] if len(distinct) >= 2 else distinct[0] if distinct else None


# A competition is where a match is played, never a side: "won the Champions League final
# 2-0", "Djokovic beat Alcaraz 6-3 in the US Open".
_COMPETITION = re.compile(
    r"\b(?:League|Cup|Championships?|Trophy|Open|Games|Olympics|Tournament|Series|Final)$"
)


def _event_place(
    sm: SentenceMentions, sentence: str, figure: Span, siblings: Sequence[Span]
) -> int | None:
    """The one place the sentence ties to this count; None (the country, later) when the
    sentence names no place, several places, or its place belongs to another count.

    A place belongs to the count printed before it ("200 people arrested in ... Almaty
    ... in addition to 500 others": Almaty is the 200's), else to the first count after it;
    with the counts joined to that one by "and".
    """
    places = sm.of_kind(EntityKind.PLACE)
    if not places:
        return COUNTRY if _COUNTRY_WIDE.search(sentence, figure.end - sm.offset) else None
    distinct = {m.local_entity for m in places}
    if len(distinct) > 1:
        # "in the country's largest city, Almaty": a city and the country around it
        cities = distinct & sm.cities
        located = _located(sm.body, places)
        where = {m.local_entity for m in located}
        if len(located) == 2 and _within(sm.body, *located):
            where = {located[0].local_entity}  # "at a mall in Salt Lake City, Utah"
            located = located[:1]
        if len(cities) == 1:
            places = [m for m in places if m.local_entity in cities]
        elif len(where) == 1 or len(where & sm.cities) == 1:
            # "on a bus carrying the Togo team to the Cup in Angola": Angola
            places = [m for m in located if len(where) == 1 or m.local_entity in sm.cities]
        else:
            return COUNTRY
    counts = sorted([*siblings, figure], key=lambda s: s.start)
    for place in places:
        # The count printed last before the place is its own, with the counts joined to
        # it by "and" ("719 dead and 863 injured in a stampede near Mecca"); with none
        # before, the first count after it.
        before = [s for s in counts if s.end <= place.span.start]
        after = [s for s in counts if s.start >= place.span.end]
        owners = before[-1:] or after[:1]
        for earlier in reversed(before[:-1]):
            between = sm.body[earlier.end : owners[0].start]
            if not _JOINED.search(between) or ";" in between:
                break
            owners.insert(0, earlier)
        if not before:  # "in Mecca's Grand Mosque, killing 107 and wounding 238"
            for later in after[1:]:
                between = sm.body[owners[-1].end : later.start]
                if not _JOINED.search(between) or ";" in between:
                    break
                owners.append(later)
        if figure in owners:
            return place.local_entity
    return COUNTRY


_JOINED = re.compile(r"\band\b")

# A place told as where something happened: "in Angola", "near the town of Zarand",
# "outside Kabul" (not "the Togo team", "Israel's assault", "Indonesian officials").
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|off|across|throughout)\s+(?:the\s+)?"
    r"(?:(?!(?:to|between|and|or|from|with|for|by|of|the)\b)[a-z-]+\s+){0,4}(?:of\s+)?$"
)


def _within(body: str, spot: MentionCandidate, region: MentionCandidate) -> bool:
    """Whether a place is told with the region it lies in after a comma, as the last of
    the sentence's places: "in Salt Lake City, Utah, before ..." (not "in Nur-Sultan,
    Almaty and other towns", a list)."""
    return (
        body[spot.span.end : region.span.start] == ", "
        and re.match(r",?\s+(?:and|or)\b", body[region.span.end :]) is None
    )


_LISTED = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+(?:the\s+)?")


def _located(body: str, places: Sequence[MentionCandidate]) -> list[MentionCandidate]:
    """The places printed as where something happened: after "in", "at", "near", with
    those listed after them ("in Nur-Sultan, Almaty and other towns"). "Gunmen opened fire
    on a bus carrying the Togo team to the Cup in Angola": the toll is Angola's, where the
    attack was, not Togo's, whose team was on the bus."""
    located: list[MentionCandidate] = []
    for place in places:
        listed = bool(located) and _LISTED.fullmatch(body, located[-1].span.end, place.span.start)
        if listed or _LOCATIVE.search(body, max(0, place.span.start - 60), place.span.start):
            located.append(place)
    return located


def _apart(body: str, inherited: FigureCandidate | None, figure: FigureCandidate) -> bool:
    """Whether ``figure`` follows, in the same sentence, a count that took the story's
    city without being joined to it by "and"."""
    if inherited is None or inherited.sentence != figure.sentence:
        return False
    between = body[inherited.span.end : figure.span.start]
    return not _JOINED.search(between) or ";" in between


# Two places joined as one: "Kathmandu and the regional headquarter city of Pokhara"
_JOINED_PLACES = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?(?:[a-z-]+\s+){0,5}(?:of\s+)?")


def _among_cities(body: str, earlier: Sequence[MentionCandidate]) -> bool:
    """Whether the last city named before a count is named with another city as one
    place: "struck between the capital Kathmandu and the city of Pokhara" places the story
    in no one city, so its counts are the country's."""
    if len(earlier) < 2 or earlier[-2].local_entity == earlier[-1].local_entity:
        return False
    between = body[earlier[-2].span.end : earlier[-1].span.start]
    return _JOINED_PLACES.fullmatch(between) is not None


# "in the energy-rich Central Asian nation", "across the country", "nationwide"
_COUNTRY_WIDE = re.compile(
    r"\b(?:(?:in|across|throughout|around) the (?:[\w-]+ ){0,4}(?:nation|country)|nationwide)\b",
    re.IGNORECASE,
)


# A subject placeholder: the count is country-wide (the sentence's place is another's).
COUNTRY = -2


# Money a government moves is the country's; results a company reports are the
# company's: when the sentence names neither, the story's country or organisation.
_PUBLIC_MONEY = frozenset({"aid", "debt", "budget", "tax"})
_COMPANY_MONEY = frozenset(
    {"revenue", "profit", "loss", "earnings_per_share", "share_price", "market_value"}
)


def _main_organization(mentions: Sequence[MentionCandidate]) -> int | None:
    """The organisation the story names most (first named on a tie)."""
    named = [m.local_entity for m in mentions if m.kind is EntityKind.ORGANIZATION]
    if not named:
        return None
    return max(dict.fromkeys(named), key=named.count)


def _topic(
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity] = (),
    headline: str | None = None,
) -> int | None:
    """The entity the story names most (first named on a tie), among those its headline
    names when it names any: whom a figure is about when nothing nearer says. A person
    quoted all through a company's story is not what the story is about."""
    named = [m.local_entity for m in mentions if m.kind is not EntityKind.OTHER]
    if not named:
        return None
    candidates = list(dict.fromkeys(named))
    # An outlet the story cites or credits tells the story; it is not what it is about.
    candidates = [
        e for e in candidates if not (0 <= e < len(entities) and _is_outlet(entities[e]))
    ] or candidates
    if headline:
        headlined = [
            e for e in candidates if 0 <= e < len(entities) and _printed_in(entities[e], headline)
        ]
        candidates = headlined or candidates
    return max(candidates, key=named.count)


# News outlets by name ("BBC", "Reuters", "Wikinews") and by the last word of a
# newspaper's name ("the L.A. Times", "the New Zealand Herald").
# (the agencies and publishers the parse stage already knows, and broadcasters)
_OUTLETS = frozenset(SOURCE_NAMES) | frozenset(
    {"cnn", "wikinews", "upi", "nbc", "cbs", "abc news", "fox news", "npr", "kyodo", "yonhap",
     "itar-tass", "ria novosti"}
)  # fmt: skip
_OUTLET_HEADS = frozenset(
    {"times", "herald", "post", "journal", "tribune", "gazette", "telegraph", "guardian",
     "chronicle", "examiner", "inquirer", "courier", "observer", "independent"}
)  # fmt: skip


def _is_outlet(entity: LocalEntity) -> bool:
    """Whether the entity is a news outlet: an agency or broadcaster by name, or a
    newspaper by the word its name ends on ("The Washington Post")."""
    if entity.kind is not EntityKind.ORGANIZATION:
        return False
    for name in (entity.name, *entity.aliases):
        words = name.lower().split()
        if " ".join(words) in _OUTLETS or (len(words) > 1 and words[-1] in _OUTLET_HEADS):
            return True
    return False


def _printed_in(entity: LocalEntity, text: str) -> bool:
    """Whether ``text`` prints the entity's name, an alias, or a person's last name."""
    names = {entity.name, *entity.aliases}
    if entity.kind is EntityKind.PERSON:
        names |= {name.split()[-1] for name in names if name.split()}
    return any(
        re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)
        for name in names
        if len(name) > 1
    )


def _about_topic(figures: Sequence[FigureCandidate]) -> list[bool]:
    """Which subject-less figures may take the story's topic: all but those whose property
    another figure of the article reports with another value, since one fact for them
    would set different things against each other ("424 votes" and "10,694 votes")."""
    values: dict[tuple[str, str | None], set[float]] = {}
    for f in figures:
        if f.property is not None:
            values.setdefault((f.property, f.qualifier), set()).add(f.value)
    return [
        f.subject is None and (f.property is None or len(values[(f.property, f.qualifier)]) == 1)
        for f in figures
    ]


def fill_subjects(
    figures: list[FigureCandidate],
    mentions: Sequence[MentionCandidate],
    cities: frozenset[int],
    body: str,
    country: int | None = None,
    entities: Sequence[LocalEntity] = (),
    headline: str | None = None,
) -> list[FigureCandidate]:
    """Counts with no place in their sentence happen where the story last was (the last
    city named before them); country-wide counts and country-level figures belong to the
    article's country (its most mentioned place that is not a city,
    or ``country`` when given: the one its dateline or headline names).

    As in ``_event_place``, the story's city goes to the first such count of a sentence
    and those joined to it by "and": in "arrested 200 people on Monday in addition to 500
    held a day earlier" the 500 are the country's."""
    country = main_place(mentions, cities, city=False) if country is None else country
    company = _main_organization(mentions)
    topic = _topic(mentions, entities, headline)
    city_mentions = [m for m in mentions if m.local_entity in cities]
    out: list[FigureCandidate] = []
    inherited: FigureCandidate | None = None  # the last count that took the story's city
    for f in pair_respectively(figures, mentions, body):
        if f.subject == COUNTRY:
            f = replace(f, subject=country)
        elif f.subject is None and at_place(f.property):
            earlier = [m for m in city_mentions if m.span.end <= f.span.start]
            if earlier and not _apart(body, inherited, f) and not _among_cities(body, earlier):
                f = replace(f, subject=earlier[-1].local_entity)
                inherited = f
            else:
                f = replace(f, subject=country)
        elif f.subject is None and (
            country_level(f.property) or f.property in _DURATIONS | _PUBLIC_MONEY
        ):
            f = replace(f, subject=country)
        elif f.subject is None and f.property in _COMPANY_MONEY and company is not None:
            f = replace(f, subject=company)
        elif (
            f.subject is None and (mover := _mover_before(body, mentions, entities, f)) is not None
        ):
            f = replace(f, subject=mover)
        elif f.subject is not None and (banker := _banks_country(f, entities, country)) is not None:
            f = replace(f, subject=banker)
        out.append(f)
    if topic is None:
        return out
    # A country's statistic is never the topic's when the topic is no place: "inflation
    # fell to 2.4 percent, Eurostat said" is not Eurostat's inflation.
    placeless = 0 <= topic < len(entities) and entities[topic].kind is not EntityKind.PLACE
    # An authority that gives a figure is not what it is about: "the government will
    # spend 22 billion pounds, the Treasury said" is no figure of the Treasury's. Nor is
    # a person the story is about of the figures they give: "Jobs announced that there
    # were 3,800 attendees" counts the event's crowd, not Jobs.
    person = 0 <= topic < len(entities) and entities[topic].kind is EntityKind.PERSON
    # A market index moves in points and percent, never in money: in a story about the
    # Dow, "crude was down $2.86 to $77.11" and "Accenture's shares fell from about $42"
    # are prices of other things.
    index = 0 <= topic < len(entities) and any(
        _names_index(name) for name in (entities[topic].name, *entities[topic].aliases)
    )
    authority = 0 <= topic < len(entities) and (person or _is_authority(entities[topic]))
    place = 0 <= topic < len(entities) and entities[topic].kind is EntityKind.PLACE
    told = [
        replace(f, subject=topic, story_subject=True)
        if free
        and not (placeless and country_level(f.property))
        and not (authority and f.attributed_to == topic)
        and not (index and f.unit is not None and unit_class(f.unit) == "money")
        # a prison term is a person's: never a court's, nor the country's it is passed in
        and not (f.property == "sentence" and not person)
        and not (f.property == "age" and not (person and _told_before(body, f)))
        and not (person and f.property != "age" and not _names(body, mentions, f, entities[topic]))
        and not _of_several(body, f)
        and not _says_nothing_of_topic(f)
        and not _counts_nothing(body, f)
        and not _seized(body, f)
        and not (place and _elsewhere(mentions, f, topic, cities))
        and not (not place and _unnamed_people(f))
        and not (not place and not index and _share_of_unnamed(f))
        else f
        for f, free in zip(out, _about_topic(out), strict=True)
    ]
    # A central bank the story is about moves its country's money, as one named does.
    return [
        replace(f, subject=banker)
        if f.story_subject and (banker := _banks_country(f, entities, country)) is not None
        else f
        for f in told
    ]


def _banks_country(
    figure: FigureCandidate, entities: Sequence[LocalEntity], country: int | None
) -> int | None:
    """The country whose central bank moves the money: "the Bank of Japan injected ¥1
    trillion" is Japan's, "the Federal Reserve arranged swap lines of US$180 billion" the
    United States', as money a government moves is its country's; "the Central Bank",
    named with no country, is the story's. None when the story names no such country,
    and for what is no money ("the Fed held its rate at 5.25%" stays the bank's)."""
    subject = figure.subject
    if figure.unit is None or unit_class(figure.unit) != "money":
        return None
    if subject is None or not 0 <= subject < len(entities):
        return None
    bank = entities[subject]
    if bank.kind is not EntityKind.ORGANIZATION or (named := bank_country(bank.name)) is None:
        return None
    if named == STORY_COUNTRY:
        return country
    for entity in entities:
        if entity.kind is EntityKind.PLACE and any(
            (gz.place_canonical(name) or name) == named for name in (entity.name, *entity.aliases)
        ):
            return entity.index
    return None


def _elsewhere(
    mentions: Sequence[MentionCandidate],
    figure: FigureCandidate,
    topic: int,
    cities: frozenset[int],
) -> bool:
    """Whether the figure's sentence names a city other than the place the story is about,
    and not that place: the figure is then of the city or of something in it, not of the
    story's country. In a story about Indonesia, "Manokwari, a city of 160,000 people" is
    the town's population, and "rescuers in Arequipa set up 300 tents" in one about Peru
    counts tents, no fact of Peru. A sea or a region named beside it is no such clue
    ("45,756 migrants crossing the Channel" in a story about Britain)."""
    if figure.part is not TextPart.BODY:
        return False
    sentence = figure.sentence
    inside = [m for m in mentions if sentence.start <= m.span.start < sentence.end]
    return any(m.local_entity in cities and m.local_entity != topic for m in inside) and not any(
        m.local_entity == topic for m in inside
    )


def _says_nothing_of_topic(figure: FigureCandidate) -> bool:
    """Whether a figure is no fact of whatever the story is about: a span of time
    ("arrested 12 days after the shooting", "the test flight lasted four hours") measures
    an event, not the country or company the story names most. Nor is how many times
    something happened or how many times larger it is, when no property says what of
    ("twice as fast at half the price", "ordered him to fire Felt five times",
    "thousands of times over"). Nor is a count of things of the mind or of talk, which
    belong to an argument and no entity ("two main reasons", "two primary issues", "the
    four pillars of the deal", "one of the seven wonders of the world")."""
    return (
        figure.property == "duration"
        or (figure.property is None and figure.unit == "times")
        or bool({figure.property, figure.unit} & _ABSTRACT)
    )


# Nouns for what an argument, a plan or a talk is made of: counts of them are no entity's.
_ABSTRACT = frozenset(
    {"things", "issues", "interests", "ways", "types", "kinds", "steps", "reasons", "risks",
     "pillars", "wonders", "concepts", "causes", "assumptions", "questions", "ideas",
     "factors", "aspects", "problems", "arguments", "lessons", "principles", "priorities"}
)  # fmt: skip


# A number printed bare, with no word of what it counts ("shrink the 787", "A gunshot is
# 140 dB", "call 877-LAPD"); a side's goals beside a dash and the other's ("ended 0 – 0").
_BARE = re.compile(r"\d[\d,]*")
_SCORE_AFTER = re.compile(r"\s*[–—-]\s*\d")
_SCORE_BEFORE = re.compile(r"\d\s*[–—-]\s*$")


def _counts_nothing(body: str, figure: FigureCandidate) -> bool:
    """Whether a figure is a bare number that counts no noun: a model's number, a phone
    number, a reading, a count whose noun the copy left out ("Ryanair has 91 aircraft
    and 230 on order"). What it is of is a guess, and the story's topic the likeliest
    wrong one ("You can't simply shrink the 787" in a story about Boeing; "the number
    of people claiming benefits rose 15,000" in one about the Dow). A side's goals
    beside a dash and the other side's ("the half ended 0 – 0") stay a score's."""
    return (
        figure.part is TextPart.BODY
        and figure.property is None
        and figure.unit == "count"
        and _BARE.fullmatch(figure.text) is not None
        and _SCORE_AFTER.match(body, figure.span.end) is None
        and _SCORE_BEFORE.search(body, max(0, figure.span.start - 6), figure.span.start) is None
    )


def _unnamed_people(figure: FigureCandidate) -> bool:
    """Whether a figure counts people the copy tells of without saying what they are to
    anyone (no property: not staff, members, passengers, voters): "Officers freed seven
    people who had hidden in an office", "Two people familiar with the talks said". In a
    story about a company or a person they are no figure of it: a place may hold them
    (a crowd in a town), a firm or a person does not."""
    return figure.property is None and figure.unit == "people"


def _share_of_unnamed(figure: FigureCandidate) -> bool:
    """Whether a figure is a share of something the copy does not say is the topic's (a
    percent with no property: no stake, no growth, no vote share): "About half of those
    cuts will fall on subcontractors", "cells that are 40% larger", "accounting for half
    of the company's sales" (another company's). A company or a person owns only the
    shares the words name as theirs; a country's or a market index's topic keeps them (a
    poll of its people, the index's move)."""
    return figure.property is None and figure.unit == "percent"


# Verbs of taking things away from someone, anywhere in the sentence; and passives of
# finding them, after the count ("13 magazines were found in the boat").
_SEIZING = re.compile(r"\b(?:seiz|confiscat|impound)\w*", re.IGNORECASE)
_FOUND = re.compile(r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:found|recovered|captured)\b")


def _seized(body: str, figure: FigureCandidate) -> bool:
    """Whether the figure counts things seized or found ("Nine assault rifles and 13
    magazines were seized from the pirates", "the warship has confiscated 14 rifles",
    "six rifles were found and confiscated"): they are whoever they were taken from,
    never the place, the navy or the police the story is about. People seized are
    detained, a count of their own."""
    if figure.part is not TextPart.BODY or figure.unit == "people":
        return False
    sentence = body[figure.sentence.start : figure.sentence.end]
    return (
        _SEIZING.search(sentence) is not None
        or _FOUND.search(body, figure.span.end, figure.sentence.end) is not None
    )


# Last words of a body that gives figures about others (a ministry, an agency, police).
_AUTHORITY_HEADS = frozenset(
    {"ministry", "department", "treasury", "agency", "office", "commission", "bureau",
     "service", "survey", "institute", "police", "authority", "council", "committee",
     "statistics", "administration", "board"}
)  # fmt: skip


def _names(
    body: str, mentions: Sequence[MentionCandidate], figure: FigureCandidate, person: LocalEntity
) -> bool:
    """Whether the figure's sentence names the person, as a mention of them or by name.

    The person a story is about owns only the figures of sentences that name them: in a
    story about a striker, "Silva has scored 12 goals this season" is his, "the stadium
    holds 40,000" and "the two clubs met twice" are not. A figure outside the body
    (standfirst, caption) keeps the topic.
    """
    if figure.part is not TextPart.BODY:
        return True
    sentence = figure.sentence
    return any(
        m.local_entity == person.index and sentence.start <= m.span.start < sentence.end
        for m in mentions
    ) or _printed_in(person, body[sentence.start : sentence.end])


# Nouns for entities of the kinds a story is about: "the two countries", "our two nations".
_ENTITY_NOUNS = frozenset(
    {"countries", "nations", "states", "governments", "leaders", "sides", "companies",
     "firms", "rivals", "teams", "clubs", "parties", "groups", "automakers", "carmakers",
     "airlines", "banks", "men", "women"}
)  # fmt: skip
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|our|their)\s+$", re.IGNORECASE)


def _of_several(body: str, figure: FigureCandidate) -> bool:
    """Whether the figure counts a set of entities told as known ("the two countries",
    "our two nations", "the three leaders", "the fifteen countries of the Eurogroup"): one
    figure said of several subjects is no figure of the story's one."""
    return (
        figure.part is TextPart.BODY
        and figure.value >= 2
        and bool({figure.property, figure.unit} & _ENTITY_NOUNS)
        and _DEFINITE_BEFORE.search(body, max(0, figure.span.start - 8), figure.span.start)
        is not None
    )


def _told_before(body: str, figure: FigureCandidate) -> bool:
    """Whether an age describes someone the story has told of, as "the 37-year-old" does;
    "a 36-year-old climber" is someone new (and a place or a party is no age's)."""
    return figure.part is TextPart.BODY and not _indefinite(body, figure.span)


def _is_authority(entity: LocalEntity) -> bool:
    words = entity.name.lower().split()
    return entity.kind is EntityKind.ORGANIZATION and bool(words) and words[-1] in _AUTHORITY_HEADS


def forms_fact(figure: FigureCandidate) -> bool:
    """Whether the figure is a value of a fact: it has a property and a subject, and not
    only the story's subject with a key made of whatever noun it counts ("two cities" in a
    story about Almaty is no fact about Almaty), nor a distance whose subject is the place
    it is measured from."""
    if figure.property is None or figure.subject is None or figure.measured_from:
        return False
    return not figure.story_subject or figure.property in lexicon().concepts
