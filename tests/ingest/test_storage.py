"""Writing an article and its extraction (service/ingest/storage.py): free slugs and
outlets under concurrent ingests, the facts' labels, and which figures form a fact."""

from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg

from service.ingest.model import ArticleMeta
from service.ingest.outcome import IngestResult
from service.ingest.pipeline import ingest_article
from service.ingest.seeds import load_seeds


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
