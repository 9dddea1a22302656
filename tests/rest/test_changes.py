"""GET /api/v1/changes: the change feed a page at a time, in the documented shape."""

from __future__ import annotations

import httpx

from tests.graphql.test_corrections import _post
from tests.ingest.test_corrections import TOLL_12, TOLL_15, TOLL_15_LATER
from tests.rest.conftest import AUTH
from tests.rest.schemas import assert_matches


async def test_changes_page_after_a_cursor(api: httpx.AsyncClient) -> None:
    daily = await _post(api, TOLL_12, "Daily")
    weekly = await _post(api, TOLL_15_LATER, "Weekly")
    corrected = await api.put(f"/api/v1/articles/{daily}", json={"text": TOLL_15}, headers=AUTH)
    assert corrected.status_code == 200, corrected.text

    first = await api.get("/api/v1/changes", params={"first": 2})
    assert first.status_code == 200, first.text
    page = first.json()
    assert_matches(page, "ChangePage")
    assert [(c["kind"], c["articleId"]) for c in page["items"]] == [
        ("ingest", daily),
        ("ingest", weekly),
    ]
    assert page["items"][0]["factIds"] == page["items"][1]["factIds"] != []
    assert (page["totalCount"], page["pageInfo"]["hasNextPage"]) == (3, True)

    end = page["pageInfo"]["endCursor"]
    after = (await api.get("/api/v1/changes", params={"after": end, "first": 1})).json()
    assert [(c["kind"], c["articleId"]) for c in after["items"]] == [("correction", daily)]
    assert after["pageInfo"]["hasNextPage"] is False
    assert after["pageInfo"]["hasPreviousPage"] is True
    since = await api.get("/api/v1/changes", params={"after": after["pageInfo"]["endCursor"]})
    assert since.json()["items"] == []


async def test_changes_refuse_bad_paging(api: httpx.AsyncClient) -> None:
    for params in ({"first": "101"}, {"after": "nonsense"}, {"last": "2"}):
        answer = await api.get("/api/v1/changes", params=params)
        assert answer.status_code == 400, (params, answer.text)
