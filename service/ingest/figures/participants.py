"""The words around a figure that name whom it is about and on whose word it is given:
the subjects a verb or noun offers, the source of a reporting or revising verb, and
those a figure is done to."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from service.ingest.figures.lexicon import counted_unit
from service.ingest.figures.markets import moved_is_market
from service.ingest.figures.tree import children_of, clause_verb
from service.ingest.mentions.coreference import main_verb
from service.ingest.quotes.parsed_subjects import SPEECH_VERBS

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


def source_of(governor: Token | None) -> Token | None:
    """Who gives the figure: a name, a possessor ("the Commission's figures gave ..."), or
    a noun for those who count (police, officials, the ministry), as the subject of the
    verb that takes the figure or of a reporting verb whose clause holds it."""
    if governor is None:
        return None
    if governor.lemma_.lower() in _REVISING and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in _TALLIES for c in governor.children
    ):
        return None  # "raised rates to 50%", "raised $2 billion": the actor, no source
    if _phrasal(governor):
        return None  # "Ely put up 23 points", "gave up three runs": the doer's own figure
    if governor.lemma_.lower() not in _SOURCE_VERBS:
        governor = _reporting_verb(governor)
        if governor is None:
            return None
    subjects = [c for c in children_of(governor) if c.dep_ in ("nsubj", "agent")]
    if not subjects:
        return None
    subject = subjects[0]
    owners = [c for c in children_of(subject) if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if owners:
        return owners[0]
    if subject.pos_ == "PROPN" or subject.lemma_.lower() in _SOURCE_NOUNS:
        return subject
    return None


def _phrasal(verb: Token) -> bool:
    """A verb with a particle is another verb than the one that gives a figure: "put the
    toll at 50" gives it, "Ely put up 23 points" and "the pitcher gave up three runs" do
    the deed, so their subject is whom the figure is about, not its source. A revising
    verb keeps its particle ("revised its estimate down to 2.3%" still gives it)."""
    lemma = verb.lemma_.lower()
    return (
        lemma in _SOURCE_VERBS
        and lemma not in _REVISING
        and any(c.dep_ == "prt" for c in children_of(verb))
    )


def _reporting_verb(governor: Token) -> Token | None:
    """The verb of finding or foreseeing that takes the figure, or whose reported clause
    holds it: "figures show 45,756 migrants", "estimates suggest 8000 migrants may be at
    sea", "analysts had forecast the losses to be over $6.7 billion"."""
    current = governor
    for _ in range(3):
        if current.pos_ == "VERB" and current.lemma_.lower() in _REPORTING_VERBS:
            return current
        infinitive = current.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children_of(current)
        )
        if current.dep_ not in ("ccomp", "xcomp", "dobj") and not infinitive:
            return None
        current = current.head
    return None


def subject_tokens(noun: Token | None, governor: Token | None, head: Token) -> list[Token]:
    """Words that may name whom the figure is about, best first."""
    found: list[Token] = []
    for candidate in _subject_candidates(noun, governor, head):
        for token in (*_antecedent(candidate), candidate):
            nationality = token.dep_ == "amod" and token.text[:1].isupper()
            if (token.pos_ in ("PROPN", "PRON", "NOUN") or nationality) and token not in found:
                found.append(token)
    return found


# Pronouns that carry an organisation or a thing on from sentence to sentence.
_CARRIED = frozenset({"it", "its", "they", "their"})
# How many sentences back the topic of a main clause's "it" or "they" is looked for.
_TOPIC_REACH = 3


