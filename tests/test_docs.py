"""The README documents every setting (its configuration table names each variable)."""

from __future__ import annotations

import re

from service.config import REPO_ROOT, Settings


def test_every_setting_is_in_the_configuration_table() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))
    missing = {name.upper() for name in Settings.model_fields} - documented
    assert not missing, f"add these to the README's configuration table: {sorted(missing)}"
