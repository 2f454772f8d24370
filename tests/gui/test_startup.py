"""The window paints before the database opens (issue 8), and opens it right after."""

import argparse
import json
import os
import subprocess
import sys

import pytest

from osteodesk.ui import app as app_module
from osteodesk.ui.app import QUIT_AFTER_ENV, run_gui
from osteodesk.ui.database_session import lock_path
from osteodesk.ui.i18n import LanguageController
from osteodesk.ui.main_window import MainWindow

# run_gui quits the application: each test leaves a working event loop behind.
pytestmark = pytest.mark.usefixtures("fresh_event_loop_afterwards")

# Modules that must not load before the first paint: the storage layer and the rules.
HEAVY_MODULES = (
    "sqlite_utils",
    "sqlcipher3",
    "osteodesk.storage.database",
    "osteodesk.storage.crypto",
    "osteodesk.core.decision",
    "osteodesk.ui.session",
    "osteodesk.ui.patients.patients_tab",
    "reportlab",
    "pypinyin",
)

SHELL_SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from osteodesk.ui.app import ensure_application
from osteodesk.ui.database_session import acquire_lock
from osteodesk.ui.i18n import LanguageController
from osteodesk.ui.main_window import MainWindow

app = ensure_application()
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
languages = LanguageController(settings)
languages.start("zh_CN")
db = Path(sys.argv[1])
lock = acquire_lock(db)
window = MainWindow(database_path=db, languages=languages, settings=settings)
window.show()
app.processEvents()
print(json.dumps({
    "loaded": sorted(name for name in json.loads(sys.argv[3]) if name in sys.modules),
    "opening": window.opening_label.text(),
    "new_patient_enabled": window.new_patient_action.isEnabled(),
    "about_enabled": window.about_action.isEnabled(),
    "plan_tab_enabled": window.tabs.isTabEnabled(2),
}))
lock.unlock()
"""


def test_the_shell_paints_without_loading_storage_or_rules(tmp_path):
    """A fresh process builds and shows the window shell with none of the heavy modules."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            SHELL_SCRIPT,
            str(tmp_path / "clinic.sqlite3"),
            str(tmp_path / "settings.ini"),
            json.dumps(HEAVY_MODULES),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["loaded"] == []
    assert shown["opening"] == "正在打开数据库…"
    assert shown["new_patient_enabled"] is False  # nothing that needs the database yet
    assert shown["plan_tab_enabled"] is False
    assert shown["about_enabled"] is True  # About (with the disclaimer) works at once


def test_run_gui_opens_the_database_after_the_window_has_painted(monkeypatch, settings, db_path):
    monkeypatch.setenv(QUIT_AFTER_ENV, "0")
    seen: dict[str, object] = {}
    windows: list[MainWindow] = []
    real_open = app_module.open_with_passphrase

    def recording_window(**kwargs):
        windows.append(MainWindow(**kwargs))
        return windows[-1]

    def watching_open(path, prompt, *, lock=None, parent=None):
        (window,) = windows
        seen["visible"] = window.isVisible()
        seen["opening"] = window.opening_label.text() if window.opening_label else None
        seen["has_session"] = window.has_session
        seen["locked"] = lock_path(path).exists()
        seen["parent_is_window"] = parent is window
        return real_open(path, prompt, lock=lock, parent=parent)

    monkeypatch.setattr(app_module, "MainWindow", recording_window)
    monkeypatch.setattr(app_module, "open_with_passphrase", watching_open)
    args = argparse.Namespace(command="gui", db=str(db_path), lang="en")
    assert run_gui(args, interactive=False, settings=settings) == 0
    assert seen == {
        "visible": True,
        "opening": "Opening the database…",
        "has_session": False,
        "locked": True,  # a second window is refused before anything appears
        "parent_is_window": True,  # a backup before a migration shows over the window
    }
    assert not lock_path(db_path).exists()


def test_a_database_that_fails_to_open_closes_the_shell_and_frees_the_lock(
    monkeypatch, capsys, settings, tmp_path
):
    windows: list[MainWindow] = []

    def recording_window(**kwargs):
        windows.append(MainWindow(**kwargs))
        return windows[-1]

    monkeypatch.setattr(app_module, "MainWindow", recording_window)
    path = tmp_path / "not-a-database.sqlite3"
    path.write_bytes(b"this is not SQLite" * 100)
    args = argparse.Namespace(command="gui", db=str(path), lang="en")
    assert run_gui(args, interactive=False, settings=settings) == 1
    assert "is not an OsteoDesk database" in capsys.readouterr().err
    assert not lock_path(path).exists()
    (window,) = windows
    assert not window.isVisible()


def test_the_shell_enables_everything_once_the_database_is_open(make_window, db_path):
    window = make_window(db_path)
    assert window.has_session
    assert window.opening_label is None
    assert window.new_patient_action.isEnabled()
    assert all(window.tabs.isTabEnabled(index) for index in range(4))
    assert window.new_patient_action.shortcut().toString() == "Ctrl+N"
    assert window.tab_actions[2].shortcut().toString() == "Ctrl+3"


def test_closing_the_shell_before_the_database_opens_is_quiet(settings, db_path, qtbot):
    languages = LanguageController(settings)
    languages.start("en")
    window = MainWindow(database_path=db_path, languages=languages, settings=settings)
    qtbot.add_widget(window)
    window.show()
    window.close()  # no session: nothing to confirm, nothing to back up
    assert not window.isVisible()
    with pytest.raises(RuntimeError, match="not open yet"):
        _ = window.session


def test_the_backup_before_a_migration_runs_beside_the_window(tmp_path, monkeypatch, qtbot):
    """An upgrade copies the whole file first: on a worker thread, the window painting."""
    import threading

    from sqlite_utils import Database

    from osteodesk.storage import backup as backup_module
    from osteodesk.storage import paths
    from osteodesk.storage.database import applied_steps
    from osteodesk.storage.migrations import known_steps, migrations
    from osteodesk.ui.database_session import open_session

    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before=known_steps()[-1])
    old.execute(
        "INSERT INTO patients (id, mrn, name, sort_key, sex, birth_date, created_at, updated_at)"
        " VALUES (1, 'MRN-1', '王秀英', 'wangxiuying', 'female', '1954-05-12', 't', 't')"
    )
    old.conn.commit()
    old.close()
    real_auto_backup = backup_module.auto_backup
    threads: list[str] = []

    def watched_auto_backup(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real_auto_backup(*args, **kwargs)

    monkeypatch.setattr(backup_module, "auto_backup", watched_auto_backup)
    session = open_session(path)
    try:
        assert threads == ["osteodesk-migration-backup"]
        assert applied_steps(session.database) == known_steps()
        (made,) = paths.backup_dir().glob("old-*-before-migration.sqlite3")
        copy = Database(made)
        assert known_steps()[-1] not in applied_steps(copy)  # taken before the step ran
        assert copy.execute("SELECT name FROM patients").fetchall() == [("王秀英",)]
        copy.close()
    finally:
        session.backup_on_close = False
        session.close()
