"""At start: the passphrase of an encrypted database (asked again, with the reason, if wrong)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override


class PassphraseDialog(QDialog):
    """Asks for the passphrase of `path`; `error` says why the last one did not open it."""

    def __init__(
        self, path: Path, *, error: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self._path = path
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(error or "")
        self.error_label.setObjectName("passphrase_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setVisible(bool(error))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.passphrase_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(440)
        self.retranslate_ui()

    @property
    def passphrase(self) -> str:
        """What was typed."""
        return self.passphrase_edit.text()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("Encrypted database"))
        self.intro_label.setText(
            self.tr("The database {path} is encrypted. Type its passphrase to open it.").format(
                path=str(self._path)
            )
        )
        self.passphrase_edit.setPlaceholderText(self.tr("Passphrase"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def ask_passphrase(path: Path, *, error: str | None = None) -> str | None:
    """Show the dialog (modal); the passphrase, or None when the user cancelled."""
    dialog = PassphraseDialog(path, error=error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase
