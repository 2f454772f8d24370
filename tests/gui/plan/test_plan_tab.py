"""The Plan tab: options as timelines, the choice with its reason, saving, history, printouts."""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from osteodesk.core.evaluation import Step
from osteodesk.ui.plan.plan_models import (
    AvoidTableModel,
    DrugRole,
    MonitoringTableModel,
    PlanHistoryModel,
    StepsModel,
    regimen_text,
)
from osteodesk.ui.plan.plan_tab import PlanTab
from osteodesk.ui.reference.reference_dialog import ReferenceDialog

VERY_HIGH = {
    "weight_kg": 55.0,
    "dxa": [{"date": "2026-10-02", "lumbar_spine_t": -3.1, "femoral_neck_t": -2.6}],
    "fractures": [{"site": "vertebra", "date": "2025-12-01", "fragility": True}],
    "labs": [
        {"date": "2026-10-02", "test": "creatinine", "value": 70, "unit": "umol/L"},
        {"date": "2026-10-02", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
        {"date": "2026-10-02", "test": "vitamin_d_25oh", "value": 32, "unit": "ng/mL"},
    ],
}


@pytest.fixture
def tab(qtbot, session, tab_settings):
    widget = PlanTab(session, settings=tab_settings)
    qtbot.add_widget(widget)
    widget.resize(1280, 640)
    return widget


def test_options_are_drawn_as_timelines_with_reasons(tab, session, open_patient):
    open_patient(**VERY_HIGH)
    options = session.evaluation.options
    assert [card.option.rank for card in tab.option_cards] == [o.rank for o in options]
    first = tab.option_cards[0]
    assert first.option.drugs == ("romosozumab", "denosumab")
    steps = [label.text() for label in first.timeline.step_labels]
    assert "drug:romosozumab" in steps[0]
    assert "Romosozumab" in steps[0]
    assert "months 1–12" in steps[0]
    assert "from month 13" in steps[1]
    assert "AACE 2020" in first.reasons_label.text()
    assert first.radio.text() == "Option 1 (recommended)"
    assert tab.selected_rank == 1
    assert tab.blocking_reason() is None


def test_side_panels_follow_the_evaluation(tab, session, open_patient):
    open_patient(conditions=["esophageal_disorder"], **VERY_HIGH)
    evaluation = session.evaluation
    assert tab.monitoring_model.rowCount() == len(evaluation.monitoring)
    dates = [item.due_date for item in tab.monitoring_model.items()]
    assert dates == sorted(dates)
    assert {
        tab.avoid_model.index(r, 0).data(DrugRole) for r in range(tab.avoid_model.rowCount())
    } == set(evaluation.avoided_drugs)
    assert "alendronate" in evaluation.avoided_drugs
    assert tab.view.avoid_table.isHidden()  # collapsed until asked for
    tab.view.avoid_toggle.click()
    assert not tab.view.avoid_table.isHidden()
    assert tab.view.avoid_toggle.text() == f"Drugs to avoid ({len(evaluation.avoid)})"
    html = tab.view.supportive_browser.toPlainText()
    assert "Calcium 1000–1200 mg/day" in html


def test_rheumatology_notes_are_listed(tab, open_patient):
    open_patient(biologics=[{"drug": "adalimumab", "start_date": "2023-01-01"}], **VERY_HIGH)
    text = tab.view.supportive_browser.toPlainText()
    assert "Rheumatology notes" in text


def test_choosing_rank_2_requires_a_reason(qtbot, tab, session, open_patient):
    open_patient(**VERY_HIGH)
    assert tab.choose_option(2)
    assert tab.selected_rank == 2
    assert not tab.view.save_plan_button.isEnabled()
    assert tab.blocking_reason() == "Give a reason: the choice is not the rank-1 option."
    assert tab.view.hint_label.text() == tab.blocking_reason()
    assert tab.save_plan() is None
    qtbot.keyClicks(tab.view.reason_edit, "Patient had a stroke 14 months ago; prefers daily")
    assert tab.view.save_plan_button.isEnabled()
    with qtbot.wait_signal(tab.plan_saved) as blocker:
        tab.view.save_plan_button.click()
    plan = blocker.args[0]
    assert plan.chosen_rank == 2
    assert plan.steps == session.evaluation.options[1].steps
    assert plan.override_reason.startswith("Patient had a stroke")
    assert plan.framework == "cn2022"
    assert plan.rules_version == session.evaluation.rules_version
    assert tab.view.reason_edit.text() == ""


def test_rank_1_saves_without_a_reason_and_keeps_the_evaluation(qtbot, tab, session, open_patient):
    patient_id = open_patient(**VERY_HIGH)
    with qtbot.wait_signal(session.plans_changed, check_params_cb=lambda pid: pid == patient_id):
        plan = tab.save_plan()
    assert plan is not None
    assert plan.chosen_rank == 1
    assert plan.override_reason is None
    assessment = session.assessments.get(plan.assessment_id)
    assert assessment.evaluation_json["risk"]["category"] == "very_high"
    assert assessment.rules_version == plan.rules_version


def test_a_composed_regimen_with_an_avoided_drug_warns_and_needs_a_reason(
    qtbot, tab, session, open_patient
):
    open_patient(conditions=["esophageal_disorder"], **VERY_HIGH)
    tab.compose([Step("alendronate")])
    assert tab.is_composing
    codes = [warning.code for warning in tab.regimen_warnings]
    assert "regimen_avoided_drug" in codes
    assert "esophageal_disorder" in codes
    assert "⚠" in tab.view.warnings_label.text()
    assert tab.blocking_reason() == "Give a reason for going ahead despite the warnings."
    tab.view.reason_edit.setText("Specialist decision after gastroscopy")
    plan = tab.save_plan()
    assert plan is not None
    assert plan.chosen_rank is None
    assert plan.steps == (Step("alendronate"),)


def test_composing_starts_from_the_chosen_option_and_checks_every_edit(qtbot, tab, open_patient):
    open_patient(**VERY_HIGH)
    tab.choose_option(2)
    tab.view.compose_radio.click()
    model = tab.steps_model
    assert tab.current_steps() == tab.option_cards[1].option.steps
    assert tab.regimen_warnings == ()
    assert "No warnings" in tab.view.warnings_label.text()
    # An anabolic with no antiresorptive after it.
    model.remove_row(1)
    assert [w.code for w in tab.regimen_warnings] == ["regimen_anabolic_without_antiresorptive"]
    model.setData(model.index(0, model.column_of("months")), "2.5")
    assert model.problem(0, "months") == "months must be a whole number of 1 or more"
    assert tab.blocking_reason() == "Correct the red cells of the composed regimen."


def test_saving_adds_to_the_history_and_supersedes_the_earlier_plan(qtbot, tab, open_patient):
    open_patient(**VERY_HIGH)
    tab.save_plan()
    tab.choose_option(3)
    tab.view.reason_edit.setText("Second thoughts")
    with qtbot.wait_signal(tab.plan_saved):
        tab.save_plan()
    plans = tab.history_model.plans()
    assert [p.status for p in plans] == ["active", "superseded"]
    assert [p.chosen_rank for p in plans] == [3, 1]
    assert tab.history_model.index(0, 4).data() == "option 3"
    assert tab.history_model.index(0, 5).data() == "Second thoughts"
    assert tab.history_model.index(1, 3).data() == "Romosozumab (12 months) → Denosumab"


def test_saving_a_plan_saves_unsaved_record_edits_too(tab, session, open_patient, make_record):
    open_patient(**VERY_HIGH)
    edited = make_record(name="Edited before the plan", **VERY_HIGH)
    session.set_working_record(edited)
    assert session.has_unsaved_changes
    assert tab.save_plan() is not None
    assert not session.has_unsaved_changes
    assert session.saved_record.name == "Edited before the plan"


def test_a_drug_name_opens_the_drug_reference(qtbot, tab, open_patient):
    open_patient(**VERY_HIGH)
    label = tab.option_cards[0].timeline.step_labels[1]
    label.linkActivated.emit("drug:denosumab")
    dialog = tab.window().findChild(ReferenceDialog)
    assert dialog is not None
    qtbot.add_widget(dialog)
    assert dialog.isVisible()
    assert dialog.entry == "denosumab"
    assert "Denosumab" in dialog.browser.toPlainText()


def test_history_stays_with_its_patient(tab, session, open_patient):
    open_patient(**VERY_HIGH)
    tab.save_plan()
    open_patient(name="Other")
    assert tab.history_model.rowCount() == 0
    session.close_patient()
    assert tab.option_cards == []
    assert tab.blocking_reason() == "Open a patient first."


def test_plan_models_pass_the_model_tester(qtmodeltester, tab, session, open_patient):
    open_patient(conditions=["esophageal_disorder"], **VERY_HIGH)
    tab.save_plan()
    evaluation = session.evaluation
    monitoring = MonitoringTableModel()
    monitoring.set_items(evaluation.monitoring)
    qtmodeltester.check(monitoring)
    avoid = AvoidTableModel()
    avoid.set_avoid(evaluation.avoid)
    qtmodeltester.check(avoid)
    history = PlanHistoryModel()
    history.set_plans(session.plans.for_patient(session.patient_id))
    qtmodeltester.check(history)
    steps = StepsModel()
    steps.set_steps(evaluation.options[0].steps)
    qtmodeltester.check(steps)
    assert regimen_text(steps.steps()) == "Romosozumab (12 months) → Denosumab"


def wait_for_preview(qtbot, tab, kind):
    started = time.perf_counter()
    with qtbot.wait_signal(tab.preview_opened, timeout=60_000) as blocker:
        assert tab.show_report(kind)
        elapsed = time.perf_counter() - started
        assert tab.is_rendering
        assert not tab.view.busy_bar.isHidden()
        assert not tab.view.care_plan_button.isEnabled()
    dialog = blocker.args[0]
    qtbot.add_widget(dialog)
    qtbot.wait_until(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    return dialog, elapsed


def test_care_plan_preview_opens_and_saves_and_prints(qtbot, tab, open_patient, tmp_path):
    open_patient(name="王秀英", **VERY_HIGH)
    tab.save_plan()
    dialog, elapsed = wait_for_preview(qtbot, tab, "care_plan")
    assert elapsed < 0.5  # the UI thread only gathers the inputs; ReportLab runs elsewhere
    assert dialog.page_count >= 1
    assert dialog.pdf.startswith(b"%PDF")
    assert tab.view.busy_bar.isHidden()
    assert tab.view.care_plan_button.isEnabled()
    saved = tmp_path / "care-plan.pdf"
    dialog.save_to(saved)
    assert saved.read_bytes() == dialog.pdf
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_to(printer) == dialog.page_count
    assert printed.read_bytes().startswith(b"%PDF")


def test_handout_preview_opens_with_ctrl_shift_p(qtbot, tab, open_patient):
    open_patient(**VERY_HIGH)
    tab.show()
    with qtbot.wait_active(tab):
        tab.activateWindow()
    tab.view.reason_edit.setFocus()
    with qtbot.wait_signal(tab.preview_opened, timeout=60_000) as blocker:
        qtbot.keyClick(
            tab.view.reason_edit,
            Qt.Key.Key_P,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    dialog = blocker.args[0]
    qtbot.add_widget(dialog)
    assert dialog.windowTitle() == "Patient handout"
    assert dialog.pdf.startswith(b"%PDF")
