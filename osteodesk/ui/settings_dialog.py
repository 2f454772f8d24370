"""Edit > Settings: the database passphrase (encryption at rest) and the idle lock.

Setting, changing or removing the passphrase happens at once when its button is pressed (the
composition root closes the database, converts it with a verified copy and opens it again);
the idle minutes and the lock PIN are saved with OK.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from osteodesk.ui.lock_screen import (
    IDLE_MINUTES_KEY,
    LOCK_PIN_KEY,
    MIN_PIN_LENGTH,
    hash_pin,
    idle_minutes,
)

MIN_PASSPHRASE_LENGTH: Final = 8  # the same rule as storage.crypto.check_new_passphrase
MAX_IDLE_MINUTES: Final = 240

PassphraseChanger = Callable[[str | None, str | None], None]


class SettingsDialog(QDialog):
    """Passphrase and idle-lock settings.

    Args:
        settings: where the idle minutes and the lock PIN hash are kept.
        encrypted: whether the open database is encrypted now.
        change_passphrase: ``(current or None, new or None)``; converts the database and raises
            (with a message to show) when it could not.

    Signals:
        lock_settings_changed(int): OK was pressed; the idle minutes (0: off).
    """

    lock_settings_changed = Signal(int)

    def __init__(
        self,
        *,
        settings: QSettings,
        encrypted: bool,
        change_passphrase: PassphraseChanger,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self._settings = settings
        self._change_passphrase = change_passphrase
        self.encrypted = encrypted

        self.encryption_box = QGroupBox()
        self.status_label = QLabel()
        self.status_label.setObjectName("encryption_status")
        self.status_label.setWordWrap(True)
        self.current_edit = self._secret_edit("current_passphrase")
        self.new_edit = self._secret_edit("new_passphrase")
        self.repeat_edit = self._secret_edit("repeat_passphrase")
        self.set_button = QPushButton()
        self.set_button.setObjectName("set_passphrase")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_passphrase")
        self.passphrase_message = QLabel()
        self.passphrase_message.setObjectName("passphrase_message")
        self.passphrase_message.setWordWrap(True)
        self.encryption_form = QFormLayout()
        self.current_label = QLabel()
        self.new_label = QLabel()
        self.repeat_label = QLabel()
        self.encryption_form.addRow(self.current_label, self.current_edit)
        self.encryption_form.addRow(self.new_label, self.new_edit)
        self.encryption_form.addRow(self.repeat_label, self.repeat_edit)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.set_button)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)
        encryption_layout = QVBoxLayout(self.encryption_box)
        encryption_layout.addWidget(self.status_label)
        encryption_layout.addLayout(self.encryption_form)
        encryption_layout.addLayout(buttons_row)
        encryption_layout.addWidget(self.passphrase_message)

        self.lock_box = QGroupBox()
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("idle_minutes")
        self.minutes_spin.setRange(0, MAX_IDLE_MINUTES)
        self.minutes_spin.setValue(idle_minutes(settings))
        self.pin_edit = self._secret_edit("lock_pin")
        self.pin_repeat_edit = self._secret_edit("repeat_lock_pin")
        self.lock_message = QLabel()
        self.lock_message.setObjectName("lock_message")
        self.lock_message.setWordWrap(True)
        self.lock_hint = QLabel()
        self.lock_hint.setWordWrap(True)
        self.minutes_label = QLabel()
        self.pin_label = QLabel()
        self.pin_repeat_label = QLabel()
        lock_form = QFormLayout()
        lock_form.addRow(self.minutes_label, self.minutes_spin)
        lock_form.addRow(self.pin_label, self.pin_edit)
        lock_form.addRow(self.pin_repeat_label, self.pin_repeat_edit)
        lock_layout = QVBoxLayout(self.lock_box)
        lock_layout.addWidget(self.lock_hint)
        lock_layout.addLayout(lock_form)
        lock_layout.addWidget(self.lock_message)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.encryption_box)
        layout.addWidget(self.lock_box)
        layout.addWidget(self.buttons)
        self.set_button.clicked.connect(self._on_set_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        self.retranslate_ui()

    @staticmethod
    def _secret_edit(name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    # --- the passphrase ----------------------------------------------------------------------

    def set_passphrase(self) -> bool:
        """Set (or change) the passphrase from the fields; True when the database was converted."""
        new = self.new_edit.text()
        if len(new) < MIN_PASSPHRASE_LENGTH:
            return self._say(
                self.tr("The passphrase needs at least {count} characters.").format(
                    count=MIN_PASSPHRASE_LENGTH
                )
            )
        if new != self.repeat_edit.text():
            return self._say(self.tr("The two new passphrases are not the same."))
        current = self.current_edit.text() if self.encrypted else None
        if not self._run(current, new):
            return False
        self.encrypted = True
        self._clear_fields()
        self.passphrase_message.setText(
            self.tr(
                "The database and its automatic backups are now encrypted. Keep the passphrase"
                " safe: without it nobody, not even support, can open them."
            )
        )
        self._update_state()
        return True

    def remove_passphrase(self) -> bool:
        """Decrypt the database (needs the current passphrase); True when done."""
        if not self.encrypted:
            return False
        if not self._run(self.current_edit.text(), None):
            return False
        self.encrypted = False
        self._clear_fields()
        self.passphrase_message.setText(
            self.tr("The passphrase was removed: the database is no longer encrypted.")
        )
        self._update_state()
        return True

    def _run(self, current: str | None, new: str | None) -> bool:
        try:
            self._change_passphrase(current, new)
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, none is a crash
            return self._say(str(exc))
        return True

    def _say(self, text: str) -> bool:
        self.passphrase_message.setText(text)
        return False

    def _clear_fields(self) -> None:
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.clear()

    # --- the idle lock -----------------------------------------------------------------------

    def save_lock_settings(self) -> bool:
        """Keep the idle minutes and the PIN; False (with a message) when they do not fit."""
        minutes = self.minutes_spin.value()
        pin = self.pin_edit.text()
        if pin or self.pin_repeat_edit.text():
            if len(pin) < MIN_PIN_LENGTH:
                self.lock_message.setText(
                    self.tr("The lock PIN needs at least {count} characters.").format(
                        count=MIN_PIN_LENGTH
                    )
                )
                return False
            if pin != self.pin_repeat_edit.text():
                self.lock_message.setText(self.tr("The two lock PINs are not the same."))
                return False
        has_pin = bool(pin) or bool(self._settings.value(LOCK_PIN_KEY, ""))
        if minutes and not self.encrypted and not has_pin:
            self.lock_message.setText(
                self.tr("Set a lock PIN (or a database passphrase) to use the idle lock.")
            )
            return False
        if pin:
            self._settings.setValue(LOCK_PIN_KEY, hash_pin(pin))
        self._settings.setValue(IDLE_MINUTES_KEY, minutes)
        self._settings.sync()
        self.lock_settings_changed.emit(minutes)
        return True

    # --- slots and strings -------------------------------------------------------------------

    def _on_set_button_clicked(self) -> None:
        self.set_passphrase()

    def _on_remove_button_clicked(self) -> None:
        self.remove_passphrase()

    def _on_buttons_accepted(self) -> None:
        if self.save_lock_settings():
            self.accept()

    def _update_state(self) -> None:
        self.current_label.setVisible(self.encrypted)
        self.current_edit.setVisible(self.encrypted)
        self.remove_button.setEnabled(self.encrypted)
        self.status_label.setText(
            self.tr("The database is encrypted.")
            if self.encrypted
            else self.tr("The database is not encrypted.")
        )
        self.set_button.setText(
            self.tr("&Change passphrase") if self.encrypted else self.tr("&Set passphrase")
        )

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("Settings"))
        self.encryption_box.setTitle(self.tr("Database encryption"))
        self.current_label.setText(self.tr("Current passphrase:"))
        self.new_label.setText(self.tr("New passphrase:"))
        self.repeat_label.setText(self.tr("Repeat it:"))
        self.remove_button.setText(self.tr("&Remove passphrase"))
        self.lock_box.setTitle(self.tr("Lock when idle"))
        self.lock_hint.setText(
            self.tr(
                "Hide patient data after some minutes without use. It is unlocked with the"
                " database passphrase, or with this lock PIN when the database is not encrypted."
            )
        )
        self.minutes_label.setText(self.tr("Lock after (minutes):"))
        self.minutes_spin.setSpecialValueText(self.tr("never"))
        self.pin_label.setText(self.tr("Lock PIN:"))
        self.pin_repeat_label.setText(self.tr("Repeat the PIN:"))
        self._update_state()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
