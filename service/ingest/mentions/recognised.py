"""Names checked against the statistical recogniser: the rules find capitalised runs, the
model says where a name starts and ends and what it names.

The rule finder (``entities.py``) knows titles, listed places and organisations and the
seeds' transliterations; it does not know where one name ends and the next begins
("Fernando Cheung of the Labour Party", "Nur-Sultan Wednesday", "U.S. President Donald
Trump") and it takes any capitalised word for a name ("Panamanian", "Chapter"). Each
candidate is compared with the entity spans of the parse (``service.ingest.nlp``):

- a candidate covering several recognised names is cut into them ("Fernando Cheung" and
  "the Labour Party"), each with the recogniser's kind;
- a candidate holding one recognised name and more is cut to that name ("Nur-Sultan"),
  unless the rules had a listed name or a person's title there;
- a nationality, religion or political group (NORP: "Panamanian", "Buddhist") is no
  entity, nor is a word of unknown kind the recogniser does not take for a name;
- a kind the rules could not tell (OTHER) is the recogniser's;
- a person, organisation or place the rules missed is added.
Names listed in the gazetteer keep what the rules gave them: the lists are curated.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.descriptors import tidied
from service.ingest.mentions.names import is_acronym
from service.ingest.mentions.places import place_type
from service.ingest.model import EntityKind

KINDS = {
    "PERSON": EntityKind.PERSON,
    "ORG": EntityKind.ORGANIZATION,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
    "EVENT": EntityKind.EVENT,
    "WORK_OF_ART": EntityKind.OTHER,
    "LAW": EntityKind.OTHER,
    "PRODUCT": EntityKind.OTHER,
}
NOT_ENTITIES = frozenset({"NORP", "LANGUAGE"})
# A name inside an amount is part of it: the "US" of "US$6 billion".
AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# A name inside a date is a day of the calendar: "Waitangi Day", "Christmas Eve".
TIMES = frozenset({"DATE", "TIME"})
_OPENING = "\"'“‘([ "
_FURNITURE = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "today", "yesterday", "tonight", "january", "february", "march", "april", "may",
     "june", "july", "august", "september", "october", "november", "december", "on"}
)  # fmt: skip


# Words that join a name's words and never end one ("and" may end a list's item the
# recogniser ran on: "Facebook, Flickr and")
_CONNECTORS = frozenset({"of", "for", "the", "on", "in", "at", "to"})


def recognised_names(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of every recognised name, a leading "the" and a trailing
    possessive left out; a name ending in a word that joins names' words ("the Bay of"
    of "the Bay of Biscay") is the recogniser's cut in the middle of one, and no name: it
    cuts no name the rules read whole."""
    names: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in KINDS and ent.label_ not in NOT_ENTITIES | AMOUNTS | TIMES:
            continue
        last = ent[-1]
        if last.lower_ in _CONNECTORS and last.is_lower and doc.text[last.idx - 1] == " ":
            continue  # "the Bay of": a name cut in its middle ("Moon Jae-in" is whole)
        start, end = _trimmed(ent)
        while end > start and doc.text[end - 1] in "-–—":
            end -= 1  # "Chela Ortiz-": a dash the recogniser took in is no part of a name
        if ent.label_ == "PERSON" and (syllable := _GIVEN_NAME_SYLLABLE.match(doc.text, end)):
            end = syllable.end()  # "Wong Kwok-hing": the recogniser stops at the hyphen
        elif ent.label_ == "PERSON":
            end = _noun_syllable_end(doc, end)
        if start < end:
            names.append((start, end, ent.label_))
    return names


# The lower-case syllable after a hyphen that ends a given name ("Kwok-hing", "Yeung-tat"),
# not a participle ("-based", "-led") nor a word of the sentence after a dash run into
# the name ("Chela Ortiz-who was married")
_GIVEN_NAME_SYLLABLE = re.compile(
    r"-(?![a-z]*ed\b)(?!(?:who|whom|whose|which|that|the|and|but|or|as|at|in|on|of|to|for"
    r"|with|from|by|is|was|are|were|has|had|her|his|its|our|their|not)\b)[a-z]{2,5}\b(?!-)"
)


def _noun_syllable_end(doc: Doc, end: int) -> int:
    """Where a person's name ends whose given name's last syllable spells a function word
    ("Moon Jae-in"): the parse reads that syllable as a noun, the lost dash of copy before
    a clause as the word it is ("Chela Ortiz-in 2019 she ..." stays "Chela Ortiz")."""
    if doc.text[end : end + 1] != "-":
        return end
    token = next((t for t in doc if t.idx == end + 1), None)
    if (
        token is None
        or not token.is_lower
        or not 2 <= len(token) <= 5
        or token.tag_ not in ("NN", "NNP")
        or doc.text[token.idx + len(token) : token.idx + len(token) + 1] == "-"
    ):
        return end
    return token.idx + len(token)


