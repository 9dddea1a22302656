"""Time one bench script in two trees of the code, alternated round by round.

A script's `--before DIR` names another checkout (e.g. `git archive` of main); each round
runs the script's own `--one` measurement first in that tree, then in this one, each in a
fresh interpreter whose `service` package is the tree's own. The script is run by path
(bench/ is not put first on the path: its profile.py would stand for the standard
library's), so the tree timed need not have it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


def alternate(
    script: str, arguments: Sequence[str], before: Path | None, rounds: int, header: str
) -> None:
    """Run `script --one *arguments` in `before` (when given) and in this tree, `rounds`
    times, printing `header` (a Markdown table's head) before each run."""
    here = Path(__file__).resolve().parent.parent
    trees = ([("before", before.resolve())] if before else []) + [("after", here)]
    run = f"import runpy; runpy.run_path({str(Path(script).resolve())!r}, run_name='__main__')"
    command = [sys.executable, "-c", run, "--one", *arguments]
    for round_ in range(1, rounds + 1):
        for label, tree in trees:
            load = os.getloadavg()[0]
            print(
                f"\nround {round_}, {label} ({tree}), load {load:.2f}, {dt.datetime.now():%H:%M:%S}"
            )
            print(header, flush=True)
            env = dict(os.environ, PYTHONPATH=str(tree))
            subprocess.run(command, cwd=tree, env=env, check=True)
