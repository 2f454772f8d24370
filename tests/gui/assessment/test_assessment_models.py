"""The Assessment tab's models (qtmodeltester), the trend chart and the LSC setting."""

import random
from datetime import date

import pytest
from PySide6.QtCore import Qt

from osteodesk.core.evaluation import Alert, Reason
from osteodesk.core.record import DxaScan, Problem
from osteodesk.ui.assessment.evaluation_models import AlertTableModel, ReasonTableModel
from osteodesk.ui.assessment.lsc import LscDialog, default_lsc, load_lsc, save_lsc
from osteodesk.ui.assessment.table_models import (
    DxaTableModel,
    FraxTableModel,
    LabTableModel,
    outside_reference,
)
from osteodesk.ui.assessment.trend import significant_changes
from osteodesk.ui.assessment.trend_chart import TrendChart

AS_OF = date(2026, 11, 25)


def today():
    return AS_OF


def scans_with_spine_bmd(*values, device="Hologic"):
    return [
        DxaScan(
            date(2023 + i, 3, 1),
            t={"lumbar_spine": -2.0 - i / 10},
            bmd={"lumbar_spine": v},
            device=device,
        )
        for i, v in enumerate(values)
    ]


def test_dxa_model_passes_the_model_tester(qtmodeltester):
    model = DxaTableModel(today)
    model.set_scans(
        [
            DxaScan(
                date(2026, 1, 5),
                t={"lumbar_spine": -2.6, "total_hip": -1.9},
                bmd={"lumbar_spine": 0.81},
                device="GE Lunar",
            )
        ]
    )
    model.set_headers({"date": "Date", "t": "T-score"})
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_lab_and_frax_models_pass_the_model_tester(qtmodeltester, make_record):
    record = make_record(
        labs=[{"date": "2026-10-02", "test": "calcium", "value": 2.0, "unit": "mmol/L"}],
        frax=[{"date": "2026-10-02", "major_osteoporotic_pct": 21.0, "with_bmd": True}],
    )
    labs = LabTableModel(today)
    labs.set_labs(record.labs)
    qtmodeltester.check(labs)
    frax = FraxTableModel(today)
    frax.set_frax(record.frax)
    qtmodeltester.check(frax)
    assert (
        frax.index(0, frax.column_of("with_bmd")).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )


def test_reason_and_alert_models_pass_the_model_tester(qtmodeltester):
    reasons = ReasonTableModel()
    reasons.set_reasons([Reason("osteoporosis_diagnosis", "CN 2022; AACE 2020")])
    qtmodeltester.check(reasons)
    assert reasons.index(0, 1).data() == "CN 2022; AACE 2020"
    alerts = AlertTableModel()
    alerts.set_alerts([Alert("falls_assessment", "warning")])
    qtmodeltester.check(alerts)


def test_alert_model_sorts_any_order_by_severity():
    alerts = [
        Alert("biologic_not_bone_therapy", "info"),
        Alert("falls_assessment", "warning"),
        Alert("hypocalcemia_correct_first", "urgent"),
        Alert("dental_review", "warning"),
        Alert("denosumab_dose_late", "urgent"),
    ]
    random.Random(4).shuffle(alerts)
    model = AlertTableModel()
    model.set_alerts(alerts)
    shown = [a.severity for a in model.alerts()]
    assert shown == ["urgent", "urgent", "warning", "warning", "info"]


def test_edits_emit_rows_edited_and_build_the_record_list(qtbot):
    model = DxaTableModel(today)
    with qtbot.wait_signal(model.rows_edited):
        row = model.add_row()
    assert model.value(row, "date") == AS_OF
    with qtbot.wait_signal(model.rows_edited):
        model.setData(model.index(row, model.column_of("t")), "-2,7")  # a decimal comma too
    second = model.add_row()  # continues the scan with the next site
    assert model.value(second, "site") == "femoral_neck"
    model.setData(model.index(second, model.column_of("bmd")), "0.701")
    assert model.to_json() == [
        {"date": "2026-11-25", "lumbar_spine_t": -2.7, "femoral_neck_bmd": 0.701}
    ]
    with qtbot.assert_not_emitted(model.rows_edited):
        model.setData(model.index(row, model.column_of("t")), "-2.7")  # unchanged


