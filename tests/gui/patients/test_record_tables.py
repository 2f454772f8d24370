"""The form's editable tables, the problem hints, the date field, and the list's keyboard."""

from datetime import date

import pytest
from patient_samples import type_text
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractSpinBox

from osteodesk.core.record import Problem
from osteodesk.ui.patients import dialogs
from osteodesk.ui.patients.date_edit import DateLineEdit, parse_date_text
from osteodesk.ui.patients.record_tables import (
    INVALID_BACKGROUND,
    BiologicTableModel,
    DoseTableModel,
    EventTableModel,
    FractureTableModel,
    TreatmentTableModel,
)
from osteodesk.ui.patients.validators import FieldPath, ProblemHints, split_path

ROWS = {
    FractureTableModel: {"site": "hip", "date": date(2024, 3, 1), "fragility": None},
    EventTableModel: {"type": "stroke", "date": date(2023, 5, 2)},
    TreatmentTableModel: {
        "drug": "zoledronic_acid",
        "product": "Aclasta",
        "start_date": date(2021, 1, 4),
        "end_date": None,
        "planned_stop": True,
        "last_dose_date": date(2024, 1, 8),
        "doses_given": 4,
        "dose_dates": [date(2021, 1, 4), date(2022, 1, 5)],
    },
    DoseTableModel: {"date": date(2022, 1, 5)},
    BiologicTableModel: {"drug": "adalimumab", "start_date": date(2020, 6, 1), "end_date": None},
}


@pytest.mark.parametrize("model_class", list(ROWS))
def test_record_table_models_pass_the_model_tester(qtmodeltester, model_class):
    model = model_class()
    model.set_rows([ROWS[model_class], ROWS[model_class]])
    model.set_problems({(1, None): "Required"})
    qtmodeltester.check(model)
    assert model.rows()[0] == ROWS[model_class]


def test_edits_signal_and_loading_does_not(qtbot):
    model = FractureTableModel()
    with qtbot.assert_not_emitted(model.rows_edited):
        model.set_rows([ROWS[FractureTableModel]])
    with qtbot.wait_signal(model.rows_edited):
        model.set_value(0, "site", "wrist")
    with qtbot.assert_not_emitted(model.rows_edited):
        model.set_value(0, "site", "wrist")  # unchanged: not an edit
    with qtbot.wait_signal(model.rows_edited):
        model.remove_row(0)
    assert model.rowCount() == 0


def test_cells_show_labels_and_locale_dates():
    model = TreatmentTableModel()
    model.set_rows([ROWS[TreatmentTableModel]])
    shown = [model.index(0, c).data() for c in range(model.columnCount())]
    assert shown == ["Zoledronic acid", "Aclasta", "1/4/2021", "", "", "1/8/2024", "4", "2"]
    planned = model.index(0, model.column_of("planned_stop"))
    assert planned.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not model.flags(model.index(0, model.column_of("dose_dates"))) & (
        Qt.ItemFlag.ItemIsEditable
    )
    fractures = FractureTableModel()
    fractures.set_rows([{**ROWS[FractureTableModel], "fragility": False}])
    assert fractures.index(0, 2).data() == "High trauma"


def test_check_state_toggles_a_flag():
    model = TreatmentTableModel()
    model.set_rows([ROWS[TreatmentTableModel]])
    index = model.index(0, model.column_of("planned_stop"))
    assert model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.value(0, "planned_stop") is False


def test_problem_cells_are_red_with_the_reason():
    model = EventTableModel()
    model.set_rows([ROWS[EventTableModel], ROWS[EventTableModel]])
    model.set_problems(
        {(0, "date"): "Must not be after today (11/25/2026)", (1, None): "Whole row"}
    )
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) == QColor(INVALID_BACKGROUND)
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        "Must not be after today (11/25/2026)"
    )
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "Whole row"
    model.set_problems({})
    assert not model.has_problems()


def test_removing_a_row_moves_the_problems_below_it_up():
    model = EventTableModel()
    model.set_rows([ROWS[EventTableModel]] * 3)
    model.set_problems({(0, "date"): "first", (2, None): "third"})
    model.remove_row(1)
    assert model.problem(0, "date") == "first"
    assert model.problem(1, "type") == "third"  # the old row 3 is row 2 now
    model.remove_row(0)
    assert model.problem(0, "type") == "third"
    assert model.problem(1, "type") is None


def test_only_optional_cells_can_be_emptied():
    model = BiologicTableModel()
    model.set_rows([{**ROWS[BiologicTableModel], "end_date": date(2021, 1, 1)}])
    assert not model.clear_cell(model.index(0, model.column_of("start_date")))
    assert model.clear_cell(model.index(0, model.column_of("end_date")))
    assert model.value(0, "end_date") is None


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("weight_kg", FieldPath("weight_kg")),
        ("glucocorticoid.end_date", FieldPath("glucocorticoid.end_date")),
        ("fractures[2].date", FieldPath("fractures", 2, "date")),
        ("fractures[0]", FieldPath("fractures", 0, None)),
        ("treatments[1].dose_dates[3]", FieldPath("treatments", 1, "dose_dates", 3)),
        ("conditions[4]", FieldPath("conditions", 4)),
        ("dxa[0].lumbar_spine_t", FieldPath("dxa", 0, "lumbar_spine_t")),
    ],
)
def test_problem_paths_are_located(field, expected):
    path = split_path(field)
    assert path == expected
    assert path.is_table == (expected.name in ("fractures", "treatments"))


