"""Names as clients send them, turned into the keys entities are stored under."""

from __future__ import annotations

import asyncpg
import httpx

from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from service.lookup import name_keys
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


async def test_a_full_name_beats_a_better_known_namesake(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    # Found at 100k: "Aisultan Nazarbaev" answered with Nursultan Nazarbayev (3.4 MB of his
    # facts), who merely shares the surname and is resolved in many more articles.
    famous = "ASTANA — Former President Nursultan Nazarbayev met voters on Monday, the agency said."
    for day in ("Monday", "Tuesday", "Wednesday"):
        await ingest_article(pool, famous.replace("Monday", day), ArticleMeta(outlet="Kazinform"))
    await ingest_article(
        pool,
        "ALMATY — Aisultan Nazarbayev, a baker, opened a shop on Friday, the agency said.",
        ArticleMeta(outlet="Kazinform"),
    )
    query = "query($n: String!) { entity(name: $n) { name } }"
    assert (await gql(client, query, n="Aisultan Nazarbaev"))["entity"]["name"] == (
        "Aisultan Nazarbayev"
    )
    assert (await gql(client, query, n="Nazarbayev"))["entity"]["name"] == ("Nursultan Nazarbayev")
