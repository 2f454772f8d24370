"""The composition root: QApplication, font, translators, database, main window.

This is the only module that opens the database for the window and wires the parts together
(style.md B2). Everything else gets what it needs through its constructor.

The window paints before the database opens (issue 8): run_gui takes the database's lock,
shows the window with its menus and an "Opening the database…" page, and only after that first
paint imports the storage layer, asks for the passphrase of an encrypted file and fills the
tabs. A second window on the same file is refused before anything appears.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Any

try:  # POSIX only; the benchmark reads peak memory from it
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QLockFile,
    QObject,
    QSettings,
    QTimer,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from typing_extensions import override

from osteodesk import __version__
from osteodesk.storage import paths
from osteodesk.storage.errors import StorageError
from osteodesk.ui.crash import LOGGER_NAME, CrashReporter, configure_logging
from osteodesk.ui.database_session import (
    DatabaseInUseError,
    DatabaseSession,
    PassphrasePrompt,
    acquire_lock,
    open_session,
    open_with_passphrase,
)
from osteodesk.ui.fonts import register_cjk_font
from osteodesk.ui.i18n import LanguageController
from osteodesk.ui.main_window import MainWindow

_log = logging.getLogger(__name__)

APP_NAME = "OsteoDesk"
QUIT_AFTER_ENV = "OSTEODESK_QUIT_AFTER_MS"
NON_INTERACTIVE_PLATFORMS = ("offscreen", "minimal")
DEMO_PATIENT_COUNT = 60  # enough to scroll and search, small enough to fill in ~30 ms
DEMO_SEED = 0
FIRST_PAINT_WAIT_MS = 500  # a window that is not exposed (minimised) does not paint: go on
MARKS_GIVE_UP_MS = 5_000  # stop watching for the "ready" paint after this long


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created with the names QSettings uses."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(_application_icon())
    register_cjk_font(app)
    return app


def _application_icon() -> QIcon:
    icon = QIcon()
    folder = resources.files("osteodesk").joinpath("resources", "icons")
    for size in (16, 32, 48, 64, 128, 256):
        png = folder.joinpath(f"osteodesk-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    return icon


def default_settings() -> QSettings:
    """The user's settings (per user, in the platform's place)."""
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def create_main_window(
    db_path: Path,
    *,
    settings: QSettings | None = None,
    language: str | None = None,
    languages: LanguageController | None = None,
    demo: bool = False,
    passphrase: str | None = None,
    prompt: PassphrasePrompt | None = None,
) -> MainWindow:
    """Build the whole window on `db_path` at once (not shown yet): what the tests use.

    Args:
        db_path: the database file (created and migrated if needed).
        settings: where the window keeps its settings; the user's settings if None.
        language: ``zh_CN`` or ``en`` for this run only; the saved choice if None.
        languages: an existing language controller.
        demo: fill the database with sample patients (for ``--demo``).
        passphrase: of an encrypted database.
        prompt: asks for passphrases later (File > Open database of an encrypted file).

    Raises:
        DatabaseInUseError: another window has the database open.
        StorageError: the file is not a usable OsteoDesk database.
    """
    ensure_application()
    settings = settings if settings is not None else default_settings()
    if languages is None:
        languages = LanguageController(settings)
        languages.start(language)
    session = open_session(Path(db_path), passphrase)
    try:
        window = MainWindow(database_path=session.path, languages=languages, settings=settings)
        attach_database(window, session, languages, settings=settings, prompt=prompt, demo=demo)
    except BaseException:
        session.close()
        raise
    return window


def attach_database(
    window: MainWindow,
    session: DatabaseSession,
    languages: LanguageController,
    *,
    settings: QSettings,
    prompt: PassphrasePrompt | None,
    demo: bool = False,
) -> None:
    """Fill the window's tabs from the open `session`; the window owns it from now on."""
    from osteodesk.ui.database_shell import DatabaseShell
    from osteodesk.ui.session import PatientSession

    session.backup_on_close = not demo  # a throw-away demo database is never backed up
    if demo:
        _fill_demo(session.database)
    window.set_session(PatientSession(session.database))
    DatabaseShell(window, session, languages, settings=settings, prompt=prompt)


