"""The content hash: copies a reader cannot tell apart are one copy; other copy is not."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from service.ingest.parse.article import parse_article
from service.ingest.parse.identity import content_hash, identity_text, story_hash

STORY = (
    "Officials said 12 people died.\n\n\u201cIt is a tragedy,\u201d the mayor said \u2014 twice."
)


@pytest.mark.parametrize(
    "variant",
    [
        STORY + "\n",
        "\n  " + STORY + "  \n\n",
        STORY.replace("\n", "\r\n"),
        STORY.replace("\n\n", "\n"),
        STORY.replace("\u201c", '"').replace("\u201d", '"').replace("\u2014", "-"),
        "\ufeff" + STORY,
        STORY.replace("12 people", "12\u00a0people"),
        STORY.replace("said", "sa\u200bid", 1),
    ],
    ids=["trailing-newline", "padding", "crlf", "blank-lines", "straight", "bom", "nbsp", "zwsp"],
)
def test_invisible_differences_keep_the_hash(variant: str) -> None:
    assert content_hash(variant) == content_hash(STORY)


def test_unicode_forms_are_one_copy() -> None:
    composed = "Caf\u00e9 owners said 3 people were hurt."
    decomposed = "Cafe\u0301 owners said 3 people were hurt."
    assert content_hash(composed) == content_hash(decomposed)


@pytest.mark.parametrize(
    "other",
    [
        STORY.replace("12", "13"),
        STORY + "\nA late correction.",
        STORY.replace("Officials", "officials"),
        STORY.replace("people died", "peopledied"),
    ],
)
def test_a_visible_difference_changes_the_hash(other: str) -> None:
    assert content_hash(other) != content_hash(STORY)


def test_identity_text_is_one_line_of_ascii_punctuation() -> None:
    assert identity_text(" a\u2019b\u2013c\u2026\r\n\td ") == "a'b-c... d"


@given(st.text())
@example("Cafe\u200b\u0301 owners")  # an accent behind a zero-width space
def test_identity_text_is_a_fixed_point(text: str) -> None:
    # The migration that re-hashed stored rows relies on it: normalising twice changes nothing.
    once = identity_text(text)
    assert identity_text(once) == once


def test_the_story_hash_keeps_captions_apart_from_the_body() -> None:
    body = "Officials said 12 people died."
    assert story_hash(None, None, [], body) == story_hash("", "  ", [], body.replace(" ", "\u00a0"))
    caption = "A caption."
    assert story_hash(None, None, [caption], body) != story_hash(
        None, None, [], f"{caption} {body}"
    )
    assert story_hash(None, caption, [], body) != story_hash(None, None, [caption], body)


@pytest.mark.parametrize(
    ("plain", "furnished"),
    [
        (STORY, "Twelve dead in Almaty\n\n" + STORY),
        (STORY, "By Eleni Markou\n\n" + STORY),
        (STORY, STORY + "\n\nOriginal source: Reuters"),
        ("ALMATY - " + STORY, "ALMATY (Reuters) - " + STORY),
    ],
    ids=["headline", "byline", "credit", "dateline-agency"],
)
def test_furniture_changes_the_copy_not_the_story(plain: str, furnished: str) -> None:
    bare, other = parse_article(plain), parse_article(furnished)
    assert other.content_hash != bare.content_hash
    assert other.story_hash == bare.story_hash


def test_the_dateline_place_is_part_of_the_story() -> None:
    # The place tells extraction where the story is: the same words from two places are
    # two stories, and only an agency tag on the place is furniture.
    almaty, astana = parse_article("ALMATY - " + STORY), parse_article("ASTANA - " + STORY)
    assert almaty.story_hash != astana.story_hash
    tagged = parse_article("ALMATY, Kazakhstan (AP) - " + STORY)
    assert tagged.story_hash == parse_article("ALMATY, Kazakhstan - " + STORY).story_hash
