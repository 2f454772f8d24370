"""The questions the Worklist tab asks: done on which date, snoozed until when and why, where.

Module-level `ask_*` functions, so tests replace them with `monkeypatch` instead of clicking a
modal dialog (a modal dialog under the offscreen platform would wait for ever).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from osteodesk.storage.due import WorklistEntry, dose_drug
from osteodesk.ui.patients.labels import catalogue_language, date_format, drug_label
from osteodesk.ui.reference.catalogue import from_qdate, to_qdate

DEFAULT_SNOOZE_DAYS: Final = 14
MAX_SNOOZE_DAYS: Final = 366


@dataclass(frozen=True, slots=True)
class DoneAnswer:
    """When the item was done, and an optional note."""

    day: date
    note: str | None


@dataclass(frozen=True, slots=True)
class SnoozeAnswer:
    """Until when the item is hidden, and why (required)."""

    until: date
    reason: str


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    return edit


class DoneDialog(QDialog):
    """Record that an item was done: the date (not after today) and a note."""

    def __init__(self, entry: WorklistEntry, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worklist_done_dialog")
        self.setWindowTitle(self.tr("Done"))
        language = catalogue_language()
        what = QLabel(f"<b>{entry.name or entry.display_id}</b>: {entry.what(language)}")
        what.setWordWrap(True)
        self.date_edit = _date_edit(today)
        self.date_edit.setObjectName("done_date")
        self.date_edit.setMaximumDate(to_qdate(today))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("done_note")
        self.explain_label = QLabel(self._explanation(entry))
        self.explain_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Done on:"), self.date_edit)
        form.addRow(self.tr("Note:"), self.note_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.explain_label)
        layout.addWidget(self.buttons)

    def _explanation(self, entry: WorklistEntry) -> str:
        drug = dose_drug(entry.base_code, entry.subject)
        if drug is None:
            return self.tr("The item is marked done; a DXA or a series test gets its next date.")
        return self.tr(
            "A {drug} dose on this date is added to the treatment record; the next date "
            "follows from it."
        ).format(drug=drug_label(drug))

    def answer(self) -> DoneAnswer:
        """What was entered."""
        note = self.note_edit.text().strip()
        return DoneAnswer(from_qdate(self.date_edit.date()), note or None)


class SnoozeDialog(QDialog):
    """Hide an item until a later date; a reason is required (it is kept and audited)."""

    def __init__(self, entry: WorklistEntry, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worklist_snooze_dialog")
        self.setWindowTitle(self.tr("Snooze"))
        language = catalogue_language()
        what = QLabel(f"<b>{entry.name or entry.display_id}</b>: {entry.what(language)}")
        what.setWordWrap(True)
        self.date_edit = _date_edit(today + timedelta(days=DEFAULT_SNOOZE_DAYS))
        self.date_edit.setObjectName("snooze_until")
        self.date_edit.setMinimumDate(to_qdate(today + timedelta(days=1)))
        self.date_edit.setMaximumDate(to_qdate(today + timedelta(days=MAX_SNOOZE_DAYS)))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("snooze_reason")
        self.reason_edit.setPlaceholderText(self.tr("Why (required)"))
        form = QFormLayout()
        form.addRow(self.tr("Hide until:"), self.date_edit)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.reason_edit.text().strip()))

    def answer(self) -> SnoozeAnswer:
        """What was entered."""
        return SnoozeAnswer(from_qdate(self.date_edit.date()), self.reason_edit.text().strip())


def ask_done(parent: QWidget | None, entry: WorklistEntry, today: date) -> DoneAnswer | None:
    """Ask when the item was done (None: cancelled)."""
    dialog = DoneDialog(entry, today, parent)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_snooze(parent: QWidget | None, entry: WorklistEntry, today: date) -> SnoozeAnswer | None:
    """Ask until when and why to snooze (None: cancelled)."""
    dialog = SnoozeDialog(entry, today, parent)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The print dialog; the printer chosen (None: cancelled)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_save_path(
    parent: QWidget | None, title: str, suggested: Path, file_filter: str
) -> Path | None:
    """Where to save a file (None: cancelled)."""
    path, _selected = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(path) if path else None


def tell(parent: QWidget | None, title: str, text: str) -> None:
    """Say why something could not be done (a message box)."""
    QMessageBox.warning(parent, title, text)
