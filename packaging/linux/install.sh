#!/usr/bin/env bash
# Install this unpacked OsteoDesk folder for the current user (no root needed):
#   ./install.sh             -> ~/.local/opt/OsteoDesk, menu entry, icon, ~/.local/bin/osteodesk
#   ./install.sh --uninstall -> removes those again
# The patient database lives in ~/.local/share/OsteoDesk and is never touched by either.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$HOME/.local/opt/OsteoDesk"
BIN="$HOME/.local/bin"
APPS="$DATA_HOME/applications"
ICONS="$DATA_HOME/icons/hicolor/256x256/apps"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$TARGET"
    rm -f "$BIN/osteodesk" "$APPS/osteodesk.desktop" "$ICONS/osteodesk.png"
    echo "OsteoDesk removed; your data in $DATA_HOME/OsteoDesk is kept."
    exit 0
fi

if [ "$HERE" != "$TARGET" ]; then
    # Replace the program folder as a whole so no file of an older version is left behind.
    mkdir -p "$(dirname "$TARGET")"
    rm -rf "$TARGET.new"
    cp -a "$HERE" "$TARGET.new"
    rm -rf "$TARGET"
    mv "$TARGET.new" "$TARGET"
fi
mkdir -p "$BIN" "$APPS" "$ICONS"
ln -sfn "$TARGET/osteodesk" "$BIN/osteodesk"
cp "$TARGET/osteodesk.png" "$ICONS/osteodesk.png"
# The menu entry needs the absolute path: ~/.local/bin is not on every desktop's PATH.
sed "s|^Exec=osteodesk|Exec=\"$TARGET/osteodesk\"|" "$TARGET/osteodesk.desktop" > "$APPS/osteodesk.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$APPS" || true
fi
echo "OsteoDesk installed in $TARGET (command: $BIN/osteodesk; menu: Office > OsteoDesk)."
