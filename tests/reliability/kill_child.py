"""The process test_kill.py kills: it saves, imports, migrates or backs up until SIGKILL.

It prints one line per event on stdout and flushes at once, so the parent knows what had
returned when the kill landed:

- ``TRY <mrn> <sha256>``: a save of this record is about to start;
- ``ACK <mrn> <sha256>``: that save returned (committed);
- ``WRITING`` / ``MIGRATING`` / ``BACKING-UP``: the phase the kills are aimed at has begun;
- ``DONE <exit code>``: the whole job finished before the kill.

Usage: ``python kill_child.py saves DB SEED`` | ``import DB FILE`` | ``migrate DB`` |
``backup DB TARGET``.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from reliability_support import record_hash

AS_OF = date(2026, 11, 25)
SAVE_MRNS = 40  # saves cycle over this many clinic ids, so most saves are updates


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def saves(db_path: str, seed: int) -> int:
    """Add and update patients one save at a time, for ever."""
    from osteodesk.storage.database import open_database
    from osteodesk.storage.demo import generate
    from osteodesk.storage.patients import PatientRepository

    rng = random.Random(seed)
    db = open_database(Path(db_path))
    repo = PatientRepository(db)
    pool = list(generate(200, seed=seed, as_of=AS_OF))
    say("WRITING")
    while True:
        mrn = f"K-{rng.randrange(SAVE_MRNS):03d}"
        record = replace(rng.choice(pool), id=mrn)
        digest = record_hash(record)
        say(f"TRY {mrn} {digest}")
        repo.save(record)
        say(f"ACK {mrn} {digest}")


def run_import(db_path: str, file: str) -> int:
    """`osteodesk import FILE` in this process, announcing when it starts writing."""
    from osteodesk.__main__ import main
    from osteodesk.storage.patients import PatientRepository

    original = PatientRepository.save_many

    def announced(self, records):  # type: ignore[no-untyped-def]
        say("WRITING")
        return original(self, records)

    PatientRepository.save_many = announced  # type: ignore[method-assign]
    return main(["import", file, "--db", db_path, "--as-of", AS_OF.isoformat()])


def migrate(db_path: str) -> int:
    """Open an old database, which backs it up and applies the pending schema steps."""
    from osteodesk.storage import backup, database
    from osteodesk.storage.migrations import migrations

    original_apply = migrations.apply
    original_backup = backup.auto_backup

    def apply(db, **kwargs):  # type: ignore[no-untyped-def]
        say("MIGRATING")
        return original_apply(db, **kwargs)

    def auto_backup(*args, **kwargs):  # type: ignore[no-untyped-def]
        say("BACKING-UP")
        return original_backup(*args, **kwargs)

    migrations.apply = apply  # type: ignore[method-assign]
    backup.auto_backup = auto_backup
    database.open_database(Path(db_path)).close()
    return 0


def run_backup(db_path: str, target: str) -> int:
    """`osteodesk backup --to TARGET` in this process."""
    from osteodesk.__main__ import main

    say("BACKING-UP")
    return main(["backup", "--to", target, "--db", db_path])


def main(argv: list[str]) -> int:
    mode, *rest = argv
    if mode == "saves":
        code = saves(rest[0], int(rest[1]))
    elif mode == "import":
        code = run_import(rest[0], rest[1])
    elif mode == "migrate":
        code = migrate(rest[0])
    elif mode == "backup":
        code = run_backup(rest[0], rest[1])
    else:
        raise SystemExit(f"unknown mode {mode}")
    say(f"DONE {code}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
