"""Typed rows returned by the data-access modules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Self

from asyncpg import Record


class _FromRecord:
    @classmethod
    def from_record(cls, record: Record) -> Self:
        return cls(**dict(record.items()))

    @classmethod
    def from_records(cls, records: list[Record]) -> list[Self]:
        if not records:
            return []
        # Positional construction is several times faster than by name (a large answer
        # converts thousands of rows); it is used when the columns come in field order
        # (the first fields, the others left to their defaults).
        keys = tuple(records[0].keys())
        if keys == _field_names(cls)[: len(keys)]:
            return [cls(*r) for r in records]
        return [cls(**dict(r.items())) for r in records]


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@dataclass(frozen=True, slots=True)
class OutletRow(_FromRecord):
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class ArticleRow(_FromRecord):
    id: int
    slug: str
    outlet_id: int
    original_source_id: int | None
    headline: str
    standfirst: str | None
    dateline: str | None
    bylines: list[str]
    body: str
    captions: list[str]
    url: str | None
    content_hash: str
    published_at: dt.datetime | None
    ingested_at: dt.datetime
    removed: list[str]  # the lines intake left out of the story, in the order of the copy

    def text_of(self, part: str, caption_index: int | None = None) -> str:
        """The text a span's offsets count in: BODY, STANDFIRST or CAPTION (by index)."""
        if part == "STANDFIRST":
            return self.standfirst or ""
        if part == "CAPTION" and caption_index is not None:
            return self.captions[caption_index] if caption_index < len(self.captions) else ""
        return self.body


@dataclass(frozen=True, slots=True)
class EntityRow(_FromRecord):
    id: int
    kind: str
    name: str
    description: str | None


@dataclass(frozen=True, slots=True)
class MentionRow(_FromRecord):
    id: int
    article_id: int
    entity_id: int
    start_offset: int
    end_offset: int
    text: str


@dataclass(frozen=True, slots=True)
class QuoteRow(_FromRecord):
    id: int
    article_id: int
    speaker_id: int | None
    speaker_text: str | None
    text: str
    start_offset: int
    end_offset: int
    sentence_start: int
    sentence_end: int
    is_partial: bool
    cue: str | None
    statement_key: str

    @property
    def attributed_to_id(self) -> int | None:
        """Whom the quote's citation attributes it to: its speaker (as a figure's row says)."""
        return self.speaker_id


@dataclass(frozen=True, slots=True)
class FigureRow(_FromRecord):
    id: int
    article_id: int
    fact_id: int | None
    subject_id: int | None
    attributed_to_id: int | None
    attributed_to_text: str | None
    value: float
    upper_bound: float | None
    approximation: str
    unit: str
    text: str
    property: str | None
    qualifier: str | None
    status: str | None
    refers_to: dt.date | None
    start_offset: int
    end_offset: int
    sentence_start: int
    sentence_end: int
    part: str  # BODY, STANDFIRST or CAPTION: the text the offsets count in
    caption_index: int | None  # into ArticleRow.captions when part is CAPTION
    # Which value of its fact it reports, as the query that read it grouped them
    # (figures.VALUE_GROUP: its value's first report); None when not read.
    value_group: int | None = None


@dataclass(frozen=True, slots=True)
class FactRow(_FromRecord):
    id: int
    subject_id: int | None
    property: str
    qualifier: str | None
    unit: str
    label: str
    disputed: bool


@dataclass(frozen=True, slots=True)
class FactValueRow(_FromRecord):
    """One value of a fact (its reports of equal value, upper bound and approximation)."""

    fact_id: int
    value: float
    upper_bound: float | None
    approximation: str
    first_figure_id: int  # its first report: the value's place among the fact's values
    reports: int
    # The earliest and latest publication of an article reporting it (republications
    # included); None only for a figure stored before its article's first publication.
    first_reported_at: dt.datetime | None
    last_reported_at: dt.datetime | None

    @property
    def key(self) -> tuple[int, float, float | None, str]:
        return (self.fact_id, self.value, self.upper_bound, self.approximation)


@dataclass(frozen=True, slots=True)
class FactTimesRow(_FromRecord):
    """When a fact was first reported and when its values last changed."""

    id: int  # the fact's
    first_reported_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class PublicationRow(_FromRecord):
    id: int
    article_id: int
    outlet_id: int
    outlet_name: str
    url: str | None
    published_at: dt.datetime | None
    received_at: dt.datetime
    # The lines intake left out of this publication's own copy; None: not kept (stored
    # before publications kept them).
    removed: list[str] | None = None


@dataclass(frozen=True, slots=True)
class ResolutionRow(_FromRecord):
    """Why one article's name was merged into, or created as, an entity."""

    entity_id: int
    article_id: int
    local_name: str
    decision: str  # created or merged
    reason: str


@dataclass(frozen=True, slots=True)
class ChangeRow(_FromRecord):
    id: int
    kind: str  # ingest, republication, correction, retraction, judgement
    article_id: int
    fact_ids: list[int]
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class JudgementRow(_FromRecord):
    id: int
    figure_id: int | None  # None once a correction or retraction took the figure out
    article_id: int
    kind: str  # PREFERRED, DEPRECATED, NOT_A_FIGURE, WRONG_SUBJECT, WRONG_UNIT, WRONG_PROPERTY
    reason: str
    made_by: str
    made_at: dt.datetime
    withdrawn_at: dt.datetime | None
    withdrawn_by: str | None
    withdrawal_reason: str | None

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None and self.figure_id is not None
