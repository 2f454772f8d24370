"""The care plan PDF, read back: what the chart needs is there, in both languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from report_samples import (
    AS_OF,
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

from osteodesk.core.evaluation import Alert, Option, Reason, Step
from osteodesk.core.record import Treatment
from osteodesk.reports import care_plan
from osteodesk.reports.common import coded, drug_name, t
from osteodesk.reports.templates import fit_text

LANGS = ("zh_CN", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_name_risk_category_and_dates_are_in_the_text(lang):
    pdf = care_plan.render_pdf(sample_input(lang=lang))
    expected = [
        "王秀英",
        "MRN-000123",
        coded("risk", "very_high", lang),
        coded("diagnosis", "severe_osteoporosis", lang),
        t("report.care_plan.title", lang),
        "2026-12-01",  # plan start, romosozumab
        "2027-12-01",  # hand-over to denosumab
        "2027-10-02",  # the DXA due date
        "2027-02-25",  # vitamin D due date
        "仁和医院",
        t("report.disclaimer", lang),
        drug_name("romosozumab", lang),
        drug_name("alendronate", lang),  # avoided, with its reason
        "2026.1",  # rules version
    ]
    for text in both_texts(pdf):
        for value in expected:
            assert squash(value) in text, value


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_page_x_of_y_and_the_disclaimer(lang):
    pages = pypdf_pages(care_plan.render_pdf(sample_input(lang=lang)))
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        label = t("report.page_label", lang, {"page": number, "pages": len(pages)})
        assert squash(label) in squash(text)
        assert squash(t("report.disclaimer", lang)) in squash(text)


@pytest.mark.parametrize("lang", LANGS)
def test_every_font_is_embedded_and_none_is_helvetica(lang):
    fonts = pdffonts(care_plan.render_pdf(sample_input(lang=lang)))
    assert fonts
    for font in fonts:
        assert font["emb"] == "yes", font["line"]
        assert "Helvetica" not in font["name"]
        assert "STSong" not in font["name"]


@pytest.mark.parametrize("lang", LANGS)
def test_invariant_renders_are_byte_identical(lang):
    data = sample_input(lang=lang)
    first = care_plan.render_pdf(data, invariant=True)
    assert first.startswith(b"%PDF-")
    assert care_plan.render_pdf(data, invariant=True) == first


def test_user_text_prints_literally():
    record = replace(
        sample_record(),
        name="<b>Li & Co</b>",
        notes="<i>not italic</i> & <font size=40>big</font>\nsecond line",
    )
    clinic = replace(sample_input().clinic, name="A&B <Clinic>", department="x < y & z")
    pdf = care_plan.render_pdf(sample_input(record=record, clinic=clinic, lang="en"))
    for text in both_texts(pdf):
        assert squash("<b>Li & Co</b>") in text
        assert squash("<i>not italic</i> & <font size=40>big</font>") in text
        assert squash("A&B <Clinic>") in text
        assert squash("Patient prefers <b>monthly</b> visits & fewer tablets") in text


def test_override_reason_and_chosen_rank_are_shown():
    pdf = care_plan.render_pdf(sample_input(lang="en"))
    for text in both_texts(pdf):
        assert squash(t("report.chosen_option", "en", {"rank": 2, "count": 2})) in text
        assert squash("Reason for not choosing option 1") in text
        # The rank-1 option is listed among the alternatives.
        assert squash(t("report.section.alternatives", "en")) in text


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_plan_the_first_option_is_proposed(lang):
    pdf = care_plan.render_pdf(sample_input(plan=None, lang=lang))
    for text in both_texts(pdf):
        assert squash(t("report.section.regimen_proposed", lang)) in text
        assert squash(t("report.proposed_note", lang)) in text
        assert squash(t("report.plan_start", lang, {"date": AS_OF.isoformat()})) in text


def test_no_option_says_why_to_look_at_the_alerts():
    evaluation = sample_evaluation(options=())
    pdf = care_plan.render_pdf(sample_input(plan=None, evaluation=evaluation, lang="en"))
    for text in both_texts(pdf):
        assert squash(t("report.no_option", "en")) in text


def test_references_list_each_source_once():
    pdf = care_plan.render_pdf(sample_input(lang="en"))
    text = pypdf_pages(pdf)[-1]
    references = text[text.index(t("report.section.references", "en")) :]
    for source in ("WHO 1994", "CN 2022", "AACE 2020", "seed", "label", "ES 2019"):
        assert references.count(source) == 1, source


def test_alerts_are_ordered_by_severity():
    text = squash("".join(pypdf_pages(care_plan.render_pdf(sample_input(lang="en")))))
    urgent = text.index(squash(t("report.severity.urgent", "en")))
    warning = text.index(squash(t("report.severity.warning", "en")))
    info = text.index(squash(t("report.severity.info", "en")))
    assert urgent < warning < info


def long_input(lang: str):
    """20 treatments, long notes, a 300-character name, 30 alerts, 20 options."""
    name = ("Maximiliana Wilhelmina Alexandra-Konstantinopolous " * 6)[:300]
    treatments = tuple(
        Treatment(
            drug="alendronate" if n % 2 else "risedronate",
            start_date=date(2000 + n, 1, 1),
            end_date=date(2000 + n, 12, 1),
            product=f"Brand {n} <x> & co",
        )
        for n in range(20)
    )
    notes = "\n".join(
        f"{n}. 患者自述腰背痛，夜间加重；the patient reports back pain at night & stiffness."
        for n in range(120)
    )
    record = replace(sample_record(), name=name, treatments=treatments, notes=notes)
    alerts = tuple(
        Alert(
            f"custom_alert_{n}",
            ("urgent", "warning", "info")[n % 3],
            "CN 2022",
            detail="x" * 150,
            due_date=AS_OF + timedelta(days=n),
        )
        for n in range(30)
    )
    options = tuple(
        Option(n, (Step("teriparatide", 24), Step("denosumab")), (Reason(f"why_{n}", "ES 2019"),))
        for n in range(1, 21)
    )
    evaluation = sample_evaluation(alerts=alerts, options=options)
    plan = sample_plan(override_reason="Because " * 80)
    return sample_input(record=record, evaluation=evaluation, plan=plan, lang=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_long_content_flows_onto_more_pages_inside_the_margins(lang):
    data = long_input(lang)
    pdf = care_plan.render_pdf(data)
    pages = pypdf_pages(pdf)
    assert len(pages) >= 4
    whole = squash("".join(pages))
    assert squash(data.record.name or "") in whole  # the full name, wrapped, not cut
    assert "Brand19<x>&co" in whole  # the last treatment
    assert "119." in whole  # the last line of the notes
    assert "custom_alert_29".replace("_", " ") in "".join(pages)
    assert_inside_margins(pdf)


def test_the_running_header_cuts_a_long_name():
    cut = fit_text("x" * 300, "OsteoSans", 8, 100)
    assert cut.endswith("…")
    assert len(cut) < 300
    assert fit_text("short", "OsteoSans", 8, 100) == "short"


def test_a_logo_is_drawn_and_a_bad_logo_is_skipped(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (31, 95, 122)).save(logo)
    clinic = replace(sample_input().clinic, logo_path=logo)
    with_logo = care_plan.render_pdf(sample_input(clinic=clinic))
    assert b"/Subtype /Image" in with_logo
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    clinic = replace(clinic, logo_path=broken)
    without = care_plan.render_pdf(sample_input(clinic=clinic))
    assert b"/Subtype /Image" not in without
    assert "王秀英" in "".join(pypdf_pages(without))


def test_build_story_returns_flowables():
    story = care_plan.build_story(sample_input())
    assert len(story) > 20
    assert all(hasattr(item, "wrapOn") for item in story)


@pytest.mark.parametrize("lang", LANGS)
def test_sparse_data_still_prints(lang):
    """No clinic settings, no name or id, a man, a regimen composed by the clinician."""
    from osteodesk.reports import handout
    from osteodesk.reports.data import ClinicInfo

    record = replace(
        sample_record(sex="male", menopausal_status=None), name=None, id=None, notes=None
    )
    plan = sample_plan(steps=(Step("zoledronic_acid"),), chosen_rank=None, override_reason=None)
    data = sample_input(
        record=record, plan=plan, clinic=ClinicInfo(), lang=lang, patient_number=None
    )
    for text in both_texts(care_plan.render_pdf(data)):
        assert squash(t("report.composed", lang)) in text
        assert squash(t("report.sex.male", lang)) in text
        assert squash(t("report.unknown", lang)) in text
    for text in both_texts(handout.render_pdf(data)):
        assert (
            squash(
                t("handout.contact_no_phone", lang, {"clinic": t("handout.clinic_default", lang)})
            )
            in text
        )
        assert squash(t("handout.drug.zoledronic_acid.how.4", lang)) in text


def test_scores_are_shown_rounded():
    from osteodesk.core.evaluation import Scores

    evaluation = sample_evaluation(scores=Scores(ost=-3.14159, ost_band="moderate", egfr=52.4))
    pdf = care_plan.render_pdf(sample_input(evaluation=evaluation, lang="en"))
    for text in both_texts(pdf):
        assert "OST-3.1(moderate)" in text
        assert "eGFR52" in text
        assert "-3.14159" not in text
