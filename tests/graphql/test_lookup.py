"""Names as clients send them, turned into the keys entities are stored under."""

from __future__ import annotations

import httpx

from service.graphql.lookup import name_keys
from tests.graphql.test_articles import gql


def test_name_keys_skip_initials_of_several_words() -> None:
    assert not any(key.startswith("ini:") for key in name_keys("Almaty protests"))
    assert "ini:cec" in name_keys("CEC")  # an acronym finds what it abbreviates
    assert any(key.startswith("sn:") for key in name_keys("Tokayev"))  # surnames find people


async def test_entity_by_initials_of_other_words_finds_nothing(
    seeded_client: httpx.AsyncClient,
) -> None:
    # "Central Election Commission" is a seed entity; a phrase sharing its initials is not.
    found = await gql(seeded_client, '{ a: entity(name: "Canada Expects Change") { name } }')
    assert found["a"] is None
    cec = await gql(seeded_client, '{ entity(name: "Central Election Commission") { name } }')
    assert cec["entity"]["name"] == "Central Election Commission"
