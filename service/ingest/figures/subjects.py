"""Whom a figure is about and who gives it: the sentence's place for a toll, else what the
parse points at (the verb's subject, a possessor, a pronoun's antecedent); the story's
city, country or organisation when the sentence names none.

The driver, ``fill_subjects``, gives each figure its subject in named steps: what the
story gives where the sentence gave none (``_placed_by_story``), then the story's topic
(``_told_of_topic``). The rules live beside it: whom a sentence's words point at in
``referents.py`` (with the kinds of organisation in ``organisation_kinds.py``), the
subject a property's own rule finds in ``sentence_subjects.py`` (a match's sides in
``score_sides.py``, a toll's place in ``event_places.py``), what moved in a market in
``movers.py``, the story's topic in ``story_topic.py`` and the figures it does not own in
``off_topic.py``.

Rules worth knowing:
- A place belongs to the count printed last before it, with the counts joined to that
  one by "and" ("719 dead and 863 injured in a stampede near Mecca"); with none before
  it, to the first count after it ("200 people arrested in ... Almaty, in addition to
  500 others": Almaty is the 200's).
- Of several places in the sentence, the toll is of the one printed as where it happened
  ("in Angola", with the region after it: "in Salt Lake City, Utah"), not of the victims'
  country ("a bus carrying the Togo team").
- "The plane", "the handset" stand for the product named last by a model name ("the
  A400M"), as "the company" stands for the organisation.
- A count with no place in its sentence happened where the story last was (the last city
  named before it); country-wide counts and country-level figures are the country's.
- Money a government moves is the country's; results a company reports are the
  company's, when the sentence names neither.
- A part of the count printed just before it ("39 percent of these", "half of which")
  is that count's subject.
- Any other figure nothing nearer places is about the entity the story names most,
  unless another value of its property in the story says it is about something else; a
  person the story names most owns only figures of sentences that name them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from service.ingest.figures.event_places import COUNTRY, among_cities, apart
from service.ingest.figures.lexicon import lexicon, unit_class
from service.ingest.figures.movers import mover_before
from service.ingest.figures.off_topic import (
    counts_nothing,
    elsewhere,
    of_several,
    says_nothing_of_topic,
    seized,
    sentence_names,
    share_of_unnamed,
    told_before,
    unnamed_people,
)
from service.ingest.figures.organisation_kinds import is_authority, names_index
from service.ingest.figures.respectively import pair_respectively
from service.ingest.figures.sentence_subjects import at_place, country_level
from service.ingest.figures.story_places import main_place
from service.ingest.figures.story_topic import (
    about_topic,
    banks_country,
    main_organization,
    story_topic,
)
from service.ingest.model import (
    EntityKind,
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
)

_DURATIONS = frozenset({"detention_duration"})


# Money a government moves is the country's; results a company reports are the
# company's: when the sentence names neither, the story's country or organisation.
_PUBLIC_MONEY = frozenset({"aid", "debt", "budget", "tax"})
_COMPANY_MONEY = frozenset(
    {"revenue", "profit", "loss", "earnings_per_share", "share_price", "market_value"}
)


def fill_subjects(
    figures: list[FigureCandidate],
    mentions: Sequence[MentionCandidate],
    cities: frozenset[int],
    body: str,
    country: int | None = None,
    entities: Sequence[LocalEntity] = (),
    headline: str | None = None,
) -> list[FigureCandidate]:
    """Counts with no place in their sentence happen where the story last was (the last
    city named before them); country-wide counts and country-level figures belong to the
    article's country (its most mentioned place that is not a city,
    or ``country`` when given: the one its dateline or headline names).

    As in ``event_place``, the story's city goes to the first such count of a sentence
    and those joined to it by "and": in "arrested 200 people on Monday in addition to 500
    held a day earlier" the 500 are the country's."""
    country = main_place(mentions, cities, city=False) if country is None else country
    placed = _parts_of_earlier(
        _placed_by_story(figures, mentions, cities, body, country, entities), body
    )
    topic = story_topic(mentions, entities, headline)
    if topic is None:
        return placed
    told = _told_of_topic(placed, topic, mentions, cities, body, entities)
    # A central bank the story is about moves its country's money, as one named does.
    return [
        replace(f, subject=banker)
        if f.story_subject and (banker := banks_country(f, entities, country)) is not None
        else f
        for f in told
    ]


