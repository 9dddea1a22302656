"""Quotes and their speakers: the seed copy end to end, and small copies in other styles.

Seed tests run the real parse, sentence and entity stages, so they check what the
pipeline stores. Synthetic tests build mentions by hand, so they pin the quote logic
alone, whatever the entity finder decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from service.ingest.extract import extract
from service.ingest.mentions.entities import find_mentions
from service.ingest.model import (
    EntityKind,
    LocalEntity,
    MentionCandidate,
    QuoteCandidate,
    Span,
)
from service.ingest.parse.article import parse_article
from service.ingest.parse.sentences import split_sentences
from service.ingest.quotes.quotations import (
    find_quotes,
    is_same_statement,
    statement_key,
    statement_words,
)

SEEDS = Path(__file__).parents[3] / "seeds"
PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE


@dataclass(frozen=True)
class Found:
    """One article's quotes with the names of their speakers."""

    body: str
    quotes: tuple[QuoteCandidate, ...]
    entities: tuple[LocalEntity, ...]

    def speaker(self, q: QuoteCandidate) -> str | None:
        return None if q.speaker is None else self.entities[q.speaker].name

    def quote(self, starts_with: str) -> QuoteCandidate:
        matches = [q for q in self.quotes if q.text.startswith(starts_with)]
        assert len(matches) == 1, (starts_with, [q.text for q in self.quotes])
        return matches[0]

    def has_quote(self, containing: str) -> bool:
        return any(containing in q.text for q in self.quotes)


@cache
def seed(prefix: str) -> Found:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    body = parse_article(path.read_text(encoding="utf-8")).body
    sentences = split_sentences(body)
    mentions, entities = find_mentions(body, sentences)
    return Found(body, find_quotes(body, sentences, mentions, entities), entities)


def synthetic(body: str, *names: tuple[str, EntityKind, tuple[str, ...]]) -> Found:
    """Quotes of ``body`` with hand-made entities: (name, kind, other spellings)."""
    sentences = split_sentences(body)
    entities: list[LocalEntity] = []
    mentions: list[MentionCandidate] = []
    taken: list[Span] = []
    for i, (name, kind, aliases) in enumerate(names):
        entities.append(LocalEntity(index=i, kind=kind, name=name, aliases=aliases))
        for form in sorted((name, *aliases), key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(form)}\b", body):
                if any(t.start < m.end() and m.start() < t.end for t in taken):
                    continue
                taken.append(Span(m.start(), m.end()))
                sentence = next(s.index for s in sentences if s.span.start <= m.start())
                mentions.append(
                    MentionCandidate(
                        span=Span(m.start(), m.end()),
                        text=m.group(),
                        name=form,
                        kind=kind,
                        sentence_index=sentence,
                        local_entity=i,
                    )
                )
    mentions.sort(key=lambda m: m.span.start)
    quotes = find_quotes(body, sentences, tuple(mentions), tuple(entities))
    return Found(body, quotes, tuple(entities))


# --- seeds ---------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_spans_hold_the_quoted_words_inside_their_sentence(prefix: str) -> None:
    found = seed(prefix)
    assert found.quotes
    for q in found.quotes:
        assert q.text == found.body[q.span.start : q.span.end]
        assert q.sentence.start <= q.span.start < q.span.end <= q.sentence.end
        assert found.body[q.span.start - 1] in "\"'“‘"
        assert found.body[q.span.end] in "\"'”’"


def test_rfe_single_quotes_partial_and_full_toqaev() -> None:
    found = seed("000")
    for start in ("illegal", "misled by information from abroad", "gratitude", "performed"):
        q = found.quote(start)
        assert q.is_partial, start
        assert found.speaker(q) == "Qasym-Zhomart Toqaev", start
    full = found.quote("In future they will operate")
    assert not full.is_partial
    assert found.speaker(full) == "Qasym-Zhomart Toqaev"
    assert full.speaker_text == "Toqaev"
    assert full.cue == "said"
    assert found.quote("performed").speaker_text == "he"


def test_rfe_apostrophes_are_not_quote_marks() -> None:
    found = seed("000")
    for q in found.quotes:
        assert "Kazakhstan" not in q.text
        assert not q.text.startswith("s ")


def test_rfe_monitors_and_coordinator() -> None:
    found = seed("000")
    osce = found.quote("a lack of regard for fundamental rights")
    assert found.speaker(osce) == "Organization for Security and Cooperation in Europe"
    assert osce.cue == "said in a statement"
    tsereteli = found.quote("While there were seven candidates")
    assert found.speaker(tsereteli) == "George Tsereteli"
    assert not tsereteli.is_partial


def test_rfe_unnamed_observers_and_crosshead() -> None:
    found = seed("000")
    tarnished = found.quote("tarnished")
    assert tarnished.is_partial
    assert tarnished.speaker is None
    assert tarnished.speaker_text == "international observers"
    assert not found.has_quote("Scant Respect")  # a crosshead, not a statement