def _antecedent(token: Token) -> Iterator[Token]:
    """What "it" or "they" opening a main clause stands for: the subject of the sentence
    before, the topic that runs on ("The Sixers have lost six straight. They signed Elton
    Brand to a five-year deal" is the Sixers' deal, not that of the university named last
    in between; "Additionally, it opened swap lines" after "the Federal Reserve arranged"
    is the Fed's), past sentences whose subject is the same pronoun. Nothing for a pronoun
    after a name ("GM said it would cut 300 jobs" leaves "it" to the name just given),
    nor when the sentence before has no subject of its own or is a speaker's ('"...,"
    Oppal said. "It has been with us for 20 years"' is not Oppal)."""
    if token.lower_ not in _CARRIED:
        return
    owner = token.head if token.dep_ == "poss" else token
    if (reporter := _reporter(owner)) is not None:
        yield reporter  # "Russia announced that it would inject $19.7 billion": Russia
        return
    if any(t.pos_ == "PROPN" or t.ent_type_ for t in token.doc[token.sent.start : token.i]):
        return  # "But in 2007 it ...", not "Ford said that in 2007 it ..."
    if owner.dep_ not in ("nsubj", "nsubjpass") or owner.head.i != main_verb(token.sent).i:
        return
    plural = token.lower_ in ("they", "their")
    sentence = token.sent
    for _ in range(_TOPIC_REACH):
        last = sentence.start - 1
        while last >= 0 and token.doc[last].is_space:  # a paragraph break
            last -= 1
        if last < 0:
            return
        sentence = token.doc[last].sent
        subjects = [c for c in main_verb(sentence).children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return
        subject = subjects[-1]
        if main_verb(sentence).lemma_ in SPEECH_VERBS:
            return  # '"This has been complex," Oppal said. "It has been with us"'
        if subject.ent_type_ == "PERSON":
            return  # "it" and "they" are no one person
        if subject.pos_ == "PRON":
            if subject.lower_ in (("they",) if plural else ("it",)):
                continue  # the topic runs on
            return
        yield from _apposed(subject)
        yield subject
        return


def _reporter(subject: Token) -> Token | None:
    """The name that tells of itself in the clause it reports: "Russia announced that it
    would inject $19.7 billion", "Boeing says they have 800 orders": the subject of the
    verb of telling, when that is a name and no person's ("Lichte said it is hoped ..."
    is no deed of Lichte's), for the subject "it" or "they" (or its possessor) of the
    clause the verb takes."""
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.dep_ != "ccomp":
        return None
    verb = subject.head.head
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    for c in children_of(verb):
        if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.ent_type_ != "PERSON" and c.i < subject.i:
            return c
    return None


def _subject_candidates(noun: Token | None, governor: Token | None, head: Token) -> Iterator[Token]:
    for base in (noun, governor):
        if base is None:
            continue
        for child in children_of(base):
            if child.dep_ == "poss":  # "Siemens' profit", "the quake's magnitude"
                yield from _binder(child)
                yield child
        if base is noun:
            for child in children_of(base):
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
                        c for c in children_of(child) if c.dep_ == "pobj" and c.pos_ == "PROPN"
                    )
            if counted_unit(base) == "jobs":
                yield from _jobs_at(base, governor)
    if governor is not None and governor.pos_ in ("VERB", "AUX"):
        for child in children_of(governor):
            if child.dep_ == "agent":  # "54,000 people are employed by Opel"
                yield from (c for c in children_of(child) if c.dep_ == "pobj")
            elif child.dep_ in _SUBJECT_DEPS and child.i != head.i:
                # "Its net profit rose to ...": whose profit, before the profit itself;
                # a name owned is itself the subject ("Modi's BJP won 240 seats")
                if child.pos_ != "PROPN":
                    yield from (c for c in children_of(child) if c.dep_ == "poss")
                yield from _apposed(child)
                yield child  # "Toqaev took 70.96 percent", "With 70.96 percent, X leads"
            if child.dep_ in ("aux", "auxpass") and child.i < governor.i:
                # "Regina Ip was re-elected with 60,760 votes", parsed with the subject
                # on the auxiliary
                yield from (c for c in children_of(child) if c.dep_ in _SUBJECT_DEPS)
        if governor.dep_ == "relcl" and governor.head.pos_ in ("PROPN", "NOUN"):
            yield governor.head  # "the Dow Jones, which fell 678 points"
        if (
            governor.dep_ == "conj"
            or (governor.dep_ == "advcl" and (moved_is_market(governor) or governor.tag_ == "VBG"))
        ) and not any(c.dep_ in _SUBJECT_DEPS for c in children_of(governor)):
            # "The FTSE fell 2.03 points, but stayed below 5000", "The Dow closed lower,
            # having lost 1.16%", "Vaughn had 16 points, scoring 14 in four minutes": the
            # first verb's subject
            first = _first_conjunct(governor) if governor.dep_ == "conj" else governor.head
            for c in children_of(first):
                if c.dep_ in ("nsubj", "nsubjpass"):
                    yield from _apposed(c)
                    yield c
        yield from _gerund_subject(governor)
        yield from _controller(governor)
    elif governor is not None and governor.pos_ == "NOUN":
        for child in children_of(governor):
            if child.dep_ == "poss":
                yield child
        verb = governor.head  # "GM had reported a loss of $381 million"
        if verb.pos_ in ("VERB", "AUX") and governor.dep_ in ("dobj", "attr"):
            # "Bush rushed for 404 yards and caught 52 passes for 440 yards": a verb
            # joined by "and" with no subject of its own does the first verb's deed
            verb = _first_conjunct(verb)
            yield from (c for c in children_of(verb) if c.dep_ in _SUBJECT_DEPS)
    # Last, the subject of the clause the figure stands in: "Nathan Law earned a surprise
    # victory as second place in the constituency with 50,818 votes".
    clause = clause_verb(governor if governor is not None else head)
    if clause is not None and clause is not governor and not _gives(clause):
        for c in children_of(clause):
            if c.dep_ in ("nsubj", "nsubjpass"):
                yield from _apposed(c)
                yield c


