"""Copy about anything, end to end: two outlets on one quake make one fact per measure.

The sample of the extraction issue (issue 15), ingested through the real pipeline into
real PostgreSQL and read back through the REST API as a client would.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg
import httpx

from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article

OUTLET_A = """Nepal earthquake kills at least 120

A powerful earthquake struck western Nepal late on Saturday, killing at least 120 people \
and injuring more than 400, officials said on Sunday. The magnitude 6.4 quake hit Jajarkot \
district, about 500 km west of the capital Kathmandu.
"""
OUTLET_B = """Nepal quake death toll rises to 157

The death toll from a 6.4-magnitude earthquake in western Nepal rose to 157 on Sunday, \
with 375 people injured, according to police. Rescue teams were still searching the \
remote district. The US Geological Survey put the quake's magnitude at 5.7.
"""


def _values(fact: dict[str, Any]) -> set[float]:
    return {v["value"] for v in fact["values"]}


async def test_two_outlets_on_one_quake_make_three_facts(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    for outlet, text, hour in (("Outlet A", OUTLET_A, 6), ("Outlet B", OUTLET_B, 14)):
        published = dt.datetime(2023, 11, 5, hour, tzinfo=dt.UTC)
        await ingest_article(pool, text, ArticleMeta(outlet=outlet, published_at=published))
    response = await client.get("/api/v1/facts", params={"first": 100})
    facts = {f["label"]: f for f in response.json()["items"]}
    assert set(facts) == {"Nepal: deaths", "Nepal: people injured", "Nepal: magnitude"}

    deaths = facts["Nepal: deaths"]
    assert _values(deaths) == {120.0, 157.0}
    assert not deaths["disputed"]  # "at least 120" then 157: the toll grew
    assert {s["outlet"]["name"] for v in deaths["values"] for s in v["sources"]} == {
        "Outlet A",
        "Outlet B",
    }
    injured = facts["Nepal: people injured"]
    assert _values(injured) == {400.0, 375.0}
    assert injured["disputed"]  # "more than 400" and 375 cannot both be true

    magnitude = facts["Nepal: magnitude"]
    assert _values(magnitude) == {6.4, 5.7}
    assert magnitude["disputed"]
    (usgs,) = [v for v in magnitude["values"] if v["value"] == 5.7]
    assert [s["attributedTo"]["name"] for s in usgs["sources"]] == ["US Geological Survey"]
    for value in (*deaths["values"], *magnitude["values"]):
        for source in value["sources"]:
            assert source["span"]["end"] > source["span"]["start"]
            assert str(value["text"]).split()[-1].rstrip("-magnitude") in source["excerpt"]
