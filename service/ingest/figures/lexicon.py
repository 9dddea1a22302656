"""The vocabulary a figure is read with: ``data/concepts.yaml``'s concepts and the words
that name them, the kinds of unit a concept can take, and what a count counts."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

import yaml
from spacy.tokens import Token

from service.ingest.figures.dates import CALENDAR_WORDS
from service.ingest.figures.units import PHYSICAL_UNITS

LEXICON_PATH = Path(__file__).parent.parent / "data" / "concepts.yaml"

# Units that say nothing of what is counted: look past them to what they quantify.
UNIT_WORDS = frozenset(
    {
        "percent", "per", "cent", "%", "pc", "euro", "euros", "dollar",
        "dollars", "franc", "francs", "pound", "pounds", "yen", "yuan", "cents",
        "pence", "billion", "million", "thousand", "hundred", "bn", "m", "mn", "k",
        "hundreds", "thousands", "millions", "dozens", "dozen", "scores", "tens", "couple",
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
GENERIC = frozenset(
    {
        "people", "person", "persons", "individual", "individuals", "man", "men", "woman",
        "women", "child", "children", "resident", "residents", "civilian", "civilians",
        "other", "others", "one", "some", "more", "adult", "adults", "kid", "kids",
    }
)  # fmt: skip
# Concepts that name a group of people rather than what happened to them.
GROUPS = frozenset(
    {
        "protesters", "observers", "candidates", "employees", "troops", "customers",
        "members", "participants", "population", "registered_voters", "attendance",
        "refugees", "asylum_seekers",
    }
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
    # active "holds 45 seats" is seats by its noun).
    passive_verbs: dict[str, tuple[Concept, ...]] = dataclass_field(default_factory=dict)


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
    if unit in PHYSICAL_UNITS:
        return "measure"  # "miles", "tonnes", "barrels" end in s but are no counts
    if unit in ("people", "count") or (unit.endswith("s") and "/" not in unit):
        return "count"
    return "measure"


def fits(concept: Concept, figure_unit: str) -> bool:
    if (concept.unit == "score") != (figure_unit == "score"):
        return False  # "France will lose 4,300 jobs" is no match result
    if concept.unit == "times" and figure_unit != "times":
        return False  # "Police arrested 300 people" are detained, no arrests counted in times
    figure, wanted = unit_class(figure_unit), unit_class(concept.unit)
    if figure == wanted:
        return True
    # A bare number ("magnitude 6.4") may be a count or a measure; a count of something
    # named ("37 of the candidates registered") is no measure.
    if figure == "count" and wanted == "measure":
        return figure_unit == "count"
    return figure == "count" and wanted == "count"


def counted_unit(noun: Token | None) -> str | None:
    """The unit of a count: people for humans ("43 million Americans"), jobs for
    positions, else the counted noun in the plural ("131-page" -> pages); never a month
    or a day ("10,000 February 28": a date follows the number)."""
    if noun is None or noun.lower_ in UNIT_WORDS or noun.lower_ in CALENDAR_WORDS:
        return None
    lemma = noun.lemma_.lower()
    if noun.ent_type_ == "NORP" or lemma in people_nouns() or noun.lower_ in people_nouns():
        return "people"
    if noun.lower_ in _HARMED:
        return "people"  # "ten killed and about 50 hurt"
    jobs = ("job", "position", "post", "role", "layoff", "redundancy")
    if lemma in jobs or (
        lemma in ("cut", "loss", "reduction")
        and any(c.dep_ == "compound" and c.lemma_.lower() in jobs for c in noun.children)
    ):
        return "jobs"  # "5,125 positions", "10,000 job cuts"
    if noun.tag_ in ("NNS", "NNPS") and noun.lower_.isalpha() and noun.lower_.endswith("s"):
        # the plural as printed: the lemmatizer misreads some ("75,000 corpses" -> "corps")
        return noun.lower_
    if _MODEL_PLURAL.fullmatch(noun.text) and not _DECADE.fullmatch(noun.text):
        return noun.lower_  # "18 777s", "12 more A350s": the model's plural, as printed
    if not lemma.isalpha():
        return None
    return plural(lemma)


# A model's name in the plural, counted like any noun: "777s", "A350s" (three digits or
# more, at most two letters before them); never a decade ("the 1990s").
_MODEL_PLURAL = re.compile(r"[A-Za-z]{0,2}-?\d{3,}s")
_DECADE = re.compile(r"1\d{2}0s|20\d0s")


# Participles that stand for the people they happened to ("about 50 hurt").
_HARMED = frozenset(
    {"hurt", "injured", "wounded", "killed", "dead", "missing", "displaced", "homeless",
     "arrested", "detained", "evacuated", "rescued", "stranded", "trapped"}
)  # fmt: skip
# Nouns whose plural is the singular: "four aircraft", "two species"
_SAME_PLURAL = frozenset(
    {"aircraft", "spacecraft", "sheep", "deer", "fish", "species", "series", "cattle",
     "personnel", "staff", "crew", "equipment"}
)  # fmt: skip
_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people"}


def plural(word: str) -> str:
    if word in _SAME_PLURAL:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("man") and word not in ("human", "german", "roman"):
        return word[:-3] + "men"  # "crewman", "gunman", "spokeswoman"
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


@functools.cache
def currency_nouns() -> frozenset[str]:
    return frozenset(
        w for w, found in lexicon().nouns.items() if any(c.key == "exchange_rate" for c in found)
    )


def pick(concepts: tuple[Concept, ...] | None, unit: str) -> Concept | None:
    for concept in concepts or ():
        if fits(concept, unit):
            return concept
    return None