def test_rights_groups_statement() -> None:
    found = seed("001")
    for start in ("unnecessarily excessive violence", "a violent attitude"):
        q = found.quote(start)
        assert q.is_partial
        assert q.speaker_text == "The joint statement by rights groups"
        assert "Human Rights" in (found.speaker(q) or "")
    first = found.quote("mass violations of civil rights")
    assert "Human Rights" in (found.speaker(first) or "")


def test_object_of_called_is_not_the_speaker() -> None:
    found = seed("001")
    for start in ("a politically dead person", "a puppet candidate"):
        q = found.quote(start)
        assert q.speaker is None
        assert q.speaker_text == "some of those attending the meeting"
        assert q.cue == "called"
        assert q.is_partial


def test_deputy_minister_and_back_references_to_qosanov() -> None:
    found = seed("001")
    qozhaev = found.quote("radically-minded elements")
    assert qozhaev.is_partial
    assert found.speaker(qozhaev) == "Marat Qozhaev"
    for start in ("legitimize", "real political provocation", "pseudo-opposition figures"):
        q = found.quote(start)
        assert found.speaker(q) == "Amirzhan Qosanov", start
        assert q.speaker_text == "he"


def test_continuation_paragraph_keeps_the_speaker() -> None:
    found = seed("002")
    first = found.quote("The overnight crackdown")
    follow = found.quote("One cracked skull")
    assert found.speaker(first) == found.speaker(follow) == "Mukhtar Taizhan"
    assert first.cue == follow.cue == "wrote"
    assert not follow.is_partial


def test_slogans_and_subheads_are_not_statements() -> None:
    found = seed("002")
    assert not found.has_quote("Oyan Kazakh")
    assert not found.has_quote("Wave of popular anger")


def test_osce_back_referenced_as_the_group() -> None:
    found = seed("002")
    honest = found.quote("honest count")
    assert honest.is_partial
    assert "Security and Cooperation" in (found.speaker(honest) or "")
    for start in ("a lack of respect", "widespread irregularities"):
        q = found.quote(start)
        assert found.speaker(q) == found.speaker(honest)
        assert q.speaker_text == "The group"


def test_it_said_in_a_statement_points_at_the_police_department() -> None:
    found = seed("003")
    q = found.quote("Police... will not allow")
    assert not q.is_partial
    assert q.cue == "said in a statement"
    if q.speaker is None:  # the entity finder has no such organisation
        assert q.speaker_text == "The Almaty police department"
    else:
        assert "police" in (found.speaker(q) or "").lower()


def test_tabloid_curly_quotes() -> None:
    found = seed("004")
    rallies = found.quote("unsanctioned rallies")
    assert rallies.is_partial
    assert found.speaker(rallies) == "Marat Kozhayev"
    woman = found.quote("I want to change this regime")
    assert woman.speaker is None
    assert woman.speaker_text == "an unnamed young woman"
    assert not woman.is_partial
    illusion = found.quote("an illusion")
    assert illusion.is_partial
    assert found.speaker(illusion) == "Human Rights Watch"
    group = found.quote("Kazakh authorities routinely")
    assert found.speaker(group) == "Human Rights Watch"
    assert group.speaker_text == "the US-based rights group"
    actor = found.quote("This generation is tired")
    assert found.speaker(actor) == "Anuar Nurpeisov"
    assert not actor.is_partial


def test_poem_and_scare_quotes_are_not_pinned_on_anyone() -> None:
    found = seed("004")
    for text in ("Wake up", "choose"):
        assert all(
            q.speaker_text is None and q.speaker is None for q in found.quotes if text in q.text
        )
    assert not found.has_quote("Think, Kazakh")
    assert not found.has_quote("choose")


def test_statement_key_links_the_same_statement_across_articles() -> None:
    rfe, rfe_again = seed("000"), seed("001")
    for start in ("a lack of regard", "tarnished", "clear violations", "While there were"):
        a, b = rfe.quote(start), rfe_again.quote(start)
        assert a.text != b.text or start == "tarnished" or "'" in rfe.body
        assert statement_key(a.text) == statement_key(b.text), start
    assert statement_key(rfe.quote("tarnished").text) != statement_key(
        rfe.quote("clear violations").text
    )


def test_different_wording_is_a_different_statement() -> None:
    al_jazeera = seed("002").quote("a lack of respect").text
    rfe = seed("000").quote("a lack of regard").text
    assert statement_key(al_jazeera) != statement_key(rfe)
    assert not is_same_statement(al_jazeera, rfe)


# --- statement keys ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“We’ve had enough,”", '"We\'ve had enough."'),
        (
            "'In future they will operate in the same way,'",
            "In Future They Will Operate In The Same Way",
        ),
        ("Police... will not allow disturbances", "police … will not allow disturbances!"),
        ("radically-minded elements.", "radically minded elements"),
        ("‘tarnished’", "tarnished"),
    ],
)
def test_statement_key_ignores_marks_case_and_punctuation(a: str, b: str) -> None:
    assert statement_key(a) == statement_key(b)
    assert is_same_statement(a, b)


