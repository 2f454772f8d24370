"""`osteodesk backup --to FILE`, `osteodesk restore FILE` and `osteodesk check [--backup FILE]`.

backup: SQLite's online backup API (safe while the window is open), then the copy is verified
(integrity check, same row counts) before it is renamed into place.
restore: the file is checked first (SQLite, intact, an OsteoDesk schema this version knows); the
replaced database is kept beside it as ``<name>.replaced-<time>``; the swap is a rename.
check: integrity check, foreign keys and schema steps of the database (read-only); with
``--backup FILE`` also compares row counts, patients and a digest of every patient's record.
An encrypted database (and its backups) is opened with ``$OSTEODESK_PASSPHRASE``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from osteodesk.cli.errors import CommandError, InputError
from osteodesk.cli.import_cmd import open_db
from osteodesk.storage.backup import (
    BackupError,
    CheckReport,
    DatabaseInUseError,
    backup_database,
    compare,
    inspect,
    read_only,
    restore_database,
)
from osteodesk.storage.crypto import EncryptedDatabaseError, WrongPassphraseError, env_passphrase
from osteodesk.storage.errors import (
    DatabaseCorruptError,
    NewerDatabaseError,
    NotADatabaseError,
    StorageError,
)
from osteodesk.storage.faults import backup_hint
from osteodesk.storage.paths import resolve_db_path


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Arguments of backup, restore or check (one module serves the three commands)."""
    if name == "backup":
        parser.add_argument("--to", required=True, metavar="FILE", help="the backup file")
    elif name == "restore":
        parser.add_argument("file", metavar="FILE", help="a backup made by `osteodesk backup`")
    else:
        parser.add_argument("--backup", metavar="FILE", help="also compare with this backup")
        parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    """Dispatch on the command name."""
    if args.command == "backup":
        return _backup(args)
    if args.command == "restore":
        return _restore(args)
    return _check(args)


def _backup(args: argparse.Namespace) -> int:
    target = Path(args.to)
    if target.exists() and target.is_dir():
        raise InputError(f"--to: {target} is a folder; give a file name")
    if target.exists() and target.resolve() == resolve_db_path(args.db).resolve():
        raise InputError("--to: that is the database itself")
    db = open_db(args.db, create=False)
    try:
        report = backup_database(db, target)
    except BackupError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        db.close()
    rows = sum(report.row_counts.values())
    print(
        f"backup written to {report.target}: {report.row_counts.get('patients', 0)} patients,"
        f" {rows} rows in {len(report.row_counts)} tables, {report.bytes} bytes;"
        " integrity check ok, row counts equal"
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    source = Path(args.file)
    db_path = resolve_db_path(args.db)
    try:
        report = restore_database(source, db_path, passphrase=env_passphrase())
    except (
        NotADatabaseError,
        DatabaseCorruptError,
        NewerDatabaseError,
        EncryptedDatabaseError,
        WrongPassphraseError,
    ) as exc:
        raise InputError(f"FILE: {exc}") from exc
    except DatabaseInUseError as exc:
        raise CommandError(str(exc)) from exc
    except StorageError as exc:
        raise CommandError(str(exc)) from exc
    kept = (
        f"; the replaced database was kept as {report.kept_previous}"
        if report.kept_previous
        else ""
    )
    print(
        f"restored {report.database} from {report.restored_from}:"
        f" {report.row_counts.get('patients', 0)} patients{kept}"
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    db_path = resolve_db_path(args.db)
    if not db_path.exists():
        raise CommandError(f"no database at {db_path}")
    passphrase = env_passphrase()
    try:
        with read_only(db_path, live=True, passphrase=passphrase) as conn:
            report = inspect(conn, db_path)
            comparison = None
            if args.backup:
                backup_path = Path(args.backup)
                try:
                    with read_only(backup_path, passphrase=passphrase) as backup_conn:
                        backup_report = inspect(backup_conn, backup_path)
                        comparison = compare(conn, backup_conn)
                except (
                    NotADatabaseError,
                    DatabaseCorruptError,
                    EncryptedDatabaseError,
                    WrongPassphraseError,
                ) as exc:
                    raise InputError(f"--backup: {exc}") from exc
    except (NotADatabaseError, DatabaseCorruptError) as exc:
        raise CommandError(f"{exc} {backup_hint(db_path, passphrase=passphrase)}") from exc
    except (EncryptedDatabaseError, WrongPassphraseError) as exc:
        raise CommandError(str(exc)) from exc
    ok = report.ok and (comparison is None or backup_report.ok)
    if args.format == "json":
        out: dict[str, Any] = {"database": _report_json(report), "ok": ok}
        if comparison is not None:
            out["backup"] = _report_json(backup_report)
            out["comparison"] = {
                "same": comparison.same,
                "count_differences": {
                    k: {"database": a, "backup": b}
                    for k, (a, b) in comparison.count_differences.items()
                },
                "only_in_database": comparison.only_in_live,
                "only_in_backup": comparison.only_in_backup,
                "patients_compared": comparison.patients_compared,
                "changed_since_backup": comparison.changed,
                "tables_with_other_content": comparison.content_differences,
            }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        _print_report("database", report)
        if comparison is not None:
            _print_report("backup", backup_report)
            if comparison.same:
                print(
                    "comparison: the backup holds the same rows and patients; the records of"
                    f" all {comparison.patients_compared} patients are identical"
                )
            else:
                for table, (live, saved) in comparison.count_differences.items():
                    print(f"comparison: {table}: {live} in the database, {saved} in the backup")
                if comparison.only_in_live:
                    print(f"comparison: only in the database: {_few(comparison.only_in_live)}")
                if comparison.only_in_backup:
                    print(f"comparison: only in the backup: {_few(comparison.only_in_backup)}")
                if comparison.changed:
                    print(
                        f"comparison: {len(comparison.changed)} of"
                        f" {comparison.patients_compared} patients have another record in the"
                        f" backup: {_few(comparison.changed)}"
                    )
                if comparison.content_differences:
                    print(
                        "comparison: same number of rows but other content in: "
                        + ", ".join(comparison.content_differences)
                    )
    if not ok:
        if not report.ok:
            hint = backup_hint(db_path, passphrase=passphrase)
            print(
                f"check failed: restore a backup (osteodesk restore FILE). {hint}", file=sys.stderr
            )
        else:
            print(f"check failed: the backup {args.backup} is damaged", file=sys.stderr)
        return 1
    return 0


def _report_json(report: CheckReport) -> dict[str, Any]:
    return {
        "path": str(report.path),
        "ok": report.ok,
        "integrity_check": report.integrity,
        "foreign_key_problems": report.foreign_key_problems,
        "applied_steps": report.applied_steps,
        "pending_steps": report.pending_steps,
        "unknown_steps": report.unknown_steps,
        "row_counts": report.row_counts,
    }


def _print_report(label: str, report: CheckReport) -> None:
    print(f"{label}: {report.path}")
    print(f"  integrity check: {'; '.join(report.integrity[:5])}")
    print(f"  foreign keys: {report.foreign_key_problems or 'ok'}")
    print(f"  schema steps: {len(report.applied_steps)} applied", end="")
    if report.pending_steps:
        print(f", {len(report.pending_steps)} pending (applied on next open)", end="")
    if report.unknown_steps:
        print(f", from a newer OsteoDesk: {', '.join(report.unknown_steps)}", end="")
    print()
    print(f"  patients: {report.row_counts.get('patients', 0)}")


def _few(items: list[str]) -> str:
    return ", ".join(items[:10]) + (f" and {len(items) - 10} more" if len(items) > 10 else "")
