"""A candidate holding several recognised names (several_names.py)."""

from __future__ import annotations

import pytest

from service.ingest.mentions.entities import find_mentions
from service.ingest.model import EntityKind
from service.ingest.nlp.model import analyse
from service.ingest.parse.sentences import split_sentences
from tests.ingest.mentions.finding import ORG, PLACE, entities


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a convention runs on across "on" to what it is about, though the recogniser
        # reads two names ("The UN Convention", "Biological Diversity")
        ("The UN Convention on Biological Diversity places a ban on geoengineering.",
         [(ORG, "UN Convention on Biological Diversity")]),
        ("The Convention on Biological Diversity (CBD) meets in Japan.",
         [(ORG, "Convention on Biological Diversity"), (PLACE, "Japan")]),
        # an organisation's office runs on across "for"
        ('It came after the United Nations High Commissioner for Refugees "recommended it".',
         [(ORG, "United Nations High Commissioner for Refugees")]),
    ],
)  # fmt: skip
def test_a_name_runs_on_to_what_it_is_about(
    body: str, expected: list[tuple[EntityKind, str]]
) -> None:
    assert entities(body) == expected


def test_an_organisation_ending_in_a_party_word_is_one_name() -> None:
    body = "The cause was not known, said the Press Democrat newspaper in Santa Rosa."
    _, entities = find_mentions(body, split_sentences(body), analyse(body))
    found = {e.name for e in entities}
    assert "Press Democrat" in found, sorted(found)
