"""Free-text details of the evaluation (kept in English by the contract) never leak into a
Chinese care plan."""

import io
from datetime import date

from pypdf import PdfReader

from osteodesk.core.decision import evaluate
from osteodesk.core.record import parse_record
from osteodesk.reports import care_plan
from osteodesk.reports.data import ClinicInfo, ReportInput

AS_OF = date(2026, 11, 25)


def _text(lang: str) -> str:
    record = parse_record(
        {
            "id": "MRN-9",
            "name": "李梅",
            "sex": "female",
            "birth_date": "1950-01-01",
            "menopausal_status": "post",
            "dxa": [{"date": "2026-10-01", "lumbar_spine_t": -2.8}],
            "labs": [{"date": "2026-11-01", "test": "calcium", "value": 1.95, "unit": "mmol/L"}],
            "treatments": [
                {"drug": "denosumab", "start_date": "2024-01-10", "last_dose_date": "2026-05-01"}
            ],
        },
        as_of=AS_OF,
    )
    evaluation = evaluate(record, as_of=AS_OF)
    data = ReportInput(
        record=record,
        evaluation=evaluation,
        plan=None,
        clinic=ClinicInfo(name="Clinic"),
        lang=lang,
        large_print=False,
        printed_on=AS_OF,
        patient_number="1",
    )
    pdf = care_plan.render_pdf(data, invariant=True)
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_chinese_care_plan_has_no_english_detail():
    text = _text("zh_CN")
    assert "diet first" not in text
    assert "correct calcium, then dose" not in text
    assert "先纠正血钙" in text


def test_english_care_plan_keeps_the_calcium_instruction():
    assert "correct calcium, then dose without delay" in _text("en")
