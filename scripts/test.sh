#!/usr/bin/env bash
# Install (if needed) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/python -m pip install --quiet -e '.[test,ray]'  # the Ray engine is an optional extra; its test needs it
exec .venv/bin/python -m pytest -q "$@"
