"""The unit of a figure: what it counts (people, jobs, pages) or measures (magnitude,
points), from its concept, its number and the parse's counted noun."""

from __future__ import annotations

from service.ingest.figures.concepts import Reading
from service.ingest.figures.lexicon import lexicon, unit_class
from service.ingest.figures.number_match import NumberMatch


def counts_heads(prop: str | None) -> bool:
    """Whether the concept counts people or jobs: a count of times never does ("Gigante
    was arrested seven times": no seven people detained; "the Bulldogs twice cut the
    lead": no jobs cut)."""
    concept = lexicon().concepts.get(prop) if prop is not None else None
    return concept is not None and concept.unit in ("people", "jobs")


def of_people(prop: str) -> bool:
    """Whether the lexicon's concept ``prop`` counts people (deaths, detained, injured)."""
    concept = lexicon().concepts.get(prop)
    return concept is not None and concept.unit == "people"


def figure_unit(prop: str | None, number: NumberMatch, reading: Reading | None) -> str:
    """A count takes the unit of what it counts (people, jobs, pages), else of what it
    measures (injuring 400: people; magnitude 6.4: magnitude)."""
    if prop == "magnitude":
        return "magnitude"  # "2.8 to 3.8 degrees on the Richter scale": no temperature
    if number.unit == "people" or number.unit != "count":
        return number.unit
    if prop == "age":
        return "years"  # "He was 95"
    if prop in ("decline", "growth") and (reading is None or reading.counted is None):
        return "points"  # "the Dow fell 344.65": a market's move in points
    concept = lexicon().concepts.get(prop) if prop is not None else None
    if (
        concept is not None
        and concept.unit
        and concept.subject == "place"
        and unit_class(concept.unit) == "measure"
    ):
        # A measure of an event counts no event: "the magnitude 6.4 quake" is a magnitude
        return concept.unit
    if reading is not None and reading.counted is not None:
        return reading.counted
    if prop is None:
        return number.unit
    if concept is not None and concept.unit and unit_class(concept.unit) in ("count", "measure"):
        return concept.unit
    if concept is None and reading is not None and reading.concept == prop:
        return prop  # an open key is the counted noun: "300 flights"
    return number.unit
