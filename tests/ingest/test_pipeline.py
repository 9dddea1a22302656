"""The pipeline against real PostgreSQL: idempotent, and all-or-nothing per article."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg
import pytest

from service.errors import EmptyArticleError
from service.ingest.facts.reported import ReportedValue, is_disputed
from service.ingest.model import Approximation, ArticleMeta
from service.ingest.outcome import IngestResult
from service.ingest.pipeline import ingest_article
from service.ingest.seeds import load_seeds
from tests.conftest import TABLES
from tests.copies import revised


async def _counts(pool: asyncpg.Pool) -> dict[str, int]:
    async with pool.acquire() as conn:
        return {
            table: int(await conn.fetchval(f"SELECT count(*) FROM {table}"))
            for table in TABLES.replace(" ", "").split(",")
        }


async def test_seeds_twice_change_nothing(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    first = await load_seeds(pool, seeds_dir)
    assert [r.created for r in first] == [True] * 5
    after_first = await _counts(pool)
    assert after_first["articles"] == 5
    assert after_first["mentions"] > 0
    assert after_first["figures"] > 0

    second = await load_seeds(pool, seeds_dir)
    assert [r.created for r in second] == [False] * 5
    assert [r.article_id for r in second] == [r.article_id for r in first]
    assert await _counts(pool) == after_first


async def test_same_text_is_the_same_article(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    text = (seeds_dir / "002_5ff466a66850c255.txt").read_text(encoding="utf-8")
    a = await ingest_article(pool, text, ArticleMeta(outlet="Al Jazeera"))
    b = await ingest_article(pool, text.replace("\n", "\r\n"), ArticleMeta(outlet="Al Jazeera"))
    assert a.created
    assert not b.created
    assert a.article_id == b.article_id


async def test_empty_copy_is_refused_and_writes_nothing(pool: asyncpg.Pool) -> None:
    with pytest.raises(EmptyArticleError):
        await ingest_article(pool, "   \n\n  ")
    assert set((await _counts(pool)).values()) == {0}


@pytest.mark.parametrize("stage", ["article", "entities", "extracted"])
async def test_failure_mid_pipeline_leaves_no_row(
    pool: asyncpg.Pool, seeds_dir: Path, stage: str
) -> None:
    text = (seeds_dir / "004_d5dc6f06da05cd96.txt").read_text(encoding="utf-8")

    async def fail_at(reached: str) -> None:
        if reached == stage:
            raise RuntimeError(f"injected failure after {reached}")

    with pytest.raises(RuntimeError, match="injected"):
        await ingest_article(pool, text, ArticleMeta(outlet="Blog"), checkpoint=fail_at)
    assert set((await _counts(pool)).values()) == {0}
    # and the same copy goes in cleanly afterwards
    assert (await ingest_article(pool, text, ArticleMeta(outlet="Blog"))).created


async def test_disputes_checked_per_article_match_a_check_of_every_report(
    pool: asyncpg.Pool, seeds_dir: Path
) -> None:
    """Each article is checked against the interval its facts' earlier reports share;
    the outcome must be what checking all the reports of each fact at once gives."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]  # noqa: ASYNC240
    for n, text in enumerate(texts * 2):
        # The second round repeats every story from other outlets: the same facts again.
        await ingest_article(pool, revised(text, n), ArticleMeta(outlet=f"Outlet {n}"))
    async with pool.acquire() as conn:
        stored = {
            r["id"]: r["disputed"] for r in await conn.fetch("SELECT id, disputed FROM facts")
        }
        reports: dict[int, list[ReportedValue]] = {fact: [] for fact in stored}
        for r in await conn.fetch(
            "SELECT fact_id, value, upper_bound, approximation, text FROM figures "
            "WHERE fact_id IS NOT NULL ORDER BY id"
        ):
            reports[r["fact_id"]].append(
                ReportedValue(
                    value=r["value"],
                    upper_bound=r["upper_bound"],
                    approximation=Approximation(r["approximation"]),
                    text=r["text"],
                )
            )
    assert any(stored.values())  # the vote share, at least, is disputed
    assert any(len(values) > 2 and not stored[fact] for fact, values in reports.items())
    assert stored == {fact: is_disputed(values) for fact, values in reports.items()}


