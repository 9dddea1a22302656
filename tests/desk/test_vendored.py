"""Every vendored file is listed in SOURCES.md with its digest, and nothing else is there."""

from __future__ import annotations

import base64
import hashlib
import re

from service.desk.templating import STATIC

VENDOR = STATIC / "vendor"
ROW = re.compile(r"^\| ([\w.-]+) \| (\S+) \| (\S+) \| ([^|]+) \| ([A-Za-z0-9+/=]{64}) \|$", re.M)


def test_each_vendored_file_has_its_source_licence_and_digest() -> None:
    listed = {m[1]: m for m in ROW.finditer((VENDOR / "SOURCES.md").read_text())}
    present = {p.name for p in VENDOR.iterdir() if p.is_file() and p.name != "SOURCES.md"}
    assert present == set(listed), "update service/desk/static/vendor/SOURCES.md"
    for name, row in listed.items():
        digest = base64.b64encode(hashlib.sha384((VENDOR / name).read_bytes()).digest()).decode()
        assert digest == row[5], f"{name} differs from the file SOURCES.md records"
        assert "MIT" in row[4]
        assert "@" in row[2]  # package@version
    licences = {p.name for p in (VENDOR / "licenses").iterdir()}
    assert licences == {"react.LICENSE", "react-dom.LICENSE", "graphiql.LICENSE"}


def test_no_page_or_style_names_another_host() -> None:
    own = [STATIC / "desk.css", STATIC / "graphiql.css", STATIC / "graphiql-start.js"]
    templates = list((STATIC.parent / "templates").glob("*.html"))
    for path in own + templates:
        text = path.read_text()
        assert not re.search(r"(src|href)=\"(https?:)?//", text), path
        assert "@import" not in text, path
        assert "url(http" not in text, path
