"""Cross-article resolution decisions: who merges with whom, and why."""

from __future__ import annotations

from service.ingest.mentions.names import alias_keys
from service.ingest.model import EntityKind, LocalEntity
from service.ingest.resolution.resolve import KnownEntity, choose_match, lookup_keys

PERSON, ORG, PLACE, OTHER, EVENT = (
    EntityKind.PERSON,
    EntityKind.ORGANIZATION,
    EntityKind.PLACE,
    EntityKind.OTHER,
    EntityKind.EVENT,
)


def local(kind: EntityKind, name: str, *aliases: str) -> LocalEntity:
    return LocalEntity(index=0, kind=kind, name=name, aliases=aliases)


def known(id_: int, kind: EntityKind, name: str, *aliases: str) -> KnownEntity:
    return KnownEntity(id=id_, kind=kind, name=name, aliases=(name, *aliases))


def stored_keys(entity: KnownEntity) -> set[str]:
    """What the pipeline stores for a known entity: alias_keys of its name and aliases."""
    return {k for form in (entity.name, *entity.aliases) for k in alias_keys(form, entity.kind)}


def found_by_lookup(entity: LocalEntity, candidate: KnownEntity) -> bool:
    return bool(set(lookup_keys(entity)) & stored_keys(candidate))


TOQAEV = known(1, PERSON, "Qasym-Zhomart Toqaev", "Toqaev")
NAZARBAEV = known(2, PERSON, "Nursultan Nazarbaev", "Nazarbaev")
DARIGA = known(3, PERSON, "Dariga Nazarbayeva")
TAIZHAN = known(4, PERSON, "Mukhtar Taizhan")
OSCE = known(5, ORG, "Organization for Security and Cooperation in Europe", "OSCE")
ASTANA = known(6, PLACE, "Astana")


def test_transliterated_full_name_merges() -> None:
    tokayev = local(PERSON, "Kassym-Jomart Tokayev", "Tokayev")
    assert found_by_lookup(tokayev, TOQAEV)
    match = choose_match(tokayev, [TOQAEV, NAZARBAEV])
    assert match is not None
    assert match.entity is TOQAEV
    assert "transliteration" in match.reason
    assert "Kassym-Jomart Tokayev" in match.reason


def test_surname_only_merges_with_the_single_holder() -> None:
    alone = local(PERSON, "Nazarbayev")
    assert found_by_lookup(alone, NAZARBAEV)
    assert not found_by_lookup(alone, DARIGA)  # the gendered form has another surname key
    match = choose_match(alone, [NAZARBAEV, DARIGA])
    assert match is not None
    assert match.entity is NAZARBAEV
    assert "only known person" in match.reason


def test_surname_only_with_several_holders_does_not_merge() -> None:
    other = known(7, PERSON, "Bolat Nazarbayev")
    assert choose_match(local(PERSON, "Nazarbaev"), [NAZARBAEV, other]) is None


def test_gendered_surname_forms_never_merge() -> None:
    assert choose_match(local(PERSON, "Dariga Nazarbayeva"), [NAZARBAEV]) is None
    assert choose_match(local(PERSON, "Nazarbayeva"), [NAZARBAEV]) is None


def test_different_first_names_never_merge() -> None:
    ablyazov = local(PERSON, "Mukhtar Ablyazov")
    assert choose_match(ablyazov, [TAIZHAN]) is None
    brother = local(PERSON, "Bolat Nazarbaev")
    assert choose_match(brother, [NAZARBAEV]) is None


def test_full_name_completes_a_surname_only_entity() -> None:
    surname_only = known(8, PERSON, "Zaitov")
    match = choose_match(local(PERSON, "Rinat Zaitov"), [surname_only])
    assert match is not None
    assert match.entity is surname_only


def test_initial_fits_a_full_first_name() -> None:
    george = known(9, PERSON, "George Tsereteli")
    match = choose_match(local(PERSON, "G. Tsereteli"), [george])
    assert match is not None
    assert "initial" in match.reason


def test_a_middle_name_more_or_less_merges() -> None:
    """One outlet prints "Dana Louise Harrow", another "Dana Harrow": one person."""
    full = known(21, PERSON, "Dana Louise Harrow", "Harrow")
    other = known(22, PERSON, "Peter Harrow")
    short = local(PERSON, "Dana Harrow", "Harrow")
    assert found_by_lookup(short, full)
    match = choose_match(short, [full, other])
    assert match is not None
    assert match.entity is full
    assert "middle name" in match.reason
    longer = choose_match(local(PERSON, "Dana L. Harrow"), [known(23, PERSON, "Dana Harrow")])
    assert longer is not None


def test_differing_middle_names_never_merge() -> None:
    """ "Dana A. Harrow" and "Dana B. Harrow" are two people, as are two namesakes whose
    middle names both fit a form that has none."""
    assert (
        choose_match(local(PERSON, "Dana A. Harrow"), [known(24, PERSON, "Dana B. Harrow")]) is None
    )
    namesakes = [known(25, PERSON, "Dana A. Harrow"), known(26, PERSON, "Dana B. Harrow")]
    assert choose_match(local(PERSON, "Dana Harrow"), namesakes) is None


def test_person_never_merges_with_another_kind() -> None:
    place = known(10, PLACE, "Georgia")
    assert choose_match(local(PERSON, "Georgia"), [place]) is None


