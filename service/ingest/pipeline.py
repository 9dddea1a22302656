"""The ingest pipeline: parse and extract (pure), then one transaction per article.

The seed loader, the CLI, GraphQL and REST all ingest through `ingest_article`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import asyncpg
from anyascii import anyascii

from service import metrics
from service.config import get_settings
from service.db import articles as articles_db
from service.db import changes as changes_db
from service.db import entities as entities_db
from service.db import extracted as extracted_db
from service.db import facts as facts_db
from service.db import judgements as judgements_db
from service.db import outlets as outlets_db
from service.db.pool import Connection
from service.ingest.facts.agreement import reported as reported_value
from service.ingest.facts.agreement import stored_agreement
from service.ingest.facts.reported import ReportedValue, agreed_interval, fact_label
from service.ingest.figures import forms_fact
from service.ingest.idempotency import (
    IdempotencyKey,
    claim_key,
    record_answer,
    stored_answer,
)
from service.ingest.model import ArticleMeta, Extraction, ParsedArticle
from service.ingest.outcome import IngestResult
from service.ingest.parse.article import parse_article
from service.ingest.quotes.statement_keys import statement_key
from service.ingest.republication import record_first_publication, record_republication
from service.ingest.resolution.store import resolve_entities
from service.ingest.workers import extract_within
from service.ingest.workers import installed as installed_workers
from service.shutdown import finishing
from service.tracing import span, traced

UNKNOWN_OUTLET = "Unknown outlet"

# Tests inject a failure between writes to prove the transaction leaves nothing behind.
Checkpoint = Callable[[str], Awaitable[None]]


@traced("ingest")
async def ingest_article(
    pool: asyncpg.Pool,
    text: str,
    meta: ArticleMeta | None = None,
    *,
    checkpoint: Checkpoint | None = None,
    idempotency: IdempotencyKey | None = None,
) -> IngestResult:
    """Parse, extract and store one article; the same text again returns the stored one.
    With ``idempotency``, the answer is stored under its key in the article's transaction,
    and a request with that key again gets it back (ingesting nothing). Should the server
    stop meanwhile, it has a short window to finish, else it is stopped whole and
    ShuttingDownError raised (shutdown.py)."""
    return await finishing(
        _ingest_article(pool, text, meta, checkpoint=checkpoint, idempotency=idempotency)
    )


async def _ingest_article(
    pool: asyncpg.Pool,
    text: str,
    meta: ArticleMeta | None,
    *,
    checkpoint: Checkpoint | None,
    idempotency: IdempotencyKey | None,
) -> IngestResult:
    started = time.perf_counter()
    outcome = "failed"
    try:
        if idempotency is not None:
            async with pool.acquire() as conn:
                replayed = await stored_answer(conn, idempotency)
            if replayed is not None:
                outcome = "replayed"
                return replayed
        parsed = await parse_text(text, meta)
        existing = await _existing(pool, parsed)
        if existing is not None and idempotency is None and parsed.outlet is None:
            outcome = "existing"  # nothing to record: no outlet, no key
            return IngestResult(article_id=existing, created=False)
        extraction = await extract_parsed(parsed) if existing is None else None
        url = meta.url if meta else None
        async with pool.acquire() as conn, conn.transaction():
            if idempotency is not None and not await claim_key(conn, idempotency):
                replayed = await stored_answer(conn, idempotency)
                if replayed is None:
                    raise RuntimeError("an idempotency key held but not answered")
                outcome = "replayed"
                return replayed
            if extraction is None:
                assert existing is not None
                result = await _republished(conn, parsed, existing, url)
            else:
                result = await store_article(
                    conn, parsed, extraction, url=url, checkpoint=checkpoint
                )
            if idempotency is not None:
                result = await record_answer(conn, idempotency, result)
        outcome = _outcome(result)
        return result
    finally:
        metrics.INGESTS.labels(outcome).inc()
        metrics.INGEST_LATENCY.observe(time.perf_counter() - started)


@traced("ingest.parse")
async def parse_text(text: str, meta: ArticleMeta | None) -> ParsedArticle:
    """The parse, in a worker process when `serve` runs them, else in a thread: either
    way not on the event loop, which keeps answering other requests meanwhile."""
    workers = installed_workers()
    if workers is None:
        return await asyncio.to_thread(parse_article, text, meta)
    return await workers.parse(text, meta, budget=get_settings().factdesk_extraction_budget)


@traced("ingest.extract")
async def extract_parsed(parsed: ParsedArticle) -> Extraction:
    """The extraction, in a worker process when `serve` runs them (with the pool's CPU
    budget), else in a thread (with FACTDESK_EXTRACTION_CPU_BUDGET)."""
    settings = get_settings()
    workers = installed_workers()
    if workers is None:
        return await asyncio.to_thread(
            extract_within, parsed, settings.factdesk_extraction_cpu_budget
        )
    return await workers.extract(parsed, budget=settings.factdesk_extraction_budget)


async def _republished(
    conn: Connection, parsed: ParsedArticle, article_id: int, url: str | None
) -> IngestResult:
    added = await record_republication(conn, parsed, article_id=article_id, url=url)
    if added:
        facts = await changes_db.list_fact_ids_of_article(conn, article_id=article_id)
        await changes_db.append_change(
            conn, kind="republication", article_id=article_id, fact_ids=facts
        )
    return IngestResult(article_id=article_id, created=False, republished=added)


def _outcome(result: IngestResult) -> str:
    if result.created:
        return "created"
    return "republished" if result.republished else "existing"


@traced("ingest")
async def ingest_extracted(
    pool: asyncpg.Pool,
    parsed: ParsedArticle,
    extraction: Extraction,
    *,
    url: str | None = None,
) -> IngestResult:
    """Store one article parsed and extracted elsewhere (``workers.ExtractionPool``):
    the same text again returns the stored one (the article insert finds it by hash)."""
    started = time.perf_counter()
    outcome = "failed"
    try:
        async with pool.acquire() as conn, conn.transaction():
            result = await store_article(conn, parsed, extraction, url=url)
        outcome = _outcome(result)
        return result
    finally:
        metrics.INGESTS.labels(outcome).inc()
        metrics.INGEST_LATENCY.observe(time.perf_counter() - started)


async def _existing(pool: asyncpg.Pool, parsed: ParsedArticle) -> int | None:
    async with pool.acquire() as conn:
        return await _stored(conn, parsed)


async def _stored(conn: Connection, parsed: ParsedArticle) -> int | None:
    """The live article with this copy, or telling this story under other furniture."""
    return await articles_db.find_article_id_by_hash(
        conn, content_hash=parsed.content_hash, story_hash=parsed.story_hash
    )


@traced("ingest.store")
async def store_article(
    conn: Connection,
    parsed: ParsedArticle,
    extraction: Extraction,
    *,
    url: str | None = None,
    checkpoint: Checkpoint | None = None,
) -> IngestResult:
    """Write one article and everything extracted from it. The caller owns the transaction."""
    inserted = await _insert_article(conn, parsed, url)
    if not inserted.created:  # the same copy, committed concurrently
        return await _republished(conn, parsed, inserted.article_id, url)
    article_id = inserted.article_id
    if checkpoint:
        await checkpoint("article")
    written = await write_extraction(
        conn, article_id=article_id, extraction=extraction, checkpoint=checkpoint
    )
    await _check_disputes(conn, written.facts, written.figures)
    await changes_db.append_change(
        conn,
        kind="ingest",
        article_id=article_id,
        fact_ids=[fact.id for fact in written.facts.values()],
    )
    return IngestResult(article_id=article_id, created=True)


@dataclass(frozen=True, slots=True)
class Written:
    """The facts an article's figures belong to, and the figures as written."""

    facts: dict[facts_db.ClaimKey, facts_db.ClaimedFact]
    figures: list[extracted_db.NewFigure]


