"""Hand-built evaluations and report inputs, and PDF readers, for the report tests.

The documents take already-computed data, so the evaluations here are built by hand in the
shape of contract section 2 (no decision module needed).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from osteodesk.core.evaluation import (
    Alert,
    Avoid,
    Diagnosis,
    Evaluation,
    FraxAdjusted,
    MonitoringItem,
    Option,
    Reason,
    Risk,
    Scores,
    Step,
    Supportive,
)
from osteodesk.core.plan import Plan
from osteodesk.core.record import PatientRecord, parse_record
from osteodesk.reports.data import ClinicInfo, ReportInput

AS_OF = date(2026, 11, 25)
PRINTED = date(2026, 11, 26)


def sample_record(**fields) -> PatientRecord:
    """王秀英 of the contract, on denosumab since 2022 (last dose 2026-05-20)."""
    data = {
        "id": "MRN-000123",
        "name": "王秀英",
        "sex": "female",
        "birth_date": "1954-05-12",
        "menopausal_status": "post",
        "weight_kg": 48.0,
        "height_cm": 152.0,
        "conditions": ["rheumatoid_arthritis", "esophageal_disorder"],
        "fractures": [{"site": "vertebra", "date": "2025-12-01", "fragility": True}],
        "dxa": [
            {
                "date": "2026-10-02",
                "lumbar_spine_t": -3.1,
                "femoral_neck_t": -2.6,
                "total_hip_t": -2.2,
            }
        ],
        "treatments": [
            {"drug": "denosumab", "start_date": "2022-01-10", "last_dose_date": "2026-05-20"}
        ],
        "notes": "Lives alone; daughter visits weekly.",
    }
    data.update(fields)
    return parse_record(data, as_of=AS_OF)


def sample_evaluation(**fields) -> Evaluation:
    """A very-high-risk evaluation in the shape of contract section 2."""
    ev = Evaluation(
        rules_version="2026.1",
        as_of=AS_OF,
        framework="cn2022",
        diagnosis=Diagnosis(
            "severe_osteoporosis",
            (
                Reason("t_score_le_-2.5", "WHO 1994", "lumbar spine T -3.1"),
                Reason("fragility_fracture", "CN 2022", "vertebra 2025-12-01"),
            ),
        ),
        risk=Risk(
            "very_high",
            (Reason("recent_fragility_fracture", "CN 2022; AACE 2020", "vertebra 2025-12-01"),),
            {"cn2022": "very_high"},
        ),
        scores=Scores(osta=-4.8, crcl_ml_min=41.5, frax_adjusted=FraxAdjusted(25.3, 3.7, ())),
        treatment_state="on_denosumab",
        options=(
            Option(
                1,
                (Step("denosumab"),),
                (Reason("continue_denosumab", "label; CN 2022"),),
            ),
            Option(
                2,
                (Step("romosozumab", 12), Step("denosumab")),
                (Reason("very_high_risk_anabolic_first", "seed; AACE 2020"),),
            ),
        ),
        avoid=(Avoid("alendronate", (Reason("esophageal_disorder", "label"),)),),
        alerts=(
            Alert("denosumab_dose_due", "warning", "label", due_date=date(2026, 11, 20)),
            Alert("vitamin_d_insufficient", "urgent", "ES 2019"),
            Alert("falls_assessment", "info"),
        ),
        monitoring=(
            MonitoringItem("serum_calcium", date(2026, 11, 6)),
            MonitoringItem("dxa", date(2027, 10, 2)),
            MonitoringItem("vitamin_d_25oh", date(2027, 2, 25)),
        ),
        supportive=(
            Supportive("calcium_intake", "1000-1200 mg/day, diet first"),
            Supportive("vitamin_d", "800-1000 IU/day"),
            Supportive("exercise"),
            Supportive("falls_prevention"),
        ),
    )
    return replace(ev, **fields)


def sample_plan(**fields) -> Plan:
    """The clinician chose option 2: romosozumab for 12 months, then denosumab."""
    plan = Plan(
        patient_id=7,
        steps=(Step("romosozumab", 12), Step("denosumab")),
        start_date=date(2026, 12, 1),
        framework="cn2022",
        rules_version="2026.1",
        chosen_rank=2,
        override_reason="Patient prefers <b>monthly</b> visits & fewer tablets",
    )
    return replace(plan, **fields)


CLINIC = ClinicInfo(
    name="仁和医院",
    department="骨质疏松门诊 Osteoporosis Clinic",
    phone="010-8888 6666",
    address="北京市东城区和平路 1 号",
)


def sample_input(**fields) -> ReportInput:
    data = ReportInput(
        record=sample_record(),
        evaluation=sample_evaluation(),
        plan=sample_plan(),
        clinic=CLINIC,
        lang="zh_CN",
        large_print=False,
        printed_on=PRINTED,
        patient_number="42",
    )
    return replace(data, **fields)


# --- reading PDFs back ----------------------------------------------------------------------


def squash(text: str) -> str:
    """Text with every kind of whitespace removed: CJK lines break anywhere."""
    return "".join(text.split())


def pypdf_pages(pdf: bytes) -> list[str]:
    """Each page's text as pypdf extracts it."""
    import io

    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def pdftotext(pdf: bytes, *args: str) -> str:
    """The text poppler extracts (the tool clinics' PDF viewers are closest to)."""
    import subprocess

    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *args, "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8")


def both_texts(pdf: bytes) -> list[str]:
    """The whole text by both extractors, whitespace removed, for `in` assertions."""
    return [squash("".join(pypdf_pages(pdf))), squash(pdftotext(pdf))]


def pdffonts(pdf: bytes) -> list[dict[str, str]]:
    """The fonts of a PDF as poppler lists them (name, type, embedded)."""
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        out = subprocess.run(
            ["pdffonts", handle.name], capture_output=True, text=True, check=True
        ).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni object ID: read emb from the right.
        rows.append({"name": parts[0], "emb": parts[-5], "line": line})
    return rows


def word_boxes(pdf: bytes) -> list[tuple[int, float, float, dict[str, float], str]]:
    """(page number, page width, page height, box, word) for every word poppler finds."""
    import re

    html = pdftotext(pdf, "-bbox")
    boxes = []
    page_re = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
    word_re = re.compile(
        r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
    )
    page = 0
    width = height = 0.0
    for line in html.splitlines():
        page_match = page_re.search(line)
        if page_match:
            page += 1
            width, height = float(page_match.group(1)), float(page_match.group(2))
            continue
        word_match = word_re.search(line)
        if word_match:
            x0, y0, x1, y1 = (float(word_match.group(i)) for i in range(1, 5))
            box = {"x0": x0, "y0": y0, "x1": x1, "y1": y1}
            boxes.append((page, width, height, box, word_match.group(5)))
    return boxes


def assert_inside_margins(pdf: bytes, margin: float = 30.0) -> None:
    """Every word lies on the page, inside a band `margin` points from each edge."""
    boxes = word_boxes(pdf)
    assert boxes, "no words found"
    for page, width, height, box, word in boxes:
        where = (page, word)
        assert box["x0"] >= margin, where
        assert box["x1"] <= width - margin, where
        assert box["y0"] >= margin, where
        assert box["y1"] <= height - margin, where
