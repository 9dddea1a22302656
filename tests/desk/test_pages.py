"""What every page shares: escaping, the read key, errors as pages."""

from __future__ import annotations

import datetime as dt

import asyncpg
import httpx
from pydantic import SecretStr

from service.desk.links import article_page
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from tests.desk.pages import hrefs, page
from tests.rest.conftest import AUTH, KEY, api_client

HOSTILE = (
    'ALMATY, June 10 — The Central Election Commission said <script>alert("body")</script> '
    "Tokayev received 70.76 percent of the vote. <img src=x onerror=alert(1)>\n\n"
    '"We will <b>never</b> accept this," said Amirzhan Kosanov.\n'
)


async def test_stored_text_is_escaped_everywhere(pool: asyncpg.Pool) -> None:
    result = await ingest_article(
        pool,
        HOSTILE,
        ArticleMeta(
            outlet="<i>Evil</i> & Co",
            headline='<script>alert("headline")</script> Tokayev "wins"',
            url="javascript:alert(1)",
            published_at=dt.datetime(2019, 6, 10, tzinfo=dt.UTC),
        ),
    )
    async with api_client(pool) as client:
        article = await page(client, article_page(result.article_id))
        pages = [await page(client, "/"), article]
        pages += [await page(client, p) for p in dict.fromkeys(hrefs(article, "/facts/"))]
        pages += [await page(client, p) for p in dict.fromkeys(hrefs(article, "/entities/"))]
        pages.append(await page(client, "/search", q='<script>alert("q")</script>'))
    assert len(pages) >= 4
    for html in pages:
        assert "<script>" not in html
        assert "<img" not in html
        assert "<i>Evil" not in html
        assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&#34;headline&#34;)&lt;/script&gt;" in pages[1]
    assert "&lt;i&gt;Evil&lt;/i&gt; &amp; Co" in pages[1]
    assert "&lt;img src=x onerror=alert(" in pages[1]


async def test_protected_reads_need_a_key(seeded_pool: asyncpg.Pool) -> None:
    async with api_client(seeded_pool, factdesk_protect_reads=True) as client:
        refused = await client.get("/")
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"] == 'Bearer realm="factdesk"'
        assert "Authorization: Bearer" in refused.text
        wrong = await client.get("/", headers={"Authorization": "Bearer not-a-key"})
        assert wrong.status_code == 403
        allowed = await client.get("/search", params={"q": "Toqaev"}, headers=AUTH)
        assert allowed.status_code == 200
        assert "Kassym-Jomart Tokayev" in allowed.text
        style = await client.get("/desk/static/desk.css")
        assert style.status_code == 200  # style holds no data


async def test_pages_are_open_when_reads_are(seeded_pool: asyncpg.Pool) -> None:
    async with api_client(seeded_pool, factdesk_api_keys=SecretStr(KEY)) as client:
        assert (await client.get("/")).status_code == 200


async def test_pages_take_get_only(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.post("/")
    assert response.status_code == 405


async def test_pages_revalidate_until_the_next_ingest(pool: asyncpg.Pool) -> None:
    await ingest_article(pool, HOSTILE, ArticleMeta(outlet="Wire"))
    async with api_client(pool) as client:
        first = await client.get("/")
        tag = first.headers["etag"]
        assert first.headers["cache-control"] == "public, no-cache"
        again = await client.get("/", headers={"If-None-Match": tag})
        assert again.status_code == 304
        for path in ("/search?q=Tokayev", *dict.fromkeys(hrefs(first.text, "/articles/"))):
            assert (await client.get(path)).headers["etag"].startswith('W/"')
        for untagged in ("/healthz", "/desk/static/desk.css"):
            assert "public, no-cache" not in (await client.get(untagged)).headers.get(
                "cache-control", ""
            )
        await ingest_article(pool, HOSTILE + "\nMore copy.", ArticleMeta(outlet="Wire"))
        after = await client.get("/", headers={"If-None-Match": tag})
        assert after.status_code == 200
        assert after.headers["etag"] != tag
