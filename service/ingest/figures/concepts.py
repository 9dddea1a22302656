"""What a figure measures, and which words name whom it is about, read from the parse.

The vocabulary is open: ``data/concepts.yaml`` normalises the words copy uses (killed,
dead, death toll -> deaths) and, where it has no entry, the counted noun itself is the key
("300 flights" -> flights). The words are found where the dependency parse attaches the
number, nearest first:

1. the noun it counts and that noun's modifiers ("120 people", "the 6.4-magnitude
   quake", "a 1.5bn euro charge"); through "of" after an amount ("dozens of
   demonstrators", "70.96 percent of the ballots");
2. the verb that governs that noun or the number ("killing at least 120 people",
   "5,125 positions would go", "demonstrators arrested"); a verb naming an event beats a
   noun naming a group ("300 protesters were arrested" -> detained);
3. the verb's other arguments when the number is only its complement ("the death toll
   rose to 157", "put the quake's magnitude at 5.7", "turnout was 77 percent").

A concept fits a figure only when its unit fits: a percentage is never a head count, an
amount of money never a share. The words a subject can be read from are returned too: the
governing verb's subject, a possessor, a proper-noun modifier of the counted noun.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.figures.markets import market_level, market_move
from service.ingest.model import Span
from service.ingest.quotes.quoted_by import SPEECH_VERBS

LEXICON_PATH = Path(__file__).parent.parent / "data" / "concepts.yaml"

# Units that say nothing of what is counted: look past them to what they quantify.
_UNIT_WORDS = frozenset(
    {
        "percent", "per", "cent", "%", "pc", "euro", "euros", "dollar",
        "dollars", "franc", "francs", "pound", "pounds", "yen", "yuan", "cents",
        "pence", "billion", "million", "thousand", "hundred", "bn", "m", "mn", "k",
        "hundreds", "thousands", "millions", "dozens", "dozen", "scores", "tens",
        "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
        "minute", "minutes", "times", "number", "total", "figure", "sterling", "rupees",
        "roubles", "rubles", "tenge", "us$", "$", "€", "£", "usd", "eur", "gbp", "chf",
        "rouble", "ruble", "rupee", "renminbi", "trillion", "trillions", "billions",
        "crowns", "kroner", "kronor", "korunas", "rand", "lira", "liras", "reais", "pesos",
        "naira", "dirhams", "riyals", "zloty", "zlotys", "forints", "ringgit", "baht",
        "rupiah", "hryvnias", "hryvnia", "shekels",
    }
)  # fmt: skip
# People in general: the verb says what happened to them.
_GENERIC = frozenset(
    {
        "people", "person", "persons", "individual", "individuals", "man", "men", "woman",
        "women", "child", "children", "resident", "residents", "civilian", "civilians",
        "other", "others", "one", "some", "more", "adult", "adults", "kid", "kids",
    }
)  # fmt: skip
# Verbs too light to name anything by themselves.
_LIGHT_VERBS = frozenset(
    {"be", "have", "say", "make", "do", "put", "give", "include", "reach", "stand", "see",
     "report", "tell", "add", "bring", "become", "remain", "come", "show", "leave"}
)  # fmt: skip
# Concepts that name a group of people rather than what happened to them.
GROUPS = frozenset(
    {
        "protesters", "observers", "candidates", "employees", "troops", "customers",
        "members", "participants", "population", "registered_voters", "attendance",
    }
)  # fmt: skip
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
_SOURCE_NOUNS = frozenset(
    {"police", "official", "authority", "ministry", "government", "agency", "expert",
     "analyst", "organiser", "organizer", "witness", "doctor", "rescuer", "spokesman",
     "spokeswoman", "spokesperson", "commission", "survey", "study", "report", "observer",
     "poll", "figure", "data", "datum", "estimate", "researcher", "scientist", "economist",
     "forecaster", "statistic", "census", "projection", "audit", "review", "inquiry",
     "investigator", "count"}
)  # fmt: skip
# Verbs whose subject gives a figure rather than has it: "the USGS put the magnitude at
# 5.7", "police estimated the crowd at 5,000".
_SOURCE_VERBS = frozenset(
    {"put", "estimate", "give", "report", "record", "count", "confirm", "register",
     "measure", "peg", "place", "tally", "announce", "publish", "revise", "raise", "lower"}
)  # fmt: skip
# Verbs that give a figure only when they revise a count of it ("raised the death toll to
# 50", "lowered its forecast to 2%").
_REVISING = frozenset({"raise", "lower", "revise"})
_TALLIES = frozenset(
    {"toll", "estimate", "figure", "forecast", "count", "number", "tally", "projection",
     "outlook", "guidance", "prediction"}
)  # fmt: skip
# Verbs of finding and foreseeing: their subject gives what their object or reported
# clause holds ("a recent poll found only a quarter ...", "analysts expect ...").
_REPORTING_VERBS = frozenset(
    {"estimate", "find", "show", "suggest", "indicate", "reveal", "conclude", "calculate",
     "forecast", "predict", "project", "expect", "believe", "cite"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Concept:
    key: str
    unit: str | None
    subject: str  # "place": where it happened; "agent": who or what it is of


@dataclass(frozen=True, slots=True)
class Lexicon:
    nouns: dict[str, tuple[Concept, ...]]  # lemma or "lemma lemma" phrase -> concepts
    verbs: dict[str, tuple[Concept, ...]]
    concepts: dict[str, Concept]
    # Verbs that name the concept only in the passive ("500 held", "were held": detained;
    # active "holds 45" is seats).
    passive_verbs: dict[str, tuple[Concept, ...]] = dataclass_field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the parse says of one figure."""

    concept: str | None
    in_lexicon: bool
    # Character spans of words that may name the subject, best first.
    subject_spans: tuple[Span, ...] = ()
    # The subject of a verb that gives the figure ("the USGS put ... at 5.7"): its source.
    source_span: Span | None = None
    # What a count counts, as a unit: "people" for humans, else the plural noun.
    counted: str | None = None
    # The number labels the person named right after it ("14 Nick Taylor", a shirt
    # number): no figure at all.
    labels_person: bool = False
    # The figure is where a change ended or began ("dropped to 56 percent", "up from
    # 70"): a level of what changed, not the change.
    level: bool = False


