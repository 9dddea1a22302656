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

This module is the driver (``reconcile``): the recogniser's names are read in
``recognised_names``, names joined across "the", "and", "for", "on" in ``joined_bodies``,
words forced into names by capitals dropped in ``forced_capitals``, each candidate
checked in ``checked_names`` (two names run on cut apart in ``run_on_names``), names the
rules missed added in ``added_names``, kinds the context gives in ``kinds_by_context``.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from service.ingest.mentions import gazetteer as gz
from service.ingest.mentions.added_names import (
    added,
    after_company_noun,
    described_person,
    lone_proper_noun,
    named_subjects,
)
from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.checked_names import checked
from service.ingest.mentions.descriptors import tidied
from service.ingest.mentions.forced_capitals import (
    page_label,
    time_words,
    without_opening_word,
)
from service.ingest.mentions.joined_bodies import joined_across_the
from service.ingest.mentions.kinds_by_context import (
    known_place,
    place_before_noun,
    the_thing,
    town_by_context,
)
from service.ingest.mentions.recognised_names import KINDS, recognised_names
from service.ingest.mentions.widened_names import event_with_direction
from service.ingest.model import EntityKind


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
    for cand in joined_across_the(body, candidates, names):
        if cand.kind is EntityKind.EVENT:
            # dated events are read from lower-case copy on purpose
            out.append(event_with_direction(body, cand, names))
            continue
        if time_words(cand, doc, names) or page_label(body, cand, doc):
            continue
        cand = without_opening_word(body, cand, doc, names, sentence_starts, named)
        if out and out[-1].start <= cand.start and cand.end <= out[-1].end:
            continue  # "Party of Korea", inside the "Workers' Party of Korea" just read
        out.extend(checked(body, cand, names, proper))
    covered = [(c.start, c.end) for c in candidates]
    # A single word the recogniser names the same way twice or more is a name, even where
    # the rules could not tell (only ever at a sentence start: "Chrysler said ...").
    seen = Counter((body[start:end], label) for start, end, label in names)
    subjects = named_subjects(body, doc)
    for start, end, label in names:
        if label == "NORP" and start in subjects and lone_proper_noun(body, start, end):
            label = "ORG"  # "Rivian said ...": no nationality is the subject of a verb
        if label not in ("PERSON", "ORG", "GPE", "LOC"):
            continue
        if any(s < end and start < e for s, e in covered):
            continue
        if gz.unit_after_number(body, start, end):
            continue  # "16 GB": a unit after its number, no place
        repeated = seen[(body[start:end], label)] > 1 or (label == "ORG" and start in subjects)
        if not added(body, start, end, label, repeated=repeated):
            continue
        text = body[start:end]
        index = max(0, bisect.bisect_right(sentence_starts, start) - 1)
        kind = EntityKind.PERSON if described_person(body, end) else KINDS[label]
        if after_company_noun(body, start):
            kind = EntityKind.ORGANIZATION  # "electric carmaker Tesla"
        out.append(Candidate(start, end, " ".join(text.split()), kind, index))
    out = [
        town_by_context(body, known_place(place_before_noun(the_thing(body, c, doc), doc)), doc)
        for c in out
    ]
    out.sort(key=lambda c: c.start)
    return tidied(body, out, [(start, end) for start, end, label in names if label == "PERSON"])
