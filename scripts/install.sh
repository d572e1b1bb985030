#!/usr/bin/env bash
# Install eventwire into .venv at the repository root, fetch the dashboard's JS assets from the
# npm registry, and build the gazetteer cache. Safe to run again: it only redoes what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
if [ -f src/eventwire/serve/assets.py ]; then
  .venv/bin/python -m eventwire.serve.assets
fi
.venv/bin/eventwire gazetteer build
