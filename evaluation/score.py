"""Scores extraction predictions against the hand-made gold (pure: no I/O).

Gold items are anchored in the raw copy; predictions carry offsets into the parsed
body. Each gold item is located in the predicted body by the copy around it, and a
prediction matches when its span overlaps that place and its text agrees.

Categories (each a Metric of tp/fp/fn):
- figures: a gold figure found with the right value and approximation. False
  positives are predicted figures that claim something (have a property, or sit on a
  gold figure) and are not right; figures without a property elsewhere are free.
- sourced_values: a figure found AND right property (one of the gold's acceptable
  keys), subject and attribution.
  False positives: predicted figures with a property that are not such a hit.
- facts: gold facts are gold figures grouped by (subject, property, qualifier) across
  articles. A predicted fact (figures sharing a fact_id) is judged only when it holds
  at least one gold figure; it is right when the gold figures it holds are exactly
  one gold fact's figures, all of them. Unannotated figures in it do not spoil it.
- quotes: a gold quote found. A not_speakers quotation (poem, slogan, scare quote) may
  be left out or kept without a speaker; kept with a speaker it is a speaker error.
- quote_speakers: over found gold quotes. Right (tp): the gold entity, or the gold
  description for an unnamed speaker, or no speaker for a poem or slogan. A wrong
  speaker asserted counts fp; a gold speaker missed or wrong counts fn.
- entity_merges: pairwise over names the gold knows (in one cluster only) and the
  scored bodies print. Gold pairs are two names of one cluster; predicted pairs are two
  such names held by one predicted entity.
Predictions overlapping an `ignore` string are not judged unless they match gold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TypeVar

from evaluation.gold import (
    Gold,
    GoldArticle,
    GoldFigure,
    GoldQuote,
    normalize_name,
)

_Item = TypeVar("_Item", "PredictedFigure", "PredictedQuote")

CATEGORIES = (
    "figures",
    "sourced_values",
    "facts",
    "quotes",
    "quote_speakers",
    "entity_merges",
)
# Quote marks may or may not be inside a predicted quote span.
_QUOTE_SLACK = 3
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")
_PUNCTUATION = re.compile(r"[^\w\s'-]")
_WS = re.compile(r"(\s+)")


@dataclass(frozen=True, slots=True)
class PredictedFigure:
    article: str
    text: str
    start: int
    end: int
    body: str
    value: float
    upper_bound: float | None
    approximation: str
    unit: str
    property: str | None
    subject: str | None
    subject_aliases: tuple[str, ...]
    attributed_to: str | None
    attributed_to_aliases: tuple[str, ...]
    attributed_to_text: str | None
    fact_id: int | None
    qualifier: str | None
    status: str | None


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    article: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_aliases: tuple[str, ...]
    speaker_text: str | None
    is_partial: bool


@dataclass(frozen=True, slots=True)
class PredictedMention:
    """One spelling under which an entity is printed in an article."""

    article: str
    text: str


@dataclass(frozen=True, slots=True)
class PredictedEntity:
    id: int
    kind: str
    name: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    # The spellings it was found under in the scored articles (distinct per article).
    mentions: tuple[PredictedMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Predictions:
    figures: tuple[PredictedFigure, ...]
    quotes: tuple[PredictedQuote, ...]
    entities: tuple[PredictedEntity, ...]
    bodies: Mapping[str, str]  # article file name -> parsed body


@dataclass(frozen=True, slots=True)
class Metric:
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> Metric:
        """Empty denominators count as perfect (nothing to get wrong)."""
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(tp=tp, fp=fp, fn=fn, precision=precision, recall=recall, f1=f1)


@dataclass(frozen=True, slots=True)
class Report:
    metrics: Mapping[str, Metric]
    # Predicted entities holding names of two or more gold clusters.
    false_merges: tuple[str, ...]
    # must_not pairs that one predicted entity holds.
    must_not_merged: tuple[tuple[str, str], ...]
    # Predicted figures on a not_figures string (boilerplate, dates, addresses...).
    boilerplate_figures: tuple[str, ...]
    misses: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    false_positives: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


class _Tally:
    def __init__(self) -> None:
        self.tp = 0
        self.fp: list[str] = []
        self.fn: list[str] = []

    def metric(self) -> Metric:
        return Metric.from_counts(self.tp, len(self.fp), len(self.fn))


def score(gold: Gold, predicted: Predictions) -> Report:
    """Compare predictions with the gold, article by article and corpus-wide."""
    tallies = {category: _Tally() for category in CATEGORIES}
    figure_matches: dict[tuple[str, int], PredictedFigure] = {}
    boilerplate: list[str] = []
    figures_by_article = _by_article(predicted.figures)
    quotes_by_article = _by_article(predicted.quotes)
    for name, article in gold.articles.items():
        body = predicted.bodies.get(name)
        figures = figures_by_article.get(name, [])
        quotes = quotes_by_article.get(name, [])
        if body is None:
            for figure in article.figures:
                for category in ("figures", "sourced_values"):
                    tallies[category].fn.append(f"{_describe(figure)}: article not predicted")
            for quote in article.quotes:
                tallies["quotes"].fn.append(f"{_describe_quote(quote)}: article not predicted")
            continue
        ignored = spans_of(body, article.ignore)
        figure_matches.update(_score_figures(gold, article, body, figures, ignored, tallies))
        _score_quotes(gold, article, body, quotes, ignored, tallies)
        boilerplate.extend(_boilerplate_figures(article, body, figures))
    _score_facts(gold, predicted.figures, figure_matches, tallies["facts"])
    false_merges, must_not_merged = _score_merges(
        gold, predicted.entities, predicted.bodies.values(), tallies
    )
    return Report(
        metrics={category: tallies[category].metric() for category in CATEGORIES},
        false_merges=false_merges,
        must_not_merged=must_not_merged,
        boilerplate_figures=tuple(boilerplate),
        misses={c: tuple(t.fn) for c, t in tallies.items()},
        false_positives={c: tuple(t.fp) for c, t in tallies.items()},
    )


# -- locating gold in the predicted body ------------------------------------------


def locate(article: GoldArticle, raw_start: int, length: int, body: str) -> int | None:
    """Body offset of the gold item at raw offset `raw_start`, or None when absent.

    Tries the item's whole line of copy, then shrinking windows around it, so that
    the same words elsewhere (a headline, a caption) are not taken for it.
    """
    raw = article.raw.replace("\xa0", " ")
    text = body.replace("\xa0", " ")
    line_start = raw.rfind("\n", 0, raw_start) + 1
    line_end = raw.find("\n", raw_start)
    line_end = len(raw) if line_end < 0 else line_end
    while line_start < raw_start and raw[line_start].isspace():
        line_start += 1
    while line_end > raw_start + length and raw[line_end - 1].isspace():
        line_end -= 1
    for margin in (None, 60, 25, 8):
        if margin is None:
            lo, hi = line_start, line_end
        else:
            lo = max(line_start, raw_start - margin)
            hi = min(line_end, raw_start + length + margin)
        pattern = _loose(raw[lo:raw_start]) + "()" + _loose(raw[raw_start:hi])
        match = re.search(pattern, text)
        if match is not None:
            return match.start(1)
    return None


def _loose(text: str) -> str:
    """A pattern for `text` that lets runs of whitespace differ (a parser may tidy them)."""
    parts = (part for part in _WS.split(text) if part)
    return "".join(r"\s+" if part.isspace() else re.escape(part) for part in parts)


def spans_of(body: str, strings: Iterable[str]) -> list[tuple[int, int]]:
    """Every place in `body` where one of `strings` is printed (whitespace may differ)."""
    spans: list[tuple[int, int]] = []
    for string in strings:
        pattern = _loose(string)
        spans.extend((m.start(), m.end()) for m in re.finditer(pattern, body))
    return spans


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def in_any(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the span [start, end) overlaps one of `spans`."""
    return any(_overlaps(start, end, s, e) for s, e in spans)


