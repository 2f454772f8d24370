"""The Worklist tab: counts, colours, the type filter, within N days, opening the patient on the
right tab, Done and Snooze (dialogs replaced), printing, CSV, a patient's calendar."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox
from worklist_samples import ENDING, INFUSION, LATE, SOON, TODAY, clinic_record, rx

from osteodesk.core.record import parse_record
from osteodesk.storage.database import open_database
from osteodesk.storage.patients import PatientRepository
from osteodesk.ui.patients.labels import format_date
from osteodesk.ui.patients.table_model import Column as PatientColumn
from osteodesk.ui.worklist import dialogs
from osteodesk.ui.worklist.worklist_model import (
    STATUS_COLOURS,
    CodeRole,
    Column,
    EntryRole,
    StatusRole,
    WorklistModel,
)
from osteodesk.ui.worklist.worklist_tab import WorklistTab


@pytest.fixture
def tab(qtbot, clinic, tab_settings):
    widget = WorklistTab(clinic, settings=tab_settings)
    qtbot.add_widget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


def rows(tab):
    """(patient, code, status) of every line shown, in order."""
    out = []
    for row in range(tab.proxy.rowCount()):
        entry = tab.proxy.index(row, 0).data(EntryRole)
        out.append((entry.patient_id, entry.code, entry.status))
    return out


def select(tab, patient_id, code=None):
    for row in range(tab.proxy.rowCount()):
        entry = tab.proxy.index(row, 0).data(EntryRole)
        if entry.patient_id == patient_id and (code is None or entry.code == code):
            tab.view.table.setCurrentIndex(tab.proxy.index(row, 0))
            return row
    raise AssertionError(f"patient {patient_id} {code} not listed")


def test_model_passes_the_model_tester(qtmodeltester, clinic):
    model = WorklistModel()
    model.set_entries(clinic.due.worklist(TODAY, 30))
    assert model.rowCount() == 5
    qtmodeltester.check(model)


def test_lines_counts_and_badge(tab):
    assert rows(tab) == [
        (LATE, "denosumab_dose_late", "overdue"),
        (SOON, "denosumab_dose_due", "due"),
        (INFUSION, "lab_due", "due"),
        (INFUSION, "visit_due", "due"),
        (ENDING, "anabolic_course_ending", "upcoming"),
    ]
    assert tab.view.count_label.text() == "5 items shown: 1 Overdue · 3 Due · 1 Upcoming"
    assert tab.overdue_count == 1
    assert tab.proxy.index(0, int(Column.DUE_DATE)).data() == format_date(date(2026, 10, 1))
    assert tab.proxy.index(0, int(Column.STATUS)).data() == "! Overdue"  # urgent
    assert tab.proxy.index(0, int(Column.PATIENT)).data() == "王秀英"
    assert tab.proxy.index(0, int(Column.CLINIC_ID)).data() == "MRN-1"
    assert tab.proxy.index(0, int(Column.WHAT)).data() == "Denosumab injection (late)"
    assert "give it now" in tab.proxy.index(0, int(Column.DETAIL)).data()
    assert "give it now" in tab.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_colours_overdue_red_due_amber_upcoming_plain(tab):
    background = Qt.ItemDataRole.BackgroundRole
    for row, (_pid, _code, status) in enumerate(rows(tab)):
        colour = tab.proxy.index(row, int(Column.WHAT)).data(background)
        if status == "upcoming":
            assert colour is None
        else:
            assert colour == QColor(STATUS_COLOURS[status][0]), status
    assert QColor(STATUS_COLOURS["overdue"][0]).red() > QColor(STATUS_COLOURS["overdue"][0]).green()
    assert tab.proxy.index(0, 0).data(StatusRole) == "overdue"


def test_type_filter(qtbot, tab):
    combo = tab.view.type_combo
    assert combo.itemText(0) == "All types"
    combo.setCurrentIndex(combo.findData("denosumab_dose_late"))
    assert rows(tab) == [(LATE, "denosumab_dose_late", "overdue")]
    assert tab.view.count_label.text().startswith("1 items shown")
    combo.setCurrentIndex(combo.findData("visit_due"))
    assert [r[1] for r in rows(tab)] == ["visit_due"]
    assert tab.proxy.index(0, 0).data(CodeRole) == "visit_due"
    combo.setCurrentIndex(0)
    assert len(rows(tab)) == 5


def test_within_n_days(tab, tab_settings):
    tab.view.within_spin.setValue(14)  # the infusion on 2026-12-10 is day 15
    assert rows(tab) == [
        (LATE, "denosumab_dose_late", "overdue"),
        (SOON, "denosumab_dose_due", "due"),
        (ENDING, "anabolic_course_ending", "upcoming"),
    ]
    tab.view.within_spin.setValue(15)
    assert (INFUSION, "visit_due", "due") in rows(tab)
    tab.view.within_spin.setValue(0)
    assert (SOON, "denosumab_dose_due", "upcoming") in rows(tab)  # in its 28-day notice
    assert int(tab_settings.value("worklist/within_days")) == 0


def test_double_click_opens_the_patient_on_the_right_tab(qtbot, tab):
    view = tab.view.table
    row = select(tab, LATE)
    rect = view.visualRect(tab.proxy.index(row, int(Column.PATIENT)))
    with qtbot.wait_signal(tab.patient_open_requested) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [LATE, "plan"]
    select(tab, INFUSION, "lab_due")
    with qtbot.wait_signal(tab.patient_open_requested) as blocker:
        tab.view.open_button.click()
    assert blocker.args == [INFUSION, "assessment"]


def test_done_records_the_dose_and_moves_the_next_date(qtbot, tab, monkeypatch):
    asked = []

    def answer(_parent, entry, today):
        asked.append((entry.patient_id, entry.code, today))
        return dialogs.DoneAnswer(TODAY, "given today")

    monkeypatch.setattr(dialogs, "ask_done", answer)
    select(tab, LATE)
    with qtbot.wait_signal(tab.overdue_count_changed) as blocker:
        tab.view.done_button.click()
    assert asked == [(LATE, "denosumab_dose_late", TODAY)]
    assert blocker.args == [0]  # the late dose was the only overdue item
    course = tab.session.patients.get(LATE).treatments[0]
    assert course.last_dose_date == TODAY
    assert (LATE, "denosumab_dose_late", "overdue") not in rows(tab)
    schedule = tab.session.due.schedule(LATE)
    assert ("denosumab_dose_due", date(2027, 5, 25)) in {(i.code, i.due_date) for i in schedule}


def test_done_cancelled_changes_nothing(tab, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_done", lambda *_args: None)
    before = rows(tab)
    select(tab, SOON)
    tab.view.done_button.click()
    assert rows(tab) == before
    assert tab.session.due.marks(SOON) == []


def test_done_refused_while_the_patient_has_unsaved_changes(tab, monkeypatch):
    told = []
    monkeypatch.setattr(dialogs, "tell", lambda _p, title, text: told.append(title))
    monkeypatch.setattr(dialogs, "ask_done", lambda *_args: pytest.fail("must not ask"))
    session = tab.session
    session.open_patient(SOON)
    record = session.record
    session.set_working_record(parse_record({**_json(record), "notes": "typing"}, as_of=TODAY))
    assert session.has_unsaved_changes
    select(tab, SOON)
    tab.view.done_button.click()
    assert told == ["Unsaved changes"]


def _json(record):
    from osteodesk.core.record import record_to_json

    data = record_to_json(record)
    data.pop("schema", None)
    return data


def test_snooze_needs_a_reason_and_hides_until_its_date(qtbot, tab, monkeypatch):
    monkeypatch.setattr(
        dialogs,
        "ask_snooze",
        lambda _p, _entry, _today: dialogs.SnoozeAnswer(date(2026, 12, 10), "in hospital"),
    )
    select(tab, SOON)
    tab.view.snooze_button.click()
    assert SOON not in {pid for pid, _c, _s in rows(tab)}
    tab.view.show_snoozed_check.setChecked(True)
    row = select(tab, SOON)
    assert (
        "Snoozed until 2026-12-10: in hospital" in tab.proxy.index(row, int(Column.DETAIL)).data()
    )
    marks = tab.session.due.marks(SOON)
    assert [(m.kind, m.note) for m in marks] == [("snooze", "in hospital")]


def test_snooze_dialog_requires_a_reason(qtbot, clinic):
    entry = clinic.due.worklist(TODAY, 30)[1]
    dialog = dialogs.SnoozeDialog(entry, TODAY)
    qtbot.add_widget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "   ")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "travelling")
    assert ok.isEnabled()
    assert dialog.date_edit.minimumDate() == QDate(2026, 11, 26)  # after today
    answer = dialog.answer()
    assert (answer.until, answer.reason) == (TODAY + timedelta(days=14), "travelling")


def test_done_dialog_cannot_date_the_future(qtbot, clinic):
    entry = clinic.due.worklist(TODAY, 30)[0]
    dialog = dialogs.DoneDialog(entry, TODAY)
    qtbot.add_widget(dialog)
    assert dialog.date_edit.maximumDate() == QDate(2026, 11, 25)
    assert "denosumab" in dialog.explain_label.text().lower()
    assert dialog.answer() == dialogs.DoneAnswer(TODAY, None)


def test_print_to_pdf(tab, tmp_path, monkeypatch):
    pdf = tmp_path / "worklist.pdf"

    def printer(_parent):
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(pdf))
        return chosen

    monkeypatch.setattr(dialogs, "ask_printer", printer)
    tab.view.print_button.click()
    assert pdf.read_bytes().startswith(b"%PDF")
    html = tab.print_html()
    assert "Mary Smith" in html
    assert "Follow-up worklist" in html


def test_export_csv(tab, tmp_path, monkeypatch):
    target = tmp_path / "list.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: target)
    tab.view.type_combo.setCurrentIndex(tab.view.type_combo.findData("denosumab_dose_due"))
    tab.view.export_button.click()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("\ufeffpatient,name,code,due_date,status,detail\n")
    lines = text.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("MRN-2,Mary Smith,denosumab_dose_due,2026-12-01,due,")


def test_patient_calendar(tab, tmp_path, monkeypatch):
    target = tmp_path / "patient.ics"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: target)
    select(tab, INFUSION, "visit_due")
    tab.view.calendar_button.click()
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"DTSTART;VALUE=DATE:20261210" in data


def test_changes_elsewhere_refresh_the_list(qtbot, tab):
    session = tab.session
    session.patient_id = None
    added = session.save_record(
        clinic_record("MRN-5", "赵敏", [rx("denosumab", "2022-01-10", last_dose_date="2026-05-01")])
    )
    assert (added, "denosumab_dose_due", "overdue") in rows(tab)  # 6 months passed, not 7
    assert tab.overdue_count == 2


def test_language_switch_relabels(qtbot, tab):
    from PySide6.QtCore import QEvent, QLocale
    from PySide6.QtWidgets import QApplication

    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        QApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
        assert tab.view.type_combo.itemText(tab.view.type_combo.findData("dxa_due")) == (
            "骨密度复查（DXA）"
        )
        assert tab.proxy.index(0, int(Column.WHAT)).data() == "地舒单抗注射（逾期）"
    finally:
        QLocale.setDefault(before)
        QApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))


# --- in the window ---------------------------------------------------------------------------


@pytest.fixture
def window_db(db_path):
    """Patients due relative to the real today (the window's session reads the clock)."""
    today = date.today()
    last = (today - timedelta(days=240)).isoformat()  # ~8 months: late
    database = open_database(db_path)
    repo = PatientRepository(database)
    late = clinic_record("W-1", "王秀英", [rx("denosumab", "2020-01-10", last_dose_date=last)])
    repo.add(parse_record({**_json(late)}, as_of=today))
    old_scan = (today - timedelta(days=900)).isoformat()
    dxa = {"dxa": [{"date": old_scan, "femoral_neck_t": -1.8}], "labs": []}
    repo.add(parse_record({**_json(clinic_record("W-2", "Mary Smith", [], **dxa))}, as_of=today))
    database.close()
    return db_path


def test_window_tab_badge_opening_and_next_due_column(qtbot, make_window, window_db):
    window = make_window(window_db)
    window.show()
    qtbot.wait_exposed(window)
    assert window.tabs.tabText(3) == "Worklist (1)"  # the late dose (the DXA is due today)
    window.show_tab(3)
    tab = window.worklist_tab
    view = tab.view.table
    row = select(tab, 1)
    rect = view.visualRect(tab.proxy.index(row, int(Column.PATIENT)))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait_until(lambda: window.tabs.currentIndex() == 2)  # a dose: the Plan tab
    assert window.session.patient_id == 1
    window.show_tab(3)
    row = select(tab, 2, "dxa_due")
    rect = view.visualRect(tab.proxy.index(row, int(Column.PATIENT)))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait_until(lambda: window.tabs.currentIndex() == 1)  # a DXA: the Assessment tab
    assert window.session.patient_id == 2
    # The patient list shows each patient's earliest open item.
    model = window.patients_tab.model
    texts = {
        model.index(r, int(PatientColumn.NAME)).data(): model.index(
            r, int(PatientColumn.NEXT_DUE)
        ).data()
        for r in range(model.rowCount())
    }
    assert texts["王秀英"].endswith("Denosumab injection (late)")
    assert texts["Mary Smith"].endswith("DXA bone density")


def test_sorting_by_a_column_and_back_to_most_urgent_first(qtbot, tab):
    urgent_first = rows(tab)
    header = tab.view.table.horizontalHeader()
    assert header.sortIndicatorSection() == int(Column.STATUS)
    tab.view.table.sortByColumn(int(Column.CLINIC_ID), Qt.SortOrder.DescendingOrder)
    assert [pid for pid, _c, _s in rows(tab)] == [ENDING, INFUSION, INFUSION, SOON, LATE]
    tab.view.table.sortByColumn(int(Column.STATUS), Qt.SortOrder.AscendingOrder)
    assert rows(tab) == urgent_first


def test_the_first_line_is_selected_and_the_selection_survives_a_reload(tab):
    assert tab.selected_entry().patient_id == LATE
    assert tab.view.done_button.isEnabled()
    select(tab, INFUSION, "visit_due")
    tab.reload()
    entry = tab.selected_entry()
    assert (entry.patient_id, entry.code) == (INFUSION, "visit_due")


def test_next_due_column_follows_a_language_switch(qtbot, make_window, window_db):
    window = make_window(window_db)
    window.show()
    qtbot.wait_exposed(window)
    model = window.patients_tab.model

    def next_due_of(name):
        for r in range(model.rowCount()):
            if model.index(r, int(PatientColumn.NAME)).data() == name:
                return model.index(r, int(PatientColumn.NEXT_DUE)).data()
        raise AssertionError(name)

    assert next_due_of("Mary Smith").endswith("DXA bone density")
    window._languages.apply("zh_CN", persist=False)  # what View > Language does
    zh = next_due_of("Mary Smith")
    assert "DXA bone density" not in zh
    assert "骨密度检查" in zh


def test_a_rules_upgrade_recomputes_the_worklist_behind_a_progress_dialog(
    clinic, database, qtbot, monkeypatch
):
    """After an upgrade every patient is stale: the items are computed with progress shown."""
    from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

    from osteodesk.core.constants import RULES_VERSION
    from osteodesk.storage import due as due_module
    from osteodesk.ui.worklist import worklist_model
    from osteodesk.ui.worklist.worklist_model import bring_due_up_to_date

    session = clinic
    today = session.today()
    before = [(e.patient_id, e.code, e.due_date) for e in session.due.worklist(today, 60)]
    database.execute("UPDATE due_refreshed SET rules_version = '2000.1'")
    database.execute("DELETE FROM due_items")
    assert session.due.has_stale()
    monkeypatch.setattr(due_module, "_BATCH", 1)
    monkeypatch.setattr(worklist_model, "REFRESH_PROGRESS_AFTER_MS", 0)
    window = QWidget()
    qtbot.add_widget(window)
    window.show()
    shown: list[tuple[bool, int, int, str]] = []
    refresh = session.due.refresh_stale

    def watched_refresh(as_of, *, progress):
        def spy(done, total):
            progress(done, total)
            dialog = window.findChild(QProgressDialog, "worklist_refresh_progress")
            shown.append((dialog.isVisible(), dialog.value(), dialog.maximum(), dialog.labelText()))

        return refresh(as_of, progress=spy)

    monkeypatch.setattr(session.due, "refresh_stale", watched_refresh)
    bring_due_up_to_date(session, parent=window)

    # Shown from the first batch; at 4 of 4 it resets and closes itself (autoReset, autoClose).
    assert [(visible, value, maximum) for visible, value, maximum, _ in shown] == [
        (True, 1, 4),
        (True, 2, 4),
        (True, 3, 4),
        (False, -1, 4),
    ]
    assert f"worklist for the current rules ({RULES_VERSION})" in shown[0][3]
    assert QApplication.overrideCursor() is None
    assert not session.due.has_stale()
    after = [(e.patient_id, e.code, e.due_date) for e in session.due.worklist(today, 60)]
    assert after  # the same items, computed again
    assert after == before


def test_an_up_to_date_database_shows_no_progress(clinic, qtbot):
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from osteodesk.ui.worklist.worklist_model import bring_due_up_to_date

    window = QWidget()
    qtbot.add_widget(window)
    bring_due_up_to_date(clinic, parent=window)
    assert window.findChild(QProgressDialog) is None
