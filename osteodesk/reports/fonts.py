"""The one CJK TrueType font every printout uses, registered once per process.

Why one font for all text, Latin included: every font in the PDF must be embedded, and the
ReportLab standard fonts (Helvetica) and CID fonts (STSong-Light) never are, so a machine without
them shows blanks (setup-notes.md, "the CJK font trap"). ReportLab reads only TrueType outlines:
Noto CJK (CFF) fails, WenQuanYi Micro Hei and Microsoft YaHei work. Parsing the 5 MB .ttc takes
most of a render's time, so the registration is cached.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Final

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

# The name every style and canvas uses; the PDF shows the font's own (subset) name.
FONT_NAME: Final = "OsteoSans"

BUNDLED_FONT: Final = (
    Path(__file__).resolve().parent.parent / "resources" / "fonts" / ("wqy-microhei.ttc")
)

# (file name, sub-font index) of TrueType-outline CJK fonts known to work with ReportLab.
_SYSTEM_FONT_FILES: Final = (
    ("wqy-microhei.ttc", 0),
    ("wqy-zenhei.ttc", 0),
    ("msyh.ttc", 0),  # Microsoft YaHei (Windows)
    ("simhei.ttf", 0),  # SimHei (Windows)
    ("Arial Unicode.ttf", 0),  # macOS
)


class FontNotFoundError(RuntimeError):
    """No usable TrueType CJK font: the message lists every place that was searched."""


def _system_font_dirs() -> list[Path]:
    """Folders where an operating system keeps its fonts."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")]
    else:
        dirs += [
            Path("/usr/share/fonts/truetype/wqy"),
            Path("/usr/share/fonts/wqy-microhei"),
            Path("/usr/share/fonts/wqy-zenhei"),
            Path("/usr/share/fonts/truetype"),
            Path.home() / ".local" / "share" / "fonts",
        ]
    return dirs


def font_candidates() -> list[tuple[Path, int]]:
    """Font files to try, best first: the bundled font, then the known system fonts."""
    candidates = [(BUNDLED_FONT, 0)]
    for folder in _system_font_dirs():
        candidates += [(folder / name, index) for name, index in _SYSTEM_FONT_FILES]
    return candidates


_lock = threading.Lock()
_registered: Path | None = None


def register_fonts() -> str:
    """Register the CJK font under FONT_NAME (first call only) and return FONT_NAME.

    The bold and italic faces of the family map to the same font, so `<b>` in catalogue text
    never fails for want of a bold face (the font has none).
    """
    global _registered
    with _lock:
        if _registered is not None:
            return FONT_NAME
        tried: list[str] = []
        for path, index in font_candidates():
            tried.append(str(path))
            if not path.is_file():
                continue
            try:
                font = TTFont(FONT_NAME, str(path), subfontIndex=index)
            except (TTFError, OSError):
                continue  # a CFF/OTF font or a damaged file: try the next one
            pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(
                FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
            )
            _registered = path
            return FONT_NAME
        raise FontNotFoundError(
            "no TrueType CJK font found (looked in " + ", ".join(tried) + "); reinstall "
            "OsteoDesk or install the WenQuanYi Micro Hei font (fonts-wqy-microhei)"
        )


def registered_font_file() -> Path | None:
    """The file the font was loaded from, or None before the first registration."""
    return _registered
