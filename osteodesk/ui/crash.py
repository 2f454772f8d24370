"""Unexpected exceptions: a copyable report on screen and in a rotating log, never patient data.

An exception's message can carry what the clinician typed (a name, an id, a T-score), so the
report names the exception type and the code locations only. ``str(exc)`` is never written.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from osteodesk import __version__

LOGGER_NAME = "osteodesk"
LOG_FILENAME = "osteodesk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]

_log = logging.getLogger(f"{LOGGER_NAME}.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def configure_logging(folder: Path) -> RotatingFileHandler:
    """Send the ``osteodesk`` loggers to a rotating file in `folder`; returns the handler."""
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        folder / LOG_FILENAME, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def format_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """A bug report without data: versions, exception types and frames, never messages."""
    from osteodesk.core.constants import RULES_VERSION

    lines = [
        f"OsteoDesk {__version__} (rules {RULES_VERSION})",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        "",
    ]
    lines += _chain_lines(exc_type, exc, tb)
    return "\n".join(lines)


_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"


def _chain_lines(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> list[str]:
    """The exception and its causes, oldest first, as Python prints them."""
    entries: list[tuple[str, type[BaseException], BaseException, TracebackType | None]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    kind, trace = exc_type, tb
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        following: BaseException | None = None
        link = ""
        if current.__cause__ is not None:
            following, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            following, link = current.__context__, _CONTEXT
        entries.append((link, kind, current, trace))
        current = following
        if following is not None:
            kind, trace = type(following), following.__traceback__
    lines: list[str] = []
    for link, kind, value, trace in reversed(entries):
        if link and lines:
            lines += ["", link, ""]
        lines += _one_exception(kind, value, trace)
    return lines


def _one_exception(
    kind: type[BaseException], value: BaseException, trace: TracebackType | None
) -> list[str]:
    lines = ["Traceback (most recent call last):"]
    # No source lines: even code can hold a literal that looks like patient data, and file,
    # line and function are enough to find the place.
    for frame, line_number in traceback.walk_tb(trace):
        code = frame.f_code
        where = _short_path(code.co_filename)
        lines.append(f'  File "{where}", line {line_number}, in {code.co_name}')
    detail = f" [errno {value.errno}]" if isinstance(value, OSError) and value.errno else ""
    lines.append(f"{kind.__module__}.{kind.__qualname__}{detail} (message withheld)")
    return lines


def _short_path(filename: str) -> str:
    """Paths in the package relative to it, others by file name (a folder can hold a name)."""
    path = Path(filename)
    try:
        return path.resolve().relative_to(_PACKAGE_ROOT).as_posix()
    except (ValueError, OSError):
        return path.name


class CrashDialog(QDialog):
    """Shows crash reports in a read-only text box with a Copy button; the window lives on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setMinimumSize(560, 360)
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.report_edit = QPlainTextEdit()
        self.report_edit.setReadOnly(True)
        self.report_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.report_edit)
        layout.addWidget(self.buttons)
        self.copy_button.clicked.connect(self.copy_report)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()

    def add_report(self, report: str) -> None:
        """Append a report (several errors in a row go into the one dialog)."""
        if self.report_edit.toPlainText():
            self.report_edit.appendPlainText("\n" + "-" * 40 + "\n")
        self.report_edit.appendPlainText(report)

    def copy_report(self) -> None:
        """Put the whole report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report_edit.toPlainText())

    def retranslate_ui(self) -> None:
        """Set every visible string in the current language."""
        self.setWindowTitle(self.tr("OsteoDesk: unexpected error"))
        self.intro_label.setText(
            self.tr(
                "Something went wrong. Your data is safe and OsteoDesk keeps running. "
                "The report below contains no patient data; copy it and send it to your "
                "support contact."
            )
        )
        self.copy_button.setText(self.tr("Copy report"))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class CrashReporter(QObject):
    """The sys and threading exception hooks: log the report, then show it in the dialog.

    Hooks may run on any thread; the dialog is shown on the GUI thread through a queued signal.

    Signals:
        report_ready(str): a report was written to the log and should be shown.
    """

    report_ready = Signal(str)

    def __init__(
        self,
        *,
        parent_widget: Callable[[], QWidget | None] = lambda: None,
        logger: logging.Logger | None = None,
    ) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._logger = logger or _log
        self.dialog: CrashDialog | None = None
        self._previous: tuple[object, object] | None = None
        self.report_ready.connect(self._show_report)

    def install(self) -> None:
        """Route uncaught exceptions of every thread here."""
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Give the hooks back to whoever had them before."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook``: Qt slots and event handlers end up here too."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.handle(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook`` for worker threads."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """Log the report and ask the GUI thread to show it; never raises."""
        try:
            report = format_report(exc_type, exc, tb)
            self._logger.error("unexpected exception\n%s", report)
            self.report_ready.emit(report)
        except Exception:  # noqa: BLE001 - the hook of last resort must not fail
            sys.__excepthook__(exc_type, exc, tb)

    def _show_report(self, report: str) -> None:
        if self.dialog is None:
            self.dialog = CrashDialog(self._parent_widget())
            self.dialog.finished.connect(self._forget_dialog)
        self.dialog.add_report(report)
        self.dialog.show()
        self.dialog.raise_()

    def _forget_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
