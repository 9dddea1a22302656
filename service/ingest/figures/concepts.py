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

import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from service.ingest.figures.amounts import measure_key, measure_noun, offered_at
from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.figures.lexicon import (
    _GENERIC,
    _UNIT_WORDS,
    GROUPS,
    Concept,
    Lexicon,
    _currency_nouns,
    _fits,
    _pick,
    counted_unit,
    lexicon,
    plural,
    unit_class,
)
from service.ingest.figures.markets import (
    market_in_view,
    market_level,
    market_move,
    market_of,
    share_price_level,
)
from service.ingest.figures.participants import _patients, _source, _subject_tokens
from service.ingest.figures.properties import election_story
from service.ingest.figures.tree import (
    _char_span,
    _children,
    _clause_verb,
    _counted_noun,
    _governor,
    _of_object,
    _part_of,
    _passive,
)
from service.ingest.model import Span

# Verbs too light to name anything by themselves.
_LIGHT_VERBS = frozenset(
    {"be", "have", "say", "make", "do", "put", "give", "include", "reach", "stand", "see",
     "report", "tell", "add", "bring", "become", "remain", "come", "show", "leave"}
)  # fmt: skip


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
    # The figure's clause has a subject of its own, joined to a clause of speech ("Toyota
    # reported a 32% drop, Nissan dropped 30%"): the speaker does not vouch for it.
    own_clause: bool = False
    # The number counts things that are no people ("arrested five buildings away"): no
    # concept of people measures it.
    things: bool = False


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
    if noun is None and _range_end(anchor, tokens):
        # "between 3,000 and 5,000 Internet routes": the high end is parsed as joined to
        # the low one, which counts the noun for both
        noun = _counted_noun(anchor.head, tokens.end)
    if noun is None and (person := _stated_age(anchor)) is not None:
        # "He was 95 and lived in Santa Rosa", "Smith is 42": a person's age
        return Reading("age", True, (_char_span(person),))
    if unit_class(unit) == "percent" and noun is not None and _ratio_base(noun):
        noun = None  # "a deficit of 5.1% of GDP": measured against output, not its growth
    head = noun if noun is not None else anchor
    governor = _governor(anchor if _part_of(anchor, noun) else head)
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
        if (
            found is not None
            and found.key == "registered_voters"
            and governor is not None
            and governor.lemma_.lower() == "turnout"
        ):
            found = lex.concepts["voters"]  # "a turnout of around 2 million voters"
        if found is not None and found.key == "job_cuts" and _new(noun):
            found = lex.concepts["jobs_created"]  # "promising 44,000 new positions"
        if (
            found is not None
            and found.key == "distance"
            and governor is not None
            and governor.pos_ == "NOUN"
            and (measured := _noun_concept(governor, unit, lex)) is not None
            and unit_class(measured.unit) == "measure"
        ):
            found = measured  # "had a depth of 2.7 miles": the unit's word names no measure
        if found is not None and found.key == "index_level" and not market_in_view(noun):
            found = _game_points(noun, governor, unit, lex)  # "had 14 points and six rebounds"
    if (move := market_move(anchor, governor, unit, noun)) is not None:
        found = lex.concepts[move]  # "the Dow lost 631 points", "a drop of 9%"
    if move is None and unit_class(unit) == "count" and market_level(head, noun):
        found = lex.concepts["index_level"]  # "fell 1.62% to 9694.73", "stayed below 5000"
    if (
        move is None
        and found is None
        and unit_class(unit) == "money"
        and share_price_level(head, noun)
    ):
        found = lex.concepts["share_price"]  # "their stocks lost 6% to close at $73.57"
    if _quake_magnitude(anchor, noun):
        found = lex.concepts["magnitude"]  # "a strong 7.9 earthquake", "magnitude 7.0"
    verb_found = _verb_concept(governor, unit, lex) if governor is not None else None
    if move is not None or _where_it_happened(noun, unit):
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
    if verb_found is not None and verb_found.key == "transfer_fee" and governor is not None:
        # "signed a deal for a further US$7 billion": what was signed names it, when that
        # names a measure (a player signed for a fee names none)
        signed = [c for c in _children(governor) if c.dep_ == "dobj"]
        named = next((f for c in signed if (f := _noun_concept(c, unit, lex))), None)
        verb_found = named or verb_found
    if (
        verb_found is not None
        and unit == "count"
        and (verb_found.key == "rank" or (governor is not None and governor.pos_ == "NOUN"))
        and _measures_no_count(verb_found, noun)
    ):
        # "30 yards on six carries": the carries are no distance; "finished with nine
        # rebounds": no place in a ranking
        verb_found = None
    if verb_found is not None and verb_found.unit == "jobs" and _not_staff(noun):
        verb_found = None  # "Netflix lost 200,000 subscribers": no jobs lost
    if verb_found is not None and verb_found.key == "magnitude" and _counts_quakes(noun):
        verb_found = None  # "Five more small quakes measuring between 1.0 and 1.9"
    if verb_found is not None and verb_found.key == "seats" and counted_unit(noun) == "people":
        verb_found = None  # "Police held 300 people overnight": people are held, seats won
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
    if verb_found is None and governor is not None:
        verb_found = _after_being(governor, head, unit, lex)  # "treated after being hurt"
    if verb_found is None and noun is not None:
        verb_found = _in_state(noun, unit, lex)  # "the two wounded men"
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
                or verb_found.key in ("strikers", "voters")
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
    if governor is not None and _can_take(governor, noun):
        found = lex.concepts["capacity"]  # "an aircraft that can carry up to 840 people"
    if _turned_out(unit, noun, governor):
        found = lex.concepts["turnout"]  # "60% of eligible voters cast a ballot"
    if found is None and governor is not None:
        found = _argument_concept(governor, head, unit, lex)
        if found is not None and found.unit == "jobs" and _counts_other(found, noun):
            found = None  # "44,000 positions at 300 suppliers": the suppliers are no jobs
        if found is not None and unit == "count" and _measures_no_count(found, noun):
            found = None  # "30 yards on six carries": the carries are no distance
    if found is None and unit_class(unit) == "money":
        found = _in_concept(anchor, head, governor, unit, lex)
    if found is None and unit_class(unit) == "money" and offered_at(anchor, governor):
        found = lex.concepts["price"]  # "The 13-inch models start at $1,199"
    measure = measure_noun(anchor, head, governor) if unit_class(unit) == "money" else None
    if found is None and measure is not None:
        found = _noun_concept(measure, unit, lex)  # "at prices ranging from $500 to $550"
    if found is None and noun is None:
        found = _tally_before(tokens, unit, lex)  # "with the death toll more than 2200"
    if found is None and _lives_there(noun, governor):
        found = lex.concepts["population"]  # "a town of 15,000 people", "home to 120,000"
    if found is not None and found.key in _DONE_TO:
        # a fine is the fined party's, not the court's: "fined Google 500 million euros"
        patients = [
            t for t in _patients(tokens, head, governor) if t.pos_ in ("PROPN", "PRON", "NOUN")
        ]
        subjects = [*patients, *(t for t in subjects if t not in patients)]
    if (
        found is not None
        and found.key == "index_level"
        and (noun is None or noun.lemma_.lower() != "point")
        and not market_in_view(anchor)
    ):
        found = None  # "14 points and six rebounds": the rebounds are no index's
    if found is not None and found.key == "exchange_rate" and not _currency_priced(doc, tokens):
        found = None  # "paid 100 million euros": the amount's own currency word
    if found is not None and found.key in _MARKET_CONCEPTS and (market := market_of(head)):
        # "the Dow Jones, which fell ... to below 9,000": the index's level, not nobody's
        subjects = [market, *(t for t in subjects if t.i != market.i)]
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
    if found is not None and found.key == "vote_share" and not election_story(doc.text):
        # "Citigroup gained 9.7%", "got 5 percent": a vote only where the story has one
        lemma = governor.lemma_.lower() if governor is not None else ""
        found = next(
            (c for c in lex.verbs.get(lemma, ()) if c.key != "vote_share" and _fits(c, unit)),
            None,
        )
    if (
        found is not None
        and found.key == "appearances"
        and governor is not None
        and governor.lemma_.lower() in _RESULTS
    ):
        # "Philadelphia won 18 of its next 23 games": games won are wins, not appearances
        return Reading(_RESULTS[governor.lemma_.lower()], False, spans, source_span, counted)
    if _error_margin(noun):
        found = lex.concepts["margin_of_error"]  # "a 3.1 percent margin of error": no vote
    elif found is None and counted == "people" and _polled(head, governor):
        found = lex.concepts["participants"]  # "The poll of 1,000 people", "a survey of 2,400"
    if found is not None and _counts_things(found, noun, unit, lex):
        found = None  # "seven bullets entered his body": bullets, no deaths
    if found is not None and _counts_heads(found, noun, unit, lex):
        found = None  # "Four men rammed their car into a store": no cars produced
    own = _own_clause(governor, anchor)
    if unit == "times" and (event := _repeated_event(anchor, lex)) is not None:
        # "was arrested seven times": arrests, not seven people detained
        known = event in lex.concepts
        return Reading(event, known, spans, source_span, counted, level=level, own_clause=own)
    if found is not None:
        return Reading(found.key, True, spans, source_span, counted, level=level, own_clause=own)
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
    elif kind == "duration":
        if _BEHIND.match(doc.text, span.end):
            # "delivered 18 months behind schedule", "two years late": how late
            return Reading("delay", True, spans, source_span, counted, own_clause=own)
        key = "duration"
    else:
        named_money = noun is not None and noun.lemma_.lower() in _currency_nouns()
        # "millions of dollars": the currency is the unit, not what the sum is of
        key = _DIMENSIONS.get(unit) or (None if named_money else _open_key(noun))
        if key is None and measure is not None:
            key = measure_key(measure)  # "declared assets of $82 billion"
    if (
        key is not None
        and kind == "count"
        and counted == "people"
        and governor is not None
        and _passive(governor)
        and not _by_agent(head, governor)
    ):
        # "Five Panamanian players were booked": what was done to them, not who they are
        key = governor.lower_ if governor.lower_.isalpha() else key
    things = kind == "count" and _things(noun)
    return Reading(
        key, False, spans, source_span, counted, level=level, own_clause=own, things=things
    )


