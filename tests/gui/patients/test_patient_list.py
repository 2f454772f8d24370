"""The patient list: model, search, lazy reading, sorting, widths, opening, archive, delete."""

from dataclasses import replace
from datetime import date

import pytest
from patient_samples import TODAY, sample_record, type_text
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor

from osteodesk.core.plan import Assessment
from osteodesk.core.record import DxaScan
from osteodesk.storage import demo
from osteodesk.ui.patients import dialogs
from osteodesk.ui.patients.patients_tab import HEADER_STATE_KEY
from osteodesk.ui.patients.table_model import (
    PAGE_SIZE,
    RISK_COLOURS,
    SEARCH_LIMIT,
    Column,
    PatientIdRole,
    PatientListModel,
    PatientProxyModel,
    PatientRole,
    RiskRole,
)


def column_texts(model, column):
    return [model.index(row, int(column)).data() for row in range(model.rowCount())]


def names(tab):
    return column_texts(tab.proxy, Column.NAME)


def search(qtbot, tab, text):
    """Type into the search box and wait for the debounced search to run."""
    tab.list_page.search_edit.clear()
    type_text(qtbot, tab.list_page.search_edit, text)
    qtbot.wait_until(lambda: tab.model.query == text.strip())


def row_rect(tab, row, column=0):
    view = tab.list_page.list_view
    return view.visualRect(tab.proxy.index(row, column))


# Model ####


def test_models_pass_the_model_tester(qtmodeltester, session, patient_ids):
    model = PatientListModel(session)
    assert model.rowCount() == len(patient_ids)
    qtmodeltester.check(model)
    qtmodeltester.check(PatientProxyModel(model))


def test_rows_carry_the_summary_and_id(session, patient_ids):
    model = PatientListModel(session)
    rows = {
        model.index(r, 0).data(PatientIdRole): model.index(r, 0).data(PatientRole)
        for r in range(model.rowCount())
    }
    assert set(rows) == set(patient_ids.values())
    assert rows[patient_ids["MRN-001"]].name == "王秀英"


def test_columns_show_the_latest_facts(session, patient_ids):
    record = sample_record(
        "MRN-010",
        "赵敏",
        "female",
        "1950-02-01",
        {
            "dxa": [{"date": "2026-01-05", "lumbar_spine_t": -3.1, "femoral_neck_t": -2.6}],
            "treatments": [
                {
                    "drug": "denosumab",
                    "start_date": "2024-01-10",
                    "last_dose_date": "2026-06-01",
                    "end_date": None,
                }
            ],
        },
    )
    patient_id = session.patients.add(record)
    session.assessments.add(
        Assessment(
            patient_id=patient_id,
            as_of=TODAY,
            framework="cn2022",
            rules_version="x",
            record_json={},
            evaluation_json={"risk": {"category": "very_high"}},
        )
    )
    model = PatientListModel(session)
    row = model.row_of(patient_id)
    if row is None:  # not on a loaded page yet: reading the rows loads it
        column_texts(model, Column.NAME)
        row = model.row_of(patient_id)
    assert row is not None
    texts = [model.index(row, int(c)).data() for c in Column]
    assert texts == [
        "赵敏",
        "Female",
        "76",
        "MRN-010",
        "-3.1",
        "Very high fracture risk",
        "Denosumab",
        "",
    ]
    risk = model.index(row, int(Column.RISK))
    assert risk.data(RiskRole) == "very_high"
    assert risk.data(Qt.ItemDataRole.BackgroundRole) == QColor(RISK_COLOURS["very_high"][0])
    assert model.index(row, int(Column.LOWEST_T)).data(Qt.ItemDataRole.ToolTipRole) == (
        "DXA of 1/5/2026"
    )
    # No assessment saved: the risk column stays blank and uncoloured.
    other = model.row_of(patient_ids["MRN-002"])
    assert model.index(other, int(Column.RISK)).data() == ""
    assert model.index(other, int(Column.RISK)).data(Qt.ItemDataRole.BackgroundRole) is None


def test_next_due_column_has_a_hook(session, patient_ids):
    model = PatientListModel(session)
    target = patient_ids["MRN-003"]
    model.set_next_due_provider(lambda ids: {target: "DXA 2027-01-01"} if target in ids else {})
    column_texts(model, Column.NAME)
    assert model.index(model.row_of(target), int(Column.NEXT_DUE)).data() == "DXA 2027-01-01"