def _trimmed(ent: Span) -> tuple[int, int]:
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    tokens = [t for t in tokens if t.tag_ != "POS"]
    if ent.label_ == "PERSON":
        # A name in capitals ends before a function word in capitals: "ELIZABETH B.
        # PRELOGAR ON BEHALF OF THE PETITIONERS" is Elizabeth B. Prelogar.
        cut = next(
            (n for n, t in enumerate(tokens) if t.text.isupper() and t.lower_ in gz.STOP_WORDS),
            None,
        )
        tokens = tokens[:cut]
    if not tokens:
        return 0, 0
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def reconcile(
    body: str, candidates: Sequence[Candidate], doc: Doc, sentence_starts: Sequence[int]
) -> list[Candidate]:
    """The candidates, cut, retyped, dropped or added as the rules above say."""
    names = recognised_names(doc)
    # Words the parse reads as proper nouns, and how often: a name the recogniser never
    # labels but the copy keeps printing ("Opel", five times) is still a name.
    proper = Counter(t.text for t in doc if t.pos_ == "PROPN")
    # Every name the rules found and its kind, and every person's surname: a name printed
    # alone elsewhere is one ("Cooley" of "Sheriff Lee Cooley").
    named: dict[str, EntityKind] = {
        c.name.split()[-1]: c.kind for c in candidates if c.kind is EntityKind.PERSON
    }
    named.update({c.name: c.kind for c in reversed(candidates)})
    out: list[Candidate] = []
    for cand in _joined_across_the(body, candidates, names):
        if cand.kind is EntityKind.EVENT:
            # dated events are read from lower-case copy on purpose
            out.append(_event_with_direction(body, cand, names))
            continue
        if _time_words(cand, doc, names) or _page_label(body, cand, doc):
            continue
        cand = _without_opening_word(body, cand, doc, names, sentence_starts, named)
        if out and out[-1].start <= cand.start and cand.end <= out[-1].end:
            continue  # "Party of Korea", inside the "Workers' Party of Korea" just read
        out.extend(_checked(body, cand, names, proper))
    covered = [(c.start, c.end) for c in candidates]
    # A single word the recogniser names the same way twice or more is a name, even where
    # the rules could not tell (only ever at a sentence start: "Chrysler said ...").
    seen = Counter((body[start:end], label) for start, end, label in names)
    subjects = _named_subjects(body, doc)
    for start, end, label in names:
        if label == "NORP" and start in subjects and _lone_proper_noun(body, start, end):
            label = "ORG"  # "Rivian said ...": no nationality is the subject of a verb
        if label not in ("PERSON", "ORG", "GPE", "LOC"):
            continue
        if any(s < end and start < e for s, e in covered):
            continue
        if gz.unit_after_number(body, start, end):
            continue  # "16 GB": a unit after its number, no place
        repeated = seen[(body[start:end], label)] > 1 or (label == "ORG" and start in subjects)
        if not _added(body, start, end, label, repeated=repeated):
            continue
        text = body[start:end]
        index = max(0, bisect.bisect_right(sentence_starts, start) - 1)
        kind = EntityKind.PERSON if described_person(body, end) else KINDS[label]
        if _after_company_noun(body, start):
            kind = EntityKind.ORGANIZATION  # "electric carmaker Tesla"
        out.append(Candidate(start, end, " ".join(text.split()), kind, index))
    out = [
        _town_by_context(body, _known_place(_place_before_noun(_the_thing(body, c, doc), doc)), doc)
        for c in out
    ]
    out.sort(key=lambda c: c.start)
    return tidied(body, out, [(start, end) for start, end, label in names if label == "PERSON"])


def _joined_across_the(
    body: str, candidates: Sequence[Candidate], names: list[tuple[int, int, str]]
) -> list[Candidate]:
    """Two capitalised names with "the" between them that the recogniser reads as one
    name are that name: "the Stoning the Devil ritual"; so are two with "and" between
    them that it reads as one organisation (`_one_body_across_and`), or with "for" or "on"
    (`_one_body_across_for_on`)."""
    out: list[Candidate] = []
    for cand in candidates:
        cand = _widened_over_and(body, cand, names, out[-1].end if out else 0)
        before = out[-1] if out else None
        if (
            before is not None
            and EntityKind.EVENT not in (before.kind, cand.kind)
            and (
                body[before.end : cand.start] == " the "
                or _one_body_across_and(body, before, cand, names)
                or _one_body_across_for_on(body, before, cand, names)
            )
        ):
            label = next(
                (
                    label
                    for start, end, label in names
                    if label in KINDS and start <= before.start and cand.end <= end
                ),
                None,
            )
            if body[before.end : cand.start] == " and ":
                label = "ORG"  # its last word heads organisations (`_one_body_across_and`)
            if label is not None:
                name = " ".join(body[before.start : cand.end].split())
                out[-1] = replace(before, end=cand.end, name=name, kind=KINDS[label])
                continue
        out.append(cand)
    return out


# Tags of words that open a sentence but name nothing: adverbs, participles, determiners,
# interjections, adjectives and common nouns ("Recently", "Acquiring", "Neither", "Uh").
_COMMON_TAGS = frozenset(
    {"RB", "RBR", "RBS", "VBG", "VBN", "VBD", "DT", "PDT", "UH", "IN", "CC", "JJ", "NN"}
)


# Words of the clock and the calendar: days, months, seasons, spans, decades, time zones.
_TIME_WORDS = (
    CALENDAR_WORDS
    | {f"{day}s" for day in CALENDAR_WORDS}
    | gz.word_set(
        """spring summer autumn fall winter day days week weeks weekend weekends month months
        year years decade decades century morning mornings afternoon evening night nights
        am pm a.m p.m noon midnight twenties thirties forties fifties sixties seventies
        eighties nineties gmt bst utc cet est edt cst cdt mst mdt pst pdt"""
    )
)
_PROPER_TAGS = frozenset({"NNP", "NNPS"})


def _page_label(body: str, cand: Candidate, doc: Doc) -> bool:
    """Whether a word in capitals before a colon is a label of the page, no name: the
    parse reads it as a common word ("PUBLISHED: 16:05 GMT", "UPDATED: 10 June", "NOTE:
    the figures are provisional"), where an exchange before a ticker is a proper noun
    ("NYSE: IBM")."""
    if not cand.name.isupper() or " " in cand.name or body[cand.end : cand.end + 1] != ":":
        return False
    span = doc.char_span(cand.start, cand.end)
    return span is not None and len(span) == 1 and span[0].tag_ not in _PROPER_TAGS


def _time_words(cand: Candidate, doc: Doc, names: list[tuple[int, int, str]]) -> bool:
    """Whether a candidate of a person or of no kind is a time the recogniser reads as a
    date or a clock time, made of the calendar's and the clock's words and words the parse
    takes for no proper noun: "Late Saturday and early Sunday, ...", "Early Tuesday, ...",
    "Weeks later", "at 3:15 PM EDT", "the end of the Fifties". Capitals forced at a
    sentence start made them names; a name of a day stays one ("Waitangi Day", "Oscar
    Sunday", "Christmas Eve": an EVENT, `_checked`)."""
    if cand.kind not in (EntityKind.PERSON, EntityKind.OTHER) or not any(
        s <= cand.start and cand.end <= e for s, e, label in names if label in TIMES
    ):
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and all(
        t.lower_.rstrip(".") in _TIME_WORDS or t.tag_ not in _PROPER_TAGS for t in span
    )


