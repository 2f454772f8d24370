"""The window's part of issue 9: idle lock, passphrase at start and in Settings, the automatic
backup on close and File > Test restore, on real files and real widgets (offscreen)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from reliability_support import digests_of

from osteodesk.core.record import parse_record, record_to_json
from osteodesk.storage import crypto
from osteodesk.storage.backup import auto_backup, check_file, list_auto_backups
from osteodesk.storage.database import open_database
from osteodesk.ui.app import QUIT_AFTER_ENV, create_main_window, run_gui
from osteodesk.ui.lock_screen import IDLE_MINUTES_KEY, LOCK_PIN_KEY, IdleLock, hash_pin
from osteodesk.ui.patients import dialogs

pytestmark = pytest.mark.gui

NAME = "测试隐私张三"
MRN = "MRN-PRIVACY-77"
PIN = "2468"
PASSPHRASE = "correct horse battery"
SQLITE_HEADER = b"SQLite format 3\x00"


@pytest.fixture(autouse=True)
def _discard_unsaved(monkeypatch):
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_: dialogs.UnsavedChoice.DISCARD)


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot, settings, tmp_path):
    made = []

    def make(db_path: Path | None = None, **kwargs):
        window = create_main_window(
            db_path or tmp_path / "clinic.sqlite3", settings=settings, language="en", **kwargs
        )
        qtbot.add_widget(window)
        made.append(window)
        return window

    return make


def shell_of(window):
    from osteodesk.ui.database_shell import DatabaseShell

    shell = window.findChild(DatabaseShell, "database_shell")
    assert shell is not None
    return shell


def save_patient(window) -> int:
    record = parse_record(
        {
            "id": MRN,
            "name": NAME,
            "sex": "female",
            "birth_date": "1950-06-01",
            "menopausal_status": "post",
            "dxa": [{"date": "2026-01-10", "lumbar_spine_t": -2.7}],
        },
        as_of=date(2026, 11, 25),
    )
    return window.session.save_record(record)


def visible_texts(window) -> list[str]:
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), 200)):
                for column in range(model.columnCount()):
                    texts.append(str(model.index(row, column).data() or ""))
    for top in QApplication.topLevelWidgets():
        if top is not window and top.isVisible():
            texts.append(top.windowTitle())
    return texts


def test_idle_lock_hides_patient_data_until_the_pin(qtbot, open_window, settings):
    settings.setValue(LOCK_PIN_KEY, hash_pin(PIN))
    settings.setValue(IDLE_MINUTES_KEY, 5)
    window = open_window()
    window.show()
    qtbot.waitExposed(window)
    save_patient(window)
    window.show_tab(0)
    assert any(NAME in text for text in visible_texts(window))  # the check can see it

    lock = shell_of(window).idle_lock
    assert isinstance(lock, IdleLock)
    assert lock.interval_ms == 5 * 60_000
    lock.set_minutes(0, interval_ms=600)
    # Input keeps it open: events arrive more often than the idle time.
    for _ in range(8):  # 0.8 s of typing, more than the idle time
        qtbot.wait(100)
        qtbot.keyClick(window, "a")
    assert not lock.is_locked
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)

    assert window.windowTitle() == "OsteoDesk (locked)"
    assert not window.centralWidget().isVisible()
    assert not window.menuBar().isEnabled()
    assert lock.screen is not None
    assert lock.screen.isVisible()
    assert lock.screen.geometry() == window.rect()
    assert not any(NAME in text or MRN in text for text in visible_texts(window))

    assert not lock.try_unlock("1357")
    assert lock.is_locked
    assert lock.screen.error_label.text() == "That is not the passphrase or PIN."
    lock.screen.secret_edit.setText(PIN)
    lock.screen.unlock_button.click()
    assert not lock.is_locked
    assert window.centralWidget().isVisible()
    assert window.windowTitle() == "OsteoDesk"
    assert any(NAME in text for text in visible_texts(window))


def test_idle_lock_is_off_by_default(open_window):
    window = open_window()
    lock = shell_of(window).idle_lock
    assert lock.interval_ms == 0


def test_settings_dialog_sets_changes_and_removes_the_passphrase(qtbot, open_window, tmp_path):
    path = tmp_path / "clinic.sqlite3"
    window = open_window(path)
    save_patient(window)
    before = digests_of(path)
    shell = shell_of(window)
    window.settings_action.trigger()
    dialog = shell.settings_dialog
    assert dialog is not None
    assert dialog.status_label.text() == "The database is not encrypted."

    dialog.new_edit.setText("short")
    dialog.repeat_edit.setText("short")
    assert not dialog.set_passphrase()
    assert "at least 8 characters" in dialog.passphrase_message.text()

    dialog.new_edit.setText(PASSPHRASE)
    dialog.repeat_edit.setText(PASSPHRASE)
    dialog.set_button.click()
    assert dialog.status_label.text() == "The database is encrypted.", (
        dialog.passphrase_message.text()
    )
    assert path.read_bytes()[:16] != SQLITE_HEADER
    assert crypto.looks_encrypted(path)
    assert shell.session.passphrase == PASSPHRASE
    assert window.session.patients.count() == 1  # the tabs were rebuilt on the open database
    assert shell.verify_secret(PASSPHRASE)

    dialog.current_edit.setText("wrong passphrase")
    dialog.new_edit.setText("another good one")
    dialog.repeat_edit.setText("another good one")
    assert not dialog.set_passphrase()
    assert "wrong passphrase for" in dialog.passphrase_message.text()
    dialog.current_edit.setText(PASSPHRASE)
    assert dialog.set_passphrase()
    assert shell.session.passphrase == "another good one"

    dialog.current_edit.setText("another good one")
    dialog.remove_button.click()
    assert dialog.status_label.text() == "The database is not encrypted."
    assert shell.session.passphrase is None
    window.close()
    assert path.read_bytes()[:16] == SQLITE_HEADER
    assert digests_of(path) == before


def test_the_conversion_runs_beside_the_window_with_no_tab_on_the_closed_database(
    open_window, tmp_path, monkeypatch
):
    import threading

    path = tmp_path / "clinic.sqlite3"
    window = open_window(path)
    save_patient(window)
    shell = shell_of(window)
    real_convert = crypto.convert
    seen: list[tuple[str, bool, bool]] = []

    def watched_convert(*args, **kwargs):
        seen.append(
            (
                threading.current_thread().name,
                window.has_session,
                window.new_patient_action.isEnabled(),
            )
        )
        return real_convert(*args, **kwargs)

    monkeypatch.setattr(crypto, "convert", watched_convert)
    shell.change_passphrase(None, PASSPHRASE)
    assert seen == [("osteodesk-convert-encryption", False, False)]
    assert window.has_session
    assert window.new_patient_action.isEnabled()
    assert window.session.patients.count() == 1
    assert crypto.looks_encrypted(path)


def test_a_failed_conversion_reopens_the_database_as_it_was(open_window, tmp_path, monkeypatch):
    path = tmp_path / "clinic.sqlite3"
    window = open_window(path)
    save_patient(window)
    shell = shell_of(window)

    def failing_convert(*args, **kwargs):
        raise crypto.StorageError("the disk is full")

    monkeypatch.setattr(crypto, "convert", failing_convert)
    with pytest.raises(crypto.StorageError, match="the disk is full"):
        shell.change_passphrase(None, PASSPHRASE)
    assert window.has_session
    assert window.session.patients.count() == 1
    assert shell.session.passphrase is None
    assert not crypto.looks_encrypted(path)


def test_settings_refuse_an_idle_lock_without_a_secret(open_window, settings):
    window = open_window()
    window.settings_action.trigger()
    dialog = shell_of(window).settings_dialog
    dialog.minutes_spin.setValue(10)
    assert not dialog.save_lock_settings()
    assert "Set a lock PIN" in dialog.lock_message.text()
    dialog.pin_edit.setText(PIN)
    dialog.pin_repeat_edit.setText(PIN)
    assert dialog.save_lock_settings()
    assert int(settings.value(IDLE_MINUTES_KEY)) == 10
    assert str(settings.value(LOCK_PIN_KEY)).startswith("pbkdf2-sha256$")
    # Not in clear: no field of the stored value is the PIN (a random hex salt or digest may
    # contain "2468" by chance, about once in 700 runs, so no substring test).
    assert PIN not in str(settings.value(LOCK_PIN_KEY)).split("$")
    assert shell_of(window).idle_lock.interval_ms == 10 * 60_000
    assert shell_of(window).verify_secret(PIN)


def test_closing_the_window_makes_a_backup_that_stays_encrypted(open_window, tmp_path):
    path = tmp_path / "clinic.sqlite3"
    window = open_window(path, passphrase=PASSPHRASE)
    save_patient(window)
    window.close()
    (made,) = list_auto_backups(path.stem)
    assert "close" in made.name
    assert made.read_bytes()[:16] != SQLITE_HEADER
    assert check_file(made, passphrase=PASSPHRASE).row_counts["patients"] == 1


def test_the_close_backup_runs_on_a_worker_while_the_window_paints(
    open_window, tmp_path, monkeypatch
):
    """A large file takes seconds to copy: the window keeps its event loop and says why."""
    import threading
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    from osteodesk.storage import backup as backup_module
    from osteodesk.ui.database_session import lock_path

    path = tmp_path / "clinic.sqlite3"
    window = open_window(path)
    save_patient(window)
    real_auto_backup = backup_module.auto_backup
    threads: list[str] = []

    def slow_auto_backup(*args, **kwargs):
        threads.append(threading.current_thread().name)
        time.sleep(1.5)  # as a large practice would take (with room for a slow machine)
        return real_auto_backup(*args, **kwargs)

    monkeypatch.setattr(backup_module, "auto_backup", slow_auto_backup)
    seen: list[bool] = []

    def look() -> None:
        dialog = window.findChild(QProgressDialog, "close-backup")
        seen.append(dialog is not None and dialog.isVisible())

    QTimer.singleShot(100, look)  # fires only if the event loop runs during the backup
    QTimer.singleShot(750, look)
    window.close()
    assert threads == ["osteodesk-close-backup"]
    assert seen == [False, True]  # shown from half a second on
    (made,) = list_auto_backups(path.stem)
    assert check_file(made).row_counts["patients"] == 1
    assert not lock_path(path).exists()


def test_test_restore_reports_on_the_latest_backup(qtbot, open_window, tmp_path):
    path = tmp_path / "clinic.sqlite3"
    window = open_window(path)
    window.test_restore_action.trigger()
    shell = shell_of(window)
    shell.restore_test_job.wait(30)
    qtbot.waitUntil(lambda: window.restore_test_box is not None, timeout=5000)
    assert "There is no automatic backup yet" in window.restore_test_box.text()

    save_patient(window)
    auto_backup(path, "close", db=shell.session.database)
    window.test_restore_action.trigger()
    shell.restore_test_job.wait(30)
    qtbot.waitUntil(
        lambda: "restored on trial" in (window.restore_test_box.text() or ""), timeout=5000
    )
    text = window.restore_test_box.text()
    assert "passes the integrity check and holds 1 patients" in text
    assert "It holds exactly what the database holds now." in text


def test_start_asks_for_the_passphrase_again_when_wrong(monkeypatch, tmp_path, settings, capsys):
    path = tmp_path / "secret.sqlite3"
    open_database(path, passphrase=PASSPHRASE).close()
    assert crypto.looks_encrypted(path)
    asked: list[str | None] = []

    def prompt(_path, error):
        asked.append(error)
        return "not the passphrase" if len(asked) == 1 else PASSPHRASE

    monkeypatch.setenv(QUIT_AFTER_ENV, "30")
    args = argparse.Namespace(command="gui", db=str(path), lang="en")
    assert run_gui(args, interactive=False, settings=settings, prompt=prompt) == 0
    assert asked[0] is None
    assert asked[1] == f"Wrong passphrase for {path}. Passphrases are case-sensitive; try again."

    assert run_gui(args, interactive=False, settings=settings, prompt=lambda *_: None) == 1
    assert f"{path} is encrypted: give its passphrase" in capsys.readouterr().err


def test_a_full_disk_while_saving_is_a_message_not_a_crash(open_window, tmp_path):
    """The tabs show StorageError messages; the session turns SQLite's fault into one."""
    from osteodesk.storage.faults import DiskFullError

    path = tmp_path / "clinic.sqlite3"
    window = open_window(path)
    save_patient(window)
    before = digests_of(path)
    db = shell_of(window).session.database
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    record = window.session.record
    bigger = parse_record(
        {**record_to_json(record), "notes": "x" * 15_000}, as_of=date(2026, 11, 25)
    )
    window.session.set_working_record(bigger)  # what the form does while typing
    with pytest.raises(DiskFullError, match=f"cannot write {path}: the disk is full"):
        window.session.save_record(bigger)
    assert window.session.has_unsaved_changes  # the edit is still on screen to retry
    db.execute("PRAGMA max_page_count = 1073741823")
    assert digests_of(path) == before


def test_opening_an_encrypted_file_without_a_way_to_ask_says_why(open_window, tmp_path):
    """With no passphrase prompt (offscreen, tests) the refusal is shown, not swallowed."""
    other = tmp_path / "other.sqlite3"
    open_database(other).close()
    crypto.convert(other, None, PASSPHRASE, backups=[])
    window = open_window(tmp_path / "clinic.sqlite3")
    shown: list[str] = []
    window.show_error = lambda title, text: shown.append(text)
    window.open_database_requested.emit(str(other))
    assert len(shown) == 1
    assert f"{other} is encrypted: give its passphrase" in shown[0]
    assert shell_of(window).session.path == tmp_path / "clinic.sqlite3"
