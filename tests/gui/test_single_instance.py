"""One window per database: a lock file beside it, taken over only from a dead owner."""

import subprocess
import sys

import pytest

from osteodesk.ui.database_session import DatabaseInUseError, lock_path, open_session


def test_second_window_on_the_same_database_is_refused(make_window, db_path):
    make_window(db_path)
    assert lock_path(db_path).exists()
    with pytest.raises(DatabaseInUseError, match="already open in another OsteoDesk window"):
        make_window(db_path)


def test_windows_on_different_databases_coexist(make_window, tmp_path):
    first = make_window(tmp_path / "a.sqlite3")
    second = make_window(tmp_path / "b.sqlite3")
    assert (first.database_path.name, second.database_path.name) == ("a.sqlite3", "b.sqlite3")


def test_closing_the_window_frees_the_database(make_window, db_path):
    first = make_window(db_path)
    first.close()
    assert not lock_path(db_path).exists()
    second = make_window(db_path)
    assert second.database_path == db_path


def test_refused_window_leaves_the_first_one_working(make_window, db_path):
    first = make_window(db_path)
    with pytest.raises(DatabaseInUseError):
        make_window(db_path)
    first.close()
    assert not lock_path(db_path).exists()  # the refused attempt did not take the lock over


def test_lock_of_a_crashed_process_is_taken_over(db_path):
    # The child takes the lock and dies without cleaning up, as a crash or power cut would.
    code = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        f"lock = QLockFile({str(lock_path(db_path))!r}); lock.setStaleLockTime(0); "
        "ok = lock.tryLock(0); sys.stdout.flush(); os._exit(0 if ok else 3)"
    )
    db_path.parent.mkdir(parents=True, exist_ok=True)
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
    assert lock_path(db_path).exists()
    session = open_session(db_path)
    session.close()