def _without_opening_word(
    body: str,
    cand: Candidate,
    doc: Doc,
    names: list[tuple[int, int, str]],
    sentence_starts: Sequence[int],
    named: dict[str, EntityKind],
) -> Candidate:
    """A candidate run on from the word that opens its sentence, where the parse reads that
    word as no proper noun (or reads no name's word in it) and what follows it is a listed
    name or one the recogniser names without the word: "Recently Apple has ...",
    "Acquiring EDS also ...", "Praising London's ...", "Uh Mitchell expressed ...".
    Capitals are forced there, so the word is no part of the name. A listed name stays
    whole, and so does a word the recogniser takes into a name ("Catching Fire", "Supreme
    Court"), unless the copy prints the rest alone as a name elsewhere and that word with a
    capital nowhere but at a sentence's start (`_opener_only`: "Joining Cooley at the news
    conference was ..." beside "Sheriff Lee Cooley said"; "Actual Airbus job cuts" beside
    "Airbus said")."""
    if gz.organization_canonical(cand.name) or gz.place_canonical(cand.name):
        return cand
    index = bisect.bisect_right(sentence_starts, cand.start) - 1
    if index < 0 or body[sentence_starts[index] : cand.start].strip(_OPENING) != "":
        return cand
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return cand
    first, rest = span[0], span[1]
    name = " ".join(body[rest.idx : cand.end].split())
    alone = named.get(name) if _opener_only(body, first.text, sentence_starts) else None
    if not first.text.istitle() or gz.is_given_name(first.text):
        alone = None  # "JSA Research", "Darius Butler": a name's own first word
    detached = first.head not in span[1:] and not any(t.head == first for t in span[1:])
    adjective = alone is not None and first.dep_ == "amod"
    if first.tag_ not in _COMMON_TAGS and not detached and not adjective:
        return cand  # "Northern Ireland": a word of the name, whatever its tag
    if rest.idx <= cand.start:
        return cand
    if any(s <= first.idx < e for s, e, _ in names) and alone is None:
        return cand
    if rest.lower_ in gz.STOP_WORDS:
        return cand  # "Doctor Who": no organisation WHO
    # the rules read two capitalised words as a person's name; the name left is what the
    # lists or the recogniser say it is ("Recently Apple": the company Apple)
    if gz.organization_canonical(name):
        return replace(cand, start=rest.idx, name=name, kind=EntityKind.ORGANIZATION)
    if gz.place_canonical(name):
        return replace(cand, start=rest.idx, name=name, kind=EntityKind.PLACE)
    label = next((lb for s, _, lb in names if s == rest.idx and lb in KINDS), None)
    if label is not None:
        return replace(cand, start=rest.idx, name=name, kind=KINDS[label])
    if alone is not None and name.lower() not in gz.ORG_HEADS:
        return replace(cand, start=rest.idx, name=name, kind=alone)
    return cand


def _opener_only(body: str, word: str, sentence_starts: Sequence[int]) -> bool:
    """Whether a capitalised word is printed with its capital only where it opens a
    sentence ("Joining", "Actual"), never inside one as a name's word would be
    ("Northern" of "in Northern Ireland")."""
    for match in re.finditer(rf"(?<![\w.-]){re.escape(word)}(?![\w-])", body):
        index = bisect.bisect_right(sentence_starts, match.start()) - 1
        start = sentence_starts[index] if index >= 0 else 0
        if body[start : match.start()].strip(_OPENING + "\n") != "":
            return False
    return True


def _widened_over_and(
    body: str, cand: Candidate, names: list[tuple[int, int, str]], floor: int
) -> Candidate:
    """A name after "and" that the recogniser reads as the end of one organisation opened
    by capitalised words the rules took for no name is that organisation ("The Central
    Election and Referendum Commission declared ...", "referring to Immigration and
    Customs Enforcement" where the copy prints "immigration" too: not "Referendum
    Commission", "Customs Enforcement"). The words before "and" are no name of their
    own: no name the rules read (``floor``, where the last one ends), none a given name,
    a listed organisation or place, or an organisation's head word ("the Navy and Marine
    Corps" stay two); nor is a person's name opened by a given name ("Bob and Mary
    Jones")."""
    if cand.kind is EntityKind.PERSON and gz.is_given_name(cand.name.split()[0]):
        return cand
    for start, end, label in names:
        if label != "ORG" or end != cand.end or not floor <= start < cand.start:
            continue
        first = body[start : cand.start]
        if not first.endswith(" and "):
            continue
        words = first[: -len(" and ")].split()
        if (
            not words
            or not all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words)
            or any(w.lower() in gz.ORG_HEADS for w in words)
            or gz.is_given_name(words[0])
            or gz.organization_canonical(" ".join(words)) is not None
            or gz.place_canonical(" ".join(words)) is not None
        ):
            continue
        name = " ".join(body[start:end].split())
        return replace(cand, start=start, name=name, kind=EntityKind.ORGANIZATION)
    return cand


def _one_body_across_for_on(
    body: str, left: Candidate, right: Candidate, names: list[tuple[int, int, str]]
) -> bool:
    """Whether names either side of "for" or "on" are one body's or one place's name the
    recogniser reads whole ("the Project on Government Oversight", "the Yearning for Zion
    Ranch", "Deferred Action for Childhood Arrivals"): an organisation, a facility or an
    event over both, starting at the first and ending at the second; never a person or a
    town ("Smith on Monday"), nor a name before a place or a road after "on" ("of Troy on
    Interstate 75": where someone was, no body's name)."""
    if body[left.end : right.start] not in (" for ", " on "):
        return False
    if right.kind is EntityKind.PLACE or re.match(r" ?\d", body[right.end : right.end + 2]):
        return False  # "Interstate 75", "Route 9": a road's number after the name
    return any(
        label in ("ORG", "FAC", "EVENT") and start == left.start and right.end == end
        for start, end, label in names
    )


