"""The extraction run over one parsed article: figures outside the body (extract.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from service.ingest.extract import extract, extract_many
from service.ingest.model import EntityKind, ParsedArticle, TextPart
from service.ingest.parse.article import parse_article

COPY = """Police arrest protesters in Almaty

Police in Kazakhstan arrested 200 people on Monday, the ministry said.

Caption: At least 700 people have been arrested since Sunday in Kazakhstan
Caption: 14 Nick Taylor and 12 Grant Mizens slap hands after a play

Police in Kazakhstan arrested 200 people on Monday, the interior ministry said on
Tuesday. Officers detained protesters in the city of Almaty.
"""


def _article() -> ParsedArticle:
    article = parse_article(COPY)
    assert article.standfirst is not None
    assert len(article.captions) == 2
    return article


def test_a_figure_printed_in_a_caption_is_cited_to_it() -> None:
    article = _article()
    extraction = extract(article)
    outside = [f for f in extraction.figures if f.part is TextPart.CAPTION]
    assert [(f.part, f.caption, f.text) for f in outside] == [
        (TextPart.CAPTION, 0, "At least 700 people")
    ]
    figure = outside[0]
    caption = article.captions[0]
    assert caption[figure.span.start : figure.span.end] == figure.text
    assert figure.text in caption[figure.sentence.start : figure.sentence.end]
    assert figure.value == 700
    assert figure.property == "detained"
    # Its subject is the body's own entity of that name, not a new one.
    assert figure.subject is not None
    assert extraction.entities[figure.subject].name == "Kazakhstan"


def test_a_standfirst_that_repeats_the_body_is_its_own_citation() -> None:
    article = _article()
    figures = [f for f in extract(article).figures if f.value == 200]
    assert [f.part for f in figures] == [TextPart.BODY, TextPart.STANDFIRST]
    standfirst = figures[1]
    assert article.standfirst is not None
    assert article.standfirst[standfirst.span.start : standfirst.span.end] == standfirst.text
    assert figures[0].property == standfirst.property == "detained"


def test_a_shirt_number_before_a_name_is_no_figure() -> None:
    assert not [f for f in extract(_article()).figures if f.value in (12, 14)]


def test_a_figure_inside_a_quotation_is_the_speakers_word() -> None:
    copy = (
        "Loans case heard\n\n"
        "Elizabeth Prelogar argued the case for the government on Tuesday. "
        '"The program would help 43 million Americans. It is lawful and it is needed," '
        "Prelogar said.\n"
    )
    extraction = extract(parse_article(copy))
    (figure,) = [f for f in extraction.figures if f.value == 43_000_000]
    assert figure.attributed_to is not None
    assert extraction.entities[figure.attributed_to].name == "Elizabeth Prelogar"


def test_a_person_named_only_in_the_standfirst_is_a_subject() -> None:
    body = (
        "Clock boy\n\nPolice said Mohamed had brought a home-made clock to class. The school "
        "apologised on Friday.\n"
    )
    standfirst = "Ahmed Mohamed, a 14-year-old boy from Irving, Texas, was arrested at school."
    extraction = extract(replace(parse_article(body), standfirst=standfirst))
    (age,) = [f for f in extraction.figures if f.property == "age"]
    assert age.part is TextPart.STANDFIRST
    assert age.subject is not None
    assert extraction.entities[age.subject].name == "Ahmed Mohamed"


def test_a_surname_in_the_standfirst_is_the_person_the_body_names_in_full() -> None:
    body = (
        "Kazakh president sworn in\n\nKassym-Jomart Tokaev was sworn in as president on "
        "Wednesday. Police detained 100 people.\n"
    )
    standfirst = "President Tokaev, 66, promised continuity."
    extraction = extract(replace(parse_article(body), standfirst=standfirst))
    (age,) = [f for f in extraction.figures if f.property == "age"]
    assert age.part is TextPart.STANDFIRST
    assert age.subject is not None
    assert extraction.entities[age.subject].name == "Kassym-Jomart Tokaev"
    assert [e.name for e in extraction.entities].count("Tokaev") == 0


def test_the_country_a_dateline_names_is_the_story_country_when_the_body_names_none() -> None:
    body = (
        "Kenyan police said on Tuesday that 300 people had been arrested during the "
        "protests. Officers later fired tear gas in Nairobi.\n"
    )
    article = replace(parse_article(body), dateline="NAIROBI, Kenya (Reuters)")
    extraction = extract(article)
    (arrested,) = [f for f in extraction.figures if f.text.startswith("300")]
    assert arrested.subject is not None
    country = extraction.entities[arrested.subject]
    assert (country.name, country.kind.value) == ("Kenya", "PLACE")
    assert country.reasons  # why an entity the body never prints is there
    # the body's own country wins, and an unused one is never added
    named = extract(replace(article, body=body.replace("Kenyan police", "Police in Uganda")))
    assert "Kenya" not in [e.name for e in named.entities]
    plain = extract(replace(article, body="Kenyan police fired tear gas in Nairobi.\n"))
    assert "Kenya" not in [e.name for e in plain.entities]


def test_nationality_words_give_the_story_country_when_nothing_names_one() -> None:
    body = "Portuguese voters stayed away: turnout was just 51 percent, officials said.\n"
    extraction = extract(parse_article(body))
    (turnout,) = extraction.figures
    assert turnout.subject is not None
    country = extraction.entities[turnout.subject]
    assert (country.name, country.kind.value) == ("Portugal", "PLACE")
    assert "nationality" in country.reasons[0]
    # a religion or a region names no country
    plain = extract(parse_article("Muslim voters stayed away: turnout was 51 percent.\n"))
    assert [e.name for e in plain.entities if e.kind.value == "PLACE"] == []


def test_a_batch_extracts_what_each_article_alone_does() -> None:
    """The model run over several bodies at once (the bulk path) changes no result."""
    paths = sorted(Path(__file__).parents[1].glob("gold/real/*/articles/*.txt"))[:12]
    articles = [parse_article(p.read_text(encoding="utf-8")) for p in paths]
    assert extract_many(articles) == [extract(article) for article in articles]


def test_a_surname_in_the_body_is_the_person_its_standfirst_names() -> None:
    copy = (
        "Woman says church held her for years\n\n"
        "Paris was born in Switzerland but her parents moved her to the United Kingdom "
        "when she was six. Paris claims she was sent to the ship aged eighteen.\n"
    )
    standfirst = (
        "Valeska Paris, an Australian woman and former member, has claimed that the "
        "church imprisoned her aboard a cruise ship."
    )
    extraction = extract(replace(parse_article(copy), standfirst=standfirst))
    people = [e for e in extraction.entities if e.kind is EntityKind.PERSON]
    assert [e.name for e in people] == ["Valeska Paris"]
    # her surname points at her, but is none of her names: it would join her to the city
    assert "Paris" not in people[0].aliases
    ages = [f for f in extraction.figures if f.property == "age"]
    assert ages
    names = {extraction.entities[f.subject].name for f in ages if f.subject is not None}
    assert names == {"Valeska Paris"}
    assert all(f.subject is not None for f in ages)