def test_statement_key_is_a_sha1_of_the_words() -> None:
    key = statement_key("We’ve had enough.")
    assert re.fullmatch(r"[0-9a-f]{40}", key)
    assert statement_words("We’ve had enough.") == ("weve", "had", "enough")
    assert statement_key("We have had enough") != key


def test_sub_span_of_six_words_or_more_is_the_same_statement() -> None:
    whole = (
        "a lack of regard for fundamental rights, including detentions of peaceful "
        "protesters, and widespread voting irregularities on election day, showed scant "
        "respect for democratic standards."
    )
    assert is_same_statement("widespread voting irregularities on election day", whole)
    assert is_same_statement(whole, "Showed scant respect for democratic standards")
    assert not is_same_statement("scant respect for democratic standards", whole)  # 5 words
    assert not is_same_statement("widespread voting irregularities in the capital city", whole)
    assert is_same_statement(
        "a lack of regard for fundamental rights ... showed scant respect", whole
    )
    assert not is_same_statement("", "")


# --- quote marks in other outlets' styles ----------------------------------------------


def test_ap_style_cue_after_and_continuation_in_the_paragraph() -> None:
    found = synthetic(
        "Officials defended the count.\n\n"
        '"We have done nothing wrong," Interior Minister John Smith said Tuesday. '
        '"The vote was fair and the results are final."\n\n'
        'Smith, 54, added that "foreign agitators" were to blame.',
        ("John Smith", PERSON, ("Smith",)),
    )
    first, second, third = found.quotes
    assert (first.text, first.is_partial, first.cue) == (
        "We have done nothing wrong,",
        False,
        "said",
    )
    assert found.speaker(first) == found.speaker(second) == found.speaker(third) == "John Smith"
    assert not second.is_partial
    assert third.is_partial
    assert third.speaker_text == "Smith"
    assert third.cue == "added"


def test_a_police_rank_abbreviation_and_a_cue_of_feeling_keep_the_speaker() -> None:
    found = synthetic(
        "Shooting at an office.\n\n"
        '"A man came in and shot another man," Vancouver police Const. Tim Fanning told a '
        'news conference. "There were a dozen other people on the scene."\n\n'
        '"Please stay out of our community," Jumaane Williams fumed on Twitter.',
        ("Tim Fanning", PERSON, ()),
        ("Jumaane Williams", PERSON, ("Williams",)),
    )
    first, second, third = found.quotes
    assert found.speaker(first) == found.speaker(second) == "Tim Fanning"
    assert (found.speaker(third), third.cue) == ("Jumaane Williams", "fumed")


def test_a_quote_paragraph_after_a_reported_speech_is_that_speakers() -> None:
    found = synthetic(
        "Trump confirms the meeting.\n\n"
        "Donald Trump acknowledged the meeting in a tweet, saying it went well.\n\n"
        '"Mike Pompeo met with Kim Jong Un last week. Meeting went very smoothly."\n\n'
        'Officials have said he threatened the United States with "fire and fury".',
        ("Donald Trump", PERSON, ("Trump",)),
    )
    first, *rest = found.quotes
    assert found.speaker(first) == "Donald Trump"
    assert all(q.cue != "States" for q in rest)  # "the United States" is nobody's cue


def test_a_quote_paragraph_after_a_sentence_closed_by_its_cue_is_that_cue_s() -> None:
    # the participle inside the sentence ("a call from the Solveig saying") is not what
    # the sentence attributes; the cue that closes it after a comma is
    found = synthetic(
        "The coastguard cutter was on patrol when it received a call from the trawler "
        "Solveig saying its engine had failed, a Coastguard Agency statement said.\n\n"
        '"On reaching the trawler, the crew took it in tow. Both vessels reached port '
        'safely."',
        ("Solveig", ORG, ()),
        ("Coastguard Agency", ORG, ()),
    )
    assert found.speaker(found.quotes[0]) == "Coastguard Agency"


def test_bbc_single_quotes_hold_double_quotes() -> None:
    found = synthetic(
        "'We are not afraid of them,' said Aigerim Bekova, a student. 'They called it "
        '"a festival of democracy" but it was a farce.\'\n\n'
        "She said the police were 'brutal'.",
        ("Aigerim Bekova", PERSON, ("Bekova",)),
    )
    assert [q.text for q in found.quotes] == [
        "We are not afraid of them,",
        'They called it "a festival of democracy" but it was a farce.',
        "brutal",
    ]
    assert {found.speaker(q) for q in found.quotes} == {"Aigerim Bekova"}
    assert found.quotes[2].speaker_text == "She"
    assert found.quotes[2].is_partial


def test_curly_quotes_with_nested_single_quotes_and_apostrophes() -> None:
    found = synthetic(
        "“The authorities told us the ‘rules’ had changed overnight,” said Dana Lee, who "
        "was detained. “We’ve had enough.”",
        ("Dana Lee", PERSON, ("Lee",)),
    )
    assert [q.text for q in found.quotes] == [
        "The authorities told us the ‘rules’ had changed overnight,",
        "We’ve had enough.",
    ]
    assert [found.speaker(q) for q in found.quotes] == ["Dana Lee", "Dana Lee"]


