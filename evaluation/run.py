"""`factdesk eval`: ingest the gold corpora into a scratch database and score them.

Up to three runs, each on a database of its own: the five seeds alone (what the service
ships), then the seeds plus the extra gold articles (scored on the extras), then the
seeds plus the real corpus of tests/gold/real (scored on its annotated articles, per
split and per topic; skipped while no group has gold). Nothing touches the service's own
data: with DATABASE_URL a scratch database is created and dropped on that server;
without it a throwaway embedded cluster is used.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from evaluation.gold import Gold, gold_sources, load_gold
from evaluation.real_corpus import RealCorpus, load_real_corpus
from evaluation.real_score import ALL, RealReport, score_real
from evaluation.report import (
    check_thresholds,
    format_real_table,
    format_table,
    real_report_to_dict,
    report_to_dict,
)
from evaluation.score import (
    PredictedEntity,
    PredictedFigure,
    PredictedMention,
    PredictedQuote,
    Predictions,
    Report,
    score,
)
from service.config import REPO_ROOT, get_settings
from service.db import evaluation as eval_db
from service.db import migrate
from service.db.pool import create_pool
from service.db.scratch import drop_database, recreate_database, scratch_server
from service.ingest.pipeline import ingest_article
from service.ingest.seeds import SeedArticle, load_curated, read_manifest

GOLD_DIR = REPO_ROOT / "tests" / "gold"
REAL_DIR = GOLD_DIR / "real"
SCRATCH_DB = "factdesk_eval"

# CI fails below these: set a little under what was measured, so that an unrelated
# change does not flap, and never below issue 3's bar for the seeds.
THRESHOLDS: dict[str, dict[str, float]] = {
    # Measured 2026-11-22: figures 1.0/1.0, sourced values 0.979/0.979, facts 0.739/0.85
    # (0.909/0.952 in the seventeenth session, floor 0.88; 1.0/1.0 in the nineteenth,
    # floor 0.95), quotes 1.0/1.0, speakers 0.97/0.97, merges 1.0/0.926 (1.0/1.0 in the
    # nineteenth, once a surname printed only inside its full name was no longer asked
    # for; floor 0.95); no false merge or boilerplate.
    "seeds": {
        "figures.precision": 0.95,
        "figures.recall": 0.95,
        "sourced_values.precision": 0.95,
        "sourced_values.recall": 0.95,
        "facts": 0.95,
        "quotes.recall": 0.95,
        "quote_speakers.precision": 0.9,
        "quote_speakers.recall": 0.9,
        "entity_merges.recall": 0.95,
        "false_merges": 0,
        "must_not_merged": 0,
        "boilerplate_figures": 0,
    },
    # Measured the same day: figures 0.965/0.965, sourced values 0.549/0.491, facts
    # 0.226/0.304, quotes 1.0/1.0, speakers 0.947/0.857, merges 1.0/0.70. In the eleventh
    # session: sourced values 0.737/0.737, facts 0.444/0.522.
    "extra": {
        "figures.recall": 0.9,
        "sourced_values": 0.7,
        "facts": 0.4,
        "quotes.recall": 0.95,
        "quote_speakers.recall": 0.85,
        "entity_merges.recall": 0.65,
        "false_merges": 0,
        "must_not_merged": 0,
        "boilerplate_figures": 0,
    },
    # The real corpus: no false merge, ever.
    "real": {
        "false_merges": 0,
    },
}
# Floors on the real corpus's measures (all 40 articles), set a little under what was
# measured so that an unrelated change does not flap but a regression of the rebuilt
# extraction fails CI. Issue 15's bars (numbers 0.95, units 0.95, concept, subject and
# attribution 0.85, speakers 0.9) are far above these; they replace them as the held-out
# split reaches them. Measured in the twelfth session (2026-12-06): numbers 0.924/0.878,
# units 0.872, concept 0.566, subject 0.481, attribution 0.835, status 0.704, speakers
# 0.826/0.812, malformed 0.175. Fourteenth session: attribution 0.846 (floor 0.83),
# malformed 0.164 (ceiling 0.18). The gold grew to 86 articles on 2026-12-06 (gold6,
# group more_events); measured then on all: numbers 0.900/0.873, units 0.876, concept
# 0.556, subject 0.550, attribution 0.876, status 0.690, speakers 0.830/0.818, malformed
# 0.176: every floor and the ceiling still hold (numbers P exactly at 0.90), so none was
# changed.
# Seventeenth session (86 articles): numbers 0.932/0.901, units 0.896, concept 0.641,
# subject 0.615, attribution 0.885, status 0.645, speakers 0.883/0.871, malformed 0.169;
# the floors moved up under them. Eighteenth session: units 0.903, concept 0.663,
# speakers 0.883/0.877, malformed 0.137; units, concept, speakers' recall and the
# malformed ceiling moved with them. Nineteenth session: units 0.914, concept 0.692,
# subject 0.636; those three floors moved up under them.
REAL_FLOORS: dict[str, float] = {
    "numbers.precision": 0.92,
    "numbers.recall": 0.88,
    "units": 0.9,
    "concept": 0.67,
    "subject": 0.61,
    "attribution": 0.86,
    "status": 0.6,
    "quote_speakers.precision": 0.86,
    "quote_speakers.recall": 0.86,
}
# Shares where lower is better: a ceiling.
REAL_CEILINGS: dict[str, float] = {"malformed_entities": 0.15}


@dataclass(frozen=True, slots=True)
class ScoredText:
    """An article's texts as the scorer reads them: the body, then the standfirst and
    each caption after a blank line, so that a figure printed only there is located
    like any other (gold offsets are into the raw copy, which prints them all)."""

    text: str
    offsets: dict[tuple[str, int | None], int]

    @classmethod
    def of(cls, row: asyncpg.Record) -> ScoredText:
        text: str = row["body"]
        offsets: dict[tuple[str, int | None], int] = {("BODY", None): 0}
        parts: list[tuple[str, int | None, str | None]] = [("STANDFIRST", None, row["standfirst"])]
        parts += [("CAPTION", i, c) for i, c in enumerate(row["captions"])]
        for part, index, part_text in parts:
            if part_text:
                text += _PART_BREAK
                offsets[(part, index)] = len(text)
                text += part_text
        return cls(text, offsets)

    def offset(self, part: str, caption_index: int | None) -> int:
        return self.offsets[(part, caption_index)]


_PART_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    load: tuple[SeedArticle, ...]  # what goes into the database
    scored: frozenset[str]  # the file names whose gold is scored


@contextlib.asynccontextmanager
async def _scratch(server_dsn: str) -> AsyncIterator[asyncpg.Pool]:
    dsn = await recreate_database(server_dsn, SCRATCH_DB)
    try:
        await asyncio.to_thread(migrate.upgrade, dsn)
        pool = await create_pool(dsn, min_size=1, max_size=2)
        try:
            yield pool
        finally:
            await pool.close()
    finally:
        await drop_database(server_dsn, SCRATCH_DB)


async def predictions_for(pool: asyncpg.Pool, corpus: Corpus) -> Predictions:
    """Ingest the corpus through the real pipeline and read back what was stored."""
    await load_curated(pool, REPO_ROOT / "seeds")
    files: dict[int, str] = {}
    for article in corpus.load:
        text = await asyncio.to_thread(article.path.read_text, encoding="utf-8")
        files[(await ingest_article(pool, text, article.meta)).article_id] = article.path.name
    async with pool.acquire() as conn:
        texts = {i: ScoredText.of(r) for i, r in (await eval_db.list_texts(conn)).items()}
        figures = await eval_db.list_figures_for_eval(conn)
        quotes = await eval_db.list_quotes_for_eval(conn)
        entities = await eval_db.list_entities_for_eval(conn)
        mention_rows = await eval_db.list_mentions_for_eval(conn)
    mentions: dict[int, list[PredictedMention]] = {}
    for r in mention_rows:
        if r["article_id"] in files:
            mentions.setdefault(r["entity_id"], []).append(
                PredictedMention(article=files[r["article_id"]], text=r["text"])
            )
    return Predictions(
        figures=tuple(
            PredictedFigure(
                article=files[r["article_id"]],
                text=r["text"],
                start=texts[r["article_id"]].offset(r["part"], r["caption_index"])
                + r["start_offset"],
                end=texts[r["article_id"]].offset(r["part"], r["caption_index"]) + r["end_offset"],
                body=texts[r["article_id"]].text,
                value=r["value"],
                upper_bound=r["upper_bound"],
                approximation=r["approximation"],
                unit=r["unit"],
                property=r["property"],
                subject=r["subject"],
                subject_aliases=tuple(r["subject_aliases"]),
                attributed_to=r["attributed_to"],
                attributed_to_aliases=tuple(r["attributed_to_aliases"]),
                attributed_to_text=r["attributed_to_text"],
                fact_id=r["fact_id"],
                qualifier=r["qualifier"],
                status=r["status"],
            )
            for r in figures
        ),
        quotes=tuple(
            PredictedQuote(
                article=files[r["article_id"]],
                text=r["text"],
                start=r["start_offset"],
                end=r["end_offset"],
                speaker=r["speaker"],
                speaker_aliases=tuple(r["speaker_aliases"]),
                speaker_text=r["speaker_text"],
                is_partial=r["is_partial"],
            )
            for r in quotes
        ),
        entities=tuple(
            PredictedEntity(
                id=r["id"],
                kind=r["kind"],
                name=r["name"],
                aliases=tuple(r["aliases"]),
                articles=tuple(sorted(files[a] for a in r["article_ids"] if a in files)),
                mentions=tuple(mentions.get(r["id"], ())),
            )
            for r in entities
        ),
        bodies={files[i]: text.text for i, text in texts.items() if i in files},
    )


def _only(gold: Gold, names: frozenset[str]) -> Gold:
    return Gold(
        entities=gold.entities,
        articles={k: v for k, v in gold.articles.items() if k in names},
        must_not=gold.must_not,
    )


def corpora(seeds_dir: Path, real: RealCorpus | None) -> list[Corpus]:
    """The runs: seeds, extra, and real when some real article is annotated."""
    seeds = tuple(read_manifest(seeds_dir))
    extras = tuple(read_manifest(GOLD_DIR / "articles"))
    runs = [
        Corpus("seeds", seeds, frozenset(a.path.name for a in seeds)),
        Corpus("extra", seeds + extras, frozenset(a.path.name for a in extras)),
    ]
    if real is not None and real.scored:
        runs.append(Corpus("real", seeds + tuple(a.seed for a in real.articles), real.scored))
    return runs


@dataclass(frozen=True, slots=True)
class Results:
    reports: dict[str, Report]  # seeds and extra
    real: RealReport | None  # None while no real article is annotated


async def evaluate(server_dsn: str, seeds_dir: Path) -> Results:
    # Both gold sets are loaded (and checked) before any ingestion.
    gold = load_gold(gold_sources(GOLD_DIR, seeds_dir=seeds_dir))
    real = load_real_corpus(REAL_DIR)
    reports: dict[str, Report] = {}
    real_report: RealReport | None = None
    for corpus in corpora(seeds_dir, real):
        async with _scratch(server_dsn) as pool:
            predicted = await predictions_for(pool, corpus)
        if corpus.name == "real":
            assert real is not None
            real_report = score_real(real.gold, predicted, real.labels)
        else:
            reports[corpus.name] = score(_only(gold, corpus.scored), predicted)
    return Results(reports=reports, real=real_report)


def check_real_floors(real: RealReport) -> list[str]:
    """The real corpus's measures under REAL_FLOORS or over REAL_CEILINGS."""
    shares = real.slices[ALL].shares
    bounds = [(m, b, True) for m, b in REAL_FLOORS.items()]
    bounds += [(m, b, False) for m, b in REAL_CEILINGS.items()]
    failures = []
    for measure, bound, floor in bounds:
        ratio = shares[measure].ratio
        if ratio is not None and (ratio < bound if floor else ratio > bound):
            failures.append(f"{measure}: {ratio:.3f} {'<' if floor else '>'} {bound:.3f}")
    return failures


