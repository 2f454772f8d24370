"""The idle lock: after N minutes without input, patient data is hidden until the secret is typed.

`IdleLock` watches the application's input events and locks the main window when the timer
runs out: the tabs are hidden, a `LockScreen` covers the window, the menus are disabled, other
windows of OsteoDesk are hidden and the title no longer names anything. The secret is the
database passphrase when the database is encrypted, else the lock PIN set in Settings (kept
as a salted PBKDF2 hash, never as text). Off by default.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

IDLE_MINUTES_KEY: Final = "security/idle_lock_minutes"
LOCK_PIN_KEY: Final = "security/lock_pin"
PIN_ITERATIONS: Final = 200_000  # PBKDF2-SHA256; our choice, ~0.1 s on the clinic's PC
MIN_PIN_LENGTH: Final = 4
_INPUT_EVENTS: Final = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def idle_minutes(settings: QSettings) -> int:
    """The idle minutes before the lock (0: never)."""
    try:
        return max(0, int(str(settings.value(IDLE_MINUTES_KEY, 0))))
    except (TypeError, ValueError):
        return 0


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``pbkdf2-sha256$iterations$salt$hash`` of a lock PIN (what the settings keep)."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, PIN_ITERATIONS)
    return f"pbkdf2-sha256${PIN_ITERATIONS}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` is the PIN whose hash is `stored` (constant-time comparison)."""
    try:
        kind, iterations, salt_hex, digest_hex = stored.split("$")
        salt = bytes.fromhex(salt_hex)
        rounds = int(iterations)
    except ValueError:
        return False
    if kind != "pbkdf2-sha256":
        return False
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, rounds)
    return hmac.compare_digest(digest.hex(), digest_hex)


class LockScreen(QWidget):
    """Covers the window while it is locked: a passphrase field and an Unlock button.

    Signals:
        unlock_requested(str): the user typed a secret and asked to unlock.
    """

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        self.title_label = QLabel()
        self.title_label.setObjectName("lock_title")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.secret_edit = QLineEdit()
        self.secret_edit.setObjectName("lock_secret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setMinimumWidth(260)
        self.secret_edit.setMaximumWidth(320)
        self.error_label = QLabel()
        self.error_label.setObjectName("lock_error")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.secret_edit, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.error_label)
        layout.addStretch(2)
        self.unlock_button.clicked.connect(self._on_unlock_button_clicked)
        self.secret_edit.returnPressed.connect(self._on_unlock_button_clicked)
        self.retranslate_ui()

    def show_error(self, text: str) -> None:
        """Say why the secret was not accepted (and clear the field)."""
        self.error_label.setText(text)
        self.secret_edit.clear()
        self.secret_edit.setFocus()

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.title_label.setText("<h2>" + self.tr("OsteoDesk is locked") + "</h2>")
        self.hint_label.setText(
            self.tr("Patient data is hidden. Type the passphrase (or lock PIN) to continue.")
        )
        self.secret_edit.setPlaceholderText(self.tr("Passphrase or PIN"))
        self.unlock_button.setText(self.tr("&Unlock"))

    def _on_unlock_button_clicked(self) -> None:
        self.unlock_requested.emit(self.secret_edit.text())

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class IdleLock(QObject):
    """Locks `window` after `minutes` without keyboard or mouse input; unlocks on the secret.

    Args:
        window: the main window to lock.
        minutes: idle minutes before locking; 0 turns the lock off.
        verify: says whether a typed secret unlocks (passphrase or PIN check).
        timer: the idle timer (a single-shot QTimer is made if None; tests inject one).
        interval_ms: overrides ``minutes`` (tests use a few milliseconds).

    Signals:
        locked(): the window was locked.
        unlocked(): the right secret was typed.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QMainWindow,
        *,
        minutes: int,
        verify: Callable[[str], bool],
        timer: QTimer | None = None,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._verify = verify
        self._timer = timer if timer is not None else QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self._interval_ms = 0
        self.is_locked = False
        self.screen: LockScreen | None = None
        self._hidden_windows: list[QWidget] = []
        self._title = ""
        self._watching = False
        window.installEventFilter(self)  # resizes, to keep the lock screen covering it
        self.set_minutes(minutes, interval_ms=interval_ms)

    @property
    def interval_ms(self) -> int:
        """The idle time in milliseconds (0: off)."""
        return self._interval_ms

    def set_minutes(self, minutes: int, *, interval_ms: int | None = None) -> None:
        """Change the idle time (from Settings); 0 switches the lock off."""
        self._interval_ms = interval_ms if interval_ms is not None else max(0, minutes) * 60_000
        # Every event of the application passes an application-wide filter: only while on.
        app = QApplication.instance()
        if app is not None and self._interval_ms > 0 and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        elif app is not None and self._interval_ms == 0 and self._watching:
            app.removeEventFilter(self)
            self._watching = False
        self._restart()

    def set_verifier(self, verify: Callable[[str], bool]) -> None:
        """Another secret check (the passphrase was set, changed or removed)."""
        self._verify = verify

    def lock(self) -> None:
        """Hide every patient detail now."""
        if self.is_locked:
            return
        self.is_locked = True
        self._timer.stop()
        window = self._window
        self._title = window.windowTitle()
        window.setWindowTitle(self.tr("OsteoDesk (locked)"))
        central = window.centralWidget()
        if central is not None:
            central.hide()
        window.menuBar().setEnabled(False)
        window.statusBar().clearMessage()
        self._hidden_windows = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not window and widget.isVisible() and _belongs_to(widget, window)
        ]
        for widget in self._hidden_windows:
            widget.hide()
        self.screen = LockScreen(window)
        self.screen.unlock_requested.connect(self.try_unlock)
        self._cover()
        self.screen.show()
        self.screen.raise_()
        self.screen.secret_edit.setFocus()
        self.locked.emit()

    def try_unlock(self, secret: str) -> bool:
        """Unlock if `secret` is right; else say so on the lock screen."""
        if not self.is_locked:
            return True
        if not secret or not self._verify(secret):
            if self.screen is not None:
                self.screen.show_error(self.tr("That is not the passphrase or PIN."))
            return False
        self.is_locked = False
        window = self._window
        if self.screen is not None:
            self.screen.hide()
            self.screen.deleteLater()
            self.screen = None
        central = window.centralWidget()
        if central is not None:
            central.show()
        window.menuBar().setEnabled(True)
        window.setWindowTitle(self._title)
        for widget in self._hidden_windows:
            widget.show()
        self._hidden_windows = []
        self._restart()
        self.unlocked.emit()
        return True

    def _restart(self) -> None:
        if self._interval_ms > 0 and not self.is_locked:
            self._timer.start(self._interval_ms)
        else:
            self._timer.stop()

    def _cover(self) -> None:
        if self.screen is not None:
            self.screen.setGeometry(self._window.rect())

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT_EVENTS and not self.is_locked:
            self._restart()
        elif kind == QEvent.Type.Resize and watched is self._window:
            self._cover()
        return False


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    """Whether a top-level widget is one of the window's own (dialogs, previews)."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False