@functools.cache
def lexicon() -> Lexicon:
    """The curated concept lexicon (``data/concepts.yaml``)."""
    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    nouns: dict[str, list[Concept]] = {}
    verbs: dict[str, list[Concept]] = {}
    passive: dict[str, list[Concept]] = {}
    concepts: dict[str, Concept] = {}
    for key, entry in data.items():
        concept = Concept(key, entry.get("unit"), entry.get("subject", "agent"))
        concepts[key] = concept
        for word in entry.get("nouns", ()):
            nouns.setdefault(str(word).lower(), []).append(concept)
        for word in entry.get("verbs", ()):
            verbs.setdefault(str(word).lower(), []).append(concept)
        for word in entry.get("passive_verbs", ()):
            passive.setdefault(str(word).lower(), []).append(concept)
    return Lexicon(
        nouns={k: tuple(v) for k, v in nouns.items()},
        verbs={k: tuple(v) for k, v in verbs.items()},
        concepts=concepts,
        passive_verbs={k: tuple(v) for k, v in passive.items()},
    )


def unit_class(unit: str | None) -> str:
    """percent, money, duration, count or measure: the kinds of unit a concept can take."""
    if unit in ("percent", "percentage_points"):
        return "percent"
    if unit is None or unit == "currency" or (unit.isupper() and len(unit) == 3):
        return "money"
    if unit in ("years", "months", "weeks", "days", "hours", "minutes", "seconds"):
        return "duration"
    if unit in ("people", "count") or (unit.endswith("s") and "/" not in unit):
        return "count"
    return "measure"


def _fits(concept: Concept, figure_unit: str) -> bool:
    if (concept.unit == "score") != (figure_unit == "score"):
        return False  # "France will lose 4,300 jobs" is no match result
    figure, wanted = unit_class(figure_unit), unit_class(concept.unit)
    if figure == wanted:
        return True
    # A bare number ("magnitude 6.4", "5,125 positions") may be a count or a measure.
    return figure == "count" and wanted in ("count", "measure")


