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

This module is the reading driver; its rules live by concern: ``naming.py`` (the words
that name a concept), ``money.py`` (money, shares, markets), ``people.py`` (people
harmed, held or housed; heads against things), ``contests.py`` (sport, votes, polls) and
``quakes.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from service.ingest.figures.amounts import measure_key, measure_noun, offered_at
from service.ingest.figures.contests import (
    RESULTS,
    error_margin,
    game_points,
    measures_no_count,
    polled,
    too_brief_for_power,
    turned_out,
)
from service.ingest.figures.lexicon import (
    GROUPS,
    UNIT_WORDS,
    Concept,
    Lexicon,
    counted_unit,
    currency_nouns,
    fits,
    lexicon,
    pick,
    unit_class,
)
from service.ingest.figures.markets import (
    commodity_price,
    market_in_view,
    market_level,
    market_move,
    market_of,
    share_price_level,
)
from service.ingest.figures.money import (
    CHANGES,
    MARKET_CONCEPTS,
    OWN_RESULTS,
    PER_UNIT,
    currency_priced,
    expected_against,
    in_concept,
    is_level,
    object_concept,
    own_currency,
    per_share_concept,
    ratio_base,
    received,
    restated_per_share,
    share_key,
)
from service.ingest.figures.naming import (
    TELLING,
    argument_concept,
    light_verb_concept,
    noun_concept,
    object_phrase,
    open_key,
    reached_by,
    repeated_event,
    tallied,
    tally_before,
    verb_concept,
    verb_decides,
)
from service.ingest.figures.participants import patients_of, source_of, subject_tokens
from service.ingest.figures.people import (
    DONE_TO,
    after_being,
    by_agent,
    can_take,
    counts_heads,
    counts_no_people,
    counts_other,
    counts_things,
    deed_to_come,
    does_it_to_others,
    done_to,
    in_state,
    left_in_state,
    lives_there,
    needs_its_verb,
    new,
    not_staff,
    stated_age,
    where_it_happened,
)
from service.ingest.figures.properties import election_story
from service.ingest.figures.quakes import counts_quakes, quake_magnitude
from service.ingest.figures.tree import (
    char_span_of,
    children_of,
    counted_noun,
    governor_of,
    is_passive,
    part_of,
)
from service.ingest.model import Span


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
    amounts = [t for t in tokens if t.lower_ in UNIT_WORDS]  # "dozens of demonstrators"
    anchor = numbers[-1] if numbers else amounts[0] if amounts else tokens[-1]
    after = doc[anchor.i + 1] if anchor.i + 1 < len(doc) else None
    if after is not None and after.ent_iob_ == "B" and after.ent_type_ == "PERSON":
        return Reading(None, False, labels_person=True)
    lex = lexicon()
    noun = counted_noun(anchor, tokens.end)
    if noun is None and _range_end(anchor, tokens):
        # "between 3,000 and 5,000 Internet routes": the high end is parsed as joined to
        # the low one, which counts the noun for both
        noun = counted_noun(anchor.head, tokens.end)
    if noun is None and (person := stated_age(anchor)) is not None:
        # "He was 95 and lived in Santa Rosa", "Smith is 42": a person's age
        return Reading("age", True, (char_span_of(person),))
    if unit_class(unit) == "percent" and noun is not None and ratio_base(noun):
        noun = None  # "a deficit of 5.1% of GDP": measured against output, not its growth
    head = noun if noun is not None else anchor
    governor = governor_of(anchor if part_of(anchor, noun) else head)
    subjects = subject_tokens(noun, governor, head)
    found: Concept | None = None
    expected = expected_against(anchor, governor) if unit_class(unit) == "money" else None
    if unit_class(unit) == "money" and (per_share := per_share_concept(anchor, tokens.end)):
        found = per_share
    elif expected is not None:
        # "$1.14 per share, while Wall Street expected just 77 cents": the company's, as
        # the $1.14 is, not Wall Street's
        told, found = expected
        subjects = subject_tokens(None, governor_of(told), told)
    elif noun is not None and not own_currency(noun, tokens):
        # "lend Greece billions of euros": the currency names no concept, the verb does
        found = _counted_noun_concept(noun, governor, unit, lex)
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
    if found is None and unit_class(unit) == "money" and commodity_price(head, noun):
        found = lex.concepts["price"]  # "Light crude was down $1.40 to $64.20": the $64.20
    if quake_magnitude(anchor, noun):
        found = lex.concepts["magnitude"]  # "a strong 7.9 earthquake", "magnitude 7.0"
    verb_found = _governing_verb_concept(noun, head, governor, unit, lex, moved=move is not None)
    level = is_level(head, governor, lex)
    if level and verb_found is not None and verb_found.key in CHANGES:
        verb_found = None
    if level and governor is not None and (measured := object_concept(governor, unit, lex)):
        found, verb_found = measured, None  # "raised prices to $10": a price
    if verb_found is not None and verb_found.key in CHANGES and governor is not None:
        # "consumer prices rose 2.4%": a rise of prices is the inflation rate
        measured = argument_concept(governor, head, unit, lex)
        if measured is not None and measured.key == "inflation":
            verb_found = measured
    if verb_found is None and governor is not None:
        verb_found = left_in_state(governor, head, unit, lex)  # "left 1,200 people dead"
    if verb_found is None and governor is not None:
        verb_found = after_being(governor, head, unit, lex)  # "treated after being hurt"
    if verb_found is None and governor is not None:
        verb_found = deed_to_come(governor, head, unit, lex)  # "had to be evacuated"
    if verb_found is None and noun is not None:
        verb_found = in_state(noun, unit, lex)  # "the two wounded men"
    # What happened to a group beats the group's name ("300 protesters were arrested"),
    # but a verb never renames a group ("seven candidates took part").
    if verb_found is None and noun is not None and governor is not None:
        verb_found = light_verb_concept(governor, noun, lex)
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
            found = noun_concept(governor.head, unit, lex)  # "a deal worth $26bn"
        found = found or pick(lex.nouns.get(governor.lemma_.lower()), unit)  # "95% effective"
    if found is None and unit_class(unit) == "money" and PER_UNIT.match(doc.text, span.end):
        found = lex.concepts["price"]  # "$85 a barrel", "$2,400 an ounce"
    if governor is not None and can_take(governor, noun, ranged=len(numbers) > 1):
        found = lex.concepts["capacity"]  # "an aircraft that can carry up to 840 people"
    if turned_out(unit, noun, governor):
        found = lex.concepts["turnout"]  # "60% of eligible voters cast a ballot"
    if found is None and governor is not None:
        found = argument_concept(governor, head, unit, lex)
        if found is not None and found.unit == "jobs" and counts_other(found, noun):
            found = None  # "44,000 positions at 300 suppliers": the suppliers are no jobs
        if found is not None and unit == "count" and measures_no_count(found, noun):
            found = None  # "30 yards on six carries": the carries are no distance
        if found is not None and found.key == "exchange_rate" and not currency_priced(doc, tokens):
            found = None  # "receive 2 billion euros": the amount's own currency word
    if found is None and unit_class(unit) == "money":
        found = in_concept(anchor, head, governor, unit, lex)
    if found is None and unit_class(unit) == "money" and governor is not None:
        found = received(governor, head, unit, lex)  # "Chrysler will receive CA$1 billion"
    if found is None and unit_class(unit) == "money":
        found = restated_per_share(tokens.end, doc)  # "gained $704 million, or 15 cents a share"
    if found is None and unit_class(unit) == "money" and offered_at(anchor, governor):
        found = lex.concepts["price"]  # "The 13-inch models start at $1,199"
    measure = measure_noun(anchor, head, governor) if unit_class(unit) == "money" else None
    if found is None and measure is not None:
        found = noun_concept(measure, unit, lex)  # "at prices ranging from $500 to $550"
    if found is None and noun is None:
        found = tally_before(tokens, unit, lex)  # "with the death toll more than 2200"
    if found is None and lives_there(noun, governor):
        found = lex.concepts["population"]  # "a town of 15,000 people", "home to 120,000"
    if found is not None and found.key in DONE_TO:
        # a fine is the fined party's, not the court's: "fined Google 500 million euros"
        patients = [
            t for t in patients_of(tokens, head, governor) if t.pos_ in ("PROPN", "PRON", "NOUN")
        ]
        subjects = [*patients, *(t for t in subjects if t not in patients)]
    if (
        found is not None
        and found.key == "index_level"
        and (noun is None or noun.lemma_.lower() != "point")
        and not market_in_view(anchor)
    ):
        found = None  # "14 points and six rebounds": the rebounds are no index's
    if found is not None and found.key == "exchange_rate" and not currency_priced(doc, tokens):
        found = None  # "paid 100 million euros": the amount's own currency word
    if found is not None and found.key in MARKET_CONCEPTS and (market := market_of(head)):
        # "the Dow Jones, which fell ... to below 9,000": the index's level, not nobody's
        subjects = [market, *(t for t in subjects if t.i != market.i)]
    source = source_of(governor)
    if source is not None and not (found is not None and found.key in OWN_RESULTS):
        subjects = [t for t in subjects if t.i != source.i]
    # a common noun with its adjectives: "American employers" are the country's
    spans = tuple(char_span_of(t, describing=t.pos_ == "NOUN") for t in subjects)
    source_span = char_span_of(source, describing=True) if source is not None else None
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
            (c for c in lex.verbs.get(lemma, ()) if c.key != "vote_share" and fits(c, unit)),
            None,
        )
    if found is not None and too_brief_for_power(found, unit):
        found = None  # "can run for up to eight hours on a charge": a plain duration
    if (
        found is not None
        and found.key == "appearances"
        and governor is not None
        and governor.lemma_.lower() in RESULTS
    ):
        # "Philadelphia won 18 of its next 23 games": games won are wins, not appearances
        return Reading(RESULTS[governor.lemma_.lower()], False, spans, source_span, counted)
    if error_margin(noun):
        found = lex.concepts["margin_of_error"]  # "a 3.1 percent margin of error": no vote
    elif found is None and counted == "people" and polled(head, governor):
        found = lex.concepts["participants"]  # "The poll of 1,000 people", "a survey of 2,400"
    if found is not None and counts_things(found, noun, unit, lex):
        found = None  # "seven bullets entered his body": bullets, no deaths
    if found is not None and counts_heads(found, noun, unit, lex):
        found = None  # "Four men rammed their car into a store": no cars produced
    own = _own_clause(governor, anchor)
    if unit == "times" and (event := repeated_event(anchor, lex)) is not None:
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
        key = share_key(anchor, noun, governor, tokens.end)
        if level and key is not None and key.endswith(("_cuts", "_increase")):
            key = None  # "raised rates to 50%": where they went, not by how much
    elif kind == "duration":
        if _BEHIND.match(doc.text, span.end):
            # "delivered 18 months behind schedule", "two years late": how late
            return Reading("delay", True, spans, source_span, counted, own_clause=own)
        key = "duration"
    else:
        named_money = noun is not None and noun.lemma_.lower() in currency_nouns()
        # "millions of dollars": the currency is the unit, not what the sum is of
        key = _DIMENSIONS.get(unit) or (None if named_money else open_key(noun))
        if key is None and measure is not None:
            key = measure_key(measure)  # "declared assets of $82 billion"
        if key is None and noun is None and kind == "count" and governor is not None:
            key = open_key(tallied(governor, head))  # "the number of passengers rose to 70m"
        if key is None and noun is None and kind == "count" and governor is not None:
            key = open_key(reached_by(governor, head))  # "sales will exceed 700"
    if (
        key is not None
        and kind == "count"
        and counted == "people"
        and governor is not None
        and is_passive(governor)
        and not by_agent(head, governor)
    ):
        # "Five Panamanian players were booked": what was done to them, not who they are
        key = governor.lower_ if governor.lower_.isalpha() else key
    things = kind == "count" and counts_no_people(noun)
    return Reading(
        key, False, spans, source_span, counted, level=level, own_clause=own, things=things
    )


