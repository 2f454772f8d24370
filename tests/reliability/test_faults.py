"""Faults of the disk and the file: each gives a clear message and loses nothing.

Full disk (SQLite's page limit, an injected ENOSPC, a real tmpfs), read-only file and folder,
a lock held by another process, a file that is not SQLite, a truncated file, a database of a
newer OsteoDesk, an encrypted file without (or with a wrong) passphrase. Every command runs
in-process through ``osteodesk.__main__.main``, so a traceback would show up in stderr. After
each failed write the database still passes its integrity check and holds every committed
record unchanged (byte-identical where nothing could have touched it).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reliability_support import digests_of, integrity

from osteodesk.__main__ import main
from osteodesk.core.record import record_to_json
from osteodesk.storage import backup as backup_module
from osteodesk.storage import crypto, database, faults, paths
from osteodesk.storage.backup import auto_backup, list_auto_backups
from osteodesk.storage.database import open_database
from osteodesk.storage.demo import generate
from osteodesk.storage.errors import StorageError
from osteodesk.storage.patients import PatientRepository

AS_OF = date(2026, 11, 25)
PATIENTS = 30


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    assert "Traceback" not in out
    return code, out, err


def fill(path: Path, count: int = PATIENTS, *, passphrase: str | None = None) -> dict[str, str]:
    db = open_database(path, passphrase=passphrase)
    repo = PatientRepository(db)
    for i, record in enumerate(generate(count, seed=3, as_of=AS_OF)):
        repo.add(replace(record, id=f"MRN-{i:03d}"))
    db.close()
    return digests_of(path, passphrase)


def records_file(folder: Path, count: int, prefix: str = "NEW") -> Path:
    data = [
        record_to_json(replace(r, id=f"{prefix}-{i:04d}"))
        for i, r in enumerate(generate(count, seed=8, as_of=AS_OF))
    ]
    path = folder / f"{prefix.lower()}-{count}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def clinic(tmp_path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "clinic.sqlite3"
    return path, fill(path)


def assert_nothing_lost(path: Path, before: dict[str, str]) -> None:
    assert integrity(path) == ["ok"]
    assert digests_of(path) == before


# --- disk full ----------------------------------------------------------------------------


def test_import_into_a_full_database_fails_cleanly(clinic, tmp_path, capsys, monkeypatch):
    """SQLITE_FULL for real: the connection may not grow the file past a few pages."""
    path, before = clinic
    real_open = database.open_database

    def limited(*args, **kwargs):
        db = real_open(*args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 2}")
        return db

    monkeypatch.setattr("osteodesk.cli.import_cmd.open_database", limited)
    code, _, err = run(capsys, "import", str(records_file(tmp_path, 200)), "--db", str(path))
    assert code == 1
    assert f"cannot write {path}: the disk is full" in err
    assert "Free some space" in err
    assert_nothing_lost(path, before)


def test_a_save_on_a_full_disk_raises_a_described_error(clinic, make_record):
    path, before = clinic
    db = open_database(path)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    big = make_record(id="BIG", notes="x" * 15_000)
    with pytest.raises(sqlite3.OperationalError) as caught:
        PatientRepository(db).add(big)
    described = faults.describe(caught.value, path)
    assert isinstance(described, faults.DiskFullError)
    assert str(path) in str(described)
    db.close()
    assert_nothing_lost(path, before)


def test_backup_on_a_full_disk_leaves_no_file(clinic, tmp_path, capsys, monkeypatch):
    path, before = clinic
    real_copy = backup_module._copy

    def copy_then_run_out_of_space(src, temp, passphrase=None):
        real_copy(src, temp, passphrase)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(temp))

    monkeypatch.setattr(backup_module, "_copy", copy_then_run_out_of_space)
    target = tmp_path / "usb" / "copy.sqlite3"
    target.parent.mkdir()
    code, _, err = run(capsys, "backup", "--to", str(target), "--db", str(path))
    assert code == 1
    assert f"backup to {target} failed" in err
    assert "the disk is full" in err
    assert list(target.parent.iterdir()) == []
    assert_nothing_lost(path, before)


def test_export_on_a_full_disk_keeps_the_old_file(clinic, tmp_path, capsys, monkeypatch):
    path, before = clinic
    out = tmp_path / "all.json"
    out.write_text("yesterday's export", encoding="utf-8")

    def write_then_run_out_of_space(records, handle):
        handle.write("[")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("osteodesk.cli.export_cmd.write_json", write_then_run_out_of_space)
    code, _, err = run(capsys, "export", "--db", str(path), "--out", str(out))
    assert code == 1
    assert f"--out: cannot write {out}: the disk is full" in err
    assert out.read_text(encoding="utf-8") == "yesterday's export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".all")) == []
    assert_nothing_lost(path, before)


@pytest.fixture
def small_tmpfs(tmp_path):
    """A 1.5 MB tmpfs (real ENOSPC from the kernel), or a skip where mounting is not allowed."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_import_onto_a_full_tmpfs(small_tmpfs, tmp_path, capsys):
    path = small_tmpfs / "clinic.sqlite3"
    before = fill(path, 10)
    code, _, err = run(capsys, "import", str(records_file(tmp_path, 800)), "--db", str(path))
    assert code == 1
    assert "the disk is full" in err
    assert str(path) in err
    assert_nothing_lost(path, before)


