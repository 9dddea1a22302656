"""Status and qualifiers of whole figures (service/ingest/figures/qualifiers.py)."""

from __future__ import annotations

from service.ingest.extract import extract
from service.ingest.parse.article import parse_article


def _statuses(copy: str) -> dict[str, str | None]:
    return {f.text: f.status for f in extract(parse_article(copy)).figures}


def test_a_price_the_seller_sets_is_no_forecast() -> None:
    statuses = _statuses(
        "New handset\n\n"
        "The Orion X2 phone will cost $349 when it goes on sale next month.\n"
        "The tablet will be available in stores for $499 from June.\n"
        "Analysts say crude will reach $95 a barrel by spring.\n"
    )
    assert statuses["$349"] is None
    assert statuses["$499"] is None
    assert statuses["$95"] == "forecast"  # a market's price is forecast


def test_what_an_employer_cuts_is_a_plan_whatever_its_property() -> None:
    statuses = _statuses(
        "Carmaker restructures\n\n"
        "The carmaker will cut 9,000 jobs and 5 plants over three years.\n"
        "About 3,500 production jobs will be cut in Michigan, 900 in Ontario.\n"
        "Analysts say crude will reach $95 a barrel by spring.\n"
    )
    assert statuses["5"] is None  # plants it closes
    assert statuses["About 3,500"] is None  # jobs, though read as "production"
    assert statuses["$95"] == "forecast"


def test_a_likelihood_is_an_estimate() -> None:
    statuses = _statuses(
        "Lender in trouble\n\n"
        "Analysts at the bank put the chance of a default by the lender at 30 percent.\n"
    )
    assert statuses["30 percent"] == "estimate"
