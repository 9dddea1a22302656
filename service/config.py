"""The one place configuration is read from the environment."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
# Secrets that may also be given as a file (`<NAME>_FILE`, as container secrets are mounted).
SECRET_FILES = (
    "database_url",
    "factdesk_read_database_url",
    "factdesk_listen_database_url",
    "factdesk_api_keys",
    "factdesk_editor_keys",
)


class Settings(BaseSettings):
    """Every setting Factdesk has. Names are the environment variables, upper-cased."""

    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    database_url: SecretStr | None = Field(
        default=None,
        description="PostgreSQL DSN. Unset: start the embedded server in FACTDESK_DATA_DIR.",
    )
    database_url_file: Path | None = Field(
        default=None, description="A file holding DATABASE_URL (a container secret)."
    )
    factdesk_read_database_url: SecretStr | None = Field(
        default=None,
        description="DSNs of read replicas, comma-separated: reads go to one that has "
        "replayed the primary's current data version, else to DATABASE_URL.",
    )
    factdesk_read_database_url_file: Path | None = Field(
        default=None, description="A file holding FACTDESK_READ_DATABASE_URL."
    )
    factdesk_listen_database_url: SecretStr | None = Field(
        default=None,
        description="DSN of the change feed's one LISTEN connection, straight to PostgreSQL. "
        "Unset: DATABASE_URL. Required with FACTDESK_PGBOUNCER (LISTEN is session state, "
        "which PgBouncer pooling by transaction does not keep).",
    )
    factdesk_listen_database_url_file: Path | None = Field(
        default=None, description="A file holding FACTDESK_LISTEN_DATABASE_URL."
    )
    factdesk_db_wait_seconds: float = Field(
        default=30.0,
        ge=0,
        description="How long `serve`, `migrate` and `seed` wait for a DATABASE_URL server "
        "to answer at start, retrying each second, before they give up (status 3).",
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
    factdesk_pgbouncer: bool = Field(
        default=False,
        description="DATABASE_URL is a PgBouncer pooling by transaction: no prepared "
        "statements kept and no session settings (FACTDESK_STATEMENT_TIMEOUT is then set in "
        "PgBouncer or on the role instead).",
    )
    factdesk_pool_min: int = Field(default=1, description="Connections the pool keeps open.")
    factdesk_pool_max: int = Field(default=10, description="Most connections the pool opens.")
    factdesk_graphiql: bool = Field(default=True, description="Serve GraphiQL at /graphql.")
    factdesk_response_cache: bool = Field(
        default=True,
        description="Reuse GraphQL answers until the next ingest commits (one tiny query each).",
    )
    factdesk_sql_trees: bool = Field(
        default=True,
        description="Answer whole queries over fact(id:), entity(...) and pages of articles "
        "with one statement that writes the JSON (service/graphql/compiler.py), and those "
        "fields elsewhere with one statement each (service/graphql/trees.py).",
    )
    factdesk_log_level: str = Field(default="info", description="Log level of the service.")
    # Operations and GraphQL limits (issue 4, items 5, 7 and 8).
    factdesk_log_format: Literal["json", "text"] = Field(
        default="json", description="One JSON object per log line, or plain text for people."
    )
    factdesk_debug: bool = Field(
        default=False,
        description="Show unexpected errors (class, message) to GraphQL clients. Never in prod.",
    )
    factdesk_migrate_on_start: bool = Field(
        default=True, description="`serve` applies migrations on start (off when a job does it)."
    )
    factdesk_shutdown_grace: float = Field(
        default=0.0,
        ge=0,
        description="Seconds `serve` keeps serving (with /readyz 503) after SIGTERM, so load "
        "balancers stop routing before in-flight requests are drained.",
    )
    factdesk_max_request_head_bytes: int = Field(
        default=65_536,
        ge=1024,
        description="Largest request line and headers together, bytes (431 above, as soon as "
        "they pass it).",
    )
    factdesk_request_head_timeout: float = Field(
        default=10.0,
        gt=0,
        description="Longest a request's line and headers may take to arrive, seconds (408 "
        "and the connection closed after).",
    )
    factdesk_request_body_timeout: float = Field(
        default=10.0,
        gt=0,
        description="Seconds a request's body may take to arrive, plus one for each "
        "FACTDESK_REQUEST_BODY_MIN_RATE bytes received (408 and the connection closed after).",
    )
    factdesk_request_body_min_rate: int = Field(
        default=16_384,
        ge=0,
        description="Bytes of a request body that buy it one more second to arrive; 0: the "
        "body timeout is the whole allowance.",
    )
    factdesk_statement_timeout: float = Field(
        default=5.0, gt=0, description="PostgreSQL statement_timeout of pool connections, seconds."
    )
    factdesk_request_timeout: float = Field(
        default=10.0, gt=0, description="Longest a GraphQL request may run, seconds."
    )
    factdesk_pool_acquire_timeout: float = Field(
        default=5.0,
        gt=0,
        description="Longest wait for a pooled connection (or a new one) before 503, seconds.",
    )
    factdesk_graphql_max_depth: int = Field(default=12, ge=1, description="Deepest selection.")
    factdesk_graphql_max_tokens: int = Field(
        default=2000, ge=1, description="Most lexical tokens in a GraphQL document."
    )
    factdesk_graphql_max_aliases: int = Field(
        default=20, ge=0, description="Most aliased fields in a GraphQL document."
    )
    factdesk_graphql_max_cost: int = Field(
        default=25_000,
        ge=1,
        description="Most nodes a query may ask for: page sizes multiplied along each path.",
    )
    factdesk_graphql_max_body_bytes: int = Field(
        default=262_144,
        ge=1,
        description="Largest /graphql request body, bytes (413 above, before parsing).",
    )
    factdesk_graphql_max_response_bytes: int = Field(
        default=8_388_608,
        ge=1,
        description="Largest GraphQL response, bytes: a larger answer is replaced by a "
        "`response_too_large` error.",
    )
    factdesk_graphql_completion_slice: float = Field(
        default=0.005,
        gt=0,
        description="Longest a GraphQL answer is completed from loaded rows before the event "
        "loop serves other requests, seconds. Larger: large answers take fewer turns (and "
        "fewer batched SQL round trips); smaller: other requests wait less behind them.",
    )
    factdesk_graphql_introspection: bool = Field(
        default=True, description="Answer __schema/__type introspection queries."
    )
    factdesk_graphql_suggestions: bool = Field(
        default=True, description="'Did you mean ...?' hints in GraphQL validation errors."
    )
    factdesk_graphql_persisted_queries: int = Field(
        default=1000,
        ge=0,
        description="Most automatic persisted queries one process keeps (least recently "
        "used out first); 0 keeps none.",
    )
    # HTTP/JSON API, auth and ingest limits (issue 4, items 1 to 4).
    factdesk_api_keys: SecretStr = Field(
        default=SecretStr(""),
        description="Comma-separated API keys accepted as `Authorization: Bearer <key>` for "
        "writes (and reads when protected). Empty: writes are refused.",
    )
    factdesk_api_keys_file: Path | None = Field(
        default=None, description="A file holding FACTDESK_API_KEYS (a container secret)."
    )
    factdesk_editor_keys: SecretStr = Field(
        default=SecretStr(""),
        description="Comma-separated API keys with the editor role, each `name:key` (or a "
        "bare key): they may do whatever an API key may, and judge values. Empty: no one "
        "may judge.",
    )
    factdesk_editor_keys_file: Path | None = Field(
        default=None, description="A file holding FACTDESK_EDITOR_KEYS (a container secret)."
    )
    factdesk_allow_anonymous_writes: bool = Field(
        default=False,
        description="Accept writes without a key while no API key is configured (local "
        "development only; ignored once FACTDESK_API_KEYS is set).",
    )
    factdesk_protect_reads: bool = Field(
        default=False, description="Reads (REST, GraphQL and /metrics) need an API key too."
    )
    factdesk_cors_origins: str = Field(
        default="",
        description="Comma-separated origins allowed by CORS ('*' for any); empty: no CORS.",
    )
    factdesk_public_origin: str = Field(
        default="",
        pattern=r"^(https?://[^/?#\s]+)?$",
        description="The origin browsers reach the desk at through a proxy that rewrites "
        "Host ('https://desk.example.org'): the desk's forms accept it as their own.",
    )
    factdesk_max_article_bytes: int = Field(
        default=1_048_576, ge=1, description="Largest ingest request body, bytes (413 above)."
    )
    factdesk_max_batch_bytes: int = Field(
        default=33_554_432,
        ge=1,
        description="Largest POST /api/v1/articles:batch body, bytes (413 above); each line "
        "also within the article cap.",
    )
    factdesk_idempotency_ttl: int = Field(
        default=86_400,
        ge=1,
        description="Seconds an Idempotency-Key and its stored answer are kept (a day).",
    )
    factdesk_extraction_workers: int = Field(
        default=1,
        ge=0,
        description=(
            "Processes `serve` extracts in (each loads the model); 0 extracts in a thread "
            "of the serving process."
        ),
    )
    factdesk_change_streams: int = Field(
        default=100, ge=0, description="Most change-feed event streams open at once (503 past it)."
    )
    factdesk_change_heartbeat: float = Field(
        default=15.0,
        gt=0,
        description="Seconds between heartbeat comments on an idle change-feed event stream.",
    )
    factdesk_subscriptions_per_connection: int = Field(
        default=5,
        ge=1,
        description="Most GraphQL subscriptions one WebSocket connection may run at once.",
    )
    factdesk_subscription_idle_timeout: float = Field(
        default=300.0,
        gt=0,
        description="Seconds a GraphQL WebSocket may stay open with no subscription running.",
    )
    factdesk_extraction_cpu_budget: float = Field(
        default=2.0,
        gt=0,
        description="CPU seconds one article's extraction may spend; the stages check it as "
        "they go and refuse the article past it (422 article_too_complex).",
    )
    factdesk_extraction_budget: float = Field(
        default=8.0,
        gt=0,
        description="Most CPU one article's parse or extraction may take in a worker, "
        "seconds of that worker's CPU time (four times as many on the clock as a last "
        "resort); past it the worker is stopped, a warm spare takes its place (the backstop "
        "for work the CPU budget cannot interrupt) and the article refused (422).",
    )

    # Tracing (issue 20, item 5): OpenTelemetry's own variables, so collectors' usual
    # configuration works as it is; the other OTEL_ variables (headers, sampler, resource
    # attributes) are read by the OpenTelemetry SDK itself.
    otel_exporter_otlp_endpoint: str | None = Field(
        default=None,
        description="OTLP/HTTP collector base URL (`/v1/traces` is appended). Set: `serve` "
        "sends traces there; unset (and no traces endpoint): tracing is off.",
    )
    otel_exporter_otlp_traces_endpoint: str | None = Field(
        default=None, description="OTLP/HTTP URL for traces, used as given (wins over the above)."
    )
    otel_service_name: str = Field(
        default="factdesk", description="The `service.name` spans are reported under."
    )
    otel_sdk_disabled: bool = Field(
        default=False, description="Tracing off even when an endpoint is set."
    )

    @model_validator(mode="after")
    def _read_secret_files(self) -> Settings:
        """`<NAME>_FILE` fills `<NAME>`, trimmed (secret files usually end in a newline)."""
        for name in SECRET_FILES:
            path: Path | None = getattr(self, f"{name}_file")
            if path is None:
                continue
            given: SecretStr | None = getattr(self, name)
            if given is not None and given.get_secret_value():
                raise ValueError(f"set {name.upper()} or {name.upper()}_FILE, not both")
            try:
                value = path.read_text(encoding="utf-8").strip()
            except OSError as error:
                raise ValueError(
                    f"{name.upper()}_FILE: cannot read {path} ({error.strerror})"
                ) from None
            setattr(self, name, SecretStr(value))
        if self.factdesk_pgbouncer and self.database_url and not self.factdesk_listen_database_url:
            raise ValueError(
                "FACTDESK_PGBOUNCER=true needs FACTDESK_LISTEN_DATABASE_URL: a DSN straight to "
                "PostgreSQL for the change feed's LISTEN, which PgBouncer pooling by "
                "transaction cannot carry"
            )
        return self

    @property
    def dsn(self) -> str | None:
        return self.database_url.get_secret_value() if self.database_url else None

    @property
    def listen_dsn(self) -> str | None:
        url = self.factdesk_listen_database_url
        return url.get_secret_value() if url else None

    @property
    def read_dsns(self) -> list[str]:
        raw = self.factdesk_read_database_url
        return [d.strip() for d in raw.get_secret_value().split(",") if d.strip()] if raw else []


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
