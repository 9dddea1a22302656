"""Names the recogniser found and the rules missed, and what is said after them
(added_names.py)."""

from __future__ import annotations

from service.ingest.mentions.added_names import described_person


def test_a_job_held_somewhere_after_a_name_describes_a_person() -> None:
    body = "Harjono, a spokesman for the rescue agency, said the road was shut."
    assert described_person(body, len("Harjono"))


def test_a_clause_after_a_place_describes_no_person() -> None:
    body = "In Tilburg, an official said the road was shut."
    assert not described_person(body, len("In Tilburg"))
