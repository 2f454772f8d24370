"""Unexpected exceptions: a dialog with a copyable report, a log entry, and no patient data."""

import logging
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication

from osteodesk.ui.crash import LOG_FILENAME, CrashReporter, configure_logging, format_report

SECRET_NAME = "王小明"
SECRET_VALUE = "T-score -3.7"


class PatientSaveError(Exception):
    pass


def save_patient(name):
    raise ValueError(f"cannot save {name}: {SECRET_VALUE}")


def save_with_cause(name):
    try:
        save_patient(name)
    except ValueError as exc:
        raise PatientSaveError(f"save failed for {name}") from exc


def exc_info_of(function, *args):
    try:
        function(*args)
    except Exception as exc:  # noqa: BLE001 - we want the exception object itself
        return type(exc), exc, exc.__traceback__
    pytest.fail("no exception")


@pytest.fixture
def log_folder(tmp_path):
    folder = tmp_path / "logs"
    handler = configure_logging(folder)
    yield folder
    logging.getLogger("osteodesk").removeHandler(handler)
    handler.close()


@pytest.fixture
def reporter(qtbot, main_window):
    reporter = CrashReporter(parent_widget=lambda: main_window)
    yield reporter
    if reporter.dialog is not None:
        reporter.dialog.close()


def test_report_names_types_and_frames_but_no_message():
    report = format_report(*exc_info_of(save_with_cause, SECRET_NAME))
    assert SECRET_NAME not in report
    assert "-3.7" not in report
    assert f"save failed for {SECRET_NAME}" not in report
    assert "builtins.ValueError (message withheld)" in report
    assert ".PatientSaveError (message withheld)" in report
    assert "in save_patient" in report
    assert "in save_with_cause" in report
    assert "The above exception was the direct cause" in report
    # The cause comes first, as Python prints it.
    assert report.index("ValueError") < report.index("PatientSaveError")


def test_report_keeps_the_errno_of_os_errors_but_not_the_file_name():
    def write():
        raise FileNotFoundError(2, "No such file", f"/home/clinic/{SECRET_NAME}.pdf")

    report = format_report(*exc_info_of(write))
    assert "builtins.FileNotFoundError [errno 2] (message withheld)" in report
    assert SECRET_NAME not in report


def test_exception_in_a_slot_shows_the_dialog_and_logs_without_data(
    qtbot, monkeypatch, main_window, reporter, log_folder
):
    monkeypatch.setattr("sys.excepthook", reporter.excepthook)
    with qtbot.waitExposed(main_window):
        main_window.show()
    with qtbot.wait_signal(reporter.report_ready) as blocker:
        QTimer.singleShot(0, lambda: save_with_cause(SECRET_NAME))
    report = blocker.args[0]
    qtbot.wait_until(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog.report_edit.toPlainText() == report
    assert reporter.dialog.report_edit.isReadOnly()
    assert main_window.isVisible()  # the window lives on

    log_text = (log_folder / LOG_FILENAME).read_text(encoding="utf-8")
    assert "PatientSaveError (message withheld)" in log_text
    assert "in save_patient" in log_text
    assert SECRET_NAME not in log_text
    assert "-3.7" not in log_text


def test_copy_button_puts_the_report_on_the_clipboard(qtbot, reporter):
    reporter.handle(*exc_info_of(save_patient, SECRET_NAME))
    qtbot.wait_until(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(reporter.dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "builtins.ValueError (message withheld)" in copied
    assert SECRET_NAME not in copied


def test_a_second_error_goes_into_the_same_dialog(qtbot, reporter):
    reporter.handle(*exc_info_of(save_patient, SECRET_NAME))
    reporter.handle(*exc_info_of(save_with_cause, SECRET_NAME))
    qtbot.wait_until(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    text = reporter.dialog.report_edit.toPlainText()
    assert text.count("OsteoDesk ") == 2
    assert "PatientSaveError" in text


def test_exception_in_a_worker_thread_reaches_the_dialog(qtbot, monkeypatch, reporter, log_folder):
    monkeypatch.setattr("threading.excepthook", reporter.thread_excepthook)
    worker = threading.Thread(target=save_patient, args=(SECRET_NAME,))
    with qtbot.wait_signal(reporter.report_ready):
        worker.start()
        worker.join()
    qtbot.wait_until(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "in save_patient" in reporter.dialog.report_edit.toPlainText()
    assert SECRET_NAME not in (log_folder / LOG_FILENAME).read_text(encoding="utf-8")


def test_install_and_uninstall_restore_the_previous_hooks(monkeypatch):
    import sys

    def sentinel(*args):
        pass

    monkeypatch.setattr(sys, "excepthook", sentinel)
    monkeypatch.setattr(threading, "excepthook", sentinel)
    reporter = CrashReporter()
    reporter.install()
    assert sys.excepthook == reporter.excepthook
    assert threading.excepthook == reporter.thread_excepthook
    reporter.uninstall()
    assert sys.excepthook is sentinel
    assert threading.excepthook is sentinel


def test_dialog_is_translated(qtbot, main_window, reporter):
    reporter.handle(*exc_info_of(save_patient, SECRET_NAME))
    qtbot.wait_until(lambda: reporter.dialog is not None)
    main_window.language_actions["zh_CN"].trigger()
    assert reporter.dialog.copy_button.text() == "复制报告"
    assert reporter.dialog.windowTitle() == "OsteoDesk：意外错误"