def test_according_to_names_the_source() -> None:
    found = synthetic(
        'The election was "deeply flawed and unfair to everyone", according to Amnesty '
        "International.\n\n"
        'According to the election commission, "turnout was the highest in the region."',
        ("Amnesty International", ORG, ()),
    )
    amnesty, commission = found.quotes
    assert found.speaker(amnesty) == "Amnesty International"
    assert amnesty.cue == "according to"
    assert amnesty.is_partial
    assert commission.speaker is None
    assert commission.speaker_text == "the election commission"
    assert not commission.is_partial


def test_descriptive_back_reference_needs_a_fitting_name() -> None:
    found = synthetic(
        "The Central Election Commission announced the results on Monday. Amnesty "
        'International was critical.\n\n"The count was transparent," the commission said.\n\n'
        '"Nothing was hidden," the ministry said.',
        ("Central Election Commission", ORG, ()),
        ("Amnesty International", ORG, ()),
    )
    commission, ministry = found.quotes
    assert found.speaker(commission) == "Central Election Commission"
    assert commission.speaker_text == "the commission"
    assert ministry.speaker is None
    assert ministry.speaker_text == "the ministry"


def test_pronouns_point_back_by_kind() -> None:
    found = synthetic(
        "Nursultan Nazarbayev met Dariga Nazarbayeva and officials of the Nur Otan party.\n\n"
        '"We will win again," it said.\n\n'
        'Later Kassym-Jomart Tokayev spoke at the Nur Otan congress. "I am ready," he said.',
        ("Nursultan Nazarbayev", PERSON, ()),
        ("Dariga Nazarbayeva", PERSON, ()),
        ("Nur Otan", ORG, ()),
        ("Kassym-Jomart Tokayev", PERSON, ()),
    )
    party, ready = found.quotes
    assert (found.speaker(party), party.speaker_text) == ("Nur Otan", "it")
    assert (found.speaker(ready), ready.speaker_text) == ("Kassym-Jomart Tokayev", "he")


def test_a_quote_over_paragraphs_is_one_quote_per_paragraph_of_one_speaker() -> None:
    """Newspaper style leaves a quote open at a paragraph's end and opens the next
    paragraph with a mark: each paragraph's words are a quote, all the first speaker's
    (annotated so in the real gold too)."""
    body = (
        'Gulnara Bazhkenova said: "We will keep protesting until our demands are met.\n\n'
        '"Nobody will stop us. We are the people of this country."\n\n'
        "The rally ended at night."
    )
    found = synthetic(body, ("Gulnara Bazhkenova", PERSON, ("Bazhkenova",)))
    first, second = found.quotes
    assert first.text == "We will keep protesting until our demands are met."
    assert second.text == "Nobody will stop us. We are the people of this country."
    assert [found.speaker(q) for q in found.quotes] == ["Gulnara Bazhkenova"] * 2
    assert [first.is_partial, second.is_partial] == [False, False]
    assert statement_words(second.text)[-3:] == ("of", "this", "country")


def test_unclosed_double_quote_without_continuation_ends_with_its_paragraph() -> None:
    found = synthetic(
        'Aliya Sadykova said: "They took my brother away and nobody will tell us where\n\n'
        "Police declined to comment.",
        ("Aliya Sadykova", PERSON, ()),
    )
    (q,) = found.quotes
    assert q.text == "They took my brother away and nobody will tell us where"
    assert found.speaker(q) == "Aliya Sadykova"


def test_apostrophes_elisions_and_plural_possessives_are_not_quotes() -> None:
    found = synthetic(
        "Protesters' demands were ignored in the '90s and Kazakhstan's rulers didn't "
        "listen.\n\n"
        "'The protesters' leaders were arrested,' said the spokesman.",
    )
    (q,) = found.quotes
    assert q.text == "The protesters' leaders were arrested,"
    assert q.speaker is None
    assert q.speaker_text == "the spokesman"


@pytest.mark.parametrize(
    "body",
    [
        'Protesters held banners reading "Shame on the regime" as Ruslan Ospanov said nothing.',
        'Ruslan Ospanov sang a song called "My Kazakhstan is free" on Monday.',
        'The movement, known as "Oyan, Qazaqstan", was founded by Ruslan Ospanov.',
        'Ruslan Ospanov used the hashtag #oyan ("Wake up") widely.',
        'Ruslan Ospanov recited a poem, "Wake up, Kazakh! Think, Kazakh!" to the crowd.',
        'Ruslan Ospanov asked voters to "choose" a president.',
        '"A fake election"\n\nRuslan Ospanov was detained on Monday.',
    ],
)
def test_titles_slogans_and_scare_quotes_are_not_statements(body: str) -> None:
    found = synthetic(body, ("Ruslan Ospanov", PERSON, ()))
    assert found.quotes == ()


