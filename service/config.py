"""The one place configuration is read from the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting Factdesk has. Names are the environment variables, upper-cased."""

    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    database_url: SecretStr | None = Field(
        default=None,
        description="PostgreSQL DSN. Unset: start the embedded server in FACTDESK_DATA_DIR.",
    )
    factdesk_data_dir: Path = Field(
        default=REPO_ROOT / ".data",
        description="Where the embedded PostgreSQL keeps its cluster.",
    )
    factdesk_seeds_dir: Path = Field(
        default=REPO_ROOT / "seeds",
        description="Seed articles, manifest.yaml and aliases.yaml loaded into an empty database.",
    )
    factdesk_load_seeds: bool = Field(
        default=True, description="Load the seeds on `serve` when the database has no articles."
    )
    factdesk_host: str = Field(default="127.0.0.1", description="Address `serve` binds to.")
    factdesk_port: int = Field(default=8000, description="Port `serve` listens on.")
    factdesk_pool_min: int = Field(default=1, description="Connections the pool keeps open.")
    factdesk_pool_max: int = Field(default=10, description="Most connections the pool opens.")
    factdesk_graphiql: bool = Field(default=True, description="Serve GraphiQL at /graphql.")
    factdesk_log_level: str = Field(default="info", description="Log level of the service.")

    @property
    def dsn(self) -> str | None:
        return self.database_url.get_secret_value() if self.database_url else None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
