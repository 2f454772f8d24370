#!/usr/bin/env bash
# Set everything up (first run only) and start OsteoDesk. Extra arguments go to `osteodesk`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
need_apt $APT_RUNTIME
setup_python
exec "$VENV/bin/osteodesk" "$@"
