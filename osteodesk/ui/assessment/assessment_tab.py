"""The Assessment tab widget (a placeholder until the clinician's window issue fills it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from osteodesk.ui.session import PatientSession


class AssessmentTab(QWidget):
    """DXA results, labs, FRAX and the live evaluation of the current patient.

    TODO(issue 5): the DXA, lab and evaluation panels replace the placeholder label.
    """

    def __init__(self, session: PatientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("assessment_tab")
        self.placeholder_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.placeholder_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder_label)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.placeholder_label.setText(
            self.tr("The assessment of the selected patient will appear here.")
        )

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
