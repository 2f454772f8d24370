"""How the Patients tab shows codes, dates and numbers in the language showing now.

Clinical words (drugs, conditions, risk categories) come from the message catalogue; dates and
numbers follow the QLocale that the LanguageController set as default.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from osteodesk.core import messages
from osteodesk.ui.i18n import system_language

# Dates read the same on every tab: one definition, re-exported for the Patients tab's modules.
from osteodesk.ui.reference.catalogue import date_format as date_format
from osteodesk.ui.reference.catalogue import format_date as format_date


def catalogue_language() -> str:
    """The catalogue language (``zh_CN`` or ``en``) that matches the interface now."""
    return system_language(QLocale())


def catalogue_label(key: str, language: str | None = None) -> str:
    """The catalogue text of `key`, first letter capitalised in English (it starts a label)."""
    language = language or catalogue_language()
    label = messages.text(key, language)
    if language == "en" and label[:1].islower():
        label = label[:1].upper() + label[1:]
    return label


def drug_label(drug: str, language: str | None = None) -> str:
    """A drug id as the clinician reads it (``denosumab`` -> 地舒单抗 / Denosumab)."""
    return catalogue_label(f"drug.{drug}", language)


def format_number(value: float | None, decimals: int = 1, locale: QLocale | None = None) -> str:
    """A number with the locale's decimal mark ('' for None)."""
    if value is None:
        return ""
    locale = QLocale(locale if locale is not None else QLocale())
    # No thousands separators: years (2026) and doses (1000) read wrong with them.
    locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "f", decimals)


def parse_number(text: str, locale: QLocale | None = None) -> float | None:
    """A number typed in the locale's or the C notation; None when it is not a number."""
    stripped = text.strip()
    if not stripped:
        return None
    locale = locale if locale is not None else QLocale()
    value, ok = locale.toDouble(stripped)
    if ok:
        return float(value)
    try:
        return float(stripped.replace(",", "."))
    except ValueError:
        return None
