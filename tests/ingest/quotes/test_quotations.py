"""Quotes and their speakers: the seed copy end to end, and small copies in other styles
(the speaker rules of ``speakers.py`` and the modules it reads with, through ``find_quotes``).

Seed tests run the real parse, sentence and entity stages, so they check what the
pipeline stores. Synthetic tests build mentions by hand, so they pin the quote logic
alone, whatever the entity finder decides.
"""

from __future__ import annotations

import pytest

from service.ingest.extract import extract
from service.ingest.model import EntityKind
from service.ingest.parse.article import parse_article
from service.ingest.quotes.quotations import find_quotes
from tests.ingest.quotes.reading import ORG, PERSON, seed, synthetic

# --- seeds ---------------------------------------------------------------------------


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


# --- other outlets' styles ----------------------------------------------------------


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


def test_the_agent_of_a_passive_verb_before_as_speaks_past_a_cue_naming_nobody() -> None:
    found = synthetic(
        "The striker retired on Sunday. For the player described by the Daily Courier "
        'as "the finest finisher of his generation," it was a quiet farewell.',
        ("Daily Courier", ORG, ()),
    )
    (said,) = found.quotes
    assert found.speaker(said) == "Daily Courier"
