"""Keep-honest checks of the Chinese interface: every tr() string translated, the .qm current."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "osteodesk_zh_CN.ts"
QM_FILE = ROOT / "osteodesk" / "resources" / "i18n" / "osteodesk_zh_CN.qm"
UI_SOURCES = sorted(str(p) for p in (ROOT / "osteodesk" / "ui").rglob("*.py"))
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def tool(name: str) -> str:
    path = Path(sys.executable).parent / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it comes with PySide6-Essentials")
    return found


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str, str]]:
    """Every (context, source) pair lupdate finds in the UI code today."""
    fresh = tmp_path_factory.mktemp("ts") / "fresh.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-locations", "none", *UI_SOURCES, "-ts", str(fresh)],
        check=True,
    )
    return set(messages(fresh))


def test_every_ui_string_has_a_finished_translation(extracted):
    committed = messages(TS_FILE)
    missing = sorted(extracted - set(committed))
    assert not missing, f"run scripts/update_translations.sh and translate: {missing}"
    unfinished = sorted(
        key
        for key in extracted
        if committed[key].get("type") is not None or not (committed[key].text or "").strip()
    )
    assert not unfinished, f"untranslated in {TS_FILE.name}: {unfinished}"


def test_no_stale_strings_in_the_ts_file(extracted):
    assert set(messages(TS_FILE)) - extracted == set()


def test_translations_keep_placeholders_and_mnemonics():
    for (context, source), translation in messages(TS_FILE).items():
        text = translation.text or ""
        where = f"{context}: {source!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert ("&" in source) == ("&" in text), where


def test_compiled_qm_matches_the_ts_file(tmp_path):
    rebuilt = tmp_path / "rebuilt.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(TS_FILE), "-qm", str(rebuilt)], check=True
    )
    assert rebuilt.read_bytes() == QM_FILE.read_bytes(), "run scripts/update_translations.sh"
