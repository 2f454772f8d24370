"""Fixtures of the reliability tests."""

from __future__ import annotations

import sys

import pytest


@pytest.fixture
def summary_line(capsys):
    """Print a line into the test output even when pytest captures it (the lead reads it)."""

    def emit(text: str) -> None:
        with capsys.disabled():
            sys.stdout.write(f"\n{text}\n")
            sys.stdout.flush()

    return emit


@pytest.fixture(autouse=True)
def _fresh_event_loop_afterwards():
    """run_gui quits the application; spin one more loop so later tests get a working one.

    (The same as tests/gui/test_run_gui.py: several tests here start the window in-process.)
    """
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
        app.exec()
