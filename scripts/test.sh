#!/usr/bin/env bash
# Install (if needed) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/python -m pip install --quiet torch==2.13.0  # CPU build (a local wheel here); before the extras, so no CUDA build is pulled
# Optional extras the tests cover: the Ray engine and the embedding backend of the classifier.
.venv/bin/python -m pip install --quiet -e '.[test,ray,embeddings]'
exec .venv/bin/python -m pytest -q "$@"
