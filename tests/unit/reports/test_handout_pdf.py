"""The patient handout, read back: the patient's language, plain instructions, the dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from report_samples import (
    PRINTED,
    assert_inside_margins,
    both_texts,
    pdffonts,
    pypdf_pages,
    sample_evaluation,
    sample_input,
    sample_plan,
    sample_record,
    squash,
)

from osteodesk.core import codes
from osteodesk.core.evaluation import Step
from osteodesk.reports import handout, styles
from osteodesk.reports.common import long_date, patient_drug_name, t

LANGS = ("zh_CN", "en")


def texts(pdf: bytes) -> list[str]:
    return both_texts(pdf)


@pytest.mark.parametrize("lang", LANGS)
def test_name_risk_and_next_dates_are_in_the_text(lang):
    pdf = handout.render_pdf(sample_input(lang=lang))
    expected = [
        "王秀英",
        t("handout.title", lang),
        t("handout.risk.very_high", lang),
        t("handout.diagnosis.severe_osteoporosis", lang),
        long_date(date(2026, 12, 1), lang),  # first romosozumab injection
        long_date(date(2027, 11, 1), lang),  # the twelfth
        long_date(date(2027, 12, 1), lang),  # first denosumab injection
        long_date(date(2028, 6, 1), lang),  # the next one
        long_date(date(2027, 10, 2), lang),  # DXA
        t("handout.monitoring.dxa", lang),
        t("handout.event.dose.romosozumab", lang, {"number": 12}),
        t("handout.contact", lang, {"clinic": "仁和医院", "phone": "010-8888 6666"}),
        t("handout.disclaimer", lang),
        t("report.disclaimer", lang),
    ]
    for text in texts(pdf):
        for value in expected:
            assert squash(value) in text, value


@pytest.mark.parametrize(
    ("record_lang", "asked", "expected"),
    [
        ("en", "zh_CN", "en"),
        ("zh_CN", "en", "zh_CN"),
        (None, "en", "en"),
        (None, "zh_CN", "zh_CN"),
    ],
)
def test_the_patient_s_language_wins_over_the_window_s(record_lang, asked, expected):
    record = replace(sample_record(), language=record_lang)
    pdf = handout.render_pdf(sample_input(record=record, lang=asked))
    other = "en" if expected == "zh_CN" else "zh_CN"
    for text in texts(pdf):
        assert squash(t("handout.title", expected)) in text
        assert squash(t("handout.title", other)) not in text


@pytest.mark.parametrize("lang", LANGS)
def test_alendronate_instructions_are_exact(lang):
    plan = sample_plan(steps=(Step("alendronate"),), chosen_rank=None, override_reason=None)
    pdf = handout.render_pdf(
        sample_input(plan=plan, lang=lang, record=sample_record(treatments=[]))
    )
    for text in texts(pdf):
        for n in range(1, 8):
            assert squash(t(f"handout.drug.alendronate.how.{n}", lang)) in text
        assert (
            squash(t("handout.event.start", lang, {"drug": patient_drug_name("alendronate", lang)}))
            in text
        )
        # No wallet card for a tablet.
        assert squash(t("handout.card.title", lang)) not in text
    english = squash(t("handout.drug.alendronate.how.4", "en"))
    assert "30minutes" in english
    assert "firstfood" in english
    assert "180–240mL" in squash(t("handout.drug.alendronate.how.2", "en"))


@pytest.mark.parametrize("lang", LANGS)
def test_denosumab_gets_a_wallet_card_with_the_next_four_dates(lang):
    # On denosumab (last dose 2026-06-10) and continuing: next doses from 2026-12-10.
    record = sample_record(
        treatments=[
            {"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-06-10"}
        ]
    )
    plan = sample_plan(
        steps=(Step("denosumab"),),
        start_date=date(2026, 11, 25),
        chosen_rank=1,
        override_reason=None,
    )
    pdf = handout.render_pdf(sample_input(record=record, plan=plan, lang=lang))
    card_dates = [date(2026, 12, 10), date(2027, 6, 10), date(2027, 12, 10), date(2028, 6, 10)]
    last = squash(pypdf_pages(pdf)[-1])
    card = last[last.index(squash(t("handout.card.title", lang))) :]
    for day in card_dates:
        assert squash(long_date(day, lang)) in card
    assert squash(t("handout.card.rule", lang)) in card
    assert squash(t("handout.card.asap", lang)) not in card
    for text in texts(pdf):
        assert squash(t("handout.drug.denosumab.how.2", lang)) in text


def test_a_date_already_past_reads_as_soon_as_possible():
    pdf = handout.render_pdf(sample_input(lang="en"))  # calcium was due 2026-11-06
    overdue = t("handout.overdue", "en", {"date": long_date(date(2026, 11, 6), "en")})
    # The cell wraps, and extractors interleave the neighbouring cell: check each half.
    first_half, second_half = overdue.split("(")
    for text in texts(pdf):
        assert squash(first_half) in text
        assert squash("(" + second_half).split("November")[0] in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_medicine_says_so(lang):
    evaluation = sample_evaluation(options=(), monitoring=())
    pdf = handout.render_pdf(sample_input(plan=None, evaluation=evaluation, lang=lang))
    for text in texts(pdf):
        assert squash(t("handout.no_medicine", lang)) in text
        assert squash(t("handout.no_dates", lang)) in text


def test_without_a_plan_the_first_option_is_shown_as_suggested():
    pdf = handout.render_pdf(sample_input(plan=None, lang="en"))
    for text in texts(pdf):
        assert squash(t("handout.proposed", "en")) in text
        assert squash(t("handout.drug.denosumab.what", "en")) in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("drug", codes.OSTEOPOROSIS_DRUGS)
def test_every_drug_has_plain_instructions(drug, lang):
    plan = sample_plan(steps=(Step(drug),), chosen_rank=None, override_reason=None)
    pdf = handout.render_pdf(
        sample_input(plan=plan, lang=lang, record=sample_record(treatments=[]))
    )
    text = squash("".join(pypdf_pages(pdf)))
    assert squash(t(f"handout.drug.{drug}.name", lang)) in text
    assert squash(t(f"handout.drug.{drug}.what", lang)) in text
    assert squash(t(f"handout.drug.{drug}.how.1", lang)) in text


@pytest.mark.parametrize("lang", LANGS)
def test_everyday_advice_and_warning_signs_are_there(lang):
    pdf = handout.render_pdf(sample_input(lang=lang))
    keys = (
        [f"handout.calcium.{n}" for n in (1, 2, 3)]
        + [f"handout.warning.{n}" for n in (1, 2, 3, 4)]
        + ["handout.falls.1", "handout.exercise.1"]
    )
    for text in texts(pdf):
        for key in keys:
            assert squash(t(key, lang)) in text, key


def test_large_print_is_at_least_14_points_and_takes_more_pages():
    sheet = styles.build_stylesheet("en", large_print=True, patient=True)
    assert sheet["Body"].fontSize >= 14
    assert sheet["Bullet"].fontSize >= 14
    assert sheet["Cell"].fontSize >= 14
    normal = handout.render_pdf(sample_input(lang="en"))
    large = handout.render_pdf(sample_input(lang="en", large_print=True))
    assert len(pypdf_pages(large)) > len(pypdf_pages(normal))
    assert_inside_margins(large)


@pytest.mark.parametrize("lang", LANGS)
def test_every_font_is_embedded(lang):
    fonts = pdffonts(handout.render_pdf(sample_input(lang=lang, large_print=True)))
    assert fonts
    assert all(font["emb"] == "yes" for font in fonts), fonts


@pytest.mark.parametrize("lang", LANGS)
def test_invariant_renders_are_byte_identical(lang):
    data = sample_input(lang=lang)
    assert handout.render_pdf(data, invariant=True) == handout.render_pdf(data, invariant=True)


def test_user_text_prints_literally_and_long_content_flows():
    name = ("<b>Chen & Sons</b> " * 20)[:300]
    record = replace(sample_record(), name=name, language="en")
    clinic = replace(
        sample_input().clinic, name="A&B <Clinic>", phone="<0> & 1", address="Room <12> & 13 " * 20
    )
    pdf = handout.render_pdf(sample_input(record=record, clinic=clinic, large_print=True))
    assert len(pypdf_pages(pdf)) >= 4
    for text in texts(pdf):
        assert squash(name) in text
        assert squash("A&B <Clinic>") in text
        assert squash("<0> & 1") in text
    assert_inside_margins(pdf)


def test_print_date_defaults_to_the_evaluation_date():
    data = sample_input(printed_on=None, lang="en")
    assert data.print_date == data.evaluation.as_of
    pdf = handout.render_pdf(data)
    for text in texts(pdf):
        assert (
            squash(t("handout.date_line", "en", {"date": long_date(data.evaluation.as_of, "en")}))
            in text
        )
    assert data.evaluation.as_of != PRINTED


@pytest.mark.parametrize("lang", LANGS)
def test_an_overdue_denosumab_dose_leaves_the_later_card_dates_to_be_written_in(lang):
    record = sample_record(
        treatments=[
            {"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-03-20"}
        ]
    )
    plan = sample_plan(
        steps=(Step("denosumab"),),
        start_date=date(2026, 11, 25),
        chosen_rank=1,
        override_reason=None,
    )
    pdf = handout.render_pdf(sample_input(record=record, plan=plan, lang=lang))
    last = squash(pypdf_pages(pdf)[-1])
    card = last[last.index(squash(t("handout.card.title", lang))) :]
    assert squash(t("handout.card.asap", lang)) in card
    assert squash(long_date(date(2026, 9, 20), lang)) not in card  # the missed date
    assert squash(long_date(date(2027, 3, 20), lang)) not in card  # would be wrong
    assert "______________" in card
    for text in texts(pdf):
        assert squash(t("handout.event.then.denosumab", lang)) in text
        assert squash(long_date(date(2027, 3, 20), lang)) not in text
