"""The Patients tab widget (a placeholder until the clinician's window issue fills it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from osteodesk.ui.session import PatientSession


class PatientsTab(QWidget):
    """The patient list, its search box and the patient form.

    TODO(issue 5): the list model, the search box and the form replace the placeholder label.

    Signals:
        patient_activated(int): the clinician opened this patient (internal id); the main
            window shows the Assessment tab.
    """

    patient_activated = Signal(int)

    def __init__(
        self, session: PatientSession, *, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._settings = settings
        self.setObjectName("patients_tab")
        self.placeholder_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.placeholder_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder_label)
        self.retranslate_ui()

    def focus_search(self) -> None:
        """Put the keyboard focus where the clinician types a name (Edit > Find)."""
        self.placeholder_label.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.placeholder_label.setText(self.tr("The patient list will appear here."))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