def test_scare_quote_with_a_cue_is_a_partial_quote() -> None:
    found = synthetic(
        'Marat Kozhayev said 500 people were detained at "unsanctioned rallies".',
        ("Marat Kozhayev", PERSON, ()),
    )
    (q,) = found.quotes
    assert (q.text, q.is_partial, found.speaker(q)) == (
        "unsanctioned rallies",
        True,
        "Marat Kozhayev",
    )


def test_appositive_subject_and_colon_cue() -> None:
    found = synthetic(
        "Anuar Nurpeisov, an actor behind the Instagram campaign, said: “This generation is "
        "tired of living under old leaders.”",
        ("Anuar Nurpeisov", PERSON, ()),
        ("Instagram", ORG, ()),
    )
    (q,) = found.quotes
    assert found.speaker(q) == "Anuar Nurpeisov"
    assert q.speaker_text == "Anuar Nurpeisov"
    assert not q.is_partial


def test_cue_less_sentence_quote_without_a_previous_statement_has_no_speaker() -> None:
    found = synthetic(
        "Crowds gathered in the square.\n\n"
        '"Freedom is not given, it is taken by those who want it."\n\n'
        "Aidos Sarym watched from a balcony.",
        ("Aidos Sarym", PERSON, ()),
    )
    (q,) = found.quotes
    assert q.speaker is None
    assert q.speaker_text is None
    assert q.cue is None


def test_empty_body_and_body_without_quotes() -> None:
    assert find_quotes("", (), (), ()) == ()
    assert synthetic("Nothing was said on Monday.").quotes == ()


def test_cue_clause_right_after_the_quote_wins_over_an_earlier_cue() -> None:
    found = synthetic(
        'Arman Smith said the protest was peaceful, but "we will not stop," Dina Jones added.',
        ("Arman Smith", PERSON, ()),
        ("Dina Jones", PERSON, ()),
    )
    (q,) = found.quotes
    assert (found.speaker(q), q.cue) == ("Dina Jones", "added")


def test_spokesperson_speaks_for_the_organisation() -> None:
    found = synthetic(
        '"We regret the loss of life," said a spokesman for the Interior Ministry.',
        ("Interior Ministry", ORG, ()),
    )
    (q,) = found.quotes
    assert found.speaker(q) == "Interior Ministry"
    assert not q.is_partial


def test_adding_inherits_the_subject_of_said() -> None:
    found = synthetic(
        'Kassym-Jomart Tokayev met Nursultan Nazarbayev on Monday. "We are one team," '
        'Tokayev said of Nazarbayev, adding that "continuity matters".',
        ("Kassym-Jomart Tokayev", PERSON, ("Tokayev",)),
        ("Nursultan Nazarbayev", PERSON, ("Nazarbayev",)),
    )
    team, continuity = found.quotes
    assert found.speaker(team) == found.speaker(continuity) == "Kassym-Jomart Tokayev"
    assert continuity.cue == "adding"
    assert continuity.is_partial


@pytest.mark.parametrize(
    "body",
    [
        "'",
        '"',
        "“”",
        "''\n\n''",
        "\"'\"'“‘”’«»„",
        'He said "\n\n"\n\n"',
        "It's 'a' b' c 'd\n\n'e' f's' g'",
        "“Open without close\n\n“still open\n\nplain",
        "x" * 50 + " said '" + "word " * 40,
    ],
)
def test_malformed_quote_marks_never_break_the_stage(body: str) -> None:
    found = synthetic(body)
    for q in found.quotes:
        assert q.text == body[q.span.start : q.span.end]
        assert q.sentence.start <= q.span.start <= q.span.end <= q.sentence.end <= len(body)


def test_a_name_that_only_saw_the_words_is_not_their_speaker() -> None:
    found = synthetic(
        'A leaked internal letter seen by Sky News says "failure to return the '
        'questionnaire may result in a claim being withdrawn".',
        ("Sky News", EntityKind.ORGANIZATION, ()),
    )
    quote = found.quote("failure to return")
    assert quote.speaker is None
    assert quote.speaker_text == "A leaked internal letter"


def test_the_person_introduced_after_a_role_speaks() -> None:
    found = synthetic(
        'In the words of the state prosecutor, Ana Ruiz, "the harm was foreseen by all of '
        'them."\n\n"We have saved the factory and every job in it," said the general '
        "secretary of the union Metalworkers, Peter Hale.",
        ("Ana Ruiz", PERSON, ()),
        ("Metalworkers", ORG, ()),
        ("Peter Hale", PERSON, ()),
    )
    ruiz, hale = found.quotes
    assert found.speaker(ruiz) == "Ana Ruiz"
    assert (ruiz.cue or "").lower() == "in the words of"
    assert found.speaker(hale) == "Peter Hale"


