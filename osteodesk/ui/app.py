"""The composition root: QApplication, font, translators, database, main window.

This is the only module that opens the database for the window and wires the parts together
(style.md B2). Everything else gets what it needs through its constructor.
"""

from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

try:  # POSIX only; the benchmark reads peak memory from it
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

from PySide6.QtCore import QElapsedTimer, QEvent, QLockFile, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from typing_extensions import override

from osteodesk import __version__
from osteodesk.storage import crypto, paths
from osteodesk.storage.database import open_database
from osteodesk.storage.errors import StorageError
from osteodesk.ui.crash import LOGGER_NAME, CrashReporter, configure_logging
from osteodesk.ui.fonts import register_cjk_font
from osteodesk.ui.i18n import LanguageController
from osteodesk.ui.lock_screen import LOCK_PIN_KEY, IdleLock, idle_minutes, pin_matches
from osteodesk.ui.main_window import MainWindow
from osteodesk.ui.session import PatientSession

_log = logging.getLogger(__name__)

APP_NAME = "OsteoDesk"
QUIT_AFTER_ENV = "OSTEODESK_QUIT_AFTER_MS"
LOCK_SUFFIX = ".lock"
NON_INTERACTIVE_PLATFORMS = ("offscreen", "minimal")
DEMO_PATIENT_COUNT = 60  # enough to scroll and search, small enough to fill in ~30 ms
DEMO_SEED = 0
PASSPHRASE_ATTEMPTS = 5
_STORAGE_FAULTS: tuple[type[Exception], ...] = (StorageError, OSError, *crypto.DRIVER_ERRORS)

# Asks for the passphrase of a database: (path, why the last one failed or None) -> it, or None.
PassphrasePrompt = Callable[[Path, "str | None"], "str | None"]