def read_figure(doc: Doc, span: Span, unit: str) -> Reading:
    """What the figure at ``span`` (character offsets into the parsed text) measures."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return Reading(None, False)
    numbers = [t for t in tokens if t.like_num or t.pos_ == "NUM"]
    amounts = [t for t in tokens if t.lower_ in _UNIT_WORDS]  # "dozens of demonstrators"
    anchor = numbers[-1] if numbers else amounts[0] if amounts else tokens[-1]
    after = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    if after is not None and after.ent_iob_ == "B" and after.ent_type_ == "PERSON":
        return Reading(None, False, labels_person=True)
    lex = lexicon()
    noun = _counted_noun(anchor, tokens.end)
    if unit_class(unit) == "percent" and noun is not None and _ratio_base(noun):
        noun = None  # "a deficit of 5.1% of GDP": measured against output, not its growth
    head = noun if noun is not None else anchor
    governor = _governor(head)
    subjects = _subject_tokens(noun, governor, head)
    found: Concept | None = None
    if unit_class(unit) == "money" and (per_share := _per_share(anchor, tokens.end)):
        found = per_share
    elif noun is not None:
        found = _noun_concept(noun, unit, lex)
        if found is not None and governor is not None:
            found = _verb_decides(found, noun, governor, unit, lex)
        if found is not None and _needs_its_verb(found, noun) and not _done_to(found, noun, lex):
            found = None  # "build 300,000 new homes": homes, not homes destroyed
        if found is not None and found.key == "job_cuts" and _new(noun):
            found = lex.concepts["jobs_created"]  # "promising 44,000 new positions"
    if (move := market_move(anchor, governor, unit, noun)) is not None:
        found = lex.concepts[move]  # "the Dow lost 631 points", "a drop of 9%"
    if move is None and unit_class(unit) == "count" and market_level(head, noun):
        found = lex.concepts["index_level"]  # "fell 1.62% to 9694.73", "stayed below 5000"
    if _quake_magnitude(anchor, noun):
        found = lex.concepts["magnitude"]  # "a strong 7.9 earthquake", "magnitude 7.0"
    verb_found = _verb_concept(governor, unit, lex) if governor is not None else None
    if move is not None:
        verb_found = None
    if (
        verb_found is not None
        and governor is not None
        and (
            _counts_other(verb_found, noun)
            or (
                _does_it_to_others(head, governor)
                and _object_phrase(governor, governor.lemma_.lower(), unit, lex) is None
            )
        )
    ):
        verb_found = None
    if verb_found is not None and verb_found.unit == "jobs" and _not_staff(noun):
        verb_found = None  # "Netflix lost 200,000 subscribers": no jobs lost
    level = _is_level(head, governor, lex)
    if level and verb_found is not None and verb_found.key in _CHANGES:
        verb_found = None
    if level and governor is not None and (measured := _object_concept(governor, unit, lex)):
        found, verb_found = measured, None  # "raised prices to $10": a price
    if verb_found is not None and verb_found.key in _CHANGES and governor is not None:
        # "consumer prices rose 2.4%": a rise of prices is the inflation rate
        measured = _argument_concept(governor, head, unit, lex)
        if measured is not None and measured.key == "inflation":
            verb_found = measured
    if verb_found is None and governor is not None:
        verb_found = _left_in_state(governor, head, unit, lex)  # "left 1,200 people dead"
    # What happened to a group beats the group's name ("300 protesters were arrested"),
    # but a verb never renames a group ("seven candidates took part").
    if verb_found is None and noun is not None and governor is not None:
        verb_found = _light_verb_concept(governor, noun, lex)
    if verb_found is not None and (
        found is None
        or (
            found.key in GROUPS
            and (
                verb_found.subject == "place"
                or verb_found.unit == "jobs"
                or verb_found.key == "strikers"
            )
        )
    ):
        found = verb_found  # "laying off 14,000 employees": job cuts
    if found is None and governor is not None and governor.pos_ == "ADJ":
        if governor.lower_ == "worth" and governor.head.pos_ == "NOUN":
            found = _noun_concept(governor.head, unit, lex)  # "a deal worth $26bn"
        found = found or _pick(lex.nouns.get(governor.lemma_.lower()), unit)  # "95% effective"
    if found is None and unit_class(unit) == "money" and _PER_UNIT.match(doc.text, span.end):
        found = lex.concepts["price"]  # "$85 a barrel", "$2,400 an ounce"
    if _turned_out(unit, noun, governor):
        found = lex.concepts["turnout"]  # "60% of eligible voters cast a ballot"
    if found is None and governor is not None:
        found = _argument_concept(governor, head, unit, lex)
        if found is not None and found.unit == "jobs" and _counts_other(found, noun):
            found = None  # "44,000 positions at 300 suppliers": the suppliers are no jobs
    if found is None and unit_class(unit) == "money":
        found = _in_concept(anchor, head, governor, unit, lex)
    if found is not None and found.key in _DONE_TO:
        # a fine is the fined party's, not the court's: "fined Google 500 million euros"
        patients = [
            t for t in _patients(tokens, head, governor) if t.pos_ in ("PROPN", "PRON", "NOUN")
        ]
        subjects = [*patients, *(t for t in subjects if t not in patients)]
    if found is not None and found.key == "exchange_rate" and not _currency_priced(doc, tokens):
        found = None  # "paid 100 million euros": the amount's own currency word
    source = _source(governor)
    if source is not None and not (found is not None and found.key in _OWN_RESULTS):
        subjects = [t for t in subjects if t.i != source.i]
    # a common noun with its adjectives: "American employers" are the country's
    spans = tuple(_char_span(t, describing=t.pos_ == "NOUN") for t in subjects)
    source_span = _char_span(source, describing=True) if source is not None else None
    counted = counted_unit(noun)
    if (
        found is not None
        and found.unit == "people"
        and noun is not None
        and found in lex.nouns.get(noun.lemma_.lower(), ())
    ):
        counted = "people"  # "500 detentions", "120 deaths": people detained, dead
    if found is not None and found.key == "index_level" and counted in ("marks", "levels"):
        counted = "points"  # "below the 5000 mark": an index level, in points
    if found is not None:
        return Reading(found.key, True, spans, source_span, counted, level=level)
    # A share of a group ("eight out of 10 voters") measures something the noun
    # does not name.
    # A length of time the lexicon does not name is a duration, whatever its unit.
    kind = unit_class(unit)
    before = doc[tokens.start - 1].lower_ if tokens.start > 0 else ""
    if kind == "percent" and before in ("up", "down"):
        # "a net profit of 1.21 trillion yen, up 12%": how much the amount changed
        return Reading("growth" if before == "up" else "decline", True, spans, source_span)
    if kind == "percent":
        key = _share_key(anchor, noun, governor, tokens.end)
        if level and key is not None and key.endswith(("_cuts", "_increase")):
            key = None  # "raised rates to 50%": where they went, not by how much
    else:
        key = "duration" if kind == "duration" else _open_key(noun)
    if key is not None and counted == "people" and governor is not None and _passive(governor):
        # "Five Panamanian players were booked": what was done to them, not who they are
        key = governor.lower_ if governor.lower_.isalpha() else key
    return Reading(key, False, spans, source_span, counted, level=level)


def counted_unit(noun: Token | None) -> str | None:
    """The unit of a count: people for humans ("43 million Americans"), jobs for
    positions, else the counted noun in the plural ("131-page" -> pages); never a month
    or a day ("10,000 February 28": a date follows the number)."""
    if noun is None or noun.lower_ in _UNIT_WORDS or noun.lower_ in CALENDAR_WORDS:
        return None
    lemma = noun.lemma_.lower()
    if noun.ent_type_ == "NORP" or lemma in people_nouns() or noun.lower_ in people_nouns():
        return "people"
    jobs = ("job", "position", "post", "role", "layoff", "redundancy")
    if lemma in jobs or (
        lemma in ("cut", "loss", "reduction")
        and any(c.dep_ == "compound" and c.lemma_.lower() in jobs for c in noun.children)
    ):
        return "jobs"  # "5,125 positions", "10,000 job cuts"
    if not lemma.isalpha():
        return None
    return plural(lemma)


def plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word if word.endswith("s") and not word.endswith("ss") else word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


@functools.cache
def people_nouns() -> frozenset[str]:
    """Nouns for people (lemmas and plurals), and every demonym: counts of them are people."""
    path = LEXICON_PATH.with_name("people.txt")
    words = {w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines()}
    demonyms = LEXICON_PATH.with_name("demonyms.txt").read_text(encoding="utf-8").splitlines()
    words |= {d.strip().lower() for d in demonyms if d.strip() and not d.startswith("#")}
    words.discard("")
    return frozenset(words | {plural(w) for w in words})


def _source(governor: Token | None) -> Token | None:
    """Who gives the figure: a name, a possessor ("the Commission's figures gave ..."), or
    a noun for those who count (police, officials, the ministry), as the subject of the
    verb that takes the figure or of a reporting verb whose clause holds it."""
    if governor is None:
        return None
    if governor.lemma_.lower() in _REVISING and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in _TALLIES for c in governor.children
    ):
        return None  # "raised rates to 50%", "raised $2 billion": the actor, no source
    if governor.lemma_.lower() not in _SOURCE_VERBS:
        governor = _reporting_verb(governor)
        if governor is None:
            return None
    subjects = [c for c in _children(governor) if c.dep_ in ("nsubj", "agent")]
    if not subjects:
        return None
    subject = subjects[0]
    owners = [c for c in _children(subject) if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if owners:
        return owners[0]
    if subject.pos_ == "PROPN" or subject.lemma_.lower() in _SOURCE_NOUNS:
        return subject
    return None


def _reporting_verb(governor: Token) -> Token | None:
    """The verb of finding or foreseeing that takes the figure, or whose reported clause
    holds it: "figures show 45,756 migrants", "estimates suggest 8000 migrants may be at
    sea", "analysts had forecast the losses to be over $6.7 billion"."""
    current = governor
    for _ in range(3):
        if current.pos_ == "VERB" and current.lemma_.lower() in _REPORTING_VERBS:
            return current
        infinitive = current.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in _children(current)
        )
        if current.dep_ not in ("ccomp", "xcomp", "dobj") and not infinitive:
            return None
        current = current.head
    return None