def test_a_role_held_in_a_named_body_is_not_the_body() -> None:
    found = synthetic(
        'The chairman of the board of Enbridge remarked that "the pipeline will be '
        'built this year." A spokesman for Suncor said: "The work starts in March."',
        ("Enbridge", ORG, ()),
        ("Suncor", ORG, ()),
    )
    chairman, spokesman = found.quotes
    assert chairman.speaker is None
    assert chairman.speaker_text == "The chairman of the board of Enbridge"
    assert found.speaker(spokesman) == "Suncor"  # a spokesperson speaks for it


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_after_it() -> None:
    found = synthetic(
        "Prime Minister Mark Olsen wrote on his account late on Sunday:\n\n"
        '"We will rebuild every school the flood took. Nobody will be left behind."\n\n'
        'The agency notes, "rainfall was twice the monthly average in two days."',
        ("Mark Olsen", PERSON, ()),
    )
    olsen, agency = found.quotes
    assert found.speaker(olsen) == "Mark Olsen"
    assert not olsen.is_partial
    assert agency.speaker_text == "The agency"


def test_a_speaker_set_off_by_commas_before_has_and_a_speaker_stating() -> None:
    found = synthetic(
        "The secretary general of the conference, Nunzio Rossi, has called the ruling "
        '"dangerous":\n\n"We face a dangerous sentence."\n\n'
        'It quoted critics, with Carla Boswell stating: "People need quicker decisions."\n\n'
        'Jeff Rathke, the State Department Spokesperson, said, "We urge them to help."',
        ("Nunzio Rossi", PERSON, ()),
        ("Carla Boswell", PERSON, ()),
        ("Jeff Rathke", PERSON, ()),
        ("State Department Spokesperson", ORG, ()),
    )
    _dangerous, sentence, decisions, urge = found.quotes
    assert found.speaker(sentence) == "Nunzio Rossi"
    assert found.speaker(decisions) == "Carla Boswell"
    assert found.speaker(urge) == "Jeff Rathke"  # the apposition, not the name in it


def test_a_speaker_described_by_a_relative_clause_before_the_cue() -> None:
    found = synthetic(
        '"We were not warned," one resident, who asked not to be named, told AFP.\n\n'
        '"We will fight," Jose Ortega, who leads the union, told reporters.',
        ("AFP", ORG, ()),
        ("Jose Ortega", PERSON, ()),
    )
    resident, ortega = found.quotes
    assert (resident.speaker, resident.speaker_text) == (None, "one resident")
    assert (resident.cue or "") == "told"
    assert found.speaker(ortega) == "Jose Ortega"


def test_he_and_she_skip_people_whose_given_name_is_the_other_sex_s() -> None:
    found = synthetic(
        "John Baker met Mary Quinn and Tony Ward on Monday.\n\n"
        '"The talks went well," she said. "We disagree," he said.\n\n'
        'Jean Roy, the mayor, posted on X: "Our city is safe."',
        ("John Baker", PERSON, ()),
        ("Mary Quinn", PERSON, ()),
        ("Tony Ward", PERSON, ()),
        ("Jean Roy", PERSON, ()),
    )
    talks, disagree, safe = found.quotes
    assert found.speaker(talks) == "Mary Quinn"
    assert found.speaker(disagree) == "Tony Ward"  # "Tony" is a man's name, not "Toni"
    assert found.speaker(safe) == "Jean Roy"


def test_a_speaker_told_by_age_is_the_person_named_last() -> None:
    found = synthetic(
        'Speaking after the race, Max Verstappen said: "The car was perfect."\n\n'
        '"I\'m just happy," added the 26-year-old, who won his third title.',
        ("Max Verstappen", PERSON, ()),
    )
    _perfect, happy = found.quotes
    assert found.speaker(happy) == "Max Verstappen"
    assert happy.speaker_text == "the 26-year-old"


def test_a_short_clause_opened_by_a_person_and_a_colon_introduces_the_quote() -> None:
    found = synthetic(
        'England drew. Coach Gareth Southgate was less upbeat: "We have to improve."\n\n'
        'Her verdict on Kamala Harris was harsh: "She failed the test."',
        ("Gareth Southgate", PERSON, ()),
        ("Kamala Harris", PERSON, ()),
    )
    improve, failed = found.quotes
    assert found.speaker(improve) == "Gareth Southgate"
    assert failed.speaker is None  # Harris is who the verdict is on, not who speaks


def test_a_role_with_no_name_to_match_stands_for_the_person_just_named() -> None:
    found = synthetic(
        'Pep Guardiola praised his squad. "These players are incredible," the City manager said.',
        ("Pep Guardiola", PERSON, ("Guardiola",)),
    )
    (incredible,) = found.quotes
    assert found.speaker(incredible) == "Pep Guardiola"
    assert incredible.speaker_text == "the City manager"