def test_gate_problems_map_to_the_cells_of_the_scan(make_record):
    model = DxaTableModel(today)
    model.set_scans(
        make_record(dxa=[{"date": "2026-01-05", "lumbar_spine_t": -2.0, "total_hip_t": -1.0}]).dxa
    )
    model.to_json()
    cells = model.map_problems(
        [Problem("dxa[0].total_hip_t", "must be between -7 and 5"), Problem("labs[0]", "x")],
        "dxa",
    )
    assert cells == {(1, "t"): "must be between -7 and 5"}


@pytest.mark.parametrize(
    ("test", "unit", "value", "expected"),
    [
        ("calcium", "mmol/L", 2.09, "low"),
        ("calcium", "mmol/L", 2.10, None),
        ("calcium", "mmol/L", 2.60, None),
        ("calcium", "MMOL/l", 2.61, "high"),
        ("calcium", "mg/dL", 8.3, "low"),
        ("vitamin_d_25oh", "ng/mL", 19.9, "low"),
        ("vitamin_d_25oh", "ng/mL", 20.0, None),
        ("vitamin_d_25oh", "nmol/L", 49, "low"),
        ("egfr", "mL/min/1.73m2", 10, None),
        ("p1np", "ng/mL", 500, None),
    ],
)
def test_reference_limits_come_from_the_rules_only(test, unit, value, expected):
    assert outside_reference(test, unit, value) == expected


def test_bmd_changes_beyond_the_lsc_at_the_same_site_and_device():
    scans = scans_with_spine_bmd(0.900, 0.880, 0.840)
    changes = significant_changes(scans, {"lumbar_spine": 0.03})
    assert [(c.date.year, round(c.change_g_cm2, 3)) for c in changes] == [(2025, -0.04)]
    assert changes[0].is_loss
    # The hip has no LSC unless the centre sets one (A7).
    assert default_lsc()["total_hip"] is None
    assert default_lsc()["lumbar_spine"] == pytest.approx(0.03)


def test_scans_from_different_devices_are_not_compared():
    scans = scans_with_spine_bmd(0.900) + scans_with_spine_bmd(0.900, 0.800, device="GE")[1:]
    assert significant_changes(scans, {"lumbar_spine": 0.03}) == []


def test_trend_chart_builds_qtcharts_on_first_show_and_marks_changes(qtbot):
    chart = TrendChart()
    qtbot.add_widget(chart)
    chart.set_data(scans_with_spine_bmd(0.900, 0.850), {"lumbar_spine": 0.03})
    assert chart.chart_view is None  # QtCharts not touched before it is shown
    chart.resize(600, 360)
    with qtbot.wait_exposed(chart):
        chart.show()
    assert chart.chart_view is not None
    assert chart.marked_points() == [("lumbar_spine", date(2024, 3, 1))]
    names = [series.name() for series in chart.chart.series()]
    assert "Lumbar spine" in names
    assert "Loss beyond LSC" in names
    chart.set_measure("bmd")
    assert chart.measure == "bmd"
    assert chart.chart.axes(Qt.Orientation.Vertical)[0].titleText() == "BMD (g/cm²)"


def test_lsc_setting_round_trip(qtbot, tab_settings):
    assert load_lsc(tab_settings) == default_lsc()
    save_lsc(tab_settings, {"lumbar_spine": None, "total_hip": 0.025})
    loaded = load_lsc(tab_settings)
    assert loaded["lumbar_spine"] is None
    assert loaded["total_hip"] == pytest.approx(0.025)
    dialog = LscDialog(loaded)
    qtbot.add_widget(dialog)
    dialog.spin_boxes["femoral_neck"].setValue(0.034)
    values = dialog.values()
    assert values["femoral_neck"] == pytest.approx(0.034)
    assert values["lumbar_spine"] is None
