"""API keys: `Authorization: Bearer <key>` checked against FACTDESK_API_KEYS.

Keys are compared in constant time against every configured key (no early exit), after
hashing both sides so that not even the key length leaks; keys are never logged.

Local development: with no key configured, writes are refused (401, code
`writes_disabled`) unless FACTDESK_ALLOW_ANONYMOUS_WRITES=true. That flag is ignored as
soon as a key is configured, so a deployment with keys can never be opened by it.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass

from service.config import Settings

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="factdesk"'}


def configured_keys(settings: Settings) -> tuple[str, ...]:
    raw = settings.factdesk_api_keys.get_secret_value()
    return tuple(key.strip() for key in raw.split(",") if key.strip())


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()


def key_matches(given: str, keys: tuple[str, ...]) -> bool:
    """Whether `given` is one of `keys`; compares against all of them, equal-length digests."""
    given_digest = _digest(given)
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given_digest, _digest(key))
    return matched


def bearer_token(headers: Mapping[str, str]) -> str | None:
    value = headers.get("authorization")
    if value is None:
        return None
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


@dataclass(frozen=True, slots=True)
class Denial:
    """Why a request may not do what it asks: a problem code and a sentence for people."""

    code: str  # unauthorized, writes_disabled or forbidden
    detail: str

    @property
    def headers(self) -> dict[str, str]:
        """A 401 names the scheme to use; a 403 (wrong key) has nothing to add."""
        return dict(CHALLENGE) if self.code != "forbidden" else {}


def write_denial(headers: Mapping[str, str], settings: Settings) -> Denial | None:
    """None when the request may write; otherwise why not."""
    keys = configured_keys(settings)
    if not keys:
        if settings.factdesk_allow_anonymous_writes:
            return None
        return Denial(
            "writes_disabled",
            "no API key is configured on this server, so writes are refused; set "
            "FACTDESK_API_KEYS (or FACTDESK_ALLOW_ANONYMOUS_WRITES=true for local development)",
        )
    return _key_denial(headers, keys)


def read_denial(headers: Mapping[str, str], settings: Settings) -> Denial | None:
    """None when the request may read: always, unless FACTDESK_PROTECT_READS is on."""
    if not settings.factdesk_protect_reads:
        return None
    keys = configured_keys(settings)
    if not keys:
        return Denial(
            "unauthorized",
            "reads are protected but no API key is configured on this server",
        )
    return _key_denial(headers, keys)


def _key_denial(headers: Mapping[str, str], keys: tuple[str, ...]) -> Denial | None:
    token = bearer_token(headers)
    if token is None:
        return Denial("unauthorized", "send an API key as 'Authorization: Bearer <key>'")
    if not key_matches(token, keys):
        return Denial("forbidden", "the API key is not valid")
    return None
