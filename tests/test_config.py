"""Settings from the environment, and secrets from files (`<NAME>_FILE`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from service.config import SECRET_FILES, Settings


@pytest.mark.parametrize("name", SECRET_FILES)
def test_a_secret_can_come_from_a_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / name
    secret.write_text("postgresql://factdesk:s3cret@db/factdesk\n")  # as `echo` writes it
    monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv(f"{name.upper()}_FILE", str(secret))
    value = getattr(Settings(), name)
    assert value.get_secret_value() == "postgresql://factdesk:s3cret@db/factdesk"


@pytest.mark.parametrize("name", SECRET_FILES)
def test_a_secret_given_twice_is_refused(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / name
    secret.write_text("one")
    monkeypatch.setenv(name.upper(), "two")
    monkeypatch.setenv(f"{name.upper()}_FILE", str(secret))
    with pytest.raises(ValidationError, match=f"set {name.upper()} or {name.upper()}_FILE"):
        Settings()


@pytest.mark.parametrize(
    "origin", ["desk.example.org", "https://desk.example.org/", "https://desk.example.org/x"]
)
def test_a_public_origin_is_a_scheme_and_a_host_only(origin: str) -> None:
    with pytest.raises(ValidationError):
        Settings(factdesk_public_origin=origin)
    assert Settings(factdesk_public_origin="https://desk.example.org:8443").factdesk_public_origin


def test_pgbouncer_needs_a_direct_dsn_to_listen() -> None:
    pooled = SecretStr("postgresql://factdesk:pw@pgbouncer:6432/factdesk")
    with pytest.raises(ValidationError, match="FACTDESK_LISTEN_DATABASE_URL"):
        Settings(database_url=pooled, factdesk_pgbouncer=True)
    direct = "postgresql://factdesk:pw@postgres:5432/factdesk"
    settings = Settings(
        database_url=pooled,
        factdesk_pgbouncer=True,
        factdesk_listen_database_url=SecretStr(direct),
    )
    assert settings.listen_dsn == direct
