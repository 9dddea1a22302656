"""`/facts/{id}`: the values on a number line, conflicts marked, first and last reported."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from urllib.parse import parse_qsl

import asyncpg
import httpx
import pytest

from service.ids import encode_id
from service.ingest.corrections import retract_article
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from tests.desk.pages import hrefs, page, texts_of


async def _vote_share(client: httpx.AsyncClient) -> str:
    html = await page(client, "/search", q="Tokayev share of the vote")
    return next(h for h in hrefs(html, "/facts/"))


async def test_values_conflicts_and_statuses(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, await _vote_share(seeded_client))
    assert texts_of(html, "printed") == [
        "more than 70 percent",
        "70.76 percent",
        "70.96 percent",
        "nearly 71 percent",
        "70.8 per cent",
    ]
    assert texts_of(html, "conflicts") == [
        "conflicts with value 3",
        "conflicts with value 2, value 5",
        "conflicts with value 3",
    ]
    assert "preliminary" in texts_of(html, "status-preliminary")
    assert texts_of(html, "status-final") == ["final", "final"]
    assert texts_of(html, "status-result") == ["result", "result"]


async def test_the_number_line(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, await _vote_share(seeded_client))
    bars = re.findall(r'<g class="bar (conflict|agrees)" id="bar-(\d)">', html)
    assert bars == [
        ("agrees", "1"),
        ("conflict", "2"),
        ("conflict", "3"),
        ("agrees", "4"),
        ("conflict", "5"),
    ]
    assert html.count('class="open"') == 1  # "more than 70" runs on to the right
    assert '<rect class="agreed"' not in html  # no value fits every report


async def test_first_and_last_reported(seeded_client: httpx.AsyncClient) -> None:
    html = await page(seeded_client, await _vote_share(seeded_client))
    assert '<time class="first" datetime="2019-06-10T06:00:00+00:00">' in html
    assert '<time class="last" datetime="2019-06-11T06:00:00+00:00">' in html
    firsts = texts_of(html, "first-reported")
    assert firsts[2] == "First reported 2019-06-11 06:00 UTC; 1 source."


async def test_an_agreed_fact_shades_what_every_report_allows(
    seeded_client: httpx.AsyncClient,
) -> None:
    html = await page(seeded_client, "/search", q="Tokayev age")
    fact = next(h for h in hrefs(html, "/facts/"))
    html = await page(seeded_client, fact)
    assert '<rect class="agreed"' in html
    assert 'class="bar conflict"' not in html


async def _step(client: httpx.AsyncClient, href: str) -> str:
    path, _, query = unescape(href).partition("?")
    return await page(client, path, **dict(parse_qsl(query)))


async def test_the_time_slider_shows_what_was_known_then(
    seeded_client: httpx.AsyncClient,
) -> None:
    """A link per moment the fact changed, and a GET form: no script needed."""
    url = await _vote_share(seeded_client)
    now = await page(seeded_client, url)
    steps = re.findall(r'<a class="step" href="([^"]+)"><time datetime="([^"]+)">', now)
    assert [at for _, at in steps] == [
        "2019-06-10T06:00:00+00:00",
        "2019-06-10T16:45:00+00:00",
        "2019-06-11T06:00:00+00:00",
    ]
    assert 'aria-current="page">now</a>' in now
    assert '<form method="get" action="' + url.split("?")[0] + '">' in now

    first = await _step(seeded_client, steps[0][0])
    assert 'class="known-at"' in first
    printed = texts_of(first, "printed")
    assert 0 < len(printed) < 5
    assert set(printed) < set(texts_of(now, "printed"))
    assert 'aria-current="page"><time datetime="2019-06-10T06:00:00+00:00">' in first
    assert "First reported 2019-06-11" not in " ".join(texts_of(first, "first-reported"))
    second = await _step(seeded_client, steps[1][0])
    assert len(printed) < len(texts_of(second, "printed")) < 5
    # The form sends what a datetime-local field holds: no offset, read as UTC.
    evening = await page(seeded_client, url, as_of="2019-06-10T18:00")
    assert texts_of(evening, "printed") == texts_of(second, "printed")
    assert 'value="2019-06-10T18:00:00"' in evening
    later = await page(seeded_client, url, as_of="2019-06-11T06:00:00Z")
    assert texts_of(later, "printed") == texts_of(now, "printed")

    before = await page(seeded_client, url, as_of="2019-01-01T00:00")
    assert texts_of(before, "nothing-known") == ["Nothing of this fact had been reported by then."]
    wrong = await seeded_client.get(url, params={"as_of": "soon"})
    assert wrong.status_code == 400
    assert "as_of must be an ISO 8601 time" in wrong.text


async def test_a_republication_counts_as_sourced_values_count_it(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    """The page's first and last reported are the publications', as
    SourcedValue.firstReportedAt/lastReportedAt: a wire's later republication of the same
    copy is the value's last report, though the article's own time is the first one's."""
    copy = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people, police said.\n"
    for outlet, day in (("Daily", 17), ("Wire", 19)):
        published = dt.datetime(2026, 11, day, 9, tzinfo=dt.UTC)
        await ingest_article(pool, copy, ArticleMeta(outlet, published_at=published))
    async with pool.acquire() as conn:
        fact_id = await conn.fetchval("SELECT id FROM facts WHERE property = 'deaths'")
    html = await page(client, f"/facts/{encode_id('Fact', fact_id)}")
    assert '<time class="first" datetime="2026-11-17T09:00:00+00:00">' in html
    assert '<time class="last" datetime="2026-11-19T09:00:00+00:00">' in html
    # The one source names each outlet with its own date: the wire's is the 19th.
    assert texts_of(html, "source")[0].startswith(
        "Daily, 2026-11-17 09:00 UTC; republished by Wire, 2026-11-19 09:00 UTC "
    )
    # And as known on the 18th, the republication was still to come.
    then = await page(client, f"/facts/{encode_id('Fact', fact_id)}", as_of="2026-11-18T00:00")
    assert '<time class="last" datetime="2026-11-17T09:00:00+00:00">' in then
    assert texts_of(then, "source")[0].startswith("Daily, 2026-11-17 09:00 UTC ")
    assert "Wire" not in texts_of(then, "source")[0]