def test_backup_onto_a_full_tmpfs(clinic, small_tmpfs, capsys):
    path, before = clinic
    filler = small_tmpfs / "filler"
    filler.write_bytes(b"\0" * (1536 * 1024 - 64 * 1024))
    target = small_tmpfs / "copy.sqlite3"
    code, _, err = run(capsys, "backup", "--to", str(target), "--db", str(path))
    assert code == 1
    assert "the disk is full" in err
    assert sorted(p.name for p in small_tmpfs.iterdir()) == ["filler"]
    assert_nothing_lost(path, before)


# --- read-only ----------------------------------------------------------------------------


def _without_root_powers() -> list[str] | None:
    """A command prefix that runs a process without root's power to ignore file modes."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


def _cli_process(prefix: list[str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "osteodesk", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**os.environ, "OSTEODESK_DATA_DIR": str(paths.data_dir())},
    )


def test_read_only_file_and_folder(clinic, tmp_path):
    prefix = _without_root_powers()
    if prefix is None:
        pytest.skip("running as root without setpriv: file modes would not apply")
    path, before = clinic
    new = records_file(tmp_path, 5)
    path.chmod(0o444)
    path.parent.chmod(0o555)
    image = path.read_bytes()
    try:
        done = _cli_process(prefix, "import", str(new), "--db", str(path))
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        assert f"cannot write {path}: the file or its folder is read-only" in done.stderr
        assert "Make both writable" in done.stderr
    finally:
        path.parent.chmod(0o755)
        path.chmod(0o644)
    assert path.read_bytes() == image
    assert_nothing_lost(path, before)


def test_read_only_mount(clinic, tmp_path, capsys):
    path, before = clinic
    folder = path.parent / "ro"
    folder.mkdir()
    shutil.move(path, folder / path.name)
    path = folder / path.name
    bound = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bound.returncode != 0:
        pytest.skip("bind mounts are not allowed here")
    try:
        remount = subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True, check=False
        )
        if remount.returncode != 0:
            pytest.skip("read-only remounts are not allowed here")
        image = path.read_bytes()
        code, _, err = run(capsys, "import", str(records_file(tmp_path, 5)), "--db", str(path))
        assert code == 1
        assert f"cannot write {path}: the file or its folder is read-only" in err
        assert path.read_bytes() == image
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    assert_nothing_lost(path, before)


# --- locked by another process ------------------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT INTO audit_log (at, source, entity, action) VALUES ('x', 'x', 'x', 'x')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def test_database_locked_by_another_process(clinic, tmp_path, capsys, monkeypatch):
    path, before = clinic
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), "3"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        code, _, err = run(capsys, "import", str(records_file(tmp_path, 5)), "--db", str(path))
        waited = time.monotonic() - started
    finally:
        holder.wait(timeout=30)
        assert holder.stdout is not None
        holder.stdout.close()
    assert code == 1
    assert f"{path} is busy: another program" in err
    assert "for more than 0.3 s" in err
    assert waited < 2.5  # gave up after the busy timeout, not after the holder let go
    assert_nothing_lost(path, before)


# --- files that are not a usable database --------------------------------------------------


def test_not_sqlite(tmp_path, capsys):
    path = tmp_path / "clinic.sqlite3"
    path.write_text("name,phone\n王秀英,138\n", encoding="utf-8")
    image = path.read_bytes()
    code, _, err = run(capsys, "import", str(records_file(tmp_path, 3)), "--db", str(path))
    assert code == 1
    assert f"{path} is not an OsteoDesk database" in err
    assert path.read_bytes() == image


def test_truncated_file_names_the_latest_verified_backup(clinic, tmp_path, capsys):
    path, before = clinic
    older = auto_backup(path, "close")
    newest = auto_backup(path, "close")
    assert older is not None
    assert newest is not None
    newest.write_bytes(newest.read_bytes()[:8192])  # a damaged backup is never offered
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    code, _, err = run(capsys, "export", "--db", str(path))
    assert code == 1
    assert f"{path} is damaged: the file is truncated" in err
    assert f"The latest verified backup is {older}" in err
    assert f"restore it with `osteodesk restore {older}`" in err
    # Doing what the message says brings every record back.
    code, out, _ = run(capsys, "restore", str(older), "--db", str(path))
    assert code == 0, out
    assert_nothing_lost(path, before)


def test_corrupt_page_is_reported_by_check_with_the_backup(clinic, capsys):
    path, _ = clinic
    made = auto_backup(path, "close")
    size = path.stat().st_size
    with path.open("r+b") as handle:  # scribble over every page but the first
        for offset in range(4096 + 8, size, 4096):
            handle.seek(offset)
            handle.write(os.urandom(512))
    code, _, err = run(capsys, "check", "--db", str(path))
    assert code == 1
    assert f"The latest verified backup is {made}" in err


def test_newer_osteodesk_database(clinic, tmp_path, capsys):
    path, before = clinic
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('osteodesk', '9999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    image = path.read_bytes()
    code, _, err = run(capsys, "import", str(records_file(tmp_path, 3)), "--db", str(path))
    assert code == 1
    assert f"{path} comes from a newer OsteoDesk" in err
    assert "Update OsteoDesk; the file was not changed" in err
    assert path.read_bytes() == image


def test_database_killed_while_being_created_opens(tmp_path):
    """The steps table alone (created, nothing applied) is a new database, not a foreign one."""
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
        " name TEXT, applied_at TEXT)"
    )
    conn.commit()
    conn.close()
    db = open_database(path)
    assert PatientRepository(db).count() == 0
    db.close()


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
def test_encrypted_without_or_with_a_wrong_passphrase(tmp_path, capsys, monkeypatch):
    path = tmp_path / "clinic.sqlite3"
    before = fill(path, 5, passphrase="correct horse battery")
    image = path.read_bytes()
    monkeypatch.delenv(crypto.PASSPHRASE_ENV, raising=False)
    code, _, err = run(capsys, "export", "--db", str(path))
    assert code == 1
    assert f"{path} is encrypted: give its passphrase" in err
    assert "OSTEODESK_PASSPHRASE" in err
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, "Correct horse battery")
    code, _, err = run(capsys, "import", str(records_file(tmp_path, 3)), "--db", str(path))
    assert code == 1
    assert f"wrong passphrase for {path}" in err
    assert path.read_bytes() == image
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, "correct horse battery")
    code, out, _ = run(capsys, "search", "MRN-001", "--db", str(path))
    assert code == 0
    assert "MRN-001" in out
    assert digests_of(path, "correct horse battery") == before


def test_window_start_on_a_broken_file_prints_the_message(tmp_path, capsys):
    """run_gui refuses a damaged file with the storage message (what the dialog shows)."""
    from osteodesk.ui.app import run_gui

    path = tmp_path / "clinic.sqlite3"
    fill(path, 3)
    made = auto_backup(path, "close")
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    args = argparse.Namespace(command="gui", db=str(path))
    assert run_gui(args, interactive=False) == 1
    err = capsys.readouterr().err
    assert f"{path} is damaged" in err
    assert f"The latest verified backup is {made}" in err
    assert "Traceback" not in err


def test_hint_when_there_is_no_backup(tmp_path):
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\0" * 200)
    with pytest.raises(StorageError) as caught:
        open_database(path)
    assert "No verified automatic backup was found" in str(caught.value)
    assert list_auto_backups(path.stem) == []
