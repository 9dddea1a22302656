"""Loads the seed articles through the ingest pipeline; running it twice changes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import yaml

from service.config import get_settings
from service.ingest.intake import take_copy
from service.ingest.model import ArticleMeta, EntityKind
from service.ingest.outcome import IngestResult
from service.ingest.pipeline import ingest_article
from service.ingest.resolution.store import CuratedEntity, apply_curated_aliases


@dataclass(frozen=True, slots=True)
class SeedArticle:
    path: Path
    meta: ArticleMeta


def _when(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def read_manifest_entries(path: Path) -> dict[str, dict[str, Any]]:
    """`articles:` is a list of entries, each naming its `file`."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {item["file"]: item for item in raw["articles"]}


def read_manifest(seeds_dir: Path) -> list[SeedArticle]:
    """The seed files with their feed metadata, in file-name order."""
    seeds = []
    for name, entry in sorted(read_manifest_entries(seeds_dir / "manifest.yaml").items()):
        seeds.append(
            SeedArticle(
                path=seeds_dir / name,
                meta=ArticleMeta(
                    outlet=entry.get("outlet"),
                    original_source=entry.get("original_source"),
                    headline=entry.get("headline"),
                    url=entry.get("url"),
                    published_at=_when(entry.get("published_at")),
                ),
            )
        )
    return seeds


def read_curated_aliases(seeds_dir: Path) -> list[CuratedEntity]:
    path = seeds_dir / "aliases.yaml"
    if not path.exists():
        return []
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    entries = raw.get("entities", raw) if isinstance(raw, dict) else raw
    return [
        CuratedEntity(
            name=item["name"], kind=EntityKind(item["kind"]), aliases=tuple(item.get("aliases", ()))
        )
        for item in entries
    ]


async def load_curated(pool: asyncpg.Pool, seeds_dir: Path) -> None:
    """The curated alias list, in one transaction. Idempotent."""
    curated = read_curated_aliases(seeds_dir)
    if curated:
        async with pool.acquire() as conn, conn.transaction():
            await apply_curated_aliases(conn, curated)


async def load_seeds(pool: asyncpg.Pool, seeds_dir: Path) -> list[IngestResult]:
    """Curated aliases first (so the first article already resolves through them), then
    every seed article, each in its own transaction."""
    await load_curated(pool, seeds_dir)
    results = []
    limit = get_settings().factdesk_max_article_bytes
    for seed in read_manifest(seeds_dir):
        copy = take_copy(seed.path.read_text(encoding="utf-8"), max_bytes=limit)
        results.append(await ingest_article(pool, copy.text, copy.described(seed.meta)))
    return results