class DatabaseInUseError(Exception):
    """Another OsteoDesk window (this process or another) has the database open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} is already open in another OsteoDesk window")


@dataclass
class DatabaseSession:
    """An open database and the lock that keeps a second window off it."""

    path: Path
    database: Any  # sqlite_utils.Database: only the composition root holds it (style.md B4)
    lock: QLockFile
    closed: bool = field(default=False)
    passphrase: str | None = None  # of an encrypted database (issue 9)
    backup_on_close: bool = True  # an automatic backup when the session ends (not for --demo)

    def close(self) -> None:
        """Back up (if wanted), close the connection and release the lock (idempotent)."""
        if self.closed:
            return
        self.closed = True
        try:
            if self.backup_on_close:
                self._backup()
            self.database.close()
        finally:
            self.lock.unlock()

    def _backup(self) -> None:
        """The automatic backup on close; a failure is logged (type only) and never blocks."""
        from osteodesk.storage.backup import auto_backup

        try:
            auto_backup(self.path, "close", db=self.database)
        except _STORAGE_FAULTS as exc:
            _log.warning("automatic backup on close failed (%s)", type(exc).__name__)


def lock_path(db_path: Path) -> Path:
    """The lock file that marks a database as open: ``<db>.lock`` beside it."""
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def open_session(db_path: Path, passphrase: str | None = None) -> DatabaseSession:
    """Lock `db_path`, then open (creating and migrating if needed) the database.

    Raises:
        DatabaseInUseError: another window holds the lock.
        StorageError: the file is not a usable OsteoDesk database (from storage), is
            encrypted and `passphrase` is None, or `passphrase` is wrong.
    """
    db_path = Path(db_path).absolute()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(db_path)))
    # Never stale by age: the window may stay open for days. A lock left by a crashed process
    # is still taken over, because QLockFile checks whether its owner is running.
    lock.setStaleLockTime(0)
    if not lock.tryLock(0):
        if lock.error() == QLockFile.LockError.LockFailedError:
            raise DatabaseInUseError(db_path)
        # A folder we cannot write to: opening will say what is wrong, more precisely.
        _log.warning("could not create the lock file (%s)", lock.error().name)
    try:
        database = open_database(db_path, passphrase=passphrase)
    except BaseException:
        lock.unlock()
        raise
    return DatabaseSession(db_path, database, lock, passphrase=crypto.passphrase_of(database))


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


class BackupJob(QObject):
    """Copies the database on a worker thread, so a large file never freezes the window.

    The worker opens its own connection from the path (connections belong to their thread,
    style.md B4); WAL lets it read while the window keeps working.

    Signals:
        succeeded(str): the verified copy is at this path.
        failed(str): the copy failed; the message says why (shown, never logged).
    """

    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def start(self, source: Path, target: Path, passphrase: str | None = None) -> None:
        """Begin the copy; one of the two signals follows on the GUI thread."""
        self._thread = threading.Thread(
            target=self._run,
            args=(source, target, passphrase),
            name="osteodesk-backup",
            daemon=True,
        )
        self._thread.start()

    def wait(self, timeout_s: float | None = None) -> None:
        """Block until the copy has finished (for shutting down and tests)."""
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self, source: Path, target: Path, passphrase: str | None) -> None:
        from osteodesk.storage.backup import backup_database

        try:
            report = backup_database(source, target, passphrase=passphrase)
        except (StorageError, OSError) as exc:
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(str(report.target))


class RestoreTestJob(QObject):
    """File > Test restore on a worker thread: the latest backup restored on trial and compared.

    Signals:
        finished(bool, str): passed or not, and the text to show.
    """

    finished = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def start(self, db_path: Path, passphrase: str | None) -> None:
        """Begin; `finished` follows on the GUI thread."""
        self._thread = threading.Thread(
            target=self._run, args=(db_path, passphrase), name="osteodesk-trial", daemon=True
        )
        self._thread.start()

    def wait(self, timeout_s: float | None = None) -> None:
        """Block until the trial has finished (for shutting down and tests)."""
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self, db_path: Path, passphrase: str | None) -> None:
        from osteodesk.storage.backup import list_auto_backups, trial_restore

        backups = list_auto_backups(db_path.stem)
        if not backups:
            self.finished.emit(
                False,
                self.tr(
                    "There is no automatic backup yet. OsteoDesk makes one each time the window"
                    " closes; File > Backup makes one now."
                ),
            )
            return
        latest = backups[0]
        try:
            report = trial_restore(latest, db_path, passphrase=passphrase)
        except _STORAGE_FAULTS as exc:
            self.finished.emit(
                False,
                self.tr("The latest backup, {file}, could NOT be restored: {reason}").format(
                    file=str(latest), reason=str(exc)
                ),
            )
            return
        comparison = report.comparison
        if comparison.same:
            since = self.tr("It holds exactly what the database holds now.")
        else:
            since = self.tr(
                "Since it was made: {added} patients added, {changed} changed and {gone} no"
                " longer in the database."
            ).format(
                added=len(comparison.only_in_live),
                changed=len(comparison.changed),
                gone=len(comparison.only_in_backup),
            )
        self.finished.emit(
            True,
            self.tr(
                "The latest backup, {file} of {date}, was restored on trial: it opens, passes"
                " the integrity check and holds {patients} patients. {since}"
            ).format(
                file=str(report.backup),
                date=report.made_at.strftime("%Y-%m-%d %H:%M"),
                patients=report.patients,
                since=since,
            ),
        )


class _Shell(QObject):
    """Answers the window's requests that need the database session.

    Lives as a child of the window, so it lives exactly as long as the window does.
    """

    def __init__(
        self,
        window: MainWindow,
        session: DatabaseSession,
        languages: LanguageController,
        *,
        settings: QSettings | None = None,
        prompt: PassphrasePrompt | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("database_shell")
        self._window = window
        self.session = session
        self._languages = languages
        self._settings = settings if settings is not None else default_settings()
        self._prompt = prompt
        self.backup_job: BackupJob | None = None
        self.restore_test_job: RestoreTestJob | None = None
        self.settings_dialog: Any = None
        self.idle_lock = IdleLock(
            window, minutes=idle_minutes(self._settings), verify=self.verify_secret
        )
        self.idle_lock.setObjectName("idle_lock")
        window.open_database_requested.connect(self._on_window_open_database_requested)
        window.backup_requested.connect(self._on_window_backup_requested)
        window.test_restore_requested.connect(self._on_window_test_restore_requested)
        window.settings_requested.connect(self._on_window_settings_requested)
        window.window_closed.connect(self._on_window_closed)

    def verify_secret(self, secret: str) -> bool:
        """The idle lock's check: the database passphrase, else the lock PIN."""
        if self.session.passphrase is not None:
            return hmac.compare_digest(secret.encode(), self.session.passphrase.encode())
        stored = self._settings.value(LOCK_PIN_KEY, "")
        return bool(stored) and pin_matches(secret, str(stored))

    def change_passphrase(self, current: str | None, new: str | None) -> None:
        """Encrypt, re-key or decrypt the open database (and its automatic backups).

        The database is closed (the lock stays), converted with a verified copy and opened
        again; the tabs are rebuilt on it. Raises with a message to show when refused.
        """
        from osteodesk.storage.backup import list_auto_backups

        session = self.session
        if session.passphrase is not None and not hmac.compare_digest(
            (current or "").encode(), session.passphrase.encode()
        ):
            raise crypto.WrongPassphraseError(session.path)
        if not self._window.patients_tab.confirm_leave():
            raise StorageError(
                self.tr("Nothing was changed: the open patient has unsaved changes.")
            )
        if self.backup_job is not None:
            self.backup_job.wait()
        if self.restore_test_job is not None:
            self.restore_test_job.wait()
        session.database.close()
        passphrase = session.passphrase
        try:
            crypto.convert(
                session.path, passphrase, new, backups=list_auto_backups(session.path.stem)
            )
            passphrase = new
        finally:
            session.database = open_database(session.path, passphrase=passphrase)
            session.passphrase = passphrase
            self._window.set_session(PatientSession(session.database))

    def _on_window_settings_requested(self) -> None:
        from osteodesk.ui.settings_dialog import SettingsDialog

        if self.settings_dialog is None:
            dialog = SettingsDialog(
                settings=self._settings,
                encrypted=self.session.passphrase is not None,
                change_passphrase=self.change_passphrase,
                parent=self._window,
            )
            dialog.lock_settings_changed.connect(self._on_lock_settings_changed)
            dialog.finished.connect(self._on_settings_dialog_finished)
            self.settings_dialog = dialog
        self.settings_dialog.open()
        self.settings_dialog.raise_()

    def _on_settings_dialog_finished(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    def _on_lock_settings_changed(self, minutes: int) -> None:
        self.idle_lock.set_minutes(minutes)

    def _on_window_test_restore_requested(self) -> None:
        job = RestoreTestJob(self)
        job.finished.connect(self._window.show_restore_test_result)
        job.start(self.session.path, self.session.passphrase)
        self.restore_test_job = job

    def _on_window_open_database_requested(self, path: str) -> None:
        new_path = Path(path).absolute()
        if new_path == self.session.path:
            return
        try:
            new_session = self._open_with_passphrase(new_path)
            if new_session is None:
                return  # the user cancelled the passphrase
        except DatabaseInUseError:
            self._window.show_error(
                self.tr("Open database"),
                self.tr("This database is already open in another OsteoDesk window."),
            )
            return
        except StorageError as exc:
            # The storage messages name the file and what to do; they are shown, never logged.
            self._window.show_error(self.tr("Open database"), str(exc))
            return
        old_session = self.session
        self.session = new_session
        self._window.set_session(PatientSession(new_session.database))
        self._window.set_database_path(new_path)
        old_session.close()

    def _open_with_passphrase(self, path: Path) -> DatabaseSession | None:
        """Open another database, asking for its passphrase when it is encrypted."""
        if not crypto.looks_encrypted(path) or self._prompt is None:
            return open_session(path)
        error: str | None = None
        for _attempt in range(PASSPHRASE_ATTEMPTS):
            passphrase = self._prompt(path, error)
            if passphrase is None:
                return None
            try:
                return open_session(path, passphrase)
            except crypto.WrongPassphraseError:
                error = wrong_passphrase_text(path)
        return None

    def _on_window_backup_requested(self, path: str) -> None:
        job = BackupJob(self)
        job.succeeded.connect(self._window.show_backup_written)
        job.failed.connect(lambda text: self._window.show_error(self.tr("Backup"), text))
        job.start(self.session.path, Path(path), self.session.passphrase)
        self.backup_job = job

    def _on_window_closed(self) -> None:
        if self.backup_job is not None:
            self.backup_job.wait()
        if self.restore_test_job is not None:
            self.restore_test_job.wait()
        self.session.close()  # with the automatic backup on close
        self._languages.uninstall()


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
    """Build the whole window on `db_path` (not shown yet): what run_gui and the tests use.

    Args:
        db_path: the database file (created and migrated if needed).
        settings: where the window keeps its settings; the user's settings if None.
        language: ``zh_CN`` or ``en`` for this run only; the saved choice if None.
        languages: an existing language controller (run_gui makes one before the lock check).
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
    session.backup_on_close = not demo  # a throw-away demo database is never backed up
    try:
        if demo:
            _fill_demo(session.database)
        patient_session = PatientSession(session.database)
        window = MainWindow(
            database_path=session.path,
            session=patient_session,
            languages=languages,
            settings=settings,
        )
    except BaseException:
        session.close()
        raise
    _Shell(window, session, languages, settings=settings, prompt=prompt)
    return window


def wrong_passphrase_text(path: Path) -> str:
    """What the passphrase dialog says after a wrong passphrase."""
    return QApplication.translate(
        "OsteoDesk", "Wrong passphrase for {path}. Passphrases are case-sensitive; try again."
    ).format(path=str(path))


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
        return crypto.env_passphrase()

    return prompt


def _fill_demo(database: Any) -> None:
    """Synthetic sample patients (never real people) for ``--demo``."""
    from osteodesk.storage import demo as demo_data

    demo_data.fill(database, DEMO_PATIENT_COUNT, seed=DEMO_SEED)


class _QuitAfterFirstPaint(QObject):
    """Quits the application a set time after the window first paints (smoke tests, benchmarks)."""

    def __init__(self, app: QApplication, delay_ms: int, clock: QElapsedTimer) -> None:
        super().__init__(app)
        self._app = app
        self._delay_ms = delay_ms
        self._clock = clock
        self._armed = True

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            _log.info("first paint after %d ms", self._clock.elapsed())
            # For the start-up benchmark: wall-clock time and peak memory at first paint.
            rss_kb = _peak_rss_kb()
            sys.stderr.write(f"osteodesk: first paint at {time.time():.6f} rss_kb {rss_kb}\n")
            QTimer.singleShot(self._delay_ms, self._app.quit)
        return False


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
    demo_folder = tempfile.TemporaryDirectory(prefix="osteodesk-demo-") if demo else None
    window: MainWindow | None = None
    reporter = CrashReporter(parent_widget=lambda: window)
    reporter.install()
    try:
        if demo_folder is not None:
            db_path = Path(demo_folder.name) / "demo.sqlite3"
        else:
            db_path = paths.resolve_db_path(getattr(args, "db", None))
        if prompt is None:
            prompt = _dialog_prompt if interactive else _environment_prompt()
        try:
            window = _create_with_passphrase(
                db_path, prompt, settings=settings, languages=languages, demo=demo
            )
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
        delay = _quit_after_ms()
        if delay is not None:
            window.installEventFilter(_QuitAfterFirstPaint(app, delay, clock))
        window.show()
        code = app.exec()
        window.close()  # after quit(): saves geometry and releases the lock
        return code
    finally:
        reporter.uninstall()
        if reporter.dialog is not None:
            reporter.dialog.close()
        languages.uninstall()
        logging.getLogger(LOGGER_NAME).removeHandler(log_handler)
        log_handler.close()
        if demo_folder is not None:
            demo_folder.cleanup()


def _create_with_passphrase(
    db_path: Path,
    prompt: PassphrasePrompt,
    *,
    settings: QSettings,
    languages: LanguageController,
    demo: bool,
) -> MainWindow:
    """create_main_window, asking for the passphrase of an encrypted file (again if wrong).

    Raises:
        EncryptedDatabaseError: no passphrase was given (cancelled).
        WrongPassphraseError: still wrong after PASSPHRASE_ATTEMPTS tries.
    """
    passphrase: str | None = None
    error: str | None = None
    attempts = PASSPHRASE_ATTEMPTS if crypto.looks_encrypted(db_path) else 1
    for attempt in range(attempts):
        if attempts > 1:
            passphrase = prompt(db_path, error)
            if passphrase is None:
                raise crypto.EncryptedDatabaseError(db_path)
        try:
            return create_main_window(
                db_path,
                settings=settings,
                languages=languages,
                demo=demo,
                passphrase=passphrase,
                prompt=prompt,
            )
        except crypto.WrongPassphraseError:
            if attempt == attempts - 1:
                raise
            error = wrong_passphrase_text(db_path)
    raise crypto.EncryptedDatabaseError(db_path)  # not reached: the loop returns or raises


def _refuse(console_text: str, dialog_text: str, *, interactive: bool) -> None:
    # The console line stays English: it is for scripts and logs of the terminal.
    sys.stderr.write(f"osteodesk gui: {console_text}\n")
    if interactive:
        QMessageBox.warning(None, APP_NAME, dialog_text)