@pytest.mark.parametrize("firm_kind", [ORG, PERSON])
def test_a_person_of_a_firm_speaks_for_themselves(firm_kind: EntityKind) -> None:
    """ "Holger Schmieding of Berenberg wrote": the economist, whether or not the
    recogniser took the firm's one-word name for a person's."""
    found = synthetic(
        'Holger Schmieding of Berenberg wrote in a note: "Wage growth remains too strong."',
        ("Holger Schmieding", PERSON, ()),
        ("Berenberg", firm_kind, ()),
    )
    (wages,) = found.quotes
    assert found.speaker(wages) == "Holger Schmieding"


def test_a_sentence_opened_by_a_participle_clause_is_spoken_by_its_subject() -> None:
    """ "Asked whether ..., Guardiola smiled:": who was asked is the subject after the
    comma, not an unnamed asker."""
    found = synthetic(
        'Asked whether he would stay next season, Guardiola smiled: "Of course."',
        ("Guardiola", PERSON, ()),
    )
    (stay,) = found.quotes
    assert found.speaker(stay) == "Guardiola"


def test_a_quote_after_a_speaker_reports_without_quoting_is_theirs() -> None:
    """ "X noted ... . "<quote>"": the quote that is a sentence of its own is X's; a
    quoted term inside the narrative after X's reported words is nobody's."""
    found = synthetic(
        "Colette Heald noted the findings show pollution cuts matter. "
        '"A cleanup would improve crop yields by 10 percent."\n\n'
        "Senator Mark Udall asked the council to help. The team was then given "
        '"a significant public benefit exemption from the rules" by the State Department.',
        ("Colette Heald", PERSON, ("Heald",)),
        ("Mark Udall", PERSON, ()),
    )
    cleanup, exemption = found.quotes
    assert found.speaker(cleanup) == "Colette Heald"
    assert found.speaker(exemption) is None


def test_what_a_letter_reads_is_its_authors() -> None:
    found = synthetic(
        'The Home Office letter reads "we may extend the use of the form to other claimants".',
        ("Home Office", ORG, ()),
    )
    (extend,) = found.quotes
    assert found.speaker(extend) == "Home Office"


def test_a_spokesperson_for_the_company_speaks_for_the_company_named_before() -> None:
    found = synthetic(
        "The port operator, Hutchison Ports, said it was disappointed. A spokesperson for "
        'the company said: "We have offered a fair deal."',
        ("Hutchison Ports", ORG, ()),
    )
    (deal,) = found.quotes
    assert found.speaker(deal) == "Hutchison Ports"
    assert deal.speaker_text == "A spokesperson for the company"


def test_offices_joined_before_the_name_are_the_persons() -> None:
    article = (
        "Airbus delivers\n\n"
        '"This is a major milestone for the A380 programme," said Airbus President and '
        "Chief Executive Officer, Tom Enders.\n"
    )
    extraction = extract(parse_article(article))
    names = [e.name for e in extraction.entities]
    assert not any(name.endswith("Officer") for name in names)  # a role is no name
    (quote,) = extraction.quotes
    assert quote.speaker is not None
    assert names[quote.speaker] == "Tom Enders"


def test_a_question_split_off_its_cue_clause_is_that_clauses_speakers() -> None:
    found = synthetic(
        'The visitors scored twice in the last ten minutes. "Could we have asked for more?" '
        'United manager Rhian Dawes asked. "Not really."',
        ("Rhian Dawes", PERSON, ("Dawes",)),
    )
    assert found.speaker(found.quote("Could we have")) == "Rhian Dawes"
    assert found.speaker(found.quote("Not really")) == "Rhian Dawes"


def test_a_question_inside_a_reported_sentence_is_not_the_next_clause_speakers() -> None:
    found = synthetic(
        'A guard who had shouted, "Where is the exit?" Inspector Dev Kaur said.',
        ("Dev Kaur", PERSON, ("Kaur",)),
    )
    assert found.speaker(found.quote("Where is")) is None


def test_a_question_is_not_the_speaker_of_a_clause_whose_cue_follows_a_comma() -> None:
    found = synthetic(
        'The inquiry resumes on Monday. "What was the plan?" Inspector Dev Kaur planned to '
        "ask, according to the briefing notes.",
        ("Dev Kaur", PERSON, ("Kaur",)),
    )
    plan = found.quote("What was")
    # the one who planned to ask it (speakers21), not the notes
    assert found.speaker(plan) == "Dev Kaur"


def test_a_paragraph_opening_with_a_lower_case_cue_ends_the_quote_before() -> None:
    # a paragraph break the layout put inside the sentence
    found = synthetic(
        "Ministers met on Monday.\n\n"
        '"We will not let the yards close. Too many jobs depend on them."\n\n'
        "said Mara Lind, the industry minister.\n\n"
        "The unions welcomed the pledge.",
        ("Mara Lind", PERSON, ("Lind",)),
    )
    assert found.speaker(found.quote("We will not")) == "Mara Lind"


