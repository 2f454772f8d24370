#!/usr/bin/env bash
# Set everything up (first run only) and run the whole check: ruff, mypy, import-linter, pytest.
# Extra arguments go to pytest (e.g. ./test.sh tests/unit -x).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
need_apt $APT_RUNTIME $APT_TEST
setup_python
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "== ruff" >&2
"$VENV/bin/ruff" check osteodesk tests benchmarks scripts
echo "== mypy" >&2
"$VENV/bin/mypy"
echo "== import-linter" >&2
"$VENV/bin/lint-imports"
echo "== pytest" >&2
"$VENV/bin/python" -m pytest "$@"
