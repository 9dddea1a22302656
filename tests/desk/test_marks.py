"""Cutting text at the edges of overlapping highlights."""

from __future__ import annotations

from service.desk.marks import Mark, marked_pieces, sentence_pieces


def test_overlapping_marks_cut_the_text_into_pieces() -> None:
    text = 'He said "Tokayev won 70 percent" today.'
    quote = Mark(8, 32, "quote", None, "quote: him")
    name = Mark(9, 16, "mention", "/entities/x", "Tokayev")
    figure = Mark(21, 31, "figure", "/facts/y", "vote share")
    pieces = marked_pieces(text, [quote, name, figure])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.classes) for p in pieces] == [
        ("He said ", ""),
        ('"', "quote"),
        ("Tokayev", "mention quote"),
        (" won ", "quote"),
        ("70 percent", "figure quote"),
        ('"', "quote"),
        (" today.", ""),
    ]
    assert pieces[2].link == name
    assert pieces[4].link == figure
    assert pieces[3].link is None
    assert pieces[3].title == "quote: him"
    assert pieces[4].title == "vote share"


def test_marks_outside_the_text_are_clipped_or_dropped() -> None:
    pieces = marked_pieces("abc", [Mark(-2, 1, "figure"), Mark(5, 9, "quote"), Mark(2, 2, "x")])
    assert [(p.text, p.classes) for p in pieces] == [("a", "figure"), ("bc", "")]


def test_a_sentence_with_its_figure() -> None:
    text = "First. Then 70.96 percent won. Last."
    pieces = sentence_pieces(text, sentence=(7, 30), span=(12, 25))
    assert [(p.text, p.is_figure) for p in pieces] == [
        ("Then ", False),
        ("70.96 percent", True),
        (" won.", False),
    ]
