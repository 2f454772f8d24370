"""run_gui in-process: the normal start and stop, and a start-up bug that must not crash."""

import argparse
import sys

import pytest

from osteodesk.storage import paths
from osteodesk.ui import app as app_module
from osteodesk.ui.app import QUIT_AFTER_ENV, run_gui
from osteodesk.ui.crash import LOG_FILENAME
from osteodesk.ui.database_session import lock_path
from osteodesk.ui.i18n import SETTINGS_KEY

# run_gui quits the application: each test leaves a working event loop behind.
pytestmark = pytest.mark.usefixtures("fresh_event_loop_afterwards")


def test_runs_until_quit_then_frees_the_database(monkeypatch, settings, db_path):
    monkeypatch.setenv(QUIT_AFTER_ENV, "50")
    hook_before = sys.excepthook
    args = argparse.Namespace(command="gui", db=str(db_path), demo=False, lang="zh_CN")
    assert run_gui(args, interactive=False, settings=settings) == 0
    assert sys.excepthook is hook_before
    assert db_path.is_file()
    assert not lock_path(db_path).exists()
    assert settings.value(SETTINGS_KEY) is None  # --lang is for this run only
    assert settings.value("main_window/geometry") is not None


def test_missing_options_mean_the_default_database(monkeypatch, settings):
    monkeypatch.setenv(QUIT_AFTER_ENV, "10")
    assert run_gui(argparse.Namespace(command=None), interactive=False, settings=settings) == 0
    assert paths.default_db_path().is_file()


def test_a_start_up_bug_is_reported_and_logged_without_data(monkeypatch, capsys, settings, db_path):
    def broken_window(**kwargs):
        raise RuntimeError("patient 王小明 could not be shown")

    monkeypatch.setattr(app_module, "MainWindow", broken_window)
    args = argparse.Namespace(command="gui", db=str(db_path))
    assert run_gui(args, interactive=False, settings=settings) == 1
    assert "unexpected RuntimeError while starting" in capsys.readouterr().err
    log = (paths.log_dir() / LOG_FILENAME).read_text(encoding="utf-8")
    assert "builtins.RuntimeError (message withheld)" in log
    assert "in broken_window" in log
    assert "王小明" not in log
    assert not lock_path(db_path).exists()  # the half-built session was closed
