"""Plain data passed between the pure extraction stages.

Every stage takes text (and the output of earlier stages) and returns these
candidates; none of them touches the database. Offsets are character offsets
into ``ParsedArticle.body``, end exclusive, except a figure's, which count in its
``part`` (a figure printed only in the standfirst or a caption is still reported).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EntityKind(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    PLACE = "PLACE"
    EVENT = "EVENT"
    OTHER = "OTHER"


class TextPart(StrEnum):
    """Which text of an article a span's offsets count in: the body, the standfirst or
    one of the captions (figures are read in all three; the rest in the body)."""

    BODY = "BODY"
    STANDFIRST = "STANDFIRST"
    CAPTION = "CAPTION"


class Approximation(StrEnum):
    EXACT = "EXACT"
    ABOUT = "ABOUT"
    AT_LEAST = "AT_LEAST"
    MORE_THAN = "MORE_THAN"
    NEARLY = "NEARLY"
    UP_TO = "UP_TO"
    LESS_THAN = "LESS_THAN"
    VAGUE = "VAGUE"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What a feed (or an API caller) says about the copy, beside the copy itself."""

    outlet: str | None = None
    original_source: str | None = None
    headline: str | None = None
    url: str | None = None
    published_at: dt.datetime | None = None
    # Lines intake took off before the copy (an HTML page's chrome): stored with the
    # lines the parse stage removes.
    removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """The parse stage's result: story text apart from everything around it."""

    raw_text: str
    content_hash: str  # the whole copy's (identity.content_hash)
    story_hash: str  # its standfirst, captions and body's (identity.story_hash)
    headline: str | None
    standfirst: str | None
    dateline: str | None
    bylines: tuple[str, ...]
    body: str
    captions: tuple[str, ...]
    # Found in the copy itself ("Original source: REUTERS", "ALMATY (Reuters)").
    original_source: str | None = None
    # A publisher named by the copy itself (a first line "RFE"), when there is one.
    outlet: str | None = None
    published_at: dt.datetime | None = None
    # Lines of the copy left out of the story (navigation, promos, credits, labels, the
    # trailer), in order: stored apart so that an editor can see what intake removed.
    removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span


@dataclass(frozen=True, slots=True)
class MentionCandidate:
    """One name in the body, before resolution across articles."""

    span: Span
    text: str  # exactly body[span.start:span.end]
    name: str  # the name without title, possessive or article: "Marat Qozhaev"
    kind: EntityKind
    sentence_index: int
    # Index into the article's LocalEntity list this mention belongs to.
    local_entity: int = -1


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """Mentions of one entity within one article (coreference done locally)."""

    index: int
    kind: EntityKind
    name: str  # the fullest form seen in the article: "Qasym-Zhomart Toqaev"
    aliases: tuple[str, ...]  # every other form seen: "Toqaev", "OSCE", ...
    description: str | None = None  # "former journalist", "deputy interior minister"
    # Why the mentions were grouped, one line per link, kept with the resolution.
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteCandidate:
    span: Span  # the quoted words, without the quote marks
    text: str
    sentence: Span  # the whole sentence (or paragraph run) carrying the quote
    is_partial: bool
    speaker: int | None  # LocalEntity index
    speaker_text: str | None  # "an unnamed young woman", "the US-based rights group"
    cue: str | None  # "said", "told", "according to", ...


@dataclass(frozen=True, slots=True)
class FigureCandidate:
    span: Span
    text: str  # as printed: "nearly 71 percent"
    sentence: Span
    value: float
    upper_bound: float | None
    approximation: Approximation
    unit: str  # percent, people, years, ...
    property: str | None  # vote_share, detained, age, ...
    subject: int | None  # LocalEntity index
    attributed_to: int | None  # LocalEntity index
    attributed_to_text: str | None
    refers_to: dt.date | None = None
    qualifier: str | None = None
    status: str | None = None  # "preliminary" / "final" when the copy says so
    # Offsets count in this text; ``caption`` indexes ParsedArticle.captions.
    part: TextPart = TextPart.BODY
    caption: int | None = None
    # The subject is only the story's (the entity it names most): no nearer word said.
    story_subject: bool = False
    # The subject is the place a distance is measured from ("75 km west of Manokwari").
    measured_from: bool = False


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pure stages found in one article."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[MentionCandidate, ...]
    entities: tuple[LocalEntity, ...]
    quotes: tuple[QuoteCandidate, ...]
    figures: tuple[FigureCandidate, ...]
    notes: tuple[str, ...] = field(default=())
