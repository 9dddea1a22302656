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