# Search ####


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张伟", ["张伟", "张伟明"]),  # two Chinese characters (below the trigram limit)
        ("zhangwei", ["张伟", "张伟明"]),  # pinyin
        ("zw", ["张伟", "张伟明"]),  # pinyin initials
        ("wxy", ["王秀英"]),
        ("MRN-004", ["Mary Smith"]),  # clinic id
        ("13800138000", ["Mary Smith"]),  # phone digits
        ("1954-05-12", ["王秀英"]),  # birth date
        ("smith", ["Mary Smith"]),
    ],
)
def test_search_box_filters_as_you_type(qtbot, tab, text, expected):
    search(qtbot, tab, text)
    assert sorted(names(tab)) == sorted(expected)
    assert tab.model.is_searching
    assert tab.list_page.count_label.text() == f"Matches: {len(expected)}"


def test_search_waits_for_a_pause_in_typing(qtbot, tab):
    type_text(qtbot, tab.list_page.search_edit, "李")
    assert tab.model.query == ""  # not yet: the search runs ~150 ms after the last key
    qtbot.wait_until(lambda: tab.model.query == "李")
    assert names(tab) == ["李娜"]


def test_escape_clears_the_search(qtbot, tab):
    search(qtbot, tab, "张伟")
    qtbot.keyClick(tab.list_page.search_edit, Qt.Key.Key_Escape)
    assert tab.list_page.search_edit.text() == ""
    assert len(names(tab)) == 5
    assert not tab.model.is_searching
    assert tab.list_page.count_label.text() == "Patients: 5"


def test_enter_in_the_search_box_goes_to_the_first_match(qtbot, tab, patient_ids):
    qtbot.keyClicks(tab.list_page.search_edit, "wang")
    qtbot.keyClick(tab.list_page.search_edit, Qt.Key.Key_Return)
    assert tab.selected_summary().id == patient_ids["MRN-001"]
    with qtbot.wait_signal(tab.patient_activated) as blocker:
        qtbot.keyClick(tab.list_page.list_view, Qt.Key.Key_Return)
    assert blocker.args == [patient_ids["MRN-001"]]


def test_search_with_no_match_is_empty(qtbot, tab):
    search(qtbot, tab, "没有这个人")
    assert names(tab) == []
    assert not tab.list_page.open_button.isEnabled()


# Lazy reading ####


def test_lazy_reading_never_loads_all_rows(qtbot, make_tab, session, db):
    demo.fill(db, 5000, seed=3, as_of=TODAY)
    tab = make_tab(session)
    with qtbot.waitExposed(tab):
        tab.show()
    model = tab.model
    assert model.rowCount() == 5000
    assert 0 < model.loaded_row_count() <= 2 * PAGE_SIZE
    view = tab.list_page.list_view
    view.scrollToBottom()
    qtbot.wait_until(lambda: model.summary(4999) is not None)
    assert model.loaded_row_count() < 5000 // 2
    last = tab.proxy.index(4999, int(Column.NAME)).data()
    assert last == model.summary(4999).name
    view.scrollTo(tab.proxy.index(2500, 0))
    qtbot.wait(50)
    assert model.loaded_row_count() <= 12 * PAGE_SIZE
    assert tab.list_page.count_label.text() == "Patients: 5000"


# Sorting ####


def click_header(qtbot, tab, column):
    header = tab.list_page.list_view.horizontalHeader()
    x = header.sectionViewportPosition(int(column)) + header.sectionSize(int(column)) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_sorting_by_age_reads_every_page_in_order(qtbot, make_tab, session, db):
    demo.fill(db, 450, seed=4, as_of=TODAY)  # more than two pages
    tab = make_tab(session)
    tab.show()
    header = tab.list_page.list_view.horizontalHeader()
    click_header(qtbot, tab, Column.AGE)
    assert header.sortIndicatorSection() == int(Column.AGE)
    ages = [int(a) for a in column_texts(tab.proxy, Column.AGE)]
    assert len(ages) == 450
    assert ages == sorted(ages) or ages == sorted(ages, reverse=True)
    first_order = ages
    click_header(qtbot, tab, Column.AGE)
    ages = [int(a) for a in column_texts(tab.proxy, Column.AGE)]
    assert ages == list(reversed(sorted(first_order))) or ages == sorted(first_order)
    assert ages != first_order