def _range_end(anchor: Token, tokens: TokenSpan) -> bool:
    """Whether ``anchor`` is the high end of a range printed in the figure, parsed as a
    number joined to the low end ("between 150 and 200 migrants", "1,500 to 2,000 dead")."""
    low = anchor.head
    return (
        anchor.dep_ == "conj"
        and low.i < anchor.i
        and low.i >= tokens.start
        and (low.like_num or low.pos_ == "NUM")
    )


# What a market's move or level is of: the index, share or price that moved.
_MARKET_CONCEPTS = frozenset({"index_level", "decline", "growth"})


# A physical measure the lexicon does not name is its dimension, as a length of time is a
# duration: "500km of wiring", "a 13.3-inch screen", "20 tonnes of equipment" (a distance
# only where the copy says so: "a 15-yard shot" is counted in a distance word).
_DIMENSIONS = {
    **dict.fromkeys(("km", "miles", "m", "feet", "yards", "mm", "cm", "inches"), "length"),
    **dict.fromkeys(("kg", "tonnes", "lb"), "weight"),
    **dict.fromkeys(("km2", "m2", "square miles", "hectares", "acres", "sq ft"), "area"),
    # "a 16GB model", "8GB of RAM", "up to 160GB or 40,000 songs": how much data it holds
    **dict.fromkeys(("GB", "MB", "TB"), "storage"),
    **dict.fromkeys(("GHz", "MHz"), "frequency"),  # "a 1.8GHz dual-core i5 processor"
}


