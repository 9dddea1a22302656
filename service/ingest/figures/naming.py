"""The words that name what a figure measures: the counted noun with its modifiers, the
governing verb with its particle, object or preposition, the verb's other arguments
("the death toll rose to 157"), a tally just before a bare number, and, where the
lexicon names nothing, the counted noun itself as an open key ("300 flights" -> flights).
The reading driver (``concepts.py``) decides between them.
"""

from __future__ import annotations

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.figures.lexicon import (
    GENERIC,
    GROUPS,
    Concept,
    Lexicon,
    counted_unit,
    fits,
    pick,
    plural,
)
from service.ingest.figures.trades import cost_borne, sales_total, sells_a_holding
from service.ingest.figures.tree import children_of, clause_verb, is_passive, of_object

# Verbs too light to name anything by themselves.
_LIGHT_VERBS = frozenset(
    {"be", "have", "say", "make", "do", "put", "give", "include", "reach", "stand", "see",
     "report", "tell", "add", "bring", "become", "remain", "come", "show", "leave"}
)  # fmt: skip


# Verbs of telling whose clause's cue covers only what they take.
TELLING = frozenset(
    {"say", "report", "announce", "tell", "state", "add", "note", "claim", "confirm",
     "disclose", "reveal", "post"}
)  # fmt: skip


# The verbs of telling that give no figure of their own ("shares added 26 cents",
# "posted a loss" do): their subject tells, it is never what a number counts.
_ONLY_TELLING = TELLING - {"add", "post"}


# Particles of compound nouns copy may write apart ("bail out", "buy out", "shut down"),
# and the adverbs the parse gives a phrasal verb for its particle ("walked out", "laid off").
_PARTICLES = frozenset({"out", "off", "down", "up"})


def noun_concept(noun: Token, unit: str, lex: Lexicon) -> Concept | None:
    """The counted noun, with its compound or adjective ("death toll", "net profit")."""
    if noun.lower_ in GENERIC:
        return None
    if (
        noun.lemma_.lower() in _HOW_MANY
        and noun.tag_ not in ("NNS", "NNPS")  # "two counts of murder" are charges
        and (counted := of_object(noun)) is not None
    ):
        return noun_concept(counted, unit, lex)  # "the number of cholera cases rose to"
    modifiers = [
        c for c in children_of(noun) if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
    ]  # "a magnitude 7.4 earthquake": "magnitude" is a noun modifier
    for modifier in reversed(modifiers):
        phrase = f"{modifier.lemma_.lower()} {noun.lemma_.lower()}"
        if (hit := pick(lex.nouns.get(phrase), unit)) is not None:
            return hit
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is not None and after.lower_ in _PARTICLES:
        # a compound noun written apart: "a $700 billion bail out" is a bailout, no bail
        joined = pick(lex.nouns.get(noun.lemma_.lower() + after.lower_), unit)
        if joined is not None:
            return joined
    words = (noun.lemma_.lower(), noun.lower_)
    if noun.tag_ in ("NNS", "NNPS"):
        words = words[::-1]  # a plural of its own before its singular: "cut its costs"
    for word in words:
        if (hit := pick(lex.nouns.get(word), unit)) is not None:
            return hit
    if noun.lemma_.lower() in lex.nouns:
        return None  # "two extra life sentences": sentences, whatever "life" names alone
    for modifier in reversed(modifiers):  # "the 6.4-magnitude quake", "a 1.5bn euro charge"
        if (hit := pick(lex.nouns.get(modifier.lemma_.lower()), unit)) is not None:
            return hit
    return None


# Nouns that only say "how many" of what follows "of".
_HOW_MANY = frozenset({"number", "total", "tally", "count"})


def verb_decides(found: Concept, noun: Token, governor: Token, unit: str, lex: Lexicon) -> Concept:
    """A noun of several concepts is the one its verb names: "scored 21 points" are goals,
    "winning three points" points in a table."""
    lemma = governor.lemma_.lower()
    particle = next((c.lower_ for c in children_of(governor) if c.dep_ == "prt"), None)
    verbs = {lemma, f"{lemma} {particle}"} if particle else {lemma}
    for concept in lex.nouns.get(noun.lemma_.lower(), ()):
        if fits(concept, unit) and any(concept in lex.verbs.get(v, ()) for v in verbs):
            return concept
    return found


