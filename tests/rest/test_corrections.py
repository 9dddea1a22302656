"""PUT and DELETE /api/v1/articles/{id} over HTTP: keys, answers, 410 for a tombstone,
the audit log, and reads (facts, lists, ETags) that follow."""

from __future__ import annotations

import asyncpg
import httpx

from tests.ingest.test_corrections import TOLL_12, TOLL_15, TOLL_15_LATER
from tests.rest.conftest import AUTH, KEY

URL = "/api/v1/articles"


async def _post(api: httpx.AsyncClient, text: str, outlet: str) -> dict[str, str]:
    answer = await api.post(URL, json={"text": text, "outlet": outlet}, headers=AUTH)
    assert answer.status_code == 201, answer.text
    return {"id": answer.json()["id"], "slug": answer.json()["slug"]}


async def _deaths(api: httpx.AsyncClient) -> list[tuple[bool, list[tuple[float, int]]]]:
    """Each deaths fact: disputed, and its values with how many sources report each."""
    facts = (await api.get("/api/v1/facts", params={"property": "deaths"})).json()["items"]
    return [
        (f["disputed"], sorted((v["value"], len(v["sources"])) for v in f["values"])) for f in facts
    ]


async def test_put_corrects_the_copy_in_place(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    daily = await _post(api, TOLL_12, "Daily")
    await _post(api, TOLL_15_LATER, "Weekly")
    assert await _deaths(api) == [(True, [(12.0, 1), (15.0, 1)])]
    tag = (await api.get(f"{URL}/{daily['id']}")).headers["etag"]

    answer = await api.put(
        f"{URL}/{daily['slug']}",
        content=TOLL_15,
        params={"reason": "the toll was 15"},
        headers={**AUTH, "Content-Type": "text/plain"},
    )

    assert answer.status_code == 200, answer.text
    assert answer.headers["factdesk-correction"] == "applied"
    assert answer.headers["factdesk-article-version"] == "2"
    assert answer.json()["id"] == daily["id"]
    assert answer.json()["slug"] == daily["slug"]
    assert "15 people" in answer.json()["body"]
    assert await _deaths(api) == [(False, [(15.0, 2)])]
    assert (await api.get(f"{URL}/{daily['id']}")).headers["etag"] != tag
    async with pool.acquire() as conn:
        audit = await conn.fetchrow("SELECT * FROM audit_log")
    assert audit is not None
    assert audit["action"] == "correct"
    assert audit["reason"] == "the toll was 15"
    assert KEY not in audit["key_fingerprint"]
    assert len(audit["key_fingerprint"]) == 64

    again = await api.put(f"{URL}/{daily['id']}", json={"text": TOLL_15}, headers=AUTH)
    assert again.status_code == 200
    assert again.headers["factdesk-correction"] == "unchanged"


async def test_delete_leaves_a_tombstone(api: httpx.AsyncClient) -> None:
    daily = await _post(api, TOLL_12, "Daily")
    weekly = await _post(api, TOLL_15_LATER, "Weekly")

    answer = await api.delete(f"{URL}/{weekly['id']}", params={"reason": "unsourced"}, headers=AUTH)

    assert answer.status_code == 200, answer.text
    tombstone = answer.json()
    assert tombstone["id"] == weekly["id"]
    assert tombstone["reason"] == "unsourced"
    assert await _deaths(api) == [(False, [(12.0, 1)])]
    for ref in (weekly["id"], weekly["slug"]):
        gone = await api.get(f"{URL}/{ref}")
        assert gone.status_code == 410, gone.text
        assert gone.headers["content-type"] == "application/problem+json"
        problem = gone.json()
        assert problem["code"] == "article_retracted"
        assert problem["reason"] == "unsourced"
        assert problem["retractedAt"] == tombstone["retractedAt"]
    listed = (await api.get(URL)).json()
    assert [a["id"] for a in listed["items"]] == [daily["id"]]
    assert listed["totalCount"] == 1
    assert (await api.get(URL, params={"search": "toll rises"})).json()["totalCount"] == 0
    assert (await api.delete(f"{URL}/{weekly['id']}", headers=AUTH)).status_code == 410
    put = await api.put(f"{URL}/{weekly['id']}", json={"text": TOLL_15}, headers=AUTH)
    assert put.status_code == 410


async def test_writes_need_a_key_and_an_article(api: httpx.AsyncClient, pool: asyncpg.Pool) -> None:
    daily = await _post(api, TOLL_12, "Daily")
    assert (await api.delete(f"{URL}/{daily['id']}")).status_code == 401
    assert (await api.put(f"{URL}/{daily['id']}", json={"text": TOLL_15})).status_code == 401
    wrong = {"Authorization": "Bearer not-a-key"}
    assert (await api.delete(f"{URL}/{daily['id']}", headers=wrong)).status_code == 403
    assert (await api.delete(f"{URL}/no-such-slug", headers=AUTH)).status_code == 404
    empty = await api.put(f"{URL}/{daily['id']}", json={"text": " "}, headers=AUTH)
    assert empty.status_code == 422
    assert empty.json()["code"] == "empty_article"
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM audit_log") == 0
        assert await conn.fetchval("SELECT retracted_at FROM articles") is None
    patch = await api.request("PATCH", f"{URL}/{daily['id']}", headers=AUTH)
    assert patch.status_code == 405
    assert patch.headers["allow"] == "DELETE, GET, HEAD, PUT"


async def test_a_correction_to_another_articles_copy_is_a_conflict(api: httpx.AsyncClient) -> None:
    daily = await _post(api, TOLL_12, "Daily")
    weekly = await _post(api, TOLL_15_LATER, "Weekly")
    answer = await api.put(f"{URL}/{daily['id']}", json={"text": TOLL_15_LATER}, headers=AUTH)
    assert answer.status_code == 409
    assert answer.json()["code"] == "copy_exists"
    assert weekly["id"] in answer.json()["detail"]


async def test_a_correction_to_another_articles_story_is_a_conflict(
    api: httpx.AsyncClient,
) -> None:
    daily = await _post(api, TOLL_12, "Daily")
    weekly = await _post(api, TOLL_15_LATER, "Weekly")
    credited = f"{TOLL_15_LATER}\n\nOriginal source: Weekly"
    answer = await api.put(f"{URL}/{daily['id']}", json={"text": credited}, headers=AUTH)
    assert answer.status_code == 409, answer.text
    assert weekly["id"] in answer.json()["detail"]


async def test_a_correction_of_the_furniture_alone_is_applied(api: httpx.AsyncClient) -> None:
    # Same story, so the same story hash: the whole copy still decides what changed.
    daily = await _post(api, TOLL_12, "Daily")
    bylined = TOLL_12.replace("\n\n", "\n\nBy Aigerim Sadykova\n\n", 1)
    answer = await api.put(f"{URL}/{daily['id']}", json={"text": bylined}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.headers["factdesk-correction"] == "applied"
    assert answer.json()["bylines"] == ["Aigerim Sadykova"]