# -- figures -------------------------------------------------------------------------


def _score_figures(
    gold: Gold,
    article: GoldArticle,
    body: str,
    figures: Sequence[PredictedFigure],
    ignored: Sequence[tuple[int, int]],
    tallies: Mapping[str, _Tally],
) -> dict[tuple[str, int], PredictedFigure]:
    matches, unlocated = match_figures(article, body, figures)
    matched_predictions = set(matches.values())
    figures_tally, sourced_tally = tallies["figures"], tallies["sourced_values"]
    for g in unlocated:
        figures_tally.fn.append(f"{_describe(g)}: not in the body")
        sourced_tally.fn.append(f"{_describe(g)}: not in the body")
    sourced_hits: set[int] = set()
    value_hits: set[int] = set()
    for g in article.figures:
        if g in unlocated:
            continue
        index = matches.get(g.key)
        if index is None:
            figures_tally.fn.append(f"{_describe(g)}: not found")
            sourced_tally.fn.append(f"{_describe(g)}: not found")
            continue
        p = figures[index]
        if not value_right(g, p):
            figures_tally.fn.append(f"{_describe(g)}: got {_describe_prediction(p)}")
            sourced_tally.fn.append(f"{_describe(g)}: wrong value")
            continue
        figures_tally.tp += 1
        value_hits.add(index)
        wrong = _sourcing_errors(gold, g, p)
        if wrong:
            sourced_tally.fn.append(f"{_describe(g)}: wrong {', '.join(wrong)}")
            continue
        sourced_tally.tp += 1
        sourced_hits.add(index)
    for i, p in enumerate(figures):
        judged = i in matched_predictions or (
            p.property is not None and not in_any(p.start, p.end, ignored)
        )
        if not judged:
            continue
        if i not in value_hits:
            figures_tally.fp.append(_describe_prediction(p))
        if p.property is not None and i not in sourced_hits:
            sourced_tally.fp.append(_describe_prediction(p))
    return {key: figures[i] for key, i in matches.items()}