def test_organisation_spelling_and_acronym() -> None:
    spelled = local(ORG, "Organisation for Security and Cooperation in Europe", "OSCE")
    match = choose_match(spelled, [OSCE])
    assert match is not None
    assert match.entity is OSCE
    assert "spelling" in match.reason

    # OSCE is on the list of well-known organisations: the list alone links the two.
    listed = choose_match(local(ORG, "OSCE"), [OSCE])
    assert listed is not None
    assert listed.entity is OSCE

    bureau = known(17, ORG, "Kazakhstan International Bureau for Human Rights", "KIBHR")
    acronym_only = local(ORG, "KIBHR")
    assert found_by_lookup(acronym_only, bureau)
    match = choose_match(acronym_only, [bureau])
    assert match is not None
    assert match.entity is bureau
    assert "acronym 'KIBHR'" in match.reason


def test_acronym_of_another_kind_other_merges() -> None:
    other = known(11, OTHER, "CEC")
    match = choose_match(local(ORG, "Central Election Commission", "CEC"), [other])
    assert match is not None
    assert match.entity is other


def test_acronym_matching_initials_of_a_known_long_name() -> None:
    cec = known(12, ORG, "Central Election Commission")
    acronym = local(ORG, "CEC")
    assert found_by_lookup(acronym, cec)
    match = choose_match(acronym, [cec])
    assert match is not None
    assert "initials" in match.reason


def test_ambiguous_acronym_does_not_merge() -> None:
    one = known(13, ORG, "Central Election Commission", "CEC")
    two = known(14, ORG, "Central Electoral Council", "CEC")
    assert choose_match(local(ORG, "CEC"), [one, two]) is None


def test_listed_variants_of_a_place_merge() -> None:
    nur_sultan = local(PLACE, "Nur-Sultan")
    assert found_by_lookup(nur_sultan, ASTANA)
    match = choose_match(nur_sultan, [ASTANA])
    assert match is not None
    assert "Astana" in match.reason
    assert choose_match(local(PLACE, "Almaty"), [ASTANA]) is None


def test_hyphenation_and_dated_events() -> None:
    nur_otan = known(15, ORG, "Nur-Otan")
    match = choose_match(local(ORG, "Nur Otan"), [nur_otan])
    assert match is not None
    assert match.entity is nur_otan
    election = known(16, EVENT, "June 9 presidential election")
    poll = local(EVENT, "June 9 snap presidential poll")
    assert found_by_lookup(poll, election)


def test_no_candidates_means_no_match() -> None:
    assert choose_match(local(PERSON, "Anuar Nurpeisov"), []) is None


def test_ambiguous_bare_surname_reuses_one_surname_only_entity() -> None:
    known = [
        KnownEntity(1, EntityKind.PERSON, "Nursultan Nazarbaev", ("Nazarbaev",)),
        KnownEntity(2, EntityKind.PERSON, "Aisultan Nazarbaev", ()),
        KnownEntity(3, EntityKind.PERSON, "Nazarbaev", ()),
    ]
    bare = LocalEntity(index=0, kind=EntityKind.PERSON, name="Nazarbayev", aliases=())
    match = choose_match(bare, known)
    assert match is not None
    assert match.entity.id == 3
    assert "ambiguous" in match.reason
    # With no surname-only entity yet, the first ambiguous mention makes a new one.
    assert choose_match(bare, known[:2]) is None


def test_acronyms_keep_their_letters() -> None:
    # Folded like names, both were 'if': two foundations seemed to share one acronym.
    iphf = known(7, ORG, "Independent Public Health Foundation", "IPHF")
    iif = known(8, ORG, "Independent Interior Foundation", "IIF")
    assert stored_keys(iphf).isdisjoint({k for k in stored_keys(iif) if k.startswith("acr:")})
    match = choose_match(local(ORG, "IPHF"), [iphf, iif])
    assert match is not None
    assert match.entity is iphf


def test_a_bare_shared_acronym_joins_the_earlier_bare_mentions() -> None:
    first = known(9, ORG, "Interior Fund", "IFD")
    second = known(10, ORG, "Industry Forum Dialogue", "IFD")
    # Two organisations hold 'IFD': a mention that says only 'IFD' cannot pick one...
    assert choose_match(local(ORG, "IFD"), [first, second]) is None
    # ...and once such a mention is an entity, the next ones join it instead of each
    # becoming one more holder of 'IFD'.
    bare = known(11, ORG, "IFD")
    later = known(12, ORG, "IFD")
    match = choose_match(local(ORG, "IFD"), [first, second, later, bare])
    assert match is not None
    assert match.entity is bare
    assert "shared by 4 organisations" in match.reason


def test_a_long_name_never_joins_another_long_names_acronym() -> None:
    gm = known(7, ORG, "General Motors Corporation", "General Motors", "GM")
    assert choose_match(local(ORG, "Grand Mosque"), [gm]) is None
    # ... nor does a two-letter acronym join a long name by its initials alone
    assert choose_match(local(ORG, "GM"), [known(9, ORG, "Grand Mosque")]) is None
    # A bare acronym nobody has spelt out may still be the long name's initials.
    only_acronym = known(8, ORG, "IAEA")
    match = choose_match(local(ORG, "International Atomic Energy Agency"), [only_acronym])
    assert match is not None
    assert "initials" in match.reason
