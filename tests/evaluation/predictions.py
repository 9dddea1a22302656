"""Predictions a flawless extractor would make from gold, for the scorer's tests."""

from __future__ import annotations

import dataclasses

from evaluation.gold import Gold, GoldFigure
from evaluation.score import PredictedFigure, PredictedQuote, Predictions


def name_of(gold: Gold, entity_id: str | None) -> str | None:
    return None if entity_id is None else gold.entities[entity_id].names[0]


def perfect_figures(gold: Gold) -> tuple[PredictedFigure, ...]:
    """Every gold figure as stored, with the raw copy standing for the body."""
    fact_ids = {key: i for i, key in enumerate(gold.facts())}
    return tuple(
        PredictedFigure(
            article=f.article,
            text=f.text,
            start=f.raw_start,
            end=f.raw_start + len(f.text),
            body=gold.articles[f.article].raw,
            value=f.value,
            upper_bound=f.upper_bound,
            approximation=f.approximation,
            unit=f.unit,
            property=f.property,
            subject=name_of(gold, f.subject),
            subject_aliases=(),
            attributed_to=name_of(gold, f.attributed_to[0] if f.attributed_to else None),
            attributed_to_aliases=(),
            attributed_to_text=f.attributed_to_text,
            fact_id=None if f.fact_key is None else fact_ids[f.fact_key],
            qualifier=f.qualifier,
            status=f.status,
        )
        for f in gold.figures
    )


def perfect_quotes(gold: Gold, *, partial: bool = True) -> tuple[PredictedQuote, ...]:
    """Every gold quote with its first speaker (``partial``: as the gold marks it)."""
    return tuple(
        PredictedQuote(
            article=q.article,
            text=q.text,
            start=q.raw_start,
            end=q.raw_start + len(q.text),
            speaker=name_of(gold, q.speakers[0] if q.speakers else None),
            speaker_aliases=(),
            speaker_text=q.speaker_text,
            is_partial=bool(q.partial) if partial else False,
        )
        for q in gold.quotes
    )


def replace_figure(
    predictions: Predictions, gold_figure: GoldFigure, **changes: object
) -> Predictions:
    """The predictions with the figure at ``gold_figure``'s place changed."""
    figures = tuple(
        dataclasses.replace(p, **changes)  # type: ignore[arg-type]
        if (p.article, p.start) == (gold_figure.article, gold_figure.raw_start)
        else p
        for p in predictions.figures
    )
    return dataclasses.replace(predictions, figures=figures)
