# Sourced by the scripts beside it: make .venv match uv.lock, from nothing but python3.
# uv lives in its own small venv (.bootstrap/) so `uv sync` never uninstalls itself.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
UV_VERSION="0.13.9"
if [ ! -x .bootstrap/bin/uv ]; then
    python3 -m venv .bootstrap
    .bootstrap/bin/python -m pip install --quiet --disable-pip-version-check "uv==${UV_VERSION}"
fi
export UV_PROJECT_ENVIRONMENT="$root/.venv"
uv_sync() { .bootstrap/bin/uv sync --frozen --quiet "$@"; }
