"""A real `factdesk serve` on the seeds, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from playwright.async_api import Browser, async_playwright

from service.config import REPO_ROOT
from service.db import migrate
from service.db.pool import create_pool
from service.db.scratch import recreate_database
from tests.servers import wait_ready

FACTDESK = str(Path(sys.executable).with_name("factdesk"))
CHROMIUM = "/usr/bin/chromium"
STARTUP_BOUND = 120.0  # a start-up guard, not a speed claim: 30 s was missed at load 8
# The served desk's editor (the browser tests judge values through REST with it).
EDITOR_KEY = "desk-editor-key"
EDITOR_NAME = "desk editor"
# As the machine's own check runs it: without the background-networking flags Chromium
# calls Google's hosts at start, which a closed network refuses (and which would be
# requests to another host).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # The network unplugged: every host name but the server's address fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest_asyncio.fixture(scope="package", loop_scope="session")
async def desk_url(server_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """The base URL of a real server on its own database holding the seeds."""
    from service.ingest.seeds import load_seeds

    dsn = await recreate_database(server_dsn, "factdesk_desk")
    await asyncio.to_thread(migrate.upgrade, dsn)
    pool = await create_pool(dsn, min_size=1, max_size=2)
    try:
        await load_seeds(pool, REPO_ROOT / "seeds")
    finally:
        await pool.close()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTDESK_")}
    env |= {
        "DATABASE_URL": dsn,
        "FACTDESK_LOAD_SEEDS": "false",
        "FACTDESK_MIGRATE_ON_START": "false",
        "FACTDESK_LOG_LEVEL": "warning",
        "FACTDESK_EDITOR_KEYS": f"{EDITOR_NAME}:{EDITOR_KEY}",
    }
    log = tmp_path_factory.mktemp("desk") / "server.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(  # noqa: ASYNC220 (starting a process does not block for long)
            [FACTDESK, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base) as probe:
            await wait_ready(probe, process, within=STARTUP_BOUND)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=STARTUP_BOUND)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest_asyncio.fixture(scope="package", loop_scope="session")
async def browser() -> AsyncIterator[Browser]:
    """Debian's Chromium (`.ci/run` installs it). Missing, the browser tests fail in CI
    and are skipped, with the command to install it, on a developer's machine."""
    if shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        await browser.close()


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    """Where screenshots go: FACTDESK_SCREENSHOTS (the README's come from
    `FACTDESK_SCREENSHOTS=docs/screenshots`), else the test's own directory."""
    wanted = os.environ.get("FACTDESK_SCREENSHOTS")
    target = (REPO_ROOT / wanted) if wanted else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    return target
