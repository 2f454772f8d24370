"""How the printouts look: one stylesheet of named styles, with inheritance (style.md B6).

Content code uses the style names only; every font name, size and colour lives here. All text
uses the one embedded CJK font (fonts.py), Latin included, so no unembedded font reaches a PDF.
"""

from __future__ import annotations

from typing import Final

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm

from osteodesk.reports.fonts import register_fonts

# Body sizes in points: the chart copy is dense, the handout is for older eyes.
CLINICIAN_BODY_SIZE: Final = 9.5
PATIENT_BODY_SIZE: Final = 12.0
LARGE_PRINT_BODY_SIZE: Final = 15.0  # the issue asks for at least 14 pt

FOOTER_SIZE: Final = 7.5
HEADER_SIZE: Final = 8.0
CARD_SIZE: Final = 9.0

INK: Final = colors.HexColor("#1a1a1a")
MUTED: Final = colors.HexColor("#5c6670")
ACCENT: Final = colors.HexColor("#1f5f7a")
RULE: Final = colors.HexColor("#9fb3bf")
HEADER_FILL: Final = colors.HexColor("#e3edf2")
ZEBRA_FILL: Final = colors.HexColor("#f5f8fa")
SEVERITY_COLOURS: Final = {
    "urgent": colors.HexColor("#b3261e"),
    "warning": colors.HexColor("#9a5b00"),
    "info": colors.HexColor("#3d5a73"),
}
SEVERITY_ORDER: Final = ("urgent", "warning", "info")

PAGE_MARGIN: Final = 16 * mm
HEADER_HEIGHT: Final = 10 * mm
FOOTER_HEIGHT: Final = 12 * mm
CARD_WIDTH: Final = 85 * mm  # ISO/IEC 7810 ID-1, a bank card
CARD_HEIGHT: Final = 54 * mm


def body_size(*, patient: bool, large_print: bool) -> float:
    """The body font size for an audience."""
    if large_print:
        return LARGE_PRINT_BODY_SIZE
    return PATIENT_BODY_SIZE if patient else CLINICIAN_BODY_SIZE


def build_stylesheet(lang: str, large_print: bool = False, *, patient: bool = False) -> StyleSheet1:
    """Named paragraph styles for one document, language and print size.

    Chinese needs `wordWrap='CJK'` (lines break between any two characters) and a little more
    leading; English keeps normal word wrapping. `patient=True` gives the handout's larger type.
    """
    font = register_fonts()
    size = body_size(patient=patient, large_print=large_print)
    chinese = lang == "zh_CN"
    leading = size * (1.45 if chinese else 1.3)
    wrap = "CJK" if chinese else None

    sheet = StyleSheet1()
    sheet.add(
        ParagraphStyle(
            "Base",
            fontName=font,
            bulletFontName=font,
            fontSize=size,
            leading=leading,
            textColor=INK,
            wordWrap=wrap,
            splitLongWords=True,
        )
    )
    base = sheet["Base"]
    sheet.add(ParagraphStyle("Body", parent=base, spaceAfter=size * 0.3))
    sheet.add(ParagraphStyle("Small", parent=base, fontSize=size * 0.85, leading=leading * 0.85))
    sheet.add(ParagraphStyle("Muted", parent=sheet["Small"], textColor=MUTED))
    sheet.add(
        ParagraphStyle(
            "Title",
            parent=base,
            fontSize=size * 1.75,
            leading=size * 2.2,
            textColor=ACCENT,
            spaceAfter=size * 0.4,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading1",
            parent=base,
            fontSize=size * 1.3,
            leading=size * 1.7,
            textColor=ACCENT,
            spaceBefore=size * 0.9,
            spaceAfter=size * 0.3,
            keepWithNext=False,  # see common.section_heading
        )
    )
    sheet.add(
        ParagraphStyle(
            "Heading2",
            parent=base,
            fontSize=size * 1.1,
            leading=size * 1.45,
            textColor=INK,
            spaceBefore=size * 0.5,
            spaceAfter=size * 0.2,
            keepWithNext=True,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Bullet",
            parent=sheet["Body"],
            leftIndent=size * 1.2,
            bulletIndent=size * 0.3,
            spaceAfter=size * 0.15,
        )
    )
    sheet.add(ParagraphStyle("Cell", parent=base, spaceAfter=0))
    sheet.add(ParagraphStyle("CellSmall", parent=sheet["Small"]))
    sheet.add(ParagraphStyle("CellHeader", parent=sheet["Cell"], textColor=ACCENT))
    sheet.add(ParagraphStyle("CellRight", parent=sheet["Cell"], alignment=TA_RIGHT))
    sheet.add(
        ParagraphStyle(
            "ClinicName", parent=base, fontSize=size * 1.35, leading=size * 1.75, textColor=ACCENT
        )
    )
    sheet.add(ParagraphStyle("ClinicLine", parent=sheet["Muted"]))
    sheet.add(
        ParagraphStyle(
            "Emphasis",
            parent=sheet["Body"],
            textColor=ACCENT,
            fontSize=size * 1.1,
            leading=leading * 1.1,
        )
    )
    for severity, colour in SEVERITY_COLOURS.items():
        sheet.add(ParagraphStyle(f"Severity-{severity}", parent=sheet["Cell"], textColor=colour))
    sheet.add(ParagraphStyle("Disclaimer", parent=sheet["Muted"], spaceBefore=size))
    sheet.add(
        ParagraphStyle("Signature", parent=base, spaceBefore=size * 2.5, leading=leading * 1.6)
    )
    sheet.add(
        ParagraphStyle(
            "CardTitle",
            parent=base,
            fontSize=CARD_SIZE * 1.3,
            leading=CARD_SIZE * 1.7,
            textColor=ACCENT,
            alignment=TA_CENTER,
        )
    )
    sheet.add(ParagraphStyle("CardText", parent=base, fontSize=CARD_SIZE, leading=CARD_SIZE * 1.35))
    sheet.add(
        ParagraphStyle(
            "CardDate", parent=sheet["CardText"], fontSize=CARD_SIZE * 1.25, leading=CARD_SIZE * 1.6
        )
    )
    sheet.add(ParagraphStyle("CardRule", parent=sheet["CardText"], textColor=ACCENT))
    return sheet


def table_commands(*, header: bool = True, zebra: bool = True) -> list[tuple]:
    """The house table look: thin rules, a tinted header row, optional zebra stripes.

    FONTNAME is set for the whole table so that even a plain-string cell never falls back to
    Helvetica (which would not be embedded).
    """
    font = register_fonts()
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    first_body_row = 1 if header else 0
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ]
    if zebra:
        commands.append(
            ("ROWBACKGROUNDS", (0, first_body_row), (-1, -1), [colors.white, ZEBRA_FILL])
        )
    return commands
