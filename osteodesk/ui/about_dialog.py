"""Help > About: versions, the open database and the clinical-use disclaimer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from osteodesk import __version__
from osteodesk.core.constants import RULES_VERSION


class AboutDialog(QDialog):
    """What is running, on which file, and what it may and may not be used for."""

    def __init__(self, database_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self._database_path = database_path
        self.title_label = QLabel()
        self.version_label = QLabel()
        self.database_label = QLabel()
        self.disclaimer_label = QLabel()
        for label in (self.version_label, self.database_label, self.disclaimer_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.disclaimer_label.setObjectName("disclaimer_label")
        self.disclaimer_label.setStyleSheet("font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.version_label)
        layout.addWidget(self.database_label)
        layout.addSpacing(8)
        layout.addWidget(self.disclaimer_label)
        layout.addStretch(1)  # spare height goes below the text, not between the lines
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.setMinimumWidth(460)
        self.retranslate_ui()

    def set_database_path(self, path: Path) -> None:
        """Show another database (after File > Open database)."""
        self._database_path = path
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("About OsteoDesk"))
        self.title_label.setText(f"<h2>OsteoDesk {__version__}</h2>")
        self.version_label.setText(
            self.tr("Version {version}, clinical rules {rules}").format(
                version=__version__, rules=RULES_VERSION
            )
        )
        self.database_label.setText(
            self.tr("Database: {path}").format(path=str(self._database_path))
        )
        self.disclaimer_label.setText(
            self.tr(
                "OsteoDesk supports clinical decisions; it does not replace the clinician's "
                "judgement. Check every recommendation against the patient and current "
                "guidelines."
            )
        )

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
