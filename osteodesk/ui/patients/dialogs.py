"""The questions the Patients tab asks before it loses or destroys something.

Module-level functions, so tests replace them with `monkeypatch` instead of clicking a modal
box (a modal box under the offscreen platform would wait for ever).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class UnsavedChoice(Enum):
    """What to do with unsaved changes."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def unsaved_changes_box(parent: QWidget | None, name: str) -> QMessageBox:
    """The Save / Discard / Cancel box for a patient's unsaved changes (not shown yet)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("PatientDialogs", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate("PatientDialogs", "The changes to {name} are not saved.").format(
            name=name
        )
        if name
        else QCoreApplication.translate("PatientDialogs", "The new patient is not saved.")
    )
    box.setInformativeText(
        QCoreApplication.translate("PatientDialogs", "Save them before leaving?")
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_save_changes(parent: QWidget | None, name: str) -> UnsavedChoice:
    """Ask whether to save, discard or stay (Esc stays)."""
    box = unsaved_changes_box(parent, name)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return UnsavedChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def delete_box(parent: QWidget | None, name: str) -> QMessageBox:
    """The confirmation box for deleting a patient (not shown yet); No is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("PatientDialogs", "Delete patient"))
    box.setText(
        QCoreApplication.translate(
            "PatientDialogs", "Delete {name} and everything recorded about them?"
        ).format(name=name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "PatientDialogs",
            "This cannot be undone; the audit log keeps a copy. To hide a patient, archive them.",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box


def confirm_delete(parent: QWidget | None, name: str) -> bool:
    """Whether the clinician really wants to delete the patient."""
    return delete_box(parent, name).exec() == QMessageBox.StandardButton.Yes