def match_figures(
    article: GoldArticle, body: str, figures: Sequence[PredictedFigure]
) -> tuple[dict[tuple[str, int], int], list[GoldFigure]]:
    """Gold figure key -> index of the prediction on its place (value not judged), and
    the gold figures not located in the body at all."""
    candidates: list[tuple[tuple[int, int, int], GoldFigure, int]] = []
    unlocated: list[GoldFigure] = []
    for g in article.figures:
        start = locate(article, g.raw_start, len(g.text), body)
        if start is None:
            unlocated.append(g)
            continue
        end = start + len(g.text)
        for i, p in enumerate(figures):
            if not _overlaps(start, end, p.start, p.end):
                continue
            if g.text in p.text or p.text in g.text:
                rank = (0 if p.text == g.text else 1, abs(len(p.text) - len(g.text)), i)
                candidates.append((rank, g, i))
    return _assign(candidates), unlocated


def _assign(
    candidates: list[tuple[tuple[int, int, int], GoldFigure, int]],
) -> dict[tuple[str, int], int]:
    """Greedy one-to-one matching, closest text first."""
    matches: dict[tuple[str, int], int] = {}
    used: set[int] = set()
    for _, g, i in sorted(candidates, key=lambda c: (c[0], c[1].index)):
        if g.key in matches or i in used:
            continue
        matches[g.key] = i
        used.add(i)
    return matches


def value_right(g: GoldFigure, p: PredictedFigure) -> bool:
    """The predicted value and approximation are the gold's (a vague one by magnitude)."""
    if g.approximation == "VAGUE":
        # "hundreds", "dozens": the reading of the lower value varies; the order of
        # magnitude must not.
        upper = g.upper_bound if g.upper_bound is not None else g.value * 10
        return p.approximation == "VAGUE" and g.value / 2 <= p.value <= upper
    return p.approximation == g.approximation and abs(p.value - g.value) <= 1e-6 * max(
        1.0, abs(g.value)
    )


def _sourcing_errors(gold: Gold, g: GoldFigure, p: PredictedFigure) -> list[str]:
    wrong: list[str] = []
    if not property_right(g, p):
        wrong.append(f"property {p.property}")
    if g.subject is None:
        if p.subject is not None:
            wrong.append(f"subject {p.subject}")
    elif not entity_matches(gold, (g.subject,), p.subject, p.subject_aliases):
        wrong.append(f"subject {p.subject}")
    if not attribution_right(gold, g, p):
        wrong.append(f"attribution {p.attributed_to or p.attributed_to_text}")
    return wrong


def property_right(g: GoldFigure, p: PredictedFigure) -> bool:
    """The predicted property is one of the gold's acceptable keys (none for none)."""
    if not g.properties:
        return p.property is None
    return p.property in g.properties


def attribution_right(gold: Gold, g: GoldFigure, p: PredictedFigure) -> bool:
    """The gold source (an entity, else its description), or none for none."""
    if g.attributed_to and entity_matches(
        gold, g.attributed_to, p.attributed_to, p.attributed_to_aliases
    ):
        return True
    if g.attributed_to_text is not None:
        return descriptions_match(g.attributed_to_text, p.attributed_to_text)
    if g.attributed_to:
        return False
    return p.attributed_to is None and p.attributed_to_text is None


def entity_matches(
    gold: Gold, ids: Sequence[str], name: str | None, aliases: Sequence[str]
) -> bool:
    """Whether a predicted entity (name and aliases) is one of the gold entities `ids`."""
    if name is None:
        return False
    predicted = {normalize_name(n) for n in (name, *aliases)}
    return any(
        normalize_name(gold_name) in predicted
        for entity_id in ids
        if (entity := gold.entities.get(entity_id)) is not None
        for gold_name in entity.names
    )


def _description_key(text: str) -> str:
    return _LEADING_ARTICLE.sub("", _PUNCTUATION.sub("", normalize_name(text))).strip()