def test_sorting_by_lowest_t_and_name(qtbot, tab, session, patient_ids):
    for mrn, t_score in (("MRN-001", -3.2), ("MRN-002", -1.0), ("MRN-003", -2.6)):
        record = session.patients.get(patient_ids[mrn])
        scan = DxaScan(date(2026, 1, 1), t={"lumbar_spine": t_score})
        session.patients.update(patient_ids[mrn], replace(record, dxa=(scan,)))
    tab.model.refresh()
    tab.proxy.sort(int(Column.LOWEST_T), Qt.SortOrder.AscendingOrder)
    scores = [s for s in column_texts(tab.proxy, Column.LOWEST_T) if s]
    assert scores == ["-3.2", "-2.6", "-1.0"]
    tab.proxy.sort(int(Column.LOWEST_T), Qt.SortOrder.DescendingOrder)
    assert [s for s in column_texts(tab.proxy, Column.LOWEST_T) if s] == ["-1.0", "-2.6", "-3.2"]
    tab.proxy.sort(int(Column.NAME), Qt.SortOrder.AscendingOrder)
    # By pinyin, Latin names among them: li, mary, wang, zhang.
    assert names(tab) == ["李娜", "Mary Smith", "王秀英", "张伟", "张伟明"]


def test_unsortable_column_keeps_the_order(qtbot, tab):
    before = names(tab)
    header = tab.list_page.list_view.horizontalHeader()
    click_header(qtbot, tab, Column.RISK)
    assert names(tab) == before
    assert header.sortIndicatorSection() == int(Column.NAME)


def test_sorting_search_results_in_memory(qtbot, tab):
    search(qtbot, tab, "zw")
    header = tab.list_page.list_view.horizontalHeader()
    assert header.sortIndicatorSection() == -1  # best match first
    click_header(qtbot, tab, Column.AGE)
    ages = [int(a) for a in column_texts(tab.proxy, Column.AGE)]
    assert ages == sorted(ages) or ages == sorted(ages, reverse=True)
    assert len(ages) == 2


# Column widths ####


def test_column_widths_and_order_are_remembered(qtbot, make_tab, session, patient_ids, settings):
    first = make_tab(session)
    first.show()
    header = first.list_page.list_view.horizontalHeader()
    header.resizeSection(int(Column.CLINIC_ID), 233)
    assert settings.value(HEADER_STATE_KEY) is not None
    second = make_tab(session)
    assert second.list_page.list_view.horizontalHeader().sectionSize(int(Column.CLINIC_ID)) == 233


def test_sort_column_is_remembered(qtbot, make_tab, session, patient_ids, settings):
    first = make_tab(session)
    first.show()
    click_header(qtbot, first, Column.AGE)
    order = first.model.list_sort
    second = make_tab(session)
    assert second.model.list_sort == order
    assert second.list_page.list_view.horizontalHeader().sortIndicatorSection() == int(Column.AGE)


