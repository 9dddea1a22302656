"""A person's sex as the article tells it, seen where it matters: "he" or "she" as a
quote's speaker skips a person the article calls the other sex."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.mentions.entities import find_mentions
from service.ingest.mentions.told_sex import told_sexes
from service.ingest.nlp.model import analyse_many
from service.ingest.parse.article import parse_article
from service.ingest.parse.sentences import split_sentences


def speaker_of(body: str, quote_start: str) -> str | None:
    extraction = extract(parse_article("Headline\n\n" + body))
    names = {e.index: e.name for e in extraction.entities}
    (q,) = [q for q in extraction.quotes if q.text.startswith(quote_start)]
    return names.get(q.speaker) if q.speaker is not None else None


def test_he_skips_a_person_the_following_pronouns_call_her() -> None:
    body = (
        "Dana Whitlock has spent years on the stage, but her new part is her first on "
        "television.\n\n"
        "The stage actress has checked into a clinic in Arizona, according to her "
        "agent, Robin Castell.\n\n"
        '"We ask that the family be left alone," he said.'
    )
    assert speaker_of(body, "We ask that") == "Robin Castell"


def test_she_skips_a_person_the_article_calls_him_for_a_daughter() -> None:
    body = (
        "Lars Brenner wrote about the affair in his memoir.\n\n"
        "Brenner would leave a lamp on in his window when he wanted to meet his source.\n\n"
        "In the end, his daughter, Ingrid, talked him into going public;\n\n"
        "after all, Brenner stood to profit once the secret was out.\n\n"
        '"We could at least pay off the mortgage," she told her father.'
    )
    assert speaker_of(body, "We could at least") == "Ingrid"


def told(body: str) -> dict[str, str]:
    (doc,) = analyse_many([body])
    mentions, entities = find_mentions(body, split_sentences(body), doc, ())
    return {entities[e].name: sex for e, sex in told_sexes(doc, mentions, entities).items()}


def test_a_word_for_kin_before_a_name_tells_its_sex() -> None:
    body = "Rainier Okafor makes pancakes for his son Kip and his wife Deb Vance."
    assert told(body) == {"Rainier Okafor": "male", "Kip": "male", "Deb Vance": "female"}


def test_a_known_given_name_is_left_to_itself() -> None:
    # "Marisol" says female already, whatever pronoun follows her name
    body = "Taj Okafor makes pancakes for his son Jaxon and his wife Marisol Vance."
    assert "Marisol Vance" not in told(body)


def test_a_pronoun_for_anyone_or_for_an_object_tells_nothing() -> None:
    body = (
        "Editor Grace Okonjo said the paper would keep the name of its source secret "
        "until he or she died.\n\n"
        "His aide, Paul Perrault, persuaded him to go public."
    )
    assert told(body) == {}