def _placed_by_story(
    figures: list[FigureCandidate],
    mentions: Sequence[MentionCandidate],
    cities: frozenset[int],
    body: str,
    country: int | None,
    entities: Sequence[LocalEntity],
) -> list[FigureCandidate]:
    """Each figure with the subject the story gives where its sentence gave none: the
    story's last city for a toll, the country for country-wide
    counts, country-level figures and public money, the story's organisation for company
    results, what moved for a market move; a central bank's money its country's."""
    company = main_organization(mentions)
    city_mentions = [m for m in mentions if m.local_entity in cities]
    out: list[FigureCandidate] = []
    inherited: FigureCandidate | None = None  # the last count that took the story's city
    for f in pair_respectively(figures, mentions, body):
        if f.subject == COUNTRY:
            f = replace(f, subject=country)
        elif f.subject is None and at_place(f.property):
            earlier = [m for m in city_mentions if m.span.end <= f.span.start]
            if earlier and not apart(body, inherited, f) and not among_cities(body, earlier):
                f = replace(f, subject=earlier[-1].local_entity)
                inherited = f
            else:
                f = replace(f, subject=country)
        elif f.subject is None and (
            country_level(f.property) or f.property in _DURATIONS | _PUBLIC_MONEY
        ):
            f = replace(f, subject=country)
        elif f.subject is None and f.property in _COMPANY_MONEY and company is not None:
            f = replace(f, subject=company)
        elif f.subject is None and (mover := mover_before(body, mentions, entities, f)) is not None:
            f = replace(f, subject=mover)
        elif f.subject is not None and (banker := banks_country(f, entities, country)) is not None:
            f = replace(f, subject=banker)
        out.append(f)
    return out


# A part of what was counted just before: "39 percent of these", "half of which", "About
# half of those cuts".
_PART_OF_EARLIER = re.compile(r"\s+of\s+(?:these|those|them|which|whom)\b", re.IGNORECASE)


def _parts_of_earlier(figures: list[FigureCandidate], body: str) -> list[FigureCandidate]:
    """Each figure with no subject that is a part of what the figure printed just before it
    counts, with that figure's subject: "IE6 has 277 vulnerabilities; 39 percent of these
    are rated critical" is IE6's, "Russia will inject $19.7 billion, half of which comes
    from the budget" Russia's, and "Airbus will cut 10,000 jobs. About half of those cuts
    fall on subcontractors" Airbus's. The figure before must stand in the same sentence or
    the one right before it; a figure before it with no subject gives none ("seven bullets
    entered his body, three of them from the rear")."""
    out = list(figures)
    order = sorted(range(len(out)), key=lambda i: (out[i].part.value, out[i].span.start))
    for position, index in enumerate(order):
        f = out[index]
        if f.subject is not None or position == 0 or not _PART_OF_EARLIER.match(body, f.span.end):
            continue
        earlier = out[order[position - 1]]
        adjacent = (
            earlier.sentence == f.sentence
            or not body[earlier.sentence.end : f.sentence.start].strip()
        )
        if earlier.part is f.part and adjacent and not earlier.measured_from:
            out[index] = replace(f, subject=earlier.subject)
    return out


def _told_of_topic(
    figures: list[FigureCandidate],
    topic: int,
    mentions: Sequence[MentionCandidate],
    cities: frozenset[int],
    body: str,
    entities: Sequence[LocalEntity],
) -> list[FigureCandidate]:
    """Each figure nothing nearer placed, with the story's topic as its subject unless the
    kind of topic or the figure's words say it is about something else (``off_topic.py``)."""
    # A country's statistic is never the topic's when the topic is no place: "inflation
    # fell to 2.4 percent, Eurostat said" is not Eurostat's inflation.
    placeless = 0 <= topic < len(entities) and entities[topic].kind is not EntityKind.PLACE
    # An authority that gives a figure is not what it is about: "the government will
    # spend 22 billion pounds, the Treasury said" is no figure of the Treasury's. Nor is
    # a person the story is about of the figures they give: "Jobs announced that there
    # were 3,800 attendees" counts the event's crowd, not Jobs.
    person = 0 <= topic < len(entities) and entities[topic].kind is EntityKind.PERSON
    # A market index moves in points and percent, never in money: in a story about the
    # Dow, "crude was down $2.86 to $77.11" and "Accenture's shares fell from about $42"
    # are prices of other things.
    index = 0 <= topic < len(entities) and any(
        names_index(name) for name in (entities[topic].name, *entities[topic].aliases)
    )
    authority = 0 <= topic < len(entities) and (person or is_authority(entities[topic]))
    place = 0 <= topic < len(entities) and entities[topic].kind is EntityKind.PLACE
    return [
        replace(f, subject=topic, story_subject=True)
        if free
        and not (placeless and country_level(f.property))
        and not (authority and f.attributed_to == topic)
        and not (index and f.unit is not None and unit_class(f.unit) == "money")
        # a prison term is a person's: never a court's, nor the country's it is passed in
        and not (f.property == "sentence" and not person)
        and not (f.property == "age" and not (person and told_before(body, f)))
        and not (
            person
            and f.property != "age"
            and not sentence_names(body, mentions, f, entities[topic])
        )
        and not of_several(body, f)
        and not says_nothing_of_topic(f)
        and not counts_nothing(body, f)
        and not seized(body, f)
        and not (place and elsewhere(mentions, f, topic, cities))
        and not (not place and unnamed_people(f))
        and not (not place and not index and share_of_unnamed(f))
        else f
        for f, free in zip(figures, about_topic(figures), strict=True)
    ]


def forms_fact(figure: FigureCandidate) -> bool:
    """Whether the figure is a value of a fact: it has a property and a subject, and not
    only the story's subject with a key made of whatever noun it counts ("two cities" in a
    story about Almaty is no fact about Almaty), nor a distance whose subject is the place
    it is measured from."""
    if figure.property is None or figure.subject is None or figure.measured_from:
        return False
    return not figure.story_subject or figure.property in lexicon().concepts
