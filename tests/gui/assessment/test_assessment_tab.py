"""The Assessment tab: tables feed the working record, the evaluation follows live."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from osteodesk.core import constants as k
from osteodesk.ui.assessment.assessment_tab import FRAMEWORK_KEY, AssessmentTab
from osteodesk.ui.assessment.assessment_view import CONTENT_PAGE, PLACEHOLDER_PAGE
from osteodesk.ui.reference.catalogue import INVALID_BACKGROUND, OUT_OF_RANGE_COLOUR

FRACTURE_18_MONTHS_AGO = {"site": "wrist", "date": "2025-05-20", "fragility": True}


@pytest.fixture
def tab(qtbot, session, tab_settings):
    widget = AssessmentTab(session, settings=tab_settings)
    qtbot.add_widget(widget)
    widget.resize(1280, 640)
    return widget


def type_into(qtbot, table, index, text):
    """Edit a cell as the clinician does: open its editor, type, press Enter."""
    table.setCurrentIndex(index)
    table.edit(index)
    # The editor just opened; earlier ones may still wait for deletion, hidden.
    editors = [e for e in table.findChildren(QLineEdit) if not e.isHidden()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.wait_until(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_placeholder_until_a_patient_is_open(tab, open_patient):
    assert tab.view.stack.currentIndex() == PLACEHOLDER_PAGE
    assert not tab.save_action.isEnabled()
    open_patient(name="李梅")
    assert tab.view.stack.currentIndex() == CONTENT_PAGE
    assert "李梅" in tab.view.patient_label.text()


def test_record_lists_are_shown_in_the_tables(tab, open_patient):
    open_patient(
        dxa=[
            {
                "date": "2025-10-01",
                "device": "Hologic",
                "lumbar_spine_t": -2.8,
                "lumbar_spine_bmd": 0.812,
                "femoral_neck_t": -2.1,
            },
        ],
        labs=[{"date": "2026-10-02", "test": "calcium", "value": 2.3, "unit": "mmol/L"}],
        frax=[{"date": "2026-10-02", "major_osteoporotic_pct": 12.0, "hip_pct": 2.1}],
    )
    dxa = tab.dxa_model
    assert dxa.rowCount() == 2  # one row per site measured
    assert [dxa.value(r, "site") for r in range(2)] == ["lumbar_spine", "femoral_neck"]
    assert dxa.value(0, "bmd") == pytest.approx(0.812)
    assert tab.lab_model.rowCount() == 1
    assert tab.frax_model.rowCount() == 1


def test_typing_a_t_score_updates_the_evaluation_live(qtbot, tab, session, open_patient):
    open_patient()
    assert session.evaluation.diagnosis.category == "not_assessable"
    tab.view.add_dxa_button.click()
    index = tab.dxa_model.index(0, tab.dxa_model.column_of("t"))
    with qtbot.wait_signal(session.evaluation_changed) as blocker:
        type_into(qtbot, tab.view.dxa_table, index, "-3.1")
    evaluation = blocker.args[0]
    assert evaluation.diagnosis.category == "osteoporosis"
    assert evaluation.risk.category == "very_high"  # T <= -3.0 under cn2022
    assert session.record.dxa[0].t == {"lumbar_spine": -3.1}
    assert session.has_unsaved_changes
    assert "osteoporosis" in tab.view.diagnosis_value_label.text().lower()
    assert tab.risk_model.rowCount() >= 1
    assert tab.view.unsaved_label.text() == "Unsaved changes"


def test_an_out_of_range_value_is_red_with_the_range_and_not_applied(
    qtbot, tab, session, open_patient
):
    open_patient(dxa=[{"date": "2026-10-02", "lumbar_spine_t": -2.0}])
    before = session.record
    index = tab.dxa_model.index(0, tab.dxa_model.column_of("t"))
    with qtbot.assert_not_emitted(session.record_changed):
        type_into(qtbot, tab.view.dxa_table, index, "-9")
    assert index.data(Qt.ItemDataRole.BackgroundRole) == QColor(INVALID_BACKGROUND)
    assert "between -7 and 5" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "-9.0"
    assert session.record == before
    assert tab.has_invalid_cells
    assert not tab.view.save_button.isEnabled()
    assert not tab.view.problem_label.isHidden()
    # Correcting the cell applies it and clears the red.
    with qtbot.wait_signal(session.record_changed):
        type_into(qtbot, tab.view.dxa_table, index, "-2.6")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert session.record.dxa[0].t["lumbar_spine"] == -2.6


def test_text_in_a_number_cell_is_kept_and_flagged(qtbot, tab, open_patient):
    open_patient(labs=[{"date": "2026-10-02", "test": "calcium", "value": 2.3, "unit": "mmol/L"}])
    index = tab.lab_model.index(0, tab.lab_model.column_of("value"))
    type_into(qtbot, tab.view.lab_table, index, "abc")
    assert index.data(Qt.ItemDataRole.DisplayRole) == "abc"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "must be a number"


def test_a_second_row_for_the_same_site_of_a_scan_is_rejected(tab, session, open_patient):
    open_patient(dxa=[{"date": "2026-10-02", "lumbar_spine_t": -2.0}])
    model = tab.dxa_model
    row = model.add_row({"date": date(2026, 10, 2), "site": "lumbar_spine", "t": -2.4})
    assert "already in row 1" in model.problem(row, "site")
    assert session.record.dxa[0].t == {"lumbar_spine": -2.0}


def test_framework_switch_changes_the_category_of_a_t_minus_3_patient(
    qtbot, tab, session, tab_settings, open_patient
):
    open_patient(dxa=[{"date": "2026-10-02", "lumbar_spine_t": -3.0}])
    assert session.framework == "cn2022"
    assert session.evaluation.risk.category == "very_high"  # cn2022: T <= -3.0
    combo = tab.view.framework_combo
    with qtbot.wait_signal(session.evaluation_changed) as blocker:
        combo.setCurrentIndex(combo.findData("aace2020"))
        combo.activated.emit(combo.currentIndex())
    assert blocker.args[0].framework == "aace2020"
    assert blocker.args[0].risk.category == "high"  # aace2020: T < -3.0, strict
    assert tab_settings.value(FRAMEWORK_KEY) == "aace2020"


def test_framework_window_for_a_fracture_18_months_ago(qtbot, tab, session, open_patient):
    open_patient(
        dxa=[{"date": "2026-10-02", "lumbar_spine_t": -2.7}], fractures=[FRACTURE_18_MONTHS_AGO]
    )
    assert session.evaluation.risk.category == "very_high"  # within 24 months (cn2022)
    combo = tab.view.framework_combo
    with qtbot.wait_signal(session.evaluation_changed) as blocker:
        combo.setCurrentIndex(combo.findData("aace2020"))
        combo.activated.emit(combo.currentIndex())
    assert blocker.args[0].risk.category == "high"  # not within 12 months (aace2020)


def test_saved_framework_is_used_by_the_next_tab(qtbot, session, tab_settings):
    tab_settings.setValue(FRAMEWORK_KEY, "aace2020")
    widget = AssessmentTab(session, settings=tab_settings)
    qtbot.add_widget(widget)
    assert session.framework == "aace2020"
    assert widget.view.framework_combo.currentData() == "aace2020"


def test_alerts_are_sorted_urgent_warning_info(tab, open_patient):
    open_patient(
        dxa=[{"date": "2026-10-02", "lumbar_spine_t": -2.8}],
        labs=[
            {"date": "2026-10-02", "test": "calcium", "value": 2.0, "unit": "mmol/L"},
            {"date": "2026-10-02", "test": "vitamin_d_25oh", "value": 15, "unit": "ng/mL"},
        ],
        biologics=[{"drug": "tofacitinib", "start_date": "2024-02-01"}],
    )
    severities = [alert.severity for alert in tab.alert_model.alerts()]
    assert severities[0] == "urgent"
    assert {"urgent", "warning", "info"} <= set(severities)
    order = {"urgent": 0, "warning": 1, "info": 2}
    assert severities == sorted(severities, key=order.__getitem__)
    first = tab.alert_model.index(0, 0)
    assert first.data(Qt.ItemDataRole.DisplayRole) == "Urgent"
    assert first.data(Qt.ItemDataRole.ForegroundRole) == QColor("#b3261e")


def test_lab_values_outside_the_a4_limits_are_coloured(tab, open_patient):
    open_patient(
        labs=[
            {"date": "2026-10-02", "test": "calcium", "value": 2.0, "unit": "mmol/L"},
            {"date": "2026-10-02", "test": "calcium", "value": 2.3, "unit": "mmol/L"},
            {"date": "2026-10-02", "test": "calcium", "value": 10.8, "unit": "mg/dL"},
            {"date": "2026-10-02", "test": "vitamin_d_25oh", "value": 40, "unit": "nmol/L"},
            {"date": "2026-10-02", "test": "creatinine", "value": 400, "unit": "umol/L"},
        ]
    )
    model = tab.lab_model
    column = model.column_of("value")
    colours = [model.index(r, column).data(Qt.ItemDataRole.ForegroundRole) for r in range(5)]
    red = QColor(OUT_OF_RANGE_COLOUR)
    assert colours == [red, None, red, red, None]  # creatinine: no reference range in the rules
    tip = model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
    assert f"{k.HYPOCALCEMIA_MMOL_L:.2f}" in tip


def test_changing_the_test_offers_its_units(tab, open_patient):
    open_patient(labs=[{"date": "2026-10-02", "test": "calcium", "value": 2.3, "unit": "mmol/L"}])
    model = tab.lab_model
    model.setData(model.index(0, model.column_of("test")), "vitamin_d_25oh")
    assert model.value(0, "unit") == "ng/mL"
    units = model.index(0, model.column_of("unit")).data(Qt.ItemDataRole.UserRole + 10)
    assert [code for code, _label in units] == ["ng/mL", "nmol/L"]


def test_frax_adjusted_values_are_shown_beside_the_typed_ones(tab, open_patient):
    open_patient(
        glucocorticoid={"dose_mg_per_day": 10, "start_date": "2026-05-01"},
        frax=[
            {
                "date": "2026-10-02",
                "major_osteoporotic_pct": 20.0,
                "hip_pct": 3.0,
                "glucocorticoid_ticked": True,
                "with_bmd": True,
            }
        ],
    )
    text = tab.view.frax_adjusted_label.text()
    assert "typed 20.0 %" in text
    assert "23.0 %" in text  # 20 x 1.15 (A2)
    assert "3.6 %" in text  # 3.0 x 1.20
    assert "Glucocorticoid dose adjustment" in text


def test_osta_and_crcl_are_shown_with_their_inputs(tab, open_patient):
    open_patient(
        weight_kg=48.0,
        labs=[{"date": "2026-10-02", "test": "creatinine", "value": 98, "unit": "umol/L"}],
    )
    text = tab.view.scores_label.text()
    assert "OSTA</b> -4.0" in text  # 0.2 x (48 - 68)
    assert "age 68" in text
    assert "CrCl</b>" in text
    assert "creatinine 98.00 umol/L" in text


def test_ctrl_s_saves_the_working_record(qtbot, tab, session, open_patient):
    open_patient()
    tab.show()
    with qtbot.wait_active(tab):
        tab.activateWindow()
    tab.dxa_model.add_row({"date": date(2026, 10, 2), "site": "total_hip", "t": -2.6})
    assert session.has_unsaved_changes
    assert tab.view.save_button.isEnabled()
    tab.view.dxa_table.setFocus()
    with qtbot.wait_signal(session.patients_changed):
        qtbot.keyClick(tab.view.dxa_table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not session.has_unsaved_changes
    assert session.saved_record.dxa[0].t == {"total_hip": -2.6}
    assert tab.view.unsaved_label.text() == "All changes saved"


def test_removing_a_row_applies_at_once(qtbot, tab, session, open_patient):
    open_patient(labs=[{"date": "2026-10-02", "test": "calcium", "value": 2.3, "unit": "mmol/L"}])
    tab.view.data_tabs.setCurrentIndex(1)
    tab.view.lab_table.setCurrentIndex(tab.lab_model.index(0, 0))
    with qtbot.wait_signal(session.record_changed) as blocker:
        tab.view.remove_lab_button.click()
    assert blocker.args[0].labs == ()


def test_edits_from_elsewhere_reload_the_tables(tab, session, open_patient, make_record):
    open_patient()
    session.set_working_record(make_record(dxa=[{"date": "2026-01-05", "femoral_neck_t": -1.5}]))
    assert tab.dxa_model.rowCount() == 1
    assert tab.dxa_model.value(0, "site") == "femoral_neck"


def test_closing_the_patient_empties_the_tab(tab, session, open_patient):
    open_patient(dxa=[{"date": "2026-10-02", "lumbar_spine_t": -2.0}])
    session.close_patient()
    assert tab.dxa_model.rowCount() == 0
    assert tab.view.stack.currentIndex() == PLACEHOLDER_PAGE
