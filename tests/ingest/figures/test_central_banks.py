"""The country whose central bank a name is."""

from __future__ import annotations

import pytest

from service.ingest.figures.central_banks import STORY_COUNTRY, bank_country


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Bank of England", "United Kingdom"),
        ("the Bank of Canada", "Canada"),
        ("U.S. Federal Reserve", "United States"),
        ("Fed", "United States"),
        ("Reserve Bank of Australia", "Australia"),
        ("Central Bank of Russia", "Russia"),
        ("Swiss National Bank", "Switzerland"),
        ("Central Bank", STORY_COUNTRY),
    ],
)
def test_a_central_bank_is_its_countrys(name: str, country: str) -> None:
    assert bank_country(name) == country


@pytest.mark.parametrize(
    "name",
    ["Bank of America", "Bank of China", "National Bank of Greece", "European Central Bank",
     "Royal Bank of Scotland", "Deutsche Bank"],
)  # fmt: skip
def test_a_commercial_or_a_union_bank_names_no_country(name: str) -> None:
    assert bank_country(name) is None
