"""The drug reference window: every entry, search by any name, both languages, Help menu."""

import pytest
from PySide6.QtCore import QModelIndex

from osteodesk.core.messages import reference
from osteodesk.ui.reference.reference_dialog import ReferenceDialog, entry_html, open_reference
from osteodesk.ui.reference.reference_model import EntryRole, ReferenceModel

HEADINGS = {key: key.title() for key in (*reference.FIELDS, "products", "drugs", "sources")}


@pytest.fixture
def dialog(qtbot):
    widget = ReferenceDialog()
    qtbot.add_widget(widget)
    return widget


def visible_entries(dialog):
    proxy = dialog.proxy
    found = []
    for group in range(proxy.rowCount()):
        parent = proxy.index(group, 0)
        found.extend(
            proxy.index(row, 0, parent).data(EntryRole) for row in range(proxy.rowCount(parent))
        )
    return found


def test_model_passes_the_model_tester(qtmodeltester):
    model = ReferenceModel("zh_CN")
    qtmodeltester.check(model)
    assert model.rowCount() == len(reference.GROUPS)
    total = sum(model.rowCount(model.index(row, 0)) for row in range(model.rowCount()))
    assert total == len(reference.ENTRIES)
    assert model.parent(model.index(0, 0)) == QModelIndex()


def test_names_follow_the_chosen_language(qtbot):
    model = ReferenceModel("zh_CN")
    index = model.index_of_entry("denosumab")
    assert index.data() == "地舒单抗"
    with qtbot.wait_signal(model.modelReset):
        model.set_language("en")
    assert model.index_of_entry("denosumab").data() == "Denosumab"


@pytest.mark.parametrize("entry", reference.ENTRIES)
def test_every_entry_renders_both_names_status_and_sources(entry):
    for lang in ("zh_CN", "en"):
        html = entry_html(entry, lang, HEADINGS)
        assert reference.SOURCES[entry].split(";")[0] in html
        assert "Mechanism" in html
    zh = entry_html(entry, "zh_CN", HEADINGS)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)


def test_the_dialog_shows_an_entry_with_products_and_status(dialog):
    assert dialog.show_entry("denosumab")
    dialog.set_language("en")
    text = dialog.browser.toPlainText()
    assert "地舒单抗" in text  # the Chinese generic name is always shown
    assert "Denosumab" in text
    assert "Approved" in text
    assert "Prolia" in text
    assert "普罗力" in text
    assert "Xgeva *" in text
    assert "not the osteoporosis dose" in text
    assert dialog.tree.currentIndex().data(EntryRole) == "denosumab"


def test_investigational_agents_say_why(dialog):
    dialog.set_language("zh_CN")
    dialog.show_entry("odanacatib")
    text = dialog.browser.toPlainText()
    assert "在研 / 未获批" in text
    assert "卒中" in text
    dialog.set_language("en")
    dialog.show_entry("denosumab_biosimilars")
    text = dialog.browser.toPlainText()
    for code in ("CT-P41", "RGB-14-P", "QL1206", "Bmab1000", "AVT03", "TVB-009"):
        assert code in text
    assert "phase II/III" in text


def test_a_rheumatology_drug_opens_its_class_with_its_members(dialog):
    assert dialog.show_drug("upadacitinib")
    assert dialog.entry == "jak"
    dialog.set_language("en")
    text = dialog.browser.toPlainText()
    assert "乌帕替尼 (upadacitinib)" in text
    assert "not a fracture-prevention drug" in text
    assert not dialog.show_drug("aspirin")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Prolia", ["denosumab"]),
        ("ct-p41", ["denosumab", "denosumab_biosimilars"]),
        ("地舒", ["denosumab", "denosumab_biosimilars"]),
        ("tofacitinib", ["jak"]),
        ("EB613", ["eb613"]),
    ],
)
def test_search_finds_brand_chinese_and_member_names(qtbot, dialog, typed, expected):
    dialog.search_edit.setText(typed)  # keyClicks cannot type Chinese
    assert visible_entries(dialog) == expected


def test_choosing_in_the_tree_shows_the_entry(dialog):
    proxy = dialog.proxy
    index = dialog.proxy.mapFromSource(dialog.model.index_of_entry("romosozumab"))
    dialog.tree.setCurrentIndex(index)
    assert dialog.entry == "romosozumab"
    assert "Romosozumab" in dialog.browser.toPlainText()
    assert proxy.rowCount() == len(reference.GROUPS)


def test_help_menu_opens_one_reference_window(qtbot, main_window):
    main_window.drug_reference_action.trigger()
    first = main_window.findChild(ReferenceDialog)
    assert first is not None
    assert first.isVisible()
    main_window.drug_reference_action.trigger()
    assert main_window.findChildren(ReferenceDialog) == [first]
    again = open_reference(main_window.plan_tab, "teriparatide")
    assert again is first
    assert first.entry == "teriparatide"
    first.close()
