"""API keys: `Authorization: Bearer <key>` checked against FACTDESK_API_KEYS.

Keys are compared in constant time against every configured key (no early exit), after
hashing both sides so that not even the key length leaks; keys are never logged.

Local development: with no key configured, writes are refused (401, code
`writes_disabled`) unless FACTDESK_ALLOW_ANONYMOUS_WRITES=true. That flag is ignored as
soon as a key is configured, so a deployment with keys can never be opened by it.

Roles: a key in FACTDESK_EDITOR_KEYS is an editor's. It is a key like any other (reads,
writes) and may also judge values; every other key is refused judging with 403
`not_an_editor`. Judging always needs an editor's key, anonymous writes or not: a
judgement says who made it. An editor key is written `name:key`; the name is what
judgements show as their author (a bare key is shown by a prefix of its digest).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass

from service.config import Settings

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="factdesk"'}


@dataclass(frozen=True, slots=True)
class Editor:
    name: str  # shown as the author of the editor's judgements
    key: str


def configured_editors(settings: Settings) -> tuple[Editor, ...]:
    return _editors(settings.factdesk_editor_keys.get_secret_value())


def configured_keys(settings: Settings) -> tuple[str, ...]:
    """Every key accepted: the API keys and the editors' keys."""
    return _keys(
        settings.factdesk_api_keys.get_secret_value(),
        settings.factdesk_editor_keys.get_secret_value(),
    )


# Parsed once per configured value, not per request (every request asks up to four times:
# the gate, the context's write, judge and editor checks).
@functools.lru_cache(maxsize=8)
def _editors(raw: str) -> tuple[Editor, ...]:
    editors = []
    for entry in raw.split(","):
        name, colon, key = entry.strip().partition(":")
        if not colon:
            name, key = "", name
        if key.strip():
            key = key.strip()
            editors.append(Editor(name.strip() or f"editor {_digest(key).hex()[:8]}", key))
    return tuple(editors)


@functools.lru_cache(maxsize=8)
def _keys(raw: str, editors_raw: str) -> tuple[str, ...]:
    keys = tuple(key.strip() for key in raw.split(",") if key.strip())
    return keys + tuple(editor.key for editor in _editors(editors_raw))


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

    code: str  # unauthorized, writes_disabled, forbidden or not_an_editor
    detail: str

    @property
    def headers(self) -> dict[str, str]:
        """A 401 names the scheme to use; a 403 (wrong key, or no editor's) has nothing to add."""
        return dict(CHALLENGE) if self.code not in ("forbidden", "not_an_editor") else {}


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


def editor_of(token: str, editors: tuple[Editor, ...]) -> Editor | None:
    """The editor whose key `token` is; compares against every editor's key."""
    given_digest = _digest(token)
    found = None
    for editor in editors:
        if hmac.compare_digest(given_digest, _digest(editor.key)):
            found = editor
    return found


def judge_denial(headers: Mapping[str, str], settings: Settings) -> Denial | None:
    """None when the request carries an editor's key; otherwise why it may not judge."""
    token = bearer_token(headers)
    if token is None:
        return Denial(
            "unauthorized", "judging needs an editor's API key: send 'Authorization: Bearer <key>'"
        )
    if editor_of(token, configured_editors(settings)) is not None:
        return None
    if key_matches(token, configured_keys(settings)):
        return Denial(
            "not_an_editor",
            "this API key may read and write but not judge: judgements need a key with the "
            "editor role (FACTDESK_EDITOR_KEYS)",
        )
    return Denial("forbidden", "the API key is not valid")


def editor_name(headers: Mapping[str, str], settings: Settings) -> str | None:
    """The name of the editor whose key the request carries; None when it carries none."""
    token = bearer_token(headers)
    if token is None:
        return None
    editor = editor_of(token, configured_editors(settings))
    return editor.name if editor is not None else None
