"""Running `factdesk` as a real process, as people and jobs do."""

from __future__ import annotations

import os
import subprocess
import sys

from service.config import REPO_ROOT


def factdesk(
    dsn: str,
    *args: str,
    stdin: str = "",
    stderr: int | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args],
        cwd=REPO_ROOT,
        env={**os.environ, "DATABASE_URL": dsn, "FACTDESK_LOG_LEVEL": "warning", **(env or {})},
        input=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if stderr is None else stderr,
        text=True,
        timeout=300,
        check=False,
    )