# A token heads a few words in prose; in a list of thousands of numbers one head may hold
# them all, and reading all its children for each of them would be quadratic. Dependents
# further than this many tokens away are not read.
_REACH = 40


def _children(token: Token) -> list[Token]:
    """The token's dependents within _REACH tokens of it, left to right."""
    doc = token.doc
    low = max(token.left_edge.i, token.i - _REACH)
    high = min(token.right_edge.i, token.i + _REACH)
    return [doc[i] for i in range(low, high + 1) if i != token.i and doc[i].head.i == token.i]


def _counted_noun(anchor: Token, span_end: int) -> Token | None:
    """The noun the number counts, past unit words and "of" after an amount."""
    token = anchor
    while token.dep_ in ("quantmod", "compound", "nummod", "nmod") and token.head.i != token.i:
        if token.head.pos_ in ("NOUN", "PROPN") or token.head.like_num:
            token = token.head
            if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in _UNIT_WORDS:
                break
        else:
            break
    if token.i == anchor.i and anchor.pos_ == "NOUN" and anchor.lower_ not in _UNIT_WORDS:
        return None  # "hundreds" alone; looked at through "of" below
    if token.lower_ in _UNIT_WORDS or token.i == anchor.i:
        of = _of_object(token)
        if of is not None:
            return of
        return None if token.i == anchor.i or token.lower_ in _UNIT_WORDS else token
    # "92,000 asylum applications": the phrase's head, past the nouns modifying it
    hyphenated = token.i > 0 and token.doc[token.i - 1].text == "-"  # "a 131-page report"
    while (
        not hyphenated
        and token.dep_ == "compound"
        and token.head.pos_ == "NOUN"
        and token.head.i > token.i
    ):
        token = token.head
    return token


def _per_share(anchor: Token, span_end: int) -> Concept | None:
    """ "33 cents a share", "$1.20 per share": earnings per share, unless it is a price."""
    doc = anchor.doc
    # the figure's span ends with the words (numbers.py keeps them), or they follow it
    last = " ".join(t.lower_ for t in doc[max(0, span_end - 2) : span_end])
    following = " ".join(t.lower_ for t in doc[span_end : span_end + 2])
    following = last if last in ("a share", "per share") else following
    if following not in ("a share", "per share"):
        return None
    verb = _governor(anchor)
    key = "earnings_per_share"
    if verb is not None and verb.lemma_.lower() in ("offer", "pay", "bid", "value", "price"):
        key = "share_price"
    elif verb is not None and verb.lemma_.lower() == "lose":
        key = "loss_per_share"  # "lost a net $5.9 billion, or $9.66 per share"
    return lexicon().concepts[key]


def _of_object(token: Token) -> Token | None:
    for child in _children(token):
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in _children(child):
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return None


def _governor(token: Token) -> Token | None:
    """The verb (or noun, through a preposition) that takes ``token`` as an argument."""
    current = token
    # Past unit words that head the number ("12 percent", "3.2 billion euros").
    while current.head.i != current.i:
        if current.head.lower_ in _UNIT_WORDS or (
            current.dep_ in ("conj", "appos") and current.head.pos_ in ("NOUN", "PROPN", "NUM")
        ):
            current = current.head
        elif (  # "dozens of demonstrators": the amount is what the verb takes
            current.dep_ == "pobj"
            and current.head.lower_ == "of"
            and current.head.head.lower_ in _UNIT_WORDS
        ):
            current = current.head.head
        else:
            break
    if current.dep_ in ("acl", "relcl"):
        return None
    for child in _children(current):  # "demonstrators arrested", "people killed"
        if child.dep_ == "acl" and child.tag_ in ("VBN", "VBG"):
            return child
    head = current.head
    if head.i == current.i:
        return None
    if current.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head  # "rose to 157", "with 375 people", "put ... at 5.7"
        if head.lower_ in _COMPARATIVES and head.head.i != head.i:
            head = head.head  # "the toll would have been more than a thousand"
    if head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
        return head
    return None


def _noun_concept(noun: Token, unit: str, lex: Lexicon) -> Concept | None:
    """The counted noun, with its compound or adjective ("death toll", "net profit")."""
    if noun.lower_ in _GENERIC:
        return None
    if noun.lemma_.lower() in _HOW_MANY and (counted := _of_object(noun)) is not None:
        return _noun_concept(counted, unit, lex)  # "the number of cholera cases rose to"
    modifiers = [
        c for c in _children(noun) if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
    ]  # "a magnitude 7.4 earthquake": "magnitude" is a noun modifier
    for modifier in reversed(modifiers):
        phrase = f"{modifier.lemma_.lower()} {noun.lemma_.lower()}"
        if (hit := _pick(lex.nouns.get(phrase), unit)) is not None:
            return hit
    for word in (noun.lemma_.lower(), noun.lower_):
        if (hit := _pick(lex.nouns.get(word), unit)) is not None:
            return hit
    for modifier in reversed(modifiers):  # "the 6.4-magnitude quake", "a 1.5bn euro charge"
        if (hit := _pick(lex.nouns.get(modifier.lemma_.lower()), unit)) is not None:
            return hit
    return None


# Concepts a counted noun names only with what was done to it: "destroyed 300 homes",
# "300 damaged homes" (the verb's or the adjective's lemma is one of the concept's verbs).
# Vehicles counted are produced or sold only when a verb says so ("recalling 1 million
# vehicles" are recalls).
_NAMED_BY_VERB = {
    "buildings_damaged": None,  # any of its nouns
    "production": frozenset({"vehicle", "car", "unit"}),
}


