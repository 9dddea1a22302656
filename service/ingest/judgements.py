"""Judging a reported value, and withdrawing a judgement: one transaction each, owned here
as ingest's is owned by the pipeline.

A judgement never changes the figure it judges. In its transaction it withdraws the
figure's judgement in force (if any), stores the new one, writes the audit log (the
caller's key fingerprint, never the key), computes the fact's agreement again from every
report that still counts (service/ingest/facts/agreement.py), bumps the data version and, when
the figure reports a fact, appends a `judgement` change to the feed. Withdrawing does the
same the other way; the withdrawn judgement stays as history.
"""

from __future__ import annotations

from dataclasses import dataclass

import asyncpg

from service.db import changes as changes_db
from service.db import corrections as corrections_db
from service.db import entities as entities_db
from service.db import judgements as judgements_db
from service.db.pool import Connection
from service.db.rows import JudgementRow
from service.db.versions import bump_data_version
from service.errors import InvalidJudgementError, JudgementWithdrawnError, NotFoundError
from service.ingest.facts.agreement import recheck_facts
from service.ingest.facts.ranks import Kind

MAX_REASON_CHARS = 1000


@dataclass(frozen=True, slots=True)
class Judged:
    """A judgement made or withdrawn, and the fact whose ranks it changed (None: the
    figure reports no fact, or a correction took it out)."""

    judgement: JudgementRow
    fact_id: int | None


def checked_reason(reason: str | None, *, required: bool) -> str | None:
    """The reason trimmed; refused when empty but `required`, or too long."""
    reason = (reason or "").strip() or None
    if reason is None and required:
        raise InvalidJudgementError("a judgement needs a reason", field="reason")
    if reason is not None and len(reason) > MAX_REASON_CHARS:
        raise InvalidJudgementError(
            f"reason must be at most {MAX_REASON_CHARS} characters", field="reason"
        )
    return reason


def checked_kind(kind: str) -> Kind:
    try:
        return Kind(kind)
    except ValueError:
        names = ", ".join(k.value for k in Kind)
        raise InvalidJudgementError(f"kind must be one of {names}", field="kind") from None


async def judge_value(
    pool: asyncpg.Pool, figure_id: int, kind: Kind, reason: str, *, editor: str, by: str
) -> Judged:
    """Judges the figure (`editor`: the editor's name, `by`: the key's fingerprint)."""
    text = checked_reason(reason, required=True)
    assert text is not None
    async with pool.acquire() as conn, conn.transaction():
        await _lock_facts(conn)
        figure = await judgements_db.lock_figure(conn, figure_id=figure_id)
        if figure is None:
            raise NotFoundError("no figure has this id", field="figureId")
        await judgements_db.withdraw_in_force(
            conn, figure_id=figure.id, by=editor, reason=judgements_db.SUPERSEDED
        )
        judgement = await judgements_db.insert_judgement(
            conn, figure=figure, kind=kind.value, reason=text, by=editor
        )
        await corrections_db.record_audit(
            conn,
            action="judge",
            article_id=figure.article_id,
            key_fingerprint=by,
            reason=text,
            judgement_id=judgement.id,
        )
        await _changed(conn, judgement, figure.fact_id)
    return Judged(judgement, figure.fact_id)


async def withdraw_judgement(
    pool: asyncpg.Pool, judgement_id: int, reason: str | None, *, editor: str, by: str
) -> Judged:
    """Withdraws the judgement: it stays in history, no longer in force."""
    text = checked_reason(reason, required=False)
    async with pool.acquire() as conn, conn.transaction():
        await _lock_facts(conn)
        current = await judgements_db.lock_judgement(conn, judgement_id=judgement_id)
        if current is None:
            raise NotFoundError("no judgement has this id", field="id")
        if current.withdrawn_at is not None:
            raise JudgementWithdrawnError(
                f"the judgement was withdrawn at {current.withdrawn_at.isoformat()}", field="id"
            )
        judgement = await judgements_db.mark_withdrawn(
            conn, judgement_id=judgement_id, by=editor, reason=text
        )
        await corrections_db.record_audit(
            conn,
            action="withdraw_judgement",
            article_id=judgement.article_id,
            key_fingerprint=by,
            reason=text,
            judgement_id=judgement.id,
        )
        fact_id = await judgements_db.find_fact_of_figure(conn, figure_id=judgement.figure_id)
        await _changed(conn, judgement, fact_id)
    return Judged(judgement, fact_id)


async def _lock_facts(conn: Connection) -> None:
    # Ingests add reports to facts and check their agreement under this lock: none may
    # check a fact against an interval this judgement is about to change.
    await entities_db.lock_resolution(conn)


async def _changed(conn: Connection, judgement: JudgementRow, fact_id: int | None) -> None:
    """The fact's agreement computed again, the data version bumped, the change announced."""
    if fact_id is not None:
        await recheck_facts(conn, fact_ids=[fact_id])
    await bump_data_version(conn)
    if fact_id is not None:
        await changes_db.append_change(
            conn, kind="judgement", article_id=judgement.article_id, fact_ids=[fact_id]
        )
