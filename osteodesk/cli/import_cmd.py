"""`osteodesk import FILE`: add or update patients from a JSON record file or CSV, all or nothing.

Every record is validated before anything is written; one bad record means exit 2, a report of
every bad record (position, id, field, reason) and an unchanged database. Otherwise all records
are added or updated (matched on `id`, the clinic's number) in one transaction. The CSV columns
are documented in osteodesk.storage.record_files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlite_utils import Database

from osteodesk.cli.errors import CommandError, InputError
from osteodesk.cli.options import parse_as_of
from osteodesk.storage.crypto import env_passphrase
from osteodesk.storage.database import open_database
from osteodesk.storage.errors import StorageError
from osteodesk.storage.paths import resolve_db_path
from osteodesk.storage.patients import PatientRepository
from osteodesk.storage.record_files import RecordFileError, read_record_file, validate_records

MAX_REPORTED_LINES = 500


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """FILE and --as-of."""
    parser.add_argument("file", metavar="FILE", help="records: JSON (one object or a list) or CSV")
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="the day the records are checked against (YYYY-MM-DD; default today)",
    )


def open_db(db_arg: str | None, *, create: bool = True) -> Database:
    """The command's database; storage problems become a message (exit 1).

    An encrypted database is opened with the passphrase in ``$OSTEODESK_PASSPHRASE``.

    Args:
        db_arg: the --db argument (None: $OSTEODESK_DB or the per-user data folder).
        create: make a new database when there is none (import, demo); reading commands
            report a missing database instead of creating an empty one.
    """
    path = resolve_db_path(db_arg)
    if not create and not path.exists():
        raise CommandError(f"no database at {path} (use --db PATH, or import or demo first)")
    try:
        return open_database(path, passphrase=env_passphrase())
    except StorageError as exc:
        raise CommandError(str(exc)) from exc


def run(args: argparse.Namespace) -> int:
    """Validate the whole file, then write it in one transaction."""
    as_of = parse_as_of(args.as_of)
    path = Path(args.file)
    try:
        raw = read_record_file(path)
    except RecordFileError as exc:
        raise InputError(f"FILE: {exc}") from exc
    if not raw:
        raise InputError(f"FILE: {path} holds no records")
    records, bad = validate_records(raw, as_of=as_of)
    if bad:
        lines = [line for item in bad for line in item.lines()]
        shown = lines[:MAX_REPORTED_LINES]
        if len(lines) > len(shown):
            shown.append(f"... and {len(lines) - len(shown)} more problems")
        report = "\n".join(f"  {line}" for line in shown)
        raise InputError(
            f"{len(bad)} of {len(raw)} records in {path} are invalid; nothing was imported:\n"
            f"{report}"
        )
    db = open_db(args.db)
    try:
        _, added, updated = PatientRepository(db, source="import").save_many(records)
    except StorageError as exc:
        raise CommandError(f"nothing was imported: {exc}") from exc
    finally:
        db.close()
    print(f"imported {len(records)} records from {path}: added {added}, updated {updated}")
    print(f"database: {resolve_db_path(args.db)}", file=sys.stderr)
    return 0
