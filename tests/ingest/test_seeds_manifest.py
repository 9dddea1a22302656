"""The shipped seeds: the copy as received, and a manifest entry for every file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from service.ingest.model import EntityKind

ROOT = Path(__file__).parents[2]
SEEDS = ROOT / "seeds"
# The copy as it came in, kept beside the repository.
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
REQUIRED_KEYS = {"file", "outlet", "original_source", "headline", "published_at", "url", "comment"}


def _seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def _manifest() -> dict[str, dict[str, Any]]:
    loaded = yaml.safe_load((SEEDS / "manifest.yaml").read_text(encoding="utf-8"))
    entries: list[dict[str, Any]] = loaded["articles"]
    return {entry["file"]: entry for entry in entries}


def test_there_are_seeds() -> None:
    assert len(_seed_files()) == 5


@pytest.mark.skipif(
    not SHARED_SEEDS.is_dir(), reason=f"no shared copy of the seeds at {SHARED_SEEDS}"
)
def test_seed_copy_is_byte_identical_to_the_shared_copy() -> None:
    shared = sorted(SHARED_SEEDS.glob("*.txt"))
    assert [p.name for p in _seed_files()] == [p.name for p in shared]
    for ours, theirs in zip(_seed_files(), shared, strict=True):
        assert ours.read_bytes() == theirs.read_bytes(), ours.name


def test_every_seed_has_a_complete_manifest_entry() -> None:
    manifest = _manifest()
    assert set(manifest) == {p.name for p in _seed_files()}
    for name, entry in manifest.items():
        assert set(entry) >= REQUIRED_KEYS, name
        assert isinstance(entry["outlet"], str), name
        assert entry["outlet"].strip(), name
        assert entry["original_source"] is None or isinstance(entry["original_source"], str)
        assert entry["headline"] is None or isinstance(entry["headline"], str)
        assert entry["url"] is None or str(entry["url"]).startswith("https://"), name
        assert isinstance(entry["comment"], str), name
        assert len(entry["comment"]) > 40, name
        published = dt.datetime.fromisoformat(entry["published_at"])
        assert published.tzinfo is not None, f"{name}: published_at needs an offset"
        assert dt.date(2019, 6, 9) < published.astimezone(dt.UTC).date() < dt.date(2019, 6, 13)


def test_the_copy_without_a_headline_gets_one_from_the_manifest() -> None:
    assert _manifest()["000_f9b1461cc6b3d973.txt"]["headline"]


def test_aliases_are_well_formed() -> None:
    aliases = yaml.safe_load((SEEDS / "aliases.yaml").read_text(encoding="utf-8"))
    assert isinstance(aliases, list)
    assert aliases
    names = [entry["name"] for entry in aliases]
    assert len(names) == len(set(names))
    for entry in aliases:
        assert set(entry) == {"name", "kind", "aliases"}
        assert entry["kind"] in EntityKind.__members__
        assert entry["aliases"]
        assert all(isinstance(a, str) and a for a in entry["aliases"])
        assert entry["name"] not in entry["aliases"]