@pytest.mark.parametrize(
    ("message", "hint"),
    [
        ("is required (a date YYYY-MM-DD)", "Required"),
        ("must be between 20 and 300 kg (got 500)", "Allowed: 20 to 300 kg"),
        ("must be between -7 and 5 (got -9)", "Allowed: -7 to 5"),
        ("must be between 0 and 1000 mg/day (got 2000.0)", "Allowed: 0 to 1000 mg/day"),
        ("must not be after 2026-11-25 (got 2027-01-01)", "Must not be after today (11/25/2026)"),
        (
            "must not be before start_date 2024-01-10",
            "Must not be before the start date (1/10/2024)",
        ),
        ("must not be after end_date 2025-01-01", "Must not be after the end date (1/1/2025)"),
        (
            "dated 1940-01-01, before birth_date 1950-01-01",
            "Must not be before the birth date (1/1/1950)",
        ),
        ("must be on or after 1900-01-01 (got 1800-01-01)", "Must be on or after 1/1/1900"),
        ("must be a number (got 'tall')", "Type a number"),
        ("must be a whole number (got 1.5)", "Type a whole number"),
        ("must be a date YYYY-MM-DD (got 'x')", "Type a date as M/d/yyyy"),
        ("must be one of female, male (got None)", "Choose one of the listed values"),
        ("must be at most 200 characters (got 201)", "At most 200 characters"),
        ("applies to women only (sex is male)", "Applies to women only"),
        ("a past course needs an end date", "a past course needs an end date"),
    ],
)
def test_problem_hints(message, hint):
    assert ProblemHints().hint(Problem("any", message)) == hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5/12/1954", date(1954, 5, 12)),
        ("1954-05-12", date(1954, 5, 12)),
        ("1954-5-12", date(1954, 5, 12)),
        ("2/30/2020", None),
        ("5/12/54", None),  # two-digit years are ambiguous: not accepted
        ("", None),
    ],
)
def test_typed_dates(text, expected):
    assert parse_date_text(text) == expected


def test_date_field_shows_the_locale_format(qtbot):
    edit = DateLineEdit()
    qtbot.add_widget(edit)
    assert edit.placeholderText() == "M/d/yyyy"
    assert edit.value() is None
    qtbot.keyClicks(edit, "1954-5-12")
    assert edit.value() == "1954-05-12"
    edit.editingFinished.emit()
    assert edit.text() == "5/12/1954"
    edit.setText("soon")
    assert edit.value() == "soon"  # passed on for the gate to name
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    edit.set_date(date(2020, 1, 2))
    assert edit.text() == "2020/1/2"


# The list's keyboard ####


def test_list_keys_open_edit_and_delete(qtbot, tab, session, patient_ids, monkeypatch):
    view = tab.list_page.list_view
    target = patient_ids["MRN-004"]
    tab._select_patient(target)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert tab.pages.currentWidget() is tab.form
    assert session.patient_id == target
    tab.show_list()
    asked = []
    monkeypatch.setattr(dialogs, "confirm_delete", lambda _p, name: asked.append(name) or False)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert asked == ["Mary Smith"]
    assert session.patients.exists(target)


def test_down_from_the_search_box_goes_to_the_list(qtbot, tab):
    type_text(qtbot, tab.list_page.search_edit, "张")
    qtbot.keyClick(tab.list_page.search_edit, Qt.Key.Key_Down)
    assert tab.model.query == "张"
    assert tab.selected_summary().name.startswith("张")


def next_tab_stop(widget):
    """The widget Tab moves to: the next in the focus chain that takes Tab focus."""
    candidate = widget.nextInFocusChain()
    while not (
        candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        and candidate.isEnabled()
        and not isinstance(candidate.parentWidget(), QAbstractSpinBox)  # its inner line edit
    ):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_tab_order_of_the_form(tab, patient_ids):
    tab.edit_patient(patient_ids["MRN-001"])
    view = tab.form.view
    expected = [
        view.name_edit,
        view.clinic_id_edit,
        view.phone_edit,
        view.language_combo,
        view.sex_combo,
        view.birth_date_edit,
        view.menopausal_combo,
        view.menopause_year_spin,
        view.weight_edit,
        view.height_edit,
        view.falls_spin,
    ]
    walked = [view.name_edit]
    while len(walked) < len(expected):
        walked.append(next_tab_stop(walked[-1]))
    assert walked == expected
