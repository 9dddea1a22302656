"""Automatic persisted queries (Apollo's protocol): a client sends a query's SHA-256 in
`extensions.persistedQuery` instead of its text; when the server does not know the hash
yet it answers PERSISTED_QUERY_NOT_FOUND and the client sends the text with the hash
once, after which the hash alone (POST or a short, CDN-friendly GET) runs it.

The store is per process and bounded: at most FACTDESK_GRAPHQL_PERSISTED_QUERIES
documents, least recently used out first. Texts arrive through the same body limit as
any request, and a text is kept only after it has parsed, validated and passed the
limits once; every later run meets the limits again (they depend on its variables).
Another replica may not know a hash: the client simply registers it there too.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass

from service.errors import FactdeskError

NOT_FOUND_CODE = "PERSISTED_QUERY_NOT_FOUND"
NOT_FOUND_MESSAGE = "PersistedQueryNotFound"  # the message Apollo's clients look for
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class InvalidPersistedQueryError(FactdeskError):
    """`extensions.persistedQuery` is not `{version: 1, sha256Hash}`: a 400 request error."""

    code = "invalid_persisted_query"


class PersistedQueryMismatchError(FactdeskError):
    """The query sent with a hash is not the text the hash names: a 400 request error."""

    code = "persisted_query_hash_mismatch"


@dataclass(frozen=True, slots=True)
class PersistedQuery:
    sha256: str


def requested(extensions: object) -> PersistedQuery | None:
    """The persisted query a request's `extensions` names; None when it names none."""
    if not isinstance(extensions, dict) or "persistedQuery" not in extensions:
        return None
    persisted = extensions["persistedQuery"]
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise InvalidPersistedQueryError(
            "extensions.persistedQuery must be {version: 1, sha256Hash: <64 hex digits>}"
        )
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or not _SHA256_HEX.fullmatch(digest.lower()):
        raise InvalidPersistedQueryError(
            "extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits"
        )
    return PersistedQuery(digest.lower())


def verify(query: str, persisted: PersistedQuery) -> None:
    """The text sent with a hash must be the text the hash names."""
    actual = hashlib.sha256(query.encode("utf-8", "surrogatepass")).hexdigest()
    if actual != persisted.sha256:
        raise PersistedQueryMismatchError(
            f"sha256Hash does not match the query: its SHA-256 is {actual}"
        )


class PersistedQueryStore:
    """Query texts by SHA-256, least recently used out first."""

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._texts: OrderedDict[str, str] = OrderedDict()

    def get(self, sha256: str) -> str | None:
        text = self._texts.get(sha256)
        if text is not None:
            self._texts.move_to_end(sha256)
        return text

    def put(self, sha256: str, text: str) -> None:
        self._texts[sha256] = text
        self._texts.move_to_end(sha256)
        while len(self._texts) > self.max_entries:
            self._texts.popitem(last=False)

    def __len__(self) -> int:
        return len(self._texts)
