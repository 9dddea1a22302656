"""An organisation printed short: the final words of the one full name that ends in them."""

from __future__ import annotations

from service.ingest.mentions.candidate import Candidate
from service.ingest.mentions.entity_groups import group_mentions
from service.ingest.mentions.short_names import organisations_named_short
from service.ingest.model import EntityKind

ORG = EntityKind.ORGANIZATION


def _names(body: str, *found: tuple[str, EntityKind]) -> list[Candidate]:
    """Candidates for the given names at their first place in ``body`` after the last."""
    out, at = [], 0
    for index, (name, kind) in enumerate(found):
        start = body.index(name, at)
        out.append(Candidate(start, start + len(name), name, kind, index))
        at = start + len(name)
    return out


def test_a_team_s_nickname_is_short_for_its_full_name() -> None:
    body = "The Denver Falcons beat Leeds Rovers 3-1. The Falcons said the win was deserved."
    cands = _names(body, ("Denver Falcons", ORG), ("Leeds Rovers", ORG), ("Falcons", ORG))
    assert organisations_named_short(cands) == {"Falcons": "Denver Falcons"}


def test_a_nickname_two_full_names_end_in_stays_apart() -> None:
    body = "The Tulsa Herald and the Ohio Herald both ran the story. The Herald said so."
    cands = _names(body, ("Tulsa Herald", ORG), ("Ohio Herald", ORG), ("Herald", ORG))
    assert organisations_named_short(cands) == {}


def test_a_word_any_organisation_of_its_kind_is_called_stays_apart() -> None:
    body = "The Kelso District Court heard the case. The Court adjourned until May."
    cands = _names(body, ("Kelso District Court", ORG), ("Court", ORG))
    assert organisations_named_short(cands) == {}


def test_a_word_of_its_kind_is_short_for_the_one_full_name_ending_in_it() -> None:
    body = "The Norvian Navy seized a skiff on Monday. The Navy said six men were held."
    cands = _names(body, ("Norvian Navy", ORG), ("Navy", ORG))
    assert organisations_named_short(cands) == {"Navy": "Norvian Navy"}


def test_a_word_of_its_kind_two_full_names_end_in_stays_apart() -> None:
    body = "Tarwick Savings Bank and Ledford Farmers Bank merged. The Bank kept both names."
    cands = _names(
        body, ("Tarwick Savings Bank", ORG), ("Ledford Farmers Bank", ORG), ("Bank", ORG)
    )
    assert organisations_named_short(cands) == {}


def test_the_house_is_never_short_for_a_full_name() -> None:
    body = "The White House sent the bill on. The House passed it on Friday by 12 votes."
    cands = _names(body, ("White House", ORG), ("House", ORG))
    assert organisations_named_short(cands) == {}


def test_a_place_or_the_words_after_of_are_not_the_organisation() -> None:
    body = "The Bank of Norvia raised rates. Exports from Norvia fell; Tarwick University said so."
    cands = _names(
        body,
        ("Bank of Norvia", ORG),
        ("Norvia", EntityKind.OTHER),
        ("Tarwick University", ORG),
    )
    assert organisations_named_short(cands) == {}


def test_the_shorter_of_two_full_names_is_itself_short_for_the_longer() -> None:
    body = "The Salem River Hawks won. The River Hawks were glad and the Hawks went home."
    cands = _names(
        body, ("Salem River Hawks", ORG), ("River Hawks", ORG), ("Hawks", EntityKind.OTHER)
    )
    assert organisations_named_short(cands) == {
        "River Hawks": "Salem River Hawks",
        "Hawks": "Salem River Hawks",
    }


def test_a_team_and_its_nickname_are_one_entity() -> None:
    body = "The Denver Falcons lost. The Falcons said the Falcons would appeal."
    cands = _names(body, ("Denver Falcons", ORG), ("Falcons", ORG), ("Falcons", ORG))
    mentions, entities = group_mentions(body, cands)
    assert [(e.name, e.kind) for e in entities] == [("Denver Falcons", ORG)]
    assert {m.local_entity for m in mentions} == {0}


def test_a_short_name_printed_before_the_full_one_is_a_name_of_its_own() -> None:
    body = "Garland results: Garland said its Easy Garland plan was working."
    cands = _names(body, ("Garland", ORG), ("Garland", ORG), ("Easy Garland", ORG))
    assert organisations_named_short(cands) == {}


def test_a_long_name_ending_another_is_no_short_name_of_it() -> None:
    body = "The Old Church of the Holy Lamb split from the Church of the Holy Lamb in 1950."
    cands = _names(body, ("Old Church of the Holy Lamb", ORG), ("Church of the Holy Lamb", ORG))
    assert organisations_named_short(cands) == {}


def test_a_word_after_a_company_s_name_is_no_short_name_of_it() -> None:
    body = "Staff at the Dunmore Supplies Ltd Easter lunch were told; Easter falls early."
    cands = _names(body, ("Dunmore Supplies Ltd Easter", ORG), ("Easter", ORG))
    assert organisations_named_short(cands) == {}
