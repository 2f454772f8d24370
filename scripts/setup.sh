#!/usr/bin/env bash
# Shared set-up for ./start.sh and ./test.sh: system packages, a venv, the package.
# Idempotent: a second run with nothing changed takes about a second.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${OSTEODESK_VENV:-$ROOT/.venv}"

# Debian packages: Qt's runtime libraries (setup-notes.md), a real window (xcb), the PDF tools the
# tests use, and the venv module. The CJK font is bundled in the package, so none is needed here.
APT_RUNTIME="libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 \
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
APT_TEST="poppler-utils xvfb xauth"

need_apt() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
        missing+=("python3-venv")
    fi
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup: please install the equivalent of: ${missing[*]}" >&2
        return 0
    fi
    if [ "$(id -u)" -eq 0 ]; then
        echo "setup: installing system packages: ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "setup: missing system packages; run:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
}

setup_python() {
    local stamp="$VENV/.osteodesk-stamp"
    local want
    want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
    if [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        echo "setup: creating $VENV" >&2
        python3 -m venv "$VENV"
    fi
    "$VENV/bin/python" -m pip install -q --upgrade "pip>=25.1"
    echo "setup: installing OsteoDesk and its dependencies into $VENV" >&2
    (cd "$ROOT" && "$VENV/bin/python" -m pip install -q -e . --group dev)
    echo "$want" > "$stamp"
}
