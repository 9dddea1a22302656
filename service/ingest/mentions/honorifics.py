"""Honorifics before a name: "Mr. Trump", "Dr. Benjamin" (a person's name follows), and the
sex "Mr." or "Mrs." gives the surname's bearer, for one mention or the whole story."""

from __future__ import annotations

import re
from collections.abc import Sequence

from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.names import name_key

# "Mr. Trump", "Dr. Benjamin": a person's name follows; "Mr." or "Mrs." says which sex
# the surname's bearer is.
HONORIFIC = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov)\.?\s+$")
_HONORIFIC_SEX = {"Mr": "male", "Mrs": "female", "Ms": "female", "Miss": "female"}


def honorific_sex(body: str, start: int) -> str | None:
    """The sex an honorific printed right before ``start`` gives the name there ("Mr."
    male, "Mrs."/"Ms."/"Miss" female), else None ("Dr.", no honorific)."""
    found = HONORIFIC.search(body, max(0, start - 6), start)
    return _HONORIFIC_SEX.get(found["title"]) if found is not None else None


def sex_by_honorific(body: str, candidates: Sequence[Candidate]) -> dict[str, str]:
    """Surname key -> the sex the story's honorifics give it, when they all agree: a
    story that calls its Trump "Mr. Trump" means him by "President Trump" too."""
    sexes: dict[str, set[str]] = {}
    for cand in candidates:
        key = name_key(cand.name)
        if len(key.split()) == 1 and (sex := honorific_sex(body, cand.start)) is not None:
            sexes.setdefault(key, set()).add(sex)
    return {key: found.pop() for key, found in sexes.items() if len(found) == 1}