def _one_body_across_and(
    body: str, left: Candidate, right: Candidate, names: list[tuple[int, int, str]]
) -> bool:
    """Whether names either side of "and" are one body's name ("the U.S. Fish and Wildlife
    Service", "the Securities and Exchange Commission", "House Ways and Means Committee"):
    the recogniser reads one organisation (or a title) over both, or over "and" from a word
    of the name before it ("House" apart, "Ways and Means Committee"), or no name at all in a single
    word before "and" ("the Fish and Wildlife Service", where it names "Wildlife Service"
    alone); the name after "and" ends in an organisation's head word (never two products
    or two people: "the Fusion and Taurus", "Laci and Conner"), and the words before "and"
    are no name of their own: not listed, capitalised words only, none an organisation's
    head word ("the Navy and Marine Corps", "Wildlife Service and National Marine Fisheries
    Service", "Bureau for Human Rights and Rule of Law and Human Rights Charter Foundation"
    are two; "Cricket Wireless and Federal Bureau of Investigation", the recogniser names
    the first alone)."""
    if body[left.end : right.start] != " and ":
        return False
    if right.name.split()[-1].lower() not in gz.ORG_HEADS and not _one_agency(
        body, left, right, names
    ):
        return False
    across = [
        start
        for start, end, label in names
        if label in ("ORG", "WORK_OF_ART") and start < left.end and right.end <= end
    ]
    inside = any(left.start < start and body[start - 1] == " " for start in across)
    unnamed = " " not in left.name and not any(
        start < left.end and left.start < end for start, end, _ in names
    )
    if not (any(start <= left.start for start in across) or inside or unnamed):
        return False
    if unnamed and (gz.is_given_name(left.name) or is_acronym(left.name)):
        return False  # "Laci and Conner Foundation", "HP and EDS Company": names
    words = left.name.split()
    return (
        all(w[:1].isupper() and w.lower() not in gz.ORG_HEADS for w in words)
        and gz.organization_canonical(left.name) is None
        and gz.place_canonical(left.name) is None
    )


def _one_agency(
    body: str, left: Candidate, right: Candidate, names: list[tuple[int, int, str]]
) -> bool:
    """Whether the recogniser reads exactly one organisation over both names and "and",
    opened by a country's or a place's name ("U.S. Customs and Border Protection", "US
    Immigration and Customs Enforcement"): a government's agency, whose name after "and"
    needs no head word; not "U.S. Customs" and "Border Protection"."""
    for start, end, label in names:
        if label != "ORG" or end != right.end or start > left.start:
            continue
        before = body[start : left.start].strip()
        first = left.name.split()[0] if " " in left.name else ""
        if gz.place_canonical(before) or (
            before.lower() in ("", "the") and gz.place_canonical(first)
        ):
            return True
    return False


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# "the Shaquille O'Neal's jersey": "the" is the jersey's
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _the_thing(body: str, cand: Candidate, doc: Doc) -> Candidate:
    """A name taken for a person's, with no given name, that "the" itself determines is
    no person: nobody is "the Golden Compass" or "the App Store" ("the" of "the Trump
    administration" is the administration's). GeoNames' place is that place ("the Far
    East"), a plural a team ("the Tar Heels"; not "the Trumps" where "Trump" is printed),
    anything else a work or a product. Not before a possessive ("the Shaquille O'Neal's
    jersey")."""
    if cand.kind is not EntityKind.PERSON or gz.is_given_name(cand.name.split()[0]):
        return cand
    if (
        _THE_BEFORE.search(body, max(0, cand.start - 4), cand.start) is None
        or _POSSESSIVE_AFTER.match(body, cand.end) is not None
    ):
        return cand
    span = doc.char_span(cand.start, cand.end)
    if span is None or not any(
        child.dep_ == "det" and child.lower_ == "the" and child.i < span.start
        for child in span.root.children
    ):
        return cand
    if place_type(cand.name) is not None:
        return replace(cand, kind=EntityKind.PLACE)
    last = cand.name.split()[-1]
    if last.endswith("s") and re.search(rf"\b{re.escape(last[:-1])}\b(?!s)", body):
        return cand  # "the Trumps": the people called Trump
    team = last.endswith("s") and not last.endswith("ss") and last[:1].isupper()
    return replace(cand, kind=EntityKind.ORGANIZATION if team else EntityKind.OTHER)


def _place_before_noun(cand: Candidate, doc: Doc) -> Candidate:
    """A lone word taken for a person that names a place GeoNames knows, and modifies a
    common noun, is that place: "the Valencia floods", "the Paris attacks"."""
    if cand.kind is not EntityKind.PERSON or " " in cand.name or gz.is_given_name(cand.name):
        return cand
    if place_type(cand.name) is None:
        return cand
    token = doc.char_span(cand.start, cand.end)
    if token is None or len(token) != 1:
        return cand
    word = token[0]
    if word.dep_ != "compound" or word.head.pos_ != "NOUN":
        return cand
    return replace(cand, kind=EntityKind.PLACE)


def _named_subjects(body: str, doc: Doc) -> set[int]:
    """Where a proper noun is the subject of its clause ("Boeing delivered 27 jets",
    "Tesla will cut ..."), a word the copy never prints in lower case: one the recogniser
    names there is a name even when it is printed once, at a sentence start. Common
    nouns there ("Police", "Analysts") are tagged as such and never named, nor are
    plural groups ("Democrats")."""
    lower = {t.lower_ for t in doc if t.text.islower()}
    return {
        t.idx
        for t in doc
        if t.tag_ == "NNP"
        and t.dep_ in ("nsubj", "nsubjpass")
        and t.lower_ not in lower
        and t.lower_ not in gz.STOP_WORDS
    }


def _lone_proper_noun(body: str, start: int, end: int) -> bool:
    """One capitalised word in the singular that names no nationality or faith."""
    word = body[start:end]
    return word.isalpha() and not word.endswith("s") and not gz.is_demonym(word)


def _after_company_noun(body: str, start: int) -> bool:
    before = body[max(0, start - 20) : start].split()
    return bool(before) and gz.is_company_noun(before[-1])


# "'s Party", "'s Front": the head of an organisation named after a possessive, a plural's
# too ("Workers' Party"), and what it is of ("the Worker's Party of Korea").
_POSSESSIVE_HEAD = re.compile(
    r"['’]s?\s+(?:"
    + "|".join(sorted(w.title() for w in gz.ORG_HEADS))
    + r")(?:\s+of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?"
)
# Between a person and a capitalised name she belongs to ("... of the Ak Zhol").
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")


def _separate(body: str, names: list[tuple[int, int, str]]) -> bool:
    """Whether recognised names side by side are several names: of different kinds, or
    with words between them ("Fernando Cheung of the Labour Party")."""
    if len({label for _, _, label in names}) > 1:
        return True
    ordered = sorted(names)
    return any(
        body[a[1] : b[0]].strip(" -") and not _runs_on(body, a, b)
        for a, b in itertools.pairwise(ordered)
    )


_SUBJECT_CONNECTOR = re.compile(r"\s+(?:on|for|of)\s+(?:the\s+)?")


