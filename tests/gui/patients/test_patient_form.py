"""The patient form: typing a patient in, inline validation, saving, editing, leaving."""

from dataclasses import replace
from datetime import date

import pytest
from patient_samples import sample_record, type_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QMessageBox

from osteodesk.core.record import DxaScan
from osteodesk.ui.i18n import LanguageController
from osteodesk.ui.patients import dialogs
from osteodesk.ui.patients.table_model import Column


def names(tab):
    return [tab.proxy.index(r, int(Column.NAME)).data() for r in range(tab.proxy.rowCount())]


def choose(qtbot, combo, data):
    """Pick a combo box entry with the keyboard (Down until it shows `data`)."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def retype(qtbot, edit, text):
    edit.clear()
    type_text(qtbot, edit, text)


@pytest.fixture
def form(tab):
    tab.new_patient()
    return tab.form


def fill_minimal_patient(qtbot, form):
    view = form.view
    type_text(qtbot, view.name_edit, "陈静")
    qtbot.keyClicks(view.clinic_id_edit, "MRN-100")
    qtbot.keyClicks(view.phone_edit, "139 1234 5678")
    choose(qtbot, view.sex_combo, "female")
    qtbot.keyClicks(view.birth_date_edit, "5/12/1954")
    choose(qtbot, view.menopausal_combo, "post")
    qtbot.keyClicks(view.weight_edit, "48")
    qtbot.keyClicks(view.height_edit, "152")


# Adding ####


def test_add_a_patient_through_the_form(qtbot, tab, form, session):
    view = form.view
    assert tab.pages.currentWidget() is form
    assert view.title_label.text() == "New patient"
    assert not view.save_button.isEnabled()
    fill_minimal_patient(qtbot, form)
    assert view.age_label.text() == "Age 72"
    assert view.bmi_label.text() == "BMI 20.8 kg/m²"
    assert form.is_valid
    assert view.save_button.isEnabled()
    with qtbot.wait_signal(form.patient_saved) as saved:
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    patient_id = saved.args[0]
    record = session.patients.get(patient_id)
    assert (record.name, record.id, record.phone, record.sex) == (
        "陈静",
        "MRN-100",
        "139 1234 5678",
        "female",
    )
    assert (record.birth_date, record.weight_kg, record.height_cm) == (date(1954, 5, 12), 48, 152)
    assert record.menopausal_status == "post"
    assert session.patient_id == patient_id
    assert view.title_label.text() == "Edit patient: 陈静 (MRN-100)"
    assert not view.save_button.isEnabled()  # nothing left to save
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert tab.pages.currentWidget() is tab.list_page
    assert "陈静" in names(tab)
    assert tab.selected_summary().id == patient_id


def test_blank_new_form_asks_for_sex_and_birth_date(form):
    fields = {p.field for p in form.problems}
    assert {"sex", "birth_date"} <= fields
    assert form.view.sex_combo.property("invalid") is True
    assert not form.needs_save()  # nothing typed yet: leaving loses nothing


def test_new_patient_from_the_main_window(qtbot, main_window):
    main_window.show_tab(2)
    main_window.new_patient_action.trigger()
    tab = main_window.patients_tab
    assert main_window.tabs.currentIndex() == 0
    assert tab.pages.currentWidget() is tab.form
    assert tab.form.is_new


# Inline validation ####


def test_invalid_weight_turns_red_and_disables_save(qtbot, form):
    view = form.view
    fill_minimal_patient(qtbot, form)
    with qtbot.wait_signal(form.validity_changed) as blocker:
        retype(qtbot, view.weight_edit, "500")
    assert blocker.args == [False]
    assert view.weight_edit.property("invalid") is True
    assert view.weight_edit.toolTip() == "Allowed: 20 to 300 kg"
    assert "Weight: Allowed: 20 to 300 kg" in view.problems_label.text()
    assert not view.save_button.isEnabled()
    assert not form.save_action.isEnabled()
    assert view.bmi_label.text() == "BMI —"
    with qtbot.wait_signal(form.validity_changed) as blocker:
        retype(qtbot, view.weight_edit, "50")
    assert blocker.args == [True]
    assert view.weight_edit.property("invalid") is False
    assert view.weight_edit.toolTip() == ""
    assert view.save_button.isEnabled()
    assert view.problems_label.isHidden()


def test_text_that_is_not_a_number_or_date_is_named(qtbot, form):
    view = form.view
    fill_minimal_patient(qtbot, form)
    retype(qtbot, view.height_edit, "tall")
    assert view.height_edit.toolTip() == "Type a number"
    retype(qtbot, view.birth_date_edit, "12.5.54")
    assert view.birth_date_edit.toolTip() == "Type a date as M/d/yyyy"
    retype(qtbot, view.birth_date_edit, "1954-05-12")
    assert view.birth_date_edit.property("invalid") is False


def test_future_birth_date_and_menopause_year_are_refused(qtbot, form):
    view = form.view
    fill_minimal_patient(qtbot, form)
    retype(qtbot, view.birth_date_edit, "1/1/2030")
    assert view.birth_date_edit.toolTip() == "Must not be after today (11/25/2026)"
    retype(qtbot, view.birth_date_edit, "5/12/1954")
    view.menopause_year_spin.setValue(2030)
    assert view.menopause_year_spin.toolTip() == "Allowed: 1962 to 2026"
    view.menopause_year_spin.setValue(2004)
    assert form.is_valid


def test_menopause_applies_to_women_only(qtbot, form):
    view = form.view
    choose(qtbot, view.sex_combo, "male")
    assert not view.menopausal_combo.isEnabled()
    choose(qtbot, view.sex_combo, "female")
    assert view.menopausal_combo.isEnabled()


def test_duplicate_clinic_id_is_refused_on_save(qtbot, form, patient_ids):
    view = form.view
    fill_minimal_patient(qtbot, form)
    retype(qtbot, view.clinic_id_edit, "MRN-001")
    assert form.is_valid  # the gate cannot know; the database does
    assert not form.save()
    assert view.clinic_id_edit.toolTip() == "Another patient already has this clinic ID"
    assert not view.save_button.isEnabled()


# Grouped facts ####


def test_conditions_allergies_falls_and_glucocorticoids(qtbot, form, session):
    view = form.view
    fill_minimal_patient(qtbot, form)
    assert view.condition_group_boxes["rheumatology"].title() == "Rheumatology"
    assert view.condition_checks["rheumatoid_arthritis"].text() == "Rheumatoid arthritis"
    view.condition_checks["rheumatoid_arthritis"].setFocus()
    qtbot.keyClick(view.condition_checks["rheumatoid_arthritis"], Qt.Key.Key_Space)
    view.condition_checks["esophageal_disorder"].setChecked(True)
    view.allergy_checks["alendronate"].setChecked(True)
    view.falls_spin.setValue(2)
    view.glucocorticoid_box.setChecked(True)
    assert "glucocorticoid.dose_mg_per_day" in {p.field for p in form.problems}
    qtbot.keyClicks(view.gc_dose_edit, "7.5")
    qtbot.keyClicks(view.gc_start_edit, "5/1/2026")
    assert view.gc_ongoing_check.isChecked()
    assert not view.gc_end_edit.isEnabled()
    view.gc_ongoing_check.setChecked(False)
    assert view.gc_end_edit.property("invalid") is True  # ended: when?
    qtbot.keyClicks(view.gc_end_edit, "4/1/2026")
    assert view.gc_end_edit.toolTip() == "Must not be before the start date (5/1/2026)"
    retype(qtbot, view.gc_end_edit, "10/1/2026")
    assert form.is_valid
    assert form.save()
    record = session.patients.get(session.patient_id)
    assert record.conditions == {"rheumatoid_arthritis", "esophageal_disorder"}
    assert record.allergies == {"alendronate"}
    assert record.falls_past_year == 2
    course = record.glucocorticoid
    assert (course.dose_mg_per_day, course.start_date, course.end_date) == (
        7.5,
        date(2026, 5, 1),
        date(2026, 10, 1),
    )


def test_fracture_table_rows_are_validated_cell_by_cell(qtbot, form, session):
    view = form.view
    fill_minimal_patient(qtbot, form)
    qtbot.mouseClick(view.fracture_add_button, Qt.MouseButton.LeftButton)
    model = form.fractures
    assert model.rowCount() == 1
    assert not form.is_valid
    assert model.problem(0, "site") == "Choose one of the listed values"
    assert model.problem(0, "date") == "Required"
    assert "Fracture history, row 1, Site: Choose one of the listed values" in (
        view.problems_label.text()
    )
    # Add opened the site's editor: a combo box of the catalogue's labels.
    table = view.fractures_table
    editor = table.findChild(QComboBox)
    assert editor is not None
    editor.setCurrentIndex(editor.findData("vertebra"))
    table.commitData(editor)
    table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    assert model.index(0, 0).data() == "Vertebra"
    model.set_value(0, "date", date(2025, 12, 1))
    model.set_value(0, "fragility", True)
    assert form.is_valid
    assert model.problem(0, "site") is None
    form.save()
    fracture = session.patients.get(session.patient_id).fractures[0]
    assert (fracture.site, fracture.date, fracture.fragility) == (
        "vertebra",
        date(2025, 12, 1),
        True,
    )


def test_treatments_with_their_doses(qtbot, form, session):
    view = form.view
    fill_minimal_patient(qtbot, form)
    qtbot.mouseClick(view.treatment_add_button, Qt.MouseButton.LeftButton)
    treatments = form.treatments
    treatments.set_value(0, "product", "Prolia")
    assert treatments.value(0, "drug") == "denosumab"  # the brand names its drug
    treatments.set_value(0, "start_date", date(2024, 1, 10))
    view.treatments_table.setCurrentIndex(treatments.index(0, 0))
    assert view.doses_table.isEnabled()
    qtbot.mouseClick(view.dose_add_button, Qt.MouseButton.LeftButton)
    form.doses.set_value(0, "date", date(2024, 1, 10))
    qtbot.mouseClick(view.dose_add_button, Qt.MouseButton.LeftButton)
    form.doses.set_value(1, "date", date(2023, 7, 10))  # before the start: refused
    assert form.doses.problem(1, "date") == "Must not be before the start date (1/10/2024)"
    assert treatments.problem(0, "dose_dates") is not None
    form.doses.set_value(1, "date", date(2024, 7, 10))
    assert treatments.index(0, treatments.column_of("dose_dates")).data() == "2"
    assert form.is_valid
    form.save()
    saved = session.patients.get(session.patient_id).treatments[0]
    assert (saved.drug, saved.product, saved.start_date) == (
        "denosumab",
        "Prolia",
        date(2024, 1, 10),
    )
    assert saved.dose_dates == (date(2024, 1, 10), date(2024, 7, 10))
    assert saved.end_date is None


def test_oncology_product_is_explained(qtbot, form):
    fill_minimal_patient(qtbot, form)
    qtbot.mouseClick(form.view.treatment_add_button, Qt.MouseButton.LeftButton)
    form.treatments.set_value(0, "product", "Xgeva")
    assert form.treatments.value(0, "drug") is None
    assert form.view.product_hint_label.text() != ""


def test_delete_key_empties_an_optional_date(qtbot, form):
    fill_minimal_patient(qtbot, form)
    qtbot.mouseClick(form.view.biologic_add_button, Qt.MouseButton.LeftButton)
    model = form.biologics
    model.set_value(0, "drug", "tofacitinib")
    model.set_value(0, "start_date", date(2024, 2, 1))
    model.set_value(0, "end_date", date(2025, 2, 1))
    table = form.view.biologics_table
    table.setCurrentIndex(model.index(0, model.column_of("end_date")))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert model.value(0, "end_date") is None
    assert form.is_valid


# Editing ####


def test_edit_a_patient_keeps_the_assessment_facts(qtbot, tab, session, patient_ids):
    target = patient_ids["MRN-002"]
    record = session.patients.get(target)
    scan = DxaScan(date(2026, 1, 5), t={"lumbar_spine": -2.7})
    session.patients.update(target, replace(record, dxa=(scan,)))
    tab._select_patient(target, near_row=0)
    qtbot.mouseClick(tab.list_page.edit_button, Qt.MouseButton.LeftButton)
    form = tab.form
    assert tab.pages.currentWidget() is form
    assert form.view.name_edit.text() == "张伟"
    assert form.view.title_label.text() == "Edit patient: 张伟 (MRN-002)"
    assert not form.needs_save()
    with qtbot.wait_signal(session.evaluation_changed):  # the live evaluation follows the form
        qtbot.keyClicks(form.view.phone_edit, "010 8888 9999")
    assert form.needs_save()
    assert form.save()
    saved = session.patients.get(target)
    assert saved.phone == "010 8888 9999"
    assert saved.dxa == (scan,)  # not the form's to drop
    changes = [(e.action, e.field) for e in session.patients.audit.for_patient(target)]
    assert changes[-1] == ("update", "phone")


def test_ctrl_s_saves(qtbot, tab, session, patient_ids):
    with qtbot.waitExposed(tab):
        tab.show()
    tab.activateWindow()
    tab.edit_patient(patient_ids["MRN-003"])
    form = tab.form
    qtbot.keyClicks(form.view.weight_edit, "55")
    form.view.weight_edit.setFocus()
    with qtbot.wait_signal(form.patient_saved) as saved:
        qtbot.keyClick(form.view.weight_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [patient_ids["MRN-003"]]
    assert session.patients.get(patient_ids["MRN-003"]).weight_kg == 55


def test_discard_reloads_the_saved_record(qtbot, tab, session, patient_ids):
    tab.edit_patient(patient_ids["MRN-001"])
    view = tab.form.view
    retype(qtbot, view.name_edit, "王秀")
    assert session.record.name == "王秀"
    qtbot.mouseClick(view.revert_button, Qt.MouseButton.LeftButton)
    assert view.name_edit.text() == "王秀英"
    assert not session.has_unsaved_changes


# Leaving with unsaved changes ####


@pytest.mark.parametrize(
    ("answer", "leaves", "saved_name"),
    [
        (dialogs.UnsavedChoice.CANCEL, False, "王秀英"),
        (dialogs.UnsavedChoice.DISCARD, True, "王秀英"),
        (dialogs.UnsavedChoice.SAVE, True, "王秀"),
    ],
)
def test_leaving_with_unsaved_changes_asks(
    qtbot, tab, session, patient_ids, monkeypatch, answer, leaves, saved_name
):
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda _p, name: asked.append(name) or answer)
    first, other = patient_ids["MRN-001"], patient_ids["MRN-003"]
    tab.edit_patient(first)
    retype(qtbot, tab.form.view.name_edit, "王秀")
    tab.activate_patient(other)
    assert asked == ["王秀"]
    assert (session.patient_id == other) is leaves
    assert session.patients.get(first).name == saved_name
    if not leaves:
        assert tab.form.view.name_edit.text() == "王秀"


def test_invalid_edits_count_as_unsaved(qtbot, tab, patient_ids, unsaved_prompts):
    tab.edit_patient(patient_ids["MRN-001"])
    retype(qtbot, tab.form.view.weight_edit, "5000")
    assert tab.form.needs_save()
    tab.show_list()  # the conftest answers Discard
    assert unsaved_prompts == ["王秀英"]
    assert tab.pages.currentWidget() is tab.list_page


def test_save_that_cannot_succeed_stays_on_the_form(qtbot, tab, patient_ids, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda _p, _n: dialogs.UnsavedChoice.SAVE)
    tab.edit_patient(patient_ids["MRN-001"])
    retype(qtbot, tab.form.view.weight_edit, "5000")
    assert not tab.confirm_leave()
    assert tab.pages.currentWidget() is tab.form


def test_closing_the_window_asks_about_unsaved_changes(qtbot, main_window, unsaved_prompts):
    with qtbot.waitExposed(main_window):
        main_window.show()
    main_window.new_patient_action.trigger()
    type_text(qtbot, main_window.patients_tab.form.view.name_edit, "林")
    main_window.close()
    assert unsaved_prompts == [""]
    assert not main_window.isVisible()


def test_closing_can_be_cancelled(qtbot, main_window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda _p, _n: dialogs.UnsavedChoice.CANCEL)
    with qtbot.waitExposed(main_window):
        main_window.show()
    main_window.new_patient_action.trigger()
    qtbot.keyClicks(main_window.patients_tab.form.view.name_edit, "Lin")
    main_window.close()
    assert main_window.isVisible()
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda _p, _n: dialogs.UnsavedChoice.DISCARD)
    main_window.close()
    assert not main_window.isVisible()


def test_the_real_unsaved_box_offers_save_discard_cancel(qtbot):
    box = dialogs.unsaved_changes_box(None, "王秀英")
    qtbot.add_widget(box)
    buttons = box.standardButtons()
    for button in (
        QMessageBox.StandardButton.Save,
        QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Cancel,
    ):
        assert buttons & button
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Save)
    assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert "王秀英" in box.text()


# Window wiring ####


def test_double_click_in_the_window_shows_the_assessment_tab(qtbot, make_window, db_path):
    window = make_window(db_path)
    session = window.session
    patient_id = session.patients.add(sample_record("MRN-9", "周芳", "female", "1950-01-01", {}))
    session.patients_changed.emit()
    with qtbot.waitExposed(window):
        window.show()
    view = window.patients_tab.list_page.list_view
    rect = view.visualRect(window.patients_tab.proxy.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait_until(lambda: window.tabs.currentIndex() == 1)
    assert session.patient_id == patient_id


def test_ctrl_f_focuses_the_search_box(qtbot, main_window):
    with qtbot.waitExposed(main_window):
        main_window.show()
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    main_window.show_tab(2)
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.tabs.currentIndex() == 0
    qtbot.wait_until(lambda: main_window.patients_tab.list_page.search_edit.hasFocus())


def test_open_database_rebuilds_the_tabs_on_a_new_session(
    qtbot, main_window, tmp_path, monkeypatch
):
    old_session = main_window.session
    old_tab = main_window.patients_tab
    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(
        "osteodesk.ui.main_window.QFileDialog.getOpenFileName", lambda *a, **k: (str(other), "")
    )
    main_window.open_database_action.trigger()
    assert main_window.session is not old_session
    assert main_window.patients_tab is not old_tab
    assert main_window.patients_tab.session is main_window.session
    assert main_window.assessment_tab.session is main_window.session
    assert main_window.plan_tab.session is main_window.session
    assert main_window.database_path == other


# Languages ####


def test_form_speaks_chinese(qtbot, tab, settings):
    languages = LanguageController(
        QSettings(str(settings.fileName()) + ".lang", QSettings.Format.IniFormat)
    )
    try:
        languages.apply("zh_CN", persist=False)
        view = tab.form.view
        assert view.save_button.text() == "保存(&S)"
        assert view.condition_checks["rheumatoid_arthritis"].text() == "类风湿关节炎"
        assert view.allergy_checks["denosumab"].text() == "地舒单抗"
        assert view.condition_group_boxes["dental"].title() == "口腔与颌骨"
        assert tab.model.headerData(int(Column.NAME), Qt.Orientation.Horizontal) == "姓名"
        assert view.birth_date_edit.placeholderText() == "yyyy/M/d"
    finally:
        languages.uninstall()


def test_dates_follow_the_language(qtbot, tab, patient_ids, settings):
    tab.edit_patient(patient_ids["MRN-001"])
    edit = tab.form.view.birth_date_edit
    assert edit.text() == "5/12/1954"
    languages = LanguageController(
        QSettings(str(settings.fileName()) + ".lang", QSettings.Format.IniFormat)
    )
    try:
        languages.apply("zh_CN", persist=False)
        assert edit.text() == "1954/5/12"
        assert not tab.form.needs_save()
    finally:
        languages.uninstall()
