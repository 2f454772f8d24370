#!/usr/bin/env bash
# Build the Linux one-folder bundle and its tarball from a clean checkout:
#   packaging/build-linux.sh   ->  dist/OsteoDesk-<version>-linux-x86_64.tar.gz
# The tarball's top folder OsteoDesk-<version>/ holds the `osteodesk` executable (every subcommand;
# no arguments opens the window), osteodesk.desktop, osteodesk.png and install.sh.
# Uses the project venv (.venv, or $OSTEODESK_VENV) set up as ./test.sh does, plus the `package`
# dependency group (PyInstaller). The target PC needs only `libgl1 libegl1` (docs/packaging.md).
set -euo pipefail

# scripts/setup.sh gives ROOT, VENV, APT_RUNTIME, need_apt and setup_python.
# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
cd "$ROOT"
started=$SECONDS

# The Qt runtime libraries must be on the build machine: PyInstaller copies the xcb, EGL and
# fontconfig dependencies it finds here into the bundle. binutils gives the `strip` it runs.
# shellcheck disable=SC2086  # APT_RUNTIME is a list of package names
need_apt $APT_RUNTIME binutils
setup_python
"$VENV/bin/python" -m pip install -q --group package

mkdir -p build dist
# One build at a time: the test suite and a developer may start this concurrently.
exec 9>build/.build-linux.lock
flock 9

VERSION="$("$VENV/bin/python" -c 'import osteodesk; print(osteodesk.__version__)')"
NAME="OsteoDesk-$VERSION-linux-x86_64"
OUT_DIR="build/linux-dist"
BUNDLE="$OUT_DIR/OsteoDesk"
TARBALL="dist/$NAME.tar.gz"

echo "build-linux: PyInstaller bundle of OsteoDesk $VERSION" >&2
rm -rf "$OUT_DIR"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$OUT_DIR" --workpath build/pyinstaller packaging/osteodesk.spec

cp packaging/linux/osteodesk.desktop packaging/linux/install.sh "$BUNDLE/"
cp osteodesk/resources/icons/osteodesk-256.png "$BUNDLE/osteodesk.png"
chmod +x "$BUNDLE/install.sh"

# A bundle that cannot even print its version must not be packed.
reported="$(env -i PATH=/usr/bin:/bin HOME="$ROOT/build" "$BUNDLE/osteodesk" --version)"
case "$reported" in
    *"$VERSION"*) echo "build-linux: $reported" >&2 ;;
    *) echo "build-linux: the bundle reports '$reported', expected version $VERSION" >&2; exit 1 ;;
esac

# Every bundled library must find its own dependencies (here or on any Linux desktop); a plugin
# that cannot load fails silently at run time, so catch it now.
unresolved="$(
    find "$BUNDLE/_internal" -name '*.so*' -type f -print0 |
        while IFS= read -r -d '' lib; do
            LD_LIBRARY_PATH="$BUNDLE/_internal:$BUNDLE/_internal/PySide6/Qt/lib" ldd "$lib" 2>/dev/null |
                sed -n "s|^\s*\(\S*\) => not found|${lib#"$BUNDLE/"} needs \1|p"
        done
)"
dangling="$(find "$BUNDLE" -xtype l)"
if [ -n "$dangling" ]; then
    echo "build-linux: symbolic links to files that are not in the bundle:" >&2
    echo "$dangling" >&2
    exit 1
fi
if [ -n "$unresolved" ]; then
    echo "build-linux: bundled libraries with unresolved dependencies:" >&2
    echo "$unresolved" >&2
    exit 1
fi

rm -f "$TARBALL"
compressor=gzip
command -v pigz >/dev/null 2>&1 && compressor=pigz
tar -C "$OUT_DIR" --owner=0 --group=0 --numeric-owner --use-compress-program="$compressor" \
    --transform "s|^OsteoDesk|OsteoDesk-$VERSION|" -cf "$TARBALL" OsteoDesk

unpacked="$(du -sm "$BUNDLE" | cut -f1)"
packed="$(( $(stat -c %s "$TARBALL") / 1048576 ))"
echo "build-linux: $TARBALL (${packed} MB; ${unpacked} MB unpacked) in $(( SECONDS - started )) s" >&2
