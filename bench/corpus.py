"""Deterministic synthetic corpus: N newsroom articles recombined from seed-like copy.

Each article is built from its own `random.Random(seed, index)`, so the first 1,000
articles of the 100k corpus are the 1k corpus. Entities recur in a long tail (Zipf) and
are printed in several spellings (Tokayev / Toqaev / Tokaev); the same facts (a
candidate's share of the vote, people detained, observers deployed, turnout) are reported
by many outlets with differing values, number formats and quote styles; sentences taken
from the seed and gold copy are mixed in. Every article's text is unique.

    .venv/bin/python -m bench.corpus --size 10000   # writes bench/corpus/articles-10000.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
SEED = 20190609

FIRST_NAMES = [
    "Amirzhan",
    "Aidos",
    "Marat",
    "Yerlan",
    "Daniyar",
    "Nurlan",
    "Askar",
    "Bolat",
    "Serik",
    "Timur",
    "Arman",
    "Ruslan",
    "Dauren",
    "Kairat",
    "Zhanbolat",
    "Galym",
    "Murat",
    "Ermek",
    "Azamat",
    "Berik",
    "Gulnara",
    "Aigerim",
    "Dinara",
    "Saule",
    "Zhanar",
    "Aliya",
    "Madina",
    "Asel",
    "Ainur",
    "Botagoz",
    "Nazira",
    "Dariga",
    "Kamila",
    "Raushan",
    "Elena",
    "Olga",
    "Irina",
    "Sergei",
    "Viktor",
    "Andrei",
    "Pavel",
    "George",
    "Michael",
    "Sarah",
    "David",
    "Anna",
    "Maria",
    "Thomas",
    "Peter",
]
SURNAME_STEMS = [
    "Tokt",
    "Kosh",
    "Nazark",
    "Kozb",
    "Abdr",
    "Zhum",
    "Sult",
    "Baik",
    "Iskak",
    "Mam",
    "Dzhaks",
    "Yerzh",
    "Tasm",
    "Kuan",
    "Saginb",
    "Ospan",
    "Akhmet",
    "Beis",
    "Karab",
    "Omar",
    "Suleim",
    "Tulep",
    "Yessim",
    "Zhaks",
    "Nurl",
    "Abish",
    "Bekt",
    "Kenzh",
    "Moldab",
    "Syzd",
    "Utemb",
    "Aub",
    "Shaikh",
    "Kassym",
    "Almab",
    "Dosm",
    "Erken",
    "Zhol",
    "Kalm",
    "Temirb",
    "Ushk",
    "Baim",
    "Sarsenb",
    "Turs",
    "Mukh",
]
MIDDLES = ("", "", "ar", "en", "ul", "ir", "as", "ek", "ot", "im", "ab", "ur", "ol")
# The stems stay clear of the seed copy's surnames (Tokayev, Kosanov, Nazarbayev, Kozhayev):
# a synthetic "Dinara Nazarbayev" would make every bare "Nazarbayev" of the seed sentences
# ambiguous, and the resolver then creates a new entity for each (see bench/RESULTS.md).
SURNAME_ENDINGS = ("ayev", "anov", "ov", "ekov", "imov", "uly", "enko", "baev", "in")
ORG_HEADS = (
    "Commission",
    "Party",
    "Ministry",
    "Council",
    "Union",
    "Foundation",
    "Agency",
    "Committee",
)
ORG_TOPICS = (
    "Election",
    "Interior",
    "Human Rights",
    "Press Freedom",
    "Energy",
    "Democratic Choice",
    "National Security",
    "Civil Liberties",
    "Fair Trade",
    "Public Health",
    "Labour",
    "Defence",
    "Transparency",
    "Agriculture",
    "Migration",
)
ORG_QUALIFIERS = ("Central", "National", "Independent", "People's", "Regional", "United", "Free")
PLACES = [
    "Almaty",
    "Astana",
    "Nur-Sultan",
    "Shymkent",
    "Karaganda",
    "Aktobe",
    "Taraz",
    "Pavlodar",
    "Oskemen",
    "Semey",
    "Atyrau",
    "Kostanay",
    "Kyzylorda",
    "Oral",
    "Petropavl",
    "Aktau",
    "Temirtau",
    "Turkistan",
    "Kokshetau",
    "Taldykorgan",
    "Ekibastuz",
    "Rudny",
    "Zhanaozen",
    "Bishkek",
    "Tashkent",
    "Dushanbe",
    "Moscow",
    "Geneva",
    "Vienna",
    "Warsaw",
]
OUTLETS = (
    "Associated Press",
    "Reuters",
    "Agence France-Presse",
    "RFE/RL",
    "Al Jazeera",
    "BBC News",
    "Eurasianet",
    "The Astana Times",
    "TASS",
    "Kazinform",
    "The Guardian",
    "Deutsche Welle",
    "Vlast.kz",
    "The Diplomat",
    "South East Asia Post",
    "Asia News Wire",
    "Central Asia Daily",
    "Steppe Courier",
)
NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    12: "12",
}
SAY_VERBS = ("said", "told reporters", "said in a statement", "told journalists", "added")
QUOTE_STYLES = (("\u201c", "\u201d"), ('"', '"'), ("'", "'"))
QUOTE_LINES = (
    "We will not allow anyone to destabilise the country",
    "The vote was free and fair, and the results speak for themselves",
    "Those detained will be dealt with according to the law",
    "We are deeply concerned about the arrests of peaceful protesters",
    "The commission counted every ballot in full view of the observers",
    "Our party will challenge these results in court",
    "Nobody has the right to speak on behalf of the people",
    "The economy grew faster than anyone expected this year",
    "We call on the authorities to release everyone held for their views",
    "The police acted within the law and with restraint",
    "This is a historic day for our country",
    "Reforms will continue, and nobody will be left behind",
)


@dataclass(frozen=True, slots=True)
class Person:
    forms: tuple[str, ...]  # the full name as printed by different outlets
    surnames: tuple[str, ...]
    role: str


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    acronym: str
    variants: tuple[str, ...]


def _variants(surname: str) -> tuple[str, ...]:
    """Transliteration variants the way outlets print them (Tokayev, Toqaev, Tokaev)."""
    forms = [surname]
    if "k" in surname[1:]:
        forms.append(surname[0] + surname[1:].replace("k", "q"))
    if "ayev" in surname:
        forms.append(surname.replace("ayev", "aev"))
    if surname.startswith("Zh"):
        forms.append("J" + surname[2:])
    return tuple(dict.fromkeys(forms))


def _people(rng: random.Random, count: int) -> list[Person]:
    roles = (
        "President",
        "opposition leader",
        "Interior Minister",
        "Deputy Interior Minister",
        "election official",
        "rights activist",
        "party chairman",
        "former journalist",
        "mayor",
        "Foreign Minister",
    )
    people: list[Person] = []
    seen: set[str] = set()
    while len(people) < count:
        first = rng.choice(FIRST_NAMES)
        surname = rng.choice(SURNAME_STEMS) + rng.choice(MIDDLES) + rng.choice(SURNAME_ENDINGS)
        if surname in seen:
            continue
        seen.add(surname)
        variants = _variants(surname)
        first_forms = _variants(first)
        forms = tuple(f"{rng.choice(first_forms)} {v}" for v in variants)
        people.append(Person(forms=forms, surnames=variants, role=rng.choice(roles)))
    return people


def _organizations(rng: random.Random, count: int) -> list[Organization]:
    orgs: list[Organization] = []
    seen: set[str] = set()
    while len(orgs) < count:
        name = f"{rng.choice(ORG_QUALIFIERS)} {rng.choice(ORG_TOPICS)} {rng.choice(ORG_HEADS)}"
        if name in seen:
            continue
        seen.add(name)
        acronym = "".join(w[0] for w in name.replace("'", "").split() if w[0].isupper())
        variants = (name, name.replace("Labour", "Labor").replace("Defence", "Defense"))
        orgs.append(Organization(name=name, acronym=acronym, variants=variants))
    return orgs


def _zipf(count: int, exponent: float = 1.1) -> list[float]:
    return list(accumulate(1.0 / (rank**exponent) for rank in range(1, count + 1)))


def _pick(rng: random.Random, items: Sequence[object], cumulative: list[float]) -> int:
    return bisect(cumulative, rng.random() * cumulative[-1])


def _seed_sentences() -> list[str]:
    """Plain story sentences of the seed and gold copy, without quotation marks."""
    sentences: list[str] = []
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "gold" / "articles").glob("*.txt")
    )
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line.strip()):
                if (
                    60 <= len(sentence) <= 260
                    and sentence.endswith(".")
                    and not re.search(r"[\"'“”‘’]|http|Copyright|©|\(c\)", sentence)
                ):
                    sentences.append(sentence)
    return sorted(set(sentences))


def _percent(rng: random.Random, value: float) -> tuple[str, str]:
    """A share as printed, and the approximation word used (if any)."""
    style = rng.randrange(6)
    if style == 0:
        return f"{value:.2f}%", ""
    if style == 1:
        return f"{value:.2f} percent", ""
    if style == 2:
        return f"{value:.1f} per cent", ""
    if style == 3:
        return f"nearly {round(value + 0.4)} percent", "nearly"
    if style == 4:
        return f"more than {int(value)} percent", "more than"
    return f"about {round(value)} percent", "about"


def _count(rng: random.Random, value: int) -> str:
    if value in NUMBER_WORDS and rng.random() < 0.6:
        return NUMBER_WORDS[value]
    style = rng.randrange(5)
    if style == 0 and value >= 1000:
        return f"{value:,}"
    if style == 1:
        return f"some {value}"
    if style == 2:
        return f"at least {value}"
    if style == 3:
        return f"nearly {round(value, -1) or value}"
    return str(value)


class Generator:
    def __init__(self, seed: int = SEED) -> None:
        world = random.Random(seed)
        self.seed = seed
        self.people = _people(world, 2000)
        self.orgs = _organizations(world, 400)
        self.people_weights = _zipf(len(self.people))
        self.org_weights = _zipf(len(self.orgs))
        self.place_weights = _zipf(len(PLACES), 0.8)
        self.outlet_weights = _zipf(len(OUTLETS), 0.7)
        self.sentences = _seed_sentences()

    def article(self, index: int) -> dict[str, str]:
        rng = random.Random(f"{self.seed}:{index}")
        person = self.people[_pick(rng, self.people, self.people_weights)]
        rival = self.people[_pick(rng, self.people, self.people_weights)]
        official = self.people[_pick(rng, self.people, self.people_weights)]
        org = self.orgs[_pick(rng, self.orgs, self.org_weights)]
        place = PLACES[_pick(rng, PLACES, self.place_weights)]
        outlet = OUTLETS[_pick(rng, OUTLETS, self.outlet_weights)]
        # A story's "true" figures depend on who is in it, so outlets reporting the same
        # person report near values: the same fact, several sourced values.
        story = random.Random(person.forms[0])
        share = story.uniform(40, 90)
        share = rng.choice((share, share + 0.2, share - 0.15, share))
        detained = rng.choice((story.randrange(20, 900), story.randrange(20, 900) + 10))
        observers = story.randrange(50, 800)
        turnout = story.uniform(45, 85) + rng.choice((0.0, 0.3))
        day = dt.date(2019, 1, 1) + dt.timedelta(days=story.randrange(0, 900) + rng.randrange(3))
        published = dt.datetime(
            day.year, day.month, day.day, rng.randrange(24), rng.randrange(60), tzinfo=dt.UTC
        )

        name = rng.choice(person.forms)
        surname = name.split()[-1]
        rival_name = rng.choice(rival.forms)
        official_name = rng.choice(official.forms)
        org_name = rng.choice(org.variants)
        open_q, close_q = rng.choice(QUOTE_STYLES)
        share_text, _ = _percent(rng, share)
        rival_share = f"{(100 - share) * rng.uniform(0.3, 0.7):.2f} percent"
        paragraphs = [
            f"{place.upper()}, Kazakhstan ({outlet}) \u2014 {person.role.capitalize()} {name} "
            f"won {share_text} of the vote in the presidential election, the {org_name} said "
            f"on {day:%B} {day.day}.",
            f"His closest rival, {rival.role} {rival_name}, received {rival_share}.",
            f"{rival_name.split()[-1]} said turnout was {turnout:.1f} percent.",
            f"{official.role.capitalize()} {official_name} said police detained "
            f"{_count(rng, detained)} people in {place}, and that "
            f"{_count(rng, rng.randrange(2, 10))} police officers were injured.",
            f"{open_q}{rng.choice(QUOTE_LINES)},{close_q} {surname} {rng.choice(SAY_VERBS)}.",
            f"The {org_name} ({org.acronym}) deployed {_count(rng, observers)} observers.",
            f"{open_q}{rng.choice(QUOTE_LINES)}.{close_q} said {official_name.split()[-1]}.",
            f"The {org.acronym} called the detentions {open_q}unacceptable{close_q}.",
        ]
        lead, paragraphs = paragraphs[0], rng.sample(paragraphs[1:], k=5)
        filler = rng.sample(self.sentences, k=rng.randrange(3, 7))
        body = [lead, *paragraphs[:3], " ".join(filler[:2]), *paragraphs[3:], *filler[2:]]
        headline = rng.choice(
            (
                f"{surname} wins {share_text} as {detained} detained",
                f"{org.acronym} reports {surname} victory in {place}",
                f"Police detain protesters in {place} after vote",
                f"{surname} declared winner; observers cite violations",
            )
        )
        byline = f"By {rng.choice(FIRST_NAMES).upper()} {rng.choice(SURNAME_STEMS).upper()}OVA"
        trailer = f"Copyright {day.year} {outlet}. All rights reserved. Ref {index:06d}."
        text = "\n".join(
            [headline, byline, outlet, f"{day:%B} {day.day}, {day.year}", *body, "", trailer]
        )
        return {
            "text": text + "\n",
            "outlet": outlet,
            "headline": headline,
            "published_at": published.isoformat(),
            "url": f"https://example.org/bench/{index}",
        }

    def articles(self, count: int) -> Iterator[dict[str, str]]:
        seen: set[str] = set()
        for index in range(count):
            item = self.article(index)
            digest = hashlib.sha256(item["text"].encode()).hexdigest()
            assert digest not in seen, f"article {index} repeats an earlier one"
            seen.add(digest)
            yield item


def corpus_path(size: int) -> Path:
    return CORPUS_DIR / f"articles-{size}.jsonl"


def write_corpus(size: int, seed: int = SEED) -> Path:
    """Writes (once) and returns bench/corpus/articles-SIZE.jsonl."""
    path = corpus_path(size)
    if path.exists() and seed == SEED:
        return path
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for item in Generator(seed).articles(size):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def read_corpus(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, action="append", help="articles (repeatable)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    for size in args.size or [1000, 10_000, 100_000]:
        print(write_corpus(size, args.seed))


if __name__ == "__main__":
    main()
