"""The story's topic, the entity it names most (among those its headline names), and the
figures free to take it: whom a figure is about when nothing nearer says; the story's
organisation for company results; a central bank's money its country's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.ingest.figures.central_banks import STORY_COUNTRY, bank_country
from service.ingest.figures.lexicon import unit_class
from service.ingest.figures.organisation_kinds import is_outlet
from service.ingest.mentions import gazetteer as gz
from service.ingest.model import (
    EntityKind,
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
)


def main_organization(mentions: Sequence[MentionCandidate]) -> int | None:
    """The organisation the story names most (first named on a tie)."""
    named = [m.local_entity for m in mentions if m.kind is EntityKind.ORGANIZATION]
    if not named:
        return None
    return max(dict.fromkeys(named), key=named.count)


def story_topic(
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity] = (),
    headline: str | None = None,
) -> int | None:
    """The entity the story names most (first named on a tie), among those its headline
    names when it names any: whom a figure is about when nothing nearer says. A person
    quoted all through a company's story is not what the story is about."""
    named = [m.local_entity for m in mentions if m.kind is not EntityKind.OTHER]
    if not named:
        return None
    candidates = list(dict.fromkeys(named))
    # An outlet the story cites or credits tells the story; it is not what it is about.
    candidates = [
        e for e in candidates if not (0 <= e < len(entities) and is_outlet(entities[e]))
    ] or candidates
    if headline:
        # As the body printed it too: the headline's "UK" is the entity named "U.K.".
        printed = {m.local_entity for m in mentions if _printed(m.text, headline, 0)}
        headlined = [
            e
            for e in candidates
            if e in printed or (0 <= e < len(entities) and printed_in(entities[e], headline))
        ]
        candidates = headlined or candidates
    return max(candidates, key=named.count)


def printed_in(entity: LocalEntity, text: str) -> bool:
    """Whether ``text`` prints the entity's name, an alias, or a person's last name."""
    names = {entity.name, *entity.aliases}
    if entity.kind is EntityKind.PERSON:
        names |= {name.split()[-1] for name in names if name.split()}
    return any(_printed(name, text) for name in names)


def _printed(name: str, text: str, flags: int = re.IGNORECASE) -> bool:
    """Whether ``text`` prints ``name`` as words of its own (a letter alone never)."""
    return len(name) > 1 and (
        re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, flags) is not None
    )


def about_topic(figures: Sequence[FigureCandidate]) -> list[bool]:
    """Which subject-less figures may take the story's topic: all but those whose property
    another figure of the article reports with another value, since one fact for them
    would set different things against each other ("424 votes" and "10,694 votes")."""
    values: dict[tuple[str, str | None], set[float]] = {}
    for f in figures:
        if f.property is not None:
            values.setdefault((f.property, f.qualifier), set()).add(f.value)
    return [
        f.subject is None and (f.property is None or len(values[(f.property, f.qualifier)]) == 1)
        for f in figures
    ]


def banks_country(
    figure: FigureCandidate, entities: Sequence[LocalEntity], country: int | None
) -> int | None:
    """The country whose central bank moves the money: "the Bank of Japan injected ¥1
    trillion" is Japan's, "the Federal Reserve arranged swap lines of US$180 billion" the
    United States', as money a government moves is its country's; "the Central Bank",
    named with no country, is the story's. None when the story names no such country,
    and for what is no money ("the Fed held its rate at 5.25%" stays the bank's)."""
    subject = figure.subject
    if figure.unit is None or unit_class(figure.unit) != "money":
        return None
    if subject is None or not 0 <= subject < len(entities):
        return None
    bank = entities[subject]
    if bank.kind is not EntityKind.ORGANIZATION or (named := bank_country(bank.name)) is None:
        return None
    if named == STORY_COUNTRY:
        return country
    for entity in entities:
        if entity.kind is EntityKind.PLACE and any(
            (gz.place_canonical(name) or name) == named for name in (entity.name, *entity.aliases)
        ):
            return entity.index
    return None