def _first_conjunct(verb: Token) -> Token:
    """The verb whose subject a verb joined to it by "and" or a comma runs on from, past
    the verbs between that have none of their own: in "Bush rushed for 404 yards, caught
    52 passes and scored three touchdowns" the parse joins "scored" to "caught", and
    "caught" to "rushed", whose subject Bush does all three deeds. A verb with a subject
    of its own is its own first conjunct."""
    current = verb
    for _ in range(_CONJUNCTS):
        if (
            current.dep_ != "conj"
            or current.head.pos_ not in ("VERB", "AUX")
            or any(c.dep_ in _SUBJECT_DEPS for c in children_of(current))
        ):
            break
        current = current.head
    return current


# How many verbs joined in a row a subject runs on through ("rushed ..., caught ...,
# returned ... and scored ...").
_CONJUNCTS = 4


# Prepositions that tell how or when the subject did the deed ("in scoring", "after
# falling"); "on ending six decades of war" tells of something else.
_DEED_PREPOSITIONS = frozenset({"in", "by", "after", "before", "while", "since", "without"})


def _jobs_at(noun: Token, governor: Token | None) -> Iterator[Token]:
    """Where jobs are: "cut 2,000 jobs at Volvo", "at its European division, Vauxhall" are
    the unit's jobs, not its owner's."""
    holders = [noun]
    if governor is not None and governor.pos_ == "VERB" and noun.dep_ == "dobj":
        holders.append(governor)
    for holder in holders:
        for prep in children_of(holder):
            if prep.dep_ != "prep" or prep.lower_ != "at":
                continue
            for c in children_of(prep):
                if c.dep_ == "pobj" and c.pos_ == "PROPN":
                    yield c
                elif c.dep_ == "pobj":
                    yield from (
                        a for a in children_of(c) if a.dep_ == "appos" and a.pos_ == "PROPN"
                    )


def _binder(possessor: Token) -> Iterator[Token]:
    """The name a possessive pronoun stands for when its own clause's subject names one
    before it: "Philadelphia won 18 of its next 23 games" is Philadelphia's, "Smith
    scored 20 of his 31 points" Smith's, whatever organisation or person was named last.
    "His" and "her" stand for a person only, "its" for no person."""
    word = possessor.lower_
    if possessor.pos_ != "PRON" or word not in ("its", "their", "his", "her"):
        return
    verb = possessor.head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    for subject in _bound_subjects(verb):
        if subject.i > possessor.i:
            continue
        named = subject if subject.pos_ == "PROPN" else None
        person = named is not None and named.ent_type_ == "PERSON"
        if named is not None and (
            person if word in ("his", "her") else word == "their" or not person
        ):
            yield named
        return


