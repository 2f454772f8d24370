"""Registers a CJK TrueType font at start so Chinese never shows as boxes (setup-notes.md)."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

_log = logging.getLogger(__name__)

BUNDLED_FONT = "wqy-microhei.ttc"
# Installed CJK families to fall back on when the bundled file is missing (a trimmed package):
# Windows' Microsoft YaHei is TrueType too; the others are common on Linux and macOS.
INSTALLED_CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "SimSun",
)
_PROPERTY = "osteodesk_cjk_family"


def bundled_font_path() -> Path:
    """The CJK font shipped inside the package."""
    return Path(str(resources.files("osteodesk").joinpath("resources", "fonts", BUNDLED_FONT)))


def register_cjk_font(app: QApplication) -> str | None:
    """Register the CJK font and put it behind the default family; returns its family name.

    The default family stays first so Latin text keeps the platform's look; Qt falls back to the
    next family in the list for every glyph the first one lacks. With no system fonts at all the
    default resolves to the CJK font itself, which covers Latin too. Idempotent per application.
    """
    known = app.property(_PROPERTY)
    if isinstance(known, str) and known:
        return known
    family = _load_bundled() or _find_installed()
    if family is None:
        _log.warning("no CJK font found: Chinese text may show as boxes")
        return None
    font = QFont(app.font())
    default_family = QFontInfo(font).family()
    families = [family] if default_family == family else [default_family, family]
    font.setFamilies(families)
    app.setFont(font)
    app.setProperty(_PROPERTY, family)
    return family


def _load_bundled() -> str | None:
    path = bundled_font_path()
    if not path.is_file():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        _log.warning("the bundled CJK font could not be loaded")
        return None
    return families[0]


def _find_installed() -> str | None:
    installed = set(QFontDatabase.families())
    return next((name for name in INSTALLED_CJK_FAMILIES if name in installed), None)