def _counted_noun_concept(
    noun: Token, governor: Token | None, unit: str, lex: Lexicon
) -> Concept | None:
    """What the counted noun names, as its verb and its neighbours decide: "scored 21
    points" are goals, "build 300,000 new homes" are no homes destroyed, "44,000 new
    positions" are jobs created, "a depth of 2.7 miles" a depth."""
    found = noun_concept(noun, unit, lex)
    if found is not None and governor is not None:
        found = verb_decides(found, noun, governor, unit, lex)
    if found is not None and needs_its_verb(found, noun) and not done_to(found, noun, lex):
        found = None  # "build 300,000 new homes": homes, not homes destroyed
    if (
        found is not None
        and found.key == "registered_voters"
        and governor is not None
        and governor.lemma_.lower() == "turnout"
    ):
        found = lex.concepts["voters"]  # "a turnout of around 2 million voters"
    if found is not None and found.key == "job_cuts" and new(noun):
        found = lex.concepts["jobs_created"]  # "promising 44,000 new positions"
    if (
        found is not None
        and found.key == "distance"
        and governor is not None
        and governor.pos_ == "NOUN"
        and (measured := noun_concept(governor, unit, lex)) is not None
        and unit_class(measured.unit) == "measure"
    ):
        found = measured  # "had a depth of 2.7 miles": the unit's word names no measure
    if found is not None and found.key == "index_level" and not market_in_view(noun):
        found = game_points(noun, governor, unit, lex)  # "had 14 points and six rebounds"
    return found