def descriptions_match(gold_text: str, predicted_text: str | None) -> bool:
    """Equal after case, leading article and punctuation, or one inside the other."""
    if predicted_text is None:
        return False
    a, b = _description_key(gold_text), _description_key(predicted_text)
    if not a or not b:
        return False
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


# -- facts ---------------------------------------------------------------------------


def _score_facts(
    gold: Gold,
    figures: Sequence[PredictedFigure],
    matches: Mapping[tuple[str, int], PredictedFigure],
    tally: _Tally,
) -> None:
    gold_facts = gold.facts()
    gold_of_prediction = {id(p): key for key, p in matches.items()}
    fact_of_gold = {f.key: fact for fact, members in gold_facts.items() for f in members}
    predicted_groups: dict[int, set[tuple[str, int]]] = {}
    for p in figures:
        if p.fact_id is None:
            continue
        group = predicted_groups.setdefault(p.fact_id, set())
        if (key := gold_of_prediction.get(id(p))) is not None:
            group.add(key)
    found: set[tuple[str, str, str | None]] = set()
    for fact_id, members in sorted(predicted_groups.items()):
        if not members:
            continue
        facts_held = {fact_of_gold.get(key) for key in members}
        fact = next(iter(facts_held)) if len(facts_held) == 1 else None
        if fact is not None and {f.key for f in gold_facts[fact]} == members:
            tally.tp += 1
            found.add(fact)
        else:
            held = ", ".join(sorted(_fact_label(f) for f in facts_held))
            tally.fp.append(f"fact {fact_id}: {len(members)} gold figures from {held}")
    for fact, gold_figures in gold_facts.items():
        if fact not in found:
            tally.fn.append(f"{_fact_label(fact)} ({len(gold_figures)} figures)")


def _fact_label(fact: tuple[str, str, str | None] | None) -> str:
    if fact is None:
        return "no gold fact"
    subject, prop, qualifier = fact
    return f"{subject}/{prop}" + (f"/{qualifier}" if qualifier else "")


# -- quotes --------------------------------------------------------------------------


def _score_quotes(
    gold: Gold,
    article: GoldArticle,
    body: str,
    quotes: Sequence[PredictedQuote],
    ignored: Sequence[tuple[int, int]],
    tallies: Mapping[str, _Tally],
) -> None:
    candidates: list[tuple[int, int, GoldQuote, int]] = []
    unlocated: set[int] = set()
    for g in article.quotes:
        start = locate(article, g.raw_start, len(g.text), body)
        if start is None:
            tallies["quotes"].fn.append(f"{_describe_quote(g)}: not in the body")
            unlocated.add(g.index)
            continue
        end = start + len(g.text)
        for i, p in enumerate(quotes):
            start_gap = abs(p.start - start)
            if start_gap > _QUOTE_SLACK or not _overlaps(start, end, p.start, p.end):
                continue
            if not g.is_prefix and abs(p.end - end) > _QUOTE_SLACK:
                continue
            candidates.append((start_gap, g.index, g, i))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, g, i in sorted(candidates, key=lambda c: (c[0], c[1])):
        if g.index in matched or i in used:
            continue
        matched[g.index] = i
        used.add(i)
    quotes_tally, speakers_tally = tallies["quotes"], tallies["quote_speakers"]
    for g in article.quotes:
        if g.index not in matched:
            if g.no_speaker:
                continue  # a poem or slogan left out is as right as one kept without speaker
            if g.index not in unlocated:
                quotes_tally.fn.append(f"{_describe_quote(g)}: not found")
            continue
        quotes_tally.tp += 1
        p = quotes[matched[g.index]]
        right = _speaker_right(gold, g, p)
        asserted = p.speaker is not None or p.speaker_text is not None
        said = p.speaker or p.speaker_text
        if right:
            speakers_tally.tp += 1
            continue
        if g.no_speaker:
            speakers_tally.fp.append(f"{_describe_quote(g)}: pinned on {said}")
            continue
        if asserted:
            speakers_tally.fp.append(f"{_describe_quote(g)}: said to be {said}")
        speakers_tally.fn.append(f"{_describe_quote(g)}: speaker {said}")
    for i, p in enumerate(quotes):
        if i not in used and not in_any(p.start, p.end, ignored):
            quotes_tally.fp.append(f"{p.article}: quote {p.text[:50]!r}")


