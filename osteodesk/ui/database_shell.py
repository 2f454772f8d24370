"""What the window asks of the open database: backups, a trial restore, another file, a passphrase.

Imported once the window has painted (issue 8): it pulls in the storage layer. The composition
root (``app.py``) attaches one DatabaseShell to the window with the open DatabaseSession.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from osteodesk.storage import crypto
from osteodesk.storage.database import open_database
from osteodesk.storage.errors import StorageError
from osteodesk.ui.background import hold_collection, release_collection, run_in_background
from osteodesk.ui.database_session import (
    DatabaseInUseError,
    DatabaseSession,
    PassphrasePrompt,
    open_with_passphrase,
    storage_faults,
)
from osteodesk.ui.i18n import LanguageController
from osteodesk.ui.lock_screen import LOCK_PIN_KEY, IdleLock, idle_minutes, pin_matches
from osteodesk.ui.main_window import MainWindow
from osteodesk.ui.session import PatientSession


class _WorkerJob(QObject):
    """A job on a worker thread that reports back through signals (queued to the GUI thread).

    Automatic garbage collection is held while it runs (see background.py).
    """

    _done = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._holding = False
        self._done.connect(self._on_done)  # a method of a GUI-thread object: queued

    def _begin(self, work: Callable[[], None], name: str) -> None:
        def run() -> None:
            try:
                work()
            finally:
                self._done.emit()

        hold_collection()
        self._holding = True
        self._thread = threading.Thread(target=run, name=name, daemon=True)
        self._thread.start()

    def wait(self, timeout_s: float | None = None) -> None:
        """Block until the job has finished (for shutting down and tests)."""
        if self._thread is not None:
            self._thread.join(timeout_s)
            if not self._thread.is_alive():
                self._on_done()

    def _on_done(self) -> None:
        if self._thread is not None:
            self._thread.join()  # emitted last: the worker runs no more Python after a moment
        if self._holding:
            self._holding = False
            release_collection()


class BackupJob(_WorkerJob):
    """Copies the database on a worker thread, so a large file never freezes the window.

    The worker opens its own connection from the path (connections belong to their thread,
    style.md B4); WAL lets it read while the window keeps working.

    Signals:
        succeeded(str): the verified copy is at this path.
        failed(str): the copy failed; the message says why (shown, never logged).
    """

    succeeded = Signal(str)
    failed = Signal(str)

    def start(self, source: Path, target: Path, passphrase: str | None = None) -> None:
        """Begin the copy; one of the two signals follows on the GUI thread."""
        self._begin(lambda: self._run(source, target, passphrase), "osteodesk-backup")

    def _run(self, source: Path, target: Path, passphrase: str | None) -> None:
        from osteodesk.storage.backup import backup_database

        try:
            report = backup_database(source, target, passphrase=passphrase)
        except (StorageError, OSError) as exc:
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(str(report.target))


class RestoreTestJob(_WorkerJob):
    """File > Test restore on a worker thread: the latest backup restored on trial and compared.

    Signals:
        finished(bool, str): passed or not, and the text to show.
    """

    finished = Signal(bool, str)

    def start(self, db_path: Path, passphrase: str | None) -> None:
        """Begin; `finished` follows on the GUI thread."""
        self._begin(lambda: self._run(db_path, passphrase), "osteodesk-trial")

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
        except storage_faults() as exc:
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


class DatabaseShell(QObject):
    """Answers the window's requests that need the database session.

    Lives as a child of the window, so it lives exactly as long as the window does.
    """

    def __init__(
        self,
        window: MainWindow,
        session: DatabaseSession,
        languages: LanguageController,
        *,
        settings: QSettings,
        prompt: PassphrasePrompt | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("database_shell")
        self._window = window
        self.session = session
        self._languages = languages
        self._settings = settings
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
        self._wait_for_jobs()
        backups = list_auto_backups(session.path.stem)
        self._window.release_session()  # no tab may read the closed connection meanwhile
        session.database.close()
        passphrase = session.passphrase
        try:
            # A verified copy of every page: seconds for a large practice, so beside the window.
            run_in_background(
                lambda: crypto.convert(session.path, passphrase, new, backups=backups),
                label=self.tr("Converting the database and its automatic backups…"),
                parent=self._window,
                object_name="convert-encryption",
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
            new_session = open_with_passphrase(new_path, self._prompt, parent=self._window)
        except crypto.EncryptedDatabaseError as exc:
            if self._prompt is not None:
                return  # the user cancelled the passphrase
            self._window.show_error(self.tr("Open database"), str(exc))
            return
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

    def _on_window_backup_requested(self, path: str) -> None:
        job = BackupJob(self)
        job.succeeded.connect(self._window.show_backup_written)
        job.failed.connect(lambda text: self._window.show_error(self.tr("Backup"), text))
        job.start(self.session.path, Path(path), self.session.passphrase)
        self.backup_job = job

    def _wait_for_jobs(self) -> None:
        """Every backup and trial restore started from this window, not only the latest."""
        for job in self.findChildren(_WorkerJob):
            job.wait()

    def _on_window_closed(self) -> None:
        self._wait_for_jobs()
        session = self.session
        try:
            if session.backup_on_close:
                session.backup_on_close = False  # made here, not again by close()
                self._back_up_while_closing(session)
        finally:
            session.close()
            self._languages.uninstall()

    def _back_up_while_closing(self, session: DatabaseSession) -> None:
        """The automatic backup on close, on a worker thread while the window keeps painting.

        A large practice's file takes seconds (4.4 s at 100,000 patients, copy and integrity
        check); the backup of the day is not skipped by a stray click (no cancel button).
        """
        run_in_background(
            lambda: session.make_close_backup(own_connection=True),
            label=self.tr("Backing up the database before closing…"),
            parent=self._window,
            object_name="close-backup",
        )
