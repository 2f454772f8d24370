"""The whole workflow in one window, then again after a restart on the same database file.

Add a patient in the form (with a recent vertebral fracture) → enter DXA and labs in the
Assessment tab → very high risk → choose the anabolic option in the Plan tab → save → close →
create the window again on the same file → the plan is there, and its care plan renders.
"""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from osteodesk.core import codes
from osteodesk.ui.app import create_main_window
from osteodesk.ui.patients import dialogs
from osteodesk.ui.plan.plan_models import regimen_text

ASSESSMENT, PLAN = 1, 2


def choose(qtbot, combo, data):
    """Pick a combo box entry with the keyboard."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def type_into_cell(qtbot, table, row, column, text):
    """Type into a table cell as the clinician does and wait for the commit."""
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    # The editor just opened; earlier ones may still wait for deletion, hidden.
    editors = [e for e in table.findChildren(QLineEdit) if not e.isHidden()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: table.state() != QAbstractItemView.State.EditingState)


def make_window(qtbot, db_path, settings):
    window = create_main_window(db_path, settings=settings, language="en")
    qtbot.add_widget(window)
    window.resize(1280, 720)
    with qtbot.wait_exposed(window):
        window.show()
    return window


@pytest.fixture
def unsaved_prompts(monkeypatch):
    """Record (and answer Discard to) any "save changes?" question instead of blocking on it."""
    asked: list[str] = []

    def ask(_parent, name):
        asked.append(name)
        return dialogs.UnsavedChoice.DISCARD

    monkeypatch.setattr(dialogs, "ask_save_changes", ask)
    return asked


def test_add_assess_plan_restart(qtbot, tmp_path, unsaved_prompts):
    db_path = tmp_path / "clinic.sqlite3"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    today = date.today()
    fracture_day = today - timedelta(days=60)

    window = make_window(qtbot, db_path, settings)
    session = window.session

    # 1. A new patient in the form, with a fragility fracture two months ago.
    window.new_patient_action.trigger()
    form = window.patients_tab.form
    view = form.view
    qtbot.keyClicks(view.name_edit, "Wang Xiuying")
    qtbot.keyClicks(view.clinic_id_edit, "MRN-E2E-1")
    choose(qtbot, view.sex_combo, "female")
    qtbot.keyClicks(view.birth_date_edit, "1952-04-10")
    choose(qtbot, view.menopausal_combo, "post")
    qtbot.keyClicks(view.weight_edit, "52")
    qtbot.mouseClick(view.fracture_add_button, Qt.MouseButton.LeftButton)
    fractures = view.fractures_table.model()
    fractures.setData(fractures.index(0, 0), "vertebra")
    fractures.setData(fractures.index(0, 1), fracture_day)
    fractures.setData(fractures.index(0, 2), True)
    assert form.is_valid, form.problems
    with qtbot.wait_signal(form.patient_saved) as saved:
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    patient_id = saved.args[0]
    assert session.patient_id == patient_id
    assert session.saved_record.fractures[0].date == fracture_day

    # 2. DXA and labs in the Assessment tab; the evaluation follows as they are typed.
    window.show_tab(ASSESSMENT)
    assessment = window.assessment_tab
    dxa = assessment.dxa_model
    qtbot.mouseClick(assessment.view.add_dxa_button, Qt.MouseButton.LeftButton)
    with qtbot.wait_signal(session.evaluation_changed):
        type_into_cell(qtbot, assessment.view.dxa_table, 0, dxa.column_of("t"), "-3.2")
    assessment.view.data_tabs.setCurrentIndex(1)
    labs = assessment.lab_model
    for test, unit, value in (
        ("creatinine", "umol/L", "68"),
        ("calcium", "mmol/L", "2.32"),
        ("vitamin_d_25oh", "ng/mL", "34"),
    ):
        qtbot.mouseClick(assessment.view.add_lab_button, Qt.MouseButton.LeftButton)
        row = labs.rowCount() - 1
        labs.setData(labs.index(row, labs.column_of("test")), test)
        assert labs.value(row, "unit") == unit
        type_into_cell(qtbot, assessment.view.lab_table, row, labs.column_of("value"), value)
    assert not assessment.has_invalid_cells
    record = session.record
    assert record.dxa[0].t == {"lumbar_spine": -3.2}
    assert [lab.test for lab in record.labs] == ["creatinine", "calcium", "vitamin_d_25oh"]

    # 3. Very high risk, with its reasons.
    evaluation = session.evaluation
    assert evaluation.risk.category == "very_high"
    assert "Very high fracture risk" in assessment.view.risk_value_label.text()
    assert "recent_fragility_fracture" in {r.code for r in evaluation.risk.reasons}
    qtbot.mouseClick(assessment.view.save_button, Qt.MouseButton.LeftButton)
    assert not session.has_unsaved_changes

    # 4. The anabolic option in the Plan tab, saved.
    window.show_tab(PLAN)
    plan_tab = window.plan_tab
    anabolic = next(
        card for card in plan_tab.option_cards if card.option.steps[0].drug in codes.ANABOLICS
    )
    qtbot.mouseClick(anabolic.radio, Qt.MouseButton.LeftButton)
    if anabolic.option.rank != 1:
        qtbot.keyClicks(plan_tab.view.reason_edit, "Anabolic first for very high risk")
    assert plan_tab.view.save_plan_button.isEnabled()
    with qtbot.wait_signal(plan_tab.plan_saved) as blocker:
        qtbot.mouseClick(plan_tab.view.save_plan_button, Qt.MouseButton.LeftButton)
    chosen = blocker.args[0]
    assert chosen.steps == anabolic.option.steps
    assert chosen.steps[-1].drug in codes.ANTIRESORPTIVES
    window.close()
    assert unsaved_prompts == []  # everything was saved: closing asks nothing

    # 5. A new window on the same file: the patient and the plan are there.
    again = make_window(qtbot, db_path, settings)
    plans = again.session.plans.for_patient(patient_id)
    assert [(p.status, p.steps, p.chosen_rank) for p in plans] == [
        ("active", chosen.steps, chosen.chosen_rank)
    ]
    again.patients_tab.activate_patient(patient_id)
    assert again.tabs.currentIndex() == ASSESSMENT
    assert again.session.record.dxa[0].t == {"lumbar_spine": -3.2}
    again.show_tab(PLAN)
    history = again.plan_tab.history_model
    assert history.rowCount() == 1
    assert history.index(0, 1).data() == "active"
    assert history.index(0, 3).data() == regimen_text(chosen.steps)
    assert again.session.evaluation.risk.category == "very_high"

    # 6. Its care plan renders off the UI thread and opens in the preview.
    with qtbot.wait_signal(again.plan_tab.preview_opened, timeout=60_000) as preview:
        assert again.plan_tab.show_report("care_plan")
    dialog = preview.args[0]
    assert dialog.pdf.startswith(b"%PDF")
    dialog.close()
    again.close()