class _StartupMarks(QObject):
    """Watches start-up: the first paint, then the first paint with the database's tabs.

    Both are logged. With ``$OSTEODESK_QUIT_AFTER_MS`` set (smoke tests, the benchmark) they
    are also written to stderr with the peak memory, and the application quits that many ms
    after the second. The filter sits on the application, as the benchmark's bare window's
    does, and is removed once start-up is over.
    """

    def __init__(self, app: QApplication, clock: QElapsedTimer, quit_after_ms: int | None) -> None:
        super().__init__(app)
        self._app = app
        self._clock = clock
        self._quit_after_ms = quit_after_ms
        self._painted = False
        self._ready = False
        self._loop: QEventLoop | None = None
        app.installEventFilter(self)

    def wait_for_first_paint(self) -> None:
        """Run the event loop until the window has painted (or FIRST_PAINT_WAIT_MS passed)."""
        if self._painted:
            return
        loop = QEventLoop()
        self._loop = loop
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, loop.quit)
        loop.exec()
        self._loop = None

    def database_ready(self) -> None:
        """The tabs are filled: mark their first paint."""
        self._ready = True
        if self._quit_after_ms is None:
            # A window that never paints again (minimised) must not keep an application-wide
            # filter: it sees every event of the session.
            QTimer.singleShot(MARKS_GIVE_UP_MS, self.stop)

    def stop(self) -> None:
        """Stop watching (start-up is over or failed)."""
        self._app.removeEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        if not self._painted:
            self._painted = True
            self._mark("first paint")
            if self._loop is not None:
                self._loop.quit()
        elif self._ready:
            self.stop()
            self._mark("ready")
            if self._quit_after_ms is not None:
                QTimer.singleShot(self._quit_after_ms, self._app.quit)
        return False

    def _mark(self, what: str) -> None:
        _log.info("%s after %d ms", what, self._clock.elapsed())
        if self._quit_after_ms is not None:
            # For the start-up benchmark: wall-clock time and peak memory.
            rss_kb = _peak_rss_kb()
            sys.stderr.write(f"osteodesk: {what} at {time.time():.6f} rss_kb {rss_kb}\n")


def _dialog_prompt(path: Path, error: str | None) -> str | None:
    from osteodesk.ui.passphrase_dialog import ask_passphrase

    return ask_passphrase(path, error=error)


def _environment_prompt() -> PassphrasePrompt:
    """Without a screen to ask on: $OSTEODESK_PASSPHRASE, once (never a loop of wrong ones)."""
    asked: list[bool] = []

    def prompt(_path: Path, error: str | None) -> str | None:
        if asked:
            return None
        asked.append(True)
        from osteodesk.storage.crypto import env_passphrase

        return env_passphrase()

    return prompt


def _demo_folder() -> Any:
    """A temporary folder for the throw-away ``--demo`` database (tempfile: only for demo)."""
    import tempfile

    return tempfile.TemporaryDirectory(prefix="osteodesk-demo-")


def _fill_demo(database: Any) -> None:
    """Synthetic sample patients (never real people) for ``--demo``."""
    from osteodesk.storage import demo as demo_data

    demo_data.fill(database, DEMO_PATIENT_COUNT, seed=DEMO_SEED)


def _peak_rss_kb() -> int:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss, not inherited at exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss if resource else 0


def _quit_after_ms() -> int | None:
    raw = os.environ.get(QUIT_AFTER_ENV, "").strip()
    if not raw:
        return None
    try:
        return max(0, int(raw))
    except ValueError:
        sys.stderr.write(f"osteodesk gui: {QUIT_AFTER_ENV} must be a whole number of ms\n")
        return None


def _is_interactive(app: QGuiApplication) -> bool:
    return app.platformName() not in NON_INTERACTIVE_PLATFORMS and not os.environ.get("CI")


