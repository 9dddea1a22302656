"""compose.yaml and the Dockerfile agree with the code, and their sequence works natively.

No container engine runs here, so the topology is proven in two halves: the files are
checked against the CLI parser and the Settings fields, and the same sequence (a one-shot
migrate-and-seed job, then two service replicas sharing one PostgreSQL) runs as processes.
"""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import orjson
import pytest
import yaml

from service.cli import build_parser
from service.config import REPO_ROOT, Settings
from service.db.scratch import recreate_database
from tests.servers import wait_ready

FACTDESK = str(Path(sys.executable).with_name("factdesk"))
WAIT = 30.0  # bound on any wait for a process


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO_ROOT / "compose.yaml").read_text())
    return data


def _interpolate(value: str) -> str:
    """Compose's `${VAR:-default}`, with the defaults (no such variable is set in tests)."""
    return re.sub(r"\$\{(\w+)(?::?-([^}]*))?\}", lambda m: m.group(2) or "", value)


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    assert isinstance(env, dict), "environment as a mapping"
    return {key: _interpolate(str(value)) for key, value in env.items()}


def _commands(command: list[str]) -> list[list[str]]:
    """The factdesk invocations in a command, `sh -c "a && b"` included."""
    if command[:2] == ["sh", "-c"]:
        return [shlex.split(part) for part in command[2].split("&&")]
    return [command]


def test_compose_services_match_the_cli_and_settings() -> None:
    compose = _compose()
    services = compose["services"]
    assert set(services) == {"postgres", "migrate", "factdesk"}
    settings = {name.upper() for name in Settings.model_fields}
    parser = build_parser()
    expected = {"migrate": [["migrate"], ["seed"]], "factdesk": [["serve"]]}
    for name in ("migrate", "factdesk"):
        service = services[name]
        seen = []
        for argv in _commands(service["command"]):
            assert argv[0] == "factdesk"
            args = parser.parse_args(argv[1:])  # exits (fails the test) on a bad command
            seen.append([args.command])
        assert seen == expected[name]
        for variable in _env(service):
            assert variable in settings, f"{name}: {variable} is not a setting"
    serve_env = _env(services["factdesk"])
    assert serve_env["FACTDESK_MIGRATE_ON_START"] == "false"  # the job migrates, once
    assert serve_env["DATABASE_URL"].startswith("postgresql://")

    assert services["postgres"]["image"].startswith("postgres:17")
    assert "pg_isready" in str(services["postgres"]["healthcheck"]["test"])
    assert any(v.startswith("pgdata:") for v in services["postgres"]["volumes"])
    assert "pgdata" in compose["volumes"]
    assert "/readyz" in str(services["factdesk"]["healthcheck"]["test"])
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert services["factdesk"]["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "migrate": {"condition": "service_completed_successfully"},
    }
    assert services["factdesk"]["deploy"]["replicas"] == 2
    # Two replicas on one host: only the container port is given, never a fixed host port.
    for port in services["factdesk"].get("ports", []):
        assert ":" not in str(port), port


def test_dockerfile_is_multi_stage_non_root_and_runs_the_cli() -> None:
    text = (REPO_ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM \S+ AS (\w+)", text, flags=re.MULTILINE)
    assert stages == ["builder", "runtime"]
    assert "uv sync --frozen --no-dev" in text  # from the lock, nothing resolved
    runtime = text.split("AS runtime", 1)[1]
    assert re.search(r"^USER factdesk$", runtime, flags=re.MULTILINE)
    assert "/healthz" in runtime.split("HEALTHCHECK", 1)[1]
    cmd = re.search(r"^CMD (\[.*\])$", runtime, flags=re.MULTILINE)
    assert cmd is not None
    argv = orjson.loads(cmd.group(1))
    assert argv[0] == "factdesk"
    assert build_parser().parse_args(argv[1:]).command == "serve"
    ignored = (REPO_ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".data", ".git"} <= set(ignored)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _process_env(compose_env: dict[str, str], dsn: str) -> dict[str, str]:
    base = {
        k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_") and k != "DATABASE_URL"
    }
    return {**base, **compose_env, "DATABASE_URL": dsn}


def _run_job(env: dict[str, str], command: list[str]) -> None:
    for argv in _commands(command):
        done = subprocess.run(
            [FACTDESK, *argv[1:]], env=env, capture_output=True, text=True, timeout=WAIT
        )
        assert done.returncode == 0, done.stderr


@pytest.fixture
def compose_dsn(server_dsn: str) -> str:
    return asyncio.run(recreate_database(server_dsn, "factdesk_compose"))


async def _wait_for_lock_waiter(conn: asyncpg.Connection) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        waiting = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        )
        if waiting:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the request never reached PostgreSQL")


async def test_compose_sequence_runs_natively(compose_dsn: str, tmp_path: Path) -> None:
    services = _compose()["services"]
    _run_job(_process_env(_env(services["migrate"]), compose_dsn), services["migrate"]["command"])

    env = _process_env(_env(services["factdesk"]), compose_dsn)
    serve = _commands(services["factdesk"]["command"])[0]
    argv = [FACTDESK, *[a for a in serve[1:] if a not in ("--port", "8000")]]
    ports = [_free_port(), _free_port()]
    logs = [tmp_path / f"replica-{n}.log" for n in range(2)]
    processes = []
    for port, log in zip(ports, logs, strict=True):
        with log.open("wb") as sink:
            processes.append(
                subprocess.Popen(  # noqa: ASYNC220 (starting a process does not block for long)
                    [*argv, "--host", "127.0.0.1", "--port", str(port)],
                    env=env,
                    stdout=sink,
                    stderr=subprocess.STDOUT,
                )
            )
    clients = [httpx.AsyncClient(base_url=f"http://127.0.0.1:{p}", timeout=10) for p in ports]
    try:
        pairs = zip(clients, processes, strict=True)
        await asyncio.gather(*(wait_ready(c, p, within=WAIT) for c, p in pairs))
        query = {"query": "{ articles { totalCount } }"}
        answers = [
            (await c.post("/graphql", json=query, headers={"X-Request-ID": f"compose-{n}"})).json()
            for n, c in enumerate(clients)
        ]
        assert answers[0] == answers[1] == {"data": {"articles": {"totalCount": 5}}}

        # Graceful shutdown: a request in flight when SIGTERM arrives still completes, and
        # /readyz says 503 from the signal on while /healthz stays up.
        locker = await asyncpg.connect(compose_dsn)
        try:
            async with locker.transaction():
                await locker.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
                # A request not asked before, so no cached answer can stand in for it.
                held = {"query": "query Held { articles { totalCount } }"}
                in_flight = asyncio.create_task(clients[0].post("/graphql", json=held))
                await _wait_for_lock_waiter(locker)
                for process in processes:
                    process.send_signal(signal.SIGTERM)
                for client in clients:
                    ready = await client.get("/readyz")
                    assert ready.status_code == 503
                    assert ready.json()["reason"] == "shutting_down"
                    assert (await client.get("/healthz")).status_code == 200
            drained = await in_flight
        finally:
            await locker.close()
        assert drained.status_code == 200
        assert drained.json() == answers[0]
        for process in processes:
            assert process.wait(timeout=WAIT) == 0
    finally:
        for client in clients:
            await client.aclose()
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()

    # Structured logs: one JSON object per line; the access line carries the request id.
    lines = [orjson.loads(line) for line in logs[0].read_text().splitlines() if line.strip()]
    access = [e for e in lines if e["logger"] == "factdesk.access" and e["path"] == "/graphql"]
    assert any(e.get("request_id") == "compose-0" and e["status"] == 200 for e in access)
