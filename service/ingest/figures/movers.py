"""What moved, for a market's move or level the parse gave no subject: the index or business
printed last before it in its sentence ("with shares in HBOS falling by 41.54%": HBOS)."""

from __future__ import annotations

from collections.abc import Sequence

from service.ingest.figures.organisation_kinds import (
    PUBLIC_HEADS,
    is_authority,
    is_index,
    is_outlet,
)
from service.ingest.figures.respectively import RESPECTIVELY
from service.ingest.model import (
    EntityKind,
    FigureCandidate,
    LocalEntity,
    MentionCandidate,
    TextPart,
)

# What a market figure measures: a move, a level, a share's price.
_MARKET_MEASURES = frozenset({"decline", "growth", "index_level", "share_price"})


def mover_before(
    body: str,
    mentions: Sequence[MentionCandidate],
    entities: Sequence[LocalEntity],
    figure: FigureCandidate,
) -> int | None:
    """What moved, for a market's move or level the parse gave no subject: the
    organisation printed last before the figure in its sentence, when it is an index or
    a business ("Indian shares on the Sensex index in Mumbai fell ten percent": the
    Sensex; "with shares in HBOS falling by 41.54%": HBOS). Never an exchange, a
    regulator or an outlet ("the shares of the company rose 5 percent at the New York
    Stock Exchange"), nor the source that gives it, nor a move told of several ("the
    Nasdaq and the S&P 500 dipped by 96 points and 50 points, respectively")."""
    if figure.part is not TextPart.BODY or figure.property not in _MARKET_MEASURES:
        return None
    sentence = figure.sentence
    if RESPECTIVELY.search(body, sentence.start, sentence.end):
        return None
    before = [
        m
        for m in mentions
        if sentence.start <= m.span.start
        and m.span.end <= figure.span.start
        and 0 <= m.local_entity < len(entities)
        and entities[m.local_entity].kind is EntityKind.ORGANIZATION
    ]
    if not before:
        return None
    entity = entities[before[-1].local_entity]
    if entity.index == figure.attributed_to:
        return None  # "Nasdaq says that all trades at prices 60% higher": its rule
    if is_index(entity):
        return entity.index
    words = entity.name.lower().split()
    if (
        is_authority(entity)
        or is_outlet(entity)
        or not words
        or words[-1] in PUBLIC_HEADS | {"exchange"}
        or entity.name.lower() in _EXCHANGES
    ):
        return None
    return entity.index


_EXCHANGES = frozenset({"nyse", "lse", "tse", "hkex", "sgx", "asx"})