def _governing_verb_concept(
    noun: Token | None,
    head: Token,
    governor: Token | None,
    unit: str,
    lex: Lexicon,
    *,
    moved: bool,
) -> Concept | None:
    """What the verb (or event noun) governing the figure names, unless the figure is a
    market's move, counts where the deed happened ("killed 230,000 people in 13
    countries") or who did it to others ("two crashes killed 102 people"), or counts
    things the verb's concept cannot measure ("Netflix lost 200,000 subscribers")."""
    if governor is None or moved or where_it_happened(noun, unit):
        return None
    verb_found = verb_concept(governor, unit, lex)
    if verb_found is not None and (
        counts_other(verb_found, noun)
        or (
            does_it_to_others(head, governor)
            and object_phrase(governor, governor.lemma_.lower(), unit, lex) is None
        )
    ):
        verb_found = None
    if verb_found is not None and verb_found.key == "transfer_fee":
        # "signed a deal for a further US$7 billion": what was signed names it, when that
        # names a measure (a player signed for a fee names none)
        signed = [c for c in children_of(governor) if c.dep_ == "dobj"]
        named = next((f for c in signed if (f := noun_concept(c, unit, lex))), None)
        verb_found = named or verb_found
    if (
        verb_found is not None
        and unit == "count"
        and (verb_found.key == "rank" or governor.pos_ == "NOUN")
        and measures_no_count(verb_found, noun)
    ):
        # "30 yards on six carries": the carries are no distance; "finished with nine
        # rebounds": no place in a ranking
        verb_found = None
    if verb_found is not None and verb_found.unit == "jobs" and not_staff(noun):
        verb_found = None  # "Netflix lost 200,000 subscribers": no jobs lost
    if verb_found is not None and verb_found.key == "magnitude" and counts_quakes(noun):
        verb_found = None  # "Five more small quakes measuring between 1.0 and 1.9"
    if verb_found is not None and verb_found.key == "seats" and counted_unit(noun) == "people":
        return None  # "Police held 300 people overnight": people are held, seats won
    return verb_found


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


def _own_clause(governor: Token | None, anchor: Token) -> bool:
    """Whether the figure's verb has a named subject of its own and no verb of telling
    before it in the sentence takes it ("Toyota reported a 32% drop, Nissan Motors dropped 30%": the
    parse may even hang "reported" under "dropped")."""
    if governor is None or governor.pos_ != "VERB":
        return False
    subjects = [c for c in children_of(governor) if c.dep_ == "nsubj"]
    if not any(t.pos_ == "PROPN" for c in subjects for t in c.subtree):
        return False
    # Only a cue before the figure: one after it ("Tokaev received 70.96 per cent, the
    # commission said") covers the whole sentence, however the parse hangs it.
    sentence = anchor.sent
    telling = [
        t for t in sentence if t.i < anchor.i and t.pos_ == "VERB" and t.lemma_.lower() in TELLING
    ]
    if any(t.i > anchor.i and t.lemma_.lower() in TELLING for t in sentence):
        return False
    covering = [t for t in telling if t.left_edge.i <= anchor.i <= t.right_edge.i]
    return bool(telling) and not covering


# How late something is: "18 months behind schedule", "two years late"
_BEHIND = re.compile(r"\s+(?:behind\s+(?:schedule|time)|late|overdue)\b")