def _bound_subjects(verb: Token) -> list[Token]:
    """The subjects of a verb, or, for a verb in "to" with none of its own, of the verb it
    completes: "wants China to agree to reduce its $375 billion surplus" binds "its" to
    China, the subject of "agree", not to the White House that wants it. A verb with an
    object hands the deed to the object ("asked Ford to cut its 12,000 jobs"): that
    object, then."""
    current = verb
    for _ in range(3):
        subjects = [c for c in children_of(current) if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or current.dep_ != "xcomp":
            return subjects
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            return []
        objects = [c for c in children_of(current) if c.dep_ in ("dobj", "dative")]
        if objects:
            return objects
    return []


def _controller(governor: Token) -> Iterator[Token]:
    """Who does the deed of a verb in "to" that has no subject of its own: the subject of
    the verb it completes ("Ford plans to cut 2,000 jobs", "the index fell 5% to slip
    below 4,000"). A verb with an object hands the deed to the object ("asked the bank
    to lend $5 million"), so it gives none; not so a verb of purpose, which the parse
    hangs on the verb it serves as an adverbial clause: "Ryanair is exercising its
    options to purchase five aircraft" and "it rebounded to close at $41.09" are the
    deeds of the subject, past the object."""
    current = governor
    for _ in range(3):
        purpose = current.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children_of(current)
        )
        if (current.dep_ != "xcomp" and not purpose) or any(
            c.dep_ in _SUBJECT_DEPS for c in children_of(current)
        ):
            return
        current = current.head
        if current.pos_ not in ("VERB", "AUX") or (
            not purpose and any(c.dep_ in ("dobj", "dative") for c in children_of(current))
        ):
            return
        for c in children_of(current):
            if c.dep_ in ("nsubj", "nsubjpass"):
                yield from _apposed(c)
                yield c
                return


def _gerund_subject(governor: Token) -> Iterator[Token]:
    """Who does a gerund's deed after a preposition: the subject of the verb the
    preposition hangs on ("Reed led Canada in scoring with 18 points": Reed's points)."""
    preposition = governor.head
    if (
        governor.dep_ != "pcomp"
        or preposition.dep_ != "prep"
        or preposition.lower_ not in _DEED_PREPOSITIONS
        or preposition.head.pos_ not in ("VERB", "AUX")
        or any(c.dep_ in _SUBJECT_DEPS for c in children_of(governor))
    ):
        return
    for c in children_of(preposition.head):
        if c.dep_ == "nsubj":
            yield from _apposed(c)
            yield c


def _apposed(subject: Token) -> Iterator[Token]:
    """The name set beside a common noun ("the primary UK index, the FTSE 100, dropped":
    the FTSE 100, not the UK inside the description); a ticker in brackets is an alias."""
    if subject.pos_ == "PROPN":
        return
    yield from (
        c
        for c in children_of(subject)
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.nbor(-1).text != "("
    )


def patients_of(figure: TokenSpan, head: Token, governor: Token | None) -> Iterator[Token]:
    """Who a fine or a sentence is imposed on: the verb's object ("ordered Google to pay
    a fine", "sentenced the minister to 12 years"), its passive subject ("Google was
    fined"), or a name the parse hung on the amount ("fined Google 500 million euros")."""
    inside = {t.i for t in figure} | {head.i}
    for token in (*figure, head):
        yield from (
            c
            for c in children_of(token)
            if c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i not in inside
        )
    if governor is None or governor.pos_ not in ("VERB", "AUX"):
        return
    yield from (
        c
        for c in children_of(governor)
        if c.dep_ in ("dobj", "dative", "nsubjpass") and c.i not in inside
    )
    if governor.dep_ == "xcomp":  # "ordered Google to pay"
        yield from (c for c in children_of(governor.head) if c.dep_ == "dobj")


def _gives(verb: Token) -> bool:
    """A verb whose subject gives the figure ("the commission said, on a turnout of ...")."""
    lemma = verb.lemma_.lower()
    return lemma in SPEECH_VERBS or lemma in _SOURCE_VERBS or lemma in _REPORTING_VERBS
