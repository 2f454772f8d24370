"""Pieces both documents use: escaping, dates, catalogue look-ups, letterhead and tables.

Every string that reaches a `Paragraph` passes through `esc`, catalogue text included:
Paragraph parses mini-markup, so a name like ``<b>Li & Co`` must be escaped to print literally.
Markup is only ever added by this package around already-escaped text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle, PropertySet, StyleSheet1
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Image, Paragraph, Spacer, Table, TableStyle

from osteodesk.core import messages
from osteodesk.core.evaluation import Reason
from osteodesk.reports import styles
from osteodesk.reports.data import ClinicInfo
from osteodesk.reports.fonts import register_fonts
from osteodesk.reports.templates import PageFurniture

log = logging.getLogger(__name__)

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
LOGO_MAX_HEIGHT = 18 * mm
LOGO_MAX_WIDTH = 45 * mm


def esc(value: object) -> str:
    """Text made safe for a Paragraph: markup characters escaped, line breaks kept."""
    text = escape(str(value))
    return "<br/>".join(text.splitlines()) if "\n" in text or "\r" in text else text


def t(key: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    """A catalogue sentence (not yet escaped)."""
    return messages.text(key, lang, params)


def iso(day: date | None) -> str:
    """The chart's date format: ISO 8601, unambiguous in both languages."""
    return day.isoformat() if day is not None else ""


def long_date(day: date, lang: str) -> str:
    """A date in plain words for patients: 2027年5月25日 / 25 May 2027."""
    if lang == "zh_CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def drug_name(drug: str, lang: str) -> str:
    """The clinician's name of a drug (clinical catalogue), falling back to its id."""
    key = f"drug.{drug}"
    return t(key, lang) if messages.has(key) else drug.replace("_", " ")


def patient_drug_name(drug: str, lang: str) -> str:
    """The patient's name of a drug (handout catalogue), falling back to the clinical name."""
    key = f"handout.drug.{drug}.name"
    return t(key, lang) if messages.has(key) else drug_name(drug, lang)


def framework_name(framework: str, lang: str) -> str:
    """A governing framework's full name."""
    for key in (f"framework.{framework}", f"report.framework.{framework}"):
        if messages.has(key):
            return t(key, lang)
    return framework


def coded(namespace: str, code: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    """The sentence of `namespace.code` with its parameters localised (one place: messages)."""
    return messages.coded(namespace, code, lang, params)


def split_sources(source: str) -> list[str]:
    """A reason's sources one by one ("CN 2022; AACE 2020" is two)."""
    return [part.strip() for part in source.split(";") if part.strip()]


def unique_sources(reasons: Iterable[Reason | str]) -> list[str]:
    """Every source cited, once, in order of first appearance."""
    seen: dict[str, None] = {}
    for reason in reasons:
        source = reason if isinstance(reason, str) else reason.source
        for part in split_sources(source or ""):
            seen.setdefault(part, None)
    return list(seen)


def source_citation(source: str, lang: str) -> str:
    """A short source ("CN 2022") with its full citation when the catalogue has one."""
    key = f"source.{source}"
    return f"{source}: {t(key, lang)}" if messages.has(key) else source


def reason_markup(reason: Reason, lang: str, *, with_source: bool = True) -> str:
    """A reason as escaped Paragraph markup: sentence, detail, and its source in grey."""
    parts = [esc(coded("reason", reason.code, lang, reason.params))]
    if reason.detail:
        parts.append(esc(f"({reason.detail})") if lang != "zh_CN" else esc(f"（{reason.detail}）"))
    markup = " ".join(parts) if lang != "zh_CN" else "".join(parts)
    if with_source and reason.source:
        colour = styles.MUTED.hexval()[2:]
        source = esc(t("report.source", lang, {"source": reason.source}))
        markup += f' <font color="#{colour}">{source}</font>'
    return markup


def section_heading(markup: str, sheet: StyleSheet1) -> list[Flowable]:
    """A Heading1 that starts a new page when less than a few lines' room is left.

    Why not `keepWithNext`: ReportLab then moves the heading *and* a whole table or long note
    to the next page whenever they fit on one, leaving half-empty pages.
    """
    style = sheet["Heading1"]
    return [CondPageBreak(style.leading * 5), Paragraph(markup, style)]


def bullets(items: Sequence[str], style: ParagraphStyle | PropertySet) -> list[Flowable]:
    """Paragraph markup items as a bulleted list (each already escaped)."""
    return [Paragraph(item, style, bulletText="•") for item in items]


def data_table(
    rows: Sequence[Sequence[Flowable | str]],
    col_fractions: Sequence[float],
    width: float,
    *,
    header: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A table that splits by row across pages and repeats its header row.

    Cells should be Paragraphs so that long text wraps instead of overflowing the column.
    """
    widths = [width * f for f in col_fractions]
    table = Table(
        [list(r) for r in rows],
        colWidths=widths,
        repeatRows=1 if header else 0,
        splitByRow=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle([*styles.table_commands(header=header), *extra]))
    return table


def _logo(path: object) -> Image | None:
    """The clinic logo scaled into its box, or None when it cannot be read (never fatal)."""
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
    except Exception as exc:  # noqa: BLE001 - a bad logo file must not stop a printout
        log.warning("clinic logo not usable: %s", type(exc).__name__)
        return None
    scale = min(LOGO_MAX_HEIGHT / height, LOGO_MAX_WIDTH / width)
    return Image(str(path), width=width * scale, height=height * scale)


def letterhead(clinic: ClinicInfo, title: str, sheet: StyleSheet1, width: float) -> list[Flowable]:
    """The first page's header: clinic name, department and contact lines, logo, title."""
    lines: list[Flowable] = []
    if clinic.name:
        lines.append(Paragraph(esc(clinic.name), sheet["ClinicName"]))
    if clinic.department:
        lines.append(Paragraph(esc(clinic.department), sheet["ClinicLine"]))
    contact = "  ·  ".join(part for part in (clinic.address, clinic.phone) if part)
    if contact:
        lines.append(Paragraph(esc(contact), sheet["ClinicLine"]))
    logo = _logo(clinic.logo_path) if clinic.logo_path else None
    story: list[Flowable] = []
    if lines or logo:
        logo_width = (logo.drawWidth + 6) if logo else 0
        cell: list[Flowable] | str = lines or ""
        table = Table(
            [[cell, logo or ""]],
            colWidths=[width - logo_width, logo_width] if logo else [width, 0.1],
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, styles.ACCENT),
                ]
            )
        )
        story.append(table)
        story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(esc(title), sheet["Title"]))
    return story


def furniture(
    *,
    lang: str,
    clinic: ClinicInfo,
    title: str,
    patient: str,
    printed_on: date,
    rules_version: str,
) -> PageFurniture:
    """The header and footer strings of a document."""
    clinic_line = " · ".join(part for part in (clinic.name, clinic.department) if part)
    return PageFurniture(
        header_left=clinic_line or "OsteoDesk",
        header_right=f"{title} — {patient}" if patient else title,
        disclaimer=t("report.disclaimer", lang),
        footer_note=t(
            "report.footer_note", lang, {"date": iso(printed_on), "rules": rules_version}
        ),
        page_label=t("report.page_label", lang),
    )
