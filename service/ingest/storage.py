"""Writing one article and everything extracted from it (``store_article``): the article
row with its outlets and a free slug, then the resolved entities, mentions, quotes,
facts and figures (``write_extraction``), the facts' agreement checked again
(``disputes.py``) and the change logged. SQL lives in ``service/db/``; the caller (the
pipeline, or a correction) owns the transaction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from anyascii import anyascii

from service.db import articles as articles_db
from service.db import changes as changes_db
from service.db import entities as entities_db
from service.db import extracted as extracted_db
from service.db import facts as facts_db
from service.db import outlets as outlets_db
from service.db.pool import Connection
from service.ingest.disputes import check_disputes
from service.ingest.facts.reported import fact_label
from service.ingest.figures import forms_fact
from service.ingest.model import Extraction, ParsedArticle
from service.ingest.outcome import IngestResult
from service.ingest.quotes.statement_keys import statement_key
from service.ingest.republication import record_first_publication, republished
from service.ingest.resolution.store import resolve_entities
from service.tracing import span, traced

UNKNOWN_OUTLET = "Unknown outlet"

# Tests inject a failure between writes to prove the transaction leaves nothing behind.
Checkpoint = Callable[[str], Awaitable[None]]


async def stored_article_id(conn: Connection, parsed: ParsedArticle) -> int | None:
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
        return await republished(conn, parsed, inserted.article_id, url)
    article_id = inserted.article_id
    if checkpoint:
        await checkpoint("article")
    written = await write_extraction(
        conn, article_id=article_id, extraction=extraction, checkpoint=checkpoint
    )
    await check_disputes(conn, written.facts, written.figures)
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
    found = await stored_article_id(conn, parsed)  # committed since the caller last looked
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
        found = await stored_article_id(conn, parsed)
        if found is not None:
            return IngestResult(found, created=False)
    raise RuntimeError(f"no free slug for {headline!r}")


def _quotes(extraction: Extraction, entity_ids: dict[int, int]) -> list[extracted_db.NewQuote]:
    """The rows of the extraction's quotes, each speaker by its stored entity id (None
    where it was not resolved), with the key that finds the same statement elsewhere."""
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
    """The rows of the extraction's figures, subject and source by their stored entity ids,
    each marked whether it forms a fact (``forms_fact``)."""

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


def _slug(headline: str) -> str:
    """A readable slug from the headline (the content hash disambiguates equal ones)."""
    words = re.findall(r"[a-z0-9]+", anyascii(headline).lower())
    return "-".join(words[:10]) or "article"
