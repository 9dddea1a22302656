"""Whom "he" and "she" stand for, seen where it matters: the speaker of a quote credited
to a pronoun, through the real parse and entity finder."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article


def speaker_of(body: str, quote_start: str) -> str | None:
    extraction = extract(parse_article("Headline\n\n" + body))
    names = {e.index: e.name for e in extraction.entities}
    (q,) = [q for q in extraction.quotes if q.text.startswith(quote_start)]
    return names.get(q.speaker) if q.speaker is not None else None


def test_he_is_his_sentence_s_subject_not_an_owner_named_after_it() -> None:
    body = (
        "Donald Trump dispatched Mike Pompeo to North Korea last week.\n\n"
        "Mr. Trump alluded to Mr. Pompeo's mission when he said on Tuesday that the "
        'United States was in direct talks with North Korea at "extremely high levels."'
    )
    assert speaker_of(body, "extremely high") == "Donald Trump"


def test_he_is_the_person_the_last_main_clause_is_about() -> None:
    body = (
        "Shinzo Abe met President Donald Trump in Florida.\n\n"
        "Matthew Pottinger, senior director for Asian affairs for Trump's National "
        'Security Council, said Trump would challenge "the full range of threats" during '
        'any meeting with Kim. The goal, he said, is "the permanent denuclearization of '
        'North Korea."'
    )
    assert speaker_of(body, "the permanent") == "Matthew Pottinger"


def test_a_pronoun_subject_carries_the_topic_past_a_name_in_its_clause() -> None:
    body = (
        "Larry Kudlow, the White House economic adviser, said he expected talks on trade. "
        "He also played down hopes of rejoining the trade pact, which Donald Trump left in "
        'January. "We are in the pre-preliminary stages of any discussions," he said.'
    )
    assert speaker_of(body, "We are in the") == "Larry Kudlow"
