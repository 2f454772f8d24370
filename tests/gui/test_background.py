"""Worker threads: the window keeps its event loop, errors come back, no collection meanwhile."""

import gc
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from osteodesk.ui.background import hold_collection, release_collection, run_in_background
from osteodesk.ui.database_shell import BackupJob


def test_the_work_runs_on_a_worker_and_its_result_comes_back(qtbot):
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    def work() -> tuple[str, bool]:
        time.sleep(0.2)
        return threading.current_thread().name, gc.isenabled()

    name, collecting = run_in_background(work, label="…", parent=None, object_name="test-job")
    timer.stop()
    assert name == "osteodesk-test-job"
    assert collecting is False  # no automatic collection while a worker runs Python
    assert gc.isenabled()
    assert len(ticks) >= 5  # the event loop ran meanwhile


def test_an_error_of_the_work_is_raised_on_the_calling_thread(qtbot):
    def work() -> None:
        raise OSError("No space left on device")

    with pytest.raises(OSError, match="No space left"):
        run_in_background(work, label="…", parent=None, object_name="test-job")
    assert gc.isenabled()


def test_holds_nest_and_collection_resumes_after_the_last():
    hold_collection()
    hold_collection()
    release_collection()
    assert not gc.isenabled()
    release_collection()
    assert gc.isenabled()
    release_collection()  # one too many does nothing
    assert gc.isenabled()


def test_a_backup_job_holds_collection_until_it_reports_back(qtbot, tmp_path):
    from osteodesk.storage.database import open_database

    source = tmp_path / "clinic.sqlite3"
    open_database(source).close()
    job = BackupJob()
    with qtbot.waitSignal(job.succeeded, timeout=10_000):
        job.start(source, tmp_path / "copy.sqlite3")
        assert not gc.isenabled()
    qtbot.waitUntil(gc.isenabled, timeout=5_000)
    assert (tmp_path / "copy.sqlite3").is_file()


def test_nothing_the_user_does_reaches_a_window_while_the_work_runs(qtbot):
    """Keys and clicks are swallowed from the start; Esc cannot hide the busy dialog."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    button = QPushButton("New patient")
    qtbot.add_widget(button)
    button.show()
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    seen: list[bool] = []

    def click_and_escape() -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                QTest.keyClick(widget, Qt.Key.Key_Escape)
                seen.append(widget.isVisible())

    QTimer.singleShot(100, click_and_escape)
    QTimer.singleShot(650, click_and_escape)
    run_in_background(lambda: time.sleep(1.5), label="…", parent=button, object_name="test-blocked")
    assert clicks == []
    assert seen == [True]  # the dialog (shown from 0.5 s) stayed up through Esc
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [True]  # and input works again afterwards
