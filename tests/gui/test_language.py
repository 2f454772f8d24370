"""Run-time language switching, its persistence, and the default from the system locale."""

import pytest
from PySide6.QtCore import QLocale, QSettings

from osteodesk.ui.i18n import SETTINGS_KEY, LanguageController, system_language

DISCLAIMER_ZH = (
    "OsteoDesk 辅助临床决策，不能替代临床医生的判断。请结合患者具体情况和现行指南核对每一条建议。"
)


def visible_strings(window):
    tabs = window.tabs
    return {
        "tabs": [tabs.tabText(i) for i in range(tabs.count())],
        "menus": [action.text() for action in window.menuBar().actions()],
        "status": window.database_label.text(),
        "placeholder": window.patients_tab.list_page.search_edit.placeholderText(),
    }


def switch_to(qtbot, window, language):
    with qtbot.wait_signal(window._languages.language_changed) as blocker:
        window.language_actions[language].trigger()
    assert blocker.args == [language]


def test_switching_relabels_menus_tabs_status_and_about(qtbot, main_window, db_path):
    about = main_window.show_about()
    switch_to(qtbot, main_window, "zh_CN")
    assert visible_strings(main_window) == {
        "tabs": ["患者", "评估", "治疗方案", "随访清单"],
        "menus": ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"],
        "status": f"数据库：{db_path}",
        "placeholder": "查找：姓名、拼音、首字母、编号、电话或出生日期（Ctrl+F）",
    }
    assert main_window.windowTitle() == "OsteoDesk"
    assert main_window.language_actions["zh_CN"].isChecked()
    assert about.windowTitle() == "关于 OsteoDesk"
    assert about.disclaimer_label.text() == DISCLAIMER_ZH
    assert main_window.about_action.text() == "关于 OsteoDesk(&A)"

    switch_to(qtbot, main_window, "en")
    assert visible_strings(main_window)["tabs"] == ["Patients", "Assessment", "Plan", "Worklist"]
    assert visible_strings(main_window)["menus"] == ["&File", "&Edit", "&View", "&Help"]
    assert about.windowTitle() == "About OsteoDesk"
    assert main_window.language_actions["en"].isChecked()


def test_every_action_is_translated(qtbot, main_window):
    def action_texts():
        menus = [main_window.file_menu, main_window.edit_menu, main_window.view_menu]
        menus += [main_window.help_menu]
        return [a.text() for m in menus for a in m.actions() if not a.isSeparator()]

    english = action_texts()
    switch_to(qtbot, main_window, "zh_CN")
    chinese = action_texts()
    assert len(chinese) == len(english)
    assert [e for e, c in zip(english, chinese, strict=True) if e == c] == []
    # Each language names itself, whichever language is showing.
    assert [a.text() for a in main_window.language_menu.actions()] == ["中文", "English"]


def test_choice_persists_for_the_next_start(qtbot, main_window, make_window, settings, tmp_path):
    switch_to(qtbot, main_window, "zh_CN")
    assert settings.value(SETTINGS_KEY) == "zh_CN"
    main_window.close()
    again = make_window(tmp_path / "clinic.sqlite3", language=None)
    assert again.tabs.tabText(0) == "患者"
    assert again.language_actions["zh_CN"].isChecked()


def test_command_line_language_is_for_this_run_only(make_window, settings, db_path):
    settings.setValue(SETTINGS_KEY, "zh_CN")
    window = make_window(db_path, language="en")
    assert window.tabs.tabText(0) == "Patients"
    assert settings.value(SETTINGS_KEY) == "zh_CN"


def test_closing_the_window_removes_its_translators(qtbot, main_window, make_window, tmp_path):
    switch_to(qtbot, main_window, "zh_CN")
    main_window.close()
    other = make_window(
        tmp_path / "other.sqlite3",
        window_settings=QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat),
        language="en",
    )
    assert other.tabs.tabText(0) == "Patients"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("zh_HK", "zh_CN"), ("en_GB", "en"), ("de_DE", "en")],
)
def test_default_language_follows_the_system_locale(locale, expected):
    assert system_language(QLocale(locale)) == expected


def test_saved_language_falls_back_to_the_system(tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    controller = LanguageController(settings)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert controller.saved_language() == "zh_CN"
    settings.setValue(SETTINGS_KEY, "klingon")  # a damaged settings file
    assert controller.saved_language() == "zh_CN"
    settings.setValue(SETTINGS_KEY, "en")
    assert controller.saved_language() == "en"


def test_unknown_language_is_refused(tmp_path):
    controller = LanguageController(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    with pytest.raises(ValueError, match="zh_CN, en"):
        controller.apply("fr")
