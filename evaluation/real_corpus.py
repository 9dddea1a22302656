"""The real gold corpus: openly licensed news copy under tests/gold/real/<group>/.

Every folder there holding a `manifest.yaml` is a group: `articles/*.txt` (the copy),
`manifest.yaml` (per article: feed metadata, licence, source, attribution, topic, split,
event) and, once annotated, `gold.yaml` (the seeds.yaml format, open vocabulary).
Conventions: tests/gold/real/README.md. Reading checks every entry, so a missing
licence or a misspelt split fails loudly instead of slipping into the corpus.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from evaluation.gold import Gold, GoldSource, load_gold
from evaluation.real_score import ArticleLabels
from service.ingest.model import ArticleMeta
from service.ingest.seeds import SeedArticle

TOPICS = frozenset({"disaster", "business", "politics", "sport", "courts", "health", "science"})
SPLITS = ("tune", "heldout")
MANIFEST = "manifest.yaml"
GOLD = "gold.yaml"
ARTICLES = "articles"

_REQUIRED = ("licence", "source", "attribution")
_OPTIONAL = ("outlet", "original_source", "headline", "url", "note")
_KEYS = frozenset({"file", "published_at", "topic", "split", "event", *_REQUIRED, *_OPTIONAL})
# README: never copy under a non-commercial or no-derivatives licence.
_FORBIDDEN_LICENCE = re.compile(r"\b(NC|ND)\b|non-?commercial|no-?deriv", re.IGNORECASE)


class RealCorpusError(ValueError):
    """A real-corpus manifest is malformed or names copy that is not there."""


@dataclass(frozen=True, slots=True)
class RealArticle:
    """One manifest entry: the copy to ingest and what the scorer slices it by."""

    group: str
    seed: SeedArticle  # path and feed metadata, as the seed loader takes them
    licence: str
    source: str
    attribution: str
    topic: str
    split: str  # "tune" or "heldout"
    event: str | None  # cluster id shared by articles about one event, from other sources

    @property
    def name(self) -> str:
        return self.seed.path.name


@dataclass(frozen=True, slots=True)
class RealCorpus:
    articles: tuple[RealArticle, ...]  # every manifest entry: all are ingested
    gold: Gold  # the annotated ones: only these are scored

    @property
    def scored(self) -> frozenset[str]:
        return frozenset(self.gold.articles)

    @property
    def labels(self) -> dict[str, ArticleLabels]:
        """What the scorer slices and joins by, per article file name."""
        return {a.name: ArticleLabels(a.topic, a.split, a.event) for a in self.articles}


def group_dirs(real_dir: Path) -> tuple[Path, ...]:
    """The group folders (those with a manifest), in name order."""
    if not real_dir.is_dir():
        return ()
    return tuple(sorted(p for p in real_dir.iterdir() if (p / MANIFEST).is_file()))


def read_manifests(real_dir: Path) -> tuple[RealArticle, ...]:
    """Every group's manifest entries; raise RealCorpusError listing every problem."""
    problems: list[str] = []
    articles: list[RealArticle] = []
    for group in group_dirs(real_dir):
        articles.extend(_read_manifest(group, problems))
    seen: dict[str, str] = {}
    for article in articles:
        # Scoring keys everything by file name, so one name in two groups would mix them.
        other = seen.setdefault(article.name, article.group)
        if other != article.group:
            problems.append(f"{article.name}: in the manifests of {other} and {article.group}")
    if problems:
        raise RealCorpusError("real corpus manifests are invalid:\n  " + "\n  ".join(problems))
    return tuple(articles)


def gold_sources(real_dir: Path) -> tuple[GoldSource, ...]:
    """The groups' gold files (groups still being annotated may have none yet)."""
    return tuple(
        GoldSource(group / GOLD, articles_dir=group / ARTICLES, open_vocabulary=True)
        for group in group_dirs(real_dir)
        if (group / GOLD).is_file()
    )