def verb_concept(verb: Token, unit: str, lex: Lexicon) -> Concept | None:
    """What the governing verb names; a governing noun of an event counts as one
    ("detentions of hundreds of protesters", "the arrest of 12 people")."""
    if verb.pos_ == "NOUN":
        lemma = verb.lemma_.lower()
        compounds = [c.lemma_.lower() for c in verb.children if c.dep_ == "compound"]
        # "a transfer fee of 80 million pounds": the compound names it before the noun
        hit = pick(lex.nouns.get(f"{compounds[-1]} {lemma}"), unit) if compounds else None
        hit = hit or pick(lex.nouns.get(lemma), unit)
        if hit is not None and (clause := clause_verb(verb)) is not None:
            hit = verb_decides(hit, verb, clause, unit, lex)  # "joined X for a fee of ..."
        return hit if hit is not None and hit.key not in GROUPS else None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _LIGHT_VERBS:
        return None
    particle = next(
        (
            c.lower_
            for c in children_of(verb)
            if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES)
        ),
        None,
    )
    lemma = verb.lemma_.lower()
    if lemma == "pay" and verb.head.lemma_.lower() == "order":
        lemma = "order to pay"  # "a jury ordered Johnson & Johnson to pay $45 million"
    if lemma == "cost" and (borne := cost_borne(verb)) is not None:
        lemma = borne  # "delays have cost Airbus $6 billion": a cost, no price
    if lemma == "sell" and sells_a_holding(verb):
        lemma = "sell holding"  # "Intel sold its chip unit to Marvell for $600 million"
    if sales_total(verb):
        lemma = "sell in all"  # "sold 13.7 million Macs, totaling $22 billion": takings
    if is_passive(verb) and (hit := pick(lex.passive_verbs.get(lemma), unit)) is not None:
        return hit
    if particle and (hit := pick(lex.verbs.get(f"{lemma} {particle}"), unit)) is not None:
        return hit
    if particle and f"{lemma} {particle}" in _IDIOMS:
        return None  # "He wound up with 20": no one was wounded
    if (hit := _manner_phrase(verb, lemma, unit, lex)) is not None:
        return hit  # "fatally shot two men": deaths
    if (hit := object_phrase(verb, lemma, unit, lex)) is not None:
        return hit  # "2.6 million homes lost power"
    for prep in children_of(verb):  # "went on strike", "walked off the job"
        if prep.dep_ == "prep":
            for obj in children_of(prep):
                # a person named there stands as "player": "paid £64 million for Hojlund"
                word = "player" if obj.ent_type_ == "PERSON" else obj.lemma_.lower()
                phrase = f"{lemma} {prep.lower_} {word}"
                if obj.dep_ == "pobj" and (hit := pick(lex.verbs.get(phrase), unit)):
                    return hit
    if lemma == "pay" and _paid_for_wrong(verb):
        return pick(lex.verbs.get("order to pay"), unit)  # "pay $750 million for committing"
    thing = paid_for(verb) if lemma == "pay" else None
    if lemma == "pay" and _pays_a_person(verb) and (thing is None or _deed(thing)):
        # "paid him $4 million a year", "she was paid $5 million for writing the show"
        return pick(lex.verbs.get("pay for work"), unit)
    if lemma == "pay" and thing is not None:
        # "Ford will pay $57 million for a 72.4 percent stake": a price; "I was paid $316
        # for two weeks of work": pay
        paid = "pay for work" if thing.lemma_.lower() in WORK else "pay for"
        return pick(lex.verbs.get(paid), unit)
    if (hit := pick(lex.verbs.get(lemma), unit)) is not None:
        return hit
    # The lemmatizer misreads some forms ("fined" -> "fin"): the printed form's stem
    word = verb.lower_
    stem = word[:-1] if word.endswith(("ed", "es")) else word
    return pick(lex.verbs.get(stem), unit) if stem != lemma else None