async def write_extraction(
    conn: Connection,
    *,
    article_id: int,
    extraction: Extraction,
    checkpoint: Checkpoint | None = None,
) -> Written:
    """Resolves the extraction's entities and writes its mentions, quotes, facts and
    figures for the stored article, bumping the data version. The caller owns the
    transaction and checks the facts' agreement afterwards."""
    # From here on ingests write one at a time (extraction, the costly part, ran before):
    # resolution sees every entity stored before it. The lock is held until commit, so
    # only what needs it comes after it.
    await entities_db.lock_resolution(conn)
    with span("ingest.resolve"):
        resolved = await resolve_entities(conn, article_id=article_id, extraction=extraction)
    if checkpoint:
        await checkpoint("entities")
    figures = _figures(extraction, resolved.ids)
    facts = await extracted_db.insert_extracted(
        conn,
        article_id=article_id,
        resolution=resolved.writes,
        mentions=[
            extracted_db.NewMention(
                entity_id=resolved.ids[m.local_entity],
                start=m.span.start,
                end=m.span.end,
                text=m.text,
                sentence_index=m.sentence_index,
            )
            for m in extraction.mentions
            if m.local_entity in resolved.ids
        ],
        quotes=_quotes(extraction, resolved.ids),
        claims=_claims(figures, resolved.names),
        figures=figures,
    )
    if resolved.renamed:
        await entities_db.relabel_facts(conn, entity_ids=resolved.renamed)
    if checkpoint:
        await checkpoint("extracted")
    return Written(facts, figures)


