"""The one embedded CJK font: found once, bundled first, one clear error when there is none."""

from __future__ import annotations

import pytest
from report_samples import sample_input

from osteodesk.reports import care_plan, fonts, handout, styles


def test_bundled_font_is_registered_first():
    assert fonts.register_fonts() == fonts.FONT_NAME
    assert fonts.registered_font_file() == fonts.BUNDLED_FONT
    assert fonts.font_candidates()[0] == (fonts.BUNDLED_FONT, 0)


def test_registration_is_cached(monkeypatch):
    fonts.register_fonts()

    def fail(*args, **kwargs):
        raise AssertionError("the font file was parsed again")

    monkeypatch.setattr(fonts, "TTFont", fail)
    assert fonts.register_fonts() == fonts.FONT_NAME


def test_no_font_anywhere_is_one_clear_error(monkeypatch, tmp_path):
    missing = tmp_path / "nowhere" / "wqy-microhei.ttc"
    monkeypatch.setattr(fonts, "font_candidates", lambda: [(missing, 0)])
    monkeypatch.setattr(fonts, "_registered", None)
    with pytest.raises(fonts.FontNotFoundError) as caught:
        fonts.register_fonts()
    message = str(caught.value)
    assert message.startswith("no TrueType CJK font found (looked in ")
    assert str(missing) in message


@pytest.mark.parametrize("module", [care_plan, handout])
def test_documents_report_the_missing_font(monkeypatch, module):
    monkeypatch.setattr(fonts, "font_candidates", lambda: [])
    monkeypatch.setattr(fonts, "_registered", None)
    with pytest.raises(fonts.FontNotFoundError, match="no TrueType CJK font found"):
        module.render_pdf(sample_input())


def test_a_font_reportlab_cannot_read_is_skipped(monkeypatch, tmp_path):
    broken = tmp_path / "msyh.ttc"
    broken.write_bytes(b"OTTO not a TrueType font")
    monkeypatch.setattr(fonts, "font_candidates", lambda: [(broken, 0), (fonts.BUNDLED_FONT, 0)])
    monkeypatch.setattr(fonts, "_registered", None)
    assert fonts.register_fonts() == fonts.FONT_NAME
    assert fonts.registered_font_file() == fonts.BUNDLED_FONT


def test_system_fonts_are_searched_after_the_bundled_one():
    names = [path.name for path, _ in fonts.font_candidates()[1:]]
    assert "wqy-microhei.ttc" in names
    assert "msyh.ttc" in names


def test_every_style_uses_the_embedded_font():
    for lang in ("zh_CN", "en"):
        sheet = styles.build_stylesheet(lang)
        for name in sheet.byName:
            style = sheet[name]
            assert style.fontName == fonts.FONT_NAME, name
            assert style.bulletFontName == fonts.FONT_NAME, name
