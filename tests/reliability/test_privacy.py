"""Logs, crash reports and the copied diagnostics never hold a patient's name, id or values.

A distinctive patient goes through every path that could log: import, evaluate, search, export,
both reports, a refused import, the window (start, save, open, quit) and an unexpected
exception whose message quotes the patient. Logging is at DEBUG for every logger (ours and the
libraries'), into the data folder's logs/. Afterwards no file there, and no crash report, holds
the name, its pinyin, the clinic id, the phone number or the note.
"""

from __future__ import annotations

import argparse
import json
import logging
from datetime import date

import pytest

from osteodesk.__main__ import main
from osteodesk.core.record import parse_record
from osteodesk.storage import paths
from osteodesk.ui.crash import LOGGER_NAME, CrashReporter, configure_logging, format_report

pytestmark = pytest.mark.gui

NAME = "测试隐私张三"
MRN = "MRN-PRIVACY-77"
PHONE = "13912345678"
NOTE = "隐私备注XYZ-4711"
SECRETS = [NAME, "张三", "ceshiyinsi", MRN, "PRIVACY-77", PHONE, "12345678", NOTE, "XYZ-4711"]
AS_OF = date(2026, 11, 25)
RECORD = {
    "id": MRN,
    "name": NAME,
    "phone": PHONE,
    "notes": NOTE,
    "sex": "female",
    "birth_date": "1949-02-03",
    "menopausal_status": "post",
    "weight_kg": 47.3,
    "height_cm": 151,
    "fractures": [{"site": "vertebra", "date": "2026-01-05", "fragility": True}],
    "dxa": [{"date": "2026-10-02", "lumbar_spine_t": -3.4, "femoral_neck_t": -2.8}],
    "labs": [{"date": "2026-10-02", "test": "egfr", "value": 52, "unit": "mL/min/1.73m2"}],
}


@pytest.fixture
def debug_logging():
    """Everything at DEBUG into logs/osteodesk.log, the way the window configures it."""
    handler = configure_logging(paths.log_dir())
    root = logging.getLogger()
    ours = logging.getLogger(LOGGER_NAME)
    old_levels = (root.level, ours.level)
    handler.setLevel(logging.DEBUG)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    ours.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    ours.removeHandler(handler)
    root.setLevel(old_levels[0])
    ours.setLevel(old_levels[1])
    handler.close()


def scan(folder) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for file in folder.rglob("*"):
        if file.is_file():
            text = file.read_bytes().decode("utf-8", errors="replace")
            hits = [secret for secret in SECRETS if secret in text]
            if hits:
                found[str(file)] = hits
    return found


def test_no_patient_data_in_logs_or_crash_reports(tmp_path, capsys, debug_logging, monkeypatch):
    db = tmp_path / "clinic.sqlite3"
    record_file = tmp_path / "patient.json"
    record_file.write_text(json.dumps(RECORD, ensure_ascii=False), encoding="utf-8")
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps({**RECORD, "weight_kg": 900}, ensure_ascii=False), "utf-8")
    as_of = ["--as-of", AS_OF.isoformat()]

    assert main(["import", str(record_file), "--db", str(db), *as_of]) == 0
    assert main(["import", str(bad_file), "--db", str(db), *as_of]) == 2
    assert main(["evaluate", str(record_file), "--format", "text", *as_of]) == 0
    assert main(["evaluate", str(record_file), *as_of]) == 0
    assert main(["search", "张三", "--db", str(db)]) == 0
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "all.json")]) == 0
    for kind in ("care-plan", "handout"):
        out = tmp_path / f"{kind}.pdf"
        assert (
            main(["report", "--patient", MRN, "--kind", kind, "--out", str(out), "--db", str(db)])
            == 0
        )
    assert main(["check", "--db", str(db)]) == 0
    printed = capsys.readouterr()
    assert NAME in printed.out  # the commands do show the patient to the user...

    from osteodesk.ui.app import QUIT_AFTER_ENV, create_main_window, run_gui

    window = create_main_window(db, language="en")
    session = window.session
    patient_id = session.patients.find_by_mrn(MRN)
    session.open_patient(patient_id)
    session.save_record(parse_record({**RECORD, "weight_kg": 46.9}, as_of=AS_OF))
    window.show_tab(1)
    window.show_tab(2)
    window.close()
    monkeypatch.setenv(QUIT_AFTER_ENV, "20")
    assert (
        run_gui(argparse.Namespace(command="gui", db=str(db), lang="zh_CN"), interactive=False) == 0
    )

    # An unexpected exception whose message quotes the patient (as a bug might).
    reporter = CrashReporter()
    try:
        raise ValueError(f"cannot show {NAME} ({MRN}, {PHONE}): {NOTE}")
    except ValueError as exc:
        reporter.handle(type(exc), exc, exc.__traceback__)
        copied = format_report(type(exc), exc, exc.__traceback__)
    assert reporter.dialog is not None
    shown = reporter.dialog.report_edit.toPlainText()
    reporter.dialog.close()

    log_dir = paths.log_dir()
    log_text = "".join(f.read_text("utf-8", "replace") for f in log_dir.rglob("*") if f.is_file())
    assert "unexpected exception" in log_text  # ...so the scan below looks at real content
    assert "DEBUG" in log_text or "INFO" in log_text
    assert scan(log_dir) == {}
    for text in (shown, copied):
        assert "builtins.ValueError (message withheld)" in text
        assert [secret for secret in SECRETS if secret in text] == []