# Words that place points in a league table rather than on a scoresheet.
_TABLE_WORDS = frozenset({"table", "standings", "group", "league", "ladder", "championship"})


def _game_points(noun: Token, governor: Token | None, unit: str, lex: Lexicon) -> Concept:
    """Points outside a market: scored (goals) unless a table is in view ("top of the
    table with three points") or they are an argument's ("I want to emphasize three
    points", "five bullet points"); a verb of either decides ("winning three points")."""
    in_table = any(t.lemma_.lower() in _TABLE_WORDS for t in noun.sent)
    argued = any(
        c.dep_ in ("compound", "amod") and c.lower_ in _ARGUMENT_WORDS for c in noun.children
    )
    argued = argued or (governor is not None and governor.lemma_.lower() in _ARGUING_VERBS)
    found = lex.concepts["points" if in_table or argued else "goals"]
    return found if governor is None else _verb_decides(found, noun, governor, unit, lex)


# Points a speaker makes: "emphasize three points", "five bullet points", "two key points"
_ARGUING_VERBS = frozenset(
    {"emphasize", "emphasise", "raise", "address", "stress", "discuss", "outline", "list",
     "argue", "note", "want", "summarize", "summarise"}
)  # fmt: skip
_ARGUMENT_WORDS = frozenset({"bullet", "talking", "key", "main", "major", "several"})


# Verbs of telling whose clause's cue covers only what they take.
_TELLING = frozenset(
    {"say", "report", "announce", "tell", "state", "add", "note", "claim", "confirm",
     "disclose", "reveal", "post"}
)  # fmt: skip


# The verbs of telling that give no figure of their own ("shares added 26 cents",
# "posted a loss" do): their subject tells, it is never what a number counts.
_ONLY_TELLING = _TELLING - {"add", "post"}


def _own_clause(governor: Token | None, anchor: Token) -> bool:
    """Whether the figure's verb has a named subject of its own and no verb of telling
    before it in the sentence takes it ("Toyota reported a 32% drop, Nissan Motors dropped 30%": the
    parse may even hang "reported" under "dropped")."""
    if governor is None or governor.pos_ != "VERB":
        return False
    subjects = [c for c in _children(governor) if c.dep_ == "nsubj"]
    if not any(t.pos_ == "PROPN" for c in subjects for t in c.subtree):
        return False
    # Only a cue before the figure: one after it ("Tokaev received 70.96 per cent, the
    # commission said") covers the whole sentence, however the parse hangs it.
    sentence = anchor.sent
    telling = [
        t for t in sentence if t.i < anchor.i and t.pos_ == "VERB" and t.lemma_.lower() in _TELLING
    ]
    if any(t.i > anchor.i and t.lemma_.lower() in _TELLING for t in sentence):
        return False
    covering = [t for t in telling if t.left_edge.i <= anchor.i <= t.right_edge.i]
    return bool(telling) and not covering


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


