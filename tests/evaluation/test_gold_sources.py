"""Every text kept under tests/gold has a recorded source and licence (tests/gold/SOURCES.md
and the manifests): copy without one may not live in this repository."""

from __future__ import annotations

from pathlib import Path

import yaml

from service.config import REPO_ROOT

GOLD = REPO_ROOT / "tests" / "gold"
LICENCES = frozenset({"CC BY 2.5", "CC BY 4.0", "CC BY-SA 3.0", "CC BY-SA 4.0", "public domain"})


def _entries(manifest: Path) -> list[dict[str, object]]:
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    entries: list[dict[str, object]] = data["articles"] if isinstance(data, dict) else data
    return entries


def _texts_dir(manifest: Path) -> Path:
    """A real group's manifest names files in its articles/ folder; the older gold's
    manifest sits among its articles."""
    beside = manifest.parent / "articles"
    return beside if beside.is_dir() else manifest.parent


def test_every_text_is_listed_in_a_manifest() -> None:
    texts = {p for p in GOLD.rglob("*.txt")}
    listed = {
        _texts_dir(manifest) / str(entry["file"])
        for manifest in GOLD.rglob("manifest.yaml")
        for entry in _entries(manifest)
    }
    assert texts, "no gold text found"
    assert texts <= listed, sorted(str(p.relative_to(GOLD)) for p in texts - listed)


def test_every_real_text_has_an_open_licence_a_source_and_an_attribution() -> None:
    manifests = sorted((GOLD / "real").glob("*/manifest.yaml"))
    assert manifests
    for manifest in manifests:
        for entry in _entries(manifest):
            where = f"{manifest.parent.name}/{entry['file']}"
            assert entry.get("licence") in LICENCES, where
            assert str(entry.get("source") or "").strip(), where
            assert str(entry.get("attribution") or "").strip(), where


def test_the_sources_file_accounts_for_every_folder_of_texts() -> None:
    record = (GOLD / "SOURCES.md").read_text(encoding="utf-8")
    folders = {p.parent.relative_to(GOLD) for p in GOLD.rglob("*.txt")}
    for folder in folders:
        pattern = "real/*/articles" if folder.parts[0] == "real" else str(folder)
        assert f"`{pattern}/*.txt`" in record, folder
