"""Whether a fact's reports agree, computed again from every report stored.

Ingest checks a fact incrementally (values only ever narrow what can be true of all of
them). A correction or a retraction takes values away, which can end a dispute, so the
facts it touches are computed again from what is left; a fact left with no report goes.
So does a judgement made or withdrawn: a DEPRECATED value and a report flagged wrong take
no part in the agreement (service/ingest/facts/ranks.py).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable
from typing import Protocol

from service.db import corrections as corrections_db
from service.db import facts as facts_db
from service.db import figures as figures_db
from service.db import judgements as judgements_db
from service.db.figures import DistinctReport
from service.db.pool import Connection
from service.ingest.facts.ranks import NONE, FactJudgements, Rank, ValueKey, by_fact, key_of
from service.ingest.facts.reported import ReportedValue, agreed_interval, is_disputed
from service.ingest.model import Approximation


class Printed(Protocol):
    """A value as one report printed it: a stored report or a figure about to be stored."""

    @property
    def value(self) -> float: ...
    @property
    def upper_bound(self) -> float | None: ...
    @property
    def approximation(self) -> str: ...
    @property
    def text(self) -> str: ...


def reported(row: Printed) -> ReportedValue:
    return ReportedValue(
        value=row.value,
        upper_bound=row.upper_bound,
        approximation=Approximation(row.approximation),
        text=row.text,
    )


async def stored_agreement(
    conn: Connection, *, fact_ids: Collection[int]
) -> dict[int, facts_db.Agreement]:
    """Each fact's agreement over all its stored reports that count: not those of a
    DEPRECATED value, nor those flagged wrong (each fact must have a report)."""
    distinct: dict[int, list[DistinctReport]] = {i: [] for i in fact_ids}
    for row in await figures_db.list_distinct_reports_for_facts(conn, fact_ids=list(fact_ids)):
        distinct[row.fact_id].append(row)
    judged = by_fact(await judgements_db.list_in_force_for_facts(conn, fact_ids=list(fact_ids)))
    return {
        fact_id: agreement_of(rows, judged.get(fact_id, NONE)) for fact_id, rows in distinct.items()
    }


def distinct_reports(fact_id: int, reports: Iterable[Printed]) -> list[DistinctReport]:
    """A fact's reports counted by what they print (as the database counts them for
    `stored_agreement`): for a fact as it was known at a past time."""
    counted = Counter((r.value, r.upper_bound, r.approximation, r.text) for r in reports)
    return [DistinctReport(fact_id, *printed, figures) for printed, figures in counted.items()]


def agreement_of(
    rows: Collection[DistinctReport], judgements: FactJudgements
) -> facts_db.Agreement:
    """One fact's agreement over its distinct reports that count under `judgements`."""
    reports: Counter[ValueKey] = Counter()
    for row in rows:
        reports[key_of(row)] += row.figures
    counted: list[ReportedValue] = []
    for row in rows:
        key = key_of(row)
        if judgements.rank(key, reports[key]) is Rank.DEPRECATED:
            continue
        # Equal reports share an interval; two of them still count as two reports.
        count = judgements.counting(key, row.text, row.figures)
        counted.extend([reported(row)] * min(count, 2))
    if not counted:  # every value deprecated: nothing left to disagree
        return facts_db.Agreement(disputed=False, low=-math.inf, high=math.inf)
    low, high = agreed_interval(counted)
    return facts_db.Agreement(disputed=is_disputed(counted), low=low, high=high)


async def recheck_facts(conn: Connection, *, fact_ids: Collection[int]) -> None:
    """Facts whose reports changed: those with none left are deleted, the others have
    their agreement (and so `disputed`) computed again from every stored report."""
    if not fact_ids:
        return
    left = await corrections_db.delete_facts_without_figures(conn, fact_ids=sorted(fact_ids))
    if left:
        await facts_db.set_agreement(conn, by_fact=await stored_agreement(conn, fact_ids=left))