def repeated_event(anchor: Token, lex: Lexicon) -> str | None:
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
    objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
    if lemma in _DOING_VERBS:
        nouns = [o for o in objects if o.pos_ == "NOUN" and o.lemma_.isalpha()]
        return plural(nouns[0].lemma_.lower()) if nouns else None
    particle = next((c.lower_ for c in children_of(verb) if c.dep_ == "prt"), None)
    phrases = [f"{lemma} {o.lemma_.lower()}" for o in objects]
    phrases += [  # "spoken by phone"
        f"{lemma} {prep.lower_} {obj.lemma_.lower()}"
        for prep in children_of(verb)
        if prep.dep_ in ("prep", "agent")
        for obj in children_of(prep)
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


# Phrasal verbs that mean nothing their verb does ("wound up" is ended up, not injured;
# "shot up" rose): the bare verb's concept never applies to them.
_IDIOMS = frozenset({"wound up", "wind up", "shoot up"})


def paid_for(verb: Token) -> Token | None:
    """The thing "pay" is "for" ("pay $57 million for a stake"), past "weeks of" ("for two
    weeks of work"); None for a deed ("paid $3 million for directing the film")."""
    for prep in children_of(verb):
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for thing in children_of(prep):
            if thing.dep_ == "pobj" and thing.pos_ == "NOUN":
                return of_object(thing) or thing
    return None


WORK = frozenset({"work", "labor", "labour", "service", "services", "performance", "job"})


# Pronouns of a person: "paid him", "she was paid" (not "them", "we": a firm or a state).
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me", "you"})


def _pays_a_person(verb: Token) -> bool:
    """Whether "pay" goes to a person, named or a pronoun, and the sum is "in" nothing
    that names it: what a person is paid is pay for work ("the club paid him $4 million a
    year", "she was paid $5 million"); "paid him $40,000 in bribes" is the bribes, "paid
    Daewoo $51 million" (a company) a price, "paid $3 million for debts" nobody's pay."""
    payees = [c for c in children_of(verb) if c.dep_ in ("dative", "nsubjpass")]
    if not any(t.ent_type_ == "PERSON" or t.lower_ in _PERSON_PRONOUNS for t in payees):
        return False
    sums = [c for c in children_of(verb) if c.dep_ == "dobj"]
    return not any(
        prep.lower_ == "in" and prep.dep_ == "prep"
        for token in (verb, *sums)
        for prep in children_of(token)
    )


def _deed(thing: Token) -> bool:
    """A deed the parse reads as a noun after "for": "for writing and producing the show",
    "for co-writing" (no "the writing"), which is work, not a thing bought."""
    return thing.lower_.endswith("ing") and not any(c.dep_ == "det" for c in thing.children)


# What a sum is paid for when it is a penalty: "will pay $750 million for committing the
# felony", "paid $2 million for violating sanctions", "for the fraud".
_WRONGS = frozenset(
    {"felony", "crime", "offence", "offense", "violation", "misconduct", "wrongdoing",
     "fraud", "breach", "misdemeanor", "misdemeanour", "negligence", "bribery"}
)  # fmt: skip


_WRONG_DEEDS = frozenset({"violate", "breach", "break", "defraud", "mislead", "commit"})


def _paid_for_wrong(verb: Token) -> bool:
    """Whether "pay" is "for" a wrong: an offence, or a deed that breaks a rule."""
    for prep in children_of(verb):
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for thing in children_of(prep):
            if thing.dep_ == "pobj" and thing.lemma_.lower() in _WRONGS:
                return True
            if thing.dep_ in ("pcomp", "pobj") and thing.lemma_.lower() in _WRONG_DEEDS:
                return True
    return False


def _manner_phrase(verb: Token, lemma: str, unit: str, lex: Lexicon) -> Concept | None:
    """A verb and the adverb that says how it ended naming a concept together: "officers
    fatally shot two men" and "two people were fatally stabbed" count deaths, where the
    bare verb names none (a shooting may wound). The parse may hang the adverb on another
    adverb of the verb: "shot one man fatally right away"."""
    for adverb in children_of(verb):
        if adverb.dep_ != "advmod":
            continue
        for word in (adverb, *(c for c in adverb.children if c.dep_ == "advmod")):
            if (hit := pick(lex.verbs.get(f"{lemma} {word.lower_}"), unit)) is not None:
                return hit
    return None


def object_phrase(verb: Token, lemma: str, unit: str, lex: Lexicon) -> Concept | None:
    """A verb and its object naming a concept together: "lost power", "pleaded guilty"."""
    for obj in children_of(verb):
        if obj.dep_ in ("dobj", "acomp") and (
            hit := pick(lex.verbs.get(f"{lemma} {obj.lemma_.lower()}"), unit)
        ):
            return hit
    return None


def light_verb_concept(verb: Token, noun: Token, lex: Lexicon) -> Concept | None:
    """A light verb names a concept only with that concept's own things: "employers added
    275,000 jobs" (but "he added" alone says nothing)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LIGHT_VERBS:
        return None
    counted = counted_unit(noun)
    for concept in lex.verbs.get(verb.lemma_.lower(), ()):
        if concept.unit is not None and concept.unit == counted:
            return concept
    return None


# Words that may stand between a tally and its number: "the death toll more than 2200",
# "the toll now at 157", "the death toll stood at 120".
_TALLY_GAP = frozenset(
    {"more", "than", "at", "of", "now", "is", "was", "stood", "stands", "over", "nearly",
     "about", "around", "almost", "some", "rose", "to", "reached", "climbed", "had"}
)  # fmt: skip


def tally_before(tokens: TokenSpan, unit: str, lex: Lexicon) -> Concept | None:
    """A bare number whose parse names nothing, right after a tally the lexicon knows
    ("with the death toll more than 2200"): what the tally counts."""
    doc = tokens.doc
    i = tokens.start - 1
    sentence_start = tokens[0].sent.start
    while i >= sentence_start and doc[i].lower_ in _TALLY_GAP and tokens.start - i <= 4:
        i -= 1
    if i < sentence_start or doc[i].pos_ != "NOUN":
        return None
    found = noun_concept(doc[i], unit, lex)
    return found if found is not None and doc[i].lemma_.lower() in _TALLY_NOUNS else None


_TALLY_NOUNS = frozenset({"toll", "count", "tally", "number", "total"})


def tallied(governor: Token, head: Token) -> Token | None:
    """What a tally the bare number is the level of counts ("its total number of passengers
    will jump to 70m", "the number of visitors reached 2 million"): the noun after "of" of
    the verb's subject, for an open key where the lexicon names nothing."""
    for child in children_of(governor):
        if child.i == head.i or child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.lemma_.lower() in _HOW_MANY and child.tag_ not in ("NNS", "NNPS"):
            return of_object(child)
    return None


def reached_by(governor: Token, head: Token) -> Token | None:
    """What a bare number is the mark of, when a verb of reaching takes it: the plural
    common noun subject of "exceed", "top", "surpass", "pass" or "reach" ("hopes that sales
    will exceed 700", "applications topped 12,000"), for an open key where the lexicon
    names nothing."""
    if governor.lemma_.lower() not in _REACHING or head.dep_ != "dobj":
        return None
    for child in children_of(governor):
        if child.dep_ == "nsubj" and child.pos_ == "NOUN" and child.tag_ == "NNS":
            # "shares passed 52": a price the copy prints bare, no count of shares
            return None if child.lemma_.lower() in ("share", "stock") else child
    return None


# Verbs that take the mark a count went past: "sales will exceed 700".
_REACHING = frozenset({"exceed", "top", "surpass", "pass", "reach"})


def argument_concept(governor: Token, head: Token, unit: str, lex: Lexicon) -> Concept | None:
    """ "the death toll rose to 157": the governing verb's other nouns name the measure."""
    if governor.pos_ == "NOUN":  # "a death toll of 120"
        return noun_concept(governor, unit, lex)
    for child in children_of(governor):
        if child.dep_ in ("acomp", "oprd") and (
            word := pick(lex.nouns.get(child.lemma_.lower()), unit)
        ):
            return word  # "719 people are dead", "150,000 people are confirmed dead"
        if (
            child.dep_ == "acomp"
            and child.lower_ == "eligible"
            and any(c.lemma_.lower() == "vote" for c in child.children)
        ):
            return pick((lex.concepts["registered_voters"],), unit)  # "eligible to vote"
        if child.i == head.i or child.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue
        if child.dep_ == "nsubj" and governor.lemma_.lower() in _ONLY_TELLING:
            continue  # "15 people, police said in update 5": who tells is not what is counted
        if (found := _those_done_to(governor, child, unit, lex)) is not None:
            return found  # "The apprehended included 12 Somalis"
        if child.pos_ in ("NOUN", "PROPN") and (found := noun_concept(child, unit, lex)):
            if found.key in GROUPS and head.dep_ == "dobj" and child.dep_ == "nsubj":
                continue  # "Officers freed seven people": the officers did it, no count
            return found
    if governor.lemma_ == "be" and governor.dep_ in ("xcomp", "ccomp", "advcl"):
        # "forecast the automaker's losses to be over $6.7 billion": the raised object
        for child in children_of(governor.head):
            if child.dep_ == "dobj" and (found := noun_concept(child, unit, lex)):
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
    hit = pick(lex.verbs.get(subject.lemma_.lower()), unit)
    return hit if hit is not None and hit.unit == "people" else None


def open_key(noun: Token | None) -> str | None:
    """The counted noun, in the plural, as a key when the lexicon has no concept for it
    ("flights")."""
    if noun is None or noun.pos_ != "NOUN" or noun.lower_ in GENERIC | CALENDAR_WORDS:
        return None
    word = noun.lower_
    if not word.isalpha() or len(word) <= 2:
        return None  # "km", "m": an abbreviated unit names no measure
    if noun.tag_ == "NN" and noun.lemma_.isalpha():
        word = plural(noun.lemma_.lower())  # "a 131-page report": pages, as "300 flights"
    return word
