"""Screenshots of every tab in both languages at 1366x768, on a real X server (Xvfb).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Without a display the script restarts itself under ``xvfb-run``. The window runs on a
throw-away demo database and a throw-away settings file, so nothing of the user's is touched.
Look at the pictures afterwards: no boxes instead of Chinese, nothing clipped or overlapping.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCREEN = (1366, 768)
TABS = ("patients", "assessment", "plan", "worklist")
LANGUAGES = ("en", "zh_CN")
_UNDER_XVFB = "OSTEODESK_SCREENSHOTS_UNDER_XVFB"
WORK_FOLDER = ROOT / "screenshots-tmp"


def main() -> int:
    """Take the screenshots; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get(_UNDER_XVFB):
        return _rerun_under_xvfb()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    args.out.mkdir(parents=True, exist_ok=True)
    # A fixed, git-ignored work folder keeps the status bar (which names the database) the same
    # from run to run, so unchanged screens give unchanged pictures.
    shutil.rmtree(WORK_FOLDER, ignore_errors=True)
    WORK_FOLDER.mkdir(parents=True)
    os.environ["OSTEODESK_DATA_DIR"] = str(WORK_FOLDER)
    try:
        for path in _take(WORK_FOLDER, args.out):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    finally:
        shutil.rmtree(WORK_FOLDER, ignore_errors=True)
    return 0


def _rerun_under_xvfb() -> int:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        print(
            "screenshots: no display and no xvfb-run (apt-get install xvfb xauth)", file=sys.stderr
        )
        return 1
    screen = f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24"
    env = dict(os.environ, **{_UNDER_XVFB: "1"})
    command = [xvfb_run, "-a", "-s", screen, sys.executable, *sys.argv]
    return subprocess.run(command, env=env, check=False).returncode


def _take(folder: Path, out: Path) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from osteodesk.ui.app import create_main_window, ensure_application

    app = ensure_application()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = create_main_window(
        folder / "demo.sqlite3", settings=settings, language="en", demo=True
    )
    window.setGeometry(0, 0, *SCREEN)
    window.show()
    window.activateWindow()  # no window manager under Xvfb: nothing activates it otherwise
    _settle(app)
    written: list[Path] = []
    demo_patient = _very_high_risk_patient(window.session)
    for language in LANGUAGES:
        window.language_actions[language].trigger()
        # The Assessment and Plan tabs show a demo patient at very high risk, options visible.
        window.session.open_patient(demo_patient)
        for index, tab in enumerate(TABS):
            window.show_tab(index)
            _settle(app)
            path = out / f"{tab}-{language}.png"
            if not window.grab().save(str(path)):
                raise OSError(f"could not write {path}")
            written.append(path)
        written.extend(_patient_form(app, window, out, language))
        written.append(_drug_reference(app, window, out, language))
        about = window.show_about()
        _settle(app)
        path = out / f"about-{language}.png"
        about.grab().save(str(path))
        written.append(path)
        about.close()
    window.close()
    QApplication.processEvents()
    return written


def _patient_form(app: object, window: Any, out: Path, language: str) -> list[Path]:
    """The patient form of the demo patient with the most history: top, then the tables."""
    tab = window.patients_tab
    session = window.session
    patient_id, _record = max(
        session.patients.iter_records(), key=lambda item: _history_size(item[1])
    )
    window.show_tab(0)
    tab.edit_patient(patient_id)
    _settle(app)
    scroll = tab.form.view.scroll_area.verticalScrollBar()
    written = []
    for part, position in (("patient-form", 0), ("patient-form-history", scroll.maximum())):
        scroll.setValue(position)
        _settle(app)
        path = out / f"{part}-{language}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        written.append(path)
    tab.show_list()
    return written


def _very_high_risk_patient(session: Any) -> int:
    """The demo patient best suited to show the Assessment and Plan tabs: very high risk, an
    anabolic option, and the most DXA scans and lab results."""
    from osteodesk.core import codes
    from osteodesk.core.decision import evaluate

    def score(item: tuple[int, Any]) -> tuple[int, int, int, int]:
        record = item[1]
        evaluation = evaluate(record, as_of=session.today())
        anabolic = any(o.steps[0].drug in codes.ANABOLICS for o in evaluation.options)
        return (
            int(evaluation.risk.category == "very_high"),
            int(anabolic and evaluation.treatment_state == "naive"),
            min(len(record.dxa), 3),
            len(record.labs),
        )

    patient_id, _record = max(session.patients.iter_records(), key=score)
    return int(patient_id)


def _drug_reference(app: object, window: Any, out: Path, language: str) -> Path:
    """The drug reference window at denosumab (products and an oncology-only brand shown)."""
    dialog = window.show_drug_reference()
    dialog.set_language(language)
    dialog.show_drug("denosumab")
    dialog.resize(1100, 680)
    _settle(app)
    path = out / f"reference-{language}.png"
    if not dialog.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    dialog.close()
    return path


def _history_size(record: Any) -> int:
    treatments = sum(1 + len(t.dose_dates) for t in record.treatments)
    return len(record.fractures) + len(record.conditions) + treatments + len(record.biologics)


def _settle(app: object, seconds: float = 0.3) -> None:
    """Let layouts, fonts and delayed painting finish before grabbing."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
