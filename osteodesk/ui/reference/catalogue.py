"""Clinical text for the window: catalogue sentences, drug names, dates and category colours.

Clinical sentences never go through Qt's translators; they come from the message catalogue in
the language showing now (the LanguageController sets QLocale's default to match it). Dates
follow that locale's short format with a four-digit year.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QColor

from osteodesk.core import codes, messages
from osteodesk.core.decision.render import sentence
from osteodesk.core.evaluation import Alert, MonitoringItem, ParamValue, Reason
from osteodesk.ui.i18n import system_language

# Colours chosen for contrast on white (WCAG AA for normal text).
SEVERITY_COLOURS: Final = {"urgent": "#b3261e", "warning": "#8a4b00", "info": "#1f5a96"}
RISK_COLOURS: Final = {
    "very_high": "#b3261e",
    "high": "#b34700",
    "moderate": "#6b5800",
    "low": "#2e6b30",
}
OUT_OF_RANGE_COLOUR: Final = "#b3261e"
INVALID_BACKGROUND: Final = "#ffcdd2"
SEVERITY_RANK: Final = {severity: index for index, severity in enumerate(codes.SEVERITIES)}


def ui_language() -> str:
    """The catalogue language (``zh_CN`` or ``en``) of the interface showing now."""
    return system_language(QLocale())


def _capitalised(text: str, lang: str) -> str:
    if lang == "en" and text[:1].islower():
        return text[:1].upper() + text[1:]
    return text


def label(namespace: str, code: str, lang: str | None = None) -> str:
    """The catalogue label of a code (capitalised in English); the bare code when there is none."""
    lang = lang or ui_language()
    key = f"{namespace}.{code}"
    if not messages.has(key):
        return code.replace("_", " ")
    return _capitalised(messages.text(key, lang), lang)


def drug_name(drug: str, lang: str | None = None) -> str:
    """A drug id as the clinician reads it: 地舒单抗 / Denosumab."""
    return label("drug", drug, lang)


def coded_sentence(
    namespace: str, code: str, params: Mapping[str, ParamValue], lang: str | None = None
) -> str:
    """The catalogue sentence of a reason, alert, note or monitoring item, parameters localised."""
    lang = lang or ui_language()
    if not messages.has(f"{namespace}.{code}"):
        return code.replace("_", " ")
    return _capitalised(sentence(namespace, code, lang, params), lang)


def reason_sentence(reason: Reason, lang: str | None = None) -> str:
    """A reason's sentence (without its source), with its detail when it has one."""
    text = coded_sentence("reason", reason.code, reason.params, lang)
    return f"{text} ({reason.detail})" if reason.detail else text


def alert_sentence(alert: Alert, lang: str | None = None) -> str:
    """An alert's sentence, with its detail when it has one."""
    text = coded_sentence("alert", alert.code, alert.params, lang)
    if not alert.detail:
        return text
    return f"{text} ({messages.detail_text(alert.detail, lang or ui_language())})"


def monitoring_sentence(item: MonitoringItem, lang: str | None = None) -> str:
    """Why a monitoring item is due (its reason's sentence), or its detail."""
    if item.reason:
        return coded_sentence("reason", item.reason, item.params, lang)
    return item.detail or ""


def sorted_alerts(alerts: tuple[Alert, ...] | list[Alert]) -> list[Alert]:
    """Urgent first, then warnings, then information (stable within a severity)."""
    return sorted(alerts, key=lambda a: SEVERITY_RANK.get(a.severity, len(SEVERITY_RANK)))


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


def format_date(day: date | None, locale: QLocale | None = None) -> str:
    """A date in the locale's short format ('' for None)."""
    if day is None:
        return ""
    locale = locale or QLocale()
    return locale.toString(to_qdate(day), date_format(locale))


def format_number(value: float | None, decimals: int = 1, locale: QLocale | None = None) -> str:
    """A number rounded for display only, with the locale's decimal mark ('' for None)."""
    if value is None:
        return ""
    rounded = round(float(value), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    return (locale or QLocale()).toString(rounded if rounded != 0 else 0.0, "f", decimals)


def parse_number(text: str, locale: QLocale | None = None) -> float | None:
    """A number typed in the locale's or the C notation; None when it is not a number."""
    stripped = text.strip().replace("−", "-")
    if not stripped:
        return None
    value, ok = (locale or QLocale()).toDouble(stripped)
    if ok:
        return float(value)
    try:
        return float(stripped.replace(",", "."))
    except ValueError:
        return None


def colour(name: str) -> QColor:
    """A QColor from one of the colour tables above."""
    return QColor(name)
