"""`osteodesk export [--format json|csv] [--out FILE]`: every patient as records.

JSON is the record format of contract section 1 (a list), which `import` reads back unchanged;
CSV has the columns documented in osteodesk.storage.record_files. Archived patients are
included. A file is written through a temporary file and a rename, so it is never half written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO

from osteodesk.cli.errors import CommandError
from osteodesk.cli.import_cmd import open_db
from osteodesk.storage.faults import describe
from osteodesk.storage.patients import PatientRepository
from osteodesk.storage.record_files import write_atomically, write_csv, write_json


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """--format and --out."""
    parser.add_argument("--format", choices=("json", "csv"), default="json", help="default json")
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    """Write every patient, in the order they were added."""
    db = open_db(args.db, create=False)
    try:
        repo = PatientRepository(db)
        records = (record for _, record in repo.iter_records(include_archived=True))

        def write(out: IO[str]) -> int:
            return write_csv(records, out) if args.format == "csv" else write_json(records, out)

        if args.out:
            target = Path(args.out)
            if not target.parent.is_dir():
                raise CommandError(f"--out: folder {target.parent} does not exist")
            try:
                count = write_atomically(target, write, bom=args.format == "csv")
            except OSError as exc:
                described = describe(exc, target)  # a full disk, a read-only folder (issue 9)
                reason = described if described else f"cannot write {target}: {exc.strerror}"
                raise CommandError(f"--out: {reason}") from exc
            print(f"exported {count} patients to {target}", file=sys.stderr)
        else:
            count = write(sys.stdout)
            sys.stdout.flush()
    finally:
        db.close()
    return 0
