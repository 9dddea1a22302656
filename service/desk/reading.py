"""What the pages show around their subject, read in a few batched queries through
`service.db`: articles with their outlets, entities, and each reported value's source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import cast

from service.db import articles as articles_db
from service.db import entities as entities_db
from service.db import fact_values as fact_values_db
from service.db import figures as figures_db
from service.db import judgements as judgements_db
from service.db import known as known_db
from service.db import known_values as known_values_db
from service.db.fact_values import ValueHead
from service.db.figures import DistinctReport, SampledReport
from service.db.judgements import InForce
from service.db.known import PublicationTime, ValueTimes
from service.db.known_values import KnownReport
from service.db.pool import Connection
from service.db.rows import ArticleRow, EntityRow, FactRow, FigureRow, OutletRow
from service.desk.marks import Piece, sentence_pieces
from service.desk.values import (
    ValueGroup,
    interval_of,
    mark_conflicts,
    mark_conflicts_with,
    value_groups,
)
from service.ingest.facts.agreement import agreement_of
from service.ingest.facts.ranks import NONE, FactJudgements, Rank, by_fact


@dataclass
class Around:
    """Rows the page refers to, by primary key."""

    articles: dict[int, ArticleRow] = field(default_factory=dict)
    outlets: dict[int, OutletRow] = field(default_factory=dict)
    entities: dict[int, EntityRow] = field(default_factory=dict)
    # Each article's publications, first its own outlet's, then republications (only
    # pages that show sources read them).
    publications: dict[int, list[PublicationTime]] = field(default_factory=dict)

    def outlet_of(self, article: ArticleRow) -> OutletRow:
        return self.outlets[article.outlet_id]

    def source_of(self, article: ArticleRow) -> OutletRow | None:
        if article.original_source_id is None:
            return None
        return self.outlets.get(article.original_source_id)


async def read_around(
    conn: Connection,
    *,
    article_ids: Iterable[int] = (),
    entity_ids: Iterable[int | None] = (),
    as_of: dt.datetime | None = None,
) -> Around:
    """Two queries at most: the articles with their outlets (`as_of`: as they stood
    then, retracted since or not), and the entities."""
    around = Around()
    wanted = sorted(set(article_ids))
    if wanted:
        found = (
            await articles_db.list_articles_with_outlets_by_ids(conn, ids=wanted)
            if as_of is None
            else await known_db.list_articles_as_of(conn, ids=wanted, as_of=as_of)
        )
        for row, outlets in found:
            around.articles[row.id] = row
            around.outlets.update({outlet.id: outlet for outlet in outlets})
    people = sorted({i for i in entity_ids if i is not None})
    if people:
        rows = await entities_db.list_entities_by_ids(conn, ids=people)
        around.entities = {row.id: row for row in rows}
    return around


@dataclass(frozen=True, slots=True)
class Source:
    """One report of a value: where and when, each outlet that published it with its own
    time (republications too), the sentence with the figure highlighted, and whom the
    article attributes it to."""

    figure: FigureRow
    article: ArticleRow
    outlet: OutletRow
    publications: list[PublicationTime]
    sentence: list[Piece]
    attributed_to: EntityRow | None

    @property
    def reported_at(self) -> dt.datetime:
        """When it was first reported: its earliest publication (every article has one,
        and a report known at a time was published by then)."""
        return min(p.reported_at for p in self.publications)

    @property
    def attribution(self) -> str | None:
        if self.attributed_to is not None:
            return self.attributed_to.name
        return self.figure.attributed_to_text


def source_of(figure: FigureRow, around: Around) -> Source:
    article = around.articles[figure.article_id]
    text = article.text_of(figure.part, figure.caption_index)
    return Source(
        figure=figure,
        article=article,
        outlet=around.outlet_of(article),
        publications=around.publications.get(article.id, []),
        sentence=sentence_pieces(
            text,
            sentence=(figure.sentence_start, figure.sentence_end),
            span=(figure.start_offset, figure.end_offset),
        ),
        attributed_to=(
            around.entities.get(figure.attributed_to_id)
            if figure.attributed_to_id is not None
            else None
        ),
    )


@dataclass(frozen=True, slots=True)
class SourcedValue:
    """A value with its first sources; `reports` and the times count all of them."""

    group: ValueGroup
    sources: list[Source]
    reports: int
    first_reported: dt.datetime | None  # None when the page did not ask (entity pages)
    last_reported: dt.datetime | None

    @property
    def unshown(self) -> int:
        return self.reports - len(self.sources)


@dataclass(frozen=True, slots=True)
class FactValues:
    fact: FactRow
    values: list[SourcedValue]  # all of them, or the most reported (read_fact_values)
    value_count: int  # how many values the fact has

    @property
    def unshown_values(self) -> int:
        return self.value_count - len(self.values)

    @property
    def preferred(self) -> list[SourcedValue]:
        """The values an editor marked PREFERRED."""
        return [v for v in self.values if v.group.rank is Rank.PREFERRED]

    @property
    def first_reported(self) -> dt.datetime | None:
        times = [v.first_reported for v in self.values if v.first_reported is not None]
        return min(times, default=None)

    @property
    def last_reported(self) -> dt.datetime | None:
        times = [v.last_reported for v in self.values if v.last_reported is not None]
        return max(times, default=None)


def most_reported(
    groups: Sequence[ValueGroup], totals: Mapping[int, int], count: int
) -> list[ValueGroup]:
    """The `count` values with the most reports (the earliest first among equals), in
    their own order; each keeps its number and the conflicts it has with the others."""
    if len(groups) <= count:
        return list(groups)
    kept = sorted(groups, key=lambda g: (-totals.get(g.first.id, len(g.reports)), g.number))
    return sorted(kept[:count], key=lambda g: g.number)


@dataclass(frozen=True, slots=True)
class Known:
    """A fact's reports as known at a past time: the first few of each value, whether all
    of them were disputed then, and when each value was first and last reported then."""

    sampled: list[SampledReport]
    disputed: dict[int, bool]
    times: dict[tuple[int, float, float | None, str], ValueTimes]


async def _read_known(
    conn: Connection,
    *,
    fact_ids: Sequence[int],
    per_value: int,
    budget: int | None,
    as_of: dt.datetime,
) -> tuple[Known, list[InForce]]:
    """`figures_db.list_first_reports_for_facts`, the values' times and the judgements in
    force, as known at `as_of`: the reports counted in the database, one row per distinct
    report, and only the figures shown read whole."""
    reports = await known_values_db.list_known_reports(
        conn, fact_ids=fact_ids, as_of=as_of, first=per_value, budget=budget
    )
    in_force = await known_db.list_in_force_at(conn, fact_ids=fact_ids, as_of=as_of)
    judged = by_fact(in_force)
    by_fact_id: dict[int, list[KnownReport]] = {}
    for report in reports:
        by_fact_id.setdefault(report.fact_id, []).append(report)
    disputed = {}
    counts: dict[tuple[int, float, float | None, str], int] = {}
    times = {}
    shown_ids: list[int] = []
    for fact_id, printed in by_fact_id.items():
        distinct = [
            DistinctReport(fact_id, r.value, r.upper_bound, r.approximation, r.text, r.figures)
            for r in printed
        ]
        disputed[fact_id] = agreement_of(distinct, judged.get(fact_id, NONE)).disputed
        values: dict[tuple[float, float | None, str], list[KnownReport]] = {}
        for report in printed:  # in order of first figure: so are the values
            values.setdefault(report.key, []).append(report)
        shown = per_value if budget is None else max(1, min(per_value, budget // len(values)))
        for key, texts in values.items():
            counts[(fact_id, *key)] = sum(r.figures for r in texts)
            times[(fact_id, *key)] = ValueTimes(
                fact_id,
                *key,
                min(r.first_reported_at for r in texts),
                max(r.last_reported_at for r in texts),
            )
            shown_ids += sorted(i for r in texts for i in r.first_ids)[:shown]
    figures = await known_values_db.list_figures_known_at_by_ids(
        conn, fact_ids=fact_ids, ids=shown_ids, as_of=as_of
    )
    sampled = [
        SampledReport(f, counts[(cast(int, f.fact_id), f.value, f.upper_bound, f.approximation)])
        for f in figures
    ]
    return Known(sampled, disputed, times), in_force


async def read_fact_values(
    conn: Connection,
    *,
    facts: Sequence[FactRow],
    per_value: int,
    with_times: bool,
    as_of: dt.datetime | None = None,
    most_values: int | None = None,
    budget: int | None = None,
) -> tuple[list[FactValues], Around]:
    """Each fact with its values and the first `per_value` sources of each (a value of a
    much reported fact has thousands), ranked by the judgements in force, `with_times`
    when each value was first and last reported (its sources' publications, republications
    included, as SourcedValue.firstReportedAt/lastReportedAt count them): five queries for
    any number of facts (the sources' publications among them), six with times. With
    `as_of`, as known then (service/db/known.py, counted by known_values.py): its values,
    their times, the judgements in force, the articles as they stood and their
    publications made by then, and `disputed` computed again (six queries, times
    included). With `most_values`, only that many values of each fact,
    its most reported ones (a fact of a much reported entity has a hundred). With
    `budget`, about that many sources of each fact in all, at least one of each value (a
    fact with a hundred values shows the first of each)."""
    fact_ids = [f.id for f in facts]
    times: dict[tuple[int, float, float | None, str], ValueTimes] = {}
    # Each value's first report, when only the most reported are shown: the others'
    # numbers, intervals and ranks, one light row each (a fact can have thousands).
    heads: dict[int, list[ValueHead]] | None = None
    if as_of is None:
        sampled = await figures_db.list_first_reports_for_facts(
            conn,
            fact_ids=fact_ids,
            per_value=per_value,
            most_values=most_values,
            budget=budget,
            others=most_values is None,
        )
        if most_values is not None:
            heads = {f: [] for f in fact_ids}
            for head in await fact_values_db.list_value_heads(conn, fact_ids=fact_ids):
                heads[head.fact_id].append(head)
        in_force = await judgements_db.list_in_force_for_facts(conn, fact_ids=fact_ids)
    else:
        known, in_force = await _read_known(
            conn, fact_ids=fact_ids, per_value=per_value, budget=budget, as_of=as_of
        )
        sampled, times = known.sampled, known.times
        facts = [replace(f, disputed=known.disputed.get(f.id, False)) for f in facts]
    if with_times and as_of is None:  # one row per value (fact_values)
        times = {t.key: t for t in await known_db.list_value_times(conn, fact_ids=fact_ids)}
    judged = by_fact(in_force)
    totals = {s.figure.id: s.reports for s in sampled}
    about = {s.figure.id: s for s in sampled}
    reports_of: dict[int, list[FigureRow]] = {f.id: [] for f in facts}
    for report in sampled:
        if report.figure.fact_id in reports_of:
            reports_of[report.figure.fact_id].append(report.figure)
    groups_of = {
        fact.id: value_groups(
            reports_of[fact.id],
            judged.get(fact.id, NONE),
            [j for j in in_force if j.fact_id == fact.id],
            totals,
            conflicts=False,
        )
        for fact in facts
    }
    shown = {
        fact_id: groups if most_values is None else most_reported(groups, totals, most_values)
        for fact_id, groups in groups_of.items()
    }
    for fact_id, groups in groups_of.items():
        if heads is None:
            mark_conflicts(groups, shown[fact_id])
        else:
            _number_and_mark(shown[fact_id], heads[fact_id], judged.get(fact_id, NONE))
    figures = [r for groups in shown.values() for group in groups for r in group.reports]
    around = await read_around(
        conn,
        article_ids=[f.article_id for f in figures],
        entity_ids=[f.subject_id for f in facts] + [f.attributed_to_id for f in figures],
        as_of=as_of,
    )
    for publication in await known_db.list_publication_times(
        conn, article_ids=sorted(around.articles), as_of=as_of
    ):
        around.publications.setdefault(publication.article_id, []).append(publication)

    def sourced(group: ValueGroup) -> SourcedValue:
        head = group.first
        known = times.get(
            (cast(int, head.fact_id), head.value, head.upper_bound, head.approximation)
        )
        return SourcedValue(
            group,
            [source_of(r, around) for r in group.reports],
            about[head.id].reports,
            known.first_reported_at if known else None,
            known.last_reported_at if known else None,
        )

    found = [
        FactValues(
            fact,
            [sourced(g) for g in shown[fact.id]],
            len(groups_of[fact.id] if heads is None else heads[fact.id]),
        )
        for fact in facts
    ]
    return found, around


def _number_and_mark(
    shown: Sequence[ValueGroup], heads: Sequence[ValueHead], judged: FactJudgements
) -> None:
    """Numbers the values `shown` among all the fact's (`heads`, in order of first
    report) and marks the values they conflict with among those not deprecated, as
    `value_groups` does when every value is read."""
    number_of = {h.first_figure_id: n for n, h in enumerate(heads, start=1)}
    for group in shown:
        group.number = number_of.get(group.first.id, group.number)
    live = [
        (n, *interval_of(h.value, h.upper_bound, h.approximation, h.text))
        for n, h in enumerate(heads, start=1)
        if judged.rank((h.value, h.upper_bound, h.approximation), h.reports) is not Rank.DEPRECATED
    ]
    mark_conflicts_with(shown, live)
