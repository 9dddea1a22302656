"""`/articles/{id or slug}`: the text with figures, quotes and mentions highlighted."""

from __future__ import annotations

import asyncpg
import httpx

from service.ids import encode_id
from service.ingest.corrections import retract_article
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from tests.desk.pages import hrefs, page, texts_of
from tests.rest.conftest import api_client, post_republished


async def _article(client: httpx.AsyncClient) -> str:
    html = await page(client, "/search", q="Toqaev")
    return next(h for h in hrefs(html, "/articles/") if h)


async def test_figures_quotes_and_mentions_are_marked(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, await _article(seeded_client))
    assert "70.76 percent" in texts_of(html, "figure")
    assert "Qasym-Zhomart Toqaev" in texts_of(html, "mention")
    assert any("performed their duties properly" in q for q in texts_of(html, "quote"))
    assert hrefs(html, "/facts/")
    assert hrefs(html, "/entities/")


async def test_by_slug_and_the_json_twin(seeded_client: httpx.AsyncClient) -> None:
    path = await _article(seeded_client)
    twin = (await seeded_client.get("/api/v1" + path)).json()
    by_slug = await page(seeded_client, f"/articles/{twin['slug']}")
    assert twin["headline"] in by_slug
    assert "/api/v1" + path in by_slug


async def test_a_figure_printed_only_in_a_caption(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, "/search", q="arrested since Sunday")
    found = []
    for path in dict.fromkeys(hrefs(html, "/articles/")):
        article = await page(seeded_client, path.partition("#")[0])
        captions = texts_of(article, "caption")
        found += [c for c in captions if "At least 700 people" in c]
        if found:
            assert "At least 700 people" in texts_of(article, "figure")
    assert found


async def test_an_unknown_slug_is_a_404_page(seeded_client: httpx.AsyncClient) -> None:
    response = await seeded_client.get("/articles/no-such-story")
    assert response.status_code == 404


async def test_a_retracted_article_is_gone_with_when_and_why(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    result = await ingest_article(
        pool, "Quake\n\nOfficials counted 12 dead in Jajarkot on Sunday.\n", ArticleMeta("Wire")
    )
    path = f"/articles/{encode_id('Article', result.article_id)}"
    assert (await client.get(path)).status_code == 200
    await retract_article(pool, result.article_id, by="test", reason="the wrong district")
    gone = await client.get(path)
    assert gone.status_code == 410
    assert "the wrong district" in gone.text
    missing = await client.get(f"/articles/{encode_id('Article', result.article_id + 1)}")
    assert missing.status_code == 404


async def test_the_lines_intake_removed_are_shown_apart_and_folded(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    copy = (
        "Skip to main content\n\nQuake toll rises\n\nOfficials said 120 people died.\n\n"
        "Related stories\n\nAnother quake <in> Nepal\n"
    )
    result = await ingest_article(pool, copy, ArticleMeta("Wire"))
    html = await page(client, f"/articles/{encode_id('Article', result.article_id)}")
    assert texts_of(html, "removed") == [
        "Removed at intake: 3 lines of navigation, credits, labels and links "
        "Skip to main content Related stories Another quake <in> Nepal"
    ]
    assert '<details class="removed">' in html  # folded until opened
    assert "Another quake &lt;in&gt; Nepal" in html
    assert "Related stories" not in " ".join(texts_of(html, "body"))


async def test_copy_with_nothing_removed_has_no_such_section(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    result = await ingest_article(pool, "Officials said 120 people died.\n", ArticleMeta("Wire"))
    html = await page(client, f"/articles/{encode_id('Article', result.article_id)}")
    assert texts_of(html, "removed") == []


async def test_each_republication_shows_the_lines_removed_from_its_own_page(
    pool: asyncpg.Pool,
) -> None:
    async with api_client(pool) as api:
        path = f"/articles/{await post_republished(api)}"
        html = await page(api, path)
        assert "Daily home" in texts_of(html, "removed")[0]
        republished = texts_of(html, "republication")
        assert len(republished) == 1
        assert republished[0].startswith("Wire, ")
        assert "Wire front page" in republished[0]
        assert "Wire newsletter" in republished[0]
        assert "Daily" not in republished[0]

        # Publications stored before they kept their lines say so; nothing is made up.
        async with pool.acquire() as conn:
            await conn.execute("UPDATE publications SET removed = NULL")
            await conn.execute("UPDATE articles SET removed = '{}'")
        html = await page(api, path)
        assert texts_of(html, "removed-unknown") == [
            "The lines intake removed from this outlet's page were not kept "
            "(republished before they were)."
        ]
        assert texts_of(html, "removed-none") == [
            "No lines removed at intake are recorded for this copy: it was stored before "
            "intake kept them, or intake removed none."
        ]


async def test_copy_kept_with_nothing_removed_says_so(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    copy = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people, police said.\n"
    stored = await ingest_article(pool, copy, ArticleMeta("Daily"))
    html = await page(client, f"/articles/{encode_id('Article', stored.article_id)}")
    assert texts_of(html, "removed-none") == ["Intake removed no lines from this copy."]


async def test_the_outlet_and_the_original_source(seeded_client: httpx.AsyncClient) -> None:
    """A republished wire story names the outlet that printed it and the wire it came
    from (the seeds' South East Asia Post, from RFE/RL)."""
    html = await page(seeded_client, "/search", q="police arrest protesters")
    path = hrefs(html, "/articles/")[0]
    article = await page(seeded_client, path)
    assert texts_of(article, "outlet")[0] == "South East Asia Post"
    assert texts_of(article, "original-source") == ["RFE/RL"]
