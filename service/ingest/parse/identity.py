"""What makes two copies the same copy: hashes over normalised text.

Files on disk end with a newline and JSON bodies do not; one CMS sends CRLF and curly
quotes, another LF and straight ones. None of that is a different story, so text is
compared as a reader sees it: Unicode NFC, invisible format characters dropped,
typographic quotes, apostrophes and dashes folded to ASCII, every run of whitespace
(line breaks included) one space, and the ends trimmed. The raw text is still kept
exactly as given; only the identity is normalised.

Two hashes, both SHA-256 hex:

- ``content_hash``, over the whole copy: the same copy again (unique among live articles;
  a correction that changes any of it, a byline included, is a correction).
- ``story_hash``, over the dateline's place and the text values are read from
  (standfirst, captions, body): the same story under other furniture. A second outlet
  prints a wire story with its own headline line (or sends it as a `headline` field),
  bylines, an agency tag in the dateline ("ATHENS (Reuters) -") or an "Original source:
  Reuters" credit; none of that carries a value, so it is a republication of the stored
  article, not a second count of each of its values.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence

# Zero-width characters and the byte-order mark: invisible, and editors add them freely.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_FOLDED = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        "\u2026": "...",
    }
)
# "ALMATY (Reuters)": the bracketed agency a dateline may end with (ingest/parse/metadata.py).
_AGENCY_TAG = re.compile(r"\s*\([^()]*\)\s*$")


def identity_text(text: str) -> str:
    """``text`` as the content hash reads it (see the module docstring)."""
    # Characters are dropped and folded before composing, so that composing once is enough
    # (an accent that followed a zero-width space composes with the letter before it).
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE).translate(_FOLDED))
    # str.split() breaks at exactly what re's \s matches (Py_UNICODE_ISSPACE) and drops
    # the ends: re.sub(r"\s+", " ") and strip() in one pass, several times faster on copy
    # of a million one-space gaps (issue 19).
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """SHA-256 hex of ``identity_text(text)``: equal for copies a reader cannot tell apart."""
    return _sha256(identity_text(text))


def story_hash(
    dateline: str | None, standfirst: str | None, captions: Sequence[str], body: str
) -> str:
    """SHA-256 hex of the normalised dateline place, standfirst, captions and body, each
    kept apart (a caption is never the same as a paragraph of the body): equal for the
    same story. The place stays (extraction reads the story's place from it: the same
    words from ALMATY and from ASTANA are two stories); an agency tag on it does not."""
    place = identity_text(_AGENCY_TAG.sub("", dateline or ""))
    kept = [identity_text(c) for c in captions]
    parts = [place, identity_text(standfirst or ""), kept, identity_text(body)]
    return _sha256(json.dumps(parts, ensure_ascii=False))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
