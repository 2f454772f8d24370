"""A date field that may be blank and is typed, not clicked (birth dates, course dates).

QDateEdit cannot be empty, and its "special value" trick for a blank date defeats typing. This
line edit shows and reads the locale's four-digit-year date (also ISO ``YYYY-MM-DD``); text that
is not a date is passed on as it is, so the record gate names the field and the form marks it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QLineEdit, QWidget

from osteodesk.ui.patients.labels import date_format, format_date

ISO_FORMAT = "yyyy-M-d"  # also reads 1954-05-12


def parse_date_text(text: str, locale: QLocale | None = None) -> date | None:
    """A date typed in the locale's format (four-digit year) or as ISO; None if not a date."""
    stripped = text.strip()
    if not stripped:
        return None
    locale = locale if locale is not None else QLocale()
    for fmt in (date_format(locale), ISO_FORMAT):
        parsed = locale.toDate(stripped, fmt)
        if parsed.isValid():
            return date(parsed.year(), parsed.month(), parsed.day())
    return None


class DateLineEdit(QLineEdit):
    """A blank-able date in the locale's format; `value()` is ISO text, raw text, or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: date | None = None  # the date as read in the locale it was typed in
        self.textChanged.connect(self._on_text_changed)
        self.editingFinished.connect(self._on_editing_finished)
        self.retranslate_ui()

    def typed_date(self) -> date | None:
        """The date typed (None when blank or not a date)."""
        return parse_date_text(self.text())

    def value(self) -> str | None:
        """What the record gets: ISO for a date, the text itself when it is not one, None blank."""
        text = self.text().strip()
        if not text:
            return None
        day = parse_date_text(text)
        return day.isoformat() if day is not None else text

    def set_date(self, day: date | None) -> None:
        """Show a date (None: blank)."""
        self.setText(format_date(day))

    def set_qdate(self, day: QDate) -> None:
        """Show a QDate (an invalid one: blank)."""
        self.set_date(date(day.year(), day.month(), day.day()) if day.isValid() else None)

    def retranslate_ui(self) -> None:
        """Show the expected format as the placeholder, and re-show the date in it."""
        self.setPlaceholderText(date_format())
        if self._shown is not None:
            self.set_date(self._shown)

    def _on_text_changed(self, text: str) -> None:
        self._shown = parse_date_text(text)

    def _on_editing_finished(self) -> None:
        # "1954-5-12" or "5/12/1954": once typed, show it the one way the locale writes it.
        day = self.typed_date()
        if day is not None and self.text() != format_date(day):
            self.set_date(day)
