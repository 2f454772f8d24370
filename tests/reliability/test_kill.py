"""Crash safety, for real: SIGKILL a process at random points while it writes, then check.

Four kinds of work are killed (kill_child.py does them): single saves in a loop, an import of
a large file, opening an old database (automatic backup, then the pending schema steps, and
creating a new database), and `osteodesk backup --to`. Each kill is aimed at the phase that
writes: the child announces the phase, and the kill comes a random time into it (the phase's
length is measured once per kind, uninterrupted). Afterwards:

- ``PRAGMA integrity_check`` is "ok" and foreign keys hold;
- every save the child acknowledged (it prints the record's digest after `save` returned) is
  in the database with that content: only the one save in flight may be newer;
- an import is all there or not at all; the patients that were there before are unchanged;
- a migrated database holds a prefix of the schema steps whose schema matches, and opens;
- a killed backup leaves no file that passes `check` unless it holds everything.

``OSTEODESK_KILL_RUNS`` sets the number of kills (default 104, about a minute on 2 cores);
``OSTEODESK_KILL_SEED`` the random seed. The summary line is printed even when pytest captures.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pytest
from reliability_support import digests_of, integrity, record_hash

from osteodesk.core.record import record_to_json
from osteodesk.storage.backup import inspect, read_only
from osteodesk.storage.crypto import table_digests
from osteodesk.storage.database import open_database
from osteodesk.storage.demo import generate
from osteodesk.storage.migrations import known_steps, migrations
from osteodesk.storage.patients import PatientRepository

pytestmark = pytest.mark.slow

CHILD = Path(__file__).with_name("kill_child.py")
AS_OF = date(2026, 11, 25)
KILL_RUNS = int(os.environ.get("OSTEODESK_KILL_RUNS", "104"))
SEED = int(os.environ.get("OSTEODESK_KILL_SEED", "20261125"))
# Shares of the kills: saves, imports, migrations, creations of a new database, backups.
SHARES = {"saves": 0.3, "imports": 0.25, "migrations": 0.2, "creations": 0.05, "backups": 0.2}
OLD_STEPS = 4  # the old database has the first four schema steps (before 0005)
IMPORT_RECORDS = 600
MIGRATION_PATIENTS = 1000
BACKUP_PATIENTS = 2000
OTHER_PATIENTS = 3
WORKERS = 2


@dataclass
class Tally:
    """What the harness did and found, per kind of work."""

    kills: Counter[str] = field(default_factory=Counter)
    finished: Counter[str] = field(default_factory=Counter)
    in_phase: Counter[str] = field(default_factory=Counter)
    records_checked: int = 0
    records_lost: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, *, killed: bool, in_phase: bool, checked: int, lost: list[str]):
        with self.lock:
            (self.kills if killed else self.finished)[kind] += 1
            self.in_phase[kind] += killed and in_phase
            self.records_checked += checked
            self.records_lost += lost


class Child:
    """A kill_child.py process whose output lines are drained as they come."""

    def __init__(self, args: list[str], data_dir: Path) -> None:
        env = {**os.environ, "OSTEODESK_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
        env.pop("OSTEODESK_DB", None)
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.lines: list[str] = []
        self._seen = threading.Condition()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._seen:
                self.lines.append(line.rstrip("\n"))
                self._seen.notify_all()
        self.proc.stdout.close()
        with self._seen:
            self.lines.append("<EOF>")
            self._seen.notify_all()

    def wait_for(self, marker: str, timeout: float = 60) -> float:
        """Block until a line starting with `marker` (or the end); return when it came."""
        deadline = time.monotonic() + timeout
        with self._seen:
            while not any(line.startswith((marker, "<EOF>")) for line in self.lines):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no {marker} from the child")
                self._seen.wait(left)
        return time.monotonic()

    def kill_after(self, delay: float) -> bool:
        """SIGKILL after `delay` seconds; True if the process was still running then."""
        time.sleep(delay)
        running = self.proc.poll() is None
        if running:
            self.proc.send_signal(signal.SIGKILL)
        self.finish()
        return running and self.proc.returncode == -signal.SIGKILL

    def finish(self) -> None:
        self.proc.wait(timeout=120)
        self._reader.join(timeout=10)
        assert self.proc.stderr is not None
        self.stderr = self.proc.stderr.read()
        self.proc.stderr.close()

    def has(self, prefix: str) -> bool:
        return any(line.startswith(prefix) for line in self.lines)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_digests_of(path: Path) -> dict[str, str]:
    with read_only(path) as conn:
        return table_digests(conn)


def assert_intact(path: Path) -> None:
    assert integrity(path) == ["ok"], path
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], path
    finally:
        conn.close()


def applied_steps(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "_sqlite_migrations" not in tables:
            return []
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def index_names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    finally:
        conn.close()


# --- templates (made once) ----------------------------------------------------------------


@dataclass
class Templates:
    folder: Path
    import_file: Path
    import_digests: dict[str, str]
    with_others: Path
    others: dict[str, str]
    old_db: Path
    old_digests: dict[str, str]
    backup_db: Path
    backup_sha256: str
    backup_tables: dict[str, str]


def make_templates(folder: Path) -> Templates:
    records = [
        replace(r, id=f"IMP-{i:04d}")
        for i, r in enumerate(generate(IMPORT_RECORDS, seed=11, as_of=AS_OF))
    ]
    import_file = folder / "import.json"
    import_file.write_text(
        json.dumps([record_to_json(r) for r in records], ensure_ascii=False), encoding="utf-8"
    )
    import_digests = {r.id or "": record_hash(r) for r in records}

    with_others = folder / "others.sqlite3"
    db = open_database(with_others)
    repo = PatientRepository(db)
    for i, record in enumerate(generate(OTHER_PATIENTS, seed=99, as_of=AS_OF)):
        repo.add(replace(record, id=f"OTHER-{i}"))
    db.close()

    old_db = make_old_database(folder)

    backup_db = folder / "big.sqlite3"
    db = open_database(backup_db)
    PatientRepository(db).add_bulk(generate(BACKUP_PATIENTS, seed=7, as_of=AS_OF), note="big")
    db.close()
    return Templates(
        folder=folder,
        import_file=import_file,
        import_digests=import_digests,
        with_others=with_others,
        others=digests_of(with_others),
        old_db=old_db,
        old_digests=digests_of(old_db),
        backup_db=backup_db,
        backup_sha256=file_sha256(backup_db),
        backup_tables=table_digests_of(backup_db),
    )


def make_old_database(folder: Path) -> Path:
    """A database of an older OsteoDesk: the first OLD_STEPS schema steps, full of patients.

    The patients are written by today's code into a current database and copied column by
    column into a database made with the old steps only (today's repository may write tables
    the old schema does not have yet).
    """
    current = folder / "current.sqlite3"
    db = open_database(current)
    PatientRepository(db).add_bulk(generate(MIGRATION_PATIENTS, seed=5, as_of=AS_OF), note="old")
    db.close()
    old_db = folder / "old.sqlite3"
    db = open_database(old_db, migrate=False)
    migrations.apply(db, stop_before=known_steps()[OLD_STEPS])
    db.close()
    conn = sqlite3.connect(old_db)
    try:
        conn.execute("ATTACH DATABASE ? AS current", [str(current)])
        old_tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM main.sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
            )
        ]
        for table in old_tables:
            columns = ", ".join(
                f'"{r[1]}"' for r in conn.execute(f'PRAGMA main.table_info("{table}")')
            )
            conn.execute(
                f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM current."{table}"'
            )
        conn.commit()
    finally:
        conn.close()
    assert applied_steps(old_db) == known_steps()[:OLD_STEPS]
    assert integrity(old_db) == ["ok"]
    return old_db


def measure(job_dir: Path, args: list[str], marker: str) -> float:
    """Seconds from `marker` to DONE in an uninterrupted run: the phase the kills aim at."""
    child = Child(args, job_dir / "data")
    started = child.wait_for(marker)
    done = child.wait_for("DONE")
    child.finish()
    assert child.proc.returncode == 0, child.stderr
    return max(done - started, 0.005)


# --- one kill of each kind ------------------------------------------------------------------


def kill_saves(job: Path, rng: random.Random, tally: Tally, _t: Templates, _phase: float) -> bool:
    db = job / "saves.sqlite3"
    child = Child(["saves", str(db), str(rng.randrange(1 << 30))], job / "data")
    child.wait_for("WRITING")
    killed = child.kill_after(rng.uniform(0.005, 0.25))
    last_ack: dict[str, str] = {}
    in_flight: tuple[str, str] | None = None
    for line in child.lines:
        kind, _, rest = line.partition(" ")
        if kind == "TRY":
            mrn, digest = rest.split()
            in_flight = (mrn, digest)
        elif kind == "ACK":
            mrn, digest = rest.split()
            last_ack[mrn] = digest
            in_flight = None
    assert_intact(db)
    found = digests_of(db)
    lost = []
    for mrn, digest in last_ack.items():
        if found.get(mrn) != digest and (in_flight is None or found.get(mrn) != in_flight[1]):
            lost.append(f"save {mrn}")
    for mrn in set(found) - set(last_ack):
        # Only the save in flight may have committed without its acknowledgement.
        assert in_flight is not None, mrn
        assert (mrn, found[mrn]) == in_flight
    tally.add("saves", killed=killed, in_phase=True, checked=len(last_ack), lost=lost)
    return killed


def kill_import(job: Path, rng: random.Random, tally: Tally, t: Templates, phase: float) -> bool:
    db = job / "import.sqlite3"
    shutil.copy(t.with_others, db)
    child = Child(["import", str(db), str(t.import_file)], job / "data")
    child.wait_for("WRITING")
    killed = child.kill_after(rng.uniform(0, phase))
    assert_intact(db)
    found = digests_of(db)
    others = {k: v for k, v in found.items() if k.startswith("OTHER-")}
    imported = {k: v for k, v in found.items() if not k.startswith("OTHER-")}
    lost = [f"existing {k}" for k in t.others if others.get(k) != t.others[k]]
    if child.has("DONE"):
        lost += [f"import {k}" for k in t.import_digests if imported.get(k) != t.import_digests[k]]
    assert imported in ({}, t.import_digests), f"half an import: {len(imported)} records"
    in_phase = child.has("WRITING") and not child.has("DONE")
    tally.add("imports", killed=killed, in_phase=in_phase, checked=len(found), lost=lost)
    return killed


def kill_migration(
    job: Path,
    rng: random.Random,
    tally: Tally,
    t: Templates,
    phase: float,
    *,
    creating: bool = False,
) -> bool:
    db = job / "clinic.sqlite3"
    if not creating:
        shutil.copy(t.old_db, db)
    child = Child(["migrate", str(db)], job / "data")
    child.wait_for("BACKING-UP" if not creating else "MIGRATING")
    killed = child.kill_after(rng.uniform(0, phase))
    steps = known_steps()
    applied = applied_steps(db) if db.exists() else []
    assert applied == steps[: len(applied)], applied
    if db.exists() and db.stat().st_size:
        assert_intact(db)
        indexes = index_names(db)
        if len(applied) >= 5:
            assert "patients_list_name" in indexes
            assert "patients_sort_key" not in indexes
        elif len(applied) >= 1:
            assert "patients_sort_key" in indexes
            assert "patients_list_name" not in indexes
    if not creating:
        assert len(applied) >= OLD_STEPS
    # Whatever was left opens, is completed, and holds every patient unchanged.
    reopened = open_database(db)
    reopened.close()
    assert applied_steps(db) == steps
    found = digests_of(db)
    expected = {} if creating else t.old_digests
    lost = [f"migrated {k}" for k in expected if found.get(k) != expected[k]]
    assert set(found) == set(expected)
    # Every automatic backup that exists (made before migrating) is complete.
    for made in (job / "data" / "backups").glob("*.sqlite3"):
        with read_only(made) as conn:
            assert inspect(conn, made).ok
        assert digests_of(made) == t.old_digests
    in_phase = child.has("BACKING-UP") or child.has("MIGRATING")
    kind = "creations" if creating else "migrations"
    tally.add(
        kind,
        killed=killed,
        in_phase=in_phase and not child.has("DONE"),
        checked=len(found),
        lost=lost,
    )
    return killed


def kill_backup(job: Path, rng: random.Random, tally: Tally, t: Templates, phase: float) -> bool:
    db = job / "big.sqlite3"
    shutil.copy(t.backup_db, db)
    target = job / "copy.sqlite3"
    child = Child(["backup", str(db), str(target)], job / "data")
    child.wait_for("BACKING-UP")
    killed = child.kill_after(rng.uniform(0, phase))
    for suffix in ("-wal", "-shm"):  # the backup only read: its WAL holds no frames
        companion = db.with_name(db.name + suffix)
        assert not companion.exists() or suffix == "-shm" or companion.stat().st_size == 0
    lost = [] if file_sha256(db) == t.backup_sha256 else ["the database being backed up"]
    for left in sorted(job.iterdir()):
        if left.name.startswith(("big.sqlite3", "data")) or left.name.endswith("-journal"):
            continue
        # Any file the backup left: if `check --backup` would call it good, it is complete.
        try:
            with read_only(left) as copy_conn:
                accepted = inspect(copy_conn, left).ok
                same = table_digests(copy_conn) == t.backup_tables if accepted else False
        except Exception:  # noqa: BLE001 - unreadable means refused, which is what we want
            accepted, same = False, False
        if left == target:
            assert accepted, "the named backup file exists but does not pass check"
            assert same, "the named backup file exists but is not complete"
        elif accepted:
            assert same, f"{left.name} passes check but is not a complete copy"
    in_phase = not child.has("DONE")
    tally.add("backups", killed=killed, in_phase=in_phase, checked=0, lost=lost)
    return killed


KINDS: dict[str, Callable[..., bool]] = {
    "saves": kill_saves,
    "imports": kill_import,
    "migrations": kill_migration,
    "creations": functools.partial(kill_migration, creating=True),
    "backups": kill_backup,
}


def test_sigkill_loses_no_acknowledged_record(tmp_path, summary_line):
    started = time.monotonic()
    rng = random.Random(SEED)
    templates_dir = tmp_path / "templates"
    templates_dir.mkdir()
    t = make_templates(templates_dir)

    probe = tmp_path / "probe"
    probe.mkdir()
    shutil.copy(t.with_others, probe / "i.sqlite3")
    shutil.copy(t.old_db, probe / "m.sqlite3")
    shutil.copy(t.backup_db, probe / "b.sqlite3")
    phases = {
        "saves": 0.0,
        "imports": measure(
            probe, ["import", str(probe / "i.sqlite3"), str(t.import_file)], "WRITING"
        ),
        "migrations": measure(probe, ["migrate", str(probe / "m.sqlite3")], "BACKING-UP"),
        "creations": measure(probe, ["migrate", str(probe / "new.sqlite3")], "MIGRATING"),
        "backups": measure(
            probe, ["backup", str(probe / "b.sqlite3"), str(probe / "b-copy.sqlite3")], "BACKING-UP"
        ),
    }

    plan: list[str] = []
    for name, share in SHARES.items():
        plan += [name] * max(1, round(KILL_RUNS * share))
    rng.shuffle(plan)
    tally = Tally()
    seeds = [rng.randrange(1 << 30) for _ in plan]

    def run(index: int) -> None:
        job = tmp_path / f"job{index:03d}"
        job.mkdir()
        job_rng = random.Random(seeds[index])
        name = plan[index]
        # A kill that came too late (the work had finished) is retried with a shorter delay.
        for _attempt in range(8):
            if KINDS[name](job, job_rng, tally, t, phases[name]):
                break
            shutil.rmtree(job)
            job.mkdir()
        shutil.rmtree(job, ignore_errors=True)

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run, range(len(plan))))

    kills = sum(tally.kills.values())
    elapsed = time.monotonic() - started
    parts = ", ".join(
        f"{name} {tally.kills[name]} ({tally.in_phase[name]} mid-write)"
        for name in ("saves", "imports", "migrations", "creations", "backups")
    )
    summary_line(
        f"kill harness: {kills} kills survived [{parts}], {sum(tally.finished.values())} runs"
        f" finished before their kill, {tally.records_checked} records checked,"
        f" records lost = {len(tally.records_lost)}, integrity ok, seed {SEED},"
        f" {elapsed:.0f} s"
    )
    assert tally.records_lost == []
    assert kills >= min(KILL_RUNS, 100), tally.kills
    for name in ("saves", "imports", "migrations", "backups"):
        assert tally.in_phase[name] > 0, f"no kill landed while {name} were writing"
