"""Quoted titles of works are one name (``service/ingest/mentions/titles.py``)."""

from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.titles import whole_titles
from service.ingest.model import EntityKind


def _cand(body: str, name: str, kind: EntityKind = EntityKind.OTHER) -> Candidate:
    start = body.index(name)
    return Candidate(start, start + len(name), name, kind, 0)


def test_a_title_cut_into_names_is_one_title() -> None:
    body = 'The actor, who sang "Walk the Line to Memphis" on tour, was back.'
    cands = [_cand(body, "Walk"), _cand(body, "Line"), _cand(body, "Memphis", EntityKind.PLACE)]
    out = whole_titles(body, cands)
    assert [(c.name, c.kind) for c in out] == [("Walk the Line to Memphis", EntityKind.OTHER)]


def test_a_title_opening_with_the_keeps_it() -> None:
    body = 'She won praise for the musical "The Girl from Leeds."'
    out = whole_titles(body, [_cand(body, "Girl"), _cand(body, "Leeds", EntityKind.PLACE)])
    assert [c.name for c in out] == ["The Girl from Leeds"]


def test_a_quoted_name_read_whole_keeps_its_kind() -> None:
    body = 'Analysts at "Harbor Capital" said so.'
    cand = _cand(body, "Harbor Capital", EntityKind.ORGANIZATION)
    assert whole_titles(body, [cand]) == [cand]


def test_a_nickname_inside_a_name_is_no_title() -> None:
    body = 'Vincent "The Fish" Moretti died on Monday.'
    cands = [_cand(body, "Vincent", EntityKind.PERSON), _cand(body, "Fish", EntityKind.PERSON)]
    assert [c.name for c in whole_titles(body, cands)] == ["Vincent", "Fish"]


def test_a_quoted_sentence_is_no_title() -> None:
    body = '"We will Fight for Boston," Mayor Tom Reilly said.'
    cands = [_cand(body, "Boston", EntityKind.PLACE)]
    assert [c.name for c in whole_titles(body, cands)] == ["Boston"]


def test_a_title_after_a_misplaced_quote_mark_is_one_title() -> None:
    # the opening mark of "Moonrise" stuck to the word before it: the mark after
    # "Moonrise," closes that quotation and opens nothing
    body = 'He worked on films like" Moonrise," producing the comedy "American Graffiti" too.'
    cands = [_cand(body, "Moonrise"), _cand(body, "Graffiti")]
    assert [c.name for c in whole_titles(body, cands)] == ["Moonrise", "American Graffiti"]
