"""Render the README's sample pages: page 1 of the care plan and the handout, zh_CN and en.

    .venv/bin/python docs/pdf/render_samples.py [--pdf-dir DIR]

Writes ``care-plan-<lang>.png`` and ``handout-<lang>.png`` beside this file (50 dpi, via
poppler's pdftoppm). The evaluation is the decision module's, and the plan is its rank-1 option,
so the pages show what OsteoDesk prints for this very-high-risk patient.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from osteodesk.core.decision import evaluate
from osteodesk.core.plan import Plan
from osteodesk.core.record import parse_record
from osteodesk.reports import care_plan, handout
from osteodesk.reports.data import ClinicInfo, ReportInput

HERE = Path(__file__).resolve().parent
AS_OF = date(2026, 11, 25)

PATIENTS = {
    "zh_CN": {"id": "MRN-000123", "name": "王秀英", "language": "zh_CN"},
    "en": {"id": "MRN-000456", "name": "Margaret Collins", "language": "en"},
}
CLINICS = {
    "zh_CN": ClinicInfo(
        "仁和医院", "内分泌科 · 骨质疏松门诊", "010-8888 6666", "北京市东城区和平路 1 号"
    ),
    "en": ClinicInfo("Riverside Hospital", "Bone Health Clinic", "020 7946 0321", "1 River Road"),
}


def sample(lang: str) -> ReportInput:
    """A postmenopausal woman with a recent vertebral fracture and T -3.1, treatment-naive."""
    record = parse_record(
        {
            **PATIENTS[lang],
            "sex": "female",
            "birth_date": "1954-05-12",
            "menopausal_status": "post",
            "weight_kg": 48.0,
            "height_cm": 152.0,
            "conditions": ["esophageal_disorder"],
            "fractures": [{"site": "vertebra", "date": "2025-12-01", "fragility": True}],
            "dxa": [
                {
                    "date": "2026-10-02",
                    "lumbar_spine_t": -3.1,
                    "femoral_neck_t": -2.6,
                    "total_hip_t": -2.2,
                }
            ],
            "labs": [
                {"date": "2026-10-02", "test": "vitamin_d_25oh", "value": 17, "unit": "ng/mL"}
            ],
        },
        as_of=AS_OF,
    )
    evaluation = evaluate(record, as_of=AS_OF, framework="cn2022")
    chosen = evaluation.options[0]
    plan = Plan(
        patient_id=1,
        steps=chosen.steps,
        start_date=AS_OF,  # the engine dates its monitoring as if started on as_of (A7)
        framework="cn2022",
        rules_version="2026.1",
    )
    return ReportInput(record, evaluation, plan, CLINICS[lang], lang, False, AS_OF, "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pdf-dir", type=Path, help="also keep the PDFs here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.pdf_dir or Path(scratch)
        for lang in ("zh_CN", "en"):
            for name, module in (("care-plan", care_plan), ("handout", handout)):
                pdf = folder / f"{name}-{lang}.pdf"
                pdf.write_bytes(module.render_pdf(sample(lang), invariant=True))
                target = HERE / f"{name}-{lang}"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        "50",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        str(pdf),
                        str(target),
                    ],
                    check=True,
                )
                print(target.with_suffix(".png"))  # noqa: T201 - a script reports what it wrote


if __name__ == "__main__":
    main()
