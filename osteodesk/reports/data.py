"""What a printout is given: plain, already-computed objects (no SQL, no rules in documents)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from osteodesk.core.evaluation import Evaluation
from osteodesk.core.plan import Plan
from osteodesk.core.record import PatientRecord


@dataclass(frozen=True, slots=True)
class ClinicInfo:
    """The clinic's letterhead and contact line (from the clinic settings file)."""

    name: str = ""
    department: str = ""
    phone: str = ""
    address: str = ""
    logo_path: Path | None = None


@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything a care plan or handout shows.

    `plan` is the regimen the clinician chose; None prints the rank-1 option as "proposed".
    `lang` is the care plan's language; the handout prefers the patient's own
    (`record.language`) and falls back to `lang`. `patient_number` is the internal number the
    window shows, printed next to the clinic's id.
    """

    record: PatientRecord
    evaluation: Evaluation
    plan: Plan | None = None
    clinic: ClinicInfo = ClinicInfo()
    lang: str = "zh_CN"
    large_print: bool = False
    printed_on: date | None = None
    patient_number: str | None = None

    @property
    def print_date(self) -> date:
        """The date printed on the document: given, else the evaluation's date (no clock here)."""
        return self.printed_on or self.evaluation.as_of

    @property
    def handout_lang(self) -> str:
        """The patient's language when the record has one, else the language asked for."""
        return self.record.language or self.lang
