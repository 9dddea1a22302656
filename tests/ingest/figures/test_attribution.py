"""Which cue vouches for a figure: a cue after "but" only for its own clause, and no cue
after an opening clause for that clause."""

from __future__ import annotations

from tests.ingest.figures.whom import sources_of


def test_a_cue_after_but_vouches_only_for_its_own_clause() -> None:
    sources = sources_of(
        "Transfer talks\n\n"
        "The club has offered the striker a deal worth $90 million, but people close to "
        "the talks said the player wants more.\n"
    )
    assert sources["$90 million"] is None


def test_an_opening_clause_is_not_what_the_cue_after_it_vouches_for() -> None:
    sources = sources_of(
        "Rescue plan\n\n"
        "After a plan to rescue four regional banks failed in parliament, the treasury "
        "said it would lend $2 billion.\n"
        "Four banks failed last year, the treasury said.\n"
    )
    assert sources["four"] is None
    assert sources["$2 billion"] == "the treasury"
    assert sources["Four"] == "the treasury"
