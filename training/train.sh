#!/usr/bin/env bash
# Prepare the corpora from the mirrored treebanks and train Factdesk's own pipeline.
# Everything is written OUTSIDE the repository (default /work/train); nothing is
# downloaded. One CPU core, one thread (the machine is shared).
#
#   training/train.sh                       # prepare + train (at most MAX_MINUTES)
#   OUT=/tmp/x MAX_MINUTES=10 training/train.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
PY="${PY:-$REPO/.venv/bin/python}"
MIRROR="${MIRROR:-/work/.mirror}"
OUT="${OUT:-/work/train}"
CORE="${CORE:-0}"
MAX_MINUTES="${MAX_MINUTES:-32}"

case "$OUT" in "$REPO"|"$REPO"/*) echo "OUT must be outside the repository" >&2; exit 2;; esac
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

taskset -c "$CORE" "$PY" "$HERE/prepare.py" \
  --ewt "$MIRROR/UniversalDependencies+UD_English-EWT/repo" \
  --uner "$MIRROR/UniversalNER+UNER_English-EWT/repo" \
  --gum "$MIRROR/amir-zeldes+gum/repo" \
  --out "$OUT/corpus"

# The wall-clock cap ends training; model-best (best dev score so far) is the result.
# timeout exits 124 when it fires: that is the expected end, not a failure.
status=0
timeout "${MAX_MINUTES}m" taskset -c "$CORE" "$PY" -m spacy train "$HERE/config.cfg" \
  --output "$OUT/output" \
  --paths.train "$OUT/corpus/train.spacy" \
  --paths.dev "$OUT/corpus/dev.spacy" \
  --system.seed 0 || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 124 ]; then exit "$status"; fi

taskset -c "$CORE" "$PY" -m spacy evaluate "$OUT/output/model-best" "$OUT/corpus/test.spacy" \
  --output "$OUT/test-scores.json"
