"""Encryption at rest (SQLCipher): set, change and remove the passphrase without losing a row.

Real SQLCipher files throughout: the digests of every table (and of every patient's record)
are equal before and after each conversion, the file never starts with "SQLite format 3"
while it is encrypted, and the backups of an encrypted database stay encrypted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from reliability_support import digests_of

from osteodesk.__main__ import main
from osteodesk.storage import crypto
from osteodesk.storage.backup import (
    auto_backup,
    backup_database,
    check_file,
    list_auto_backups,
    read_only,
)
from osteodesk.storage.database import open_database
from osteodesk.storage.demo import generate
from osteodesk.storage.patients import PatientRepository

pytestmark = pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")

AS_OF = date(2026, 11, 25)
SQLITE_HEADER = b"SQLite format 3\x00"
FIRST = "correct horse battery"
SECOND = "staple 马 电池 😀"


def header(path) -> bytes:
    return path.read_bytes()[:16]


@pytest.fixture
def clinic(tmp_path):
    path = tmp_path / "clinic.sqlite3"
    db = open_database(path)
    repo = PatientRepository(db)
    for i, record in enumerate(generate(40, seed=4, as_of=AS_OF)):
        repo.add(replace(record, id=f"MRN-{i:03d}"))
    repo.archive(repo.find_by_mrn("MRN-007"))
    db.close()
    return path


def table_digests(path, passphrase=None):
    with read_only(path, passphrase=passphrase) as conn:
        return crypto.table_digests(conn)


def test_set_change_and_remove_the_passphrase_lose_nothing(clinic):
    plain_tables = table_digests(clinic)
    plain_records = digests_of(clinic)
    auto_backup(clinic, "close")
    backups = list_auto_backups(clinic.stem)
    assert header(backups[0]) == SQLITE_HEADER

    report = crypto.convert(clinic, None, FIRST, backups=backups)
    assert report.encrypted
    assert report.backups_converted == backups
    assert header(clinic) != SQLITE_HEADER
    assert header(backups[0]) != SQLITE_HEADER  # no plain copy stays behind
    assert table_digests(clinic, FIRST) == plain_tables
    assert digests_of(clinic, FIRST) == plain_records
    assert sorted(p.name for p in clinic.parent.iterdir()) == ["clinic.sqlite3"]

    crypto.convert(clinic, FIRST, SECOND, backups=backups)
    assert table_digests(clinic, SECOND) == plain_tables
    with pytest.raises(crypto.WrongPassphraseError, match=f"wrong passphrase for {clinic}"):
        open_database(clinic, passphrase=FIRST)
    assert check_file(backups[0], passphrase=SECOND).ok

    crypto.convert(clinic, SECOND, None, backups=backups)
    assert header(clinic) == SQLITE_HEADER
    assert header(backups[0]) == SQLITE_HEADER
    assert table_digests(clinic) == plain_tables
    assert digests_of(clinic) == plain_records


def test_the_application_works_on_an_encrypted_database(tmp_path, make_record):
    """open_database over SQLCipher: sqlite-utils, migrations, WAL, repositories, search."""
    path = tmp_path / "new.sqlite3"
    db = open_database(path, passphrase=FIRST)
    assert isinstance(db, crypto.EncryptedDatabase)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    repo = PatientRepository(db)
    patient = repo.add(make_record(id="ENC-1", name="王秀英"))
    with pytest.raises(Exception, match="already belongs"):
        repo.add(make_record(id="ENC-1"))
    assert repo.get(patient).name == "王秀英"
    db.close()
    assert header(path) != SQLITE_HEADER
    assert b"\xe7\x8e\x8b" not in path.read_bytes()  # 王 in UTF-8 is nowhere in the file


def test_backups_of_an_encrypted_database_stay_encrypted(clinic, tmp_path):
    crypto.convert(clinic, None, FIRST)
    db = open_database(clinic, passphrase=FIRST)
    report = backup_database(db, tmp_path / "copy.sqlite3")
    made = auto_backup(clinic, "close", db=db)
    db.close()
    for copy in (report.target, made):
        assert header(copy) != SQLITE_HEADER
        assert check_file(copy, passphrase=FIRST).ok
        with pytest.raises(crypto.EncryptedDatabaseError):
            check_file(copy)


def test_cli_with_the_passphrase_in_the_environment(clinic, tmp_path, capsys, monkeypatch):
    crypto.convert(clinic, None, FIRST)
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, FIRST)
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--to", str(copy), "--db", str(clinic)]) == 0
    assert header(copy) != SQLITE_HEADER
    assert main(["check", "--db", str(clinic), "--backup", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "the records of all 40 patients are identical" in out
    before = digests_of(clinic, FIRST)
    assert main(["restore", str(copy), "--db", str(clinic)]) == 0
    assert digests_of(clinic, FIRST) == before
    monkeypatch.delenv(crypto.PASSPHRASE_ENV)
    assert main(["check", "--db", str(clinic)]) == 1
    assert "is encrypted: give its passphrase" in capsys.readouterr().err


def test_a_failed_conversion_changes_nothing(clinic, monkeypatch):
    image = clinic.read_bytes()

    def broken_copy(*args, **kwargs):
        raise crypto.StorageError("the converted copy does not hold the same rows")

    monkeypatch.setattr(crypto, "_verify_copy", broken_copy)
    with pytest.raises(crypto.StorageError):
        crypto.convert(clinic, None, FIRST)
    assert clinic.read_bytes() == image
    assert sorted(p.name for p in clinic.parent.iterdir()) == ["clinic.sqlite3"]


def test_wrong_old_passphrase_and_weak_new_ones_are_refused(clinic):
    crypto.convert(clinic, None, FIRST)
    image = clinic.read_bytes()
    with pytest.raises(crypto.WrongPassphraseError):
        crypto.convert(clinic, "not it at all", SECOND)
    with pytest.raises(crypto.PassphraseError, match="at least 8 characters"):
        crypto.convert(clinic, FIRST, "short")
    with pytest.raises(crypto.PassphraseError, match="control characters"):
        crypto.convert(clinic, FIRST, "tab\there is bad")
    with pytest.raises(crypto.EncryptedDatabaseError):
        crypto.convert(clinic, None, SECOND)
    assert clinic.read_bytes() == image


def test_conversion_refuses_an_open_database(clinic):
    db = open_database(clinic)
    try:
        PatientRepository(db).count()
        image = clinic.read_bytes()
        with pytest.raises(crypto.StorageError, match="open"):
            crypto.convert(clinic, None, FIRST)
        assert clinic.read_bytes() == image
    finally:
        db.close()
