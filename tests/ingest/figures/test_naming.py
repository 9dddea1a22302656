"""The words that name what a figure measures: the verb, its object and preposition, a count
of times."""

from __future__ import annotations

import pytest

from tests.ingest.figures.reading import figures_by_text, reading_of


def test_what_a_suit_is_settled_for_is_a_fine_and_a_price_that_settles_is_not() -> None:
    settled = "The hospital settled the lawsuit for $2.1 million in March."
    assert reading_of(settled, "$2.1 million")[0] == "fine"
    assert reading_of("Gold settled at $1,912 an ounce.", "$1,912")[0] != "fine"


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a count of times counts the deed of the verb it modifies
        ("The activist has been arrested four times since 2019.", "four times", "arrests"),
        ("The landlord was sued twice by former tenants.", "twice", "lawsuits"),
        ("The two ministers have met three times this year.", "three times", "meetings"),
        ("The envoy visited Kabul five times before the talks.", "five times", "visits"),
        ("The central bank has raised interest rates 11 times since March.", "11 times",
         "rate_increases"),
        ("Officials twice refused the band visas for the tour.", "twice", "visa_denials"),
        ("The singer has been jailed three times for drug offences.", "three times",
         "incarcerations"),
        ("He was confined 14 times in hospitals for his illness.", "14 times",
         "hospitalisations"),
        ("The cell can be recharged up to 2,000 times.", "up to 2,000 times", "recharges"),
        # after a light verb, the object names the deed
        ("The climbers made the ascent twice in one week.", "twice", "ascents"),
        # the parse may hang the count on a noun: the verb above it takes it
        ("The slogan was used in posts over 200,000 times by Friday.", "over 200,000 times",
         "uses"),
        # a phone call by its preposition
        ("The two leaders have spoken by phone 12 times.", "12 times", "calls"),
        # times of no deed: a ratio, a verb the lexicon does not know
        ("The new engine is up to three times more efficient.", "up to three times", None),
        ("The choir sang the anthem four times.", "four times", None),
        # a head count is no count of times: what is counted, or what befell people
        ("Police arrested 40 people outside the embassy.", "40 people", "detained"),
        ("The museum was visited by 2,000 people on Sunday.", "2,000 people", None),
    ],
)  # fmt: skip
def test_times_count_the_repeated_deed(sentence: str, text: str, concept: str | None) -> None:
    assert reading_of(sentence, text)[0] == concept


def test_who_tells_a_figure_is_not_what_a_number_by_their_verb_counts() -> None:
    """ "police said in update 4": the police tell, no four police; the toll before
    still counts the dead."""
    figures = figures_by_text(
        "Storm hits coast\n\nThe storm killed 23 people, police said in update 4.\n"
    )
    assert figures["23 people"].property == "deaths"
    assert (figures["4"].unit, figures["4"].property) == ("count", None)


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # how the deed ended names it with the verb: a shooting alone may only wound
        ("Two deputies fatally shot three men outside the bar.", "three men", "deaths"),
        ("The intruder stabbed one man fatally in the hallway.", "one man", "deaths"),
        ("Four people were fatally stabbed at the market.", "Four people", "deaths"),
        ("Deputies shot three men outside the bar.", "three men", None),
        # the deed named by its own verb
        ("The couple murdered five hikers in the 1980s.", "five", "deaths"),
        ("A gang gunned down four men in the square.", "four men", "deaths"),
    ],
)  # fmt: skip
def test_a_killing_names_deaths_however_told(sentence: str, text: str, concept: str | None) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


def test_a_tally_of_things_the_lexicon_lacks_names_its_level_by_the_noun_after_of() -> None:
    # "number of" passes the count to its noun, an open key where no concept names it
    sentence = "The port expects its total number of cruise ships to climb to 900 by 2030."
    assert reading_of(sentence, "900")[0] == "ships"


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a mark a plural subject went past names it by that subject
        ("The shipyard hopes that deliveries will exceed 40 this year.", "40", "deliveries"),
        ("Applications to the scheme topped 12,000 in March.", "12,000", "applications"),
        # a price printed bare is no count of shares
        ("Its shares passed 52 on Friday.", "52", None),
    ],
)  # fmt: skip
def test_a_mark_reached_is_named_by_what_reached_it(
    sentence: str, text: str, concept: str | None
) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # what a person is paid is pay, by the year or for a deed
        ("The club paid her about $2 million a season under the old contract.",
         "about $2 million", "salary"),
        ("She was paid $5 million for writing and producing the show.", "$5 million", "salary"),
        # a sum "in" a noun is that noun's; a sum paid by no one to no person is nobody's pay
        ("The firm paid him $40,000 in bribes.", "$40,000", "bribes"),
        ("The council had to pay another $3 million for old debts.", "$3 million", None),
        ("They paid $50 billion.", "$50 billion", None),
    ],
)  # fmt: skip
def test_a_sum_paid_to_a_person_is_pay(sentence: str, text: str, concept: str | None) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence


@pytest.mark.parametrize(
    ("sentence", "text", "concept"),
    [
        # a plural the lexicon lists names its concept before its singular: a business's
        # costs are costs it bears, the cost of one thing its price
        ("The company cut its costs to $8 billion last year.", "$8 billion", "cost"),
        ("The airline will take on $2 billion in pension costs.", "$2 billion", "cost"),
        ("The cost of a ticket is now $45.", "$45", "price"),
    ],
)  # fmt: skip
def test_a_plural_of_its_own_names_its_concept_before_its_singular(
    sentence: str, text: str, concept: str
) -> None:
    assert reading_of(sentence, text)[0] == concept, sentence