def load_real_corpus(real_dir: Path) -> RealCorpus | None:
    """Manifests and gold of every group, checked against each other; None without groups."""
    if not group_dirs(real_dir):
        return None
    articles = read_manifests(real_dir)
    gold = load_gold(gold_sources(real_dir))
    described = {a.seed.path.resolve() for a in articles}
    unlisted = sorted(
        str(article.path)
        for article in gold.articles.values()
        if article.path.resolve() not in described
    )
    if unlisted:
        raise RealCorpusError(
            "real gold annotates articles no manifest describes:\n  " + "\n  ".join(unlisted)
        )
    return RealCorpus(articles=articles, gold=gold)


def _read_manifest(group: Path, problems: list[str]) -> list[RealArticle]:
    where = f"{group.name}/{MANIFEST}"
    try:
        data = yaml.safe_load((group / MANIFEST).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        problems.append(f"{where}: not YAML: {error}")
        return []
    # The seeds' shape (`articles:` holding the list) or the bare list.
    entries = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        problems.append(f"{where}: needs a list of entries (or `articles:` holding one)")
        return []
    articles: list[RealArticle] = []
    for position, entry in enumerate(entries, start=1):
        article = _read_entry(group, entry, f"{where} entry {position}", problems)
        if article is not None:
            articles.append(article)
    return articles


def _read_entry(group: Path, entry: object, where: str, problems: list[str]) -> RealArticle | None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: must be a mapping")
        return None
    file = entry.get("file")
    if not isinstance(file, str) or not file.strip():
        problems.append(f"{where}: needs a file")
        return None
    where = f"{group.name}/{file}"
    count = len(problems)
    problems.extend(f"{where}: unknown key {key!r}" for key in entry if key not in _KEYS)
    path = group / ARTICLES / file
    if not path.is_file():
        problems.append(f"{where}: no such article file {path}")
    required = {key: _text(entry, key, where, problems, required=True) for key in _REQUIRED}
    optional = {key: _text(entry, key, where, problems, required=False) for key in _OPTIONAL}
    licence = required["licence"]
    if licence is not None and _FORBIDDEN_LICENCE.search(licence):
        problems.append(f"{where}: licence {licence!r} forbids commercial use or derivatives")
    topic, split, event = entry.get("topic"), entry.get("split"), entry.get("event")
    if topic not in TOPICS:
        problems.append(f"{where}: topic {topic!r} is not one of {sorted(TOPICS)}")
    if split not in SPLITS:
        problems.append(f"{where}: split {split!r} is not one of {list(SPLITS)}")
    if event is not None and (isinstance(event, bool) or not isinstance(event, str | int)):
        problems.append(f"{where}: event must be a cluster id or null")
    published_at = _when(entry.get("published_at"), where, problems)
    if len(problems) > count:
        return None
    meta = ArticleMeta(
        outlet=optional["outlet"],
        original_source=optional["original_source"],
        headline=optional["headline"],
        url=optional["url"],
        published_at=published_at,
    )
    return RealArticle(
        group=group.name,
        seed=SeedArticle(path=path, meta=meta),
        licence=_known(licence),
        source=_known(required["source"]),
        attribution=_known(required["attribution"]),
        topic=str(topic),
        split=str(split),
        event=None if event is None else str(event),
    )


def _text(
    entry: Mapping[str, Any], key: str, where: str, problems: list[str], *, required: bool
) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: {key} must be {'a' if required else 'null or a'} non-empty text")
        return None
    return value


def _known(value: str | None) -> str:
    assert value is not None  # checked by _text: the entry is returned only without problems
    return value


def _when(value: object, where: str, problems: list[str]) -> dt.datetime | None:
    """YAML reads an unquoted timestamp as a datetime; a quoted one is ISO 8601 text."""
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    problems.append(f"{where}: published_at {value!r} is not an ISO 8601 date and time")
    return None


__all__ = [
    "SPLITS",
    "TOPICS",
    "RealArticle",
    "RealCorpus",
    "RealCorpusError",
    "gold_sources",
    "group_dirs",
    "load_real_corpus",
    "read_manifests",
]