def _noun_concept(noun: Token, unit: str, lex: Lexicon) -> Concept | None:
    """The counted noun, with its compound or adjective ("death toll", "net profit")."""
    if noun.lower_ in _GENERIC:
        return None
    if (
        noun.lemma_.lower() in _HOW_MANY
        and noun.tag_ not in ("NNS", "NNPS")  # "two counts of murder" are charges
        and (counted := _of_object(noun)) is not None
    ):
        return _noun_concept(counted, unit, lex)  # "the number of cholera cases rose to"
    modifiers = [
        c for c in _children(noun) if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
    ]  # "a magnitude 7.4 earthquake": "magnitude" is a noun modifier
    for modifier in reversed(modifiers):
        phrase = f"{modifier.lemma_.lower()} {noun.lemma_.lower()}"
        if (hit := _pick(lex.nouns.get(phrase), unit)) is not None:
            return hit
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.lower_ in _PARTICLES:
        # a compound noun written apart: "a $700 billion bail out" is a bailout, no bail
        joined = _pick(lex.nouns.get(noun.lemma_.lower() + after.lower_), unit)
        if joined is not None:
            return joined
    for word in (noun.lemma_.lower(), noun.lower_):
        if (hit := _pick(lex.nouns.get(word), unit)) is not None:
            return hit
    if noun.lemma_.lower() in lex.nouns:
        return None  # "two extra life sentences": sentences, whatever "life" names alone
    for modifier in reversed(modifiers):  # "the 6.4-magnitude quake", "a 1.5bn euro charge"
        if (hit := _pick(lex.nouns.get(modifier.lemma_.lower()), unit)) is not None:
            return hit
    return None


# Verbs that say how many people something takes, with "can" or "could" before them.
_TAKES = frozenset({"carry", "hold", "seat", "accommodate", "take", "fit", "transport"})


def _by_agent(head: Token, governor: Token) -> bool:
    """Whether the count is the participle's agent, who did the deed: "the topics
    discussed by the two leaders" are the leaders', while "300 protesters were arrested"
    and "500 held a day earlier" are who it was done to (and "charged with two counts"
    are the charges)."""
    return head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.i == governor.i


def _can_take(verb: Token, noun: Token | None) -> bool:
    """Whether a count of people is what a plane, bus or hall can take, its capacity:
    "an aircraft that can carry up to 840 people", "five which can carry 290
    passengers". Without "can" it is who is aboard ("a bus carrying 40 passengers
    overturned"), and a count of things is no capacity of people ("can carry 20 tonnes")."""
    return (
        noun is not None
        and counted_unit(noun) == "people"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in _TAKES
        and any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children)
    )


def _lives_there(noun: Token | None, governor: Token | None) -> bool:
    """People a place holds: "Qeshm island, home to 120,000 people", "a town of about
    15,000 people", "the island, which has about 200,000 residents"."""
    if noun is None or noun.lemma_.lower() not in _DWELLERS:
        return False
    through = noun.head.lower_ if noun.dep_ == "pobj" else None
    over = noun.head.head.lower_ if through else None  # "home" may be parsed an adverb
    held = governor.lemma_.lower() if governor is not None else None
    return (
        (through == "to" and over == "home")
        or (through == "of" and held in _SETTLEMENTS)
        or (held == "have" and noun.dep_ == "dobj" and noun.lemma_.lower() != "people")
    )


_DWELLERS = frozenset({"people", "resident", "inhabitant", "soul"})
_SETTLEMENTS = frozenset(
    {
        "town", "city", "village", "island", "nation", "country", "state", "province",
        "region", "district", "capital", "community", "municipality", "suburb", "county",
        "metropolis", "settlement", "neighbourhood", "neighborhood",
    }
)  # fmt: skip


def _stated_age(anchor: Token) -> Token | None:
    """The person a bare whole number is said to be ("He was 95", "Smith is 42"): the
    subject of "be" the number completes, a person's pronoun or name."""
    if anchor.dep_ != "attr" or anchor.head.lemma_ != "be" or not anchor.text.isdigit():
        return None
    if not 0 < int(anchor.text) <= 120 or anchor.n_lefts or anchor.n_rights:
        return None
    for child in anchor.head.children:
        if child.dep_ == "nsubj" and (
            child.lower_ in ("he", "she") or (child.pos_ == "PROPN" and child.ent_type_ == "PERSON")
        ):
            return child
    return None


# How late something is: "18 months behind schedule", "two years late"
_BEHIND = re.compile(r"\s+(?:behind\s+(?:schedule|time)|late|overdue)\b")


# Particles of compound nouns copy may write apart: "bail out", "buy out", "shut down".
_PARTICLES = frozenset({"out", "off", "up", "over", "down"})


