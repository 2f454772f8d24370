"""`osteodesk due`: the follow-up worklist (contract section 4).

Reads the stored due items (one indexed query; nothing is re-evaluated unless a patient's items
were computed under older rules or before the worklist existed). JSON is a list, most urgent
first, of ``{"patient", "name", "code", "due_date", "status", "detail"}``; CSV has the same
columns; text is one aligned line per item. ``--format ics --patient ID`` writes one patient's
schedule as an iCalendar file for a phone.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from typing import Any

from osteodesk.cli.errors import CommandError, InputError
from osteodesk.cli.import_cmd import open_db
from osteodesk.core import codes
from osteodesk.core.icalendar import schedule_calendar
from osteodesk.core.worklist import DUE_CODES, STATUSES, csv_text
from osteodesk.storage.due import DueRepository, WorklistEntry
from osteodesk.storage.errors import PatientNotFoundError
from osteodesk.storage.patients import PatientRepository

FORMATS = ("json", "csv", "text", "ics")
DEFAULT_WITHIN_DAYS = 30
MAX_WITHIN_DAYS = 3650


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """--as-of, --within, --format, --code, --lang, --patient, --include-snoozed."""
    parser.add_argument(
        "--as-of", metavar="DATE", help="the day the list is for (YYYY-MM-DD; default today)"
    )
    parser.add_argument(
        "--within",
        metavar="DAYS",
        default=str(DEFAULT_WITHIN_DAYS),
        help=f"list what falls due up to DAYS days ahead, day DAYS included "
        f"(default {DEFAULT_WITHIN_DAYS}); overdue items are always listed",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="default text; ics writes one patient's schedule (needs --patient)",
    )
    parser.add_argument(
        "--code",
        action="append",
        choices=DUE_CODES,
        metavar="CODE",
        help=f"only this type of item (repeatable): {', '.join(DUE_CODES)}",
    )
    parser.add_argument(
        "--lang", choices=codes.LANGUAGES, default="en", help="language of the detail (default en)"
    )
    parser.add_argument(
        "--patient", metavar="ID", help="only this patient (clinic id or internal number)"
    )
    parser.add_argument("--include-snoozed", action="store_true", help="list snoozed items too")


def _as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--as-of: {text!r} is not a date; use YYYY-MM-DD") from None


def _within(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise InputError(f"--within: {text!r} is not a whole number of days") from None
    if not 0 <= days <= MAX_WITHIN_DAYS:
        raise InputError(f"--within: must be between 0 and {MAX_WITHIN_DAYS} days (got {days})")
    return days


def run(args: argparse.Namespace) -> int:
    """Print the worklist (or one patient's calendar)."""
    as_of = _as_of(args.as_of)
    within = _within(args.within)
    if args.format == "ics" and not args.patient:
        raise InputError("--patient: required with --format ics (whose schedule to write)")
    db = open_db(args.db, create=False)
    try:
        patients = PatientRepository(db, source="cli")
        due = DueRepository(db, patients=patients, source="cli")
        due.refresh_stale(as_of)
        patient_id = None
        if args.patient:
            try:
                patient_id = patients.resolve(args.patient)
            except PatientNotFoundError:
                raise InputError(f"--patient: no patient {args.patient!r}") from None
        if args.format == "ics":
            assert patient_id is not None
            record = patients.get(patient_id)
            sys.stdout.write(
                schedule_calendar(
                    due.schedule(patient_id),
                    patient=record.id or str(patient_id),
                    name=record.name,
                    lang=args.lang,
                    stamp=datetime.now(UTC),
                )
            )
            return 0
        entries = due.worklist(
            as_of,
            within,
            codes=args.code,
            include_snoozed=args.include_snoozed,
            patient_id=patient_id,
            details=True,
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        db.close()
    lines = [entry.line(args.lang) for entry in entries]
    if args.format == "json":
        print(json.dumps(lines, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(csv_text(lines))
    else:
        _print_text(entries, lines, args.lang)
    counts = {status: sum(1 for e in entries if e.status == status) for status in STATUSES}
    print(
        f"{len(entries)} items as of {as_of.isoformat()} within {within} days: "
        + ", ".join(f"{counts[s]} {s}" for s in STATUSES),
        file=sys.stderr,
    )
    return 0


def _print_text(entries: list[WorklistEntry], lines: list[dict[str, Any]], lang: str) -> None:
    for entry, line in zip(entries, lines, strict=True):
        what = entry.what(lang)
        print(
            "\t".join(
                (
                    entry.status.ljust(8),
                    line["due_date"],
                    entry.display_id,
                    entry.name or "",
                    what,
                    line["detail"],
                )
            )
        )