def test_a_paragraph_quote_runs_on_past_words_the_splitter_cut_off() -> None:
    # The splitter ends the first sentence at "Ch." and leaves "10." to a sentence of
    # its own: the statement still ends its paragraph.
    found = synthetic(
        '"The bridge will reopen in May," said Ana Ruiz, a reporter at KXTV, Ch. 10.\n\n'
        '"Drivers should plan for delays until then."',
        ("Ana Ruiz", PERSON, ("Ruiz",)),
    )
    assert found.speaker(found.quote("Drivers should plan")) == "Ana Ruiz"


def test_a_title_in_quotes_is_nobodys_words() -> None:
    found = synthetic(
        'Mayor Rita Lund said the city would rename the park "Harbour View Gardens" in '
        'June. Senator Paul Dole wrote on Friday that there was "NO DEAL and NO TALKS." '
        'Lund asked: "Who Wants a Park?"',
        ("Rita Lund", PERSON, ("Lund",)),
        ("Paul Dole", PERSON, ("Dole",)),
    )
    title = found.quote("Harbour View Gardens")
    assert (title.speaker, title.speaker_text, title.cue) == (None, None, None)
    assert found.speaker(found.quote("NO DEAL")) == "Paul Dole"  # a shouted tweet speaks
    assert found.speaker(found.quote("Who Wants")) == "Rita Lund"  # so does a question


def test_a_headline_led_by_a_name_and_a_colon_quotes_that_person() -> None:
    found = synthetic(
        "Merkel: New border checks 'will not last beyond the summer'.\n\n"
        "Chancellor Angela Merkel defended the checks on Monday in Berlin.\n\n"
        "Report: Ministers call the plan 'a stopgap'.",
        ("Angela Merkel", PERSON, ("Merkel",)),
    )
    assert found.speaker(found.quote("will not last")) == "Angela Merkel"


def test_an_analyst_s_rating_is_nobodys_words() -> None:
    found = synthetic(
        'Barclays upgraded Nordic Shipping to "overweight" from "equal weight" on Tuesday, '
        'and analyst Tom Berg said the fleet was "better placed than any rival."',
        ("Tom Berg", PERSON, ("Berg",)),
        ("Barclays", ORG, ()),
    )
    for grade in ("overweight", "equal weight"):
        quote = found.quote(grade)
        assert (quote.speaker, quote.speaker_text, quote.cue) == (None, None, None)
    assert found.speaker(found.quote("better placed")) == "Tom Berg"


def test_one_capitalised_word_before_a_work_s_noun_names_the_work() -> None:
    found = synthetic(
        '"Dune" director Lena Moss confirmed on Friday that the "Arrakis" sequel would '
        'start filming in March, calling the script "stronger than the first."',
        ("Lena Moss", PERSON, ("Moss",)),
    )
    for title in ("Dune", "Arrakis"):
        quote = found.quote(title)
        assert (quote.speaker, quote.speaker_text, quote.cue) == (None, None, None)
    assert found.speaker(found.quote("stronger")) == "Lena Moss"


def test_a_mark_after_a_full_stop_and_a_space_opens_the_next_statement() -> None:
    # The copy lost the paragraph break between two statements of one speaker: the
    # mark before "The mill" opens a quote, it does not close the one before it.
    found = synthetic(
        '"The mill has fed this town for ninety years," said Owen Hale, the mayor.\n\n'
        '"We owe it a fair hearing. "The mill will not close while I hold this office," '
        "Hale added.\n\n"
        '"Nobody should lose a job over a zoning map."',
        ("Owen Hale", PERSON, ("Hale",)),
    )
    assert found.speaker(found.quote("We owe it")) == "Owen Hale"
    assert found.quote("We owe it").text == "We owe it a fair hearing."
    assert found.speaker(found.quote("The mill will not")) == "Owen Hale"
    assert found.speaker(found.quote("Nobody should")) == "Owen Hale"


def test_the_organisation_a_titled_person_speaks_for_is_part_of_the_title() -> None:
    found = synthetic(
        "Shares of the bottler fell sharply.\n\n"
        'Northwind Beverages spokesman Karl Dufresne spoke about the drop: "We are looking '
        'into what caused it."\n\n'
        'A note from Orbis Capital on the merger was blunt: "It makes no sense."',
        ("Northwind Beverages", ORG, ()),
        ("Karl Dufresne", PERSON, ()),
        ("Orbis Capital", ORG, ()),
    )
    looking, sense = found.quotes
    assert found.speaker(looking) == "Karl Dufresne"
    assert sense.speaker is None  # no person opens the clause


def test_a_paragraph_issuing_the_following_statement_introduces_the_quote() -> None:
    """A clause too long for a short colon clause still introduces the statement after it
    when its verb is issuing one."""
    article = (
        "Club suspends striker\n\n"
        "The striker was arrested early on Sunday.\n\n"
        "Director of football Ruth Adair issued the following statement on the arrest of "
        "the striker:\n\n"
        '"We are aware of the incident. We take it very seriously."\n'
    )
    extraction = extract(parse_article(article))
    names = [e.name for e in extraction.entities]
    (quote,) = extraction.quotes
    assert quote.speaker is not None
    assert names[quote.speaker] == "Ruth Adair"