def run_eval(args: argparse.Namespace) -> int:
    seeds_dir = get_settings().factdesk_seeds_dir
    with scratch_server(get_settings().dsn, prefix="factdesk-eval-") as server_dsn:
        results = asyncio.run(evaluate(server_dsn, seeds_dir))
    reports, real = results.reports, results.real
    failures = [
        f"{name}: {failure}"
        for name, report in reports.items()
        for failure in check_thresholds(report, THRESHOLDS[name])
    ]
    if real is not None:
        failures += [
            f"real: {failure}"
            for failure in check_thresholds(real.slices[ALL].report, THRESHOLDS["real"])
        ]
        failures += [f"real: {failure}" for failure in check_real_floors(real)]
    if args.json:
        output: dict[str, object] = {n: report_to_dict(r) for n, r in reports.items()}
        if real is not None:
            output["real"] = real_report_to_dict(real)
        print(json.dumps(output, indent=2))
    else:
        for name, report in reports.items():
            print(f"== {name}\n{format_table(report)}\n")
        if real is not None:
            print(f"== real\n{format_real_table(real)}\n")
    if real is None:
        print(f"real: no annotated article under {REAL_DIR} yet: not scored", file=sys.stderr)
    if failures:
        print("below thresholds:\n  " + "\n  ".join(failures), file=sys.stderr)
    return 1 if failures and args.check else 0