def test_fresh_settings_give_defaults(make_tab, session, patient_ids, tmp_path):
    fresh = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    tab = make_tab(session, tab_settings=fresh)
    header = tab.list_page.list_view.horizontalHeader()
    assert header.sectionSize(int(Column.NAME)) == 160
    assert tab.model.list_sort == (Column.NAME, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == int(Column.NAME)
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert names(tab) == ["李娜", "Mary Smith", "王秀英", "张伟", "张伟明"]


# Opening ####


def test_double_click_opens_the_patient(qtbot, tab, session, patient_ids):
    view = tab.list_page.list_view
    rect = row_rect(tab, 2)
    expected = tab.proxy.index(2, 0).data(PatientIdRole)
    with qtbot.wait_signal(tab.patient_activated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [expected]
    assert session.patient_id == expected
    assert session.evaluation is not None


def test_open_button_opens_the_selected_patient(qtbot, tab, session):
    tab.list_page.list_view.setCurrentIndex(tab.proxy.index(1, 0))
    expected = tab.proxy.index(1, 0).data(PatientIdRole)
    with (
        qtbot.wait_signal(session.patient_opened) as opened,
        qtbot.wait_signal(tab.patient_activated) as blocker,
    ):
        qtbot.mouseClick(tab.list_page.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [expected]
    assert opened.args == [expected]


def test_actions_need_a_selection(tab):
    page = tab.list_page
    page.list_view.clearSelection()
    page.list_view.setCurrentIndex(tab.proxy.index(-1, -1))
    assert not page.edit_button.isEnabled()
    assert not page.archive_button.isEnabled()
    page.list_view.setCurrentIndex(tab.proxy.index(0, 0))
    assert page.edit_button.isEnabled()
    assert page.archive_button.text() == "Archi&ve"


# Archive, undo, delete ####


def select(tab, patient_id):
    tab._select_patient(patient_id)
    assert tab.selected_summary().id == patient_id


def test_archive_hides_the_patient_and_undo_brings_it_back(qtbot, tab, session, patient_ids):
    target = patient_ids["MRN-003"]
    select(tab, target)
    with qtbot.wait_signal(session.patients_changed):
        qtbot.mouseClick(tab.list_page.archive_button, Qt.MouseButton.LeftButton)
    assert "李娜" not in names(tab)
    assert session.patients.is_archived(target)
    assert tab.list_page.undo_bar.isVisible()
    assert tab.list_page.undo_label.text() == "李娜 was archived."
    with qtbot.wait_signal(session.patients_changed):
        qtbot.mouseClick(tab.list_page.undo_button, Qt.MouseButton.LeftButton)
    assert "李娜" in names(tab)
    assert not session.patients.is_archived(target)
    assert not tab.list_page.undo_bar.isVisible()
    assert tab.selected_summary().id == target
    actions = [e.action for e in session.patients.audit.for_patient(target)]
    assert actions[-2:] == ["archive", "unarchive"]


def test_undo_offer_expires(qtbot, tab, patient_ids):
    tab._undo_timer.setInterval(50)
    select(tab, patient_ids["MRN-002"])
    tab.archive_selected()
    assert tab.list_page.undo_bar.isVisible()
    qtbot.wait_until(lambda: not tab.list_page.undo_bar.isVisible())
    tab.undo_archive()  # nothing left to undo
    assert "张伟" not in names(tab)


def test_show_archived_lists_them_greyed(qtbot, tab, session, patient_ids):
    target = patient_ids["MRN-002"]
    session.archive_patient(target)
    assert "张伟" not in names(tab)
    qtbot.mouseClick(tab.list_page.show_archived_check, Qt.MouseButton.LeftButton)
    assert tab.model.include_archived
    row = tab.model.row_of(target)
    assert row is not None
    index = tab.model.index(row, int(Column.NAME))
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Archived"
    select(tab, target)
    assert tab.list_page.archive_button.text() == "Unarchi&ve"
    tab.archive_selected()
    assert not session.patients.is_archived(target)


def test_delete_asks_first(qtbot, tab, session, patient_ids, monkeypatch):
    target = patient_ids["MRN-004"]
    asked = []
    monkeypatch.setattr(dialogs, "confirm_delete", lambda _p, name: asked.append(name) or False)
    select(tab, target)
    qtbot.mouseClick(tab.list_page.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Mary Smith"]
    assert session.patients.exists(target)

    monkeypatch.setattr(dialogs, "confirm_delete", lambda _p, name: True)
    with qtbot.wait_signal(session.patients_changed):
        qtbot.mouseClick(tab.list_page.delete_button, Qt.MouseButton.LeftButton)
    assert not session.patients.exists(target)
    assert "Mary Smith" not in names(tab)
    assert [e.action for e in session.patients.audit.for_patient(target)][-1] == "delete"


def test_deleting_the_open_patient_closes_it(qtbot, tab, session, patient_ids, monkeypatch):
    target = patient_ids["MRN-001"]
    session.open_patient(target)
    monkeypatch.setattr(dialogs, "confirm_delete", lambda _p, name: True)
    select(tab, target)
    with qtbot.wait_signal(session.patient_closed):
        tab.delete_selected()
    assert session.patient_id is None


def test_the_real_delete_box_defaults_to_no(qtbot):
    box = dialogs.delete_box(None, "王秀英")
    qtbot.add_widget(box)
    assert "王秀英" in box.text()
    assert box.defaultButton() is box.button(box.StandardButton.No)
    assert box.escapeButton() is box.button(box.StandardButton.No)


def test_a_broad_search_shows_the_best_matches(qtbot, make_tab, session, db):
    demo.fill(db, 300, seed=5, as_of=TODAY)
    tab = make_tab(session)
    search(qtbot, tab, "DEMO")
    assert tab.model.rowCount() == SEARCH_LIMIT
    assert tab.list_page.count_label.text() == (
        f"The best {SEARCH_LIMIT} matches: type more to narrow"
    )
