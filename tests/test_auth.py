"""Roles on API keys: editors (`name:key` in FACTDESK_EDITOR_KEYS) may judge, other keys not."""

from __future__ import annotations

from pydantic import SecretStr

from service.auth import configured_editors, configured_keys, editor_name, judge_denial
from service.config import Settings


def _settings(editors: str, keys: str = "plain-key") -> Settings:
    return Settings(factdesk_api_keys=SecretStr(keys), factdesk_editor_keys=SecretStr(editors))


def _bearer(key: str) -> dict[str, str]:
    return {"authorization": f"Bearer {key}"}


def test_editor_keys_are_named_and_are_keys_too() -> None:
    settings = _settings(" ann:key-a , key-b,empty: ")
    editors = configured_editors(settings)
    assert [(e.name, e.key) for e in editors] == [
        ("ann", "key-a"),
        (editors[1].name, "key-b"),
    ]
    assert editors[1].name.startswith("editor ")  # a bare key: a prefix of its digest
    assert "key-b" not in editors[1].name
    assert configured_keys(settings) == ("plain-key", "key-a", "key-b")


def test_only_an_editor_key_may_judge() -> None:
    settings = _settings("ann:key-a")
    assert judge_denial(_bearer("key-a"), settings) is None
    assert editor_name(_bearer("key-a"), settings) == "ann"
    refused = judge_denial(_bearer("plain-key"), settings)
    assert refused is not None
    assert (refused.code, refused.headers) == ("not_an_editor", {})
    unknown = judge_denial(_bearer("nope"), settings)
    assert unknown is not None
    assert unknown.code == "forbidden"
    missing = judge_denial({}, settings)
    assert missing is not None
    assert missing.code == "unauthorized"
    assert "WWW-Authenticate" in missing.headers
    assert editor_name(_bearer("plain-key"), settings) is None


def test_anonymous_writes_never_open_judging() -> None:
    settings = Settings(factdesk_allow_anonymous_writes=True)
    denial = judge_denial({}, settings)
    assert denial is not None
    assert denial.code == "unauthorized"