# Concepts a counted noun names only with what was done to it: "destroyed 300 homes",
# "300 damaged homes" (the verb's or the adjective's lemma is one of the concept's verbs).
# Vehicles counted are produced or sold only when a verb says so ("recalling 1 million
# vehicles" are recalls).
_NAMED_BY_VERB = {
    "buildings_damaged": None,  # any of its nouns
    "production": frozenset({"vehicle", "car", "unit"}),
}


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
    if particle and f"{lemma} {particle}" in _IDIOMS:
        return None  # "He wound up with 20": no one was wounded
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
    if lemma == "pay" and _paid_for_wrong(verb):
        return _pick(lex.verbs.get("order to pay"), unit)  # "pay $750 million for committing"
    if lemma == "pay" and (thing := _paid_for(verb)) is not None:
        # "Ford will pay $57 million for a 72.4 percent stake": a price; "I was paid $316
        # for two weeks of work": pay
        paid = "pay for work" if thing.lemma_.lower() in _WORK else "pay for"
        return _pick(lex.verbs.get(paid), unit)
    if (hit := _pick(lex.verbs.get(lemma), unit)) is not None:
        return hit
    # The lemmatizer misreads some forms ("fined" -> "fin"): the printed form's stem
    word = verb.lower_
    stem = word[:-1] if word.endswith(("ed", "es")) else word
    return _pick(lex.verbs.get(stem), unit) if stem != lemma else None


def _repeated_event(anchor: Token, lex: Lexicon) -> str | None:
    """What a count of times counts: the deed of the verb it modifies, as the lexicon
    names it ("was arrested seven times" -> arrests, "sued twice" -> lawsuits, "twice
    denied visas" -> visa_denials, "spoken by phone 20 times" -> calls); after a light
    verb, its object in the plural ("made the trip twice" -> trips, "took the test three
    times" -> tests). A count of times of no verb ("four times faster", "five times the
    legal limit") counts no deed. The parse may hang the count on the preposition or
    noun after the verb ("visited Kabul five times before the talks", "was used in
    messages over one million times"): the verb above them then takes it."""
    times = anchor if anchor.lower_ in ("times", "twice") else anchor.head
    if times.lower_ not in ("times", "twice") or times.dep_ not in ("npadvmod", "advmod"):
        return None
    verb = times.head
    if times.dep_ == "npadvmod" and verb.pos_ == "ADP" and verb.dep_ == "prep":
        verb = verb.head  # "five times before the talks"
    elif times.dep_ == "npadvmod" and verb.pos_ == "NOUN" and verb.dep_ == "pobj":
        verb = verb.head.head  # "in messages over one million times"
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    objects = [c for c in _children(verb) if c.dep_ == "dobj"]
    if lemma in _DOING_VERBS:
        nouns = [o for o in objects if o.pos_ == "NOUN" and o.lemma_.isalpha()]
        return plural(nouns[0].lemma_.lower()) if nouns else None
    particle = next((c.lower_ for c in _children(verb) if c.dep_ == "prt"), None)
    phrases = [f"{lemma} {o.lemma_.lower()}" for o in objects]
    phrases += [  # "spoken by phone"
        f"{lemma} {prep.lower_} {obj.lemma_.lower()}"
        for prep in _children(verb)
        if prep.dep_ in ("prep", "agent")
        for obj in _children(prep)
        if obj.dep_ == "pobj"
    ]
    phrases += [f"{lemma} {particle}"] if particle else []
    for phrase in [*phrases, lemma]:
        hit = next((c for c in lex.verbs.get(phrase, ()) if c.unit == "times"), None)
        if hit is not None:
            return hit.key
    return None


# Verbs whose object names the deed done again: "made the trip twice", "held talks".
_DOING_VERBS = frozenset({"make", "take", "hold", "undergo", "have"})


def _error_margin(noun: Token | None) -> bool:
    """ "a 3.1 percent margin of error": how far a poll may be off."""
    if noun is None or noun.lemma_.lower() != "margin":
        return False
    error = _of_object(noun)
    return error is not None and error.lemma_.lower() == "error"


_RESULTS = {"win": "wins", "lose": "losses", "draw": "draws"}
_POLLS = frozenset({"poll", "survey", "sample", "study"})


def _polled(head: Token, governor: Token | None) -> bool:
    """Whether the people are a poll's or a survey's sample: "the poll of 1,000 people"."""
    return (
        governor is not None
        and governor.lemma_.lower() in _POLLS
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
    )


# Phrasal verbs that mean nothing their verb does ("wound up" is ended up, not injured;
# "shot up" rose): the bare verb's concept never applies to them.
_IDIOMS = frozenset({"wound up", "wind up", "shoot up"})


def _paid_for(verb: Token) -> Token | None:
    """The thing "pay" is "for" ("pay $57 million for a stake"), past "weeks of" ("for two
    weeks of work"); None for a deed ("paid $3 million for directing the film")."""
    for prep in _children(verb):
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for thing in _children(prep):
            if thing.dep_ == "pobj" and thing.pos_ == "NOUN":
                return _of_object(thing) or thing
    return None


_WORK = frozenset({"work", "labor", "labour", "service", "services", "performance", "job"})
# What a sum is paid for when it is a penalty: "will pay $750 million for committing the
# felony", "paid $2 million for violating sanctions", "for the fraud".
_WRONGS = frozenset(
    {"felony", "crime", "offence", "offense", "violation", "misconduct", "wrongdoing",
     "fraud", "breach", "misdemeanor", "misdemeanour", "negligence", "bribery"}
)  # fmt: skip
_WRONG_DEEDS = frozenset({"violate", "breach", "break", "defraud", "mislead", "commit"})


