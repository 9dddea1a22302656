"""The real corpus's measures (issue 15, "Done when"), per slice of articles (pure).

The real gold annotates EVERY number, so unlike the seeds' `figures` category any
predicted figure that is not a gold figure with the right value is a false positive
(unless it overlaps an `ignore` string). Over the figures matched with the right value:
- units: the predicted unit is the gold's, spelt the same (`count` is not `people`);
- concept: over those whose gold names a property, the predicted one is acceptable;
- subject: over those with a gold subject, the predicted subject is that entity;
- attribution: the existing rule (no source for no source is right);
- status: over those with a gold status, the predicted status equals it.
malformed_entities: over predicted entities printed in the slice's articles, those
printed under a spelling that is no gold name (compared ignoring case, accents and a
possessive). cross_source_joins: over (gold fact, event) pairs whose figures come from
two or more articles of the event, those whose matched predictions share one fact_id;
such a join belongs to every slice holding one of its articles, except that `tune`
takes only joins wholly within it (one held-out article makes a join held out).
Quotes, speakers, false merges and must_not come from the common scorer on the slice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from evaluation.gold import Gold, GoldFigure, normalize_name
from evaluation.score import (
    PredictedFigure,
    Predictions,
    Report,
    attribution_right,
    entity_matches,
    in_any,
    match_figures,
    property_right,
    score,
    spans_of,
    value_right,
)

# The rows of the real table, in order. Shares unless named in COUNT_MEASURES.
MEASURES = (
    "numbers.precision",
    "numbers.recall",
    "units",
    "concept",
    "subject",
    "attribution",
    "status",
    "quotes.precision",
    "quotes.recall",
    "quote_speakers.precision",
    "quote_speakers.recall",
    "malformed_entities",
    "false_merges",
    "must_not_merged",
    "cross_source_joins",
)
COUNT_MEASURES = frozenset({"false_merges", "must_not_merged"})
ALL = "all"
_POSSESSIVE = re.compile(r"'s?$")


@dataclass(frozen=True, slots=True)
class Share:
    """`hits` of `total`, with a line for each item that is not a hit (or, for measures
    where lower is better, for each hit)."""

    hits: int
    total: int
    items: tuple[str, ...] = ()

    @property
    def ratio(self) -> float | None:
        """None when there was nothing to measure (shown as "-", never as perfect)."""
        return self.hits / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class ArticleLabels:
    """What the manifest says about an article that slicing and joining need."""

    topic: str
    split: str
    event: str | None


@dataclass(frozen=True, slots=True)
class SliceScore:
    articles: tuple[str, ...]
    shares: Mapping[str, Share]  # every measure of MEASURES not in COUNT_MEASURES
    report: Report  # the common scorer on the same slice

    @property
    def counts(self) -> dict[str, int]:
        return {
            "false_merges": len(self.report.false_merges),
            "must_not_merged": len(self.report.must_not_merged),
        }


@dataclass(frozen=True, slots=True)
class RealReport:
    # "all", "tune", "heldout", then one per topic in name order.
    slices: Mapping[str, SliceScore]


def score_real(
    gold: Gold, predicted: Predictions, labels: Mapping[str, ArticleLabels]
) -> RealReport:
    """Score every labelled gold article, then each split and each topic on its own."""
    names = [name for name in gold.articles if name in labels]
    gold = _restrict(gold, frozenset(names))
    slices: dict[str, list[str]] = {ALL: names, "tune": [], "heldout": []}
    for name in names:
        slices.setdefault(labels[name].split, []).append(name)
    for topic in sorted({labels[name].topic for name in names}):
        slices[topic] = [name for name in names if labels[name].topic == topic]
    hits, _ = _score_numbers(gold, predicted)
    joins = _cross_source_joins(gold, labels, hits)
    scored: dict[str, SliceScore] = {}
    for key, members in slices.items():
        within = frozenset(members)
        # A join with one held-out article is a held-out measurement: tune keeps only
        # the joins wholly within it; every other slice takes those touching it.
        if key == "tune":
            kept = [j for j in joins if j.articles <= within]
        else:
            kept = [j for j in joins if j.articles & within]
        scored[key] = score_slice(gold, predicted, within, _joins_share(kept))
    return RealReport(slices=scored)


def score_slice(
    gold: Gold, predicted: Predictions, names: frozenset[str], joins: Share
) -> SliceScore:
    """Every measure over the gold articles `names` and what was predicted in them (the
    cross-source joins, which span slices, are judged by the caller)."""
    gold = _restrict(gold, names)
    predicted = Predictions(
        figures=tuple(p for p in predicted.figures if p.article in names),
        quotes=tuple(q for q in predicted.quotes if q.article in names),
        entities=tuple(e for e in predicted.entities if names.intersection(e.articles)),
        bodies={k: v for k, v in predicted.bodies.items() if k in names},
    )
    report = score(gold, predicted)
    _, shares = _score_numbers(gold, predicted)
    shares["malformed_entities"] = _malformed_entities(gold, predicted, names)
    shares["cross_source_joins"] = joins
    for category in ("quotes", "quote_speakers"):
        metric = report.metrics[category]
        shares[f"{category}.precision"] = Share(
            metric.tp, metric.tp + metric.fp, report.false_positives.get(category, ())
        )
        shares[f"{category}.recall"] = Share(
            metric.tp, metric.tp + metric.fn, report.misses.get(category, ())
        )
    return SliceScore(
        articles=tuple(sorted(gold.articles)),
        shares={m: shares[m] for m in MEASURES if m not in COUNT_MEASURES},
        report=report,
    )


def _restrict(gold: Gold, names: frozenset[str]) -> Gold:
    return Gold(
        entities=gold.entities,
        articles={k: v for k, v in gold.articles.items() if k in names},
        must_not=gold.must_not,
    )


def _score_numbers(
    gold: Gold, predicted: Predictions
) -> tuple[dict[tuple[str, int], PredictedFigure], dict[str, Share]]:
    """The gold figures found with the right value, and the figure measures."""
    figures_of: dict[str, list[PredictedFigure]] = {}
    for p in predicted.figures:
        figures_of.setdefault(p.article, []).append(p)
    hits: dict[tuple[str, int], PredictedFigure] = {}
    missed: list[str] = []
    false: list[str] = []
    for name, article in gold.articles.items():
        body = predicted.bodies.get(name)
        if body is None:
            missed.extend(f"{_label(g)}: article not predicted" for g in article.figures)
            continue
        figures = figures_of.get(name, [])
        matches, _ = match_figures(article, body, figures)
        ignored = spans_of(body, article.ignore)
        hit_indexes: set[int] = set()
        for g in article.figures:
            index = matches.get(g.key)
            if index is not None and value_right(g, figures[index]):
                hits[g.key] = figures[index]
                hit_indexes.add(index)
            else:
                got = "nothing" if index is None else _predicted(figures[index])
                missed.append(f"{_label(g)}: got {got}")
        matched = set(matches.values())
        for i, p in enumerate(figures):
            if i not in hit_indexes and (i in matched or not in_any(p.start, p.end, ignored)):
                false.append(f"{name}: {_predicted(p)}")
    tp = len(hits)
    shares = {
        "numbers.precision": Share(tp, tp + len(false), tuple(false)),
        "numbers.recall": Share(tp, tp + len(missed), tuple(missed)),
    }
    pairs = [(g, hits[g.key]) for g in gold.figures if g.key in hits]
    shares["units"] = _share(
        pairs, lambda g, p: p.unit == g.unit, lambda g, p: f"unit {p.unit}, gold {g.unit}"
    )
    shares["concept"] = _share(
        [(g, p) for g, p in pairs if g.properties],
        property_right,
        lambda g, p: f"property {p.property}, gold {'|'.join(g.properties)}",
    )
    shares["subject"] = _share(
        [(g, p) for g, p in pairs if g.subject is not None],
        lambda g, p: entity_matches(gold, (g.subject or "",), p.subject, p.subject_aliases),
        lambda g, p: f"subject {p.subject}, gold {g.subject}",
    )
    shares["attribution"] = _share(
        pairs,
        lambda g, p: attribution_right(gold, g, p),
        lambda g, p: (
            f"attributed to {p.attributed_to or p.attributed_to_text}, "
            f"gold {', '.join(g.attributed_to) or g.attributed_to_text}"
        ),
    )
    shares["status"] = _share(
        [(g, p) for g, p in pairs if g.status is not None],
        lambda g, p: p.status == g.status,
        lambda g, p: f"status {p.status}",
    )
    return hits, shares


def _share(
    pairs: Sequence[tuple[GoldFigure, PredictedFigure]],
    right: Callable[[GoldFigure, PredictedFigure], bool],
    wrong: Callable[[GoldFigure, PredictedFigure], str],
) -> Share:
    failures = tuple(f"{_label(g)}: {wrong(g, p)}" for g, p in pairs if not right(g, p))
    return Share(len(pairs) - len(failures), len(pairs), failures)


def loose_name(name: str) -> str:
    """normalize_name, and a possessive dropped: "Tokayev's" is "tokayev"."""
    return _POSSESSIVE.sub("", normalize_name(name)).strip()


def _malformed_entities(gold: Gold, predicted: Predictions, names: frozenset[str]) -> Share:
    known = {loose_name(n) for entity in gold.entities.values() for n in entity.names}
    total = 0
    malformed: list[str] = []
    for entity in predicted.entities:
        spellings = sorted({m.text for m in entity.mentions if m.article in names})
        if not spellings:
            continue
        total += 1
        unknown = [s for s in spellings if loose_name(s) not in known]
        if unknown:
            # Led by the first article printing a wrong spelling, so a slice's items can be
            # told apart from another's (tune work must never read held-out lines).
            where = min(m.article for m in entity.mentions if m.text in unknown)
            spelt = ", ".join(map(repr, unknown))
            malformed.append(f"{where}: entity {entity.id} {entity.kind}: {spelt}")
    return Share(len(malformed), total, tuple(malformed))


@dataclass(frozen=True, slots=True)
class _Join:
    articles: frozenset[str]
    joined: bool
    label: str


def _cross_source_joins(
    gold: Gold,
    labels: Mapping[str, ArticleLabels],
    hits: Mapping[tuple[str, int], PredictedFigure],
) -> list[_Join]:
    """One join per (gold fact, event) with figures from two or more of its articles."""
    joins: list[_Join] = []
    for fact, figures in gold.facts().items():
        by_event: dict[str, list[GoldFigure]] = {}
        for g in figures:
            if (event := labels[g.article].event) is not None:
                by_event.setdefault(event, []).append(g)
        for event, members in sorted(by_event.items()):
            articles = frozenset(g.article for g in members)
            if len(articles) < 2:
                continue
            fact_ids = {hits[g.key].fact_id if g.key in hits else None for g in members}
            subject, prop, qualifier = fact
            found = ", ".join(sorted(_fact_id_label(f) for f in fact_ids))
            joins.append(
                _Join(
                    articles=articles,
                    joined=len(fact_ids) == 1 and None not in fact_ids,
                    label=f"{event}: {subject}/{prop}/{qualifier} in {found}",
                )
            )
    return joins


def _joins_share(joins: Sequence[_Join]) -> Share:
    failures = tuple(j.label for j in joins if not j.joined)
    return Share(len(joins) - len(failures), len(joins), failures)


def _fact_id_label(fact_id: int | None) -> str:
    return "unmatched or no fact" if fact_id is None else f"fact {fact_id}"


def _label(g: GoldFigure) -> str:
    return f"{g.article}: {g.text!r}"


def _predicted(p: PredictedFigure) -> str:
    return f"{p.text!r}@{p.start} = {p.approximation} {p.value:g} {p.unit}"