async def _insert_article(conn: Connection, parsed: ParsedArticle, url: str | None) -> IngestResult:
    """The new article, or the stored one with the same copy or story."""
    await articles_db.lock_story(conn, story_hash=parsed.story_hash)
    found = await _stored(conn, parsed)  # committed since the caller last looked
    if found is not None:
        return IngestResult(found, created=False)
    outlet = parsed.outlet or UNKNOWN_OUTLET
    names = [outlet, parsed.original_source] if parsed.original_source else [outlet]
    outlets = await outlets_db.outlet_ids(conn, names=names)
    headline = parsed.headline or "Untitled"
    slug = _slug(headline)
    article = articles_db.NewArticle(
        slug=slug,
        other_slug=f"{slug}-{hashlib.sha256(parsed.content_hash.encode()).hexdigest()[:8]}",
        outlet_id=outlets[outlet],
        original_source_id=outlets[parsed.original_source] if parsed.original_source else None,
        headline=headline,
        standfirst=parsed.standfirst,
        dateline=parsed.dateline,
        bylines=parsed.bylines,
        body=parsed.body,
        captions=parsed.captions,
        removed=parsed.removed,
        raw_text=parsed.raw_text,
        content_hash=parsed.content_hash,
        story_hash=parsed.story_hash,
        url=url,
        published_at=parsed.published_at,
    )
    # A concurrent ingest may take the slug first: then the other one. Tombstones keep
    # their slugs, so copy retracted and ingested again more than once needs a third.
    other = article.other_slug
    candidates = [(article.slug, other), *((other, f"{other}-{n}") for n in range(2, 5))]
    for first, second in candidates:
        candidate = dataclasses.replace(article, slug=first, other_slug=second)
        article_id = await articles_db.insert_article(conn, article=candidate)
        if article_id is not None:
            await record_first_publication(
                conn, parsed, article_id=article_id, outlet_id=outlets[outlet], url=url
            )
            return IngestResult(article_id, created=True)
        found = await _stored(conn, parsed)
        if found is not None:
            return IngestResult(found, created=False)
    raise RuntimeError(f"no free slug for {headline!r}")


def _quotes(extraction: Extraction, entity_ids: dict[int, int]) -> list[extracted_db.NewQuote]:
    return [
        extracted_db.NewQuote(
            speaker_id=entity_ids.get(q.speaker) if q.speaker is not None else None,
            speaker_text=q.speaker_text,
            text=q.text,
            start=q.span.start,
            end=q.span.end,
            sentence_start=min(q.sentence.start, q.span.start),
            sentence_end=max(q.sentence.end, q.span.end),
            is_partial=q.is_partial,
            cue=q.cue,
            statement_key=statement_key(q.text),
        )
        for q in extraction.quotes
    ]


