"""Chinese never shows as boxes: the bundled CJK font renders it even with no system fonts."""

import json
import os
import subprocess
import sys

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from osteodesk.ui.fonts import bundled_font_path, register_cjk_font

EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>
"""

# Lays out the visible strings of the Chinese window and reports which font drew each glyph.
PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase, QTextLayout
from osteodesk.ui.app import create_main_window

folder = Path(sys.argv[1])
settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
window = create_main_window(folder / "db.sqlite3", settings=settings, language="zh_CN")
texts = [window.tabs.tabText(i) for i in range(3)]
texts += [a.text() for a in window.menuBar().actions()]
texts += [window.database_label.text(), window.show_about().disclaimer_label.text()]
runs = []
for text in texts:
    layout = QTextLayout(text, window.font())
    layout.beginLayout(); layout.createLine(); layout.endLayout()
    for run in layout.glyphRuns():
        runs.append([run.rawFont().familyName(), list(run.glyphIndexes())])
system = [f for f in QFontDatabase.families() if f not in ("Sans Serif", "Serif", "Monospace")]
print(json.dumps({"texts": texts, "runs": runs, "system": system}))
window.close()
"""


def test_chinese_renders_with_the_bundled_font_and_no_system_fonts(tmp_path):
    (tmp_path / "fonts").mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        EMPTY_FONTCONFIG.format(fonts=tmp_path / "fonts", cache=tmp_path / "cache"),
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout)
    assert probe["system"] == ["WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"]
    assert probe["texts"][:3] == ["患者", "评估", "治疗方案"]
    assert probe["runs"]
    for family, glyphs in probe["runs"]:
        assert family == "WenQuanYi Micro Hei"
        assert 0 not in glyphs  # glyph 0 is the "missing" box


def test_registration_is_idempotent_and_puts_the_font_in_the_fallback_list(qapp: QApplication):
    assert bundled_font_path().is_file()
    family = register_cjk_font(qapp)
    assert family == "WenQuanYi Micro Hei"
    assert register_cjk_font(qapp) == family
    assert family in qapp.font().families()
    assert family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
