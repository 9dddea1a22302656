"""Presents scoring results: plain-text tables, JSON-ready dicts, threshold checks."""

from __future__ import annotations

from collections.abc import Mapping

from evaluation.real_score import ALL, COUNT_MEASURES, MEASURES, RealReport
from evaluation.score import CATEGORIES, Report

# Counts where lower is better: a threshold on them is a maximum, not a minimum.
COUNTS = ("false_merges", "must_not_merged", "boilerplate_figures")
_MEASURES = ("precision", "recall", "f1")


def format_table(report: Report) -> str:
    """One row per category (P, R, F1, tp/fp/fn), then the error counts."""
    lines = [f"{'category':<16} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn"]
    for category in CATEGORIES:
        m = report.metrics[category]
        lines.append(
            f"{category:<16} {m.precision:>6.3f} {m.recall:>6.3f} {m.f1:>6.3f}  "
            f"{m.tp}/{m.fp}/{m.fn}"
        )
    for name, count in _counts(report).items():
        lines.append(f"{name:<16} {count:>6}")
    return "\n".join(lines)


def report_to_dict(report: Report) -> dict[str, object]:
    """Plain data for JSON: metrics, error counts and the lists behind them."""
    return {
        "metrics": {
            category: {
                "precision": m.precision,
                "recall": m.recall,
                "f1": m.f1,
                "tp": m.tp,
                "fp": m.fp,
                "fn": m.fn,
            }
            for category, m in ((c, report.metrics[c]) for c in CATEGORIES)
        },
        "counts": _counts(report),
        "false_merges": list(report.false_merges),
        "must_not_merged": [list(pair) for pair in report.must_not_merged],
        "boilerplate_figures": list(report.boilerplate_figures),
        "misses": {c: list(items) for c, items in report.misses.items()},
        "false_positives": {c: list(items) for c, items in report.false_positives.items()},
    }


def check_thresholds(report: Report, thresholds: Mapping[str, float]) -> list[str]:
    """Failures, one line each, for thresholds the report does not meet.

    Keys: "<category>.<precision|recall|f1>" or a bare "<category>" (meaning its F1)
    are minimums; "false_merges", "must_not_merged" and "boilerplate_figures" are
    maximum counts. An unknown key is itself a failure, so a typo cannot pass.
    """
    failures: list[str] = []
    counts = _counts(report)
    for key, limit in sorted(thresholds.items()):
        if key in counts:
            if counts[key] > limit:
                failures.append(f"{key}: {counts[key]} > {limit:g}")
            continue
        category, _, measure = key.partition(".")
        measure = measure or "f1"
        if category not in report.metrics or measure not in _MEASURES:
            failures.append(f"{key}: unknown threshold")
            continue
        actual = float(getattr(report.metrics[category], measure))
        if actual < limit:
            failures.append(f"{category}.{measure}: {actual:.3f} < {limit:.3f}")
    return failures


def _counts(report: Report) -> dict[str, int]:
    return {
        "false_merges": len(report.false_merges),
        "must_not_merged": len(report.must_not_merged),
        "boilerplate_figures": len(report.boilerplate_figures),
    }


# -- the real corpus -----------------------------------------------------------------


def format_real_table(real: RealReport) -> str:
    """One row per measure, one column per slice: all, tune, heldout, then each topic.

    A share reads "0.950 19/20"; "-" when there was nothing to measure. For
    malformed_entities, false_merges and must_not_merged lower is better.
    """
    columns = list(real.slices)
    rows: list[tuple[str, list[str]]] = [
        ("articles", [str(len(real.slices[c].articles)) for c in columns])
    ]
    for measure in MEASURES:
        cells = []
        for column in columns:
            scored = real.slices[column]
            if measure in COUNT_MEASURES:
                cells.append(str(scored.counts[measure]))
                continue
            share = scored.shares[measure]
            ratio = "-" if share.ratio is None else f"{share.ratio:.3f}"
            cells.append(f"{ratio} {share.hits}/{share.total}")
        rows.append((measure, cells))
    width = 2 + max(len(cell) for cell in (*columns, *(c for _, cells in rows for c in cells)))
    label = 2 + max(len(measure) for measure, _ in rows)
    lines = [f"{'measure':<{label}}" + "".join(f"{c:>{width}}" for c in columns)]
    lines += [
        f"{measure:<{label}}" + "".join(f"{cell:>{width}}" for cell in cells)
        for measure, cells in rows
    ]
    return "\n".join(lines)


def real_report_to_dict(real: RealReport) -> dict[str, object]:
    """Per slice: its articles and every measure; the items behind each share of "all"."""
    slices: dict[str, object] = {}
    for column, scored in real.slices.items():
        measures: dict[str, object] = {
            measure: {"value": share.ratio, "hits": share.hits, "total": share.total}
            for measure, share in scored.shares.items()
        }
        measures.update(scored.counts)
        entry: dict[str, object] = {"articles": list(scored.articles), "measures": measures}
        if column == ALL:
            entry["items"] = {m: list(share.items) for m, share in scored.shares.items()}
            entry["false_merges"] = list(scored.report.false_merges)
            entry["must_not_merged"] = [list(pair) for pair in scored.report.must_not_merged]
        slices[column] = entry
    return slices
