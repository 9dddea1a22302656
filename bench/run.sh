#!/bin/sh
# One command for the benchmark: installs wrk (apt) and PostGraphile 4 (npm ci, under
# bench/node_modules, never part of the service), builds .venv, then runs bench/run.py.
#   bench/run.sh                        # corpora of 1k, 10k and 100k articles
#   bench/run.sh --sizes 1000 --duration 5
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q wrk
    else sudo apt-get update -q && sudo apt-get install -y -q wrk; fi
fi
if [ ! -x "$here/node_modules/.bin/postgraphile" ]; then
    (cd "$here" && npm ci --no-audit --no-fund)
fi
[ -x "$root/.venv/bin/python" ] || "$root/scripts/factdesk" --help >/dev/null
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}/runtime-$(id -u)}"
cd "$root"
exec "$root/.venv/bin/python" -m bench.run "$@"
