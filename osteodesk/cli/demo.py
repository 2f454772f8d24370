"""`osteodesk demo --patients N [--seed S]`: fill the database with synthetic patients."""

from __future__ import annotations

import argparse
import time

from osteodesk.cli.errors import InputError
from osteodesk.cli.import_cmd import open_db
from osteodesk.cli.options import parse_as_of
from osteodesk.storage.demo import fill
from osteodesk.storage.paths import resolve_db_path

MAX_PATIENTS = 1_000_000


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """--patients, --seed, --as-of."""
    parser.add_argument("--patients", type=int, required=True, metavar="N", help="how many")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same patients (default 0)")
    parser.add_argument(
        "--as-of", metavar="DATE", help="the day the histories lead up to (default today)"
    )


def run(args: argparse.Namespace) -> int:
    """Add the patients in one transaction."""
    if not 1 <= args.patients <= MAX_PATIENTS:
        raise InputError(f"--patients: must be between 1 and {MAX_PATIENTS} (got {args.patients})")
    as_of = parse_as_of(args.as_of)
    started = time.perf_counter()
    db = open_db(args.db)
    try:
        added = fill(db, args.patients, seed=args.seed, as_of=as_of)
    finally:
        db.close()
    print(
        f"added {added} synthetic patients (seed {args.seed}, as of {as_of.isoformat()})"
        f" to {resolve_db_path(args.db)} in {time.perf_counter() - started:.1f} s"
    )
    return 0
