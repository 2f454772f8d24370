#!/usr/bin/env bash
# Refresh the Qt Linguist source (resources/i18n/*.ts) from every tr() string in osteodesk/ui and
# compile it into the package (osteodesk/resources/i18n/*.qm). Run after changing UI strings, fill
# in the new translations (pyside6-linguist, or edit the XML), run again, commit both files.
# tests/gui/test_translations.py fails while a string is untranslated or the .qm is stale.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${OSTEODESK_VENV:-$ROOT/.venv}/bin"
[ -x "$BIN/pyside6-lupdate" ] || BIN="$(dirname "$(command -v pyside6-lupdate)")"
cd "$ROOT"

mapfile -t sources < <(find osteodesk/ui -name '*.py' | LC_ALL=C sort)
for lang in zh_CN; do
    ts="resources/i18n/osteodesk_${lang}.ts"
    qm="osteodesk/resources/i18n/osteodesk_${lang}.qm"
    # No line numbers: they would change the .ts on every unrelated edit.
    "$BIN/pyside6-lupdate" -silent -locations none -no-obsolete "${sources[@]}" -ts "$ts"
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "$qm"
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    if [ "$unfinished" -gt 0 ]; then
        echo "update_translations: $ts has $unfinished unfinished translation(s)" >&2
    fi
done
