"""`osteodesk search TEXT`: patients by name, pinyin, initials, clinic id, phone or birth date."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from osteodesk.cli.errors import InputError
from osteodesk.cli.import_cmd import open_db
from osteodesk.storage.patients import PatientSummary
from osteodesk.storage.search import MAX_LIMIT, PatientSearch


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """TEXT, --format, --limit, --archived."""
    parser.add_argument("text", metavar="TEXT", help="name, pinyin, initials, id, phone or date")
    parser.add_argument("--format", choices=("json", "text"), default="text", help="default text")
    parser.add_argument("--limit", type=int, default=50, help="most results (default 50)")
    parser.add_argument(
        "--archived", action="store_true", help="include archived patients in the results"
    )


def patient_json(line: PatientSummary) -> dict[str, Any]:
    """Contract section 4: the clinic id if there is one, else the internal number."""
    return {
        "patient": line.mrn if line.mrn is not None else line.id,
        "name": line.name,
        "sex": line.sex,
        "birth_date": line.birth_date.isoformat(),
    }


def run(args: argparse.Namespace) -> int:
    """Print the matches, best first."""
    if not 1 <= args.limit <= MAX_LIMIT:
        raise InputError(f"--limit: must be between 1 and {MAX_LIMIT} (got {args.limit})")
    if not args.text.strip():
        raise InputError("TEXT: must not be empty")
    db = open_db(args.db, create=False)
    try:
        found = PatientSearch(db).search(
            args.text, limit=args.limit, include_archived=args.archived
        )
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps([patient_json(line) for line in found], ensure_ascii=False, indent=2))
        return 0
    for line in found:
        print(
            "\t".join(
                (line.display_id, line.name or "", line.sex, line.birth_date.isoformat())
                + (("archived",) if line.archived else ())
            )
        )
    if not found:
        print(f"no patient matches {args.text!r}", file=sys.stderr)
    return 0