def _runs_on(body: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Whether two recognised names are one that runs on across "on", "for" or "of" to
    what it is about ("UN Convention" on "Biological Diversity")."""
    last = body[left[0] : left[1]].split()[-1].lower()
    return (
        last in gz.NAMED_FOR_SUBJECT
        and _SUBJECT_CONNECTOR.fullmatch(body, left[1], right[0]) is not None
    )


def _added(body: str, start: int, end: int, label: str, *, repeated: bool = False) -> bool:
    """Whether a name the rules missed is worth adding: a person or organisation of two
    words or more (or an acronym, or one the recogniser finds again), a place; never a
    nationality ("Kazakh spring")."""
    text = body[start:end]
    words = text.split()
    if not text[:1].isupper() or "\n" in text or gz.is_demonym(words[0]):
        return False
    if any(w.lower() in gz.MEASURE_ACRONYMS for w in words):
        return False  # "GDP", "Q3 GDP": a measure the rules left out on purpose
    if label in ("GPE", "LOC"):
        return True
    if _PORTFOLIO.match(body, end):
        return False  # "Shadow Home Secretary Yvette Cooper": a portfolio, no organisation
    return len(words) > 1 or is_acronym(text) or repeated or described_person(body, end)


# ", the so-called opposition candidate," after a name
_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?P<role>[\w-]+),")


# An age set after a name: "Rubilio Mendez, 34, a migrant", "Smith, aged 52,", "Jones (41)";
# never a list of versions ("IE6, 7, 8")
_AGED = re.compile(
    r",\s+(?:aged\s+)?(?:[1-9]\d?|1[01]\d),(?=\s+[^\W\d])|\s+\((?:aged\s+)?(?:[1-9]\d?|1[01]\d)\)"
)


def described_person(body: str, end: int) -> bool:
    """Whether the name ending at ``end`` is described as a person right after it
    ("Kossanov, the so-called opposition candidate, got ...", "Rubilio Mendez, 34, a
    migrant"), whatever the recogniser took it for."""
    if _AGED.match(body, end):
        return True
    m = _APPOSITIVE.match(body, end)
    return m is not None and m["role"].lower() in gz.PERSON_ROLES


_PORTFOLIO = re.compile(r"\s+(?:Minister|Secretary|Commissioner)\b")


def _only_furniture(rest: str) -> bool:
    """Whether the words left beside a recognised name are a day or a title."""
    words = [w.lower().strip(".,") for w in rest.split()]
    titles = gz.CORE_TITLES | gz.TITLE_MODIFIERS
    return bool(words) and all(w in _FURNITURE or w in titles for w in words)


def _only_titles(rest: str) -> bool:
    """One or two words, each a title the rules cut off a name ("General")."""
    words = [w.lower() for w in rest.split()]
    return 0 < len(words) <= 2 and all(w in gz.CORE_TITLES | gz.TITLE_MODIFIERS for w in words)


def _only_demonyms(rest: str) -> bool:
    """One or two words the rules cut off a name as a nationality or a direction, which the
    recogniser reads into it: "Southern California", "the Korean War", "the Eastern
    Conference", "British Columbia" (not "British" of "the British FTSE 100", which the
    recogniser leaves out of the index's name)."""
    words = rest.split()
    return 0 < len(words) <= 2 and all(gz.is_demonym(w) for w in words)


# Words of direction that open the names of regions: "Southern California"
_DIRECTIONS = gz.word_set("northern southern eastern western central")


def _event_with_direction(
    body: str, cand: Candidate, names: list[tuple[int, int, str]]
) -> Candidate:
    """An event the rules named without the direction word opening it, which the
    recogniser reads into its name: "The Northern Arena Esports Championship ran
    throughout the weekend" is the Northern Arena Esports Championship."""
    for start, end, _ in names:
        before = body[start : cand.start].split()
        if (
            end == cand.end
            and start < cand.start
            and 0 < len(before) <= 2
            and all(w.lower() in _DIRECTIONS for w in before)
        ):
            return replace(cand, start=start, name=" ".join(body[start:end].split()))
    return cand


def _cut_from_name(cand: Candidate, before: str) -> bool:
    """Whether the nationality or direction before a name is part of it rather than a
    description of it: never before a person ("American Hasim Rahman") or a listed
    organisation ("the Brazilian Bovespa"), nor a nationality before a name complete with
    its head ("the British National Council for Voluntary Organisations"; a direction is
    part of it: "the Central Elections Commission", "the Western Naval Command", also
    where the rules took it for a person's with no given name); before a listed place
    only a direction ("Southern California", not "British London")."""
    if gz.organization_canonical(cand.name) is not None:
        return False
    direction = all(w.lower() in _DIRECTIONS for w in before.split())
    if cand.kind is EntityKind.PERSON:
        # "Western Naval Command" the rules took for a person's name: no given name
        return direction and not gz.is_given_name(cand.name.split()[0])
    if direction and gz.place_canonical(cand.name) is None:
        return True  # "the Central Elections Commission", "the Western Naval Command"
    last = cand.name.split()[-1].lower()
    if last in gz.ORG_HEADS or last.removesuffix("s") in gz.ORG_HEADS:
        return False
    if gz.place_canonical(cand.name) is not None:
        return all(w.lower() in _DIRECTIONS for w in before.split())
    return True


def _kind(cand: Candidate, label: str) -> EntityKind:
    """The rules' kind, unless they could not tell (OTHER), took an organisation for a
    person with no given name to go by ("Environment Canada"), or a person with a given
    name for an organisation ("Jim Press")."""
    recognised = KINDS[label]
    if cand.kind is EntityKind.OTHER:
        return recognised
    words = cand.name.split()
    if (
        cand.kind is EntityKind.PERSON
        and recognised is EntityKind.ORGANIZATION
        and not gz.is_given_name(words[0])
    ):
        return recognised
    if (
        cand.kind is EntityKind.ORGANIZATION
        and recognised is EntityKind.PERSON
        and len(words) in (2, 3)
        and gz.is_given_name(words[0])
    ):
        return recognised  # "Jim Press": a given name, though "Press" heads organisations
    return cand.kind


# How often the parse must read a lone capitalised word as a proper noun to keep it
_PROPER_REPEATS = 2
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Miss|Mx)\.?\s+$")
_PLACE_PREPOSITION = re.compile(r"\b(?:of|in|from|at|near|to|between)\s+$", re.IGNORECASE)
_IN_PLACE = re.compile(r"\b(?:in|near|between)\s+$", re.IGNORECASE)


def _known_place(cand: Candidate) -> Candidate:
    """A person's name that GeoNames knows as a state or a country ("Florida", "Ohio"),
    or as a city of several words ("San Diego", "New Orleans"), is that place, unless it
    starts with a given name ("Georgia", "Morgan Hill"); a one-word city may well be a
    surname ("Clinton", "Jackson")."""
    if cand.kind is not EntityKind.PERSON or gz.is_given_name(cand.name.split()[0]):
        return cand
    kind = place_type(cand.name)
    if kind in ("region", "country") or (kind == "city" and " " in cand.name):
        return replace(cand, kind=EntityKind.PLACE)
    return cand


# Words before a name that place it: "in Woodburn", "the city of Thessaloniki", "in the
# Maldives"
_LOCATIVE = re.compile(
    r"\b(?:in|near|between|(?:city|town|village|suburb|capital|port) of)\s+$", re.IGNORECASE
)
# "in the" before a country: "in the Maldives", "in the Philippines"
_IN_THE = re.compile(r"\bin\s+the\s+$", re.IGNORECASE)
# A firm is what one holds a stake in, not a place: "shares in Nokia", "interested in Honda"
_HOLDING_IN = re.compile(
    r"\b(?:stakes?|shares?|invest\w*|interest\w*|holdings?|confidence|trust)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A state or country after a town and a comma: "Schenectady, New York", "Banstead, Surrey"
_PLACE_AFTER_COMMA = re.compile(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")
# Capitalised words of letters only: "Banda Aceh", "Winston-Salem"; not "ATI" or "Q10"
_TOWN_SPELLING = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
# What a quake, a storm or a flood does to a place: "a quake struck Pisco"
_STRIKES = frozenset({"hit", "strike", "rock", "jolt", "shake", "devastate", "batter", "ravage"})


def _town_by_context(body: str, cand: Candidate, doc: Doc) -> Candidate:
    """A name GeoNames knows, read as an organisation or left untyped, that the copy sets
    where only a place goes is that place: after "in", "near" or "the city of" ("a bank
    in Woodburn", "the city of Thessaloniki"; "in the" only before a country: "in the
    Maldives"; never "shares in Nokia"), before a comma and the state or country it
    lies in ("of Schenectady, New York"), or struck by a disaster ("the quake hit Pisco").
    Not a listed organisation, not a name ending in an organisation's head ("Temple
    University"), not a name that starts with a given name ("Morgan Hill"), and only a
    name spelt as towns are: "interested in the Q10", "factored in ATI's" name products
    and firms GeoNames happens to know."""
    if cand.kind not in (EntityKind.ORGANIZATION, EntityKind.OTHER):
        return cand
    words = cand.name.split()
    if (
        not _TOWN_SPELLING.fullmatch(cand.name)
        or place_type(cand.name) is None
        or gz.organization_canonical(cand.name) is not None
        or words[-1].lower() in gz.ORG_HEADS
        or gz.is_given_name(words[0])
    ):
        return cand
    before = body[max(0, cand.start - 40) : cand.start]
    located = _HOLDING_IN.search(before) is None and (
        _LOCATIVE.search(before) is not None
        or (place_type(cand.name) == "country" and _IN_THE.search(before) is not None)
    )
    comma = _PLACE_AFTER_COMMA.match(body, cand.end)
    if comma is not None and place_type(comma.group(1)) in ("region", "country"):
        located = True
    if not located:
        span = doc.char_span(cand.start, cand.end)
        head = span.root if span is not None else None
        located = (
            head is not None
            and head.dep_ == "dobj"
            and head.head.pos_ == "VERB"
            and head.head.lemma_ in _STRIKES
        )
    return replace(cand, kind=EntityKind.PLACE) if located else cand


def _place_after_preposition(
    body: str, cand: Candidate, before: re.Pattern[str] = _PLACE_PREPOSITION
) -> bool:
    """A name GeoNames knows as a place, printed after "of", "in", "from"... ("lived in
    Santa Rosa"), unless it starts with a given name. A word neither rules nor recogniser
    could type takes only "in", "near" or "between" ("the name of God", "at Green v.
    United States" name no town)."""
    return (
        not gz.is_given_name(cand.name.split()[0])
        and place_type(cand.name) is not None
        and before.search(body, max(0, cand.start - 9), cand.start) is not None
    )


def _titled_person(body: str, cand: Candidate) -> list[Candidate] | None:
    """ "President of Kazakhstan Kassym-Zhomart Tokayev" read as one name: the place the
    title is of, and the person (a given name and more) that follows it; "the" stays out
    of the place ("The President of the United States Donald Trump")."""
    words = list(re.finditer(r"\S+", body[cand.start : cand.end]))
    for i in range(2, len(words) - 1):
        if not gz.is_given_name(words[i].group()) or words[i - 1].group().endswith(","):
            continue
        for k in (1, 2, 3):
            if i - k < 1 or words[i - k - 1].group().lower() != "of":
                continue
            titles = gz.CORE_TITLES | gz.TITLE_MODIFIERS
            if not any(w.group().lower() in titles for w in words[: i - k - 1]):
                continue  # "Bank of America Merrill Lynch": no title, a firm's name
            first = i - k + (words[i - k].group().lower() == "the")  # "of the United States"
            if first >= i:
                continue
            place_start, place_end = (
                cand.start + words[first].start(),
                cand.start + words[i - 1].end(),
            )
            place = " ".join(body[place_start:place_end].split())
            if gz.place_canonical(place) is None:
                continue
            person = " ".join(body[cand.start + words[i].start() : cand.end].split())
            return [
                replace(cand, start=place_start, end=place_end, name=place, kind=EntityKind.PLACE),
                replace(
                    cand, start=cand.start + words[i].start(), name=person, kind=EntityKind.PERSON
                ),
            ]
    return None


# After a name, words that make it the speaker: "... Relations Alia Salem said"
_SPEAKS = re.compile(r"\s*,|\s+(?:said|says|told|added|stated|explained|noted|warned)\b")
_JOINING = gz.word_set("of for on and the in at to")


def _body_then_speaker(body: str, cand: Candidate) -> list[Candidate] | None:
    """ "the Council on American-Islamic Relations Alia Salem said": a body's name with the
    speaker's name (a given name and a surname) run on after it."""
    words = list(re.finditer(r"\S+", body[cand.start : cand.end]))
    if len(words) < 5 or not _SPEAKS.match(body, cand.end):
        return None
    given, surname, last_of_body = words[-2].group(), words[-1].group(), words[-3].group()
    # "Director of Public Prosecutions Noordin Haji said": an office's title vouches for
    # a given name no list knows
    titled = words[0].group().lower() in gz.CORE_TITLES
    if (
        not (gz.is_given_name(given) or (titled and given[:1].isupper()))
        or not surname[:1].isupper()
        or surname.lower() in gz.ORG_HEADS
        or last_of_body.lower() in _JOINING
        # the body's name ends as bodies' names do ("... Relations", "... Council"), not
        # as a firm named after people does ("Bank of America Merrill Lynch")
        or not (last_of_body.lower() in gz.ORG_HEADS or re.fullmatch(r"[A-Z]\w{3,}s", last_of_body))
    ):
        return None
    split = cand.start + words[-2].start()
    end_of_body = cand.start + words[-3].end()
    start_of_body = cand.start
    if titled:  # "Chairman of the Central Electoral Commission": the body is after "of"
        of = next((i for i, w in enumerate(words[:-3]) if w.group() == "of"), None)
        if of is None:
            return None
        after = of + 2 if words[of + 1].group().lower() == "the" else of + 1
        if after > len(words) - 3:
            return None
        start_of_body = cand.start + words[after].start()
    return [
        replace(
            cand,
            start=start_of_body,
            end=end_of_body,
            name=" ".join(body[start_of_body:end_of_body].split()),
        ),
        replace(
            cand,
            start=split,
            name=" ".join(body[split : cand.end].split()),
            kind=EntityKind.PERSON,
        ),
    ]


def _checked(
    body: str, cand: Candidate, names: list[tuple[int, int, str]], proper: Counter[str]
) -> list[Candidate]:
    titled = _titled_person(body, cand)
    if titled is not None:
        return titled
    if cand.kind is EntityKind.ORGANIZATION and (spoken := _body_then_speaker(body, cand)):
        return spoken
    if any(s <= cand.start and cand.end <= e for s, e, label in names if label in AMOUNTS):
        return []
    if cand.kind in (EntityKind.PERSON, EntityKind.OTHER) and any(
        s <= cand.start and cand.end <= e for s, e, label in names if label in TIMES
    ):
        return [replace(cand, kind=EntityKind.EVENT)]  # "on Waitangi Day": nobody's name
    inside = [
        n for n in names if n[0] < cand.end and cand.start < n[1] and n[2] not in AMOUNTS | TIMES
    ]
    for start, end, label in inside:
        if (
            label in ("ORG", "GPE", "LOC", "FAC", "EVENT")
            and start < cand.start
            and end == cand.end
            and _only_demonyms(body[start : cand.start])
            and _cut_from_name(cand, body[start : cand.start])
        ):
            # the rules cut a nationality or a direction off the name the recogniser
            # reads whole ("Southern California", "the Korean War"): the whole stands
            name = " ".join(body[start:end].split())
            return [replace(cand, start=start, name=name, kind=KINDS[label])]
    if gz.place_canonical(cand.name) or gz.organization_canonical(cand.name):
        return [cand]
    for start, end, label in inside:
        # "the New People's Party": the rules stop at the possessive, the recogniser
        # names the party; an organisation's head after "'s" belongs to its name
        if (
            label == "ORG"
            and start <= cand.start
            # a place's or one person's party is theirs, not a name: "Putin's Party"
            and cand.kind is not EntityKind.PLACE
            and not (cand.kind is EntityKind.PERSON and " " not in cand.name)
            and _POSSESSIVE_HEAD.fullmatch(body, cand.end, end)
        ):
            name = " ".join(body[cand.start : end].split())
            return [replace(cand, end=end, name=name, kind=EntityKind.ORGANIZATION)]
    wider = [
        n
        for n in inside
        if n[0] < cand.start
        and cand.end <= n[1]
        and n[2] in ("ORG", "GPE", "LOC", "FAC")
        and _only_titles(body[n[0] : cand.start] + " " + body[cand.end : n[1]])
        and not _office_of(body, cand, n[0])
    ]
    if len(inside) == 1 and wider:
        # The rules cut a title word off an organisation's name ("General Motors"
        # read as General ... Motors): the recogniser's whole name stands.
        start, end, label = wider[0]
        name = " ".join(body[start:end].split())
        return [replace(cand, start=start, end=end, name=name, kind=KINDS[label])]
    if not inside:
        if cand.kind is EntityKind.OTHER and _place_after_preposition(body, cand, _IN_PLACE):
            return [replace(cand, kind=EntityKind.PLACE)]  # "Police in Arequipa arrested"
        if (
            cand.kind is EntityKind.OTHER
            and not is_acronym(cand.name)
            and ": " not in cand.name  # a work's title and subtitle, named by the rules
            and proper[cand.name] < _PROPER_REPEATS
        ):
            return []  # "Chapter", "Countdown": capitalised, but no name
        return [cand]
    if len(inside) == 1 or not _separate(body, inside):
        # One recognised name, or "Qasym-Zhomart Toqaev" read as two people.
        start, end, label = min(n[0] for n in inside), max(n[1] for n in inside), inside[0][2]
        if label in NOT_ENTITIES:
            # "Panamanian", "Buddhist"; a name the rules typed stays ("Nazarbaev", which
            # the recogniser misreads as a nationality)
            return [] if cand.kind is EntityKind.OTHER or gz.is_demonym(cand.name) else [cand]
        kind = _kind(cand, label)
        if kind is EntityKind.ORGANIZATION and described_person(body, cand.end):
            kind = EntityKind.PERSON  # "Rubilio Mendez, 34, a migrant": no company is 34
        if cand.kind is EntityKind.PERSON and _HONORIFIC.search(
            body, max(0, cand.start - 6), cand.start
        ):
            kind = EntityKind.PERSON  # "Mr MacFarlane", whatever the recogniser took it for
        if kind is EntityKind.PERSON and _place_after_preposition(body, cand):
            kind = EntityKind.PLACE  # "the mayor of Valencia": a city, though read as a name
        start, end = max(start, cand.start), min(end, cand.end)
        member = _OF_BODY.match(body, end, cand.end)
        if label == "PERSON" and start == cand.start and member is not None:
            # "Daniya Espayeva of the Ak Zhol party": a person and the party
            # she belongs to, though the recogniser named only the person
            person = " ".join(body[start:end].split())
            body_name = " ".join(body[member.end() : cand.end].split())
            return [
                replace(cand, end=end, name=person, kind=EntityKind.PERSON),
                replace(cand, start=member.end(), name=body_name, kind=EntityKind.ORGANIZATION),
            ]
        rest = body[cand.start : start] + " " + body[end : cand.end]
        if (start, end) == (cand.start, cand.end) or not _only_furniture(rest):
            return [replace(cand, kind=kind)]  # "Environment Canada" stays whole
        # A name with a day or a title stuck to it: "Nur-Sultan Wednesday" -> "Nur-Sultan"
        name = " ".join(body[start:end].split())
        return [replace(cand, start=start, end=end, name=name, kind=kind)]
    if _ends_in_a_nationality(body, cand, inside) or _of_both_across_and(body, cand, inside):
        return [cand]
    parts: list[Candidate] = []
    previous_end = cand.start
    for start, end, label in sorted(inside):
        if label in NOT_ENTITIES:
            continue
        start, end = max(start, cand.start), min(end, cand.end)
        if label == "PERSON":
            start = _given_names_before(body, max(previous_end, cand.start), start)
        previous_end = end
        text = " ".join(body[start:end].split())
        if text[:1].isupper():
            parts.append(Candidate(start, end, text, KINDS[label], cand.sentence_index))
    return parts


# "Union of", "Central Commission for": an organisation's head word and what it is of or for
_HEAD_OF = re.compile(r"\b(\w+) (?:of|for) (?:the )?[A-Z]")
# What "and" joins inside such a name: capitalised words, perhaps with "of" ("Referenda
# of Turkmenistan")
_AND_TAIL = re.compile(r" and ((?:[A-Z][\w'’-]*)(?: (?:of |the )*[A-Z][\w'’-]*)*)")


def _of_both_across_and(body: str, cand: Candidate, inside: list[tuple[int, int, str]]) -> bool:
    """Whether an organisation the rules read whole, named for what it is of or for, runs
    on over "and" to a second thing it is of or for, where the recogniser cut it in two
    ("the Union of Rationalist Atheists and Agnostics", "the Central Commission for
    Elections and Referenda of Turkmenistan": not "Agnostics", "Referenda"). The first
    name the recogniser reads is an organisation from the rules' start, opened by a head
    word and "of" or "for"; what follows "and" is capitalised words up to the rules' end,
    no organisation of its own (no head word last: "the Ministry of Defence and Foreign
    Office" are two; nor one the recogniser names an organisation in two words or more,
    "the Bank of Ghana and Federal Reserve"), no listed organisation or place, nor a given
    name first; and the first is of no place ("the Bank of England")."""
    if cand.kind is not EntityKind.ORGANIZATION:
        return False
    first = min(inside)
    if first[2] != "ORG" or first[0] > cand.start or first[1] >= cand.end:
        return False
    head = _HEAD_OF.search(body, cand.start, first[1])
    if head is None or head.group(1).lower() not in gz.ORG_HEAD_FIRST:
        return False
    if place_type(body[head.end() - 1 : first[1]]) is not None:
        return False  # "the Bank of England and Federal Reserve": a body of a place is whole
    tail = _AND_TAIL.fullmatch(body, first[1], cand.end)
    if tail is None:
        return False
    second = tail.group(1)
    words = second.split()
    if any(s == tail.start(1) and " " in body[s:e] and label == "ORG" for s, e, label in inside):
        return False  # the recogniser's organisation of two words or more after "and"
    return (
        words[-1].lower() not in gz.ORG_HEADS
        and not gz.is_given_name(words[0])
        and gz.organization_canonical(second) is None
        and gz.place_canonical(second) is None
    )


def _office_of(body: str, cand: Candidate, start: int) -> bool:
    """Whether the words the recogniser reads before a person the rules titled are what
    the title is of: "Secretary of the Interior Dirk Kempthorne" is no organisation
    "Interior Dirk Kempthorne", the rules' title runs over "of the Interior". Not when
    the rules took a title word of a name for a title ("the chief of General Motors"
    read as "Motors" titled "General"): a full name, and no title word cut off."""
    before = body[max(0, start - 8) : start].split()
    cut = [w.lower() for w in body[start : cand.start].split()]
    if cand.kind is not EntityKind.PERSON or cand.description is None or " " not in cand.name:
        return False
    if "of" in cut:
        return cut[0] in gz.CORE_TITLES  # the whole "Secretary of the Interior" read too
    return not any(w in gz.CORE_TITLES for w in cut) and (
        before[-1:] == ["of"] or before[-2:] == ["of", "the"]
    )


def _ends_in_a_nationality(body: str, cand: Candidate, inside: list[tuple[int, int, str]]) -> bool:
    """Whether the rules' organisation is one the recogniser reads as an organisation and
    a nationality or party word straight after it, ending the name: "the Press Democrat
    newspaper" (the paper, not "Press" and a Democrat). A legislature or a party before
    the word is its members ("Senate Republican leader"): no such name."""
    if cand.kind is not EntityKind.ORGANIZATION or len(inside) != 2:
        return False
    (s1, e1, l1), (s2, e2, l2) = sorted(inside)
    head = body[s1:e1].split()[-1].lower()
    return (
        l1 == "ORG"
        and l2 in NOT_ENTITIES
        and (s1, e2) == (cand.start, cand.end)
        and body[e1:s2] == " "
        and head not in _MEMBERS_OF
    )


_MEMBERS_OF = gz.word_set("senate house congress assembly parliament party caucus committee")


def _given_names_before(body: str, floor: int, start: int) -> int:
    """Where a person's name starts when the recogniser left off the capitalised word or
    two before it that the rules read with it ("Refugee Council Enver Solomon": the
    recogniser's "Solomon" is "Enver Solomon"); never past a title or another name."""
    words = list(_WORD_BEFORE.finditer(body, floor, start))
    taken = start
    for match in reversed(words[-2:]):
        word = match.group(1)
        if (
            match.end() != taken
            or not word[:1].isupper()
            or word.lower() in _NOT_GIVEN
            or gz.place_canonical(word)
            or gz.organization_canonical(word)
            or gz.is_demonym(word)
            or re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", body)
        ):
            break  # a word the copy also prints in lower case is a common one
        taken = match.start(1)
    return taken


_WORD_BEFORE = re.compile(r"([\w'’-]+) ")
_NOT_GIVEN = gz.CORE_TITLES | gz.TITLE_MODIFIERS | gz.ROLE_NOUNS | gz.ORG_HEADS | gz.STOP_WORDS
