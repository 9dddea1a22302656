"""Whom "he" and "she" stand for, seen where it matters: the speaker of a quote credited
to a pronoun, through the real parse and entity finder."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from service.ingest.extract import extract
from service.ingest.mentions.coreference import may_be, salient_person
from service.ingest.model import EntityKind, LocalEntity, MentionCandidate, Span
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


def test_he_is_never_a_girl_the_copy_names_by_her_given_name_alone() -> None:
    gloria = LocalEntity(index=0, kind=EntityKind.PERSON, name="Gloria", aliases=())
    assert not may_be(gloria, "male")
    assert may_be(gloria, "female")
    # "Dr. Benjamin" of Regina M. Benjamin: a surname, whatever given name it also is
    benjamin = LocalEntity(index=1, kind=EntityKind.PERSON, name="Benjamin", aliases=())
    regina = LocalEntity(index=2, kind=EntityKind.PERSON, name="Regina M. Benjamin", aliases=())
    assert not may_be(benjamin, "female")
    assert may_be(benjamin, "female", (benjamin, regina))


def test_she_may_be_a_woman_named_by_a_surname_that_is_a_man_s_given_name() -> None:
    body = (
        "Obama said he was nominating Regina M. Benjamin to be surgeon general.\n\n"
        "Dr. Benjamin lamented the cost of care. "
        '"It should not be this expensive to get health care," she said.'
    )
    assert speaker_of(body, "It should not") in ("Benjamin", "Regina M. Benjamin")


def test_he_is_never_someone_named_in_the_words_he_reports() -> None:
    body = (
        "Campaign manager Brad Parscale called the lawsuit frivolous on Friday.\n\n"
        'That includes the money the party paid for the "opposition research dossier" '
        "alleging ties between Donald Trump and Russia, he said."
    )
    assert speaker_of(body, "opposition research") == "Brad Parscale"


def test_he_is_never_a_name_the_copy_coins_in_quote_marks() -> None:
    body = (
        "Fritz Henderson, the chief executive of General Motors, outlined a plan for what "
        'he called a "New GM".\n\n'
        "Asked whether Washington would tell the management of GM what cars to build, "
        "he stated that \"I don't think it's going to happen.\""
    )
    assert speaker_of(body, "I don't think") == "Fritz Henderson"


def test_she_is_never_a_surname_the_story_calls_mr() -> None:
    body = (
        "Alexis Moreno chairs the housing committee.\n\n"
        "On Monday Mr. Dunn presented the plan to the committee.\n\n"
        '"It is the only plan we have," she said.'
    )
    assert speaker_of(body, "It is the only plan") == "Alexis Moreno"


def test_she_is_the_one_last_quoted_not_the_listener_named_after_her() -> None:
    filler = (
        "The agency that found her closed its doors long ago, and the studio where the "
        "first pictures were taken is now a car park. Collectors still trade the prints at "
        "fairs across the country, and a box of them sold at auction last spring for a sum "
        "that surprised even the dealers. The negatives were lost in a flood in the 1970s, "
        "so every surviving print is an original, and prices have climbed every year since "
        "the first retrospective opened. "
    )
    body = (
        "Marta Olsen gave up modelling in 1990.\n\n" + filler + filler + "\n\n"
        '"I never missed it," she told Robin Pryce in 2001.\n\n'
        "As for the old photographs, they seemed harmless enough.\n\n"
        '"Nobody was ever hurt by a picture," she said.'
    )
    assert speaker_of(body, "Nobody was") == "Marta Olsen"


def test_he_is_the_nearest_of_two_subjects_the_parse_gave_one_verb() -> None:
    # The parse ran a quote's last words on into the next paragraph and gave "is" two
    # subjects: 'The Doctor's in the room'." / Producer Moffat ... is sure that ...
    # Capaldi is the choice.' "He" is Moffat, the nearer subject, not Capaldi.
    words = ["Doctor", "Moffat", "is", "sure", "Capaldi", "fits", ".", "He", "said", "."]
    heads = [2, 2, 2, 2, 5, 3, 2, 8, 8, 8]
    deps = ["nsubj", "nsubj", "ROOT", "acomp", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, sent_starts=[1, *[0] * 6, 1, 0, 0])
    people = [
        LocalEntity(0, EntityKind.PERSON, "Steven Moffat", ()),
        LocalEntity(1, EntityKind.PERSON, "Peter Capaldi", ()),
    ]

    def mention(i: int, entity: int) -> MentionCandidate:
        token = doc[i]
        span = Span(token.idx, token.idx + len(token))
        return MentionCandidate(span, token.text, token.text, EntityKind.PERSON, 0, entity)

    mentions = [mention(1, 0), mention(4, 1)]
    assert salient_person(doc, mentions, people, before=doc[7].idx, sex="male") == 0


def test_he_is_never_a_name_set_beside_a_place_without_a_given_name() -> None:
    # an outlet's or an office's name the recogniser typed a person's
    assert not may_be(LocalEntity(0, EntityKind.PERSON, "Kestrel Chicago", ()), "male")
    assert not may_be(LocalEntity(0, EntityKind.PERSON, "Canada Revenue", ()), "female")
    assert may_be(LocalEntity(0, EntityKind.PERSON, "Jack London", ()), "male")
    assert may_be(LocalEntity(0, EntityKind.PERSON, "Kestrel Chicago", ()), None)


def test_he_is_a_person_who_opens_a_clause_as_its_subject() -> None:
    body = (
        '"We have nothing to add," Kevin Marsh said.\n\n'
        "The news came as a shock to Greg Tallis, who directed the series in 2019.\n\n"
        '"It was a happy set," he told reporters.'
    )
    assert speaker_of(body, "It was a happy") == "Greg Tallis"
