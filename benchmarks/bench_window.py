"""Window start-up: cold process to first paint, and peak memory, against a bare PySide6 window.

Both processes are started the same way (offscreen, a fresh interpreter) and report the wall-clock
time of their first paint and their peak resident memory on stderr; the difference from the moment
the process was spawned is the figure. The OsteoDesk window opens the 100,000-patient demo
database of ``bench_storage`` (quick: 2,000).

OsteoDesk paints its window first and opens the database right after (app.py), so a second,
informational figure says when the patient list is on screen ("ready"): the time a clinician
waits for the list, which the issue sets no target for.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import figure

RUNS = 9
QUICK_RUNS = 2
_MARK = re.compile(r"first paint at ([0-9.]+) rss_kb (\d+)")
_READY = re.compile(r"ready at ([0-9.]+) rss_kb (\d+)")

# The floor: a bare QMainWindow with three tabs and a table, quitting at its first paint.
BARE_WINDOW = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QTableView

app = QApplication(sys.argv)
window = QMainWindow()
tabs = QTabWidget()
table = QTableView()
table.setModel(QStandardItemModel(50, 8))
tabs.addTab(table, "Patients")
tabs.addTab(QTableView(), "Assessment")
tabs.addTab(QTableView(), "Plan")
window.setCentralWidget(tabs)
window.resize(1280, 720)


class FirstPaint(QObject):
    armed = True

    def eventFilter(self, watched, event):
        if self.armed and event.type() == QEvent.Type.Paint:
            self.armed = False
            status = open("/proc/self/status").read().split("VmHWM:")[1]
            rss = int(status.split()[0])
            sys.stderr.write(f"first paint at {time.time():.6f} rss_kb {rss}\n")
            QTimer.singleShot(0, app.quit)
        return False


watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
app.exec()
"""


# Opening the 15-year patient in the window, as a clinician does: the record is read, evaluated
# and shown on the Assessment tab (tables, trend chart), with the Plan tab built too.
OPEN_PATIENT = r"""
import json, statistics, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from osteodesk.ui.app import create_main_window, ensure_application

app = ensure_application()
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = create_main_window(Path(sys.argv[1]), settings=settings, language="en")
window.show()
window.show_tab(1)
_ = window.plan_tab
session = window.session
heavy = session.patients.resolve("HEAVY-15Y")
other = session.patients.resolve(sys.argv[3])
samples = []
for _ in range(int(sys.argv[4])):
    session.open_patient(other)
    app.processEvents()
    started = time.perf_counter()
    session.open_patient(heavy)
    app.processEvents()
    samples.append(time.perf_counter() - started)
print(json.dumps({"median_s": statistics.median(samples)}))
window.close()
"""


def _open_patient_seconds(db: Path, env: dict[str, str], runs: int, tmp: Path) -> float:
    """Median seconds to open the 15-year patient in the window (Assessment tab showing)."""
    import json

    result = subprocess.run(
        [
            sys.executable,
            "-c",
            OPEN_PATIENT,
            str(db),
            str(tmp / "open.ini"),
            "DEMO-000001",
            str(runs),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"opening a patient in the window failed: {result.stderr[-800:]}")
    return float(json.loads(result.stdout.strip().splitlines()[-1])["median_s"])


def _start(command: list[str], env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Per mark found ("first paint", "ready"): seconds from spawn, and peak RSS in MB then."""
    started = time.time()
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    marks = {}
    for name, pattern in (("first paint", _MARK), ("ready", _READY)):
        match = pattern.search(result.stderr)
        if match is not None:
            marks[name] = (float(match.group(1)) - started, int(match.group(2)) / 1024.0)
    if result.returncode != 0 or "first paint" not in marks:
        raise RuntimeError(f"{command[:3]} did not paint: {result.stderr[-800:]}")
    if command[1:3] == ["-m", "osteodesk"] and "ready" not in marks:
        raise RuntimeError(f"the window never showed its list: {result.stderr[-800:]}")
    return marks


def run(quick: bool) -> list[dict[str, Any]]:
    """Window figures: first paint (cold process) and resident memory."""
    from benchmarks.bench_storage import FULL_SIZE, QUICK_SIZE, _database

    size = QUICK_SIZE if quick else FULL_SIZE
    cached, _, _ = _database(size)
    runs = QUICK_RUNS if quick else RUNS
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "window.sqlite3"
        shutil.copy(cached, db)
        # Measure as installed: bytecode cached (pip and the bundle compile it). Without this, an
        # environment with PYTHONDONTWRITEBYTECODE recompiles every module of ours on each start,
        # which the bare-window floor never pays.
        base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = base_env | {
            "QT_QPA_PLATFORM": "offscreen",
            "OSTEODESK_QUIT_AFTER_MS": "0",
            "OSTEODESK_DATA_DIR": str(Path(tmp) / "data"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
        }
        app_command = [sys.executable, "-m", "osteodesk", "gui", "--db", str(db), "--lang", "en"]
        bare_command = [sys.executable, "-c", BARE_WINDOW]
        _start(app_command, env)  # the first start migrates and warms the page cache
        # Interleaved, so a busy spell of the machine weighs on both alike.
        app_runs, bare_runs = [], []
        for _ in range(runs):
            app_runs.append(_start(app_command, env))
            bare_runs.append(_start(bare_command, env)["first paint"])
        open_s = _open_patient_seconds(db, env, 5 if quick else 15, Path(tmp))
    app = [marks["first paint"] for marks in app_runs]
    ready = [marks["ready"] for marks in app_runs]
    app_s = statistics.median(s for s, _ in app)
    bare_s = statistics.median(s for s, _ in bare_runs)
    ready_s = statistics.median(s for s, _ in ready)
    # Peak memory once the database is open and the list shown: the larger, honest figure.
    app_mb = statistics.median(m for _, m in ready)
    bare_mb = statistics.median(m for _, m in bare_runs)
    return [
        figure(
            f"window first paint, {size:,} patients, cold process",
            app_s * 1000,
            "ms",
            floor=bare_s * 1000,
            target="<= 1.5x bare PySide6 window",
        ),
        figure(
            f"patient list on screen, {size:,} patients, cold process",
            ready_s * 1000,
            "ms",
            floor=bare_s * 1000,
            target="informational (database opened after the first paint)",
        ),
        figure(
            f"resident memory with the list on screen, {size:,} patients",
            app_mb,
            "MB",
            floor=bare_mb,
            target="<= bare + 120 MB",
        )
        | {"delta_mb": app_mb - bare_mb},
        figure(
            "open patient in the window: 15 years of history, evaluated and painted",
            open_s * 1000,
            "ms",
            target="informational (issue 8's <= 20 ms is the load: see bench_storage)",
        ),
    ]