def _speaker_right(gold: Gold, g: GoldQuote, p: PredictedQuote) -> bool:
    if g.no_speaker:
        return p.speaker is None
    if g.speakers and entity_matches(gold, g.speakers, p.speaker, p.speaker_aliases):
        return True
    if g.speaker_text is None:
        return False
    if not g.speakers and p.speaker is not None:
        return False  # an unnamed speaker pinned on a named entity
    return descriptions_match(g.speaker_text, p.speaker_text)


# -- entities ------------------------------------------------------------------------


def _score_merges(
    gold: Gold,
    entities: Sequence[PredictedEntity],
    bodies: Iterable[str],
    tallies: Mapping[str, _Tally],
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    cluster_of: dict[str, str] = {}
    gold_pairs: set[tuple[str, str]] = set()
    # Only names the scored corpus prints can be merged: the seeds alone never print the
    # spellings that only the extra articles use.
    printed = normalize_name(" \n ".join(bodies))
    owners: dict[str, set[str]] = {}
    for entity in gold.entities.values():
        for name in map(normalize_name, entity.names):
            owners.setdefault(name, set()).add(entity.id)
    for entity in gold.entities.values():
        # A spelling two clusters share (only the real corpus allows it) says nothing
        # about which of them a predicted entity is: it is left out of the pairs.
        spellings = set(map(normalize_name, entity.names))
        names = sorted(
            n for n in spellings if len(owners[n]) == 1 and _printed_alone(n, spellings, printed)
        )
        for name in names:
            cluster_of[name] = entity.id
        gold_pairs.update(combinations(names, 2))
    predicted_pairs: set[tuple[str, str]] = set()
    false_merges: list[str] = []
    clusters_together: list[set[str]] = []
    for predicted in entities:
        known = sorted(
            {
                n
                for n in map(normalize_name, (predicted.name, *predicted.aliases))
                if n in cluster_of
            }
        )
        predicted_pairs.update(combinations(known, 2))
        clusters = {cluster_of[n] for n in known}
        clusters_together.append(clusters)
        if len(clusters) > 1:
            spanned = ", ".join(sorted(clusters))
            false_merges.append(f"entity {predicted.id} {predicted.name!r}: {spanned}")
    tally = tallies["entity_merges"]
    for a, b in sorted(predicted_pairs):
        if (a, b) in gold_pairs:
            tally.tp += 1
        else:
            tally.fp.append(f"{a!r} + {b!r} ({cluster_of[a]} / {cluster_of[b]})")
    for a, b in sorted(gold_pairs - predicted_pairs):
        tally.fn.append(f"{a!r} + {b!r} ({cluster_of[a]})")
    merged = tuple((a, b) for a, b in gold.must_not if any({a, b} <= c for c in clusters_together))
    return tuple(false_merges), merged


def _printed_alone(name: str, spellings: set[str], printed: str) -> bool:
    """Whether the bodies print ``name`` as a word of its own, outside the longer
    spellings of its cluster: "Marat Kozhayev" prints no bare "Kozhayev", so the seeds
    ask nobody to merge a surname they never print alone."""
    for longer in sorted((s for s in spellings if name in s and s != name), key=len, reverse=True):
        printed = printed.replace(longer, " ")
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", printed) is not None


# -- boilerplate ---------------------------------------------------------------------


def _boilerplate_figures(
    article: GoldArticle, body: str, figures: Sequence[PredictedFigure]
) -> list[str]:
    spans = spans_of(body, article.not_figures)
    return [
        _describe_prediction(p)
        for p in figures
        if in_any(p.start, p.end, spans) or any(s in p.text for s in article.not_figures)
    ]


# -- helpers -------------------------------------------------------------------------


def _by_article(items: Iterable[_Item]) -> dict[str, list[_Item]]:
    grouped: dict[str, list[_Item]] = {}
    for item in items:
        grouped.setdefault(item.article, []).append(item)
    return grouped


def _describe(g: GoldFigure) -> str:
    return f"{g.article}: {g.text!r} ({g.property} of {g.subject})"


def _describe_quote(g: GoldQuote) -> str:
    return f"{g.article}: quote {g.text[:50]!r}"


def _describe_prediction(p: PredictedFigure) -> str:
    return (
        f"{p.article}: {p.text!r}@{p.start} = {p.approximation} {p.value:g} "
        f"{p.property} of {p.subject}, from {p.attributed_to or p.attributed_to_text}"
    )


__all__ = [
    "CATEGORIES",
    "Metric",
    "PredictedEntity",
    "PredictedFigure",
    "PredictedMention",
    "PredictedQuote",
    "Predictions",
    "Report",
    "attribution_right",
    "descriptions_match",
    "entity_matches",
    "in_any",
    "locate",
    "match_figures",
    "property_right",
    "score",
    "spans_of",
    "value_right",
]