def run_gui(
    args: argparse.Namespace,
    *,
    interactive: bool | None = None,
    settings: QSettings | None = None,
    prompt: PassphrasePrompt | None = None,
) -> int:
    """Open the window and run until it closes; returns the exit code.

    Args:
        args: the parsed command line; ``db``, ``demo`` and ``lang`` may be missing.
        interactive: whether refusals may show a message box (default: not offscreen, not CI).
        settings: where to keep settings (tests); the user's settings if None.
        prompt: asks for the passphrase of an encrypted database (default: a dialog when
            interactive, else ``$OSTEODESK_PASSPHRASE`` once).
    """
    clock = QElapsedTimer()
    clock.start()
    app = ensure_application()
    interactive = _is_interactive(app) if interactive is None else interactive
    log_handler = configure_logging(paths.log_dir())
    settings = settings if settings is not None else default_settings()
    languages = LanguageController(settings)
    languages.start(getattr(args, "lang", None))
    demo = bool(getattr(args, "demo", False))
    demo_folder = _demo_folder() if demo else None
    window: MainWindow | None = None
    lock: QLockFile | None = None
    session: DatabaseSession | None = None
    attached = False
    marks: _StartupMarks | None = None
    reporter = CrashReporter(parent_widget=lambda: window)
    reporter.install()
    try:
        if demo_folder is not None:
            db_path = Path(demo_folder.name) / "demo.sqlite3"
        else:
            db_path = paths.resolve_db_path(getattr(args, "db", None))
        db_path = Path(db_path).absolute()
        if prompt is None:
            prompt = _dialog_prompt if interactive else _environment_prompt()
        try:
            lock = acquire_lock(db_path)
            window = MainWindow(database_path=db_path, languages=languages, settings=settings)
            marks = _StartupMarks(app, clock, _quit_after_ms())
            window.show()
            marks.wait_for_first_paint()
            if not window.isVisible():
                return 0  # closed before the database was open
            session = open_with_passphrase(db_path, prompt, lock=lock, parent=window)
            if not window.isVisible():
                return 0  # closed while the database was opening: nothing was shown
            attach_database(window, session, languages, settings=settings, prompt=prompt, demo=demo)
            attached = True
            marks.database_ready()
        except DatabaseInUseError as exc:
            _refuse(
                str(exc),
                app.translate(
                    "OsteoDesk",
                    "This database is already open in another OsteoDesk window:\n{path}",
                ).format(path=str(exc.path)),
                interactive=interactive,
            )
            return 1
        except StorageError as exc:
            _refuse(str(exc), str(exc), interactive=interactive)
            return 1
        except Exception as exc:  # noqa: BLE001 - a start-up bug: report it, exit cleanly
            reporter.handle(type(exc), exc, exc.__traceback__)
            sys.stderr.write(
                f"osteodesk gui: unexpected {type(exc).__name__} while starting; "
                f"the report is in {paths.log_dir()}\n"
            )
            if interactive and reporter.dialog is not None:
                reporter.dialog.exec()
            return 1
        code = app.exec()
        window.close()  # after quit(): saves geometry, closes the session and releases the lock
        return code
    finally:
        if marks is not None:
            marks.stop()
        if not attached:
            _abandon_start(window, session, lock)
        reporter.uninstall()
        if reporter.dialog is not None:
            reporter.dialog.close()
        languages.uninstall()
        logging.getLogger(LOGGER_NAME).removeHandler(log_handler)
        log_handler.close()
        if demo_folder is not None:
            demo_folder.cleanup()


def _abandon_start(
    window: MainWindow | None, session: DatabaseSession | None, lock: QLockFile | None
) -> None:
    """A start that failed: close the empty window and the database, free the lock."""
    if window is not None:
        window.close()
        window.deleteLater()
    if session is not None:
        session.backup_on_close = False  # nothing was shown or changed
        session.close()
    elif lock is not None:
        lock.unlock()


def _refuse(console_text: str, dialog_text: str, *, interactive: bool) -> None:
    # The console line stays English: it is for scripts and logs of the terminal.
    sys.stderr.write(f"osteodesk gui: {console_text}\n")
    if interactive:
        QMessageBox.warning(None, APP_NAME, dialog_text)
