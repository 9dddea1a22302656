"""A fact's agreement checked as each article is written (service/ingest/disputes.py)."""

from __future__ import annotations

from pathlib import Path

import asyncpg

from service.ingest.facts.reported import ReportedValue, is_disputed
from service.ingest.model import Approximation, ArticleMeta
from service.ingest.pipeline import ingest_article
from tests.copies import revised


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
