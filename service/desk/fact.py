"""`/facts/{id}`: every value of a fact on a number line, where they agree and conflict,
each with every source, first and last reported."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from service.db import facts as facts_db
from service.db import history as history_db
from service.db import known as known_db
from service.db.pool import Connection
from service.desk import links
from service.desk.chart import number_line
from service.desk.pages import pool_of
from service.desk.reading import SourcedValue, read_fact_values
from service.desk.templating import render
from service.errors import InvalidTimeError, NotFoundError
from service.ids import decode_id

SOURCES_PER_VALUE = 20
# Sources on the page in all, at least one per value (a fact with a hundred values shows
# the first of each): every value's sources are a link away (`value_sources`).
SOURCES_PER_PAGE = 60
# Values shown in full (sources, judgements, the judge form): the most reported, and any
# an editor judged; the others are a row each in a table, their sources a link away (a
# fact with a hundred values was a page of a hundred forms).
VALUES_IN_FULL = 30

QUERY = """{
  fact(id: $ID) {
    label unit disputed subject { name }
    values { value upperBound approximation text sources {
      outlet { name } excerpt span { start end part caption }
      attributedTo { name } attributedToText article { id headline publishedAt } } }
  }
}"""


# How many moments the time slider offers at once (earlier and later ones a link away;
# any time by the form).
SLIDER_STEPS = 60


@dataclass(frozen=True, slots=True)
class Step:
    """A moment something changed the fact: a link to the page as of then."""

    at: dt.datetime
    what: str
    url: str


@dataclass(frozen=True, slots=True)
class Slider:
    """One window of the moments, with links to the windows before and after it."""

    steps: list[Step]
    earlier_url: str | None
    later_url: str | None


async def fact(request: Request) -> Response:
    """The fact now, or with `?as_of=` as known then; with the time slider's steps."""
    fact_id = decode_id(request.path_params["id"], "Fact")[1]
    as_of = _as_of(request.query_params.get("as_of"))
    after = _as_of(request.query_params.get("steps_after"), "steps_after")
    before = _as_of(request.query_params.get("steps_before"), "steps_before")
    page = links.fact_page(fact_id)
    async with pool_of(request).acquire() as conn:
        # As of a past time, a fact whose every value was since taken out is still known.
        rows = (
            await facts_db.list_facts_by_ids(conn, ids=[fact_id])
            if as_of is None
            else await known_db.list_facts_ever_by_ids(conn, ids=[fact_id])
        )
        if not rows:
            raise NotFoundError("no fact has this id")
        found, around = await read_fact_values(
            conn,
            facts=rows,
            per_value=SOURCES_PER_VALUE,
            with_times=True,
            as_of=as_of,
            budget=SOURCES_PER_PAGE,
        )
        slider = await _slider(conn, fact_id, page, as_of=as_of, after=after, before=before)
    values = found[0]
    in_full = _in_full(values.values)
    subject = around.entities.get(rows[0].subject_id) if rows[0].subject_id else None
    return render(
        request,
        "fact.html",
        title=rows[0].label,
        fact=values,
        full=[v for v in values.values if v.group.number in in_full],
        compact=[v for v in values.values if v.group.number not in in_full],
        subject=subject,
        chart=number_line([v.group for v in values.values]),
        as_of=as_of,
        slider=slider,
        page_url=page,
        json_url=links.as_of(links.api_twin(page), as_of) if as_of else links.api_twin(page),
        graphiql_url=links.graphiql_of(_query(as_of), "Fact", fact_id),
    )


def _query(as_of: dt.datetime | None) -> str:
    """The page's query in GraphQL: as of the page's time, when it has one."""
    if as_of is None:
        return QUERY
    at = links.quoted(as_of.astimezone(dt.UTC).isoformat())
    return QUERY.replace("fact(id: $ID)", f"fact(id: $ID, asOf: {at})")


def _in_full(values: list[SourcedValue]) -> set[int]:
    """The numbers of the values shown in full: those judged, and the most reported (the
    earliest first among equals) up to VALUES_IN_FULL in all."""
    judged = {
        v.group.number for v in values if v.group.judgements or v.group.rank.value != "NORMAL"
    }
    ranked = sorted(values, key=lambda v: (-v.reports, v.group.number))
    rest = [v.group.number for v in ranked if v.group.number not in judged]
    return judged | set(rest[: max(0, VALUES_IN_FULL - len(judged))])


async def _slider(
    conn: Connection,
    fact_id: int,
    page: str,
    *,
    as_of: dt.datetime | None,
    after: dt.datetime | None,
    before: dt.datetime | None,
) -> Slider:
    """The moments after `after` or before `before` (the slider's links); else those up
    to `as_of` (so the moment shown is in view), else the first ones."""
    if after is None and before is None and as_of is not None:
        before = as_of + dt.timedelta(microseconds=1)
    found = await history_db.list_fact_event_times(
        conn,
        fact_id=fact_id,
        limit=SLIDER_STEPS,
        after=after,
        before=before,
        from_end=after is None and before is not None,
    )
    times = found.times

    def window(**bound: dt.datetime) -> str:
        query = {k: v.astimezone(dt.UTC).isoformat() for k, v in bound.items()}
        if as_of is not None:
            query["as_of"] = as_of.astimezone(dt.UTC).isoformat()
        return f"{page}?{urlencode(query)}"

    # An empty window (nothing between the bounds) still links to what lies beyond them:
    # the moments up to and including `after`, or from `before` on (earlier is only found
    # beyond an `after`, later beyond a `before`, when the window is empty).
    tick = dt.timedelta(microseconds=1)
    earlier = later = None
    if found.earlier:
        earlier = window(steps_before=times[0][0] if times else cast(dt.datetime, after) + tick)
    if found.later:
        later = window(steps_after=times[-1][0] if times else cast(dt.datetime, before) - tick)
    steps = [Step(at, _said(kinds), links.as_of(page, at)) for at, kinds in times]
    return Slider(steps, earlier, later)


def _as_of(value: str | None, name: str = "as_of") -> dt.datetime | None:
    """`?as_of=` (or a slider bound): ISO 8601 (what a datetime-local field sends: no
    offset, read as UTC)."""
    if not value:
        return None
    try:
        at = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidTimeError(
            f"{name} must be an ISO 8601 time such as 2019-06-10T18:00, got {value!r}"
        ) from None
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


SAID = {
    "REPORTED": "reported",
    "CORRECTED": "corrected",
    "RETRACTED": "retracted",
    "JUDGED": "judged",
    "JUDGEMENT_WITHDRAWN": "judgement withdrawn",
}


def _said(kinds: list[str]) -> str:
    return ", ".join(SAID[k] for k in SAID if k in kinds)