def _figures(extraction: Extraction, entity_ids: dict[int, int]) -> list[extracted_db.NewFigure]:
    def entity_id(local: int | None) -> int | None:
        return entity_ids.get(local) if local is not None else None

    return [
        extracted_db.NewFigure(
            subject_id=entity_id(f.subject),
            attributed_to_id=entity_id(f.attributed_to),
            attributed_to_text=f.attributed_to_text,
            value=f.value,
            upper_bound=f.upper_bound,
            approximation=f.approximation.value,
            unit=f.unit,
            text=f.text,
            property=f.property,
            qualifier=f.qualifier,
            status=f.status,
            refers_to=f.refers_to,
            start=f.span.start,
            end=f.span.end,
            sentence_start=min(f.sentence.start, f.span.start),
            sentence_end=max(f.sentence.end, f.span.end),
            part=f.part.value,
            caption_index=f.caption,
            in_fact=forms_fact(f),
        )
        for f in extraction.figures
    ]


def _claims(
    figures: list[extracted_db.NewFigure], names: dict[int, str]
) -> list[extracted_db.NewClaim]:
    """The fact each figure with a property and a subject reports, labelled with its
    subject's canonical name, so a fact reads like its entity wherever it is shown. A
    figure whose subject is unknown forms no fact: pooled with others on the property
    alone, it would set unrelated values against each other."""
    return [
        extracted_db.NewClaim(
            subject_id=f.subject_id,
            property=f.property,
            qualifier=f.qualifier,
            unit=f.unit,
            label=fact_label(
                names[f.subject_id] if f.subject_id is not None else None, f.property, f.qualifier
            ),
        )
        for f in figures
        if f.property is not None and f.subject_id is not None and f.in_fact
    ]


@traced("ingest.agreement")
async def _check_disputes(
    conn: Connection,
    facts: dict[facts_db.ClaimKey, facts_db.ClaimedFact],
    figures: list[extracted_db.NewFigure],
) -> None:
    # A disputed fact stays disputed whatever is added (values only narrow what can be true
    # of all of them), so only the facts that agreed so far are checked again.
    agreeing = {fact.id: fact.agreed for fact in facts.values() if not fact.disputed}
    if not agreeing:
        return
    reported: dict[int, list[ReportedValue]] = {}
    for figure in figures:
        key = figure.claim_key()
        fact = facts[key] if key is not None else None
        if fact is not None and fact.id in agreeing:
            reported.setdefault(fact.id, []).append(reported_value(figure))
    await _refresh_disputed(conn, agreeing, reported)


async def _refresh_disputed(
    conn: Connection,
    agreeing: dict[int, tuple[float, float] | None],
    reported: dict[int, list[ReportedValue]],
) -> None:
    """Checks this article's reports against the interval each fact's earlier reports
    share; a fact whose interval is not known yet is checked against all its reports, and
    so is a judged one (a new report of a DEPRECATED value must not count)."""
    checked: dict[int, facts_db.Agreement] = {}
    unknown: list[int] = []
    judged = await judgements_db.list_judged_fact_ids(conn, fact_ids=list(agreeing))
    for fact_id, prior in agreeing.items():
        if prior is None or fact_id in judged:
            unknown.append(fact_id)
            continue
        low, high = agreed_interval(reported[fact_id], prior)
        checked[fact_id] = facts_db.Agreement(disputed=low > high, low=low, high=high)
    if unknown:
        checked.update(await stored_agreement(conn, fact_ids=unknown))
    await facts_db.set_agreement(conn, by_fact=checked)


def _slug(headline: str) -> str:
    """A readable slug from the headline (the content hash disambiguates equal ones)."""
    words = re.findall(r"[a-z0-9]+", anyascii(headline).lower())
    return "-".join(words[:10]) or "article"
