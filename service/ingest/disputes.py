"""Whether the facts an article reports on still agree, checked as the article is written:
a fact whose values no longer share an interval becomes disputed. The caller owns the
transaction."""

from __future__ import annotations

from service.db import extracted as extracted_db
from service.db import facts as facts_db
from service.db import judgements as judgements_db
from service.db.pool import Connection
from service.ingest.facts.agreement import reported as reported_value
from service.ingest.facts.agreement import stored_agreement
from service.ingest.facts.reported import ReportedValue, agreed_interval
from service.tracing import traced


@traced("ingest.agreement")
async def check_disputes(
    conn: Connection,
    facts: dict[facts_db.ClaimKey, facts_db.ClaimedFact],
    figures: list[extracted_db.NewFigure],
) -> None:
    """Checks again the facts this article's ``figures`` report on that agreed so far."""
    # A disputed fact stays disputed whatever is added (values only narrow what can be true
    # of all of them), so only the facts that agreed so far are checked again.
    agreeing = {fact.id: fact.agreed for fact in facts.values() if not fact.disputed}
    if not agreeing:
        return
    reported: dict[int, list[ReportedValue]] = {}
    for figure in figures:
        key = figure.claim_key()
        fact = facts[key] if key is not None else None
        if fact is not None and fact.id in agreeing:
            reported.setdefault(fact.id, []).append(reported_value(figure))
    await _refresh_disputed(conn, agreeing, reported)


async def _refresh_disputed(
    conn: Connection,
    agreeing: dict[int, tuple[float, float] | None],
    reported: dict[int, list[ReportedValue]],
) -> None:
    """Checks this article's reports against the interval each fact's earlier reports
    share; a fact whose interval is not known yet is checked against all its reports, and
    so is a judged one (a new report of a DEPRECATED value must not count)."""
    checked: dict[int, facts_db.Agreement] = {}
    unknown: list[int] = []
    judged = await judgements_db.list_judged_fact_ids(conn, fact_ids=list(agreeing))
    for fact_id, prior in agreeing.items():
        if prior is None or fact_id in judged:
            unknown.append(fact_id)
            continue
        low, high = agreed_interval(reported[fact_id], prior)
        checked[fact_id] = facts_db.Agreement(disputed=low > high, low=low, high=high)
    if unknown:
        checked.update(await stored_agreement(conn, fact_ids=unknown))
    await facts_db.set_agreement(conn, by_fact=checked)