@functools.cache
def _currency_nouns() -> frozenset[str]:
    return frozenset(
        w for w, found in lexicon().nouns.items() if any(c.key == "exchange_rate" for c in found)
    )


def _currency_priced(doc: Doc, tokens: TokenSpan) -> bool:
    """A currency named outside the amount ("the pound slipped to $1.27"): a rate."""
    currencies = _currency_nouns()
    return any(t.lemma_.lower() in currencies and not tokens.start <= t.i < tokens.end for t in doc)


def _needs_its_verb(found: Concept, noun: Token) -> bool:
    if found.key not in _NAMED_BY_VERB:
        return False
    nouns = _NAMED_BY_VERB[found.key]
    return nouns is None or noun.lemma_.lower() in nouns


def _done_to(found: Concept, noun: Token, lex: Lexicon) -> bool:
    words = [noun.head, *(c for c in _children(noun) if c.dep_ in ("amod", "acl", "relcl"))]
    return any(found in lex.verbs.get(w.lemma_.lower(), ()) for w in words)


# Nouns that only say "how many" of what follows "of".
_HOW_MANY = frozenset({"number", "total", "tally", "count"})


def _verb_decides(found: Concept, noun: Token, governor: Token, unit: str, lex: Lexicon) -> Concept:
    """A noun of several concepts is the one its verb names: "scored 21 points" are goals,
    "winning three points" points in a table."""
    lemma = governor.lemma_.lower()
    particle = next((c.lower_ for c in _children(governor) if c.dep_ == "prt"), None)
    verbs = {lemma, f"{lemma} {particle}"} if particle else {lemma}
    for concept in lex.nouns.get(noun.lemma_.lower(), ()):
        if _fits(concept, unit) and any(concept in lex.verbs.get(v, ()) for v in verbs):
            return concept
    return found