async def test_fact_labels_name_the_subject_as_its_entity_is_named(
    pool: asyncpg.Pool, seeds_dir: Path
) -> None:
    # The first seed says 'Qasym-Zhomart Toqaev'; the entity settles on the name most
    # outlets print, and its facts' labels follow it.
    await load_seeds(pool, seeds_dir)
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT f.label, e.name FROM facts f JOIN entities e ON e.id = f.subject_id"
        )
    assert rows
    assert all(r["label"].startswith(r["name"] + ": ") for r in rows), [
        (r["label"], r["name"]) for r in rows if not r["label"].startswith(r["name"] + ": ")
    ]
    assert any(r["name"] == "Kassym-Jomart Tokayev" for r in rows)


async def test_concurrent_ingests_of_one_copy_store_it_once(
    pool: asyncpg.Pool, seeds_dir: Path
) -> None:
    text = (seeds_dir / "003_e2791c5ec8a80bf6.txt").read_text(encoding="utf-8")
    results = await asyncio.gather(
        *(ingest_article(pool, text, ArticleMeta(outlet="Wire")) for _ in range(5))
    )
    assert sorted(r.created for r in results) == [False] * 4 + [True]
    assert len({r.article_id for r in results}) == 1
    assert (await _counts(pool))["articles"] == 1


async def test_concurrent_ingests_share_new_outlets_and_take_free_slugs(
    pool: asyncpg.Pool, seeds_dir: Path
) -> None:
    """Articles are inserted before the resolution lock is taken, so a second ingest can
    meet the first's uncommitted outlet (first round: the outlet is new) or slug (second
    round: a new headline) and wait for it; both articles must still go in."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))[:2]]  # noqa: ASYNC240
    for round in ("first", "second"):
        results = await _second_meets_first(
            pool,
            # Each round's copies tell new stories: a line after the story's end would be
            # furniture, and the same story is the same article.
            [text.replace(" said", f" said in the {round} copy", 1) for text in texts],
            ArticleMeta(outlet="Brand New Wire", headline=f"Vote, {round} round"),
        )
        assert [r.created for r in results] == [True, True]
    async with pool.acquire() as conn:
        slugs = [r["slug"] for r in await conn.fetch("SELECT slug FROM articles ORDER BY id")]
        outlets = await conn.fetchval("SELECT count(*) FROM outlets WHERE name = 'Brand New Wire'")
    assert len(set(slugs)) == len(slugs) == 4
    assert slugs[0] == "vote-first-round"
    assert slugs[2] == "vote-second-round"
    assert outlets == 1


async def _second_meets_first(
    pool: asyncpg.Pool, texts: list[str], meta: ArticleMeta
) -> list[IngestResult]:
    """Ingests two texts; the second starts once the first's article row is written and
    finds it uncommitted for a while."""
    inserted = asyncio.Event()

    async def hold(reached: str) -> None:
        if reached == "article":
            inserted.set()
            await asyncio.sleep(0.3)

    async def after_first() -> IngestResult:
        await inserted.wait()
        return await ingest_article(pool, texts[1], meta)

    return list(
        await asyncio.gather(ingest_article(pool, texts[0], meta, checkpoint=hold), after_first())
    )


async def test_a_count_keyed_on_its_noun_and_about_the_story_only_forms_no_fact(
    pool: asyncpg.Pool,
) -> None:
    """ "Two groups" in a story about Chrysler is about Chrysler (the figure says so) but is
    no fact about Chrysler; a measure of the lexicon about the story is one."""
    copy = (
        "Chrysler closes dealers\n\n"
        "The carmaker Chrysler said on Thursday it would close dealerships. Shares of "
        "Chrysler fell. Analysts counted two groups of buyers. About 789 jobs will be cut.\n"
    )
    await ingest_article(pool, copy, ArticleMeta(outlet="Wire"))
    rows = await pool.fetch(
        "SELECT g.text, g.property, e.name AS subject, g.fact_id FROM figures g "
        "LEFT JOIN entities e ON e.id = g.subject_id ORDER BY g.start_offset"
    )
    groups, jobs = rows
    assert (groups["property"], groups["subject"]) == ("groups", "Chrysler")
    assert groups["fact_id"] is None
    assert (jobs["property"], jobs["subject"]) == ("job_cuts", "Chrysler")
    assert jobs["fact_id"] is not None
