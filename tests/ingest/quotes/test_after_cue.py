"""The speaker named after the cue ("said Troy police Lt. Gerry Scherlinck", "according to X"),
on sentences of news copy, through the whole extraction (parse, mentions, quotes), so each
rule is checked against what the entity finder gives."""

from __future__ import annotations

from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Span
from service.ingest.parse.sentences import split_sentences
from service.ingest.quotes.quotations import find_quotes
from tests.ingest.quotes.reading import speakers

PERSON, ORG = EntityKind.PERSON, EntityKind.ORGANIZATION


def test_a_name_after_the_cue_then_a_role_is_the_place_of_the_person_named_next() -> None:
    got = speakers(
        "Police searched the office tower on Monday.\n\n"
        '"He was looking for someone," said Troy police Lt. Gerry Scherlinck.\n\n'
        '"The cars come straight through," said Richmond Hill resident Suri Charanjit.\n\n'
        '"It was fine," said Mark Evans, a neighbour.\n'
    )
    assert got["He was looking for s"] == "Gerry Scherlinck"
    assert got["The cars come straig"] == "Suri Charanjit"
    assert got["It was fine,"] == "Mark Evans"


def test_a_title_s_full_stop_after_the_cue_ends_no_clause() -> None:
    got = speakers(
        "Police searched the office tower in Troy on Monday.\n\n"
        'The suspect was "deliberately seeking out these individuals," according to Troy '
        "police Lt. Gerry Scherlinck.\n"
    )
    assert got["deliberately seeking"] == "Gerry Scherlinck"


def test_a_person_named_after_a_role_of_an_organisation_speaks() -> None:
    got = speakers(
        "Shares fell again\n\n"
        '"Nobody wants to hold anything with risk in it right now," said the chief '
        "economist at Harbour Lane Capital, Priya Raman.\n"
    )
    assert got["Nobody wants to hold"] == "Priya Raman"


def test_a_cue_after_a_comma_names_its_speaker_after_it_not_the_name_before() -> None:
    got = speakers(
        "Harbour cranes have lost ground for years as terminals turn to rail links run "
        "by Maersk, said Tomas Lindqvist, an analyst at Nordea Markets.\n\n"
        '"A deal with the rail operators lets the port compete on price again."\n'
    )
    assert got["A deal with the rail"] == "Tomas Lindqvist"


def test_the_name_after_a_firm_and_its_title_speaks_though_typed_an_organisation() -> None:
    body = '"We could not have asked for more," crowed Zentra CEO Wei-Lun Tsang on Monday.\n'
    zentra = LocalEntity(index=0, kind=ORG, name="Zentra", aliases=(), description=None)
    tsang = LocalEntity(index=1, kind=ORG, name="Wei-Lun Tsang", aliases=(), description="ceo")
    start = body.index("Zentra")
    mentions = [
        MentionCandidate(Span(start, start + 6), "Zentra", "Zentra", ORG, 0, 0),
        MentionCandidate(
            Span(body.index("Wei"), body.index(" on")), "Wei-Lun Tsang", "Wei-Lun Tsang", ORG, 0, 1
        ),
    ]
    quotes = find_quotes(body, split_sentences(body), mentions, [zentra, tsang])
    assert [q.speaker for q in quotes] == [1]