def _paid_for_wrong(verb: Token) -> bool:
    """Whether "pay" is "for" a wrong: an offence, or a deed that breaks a rule."""
    for prep in _children(verb):
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for thing in _children(prep):
            if thing.dep_ == "pobj" and thing.lemma_.lower() in _WRONGS:
                return True
            if thing.dep_ in ("pcomp", "pobj") and thing.lemma_.lower() in _WRONG_DEEDS:
                return True
    return False


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
    """A verb and its object naming a concept together: "lost power", "pleaded guilty"."""
    for obj in _children(verb):
        if obj.dep_ in ("dobj", "acomp") and (
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


# Verbs that restate a count as a share of a whole: "2.44 million people, accounting
# for 88 percent of eligible voters, cast their ballots".
_AMOUNTING = frozenset({"account", "represent", "comprise", "constitute", "make"})


def _turned_out(unit: str, noun: Token | None, governor: Token | None) -> bool:
    """A share of the voters who voted is the turnout: "60% of eligible voters cast a
    ballot", "67 percent of registered voters turned out", also where it restates the
    voters counted ("Some 2.44 million people, accounting for some 88.41 percent of the
    country's eligible voters, cast their ballots": the people's verb says they voted)."""
    if (
        governor is not None
        and governor.lemma_.lower() in _AMOUNTING
        and governor.dep_ in ("acl", "relcl")
        and governor.head.dep_ in ("nsubj", "nsubjpass")
    ):
        governor = governor.head.head
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


def _counts_things(found: Concept, noun: Token | None, unit: str, lex: Lexicon) -> bool:
    """A concept of people never measures a count of things that are no people, unless
    the counted noun names it itself: "seven bullets entered Gray's body" counts bullets
    (the body is no death), "86 tackles" no injured, "13 offices" no employees; "two
    counts of murder" are charges by their own noun, "seven customer nations" customers
    by their modifier."""
    if found.unit != "people" or unit_class(unit) != "count" or not _things(noun):
        return False
    return noun is not None and _noun_concept(noun, unit, lex) is not found


def _things(noun: Token | None) -> bool:
    """Whether the counted noun counts things that are no people ("bullets", "offices");
    not "others" or "people", not jobs ("employ 13,000 jobs"), not a noun with a role's
    ending the list of people may lack ("5,000 machinists")."""
    if noun is None or noun.lower_ in _GENERIC or counted_unit(noun) in (None, "people", "jobs"):
        return False
    return not noun.lemma_.lower().endswith(_AGENT_ENDINGS)


def _counts_heads(found: Concept, noun: Token | None, unit: str, lex: Lexicon) -> bool:
    """A concept of things counted never measures a head count, unless the counted noun
    names it itself: "Four men rammed their car" produced no cars, "14,000 people fled
    their homes" damaged no buildings; "lay off 47,000 employees" are jobs, not things."""
    if found.unit in (None, "people", "jobs", "count") or unit_class(found.unit) != "count":
        return False
    if unit_class(unit) != "count" or noun is None:
        return False
    if noun.lower_ not in _GENERIC and counted_unit(noun) != "people":
        return False  # "250 others injured and 800 homes destroyed": the others are people
    return _noun_concept(noun, unit, lex) is not found


# Endings of nouns for people ("machinist", "striker", "operator", "librarian",
# "auctioneer", "detainee", "neighbour", "fireman"): a count of one may be a head count.
_AGENT_ENDINGS = ("ist", "er", "or", "ian", "ee", "our", "man")


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


def _in_state(noun: Token, unit: str, lex: Lexicon) -> Concept | None:
    """The state a disaster left the counted people in, said before their noun: "the two
    wounded men" are injured, "three missing climbers" missing, "the four dead
    soldiers" dead."""
    for child in _children(noun):
        if child.dep_ == "amod" and child.i < noun.i:
            key = _LEFT_STATES.get(child.lower_)
            if key is not None and _fits(lex.concepts[key], unit):
                return lex.concepts[key]
    return None


# Prepositions that tie what was done to a verb's subject to its deed ("after being hurt").
_BEFORE_DEED = frozenset({"after", "since"})


def _after_being(verb: Token, head: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What was done to the people a verb's subject counts, in a passive after "after":
    "five people had received treatment after being injured" counts the injured, "12
    men were released after being held for a week" the detained. Only a deed of a
    disaster or of the law (a concept about a place), and only for people: "lasted 52
    games before being replaced" names no game."""
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head.i != verb.i:
        return None
    if counted_unit(head) not in (None, "people"):
        return None
    for prep in _children(verb):
        if prep.dep_ != "prep" or prep.lower_ not in _BEFORE_DEED:
            continue
        for deed in _children(prep):
            if deed.dep_ != "pcomp" or not any(c.dep_ == "auxpass" for c in _children(deed)):
                continue
            lemma = deed.lemma_.lower()
            hits = (*lex.passive_verbs.get(lemma, ()), *lex.verbs.get(lemma, ()))
            hit = _pick(tuple(c for c in hits if c.subject == "place"), unit)
            if hit is not None and hit.unit == "people":
                return hit
    return None


# Prepositions of where a deed happened: "killed 230,000 people in 13 countries"
_WHERE = frozenset({"in", "across", "throughout", "within"})


def _where_it_happened(noun: Token | None, unit: str) -> bool:
    """Whether the counted things are where the verb's deed happened, not what it was done
    to: the 13 countries of "killed 230,000 people in 13 countries" are no dead."""
    return (
        noun is not None
        and unit_class(unit) == "count"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _WHERE
    )


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


def _counts_quakes(noun: Token | None) -> bool:
    """Whether the figure counts quakes ("five more small quakes"): what "measuring"
    says of them is their magnitude, not the count's."""
    return noun is not None and noun.tag_ == "NNS" and noun.lemma_.lower() in _QUAKES


def _quake_magnitude(anchor: Token, noun: Token | None) -> bool:
    """Whether the number is a quake's magnitude: printed after "magnitude" ("magnitude
    7.0") or before "on the Richter scale", or with one decimal before the quake it
    measures ("a strong 7.9 earthquake", "a 6.7-strength quake") or after it ("aftershocks
    of around 4.0")."""
    doc = anchor.doc
    before = doc[anchor.i - 1] if anchor.i > 0 else None
    if before is not None and before.lower_ == "magnitude":
        return True
    following = doc[anchor.i + 1 : anchor.i + 8].text.lower()
    scale_words = noun is None or noun.lemma_.lower() in ("degree", "point", "magnitude")
    if scale_words and "richter" in following.split(".")[0]:
        return True  # "aftershocks varying from 2.8 to 3.8 degrees on the Richter scale"
    if re.fullmatch(r"\d\.\d", anchor.text) is None:
        return False
    if re.match(r"-?\s*strength\b", following):
        return True  # "a 6.7-strength quake"
    after = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    named = [t for t in (noun, after) if t is not None]
    if any(t.lemma_.lower() in _QUAKES or t.lower_ in _QUAKES for t in named):
        return True
    # "at least four aftershocks of around 4.0", "a quake of 5.6"
    of = anchor.head if anchor.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.lemma_.lower() in _QUAKES


def _new(noun: Token) -> bool:
    """Whether the counted noun is said to be new ("44,000 new positions")."""
    return any(c.dep_ == "amod" and c.lower_ == "new" for c in noun.children)


# Concepts that count things bought or made, never people or acts: "police ordered 300
# people to leave" and "accused of ordering four murders" order nothing.
_GOODS = frozenset({"orders", "recalls"})
_ACTS = frozenset(
    {"murders", "attacks", "strikes", "raids", "arrests", "executions", "evacuations",
     "investigations", "inquiries", "reviews", "tests", "searches", "assassinations"}
)  # fmt: skip


def _measures_no_count(concept: Concept, noun: Token | None) -> bool:
    """A physical measure is never a count of things the copy names ("six carries")."""
    return (
        noun is not None
        and concept.unit is not None
        and unit_class(concept.unit) == "measure"
        and unit_class(counted_unit(noun)) == "count"
    )


def _counts_other(concept: Concept, noun: Token | None) -> bool:
    """A verb's concept counted in its own things cannot count another noun: "held two
    referendums" are no seats, "taking three points" no seats either."""
    if noun is not None and concept.key in _GOODS:
        counted = counted_unit(noun) or plural(noun.lemma_.lower())
        return counted == "people" or counted in _ACTS or counted.endswith("ings")
    if noun is None or concept.unit is None or concept.unit in ("people", "count"):
        return False
    if unit_class(concept.unit) != "count":
        return False
    counted = counted_unit(noun) or plural(noun.lemma_.lower())
    return counted not in (concept.unit, "people")


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


# Words that may stand between a tally and its number: "the death toll more than 2200",
# "the toll now at 157", "the death toll stood at 120".
_TALLY_GAP = frozenset(
    {"more", "than", "at", "of", "now", "is", "was", "stood", "stands", "over", "nearly",
     "about", "around", "almost", "some", "rose", "to", "reached", "climbed", "had"}
)  # fmt: skip


def _tally_before(tokens: TokenSpan, unit: str, lex: Lexicon) -> Concept | None:
    """A bare number whose parse names nothing, right after a tally the lexicon knows
    ("with the death toll more than 2200"): what the tally counts."""
    doc = tokens.doc
    i = tokens.start - 1
    sentence_start = tokens[0].sent.start
    while i >= sentence_start and doc[i].lower_ in _TALLY_GAP and tokens.start - i <= 4:
        i -= 1
    if i < sentence_start or doc[i].pos_ != "NOUN":
        return None
    found = _noun_concept(doc[i], unit, lex)
    return found if found is not None and doc[i].lemma_.lower() in _TALLY_NOUNS else None


_TALLY_NOUNS = frozenset({"toll", "count", "tally", "number", "total"})


def _argument_concept(governor: Token, head: Token, unit: str, lex: Lexicon) -> Concept | None:
    """ "the death toll rose to 157": the governing verb's other nouns name the measure."""
    if governor.pos_ == "NOUN":  # "a death toll of 120"
        return _noun_concept(governor, unit, lex)
    for child in _children(governor):
        if child.dep_ in ("acomp", "oprd") and (
            word := _pick(lex.nouns.get(child.lemma_.lower()), unit)
        ):
            return word  # "719 people are dead", "150,000 people are confirmed dead"
        if (
            child.dep_ == "acomp"
            and child.lower_ == "eligible"
            and any(c.lemma_.lower() == "vote" for c in child.children)
        ):
            return _pick((lex.concepts["registered_voters"],), unit)  # "eligible to vote"
        if child.i == head.i or child.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue
        if child.dep_ == "nsubj" and governor.lemma_.lower() in _ONLY_TELLING:
            continue  # "15 people, police said in update 5": who tells is not what is counted
        if (found := _those_done_to(governor, child, unit, lex)) is not None:
            return found  # "The apprehended included 12 Somalis"
        if child.pos_ in ("NOUN", "PROPN") and (found := _noun_concept(child, unit, lex)):
            if found.key in GROUPS and head.dep_ == "dobj" and child.dep_ == "nsubj":
                continue  # "Officers freed seven people": the officers did it, no count
            return found
    if governor.lemma_ == "be" and governor.dep_ in ("xcomp", "ccomp", "advcl"):
        # "forecast the automaker's losses to be over $6.7 billion": the raised object
        for child in _children(governor.head):
            if child.dep_ == "dobj" and (found := _noun_concept(child, unit, lex)):
                return found
    return None


# Verbs that say who makes up a group: "The apprehended included 12 Somalis".
_MAKING_UP = frozenset({"include", "number", "total", "comprise", "be"})


def _those_done_to(governor: Token, subject: Token, unit: str, lex: Lexicon) -> Concept | None:
    """A participle standing for the people a deed was done to, as the subject of a verb
    saying who they were: "The apprehended included 12 Somalis" counts the detained,
    "the evacuated numbered 3,000" the evacuated."""
    if subject.dep_ != "nsubj" or subject.tag_ != "VBN" or governor.lemma_ not in _MAKING_UP:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    hit = _pick(lex.verbs.get(subject.lemma_.lower()), unit)
    return hit if hit is not None and hit.unit == "people" else None


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
    if governor is not None and _holding(governor, noun):
        return "stake"  # "will be owned 55 percent by the union", "bought 6% of Chrysler"
    if noun is not None and noun.lemma_.lower() in ("share", "stake"):
        whole = _of_object(noun) if noun.lemma_.lower() == "share" else None
        if whole is not None and whole.pos_ == "NOUN" and _open_key(whole) is not None:
            return f"{whole.lower_}_share"  # "a 29.8% share of the audience": no holding
        return "stake"  # "a ten percent share in the company": a holding of it
    if noun is not None and _open_key(noun) is not None:
        return f"{noun.lower_}_share"  # as printed: "production", not "productions"
    if governor is None or governor.pos_ != "VERB":
        return None
    objects = [t for t in governor.children if t.dep_ == "dobj" and t.pos_ == "NOUN"]
    return _cut_or_raise(governor, objects[0]) if objects else None


# Verbs that own, or change hands of, part of a company; nouns of such a part; nouns
# of a company the part may be "of".
_HOLDING_VERBS = frozenset(
    {"own", "hold", "retain", "keep", "control", "buy", "purchase", "acquire", "sell"}
)
_HOLDINGS = frozenset({"stake", "holding", "shareholding", "ownership"})
_COMPANIES = frozenset(
    {"company", "firm", "business", "group", "automaker", "carmaker", "bank", "airline",
     "carrier", "maker", "subsidiary", "venture", "operator", "insurer", "lender"}
)  # fmt: skip


def _holding(verb: Token, noun: Token | None) -> bool:
    """Whether a share a verb takes is a holding in a company: of a company ("intends to
    purchase the six percent of automaker Chrysler", "bought 20 percent of the firm"), by
    an owner ("will be owned 55 percent by the union"), of a holding the verb changes
    ("has increased its holding to 46 percent") or the sentence sells ("sold 80.1% of
    its stake, retaining the other 19.9%"). Never a share of other things ("holds 45
    percent of the seats")."""
    if verb.pos_ != "VERB":
        return False
    if any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _HOLDINGS for c in verb.children
    ):
        return True  # "increased its holding to 46 percent"
    if verb.lemma_.lower() not in _HOLDING_VERBS:
        return False
    if noun is not None:
        return noun.pos_ == "PROPN" or noun.lemma_.lower() in _COMPANIES
    if any(c.dep_ == "agent" for c in verb.children):
        return True  # "owned 55 percent by the United Auto Workers"
    return any(t.lemma_.lower() in _HOLDINGS for t in verb.sent)


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


# Concepts whose figure is about whom the deed is done to: the one fined or sentenced.
_DONE_TO = frozenset({"fine", "sentence", "bail", "transfer_fee"})
