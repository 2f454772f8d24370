"""`osteodesk gui` as a real process: starts and quits, refuses a second window, starts lean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from osteodesk.ui.app import QUIT_AFTER_ENV
from osteodesk.ui.database_session import open_session

TIMEOUT_S = 60


def gui_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("OSTEODESK_DB", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        OSTEODESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        **extra,
    )
    return env


def run_gui(tmp_path, *args, **extra):
    return subprocess.run(
        [sys.executable, "-m", "osteodesk", *args],
        env=gui_env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


@pytest.mark.parametrize("args", [(), ("gui",), ("gui", "--lang", "zh_CN")])
def test_window_starts_paints_and_quits_cleanly(tmp_path, args):
    result = run_gui(tmp_path, *args, **{QUIT_AFTER_ENV: "300"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "data" / "osteodesk.sqlite3").is_file()  # first start creates it
    log = (tmp_path / "data" / "logs" / "osteodesk.log").read_text(encoding="utf-8")
    assert "first paint after" in log


def test_db_option_and_environment_choose_the_file(tmp_path):
    explicit = tmp_path / "explicit.sqlite3"
    from_env = tmp_path / "from-env.sqlite3"
    result = run_gui(tmp_path, "gui", "--db", str(explicit), **{QUIT_AFTER_ENV: "50"})
    assert result.returncode == 0, result.stderr
    result = run_gui(tmp_path, "gui", OSTEODESK_DB=str(from_env), **{QUIT_AFTER_ENV: "50"})
    assert result.returncode == 0, result.stderr
    assert explicit.is_file()
    assert from_env.is_file()
    assert not (tmp_path / "data" / "osteodesk.sqlite3").exists()


def test_demo_uses_a_throw_away_database(tmp_path):
    result = run_gui(tmp_path, "gui", "--demo", **{QUIT_AFTER_ENV: "50"})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "data" / "osteodesk.sqlite3").exists()


def test_second_window_on_the_same_database_exits_with_a_message(tmp_path):
    db_path = tmp_path / "clinic.sqlite3"
    holder = open_session(db_path)  # the first window, as far as the child can tell
    try:
        result = run_gui(tmp_path, "gui", "--db", str(db_path), **{QUIT_AFTER_ENV: "50"})
    finally:
        holder.close()
    assert result.returncode == 1
    assert "already open in another OsteoDesk window" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_database_exits_with_a_message(tmp_path):
    not_db = tmp_path / "notes.sqlite3"
    not_db.write_text("not a database\n" * 20, encoding="utf-8")
    result = run_gui(tmp_path, "gui", "--db", str(not_db), **{QUIT_AFTER_ENV: "50"})
    assert result.returncode == 1
    assert "is not an OsteoDesk database" in result.stderr
    assert "Traceback" not in result.stderr


def test_start_up_loads_no_charts_pdf_or_reportlab(tmp_path):
    code = (
        "import sys, argparse; from osteodesk.ui.app import run_gui; "
        "code = run_gui(argparse.Namespace()); "
        "heavy = [m for m in sys.modules if m.split('.')[0] == 'reportlab' "
        "or m.startswith(('PySide6.QtCharts', 'PySide6.QtPdf'))]; "
        "print(heavy); sys.exit(code or (3 if heavy else 0))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=gui_env(tmp_path, **{QUIT_AFTER_ENV: "50"}),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "[]"