def _moments(html: str) -> list[str]:
    return re.findall(r'<a class="step[^"]*" href="[^"]+"[^>]*><time datetime="([^"]+)">', html)


def _link(html: str, css_class: str) -> str | None:
    found = re.findall(rf'<a class="{css_class}" href="([^"]+)"', html)
    return unescape(found[0]) if found else None


async def test_the_time_slider_pages_its_moments(
    seeded_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A much reported fact changed at thousands of moments: the slider shows a window of
    them with links to the earlier and later ones, and, as of a time, the moments up to
    it."""
    monkeypatch.setattr("service.desk.fact.SLIDER_STEPS", 2)
    url = await _vote_share(seeded_client)
    now = await page(seeded_client, url)
    assert _moments(now) == ["2019-06-10T06:00:00+00:00", "2019-06-10T16:45:00+00:00"]
    assert _link(now, "steps-earlier") is None
    later_url = _link(now, "steps-later")
    assert later_url is not None
    later = await _step(seeded_client, later_url)
    assert _moments(later) == ["2019-06-11T06:00:00+00:00"]
    assert _link(later, "steps-later") is None
    earlier_url = _link(later, "steps-earlier")
    assert earlier_url is not None
    back = await _step(seeded_client, earlier_url)
    assert _moments(back) == _moments(now)

    # As of the last moment: the two up to it, the one shown among them.
    then = await page(seeded_client, url, as_of="2019-06-11T06:00:00Z")
    assert _moments(then) == ["2019-06-10T16:45:00+00:00", "2019-06-11T06:00:00+00:00"]
    assert 'aria-current="page"><time datetime="2019-06-11T06:00:00+00:00">' in then
    assert _link(then, "steps-later") is None
    earlier_then = _link(then, "steps-earlier")
    assert earlier_then is not None
    assert "as_of=" in earlier_then
    first_then = await _step(seeded_client, earlier_then)
    assert _moments(first_then) == ["2019-06-10T06:00:00+00:00"]


async def test_a_value_in_many_conflicts_names_the_first_few(
    seeded_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("service.desk.values.CONFLICTS_NAMED", 1)
    html = await page(seeded_client, await _vote_share(seeded_client))
    assert texts_of(html, "conflicts") == [
        "conflicts with value 3",
        "conflicts with value 2 and 1 more",
        "conflicts with value 3",
    ]


async def test_the_slider_steps_through_each_values_first_report(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    """A value reported again is no new moment (a much reported fact has thousands of
    reports and a hundred values); a new value is, and so is a report taken out."""
    copies = [
        ("Daily", 17, "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people."),
        ("Weekly", 18, "Almaty mourns\n\nThe earthquake in Almaty killed 12 people."),
        ("Herald", 19, "Almaty count\n\nThe earthquake in Almaty killed 15 people."),
    ]
    ids = []
    for outlet, day, copy in copies:
        published = dt.datetime(2026, 11, day, 9, tzinfo=dt.UTC)
        ids.append(await ingest_article(pool, copy, ArticleMeta(outlet, published_at=published)))
    async with pool.acquire() as conn:
        fact_id = await conn.fetchval("SELECT id FROM facts WHERE property = 'deaths'")
    url = f"/facts/{encode_id('Fact', fact_id)}"
    assert _moments(await page(client, url)) == [
        "2026-11-17T09:00:00+00:00",
        "2026-11-19T09:00:00+00:00",
    ]
    await retract_article(pool, ids[0].article_id, by="key", reason="wrong town")
    async with pool.acquire() as conn:
        retracted = await conn.fetchval(
            "SELECT retracted_at FROM articles WHERE id = $1", ids[0].article_id
        )
    # Daily's report stays a moment of the fact's past, with its taking out; 12 is now
    # first reported by Weekly.
    assert _moments(await page(client, url)) == [
        "2026-11-17T09:00:00+00:00",
        "2026-11-18T09:00:00+00:00",
        "2026-11-19T09:00:00+00:00",
        retracted.astimezone(dt.UTC).isoformat(),
    ]


async def test_the_less_reported_values_are_a_row_each(
    seeded_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fact with a hundred values shows its most reported in full and the others in a
    table, each with its number of sources linking to them all; the chart has them all."""
    url = await _vote_share(seeded_client)
    whole = await page(seeded_client, url)
    reports = {
        printed: int(re.findall(r"(\d+) sources?", said)[0])
        for printed, said in zip(
            texts_of(whole, "printed"), texts_of(whole, "first-reported"), strict=True
        )
    }
    monkeypatch.setattr("service.desk.fact.VALUES_IN_FULL", 2)
    html = await page(seeded_client, url)
    assert len(re.findall(r'<g class="bar', html)) == 5
    printed = texts_of(html, "printed")
    assert sorted(printed) == sorted(reports)
    in_full, in_rows = printed[:2], printed[2:]
    assert len(texts_of(html, "first-reported")) == 2
    assert len(texts_of(html, "compact-value")) == 3
    assert min(reports[p] for p in in_full) >= max(reports[p] for p in in_rows)
    links = hrefs(html, f"{url}/values/")
    assert len(links) == 3
    for link, row in zip(links, in_rows, strict=True):
        value = await page(seeded_client, unescape(link))
        assert texts_of(value, "printed") == [row]
        assert len(texts_of(value, "source")) == reports[row]


SEED_ARTICLES = """{ articles(first: 10) { edges { node { id publishedAt
    figures(first: 100) { value upperBound approximation fact { id } } } } } }"""
FACT_AS_OF = """query($id: ID!, $at: DateTime) { fact(id: $id, asOf: $at) {
    values { value sources(first: 50) { article { id } } } } }"""


async def test_as_of_before_the_second_seed_only_the_first_articles_values(
    seeded_client: httpx.AsyncClient,
) -> None:
    """The issue's line: as of just before the second seed article was published, every
    fact the seeds report shows only the first article's values, on the page, in REST and
    in GraphQL; a fact the first article does not report was not known then."""
    answer = (await seeded_client.post("/graphql", json={"query": SEED_ARTICLES})).json()
    articles = sorted(
        (e["node"] for e in answer["data"]["articles"]["edges"]),
        key=lambda a: dt.datetime.fromisoformat(a["publishedAt"]),
    )
    first, second = articles[0], articles[1]
    before = dt.datetime.fromisoformat(second["publishedAt"]) - dt.timedelta(microseconds=1)
    assert dt.datetime.fromisoformat(first["publishedAt"]) < before
    then = before.isoformat()
    firsts: dict[str, set[float]] = {}
    for figure in first["figures"]:
        if figure["fact"]:
            firsts.setdefault(figure["fact"]["id"], set()).add(figure["value"])
    facts = {f["fact"]["id"] for a in articles for f in a["figures"] if f["fact"]}
    vote_share = (await _vote_share(seeded_client)).removeprefix("/facts/")
    assert vote_share in firsts  # Tokayev's share of the vote, among others
    assert len(facts - set(firsts)) > 0  # and facts only later articles report
    for fact_id in sorted(facts):
        html = await seeded_client.get(f"/facts/{fact_id}", params={"as_of": then})
        rest = await seeded_client.get(f"/api/v1/facts/{fact_id}", params={"as_of": then})
        variables = {"id": fact_id, "at": then}
        graphql = (
            await seeded_client.post("/graphql", json={"query": FACT_AS_OF, "variables": variables})
        ).json()["data"]["fact"]
        if fact_id not in firsts:
            assert texts_of(html.text, "nothing-known"), fact_id
            assert rest.status_code == 404, fact_id
            assert graphql is None, fact_id
            continue
        assert len(texts_of(html.text, "printed")) == len(firsts[fact_id]), fact_id
        cited = set(re.findall(r'<a class="article-link" href="/articles/([^"]+)"', html.text))
        assert cited == {first["id"]}, fact_id
        assert {v["value"] for v in rest.json()["values"]} == firsts[fact_id], fact_id
        assert {v["value"] for v in graphql["values"]} == firsts[fact_id], fact_id
        sources = {s["article"]["id"] for v in graphql["values"] for s in v["sources"]}
        assert sources == {first["id"]}, fact_id


async def test_a_fact_whose_only_article_was_retracted_has_its_past_page(
    pool: asyncpg.Pool, client: httpx.AsyncClient
) -> None:
    """Its values all gone the fact is no more (404 now), but as of before the retraction
    its page shows what was known then, as REST's `?as_of=` does."""
    copy = "Quake hits Almaty\n\nAn earthquake in Almaty killed 12 people, police said."
    published = dt.datetime(2026, 11, 17, 9, tzinfo=dt.UTC)
    stored = await ingest_article(pool, copy, ArticleMeta("Daily", published_at=published))
    async with pool.acquire() as conn:
        fact_id = await conn.fetchval("SELECT id FROM facts WHERE property = 'deaths'")
    await retract_article(pool, stored.article_id, by="key", reason="wrong town")
    url = f"/facts/{encode_id('Fact', fact_id)}"
    assert (await client.get(url)).status_code == 404
    then = "2026-11-18T00:00:00+00:00"
    assert (await client.get(f"/api/v1{url}", params={"as_of": then})).status_code == 200
    html = await page(client, url, as_of=then)
    assert texts_of(html, "printed") == ["12 people"]
    assert "Almaty: deaths" in html
    before = await client.get(url, params={"as_of": "2026-11-16T00:00:00Z"})
    assert before.status_code == 200
    assert texts_of(before.text, "nothing-known")


async def test_an_exit_poll_is_marked(pool: asyncpg.Pool, client: httpx.AsyncClient) -> None:
    """Preliminary, final and exit poll are each marked on the values and the chart."""
    copy = (
        "Poll in Almaty\n\nAn exit poll gave Kassym-Jomart Tokayev 69 percent of the vote "
        "in Sunday's presidential election, pollsters said."
    )
    published = dt.datetime(2019, 6, 9, 18, tzinfo=dt.UTC)
    await ingest_article(pool, copy, ArticleMeta("Daily", published_at=published))
    async with pool.acquire() as conn:
        fact_id = await conn.fetchval("SELECT fact_id FROM figures WHERE status = 'exit_poll'")
    html = await page(client, f"/facts/{encode_id('Fact', fact_id)}")
    assert texts_of(html, "status-exit-poll") == ["exit poll"]
    assert '<text class="status" x="8"' in html
    assert ">exit poll</text>" in html
