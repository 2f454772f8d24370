"""`osteodesk report`: the care plan or the patient handout of one patient as a PDF.

The patient comes from the database, the evaluation from the decision module on `--as-of`
(today by default), the regimen from the patient's active plan (none: the rank-1 option is
printed as proposed) and the letterhead from clinic.json in the data folder. The PDF is written
to a temporary file beside `--out` and renamed, so a half-written file never replaces a good one.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from osteodesk.cli.errors import CommandError, InputError
from osteodesk.core import codes

KINDS = ("care-plan", "handout")
DEFAULT_LANG = "zh_CN"


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """The report options of contract section 4 (plus --as-of, --framework, --large-print)."""
    parser.add_argument(
        "--patient",
        required=True,
        metavar="ID",
        help="the clinic's id of the patient, or the internal number the window shows",
    )
    parser.add_argument("--kind", required=True, choices=KINDS, help="which document")
    parser.add_argument(
        "--lang",
        choices=codes.LANGUAGES,
        help="language (care plan default zh_CN; handout default: the patient's language)",
    )
    parser.add_argument(
        "--large-print", action="store_true", help="large type (at least 14 pt) for the handout"
    )
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument(
        "--as-of", metavar="DATE", help="evaluate on this date (YYYY-MM-DD; default today)"
    )
    parser.add_argument(
        "--framework",
        choices=codes.FRAMEWORKS,
        help=f"governing framework (default: the plan's, else {codes.DEFAULT_FRAMEWORK})",
    )


def _as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--as-of: {text!r} is not a date; use YYYY-MM-DD") from None


def _out_path(text: str) -> Path:
    out = Path(text)
    if out.is_dir():
        raise InputError(f"--out: {text} is a folder; give a file name such as plan.pdf")
    if not out.parent.is_dir():
        raise InputError(f"--out: the folder {out.parent} does not exist")
    return out


def write_atomically(out: Path, content: bytes) -> None:
    """Write `content` to `out` through a temporary file in the same folder and a rename."""
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    """Load, evaluate, render, write; print the file written."""
    from osteodesk.core.decision import evaluate
    from osteodesk.reports import care_plan, handout
    from osteodesk.reports.data import ClinicInfo, ReportInput
    from osteodesk.reports.fonts import FontNotFoundError
    from osteodesk.storage.clinic import load_clinic_settings
    from osteodesk.storage.crypto import env_passphrase
    from osteodesk.storage.database import open_database
    from osteodesk.storage.errors import PatientNotFoundError, StorageError
    from osteodesk.storage.paths import resolve_db_path
    from osteodesk.storage.patients import PatientRepository
    from osteodesk.storage.plans import PlanRepository

    as_of = _as_of(args.as_of)
    out = _out_path(args.out)
    db_path = resolve_db_path(args.db)
    if not db_path.exists():
        raise InputError(
            f"--patient: no patient {args.patient!r} (there is no database at {db_path})"
        )
    try:
        db = open_database(db_path, passphrase=env_passphrase())
        try:
            patients = PatientRepository(db, source="cli")
            try:
                patient_id = patients.resolve(args.patient)
            except PatientNotFoundError:
                raise InputError(
                    f"--patient: no patient with clinic id or internal number {args.patient!r}"
                ) from None
            record = patients.get(patient_id)
            plan = PlanRepository(db, source="cli").active(patient_id)
        finally:
            db.close()
        settings = load_clinic_settings()
    except StorageError as exc:
        raise CommandError(str(exc)) from exc

    framework = args.framework or (plan.framework if plan else codes.DEFAULT_FRAMEWORK)
    if framework not in codes.FRAMEWORKS:
        framework = codes.DEFAULT_FRAMEWORK  # a plan saved under a framework since retired
    evaluation = evaluate(record, as_of=as_of, framework=framework)
    if args.kind == "handout" and args.lang:
        record = replace(record, language=args.lang)  # asked for explicitly: it wins
    data = ReportInput(
        record=record,
        evaluation=evaluation,
        plan=plan,
        clinic=ClinicInfo(
            name=settings.name,
            department=settings.department,
            phone=settings.phone,
            address=settings.address,
            logo_path=settings.logo_path,
        ),
        lang=args.lang or DEFAULT_LANG,
        large_print=args.large_print,
        printed_on=as_of,  # the document speaks as of the evaluation date (default today)
        patient_number=str(patient_id),
    )
    document = care_plan if args.kind == "care-plan" else handout
    try:
        pdf = document.render_pdf(data)
    except FontNotFoundError as exc:
        raise CommandError(str(exc)) from exc
    try:
        write_atomically(out, pdf)
    except OSError as exc:
        raise CommandError(f"--out: cannot write {out}: {exc.strerror or exc}") from exc
    print(out)
    return 0
