"""Running work that must finish in a child process, so a regression fails instead of hanging.

For inputs where a quadratic (or worse) algorithm would run for hours and a linear one takes
milliseconds: the timeout is a generous bound on the order of growth, not a measure of speed.
"""

from __future__ import annotations

import subprocess
import sys

from service.config import REPO_ROOT

GENEROUS_TIMEOUT = 60.0


def run_bounded(code: str, *, stdin: str = "", timeout: float = GENEROUS_TIMEOUT) -> str:
    """Runs `code` in a fresh interpreter at the repository root; its stdout, stripped.

    A child that is still running after `timeout` seconds is killed and the test fails
    with subprocess.TimeoutExpired."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO_ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