def _verb_concept(verb: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What the governing verb names; a governing noun of an event counts as one
    ("detentions of hundreds of protesters", "the arrest of 12 people")."""
    if verb.pos_ == "NOUN":
        lemma = verb.lemma_.lower()
        compounds = [c.lemma_.lower() for c in verb.children if c.dep_ == "compound"]
        # "a transfer fee of 80 million pounds": the compound names it before the noun
        hit = _pick(lex.nouns.get(f"{compounds[-1]} {lemma}"), unit) if compounds else None
        hit = hit or _pick(lex.nouns.get(lemma), unit)
        if hit is not None and (clause := _clause_verb(verb)) is not None:
            hit = _verb_decides(hit, verb, clause, unit, lex)  # "joined X for a fee of ..."
        return hit if hit is not None and hit.key not in GROUPS else None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _LIGHT_VERBS:
        return None
    particle = next(
        (
            c.lower_
            for c in _children(verb)
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES)
        ),
        None,
    )
    lemma = verb.lemma_.lower()
    if lemma == "pay" and verb.head.lemma_.lower() == "order":
        lemma = "order to pay"  # "a jury ordered Johnson & Johnson to pay $45 million"
    if _passive(verb) and (hit := _pick(lex.passive_verbs.get(lemma), unit)) is not None:
        return hit
    if particle and (hit := _pick(lex.verbs.get(f"{lemma} {particle}"), unit)) is not None:
        return hit
    if (hit := _object_phrase(verb, lemma, unit, lex)) is not None:
        return hit  # "2.6 million homes lost power"
    for prep in _children(verb):  # "went on strike", "walked off the job"
        if prep.dep_ == "prep":
            for obj in _children(prep):
                # a person named there stands as "player": "paid £64 million for Hojlund"
                word = "player" if obj.ent_type_ == "PERSON" else obj.lemma_.lower()
                phrase = f"{lemma} {prep.lower_} {word}"
                if obj.dep_ == "pobj" and (hit := _pick(lex.verbs.get(phrase), unit)):
                    return hit
    if (hit := _pick(lex.verbs.get(lemma), unit)) is not None:
        return hit
    # The lemmatizer misreads some forms ("fined" -> "fin"): the printed form's stem
    word = verb.lower_
    stem = word[:-1] if word.endswith(("ed", "es")) else word
    return _pick(lex.verbs.get(stem), unit) if stem != lemma else None


# People a job can be lost or created for; customers or subscribers hold none.
_STAFF = frozenset(
    {"worker", "employee", "staff", "people", "personnel", "workforce", "contractor",
     "person", "staffer", "teacher", "nurse", "doctor", "officer", "engineer", "miner",
     "driver", "pilot", "employe"}
)  # fmt: skip


def _not_staff(noun: Token | None) -> bool:
    """A count of people who are not anyone's staff: "200,000 subscribers", "customers"."""
    if noun is None or counted_unit(noun) != "people" or noun.ent_type_ == "NORP":
        return False
    return noun.lemma_.lower() not in _STAFF


def _object_phrase(verb: Token, lemma: str, unit: str, lex: Lexicon) -> Concept | None:
    """A verb and its object naming a concept together: "lost power"."""
    for obj in _children(verb):
        if obj.dep_ == "dobj" and (
            hit := _pick(lex.verbs.get(f"{lemma} {obj.lemma_.lower()}"), unit)
        ):
            return hit
    return None


# A price per unit of a commodity: "$85 a barrel", "$2,400 an ounce", "€50 per tonne".
_PER_UNIT = re.compile(
    r"\s+(?:a|an|per)\s+(?:barrel|ounce|tonne|ton|gallon|litre|liter|kilo|kilogram|pound"
    r"|bushel|megawatt-hour|MWh)\b"
)
_ELECTORS = frozenset({"voter", "elector", "electorate"})
_TURNING_OUT = frozenset({"cast", "vote", "turn", "take", "participate", "go"})


def _turned_out(unit: str, noun: Token | None, governor: Token | None) -> bool:
    """A share of the voters who voted is the turnout: "60% of eligible voters cast a
    ballot", "67 percent of registered voters turned out"."""
    return (
        unit_class(unit) == "percent"
        and noun is not None
        and noun.lemma_.lower() in _ELECTORS
        and governor is not None
        and governor.lemma_.lower() in _TURNING_OUT
    )


def _light_verb_concept(verb: Token, noun: Token, lex: Lexicon) -> Concept | None:
    """A light verb names a concept only with that concept's own things: "employers added
    275,000 jobs" (but "he added" alone says nothing)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LIGHT_VERBS:
        return None
    counted = counted_unit(noun)
    for concept in lex.verbs.get(verb.lemma_.lower(), ()):
        if concept.unit is not None and concept.unit == counted:
            return concept
    return None


def _ratio_base(noun: Token) -> bool:
    """ "of GDP", "of gross domestic product": what a share is measured against."""
    words = " ".join(t.lower_ for t in noun.subtree)
    return noun.head.lower_ == "of" and words in _RATIO_BASES


_RATIO_BASES = frozenset({"gdp", "gross domestic product", "national income", "gni", "output"})
# Adverbs the parse gives a phrasal verb for its particle: "walked out", "laid off".
_PARTICLES = frozenset({"out", "off", "down", "up"})
# The state a disaster leaves people in: "left 1,200 people dead", "300 homeless".
_LEFT_STATES = {"dead": "deaths", "injured": "injured", "wounded": "injured",
                "homeless": "homeless", "missing": "missing", "stranded": "stranded"}  # fmt: skip


def _left_in_state(verb: Token, head: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What a verb of leaving says of the people it counts: "the outbreak has left 1,200
    people dead" counts the dead, "the quake left 300 injured" the injured."""
    if verb.lemma_.lower() != "leave" or head.dep_ not in ("dobj", "nsubj"):
        return None
    for state in (*verb.children, *head.children):
        if state.dep_ == "prep" and state.lower_ == "without" and state.i > head.i:
            objects = {c.lemma_.lower() for c in state.children if c.dep_ == "pobj"}
            if objects & {"power", "electricity"}:  # "left 2.6 million without power"
                return lex.concepts["power_outages"]
        if state.dep_ in ("oprd", "acomp", "amod", "advcl", "xcomp") and state.i > head.i:
            key = _LEFT_STATES.get(state.lower_)
            if key is not None and _fits(lex.concepts[key], unit):
                return lex.concepts[key]
    return None


def _does_it_to_others(head: Token, governor: Token | None) -> bool:
    """The count is who or what does the verb's deed to someone else: "two crashes killed
    102 people" counts no dead ("500 people died" does)."""
    return (
        governor is not None
        and head.dep_ == "nsubj"
        and head.head.i == governor.i
        # a place is left, not done to: "7 million people have fled Sudan"
        and any(c.dep_ == "dobj" and c.ent_type_ not in ("GPE", "LOC") for c in governor.children)
    )


_QUAKES = frozenset({"earthquake", "quake", "tremor", "temblor", "aftershock"})


def _quake_magnitude(anchor: Token, noun: Token | None) -> bool:
    """Whether the number is a quake's magnitude: printed after "magnitude" ("magnitude
    7.0"), or with one decimal before the quake it measures ("a strong 7.9 earthquake")."""
    before = anchor.doc[anchor.i - 1] if anchor.i > 0 else None
    if before is not None and before.lower_ == "magnitude":
        return True
    if re.fullmatch(r"\d\.\d", anchor.text) is None:
        return False
    after = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    named = [t for t in (noun, after) if t is not None]
    return any(t.lemma_.lower() in _QUAKES or t.lower_ in _QUAKES for t in named)


def _new(noun: Token) -> bool:
    """Whether the counted noun is said to be new ("44,000 new positions")."""
    return any(c.dep_ == "amod" and c.lower_ == "new" for c in noun.children)


def _counts_other(concept: Concept, noun: Token | None) -> bool:
    """A verb's concept counted in its own things cannot count another noun: "held two
    referendums" are no seats, "taking three points" no seats either."""
    if noun is None or concept.unit is None or concept.unit in ("people", "count"):
        return False
    if unit_class(concept.unit) != "count":
        return False
    counted = counted_unit(noun) or plural(noun.lemma_.lower())
    return counted not in (concept.unit, "people")


# Words that compare a number ("more than a thousand"): what takes them takes the number.
_COMPARATIVES = frozenset({"more", "less", "fewer", "greater", "higher", "lower"})
# Concepts that are a change, whose verbs also say where a level went ("fell to 56").
_CHANGES = frozenset({"growth", "decline"})
# What a company reports of itself: who reports it is also whose it is ("GM reported a
# 49% decline", "Toyota posted a record profit of $20bn"), unlike "police reported 12 deaths".
_OWN_RESULTS = frozenset(
    {"growth", "decline", "profit", "loss", "revenue", "earnings_per_share", "loss_per_share",
     "job_cuts", "jobs_created", "production", "market_share", "customers", "recalls"}
)  # fmt: skip


def _is_level(head: Token, governor: Token | None, lex: Lexicon) -> bool:
    """ "has dropped to approximately 56 percent", "up from 70 percent", "from 70 to 56":
    the figure is the level a change reached or left, through "to" or "from"."""
    current = head
    while current.head.i != current.i and current.head.lower_ in _UNIT_WORDS:
        current = current.head
    if current.dep_ != "pobj" or current.head.lower_ not in ("to", "from"):
        return False
    link = current.head.head
    if link.lower_ in ("up", "down"):
        return True
    if governor is None or governor.pos_ not in ("VERB", "AUX"):
        return False
    if governor.lemma_.lower() in _CUTS | _RAISES:
        return True  # "raised prices to $10", "cut its key rate to 4%"
    concepts = lex.verbs.get(governor.lemma_.lower(), ())
    return any(c.key in _CHANGES for c in concepts)


def _object_concept(verb: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What the object of a verb that moved it measures ("raised prices to $10": price);
    a central bank's bare "rates" are its interest rate."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.pos_ != "NOUN":
            continue
        if (found := _noun_concept(obj, unit, lex)) is not None:
            return found
        setter = [t for t in verb.children if t.dep_ == "nsubj"]
        if (
            obj.lemma_.lower() == "rate"
            and setter
            and _CENTRAL_BANK.search(" ".join(t.text for t in setter[0].subtree))
        ):
            return _pick(lex.nouns.get("interest rate"), unit)
    return None


_CENTRAL_BANK = re.compile(r"\b(?:central\s+bank|Bank|Reserve|Fed|ECB)\b")


def _in_concept(
    anchor: Token, head: Token, governor: Token | None, unit: str, lex: Lexicon
) -> Concept | None:
    """ "$15 billion in bailout money", "$2bn in sales": what an amount is, after "in"."""
    for token in (anchor, head, governor):
        if token is None:
            continue
        for child in _children(token):
            if child.dep_ != "prep" or child.lower_ != "in":
                continue
            for obj in _children(child):
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    found = _noun_concept(obj, unit, lex)
                    if found is not None:
                        return found
    return None


def _passive(verb: Token) -> bool:
    """ "500 held a day earlier", "500 were held": a participle or a passive clause."""
    if verb.tag_ != "VBN":
        return False
    return verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in _children(verb))


def _argument_concept(governor: Token, head: Token, unit: str, lex: Lexicon) -> Concept | None:
    """ "the death toll rose to 157": the governing verb's other nouns name the measure."""
    if governor.pos_ == "NOUN":  # "a death toll of 120"
        return _noun_concept(governor, unit, lex)
    for child in _children(governor):
        if child.dep_ == "acomp" and (word := _pick(lex.nouns.get(child.lemma_.lower()), unit)):
            return word  # "719 people are dead"
        if child.i == head.i or child.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue
        if child.pos_ in ("NOUN", "PROPN") and (found := _noun_concept(child, unit, lex)):
            return found
    if governor.lemma_ == "be" and governor.dep_ in ("xcomp", "ccomp", "advcl"):
        # "forecast the automaker's losses to be over $6.7 billion": the raised object
        for child in _children(governor.head):
            if child.dep_ == "dobj" and (found := _noun_concept(child, unit, lex)):
                return found
    return None


def _pick(concepts: tuple[Concept, ...] | None, unit: str) -> Concept | None:
    for concept in concepts or ():
        if _fits(concept, unit):
            return concept
    return None


# Verbs that cut or raise what they take by a share ("reduce costs by 30%").
_CUTS = frozenset({"reduce", "cut", "lower", "slash", "decrease", "trim", "shrink", "stop"})
_RAISES = frozenset({"raise", "increase", "boost", "lift", "hike", "expand"})
# Nouns a share names a likelihood with ("a 60-80 percent chance of a bankruptcy").
_LIKELIHOOD = frozenset({"chance", "probability", "likelihood", "odds"})


def _share_key(anchor: Token, noun: Token | None, governor: Token | None, end: int) -> str | None:
    """An open key for a percentage the lexicon has no concept for: a likelihood; the
    share of what follows "of" ("50% of the dealerships" -> dealerships_share); what a
    verb cuts or raises by it ("reduce costs by 30%" -> cost_cuts)."""
    doc = anchor.doc
    following = doc[end] if end < len(doc) else None
    if following is not None and following.lemma_.lower() in _LIKELIHOOD:
        return "probability"
    if governor is not None and _of_likelihood(governor):
        return "probability"  # "put the chance of a hit at 3.1%", "the odds rose to 3.1%"
    if noun is not None and governor is not None and _cuts_staff(governor, noun):
        return "job_cuts_share"  # "will cut 10% of its workforce", "lay off 6% of its staff"
    if noun is not None and counted_unit(noun) == "people":
        return None  # "eight out of 10 voters": what they did or think, not who they are
    if noun is not None and governor is not None and (cut := _cut_or_raise(governor, noun)):
        return cut  # "cut 5% of its costs" as "reduce costs by 5%"
    if noun is not None and noun.lemma_.lower() in ("share", "stake"):
        return "stake"  # "a ten percent share in the company": a holding of it
    if noun is not None and _open_key(noun) is not None:
        return f"{noun.lower_}_share"  # as printed: "production", not "productions"
    if governor is None or governor.pos_ != "VERB":
        return None
    objects = [t for t in governor.children if t.dep_ == "dobj" and t.pos_ == "NOUN"]
    return _cut_or_raise(governor, objects[0]) if objects else None


def _cut_or_raise(verb: Token, thing: Token) -> str | None:
    """ "cost_cuts" for a verb that cuts costs, "price_increase" for one raising prices."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _CUTS | _RAISES or not thing.lemma_.isalpha():
        return None
    return f"{thing.lemma_.lower()}_{'cuts' if lemma in _CUTS else 'increase'}"


def _of_likelihood(governor: Token) -> bool:
    """Whether the verb that takes a share says it of a chance: its subject or object
    ("the odds rose to 3.1%"), or a chance it depends from ("put the chance of hitting
    Earth at 3.1%", where the parse hangs the share on "hitting")."""
    if any(
        c.dep_ in ("nsubj", "dobj") and c.lower_ in _LIKELIHOOD | {"odds"}
        for c in governor.children
    ):
        return True
    return any(t.lemma_.lower() in _LIKELIHOOD for t in itertools.islice(governor.ancestors, 2))


def _cuts_staff(governor: Token, noun: Token) -> bool:
    """Whether a verb that cuts jobs takes a share of the staff ("lay off 6% of its staff")."""
    lex = lexicon()
    verb = governor.lemma_.lower()
    if any(c.dep_ == "prt" for c in governor.children):
        verb = " ".join([verb, *(c.lower_ for c in governor.children if c.dep_ == "prt")])
    cuts = any(c.key == "job_cuts" for c in lex.verbs.get(verb, ()))
    return cuts and any(c.key == "employees" for c in lex.nouns.get(noun.lemma_.lower(), ()))


def _open_key(noun: Token | None) -> str | None:
    """The counted noun, in the plural, as a key when the lexicon has no concept for it
    ("flights")."""
    if noun is None or noun.pos_ != "NOUN" or noun.lower_ in _GENERIC | CALENDAR_WORDS:
        return None
    word = noun.lower_
    if not word.isalpha() or len(word) <= 2:
        return None  # "km", "m": an abbreviated unit names no measure
    if noun.tag_ == "NN" and noun.lemma_.isalpha():
        word = plural(noun.lemma_.lower())  # "a 131-page report": pages, as "300 flights"
    return word


def _subject_tokens(noun: Token | None, governor: Token | None, head: Token) -> list[Token]:
    """Words that may name whom the figure is about, best first."""
    found: list[Token] = []
    for token in _subject_candidates(noun, governor, head):
        nationality = token.dep_ == "amod" and token.text[:1].isupper()
        if (token.pos_ in ("PROPN", "PRON", "NOUN") or nationality) and token not in found:
            found.append(token)
    return found


def _subject_candidates(noun: Token | None, governor: Token | None, head: Token) -> Iterator[Token]:
    for base in (noun, governor):
        if base is None:
            continue
        for child in _children(base):
            if child.dep_ == "poss":  # "Siemens' profit", "the quake's magnitude"
                yield child
        if base is noun:
            for child in _children(base):
                if child.dep_ == "compound" and child.pos_ == "PROPN":  # "Siemens profit"
                    yield child
                elif child.dep_ == "amod" and child.text[:1].isupper() and child.i > 0:
                    yield child  # "Five Panamanian players": a nationality's country
                elif (
                    child.dep_ == "prep"
                    and child.lower_ in ("at", "of", "from")
                    and counted_unit(base) == "people"
                ):
                    # "33,000 workers at Boeing", "5,000 members of the Labour Party"
                    # (not "3,400 cases of Ebola": a disease is no one's employer)
                    yield from (
                        c for c in _children(child) if c.dep_ == "pobj" and c.pos_ == "PROPN"
                    )
    if governor is not None and governor.pos_ in ("VERB", "AUX"):
        for child in _children(governor):
            if child.dep_ == "agent":  # "54,000 people are employed by Opel"
                yield from (c for c in _children(child) if c.dep_ == "pobj")
            elif child.dep_ in _SUBJECT_DEPS and child.i != head.i:
                # "Its net profit rose to ...": whose profit, before the profit itself;
                # a name owned is itself the subject ("Modi's BJP won 240 seats")
                if child.pos_ != "PROPN":
                    yield from (c for c in _children(child) if c.dep_ == "poss")
                yield child  # "Toqaev took 70.96 percent", "With 70.96 percent, X leads"
            if child.dep_ in ("aux", "auxpass") and child.i < governor.i:
                # "Regina Ip was re-elected with 60,760 votes", parsed with the subject
                # on the auxiliary
                yield from (c for c in _children(child) if c.dep_ in _SUBJECT_DEPS)
        if governor.dep_ == "relcl" and governor.head.pos_ in ("PROPN", "NOUN"):
            yield governor.head  # "the Dow Jones, which fell 678 points"
        if governor.dep_ == "conj" and not any(
            c.dep_ in _SUBJECT_DEPS for c in _children(governor)
        ):
            # "The FTSE fell 2.03 points, but stayed below 5000": the first verb's subject
            yield from (c for c in _children(governor.head) if c.dep_ in ("nsubj", "nsubjpass"))
    elif governor is not None and governor.pos_ == "NOUN":
        for child in _children(governor):
            if child.dep_ == "poss":
                yield child
        verb = governor.head  # "GM had reported a loss of $381 million"
        if verb.pos_ in ("VERB", "AUX") and governor.dep_ in ("dobj", "attr"):
            yield from (c for c in _children(verb) if c.dep_ in _SUBJECT_DEPS)
    # Last, the subject of the clause the figure stands in: "Nathan Law earned a surprise
    # victory as second place in the constituency with 50,818 votes".
    clause = _clause_verb(governor if governor is not None else head)
    if clause is not None and clause is not governor and not _gives(clause):
        yield from (c for c in _children(clause) if c.dep_ in ("nsubj", "nsubjpass"))


# Concepts whose figure is about whom the deed is done to: the one fined or sentenced.
_DONE_TO = frozenset({"fine", "sentence", "bail", "transfer_fee"})


def _patients(figure: TokenSpan, head: Token, governor: Token | None) -> Iterator[Token]:
    """Who a fine or a sentence is imposed on: the verb's object ("ordered Google to pay
    a fine", "sentenced the minister to 12 years"), its passive subject ("Google was
    fined"), or a name the parse hung on the amount ("fined Google 500 million euros")."""
    inside = {t.i for t in figure} | {head.i}
    for token in (*figure, head):
        yield from (
            c
            for c in _children(token)
            if c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i not in inside
        )
    if governor is None or governor.pos_ not in ("VERB", "AUX"):
        return
    yield from (
        c
        for c in _children(governor)
        if c.dep_ in ("dobj", "dative", "nsubjpass") and c.i not in inside
    )
    if governor.dep_ == "xcomp":  # "ordered Google to pay"
        yield from (c for c in _children(governor.head) if c.dep_ == "dobj")


def _gives(verb: Token) -> bool:
    """A verb whose subject gives the figure ("the commission said, on a turnout of ...")."""
    lemma = verb.lemma_.lower()
    return lemma in SPEECH_VERBS or lemma in _SOURCE_VERBS or lemma in _REPORTING_VERBS


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (a few steps up), where its clause is headed."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("amod", "acl", "relcl"):
            return current
        if current.dep_ in ("acl", "relcl", "ccomp", "advcl") or current.head.i == current.i:
            return None  # another clause: its subject is not this figure's
        current = current.head
    return None


def _char_span(token: Token, describing: bool = False) -> Span:
    """The token with the proper nouns compounded into it ("US Geological Survey"), and
    when ``describing`` a common noun, the adjectives before it ("most financial
    analysts", "recent poll")."""
    joined = ("compound", "flat", "amod") if describing and token.pos_ == "NOUN" else None
    words = [token]
    for child in _children(token):
        if child.i < token.i and child.dep_ in (joined or ("compound", "flat")):
            words.extend(child.subtree)
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    return Span(start, end)
