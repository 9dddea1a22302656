"""Judgements against real PostgreSQL: a layer over the figures that changes ranks and
`disputed` in the judging transaction, audited, announced, and withdrawn the same way."""

from __future__ import annotations

import asyncpg
import pytest

from service.errors import InvalidJudgementError, JudgementWithdrawnError, NotFoundError
from service.ingest.facts.ranks import Kind
from service.ingest.judgements import judge_value, withdraw_judgement
from service.ingest.model import ArticleMeta
from service.ingest.pipeline import ingest_article
from tests.ingest.test_corrections import TOLL_12, TOLL_15_LATER

BY = "fingerprint-of-a-key"
TOLL_15_AGAIN = "Toll confirmed\n\nThe Almaty earthquake killed 15 people, police said on Tuesday."


async def _deaths(pool: asyncpg.Pool) -> tuple[int, bool, dict[float, int]]:
    """The deaths fact: its id, disputed, and the figure id of each value."""
    async with pool.acquire() as conn:
        fact = await conn.fetchrow("SELECT id, disputed FROM facts WHERE property = 'deaths'")
        assert fact is not None
        figures = await conn.fetch(
            "SELECT id, value FROM figures WHERE fact_id = $1 ORDER BY id", fact["id"]
        )
    return fact["id"], fact["disputed"], {f["value"]: f["id"] for f in figures}


async def _disagree(pool: asyncpg.Pool) -> dict[float, int]:
    await ingest_article(pool, TOLL_12, ArticleMeta(outlet="Daily"))
    await ingest_article(pool, TOLL_15_LATER, ArticleMeta(outlet="Weekly"))
    _, disputed, figures = await _deaths(pool)
    assert disputed
    return figures


async def test_deprecating_a_value_ends_the_dispute_and_withdrawing_restores_it(
    pool: asyncpg.Pool,
) -> None:
    figures = await _disagree(pool)

    done = await judge_value(
        pool, figures[12.0], Kind.DEPRECATED, " early count ", editor="ann", by=BY
    )

    fact_id, disputed, after = await _deaths(pool)
    assert not disputed
    assert after == figures  # the raw values are all still there
    assert done.fact_id == fact_id
    assert (done.judgement.kind, done.judgement.reason, done.judgement.made_by) == (
        "DEPRECATED",
        "early count",
        "ann",
    )
    async with pool.acquire() as conn:
        audit = await conn.fetch("SELECT * FROM audit_log ORDER BY id")
        changes = await conn.fetch("SELECT * FROM changes WHERE kind = 'judgement'")
    assert [(a["action"], a["judgement_id"], a["key_fingerprint"], a["reason"]) for a in audit] == [
        ("judge", done.judgement.id, BY, "early count")
    ]
    assert [c["fact_ids"] for c in changes] == [[fact_id]]

    withdrawn = await withdraw_judgement(
        pool, done.judgement.id, "the count stood", editor="bob", by=BY
    )

    assert (await _deaths(pool))[1]
    assert withdrawn.judgement.withdrawn_by == "bob"
    assert withdrawn.judgement.withdrawal_reason == "the count stood"
    async with pool.acquire() as conn:
        kept = await conn.fetchval("SELECT count(*) FROM judgements")
        audit = await conn.fetch("SELECT action FROM audit_log ORDER BY id")
        changes = await conn.fetchval("SELECT count(*) FROM changes WHERE kind = 'judgement'")
    assert kept == 1
    assert [a["action"] for a in audit] == ["judge", "withdraw_judgement"]
    assert changes == 2
    with pytest.raises(JudgementWithdrawnError):
        await withdraw_judgement(pool, done.judgement.id, None, editor="bob", by=BY)


async def test_a_flagged_extraction_leaves_the_agreement(pool: asyncpg.Pool) -> None:
    figures = await _disagree(pool)

    await judge_value(pool, figures[15.0], Kind.WRONG_SUBJECT, "another quake", editor="a", by=BY)

    assert not (await _deaths(pool))[1]


async def test_a_new_report_of_a_deprecated_value_does_not_dispute_the_fact(
    pool: asyncpg.Pool,
) -> None:
    figures = await _disagree(pool)
    await judge_value(pool, figures[15.0], Kind.DEPRECATED, "wrong", editor="a", by=BY)
    assert not (await _deaths(pool))[1]

    await ingest_article(pool, TOLL_15_AGAIN, ArticleMeta(outlet="Monthly"))

    _, disputed, after = await _deaths(pool)
    assert len(after) == 2  # 15 reported twice: the dict keeps one id per value
    assert not disputed


async def test_a_second_judgement_supersedes_the_first(pool: asyncpg.Pool) -> None:
    figures = await _disagree(pool)
    first = await judge_value(pool, figures[12.0], Kind.DEPRECATED, "early", editor="a", by=BY)

    await judge_value(pool, figures[12.0], Kind.PREFERRED, "official", editor="b", by=BY)

    assert (await _deaths(pool))[1]  # 12 counts again: a preferred value is not left out
    async with pool.acquire() as conn:
        rows = await conn.fetch("SELECT id, withdrawn_by FROM judgements ORDER BY id")
    assert [(r["id"], r["withdrawn_by"]) for r in rows] == [(first.judgement.id, "b"), (2, None)]


async def test_a_refused_judgement_writes_nothing(pool: asyncpg.Pool) -> None:
    figures = await _disagree(pool)

    async def counts() -> list[int]:
        async with pool.acquire() as conn:
            return [
                await conn.fetchval(f"SELECT count(*) FROM {table}")
                for table in ("judgements", "audit_log", "changes")
            ] + [await conn.fetchval("SELECT version FROM data_version")]

    before = await counts()
    with pytest.raises(InvalidJudgementError):
        await judge_value(pool, figures[12.0], Kind.DEPRECATED, "  ", editor="a", by=BY)
    with pytest.raises(NotFoundError):
        await judge_value(pool, 999_999, Kind.DEPRECATED, "why", editor="a", by=BY)
    with pytest.raises(NotFoundError):
        await withdraw_judgement(pool, 999_999, None, editor="a", by=BY)
    assert await counts() == before
    assert (await _deaths(pool))[1]
