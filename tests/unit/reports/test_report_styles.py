"""The stylesheet: inheritance, Chinese wrapping, large print."""

from __future__ import annotations

import pytest

from osteodesk.reports import styles


def test_chinese_wraps_between_characters_and_english_between_words():
    assert styles.build_stylesheet("zh_CN")["Body"].wordWrap == "CJK"
    assert styles.build_stylesheet("en")["Body"].wordWrap is None


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_styles_inherit_from_base(lang):
    sheet = styles.build_stylesheet(lang)
    assert sheet["Body"].parent is sheet["Base"]
    assert sheet["Heading1"].parent is sheet["Base"]
    assert sheet["Bullet"].parent is sheet["Body"]
    assert sheet["CellHeader"].parent is sheet["Cell"]
    for name in ("Heading1", "Bullet", "Cell", "Muted", "CardText"):
        assert sheet[name].wordWrap == sheet["Base"].wordWrap, name


def test_sizes_by_audience_and_print_size():
    clinician = styles.build_stylesheet("en")["Body"].fontSize
    patient = styles.build_stylesheet("en", patient=True)["Body"].fontSize
    large = styles.build_stylesheet("en", large_print=True, patient=True)["Body"].fontSize
    assert clinician < patient < large
    assert large >= 14


def test_every_severity_has_a_style():
    sheet = styles.build_stylesheet("en")
    for severity in styles.SEVERITY_ORDER:
        assert f"Severity-{severity}" in sheet


def test_table_commands_set_the_embedded_font_for_plain_cells():
    commands = styles.table_commands()
    assert ("FONTNAME", (0, 0), (-1, -1), "OsteoSans") in commands
